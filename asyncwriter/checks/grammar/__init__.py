"""Grammar and spelling in the check engine: the LanguageTool side the engine can see.

The engine splits a draft into paragraphs (:mod:`.paragraphs`), asks a server it is given
about the ones it has not seen and turns the answers into findings (:mod:`.checker`), and
records what happened on the report (:mod:`.outcome`). Talking to LanguageTool itself (HTTP,
the local Java server, the download, the settings) is :mod:`asyncwriter.languagetool`'s job,
so nothing here touches the network, the disk or the settings file.

Import from the submodules: this package re-exports nothing, so that importing
:mod:`.outcome` (as the report record does) loads no more than it needs.
"""

from __future__ import annotations
