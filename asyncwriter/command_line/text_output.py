"""The text format: one finding a line, a closing summary, colour on a terminal.

Colour follows the conventions other linters share: ``--color always|never`` decides;
with ``auto`` (the default) a non-empty ``NO_COLOR`` turns it off (https://no-color.org),
a non-empty ``FORCE_COLOR`` turns it on, and otherwise only a terminal gets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from collections.abc import Mapping

    from asyncwriter.command_line.located import Located

#: ANSI colours: the terminal's own palette (red, yellow, blue), so dark and light themes
#: both stay readable; the path and rule id are dimmed/bold rather than coloured.
_SEVERITY_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "34"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def use_colour(choice: str, is_tty: bool, environ: Mapping[str, str]) -> bool:
    """Return whether to colour the output for ``--color choice``."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_tty


def finding_line(item: Located, colour: bool) -> str:
    """Return ``path:line:col: severity rule-id message`` (the lint contract's text line)."""
    f = item.finding
    where = f"{item.path}:{item.line}:{item.column}:"
    if not colour:
        return f"{where} {f.severity} {f.rule} {f.message}"
    sev = f"\x1b[{_SEVERITY_COLOUR[f.severity]}m{f.severity}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {sev} {_DIM}{f.rule}{_RESET} {f.message}"


def _count(n: int, word: str) -> str:
    # "info" is a mass noun: "3 info", not "3 infos".
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def summary(
    results: list[tuple[str, list[Located]]],
    colour: bool = False,
    *,
    hidden: Mapping[Severity, int] | None = None,
    minimum: Severity = Severity.INFO,
) -> str:
    """Return the closing line: "6 problems: 1 error, 5 warnings in 2 files".

    Files counts the inputs checked (readable ones), so "in 2 files" says how much was
    looked at, as markdownlint and ESLint do. ``hidden`` counts the findings below
    ``--min-severity``: the line says they were left out rather than that there are none,
    and with no input checked at all it says that, not "No problems".
    """
    if not results:
        return "Nothing was checked: no input could be read."
    files = _count(len(results), "file")
    items = [item for _path, found in results for item in found]
    left_out = [_count(n, str(sev)) for sev, n in sorted((hidden or {}).items(), reverse=True)
                if n]  # fmt: skip
    below = f" ({', '.join(left_out)} below --min-severity {minimum} not shown)" if left_out else ""
    if not items:
        shown = {Severity.ERROR: "errors", Severity.WARNING: "errors or warnings"}
        return f"No {shown.get(minimum, 'problems')} in {files}{below}."
    parts = [
        _count(sum(1 for i in items if i.severity is severity), str(severity))
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if any(i.severity is severity for i in items)
    ]
    line = f"{_count(len(items), 'problem')}: {', '.join(parts)} in {files}{below}"
    if colour:
        worst = max(i.severity for i in items)
        return f"{_BOLD}\x1b[{_SEVERITY_COLOUR[worst]}m{line}{_RESET}"
    return line
