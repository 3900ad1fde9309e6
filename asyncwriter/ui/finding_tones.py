"""How a finding is presented: its group in the lists, its colour, its underline.

An unfilled ``{{placeholder}}`` is reported by the checks as an error (a message sent with
one is broken), but in a fresh template it is not something the writer got wrong: it is
what is left to write. So the window shows placeholders as a neutral "To fill (n)" group in
the placeholder colour, without a red wavy line, and keeps the error colours for what the
writer wrote. The checks (and the CLI's exit code) are unchanged; this is presentation only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat

from asyncwriter.checks import Severity
from asyncwriter.ui import theme

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QPalette

    from asyncwriter.checks.model import Finding

#: The rule of an unfilled template placeholder.
PLACEHOLDER_RULE = "structure.placeholder"
#: The tone (theme colour key) of findings that are still to fill.
TO_FILL = "placeholder"
#: What the group of unfilled placeholders is called.
TO_FILL_LABEL = "To fill"

#: How findings are grouped, worst first, and what each group is called.
SEVERITY_LABELS = (
    (Severity.ERROR, "Errors"),
    (Severity.WARNING, "Warnings"),
    (Severity.INFO, "Notes"),
)


@dataclass(frozen=True, slots=True)
class FindingGroup:
    """One heading of the findings list: its label, its colour key and its findings."""

    label: str
    tone: Severity | str
    findings: tuple[Finding, ...]

    @property
    def heading(self) -> str:
        """Return the heading as shown: "Errors (2)", "To fill (17)"."""
        return f"{self.label} ({len(self.findings)})"


def is_to_fill(finding: Finding) -> bool:
    """Return True for an unfilled placeholder (shown as "to fill", not as an error)."""
    return finding.rule == PLACEHOLDER_RULE


def tone(finding: Finding) -> Severity | str:
    """Return the theme colour key for ``finding``: its severity, or the placeholder tone."""
    return TO_FILL if is_to_fill(finding) else finding.severity


def to_fill_count(findings: Sequence[Finding]) -> int:
    """Return how many of ``findings`` are unfilled placeholders."""
    return sum(1 for f in findings if is_to_fill(f))


def finding_groups(findings: Sequence[Finding]) -> list[FindingGroup]:
    """Group ``findings`` by severity (what the writer wrote), then "To fill" (placeholders).

    Empty groups are left out; order within a group is the order given.
    """
    groups = []
    for severity, label in SEVERITY_LABELS:
        group = tuple(f for f in findings if f.severity is severity and not is_to_fill(f))
        if group:
            groups.append(FindingGroup(label, severity, group))
    to_fill = tuple(f for f in findings if is_to_fill(f))
    if to_fill:
        groups.append(FindingGroup(TO_FILL_LABEL, TO_FILL, to_fill))
    return groups


def underline_format(key: Severity | str, palette: QPalette | None = None) -> QTextCharFormat:
    """Return the editor's format for findings of tone ``key``.

    Severities get a wavy underline in their colour. Placeholders get none: the highlighter
    already paints them in the placeholder colour, which says "write here" without saying
    "wrong".
    """
    fmt = QTextCharFormat()
    if key != TO_FILL:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(theme.color(key, palette))
    return fmt
