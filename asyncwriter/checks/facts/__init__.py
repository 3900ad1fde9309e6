"""What a message says, read once per lint, before any rule runs.

The facts are the summary verdict, the asks, the time expressions, the deadlines among them
and the links. Several rules read each of them (the deadline rules need the asks; the
summary verdict needs asks and deadlines), so they are computed here, in the one order
:func:`read_facts` states, and handed to every rule as an immutable record. No rule writes
to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter.checks.facts import asks as asks_facts
from asyncwriter.checks.facts import deadlines as deadline_facts
from asyncwriter.checks.facts.summary import SummaryVerdict, read_summary
from asyncwriter.checks.model import Facts
from asyncwriter.times import expressions as timeexpr

if TYPE_CHECKING:
    from datetime import date, datetime, tzinfo

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.model import Ask, Deadline
    from asyncwriter.times.expressions import Resolution, TimeExpression, Zone


@dataclass(frozen=True, slots=True)
class MessageFacts:
    """Everything the rules may know about the message besides its analysis.

    Attributes:
        declared_zone: a zone the message declares for all its times ("All times UTC").
        asks: the asks, FYI statements included (``kind == "fyi"``).
        times: every time expression in the prose.
        found_deadlines: the expressions that are deadlines, each with its resolution.
        deadlines: the same as ``facts.deadlines`` records.
        summary: whether the top of the message gives its point.
        written_dates: the dates the message writes out ("26 Nov", "2026-11-26").
        links: the URLs the message links to or embeds (images), in order, each once.
    """

    declared_zone: Zone | None
    asks: tuple[Ask, ...]
    times: tuple[TimeExpression, ...]
    found_deadlines: tuple[tuple[TimeExpression, Resolution], ...]
    deadlines: tuple[Deadline, ...]
    summary: SummaryVerdict
    written_dates: frozenset[date]
    links: tuple[str, ...]

    def public(self) -> Facts:
        """Return the facts of the lint contract (the JSON ``facts`` object)."""
        return Facts(
            summary=self.summary.text if self.summary.ok else None,
            asks=self.asks,
            deadlines=self.deadlines,
            links=self.links,
        )


def read_facts(a: Analysis, now: datetime, tz: tzinfo) -> MessageFacts:
    """Read the facts in their one order: zone, asks, times, deadlines, summary, links."""
    declared_zone = timeexpr.find_declared_zone(a.prose)
    asks = tuple(asks_facts.find_asks(a))
    times = tuple(timeexpr.scan(a.prose))
    found = tuple(deadline_facts.find_deadlines(a, asks, times, declared_zone, now, tz))
    deadlines = tuple(deadline_facts.to_facts(found, a, declared_zone))
    summary = read_summary(a, asks, deadlines)
    today = now.astimezone(tz).date()
    return MessageFacts(
        declared_zone=declared_zone,
        asks=asks,
        times=times,
        found_deadlines=found,
        deadlines=deadlines,
        summary=summary,
        written_dates=deadline_facts.written_dates(times, today),
        links=tuple(dict.fromkeys([link.url for link in a.links] + a.reference_urls + a.images)),
    )
