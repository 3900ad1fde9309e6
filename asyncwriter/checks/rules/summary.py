"""Rule ``summary.missing``: the reader must get the point from the top of the message.

Whether the top states the point is a fact (:mod:`asyncwriter.checks.facts.summary`); this
rule reports the opening that does not, and offers a TL;DR line that gives a buried ask's
bottom line (:mod:`asyncwriter.checks.tldr`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.checks.rule import INSERT_SUMMARY, Rule
from asyncwriter.checks.tldr import tldr_fix
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield ``summary.missing`` when the top of a longer message has no bottom line."""
    verdict = facts.summary
    if verdict.ok or verdict.opening is None:
        return
    start, end = verdict.opening
    later = next((x for x in facts.asks if x.kind == "action" and not x.vague), None)
    where = ""
    suggestions: list[str] = []
    if later is not None and later.start > end:
        line, _col = a.lines.line_col(later.start)
        where = f" Your ask only appears on line {line}."
        suggestions.append(tldr_fix(a.text, start, end, later))
    yield opts.finding(
        "summary.missing",
        start,
        end,
        "The opening doesn't give the point: start with the bottom line (the status, the "
        f"decision you need, the impact) or a “TL;DR:” line.{where}",
        suggestions,
    )


RULES = (
    Rule("summary.missing", Severity.WARNING,
         "Readers skim: if the first lines don't carry the point, it gets missed.", check,
         fix=INSERT_SUMMARY, absence=True),
)  # fmt: skip
