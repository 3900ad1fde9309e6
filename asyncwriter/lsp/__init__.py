"""``asyncwriter lsp``: the checks in any editor that speaks the Language Server Protocol.

:mod:`~asyncwriter.lsp.server` wires the protocol (pygls) to the same engine the window and
the command line use; :mod:`~asyncwriter.lsp.linting` decides the settings for a document,
:mod:`~asyncwriter.lsp.protocol_items` turns findings into diagnostics, quick fixes and hover
text, and :mod:`~asyncwriter.lsp.positions` counts columns the way the client does.
"""
