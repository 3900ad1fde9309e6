"""The plain-data records every check produces and every consumer reads.

Findings and facts hold Python ``str`` indices into the draft as given. Line and column are
worked out only when a report is formatted, so checks never have to think about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from asyncwriter.checks.lines import LineIndex
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from asyncwriter.checks.grammar.outcome import GrammarOutcome

__all__ = ["Ask", "Deadline", "Facts", "Finding", "LineIndex", "Report", "Severity"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the draft, with the span it covers and optional replacements."""

    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    #: What kind of problem, where the checker says (LanguageTool's issue type, such as
    #: ``misspelling``): the window offers "Add to dictionary" for misspellings.
    category: str = ""
    #: The one suggestion is the rewrite any writer would make, worked out from the text and
    #: the options alone (a relative date written out, the writer's zone added), so
    #: ``asyncwriter lint --fix`` may apply it unattended. Set by the rule, never guessed.
    safe: bool = False


@dataclass(frozen=True, slots=True)
class Ask:
    """A request to the reader found in the draft."""

    text: str
    start: int
    end: int
    vague: bool = False
    #: ``"action"`` (do or decide something), ``"question"`` (answer something) or
    #: ``"fyi"`` (an explicit statement that nothing is asked).
    kind: str = "action"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A time by which something should happen, resolved where the text allows it."""

    text: str
    start: int
    end: int
    #: ISO 8601 with offset, or None when the text cannot be resolved to a moment.
    datetime: str | None
    #: The zone the text states (IANA name, ``UTC``, ``+02:00``, ``AoE``), or None.
    timezone: str | None
    #: True when the text names a day and no clock time ("by Thu 3 Dec"): ``datetime`` is
    #: then the end of that day, and a calendar shows it as an all-day event. Not in the JSON
    #: contract, whose ``datetime`` already says 23:59.
    date_only: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    """What the draft says, independent of whether it says it well (the JSON ``facts``)."""

    summary: str | None = None
    asks: tuple[Ask, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    links: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the ``facts`` object of the lint JSON contract."""
        return {
            "summary": self.summary,
            "asks": [{"text": a.text, "vague": a.vague} for a in self.asks if a.kind != "fyi"],
            "deadlines": [
                {"text": d.text, "datetime": d.datetime, "timezone": d.timezone}
                for d in self.deadlines
            ],
            "links": list(self.links),
        }


@dataclass(slots=True)
class Report:
    """The result of linting one text: findings sorted by position, and facts."""

    text: str
    findings: list[Finding]
    facts: Facts
    #: Absence rules (no summary, ask, deadline, link) that fired but are not reported
    #: because the draft still has unfilled placeholders.
    held_back: tuple[str, ...] = ()
    #: The id of the template whose sections and settings were applied, if any.
    template: str | None = None
    #: Words of prose (code and URLs not counted), for the editor's word count.
    word_count: int = 0
    #: What grammar checking made of this text (None when it was not asked for).
    grammar: GrammarOutcome | None = None
    #: What the embedded spelling checker made of this text (None when it was not asked for).
    spelling: GrammarOutcome | None = None

    def has_errors(self) -> bool:
        """Return True when any finding is an error (``asyncwriter lint`` exits 1)."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def to_json(self, path: str) -> dict[str, Any]:
        """Return this report as one element of the lint JSON contract."""
        index = LineIndex(self.text)
        findings = []
        for f in self.findings:
            line, column = index.line_col(f.start)
            end_line, end_column = index.line_col(f.end)
            findings.append(
                {
                    "rule": f.rule,
                    "severity": str(f.severity),
                    "message": f.message,
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "offset": f.start,
                    "length": f.end - f.start,
                    "suggestions": list(f.suggestions),
                }
            )
        return {"path": path, "findings": findings, "facts": self.facts.to_json()}
