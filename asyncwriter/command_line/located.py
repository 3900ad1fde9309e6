"""Findings with their line and column, worked out once for every output format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter.checks.lines import LineIndex

if TYPE_CHECKING:
    from asyncwriter.checks.model import Finding, Report
    from asyncwriter.rule_settings import Severity


@dataclass(frozen=True, slots=True)
class Located:
    """One finding in one input, with 1-based positions in code points and UTF-16 units.

    Text, JSON and GitHub output count columns in code points (the lint contract); SARIF
    says ``utf16CodeUnits``, the unit GitHub code scanning and most editors use.
    """

    path: str
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    column16: int
    end_column16: int

    @property
    def severity(self) -> Severity:
        """The finding's severity."""
        return self.finding.severity


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def locate(path: str, report: Report, minimum: Severity) -> list[Located]:
    """Return the report's findings at or above ``minimum``, with their positions."""
    index = LineIndex(report.text)
    text = report.text
    found = []
    for f in report.findings:
        if f.severity < minimum:
            continue
        line, column = index.line_col(f.start)
        end_line, end_column = index.line_col(f.end)
        column16 = _utf16(text[f.start - (column - 1) : f.start]) + 1
        end_column16 = _utf16(text[f.end - (end_column - 1) : f.end]) + 1
        found.append(Located(path, f, line, column, end_line, end_column, column16, end_column16))
    return found
