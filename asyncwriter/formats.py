"""The destinations a message is written for: one list for templates, export and the CLI.

A template's ``channel`` is one of these, and it is the format its drafts are copied in by
default. Kept in a module with no imports so the command line can list the choices
without loading the Markdown parser.
"""

from __future__ import annotations

FORMATS = ("slack", "teams", "email", "markdown", "plain")
#: How each format is named in the window and in messages.
LABELS = {"slack": "Slack", "teams": "Teams", "email": "Email", "markdown": "Markdown",
          "plain": "Plain Text"}  # fmt: skip
