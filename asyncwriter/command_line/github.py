"""``--format github``: workflow commands GitHub Actions shows as annotations.

One line per finding: ``::error file=F,line=L,col=C,endLine=…,endColumn=…,title=T::MSG``.
Escaping follows the Actions toolkit (``@actions/core`` ``command.ts``): in the message
``%``, carriage return and line feed become ``%25``, ``%0D`` and ``%0A``; in a property
``:`` and ``,`` also become ``%3A`` and ``%2C``, since they separate the properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from asyncwriter.command_line.located import Located

#: GitHub has error, warning and notice annotations.
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property's value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(item: Located, with_file: bool = True) -> str:
    """Return the workflow command for one finding (no ``file`` for a PR description)."""
    f = item.finding
    props = []
    if with_file:  # a position means nothing without a file: the title and message say it
        props.append(f"file={escape_property(item.path)}")
        props += [f"line={item.line}", f"col={item.column}", f"endLine={item.end_line}"]
        if item.end_line == item.line:
            # GitHub documents endColumn for single-line annotations only.
            props.append(f"endColumn={item.end_column}")
    props.append(f"title={escape_property(f.rule)}")
    return f"::{_COMMAND[f.severity]} {','.join(props)}::{escape_data(f.message)}"
