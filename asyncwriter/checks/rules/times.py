"""Rule ``time.no-timezone``: a clock time a reader elsewhere must act on needs a zone.

"Run a second load test at 3pm on Wednesday" is a different moment in every reader's zone,
just as a deadline is. Deadlines have their own, stricter rule (``deadline.no-timezone``);
this one covers the other clock times a reader plans around: meetings, calls, windows,
cutovers, load tests. Not times that have a zone, nor any time in a message that declares
one for all its times ("All times UTC"), nor dates and durations, which have no clock time,
nor what already happened (a timeline of an incident, a date that has passed): the reader
cannot act on those.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from datetime import UTC
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.checks.rule import REPLACE, Rule
from asyncwriter.checks.rules import unknown_zone
from asyncwriter.rule_settings import Severity
from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import wording

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date, datetime, time

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.times.expressions import TimeExpression

#: Units that are a time of day on a clock. "End of day" is not one: as an event ("at the
#: end of the day it is your call") it is a figure of speech, and as a deadline the deadline
#: rules judge it.
_CLOCKS = frozenset({"clock12", "clock24", "clock4", "named"})

#: Units that say which day without the reader's help: a written date or a relative day.
_SAYS_WHICH_DAY = frozenset({"iso", "mdate", "sdate", "relday", "relweek", "period"})

_events = functools.partial(vocabulary.alternatives, "events")
#: A verb in the past tense: "alerts fired at 14:02", "the rollback finished by 14:40".
_PAST = re.compile(rf"\b(?:{_events('past_verbs')})\b", re.IGNORECASE)
#: Words that put a time ahead even after a past verb: "the sync was moved to 15:00".
_AHEAD = re.compile(rf"\b(?:{_events('ahead_words')})\b", re.IGNORECASE)
#: Right before a time: a moment already past, or a stamp ("since 12:00", "update (14:45)").
_PAST_MARKER = re.compile(rf"\b(?:{_events('past_markers')})\W{{0,3}}$", re.IGNORECASE)
#: A place people meet in: "in room 3.14", "at the office", "on the 3rd floor".
_PLACE = re.compile(
    rf"\b(?:in|at|on)\s(?:the\s|our\s|a\s)?(?:[\w.\-]+\s){{0,2}}?(?:{_events('place_words')})\b",
    re.IGNORECASE,
)
_REMOTE = re.compile(rf"\b(?:{_events('remote_words')})\b", re.IGNORECASE)
#: Between two times that share the zone written after the second: "01:00 and 03:00 CET".
_PAIRED = re.compile(r"\s?(?i:and|to|until|till|through|-|\u2013|\u2014)\s?")
#: What may stand before a timeline entry's time on its line, besides the list marker.
_ENTRY_LEAD = re.compile(r"[\s*\-\u2022>#|]*")


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield ``time.no-timezone`` for each unzoned clock time that is not a deadline.

    Everything a time is judged by is worked out once per message (which times are
    deadlines, zoned, in a timeline; each sentence's verdict), so a message of thousands
    of times costs linear time.
    """
    if facts.declared_zone is not None:
        return
    deadlines = {e.start for e, _res in facts.found_deadlines}
    today = opts.now.astimezone(opts.tz).date()
    context = _Context(a, facts, opts)
    for expr in facts.times:
        if not _has_clock(expr) or a.is_quoted(expr.start):
            continue
        if expr.start in deadlines:
            continue  # a deadline: deadline.no-timezone's, never both on one span
        if expr.zone is not None:
            unknown = unknown_zone.finding(a, opts, expr, "time.no-timezone")
            if unknown is not None:
                yield unknown
            continue
        res = timeexpr.resolve(expr, opts.now, opts.tz, None)
        if context.reads_without_zone(expr, res.when):
            continue
        local = wording.local_moment(expr, res.when, opts.tz, today)
        start, end = wording.fix_span(a.text, expr)
        fix = wording.with_zone(a.text, expr, local, opts.tz)
        text = " ".join(a.text[start:end].split())
        yield opts.finding(
            "time.no-timezone",
            start,
            end,
            f"“{text}” has no time zone: a reader elsewhere will read it in their own. "
            f"Add one (e.g. “{fix}”).",
            [fix],
            safe=True,
        )


def _has_clock(expr: TimeExpression) -> bool:
    """Return True when ``expr`` names a time on the clock (not only a day or an end of day)."""
    if expr.kinds() & _CLOCKS:
        return True
    iso = expr.unit("iso")
    return iso is not None and len(iso.text) > 10


class _Context:
    """What the message says around its times, read once: zones given, timelines, sentences."""

    def __init__(self, a: Analysis, facts: MessageFacts, opts: Options) -> None:
        self.a, self.opts = a, opts
        self.timeline = _narrative_timeline(a, facts)
        self.partnered = _zoned_by_partner(a, facts)
        #: Each paragraph with a zoned time: where its first zoned time starts.
        self.first_zoned: dict[int, int] = {}
        #: The clock times given with a zone: with their day, and all of them, and dayless.
        self.zoned_days: set[tuple[date, time]] = set()
        self.zoned_clocks: set[time] = set()
        self.zoned_dayless: set[time] = set()
        for expr in facts.times:
            if expr.zone is None:
                continue
            self.first_zoned.setdefault(a.block_at(expr.start), expr.start)
            day, clock = _wall(expr, opts)
            if clock is None:
                continue
            self.zoned_clocks.add(clock)
            if day is None:
                self.zoned_dayless.add(clock)
            else:
                self.zoned_days.add((day, clock))
        self._sentences: dict[int, tuple[bool, bool]] = {}

    def reads_without_zone(self, expr: TimeExpression, when: datetime | None) -> bool:
        """Return True when a careful reader needs no zone for this unzoned time."""
        return (
            expr.start in self.timeline
            or expr.start in self.partnered
            or self._has_passed(expr, when)
            or self._sentence(expr)[1]
            or self._given_with_zone(expr)
            or self._zone_from_paragraph(expr)
        )

    def _has_passed(self, expr: TimeExpression, when: datetime | None) -> bool:
        """Return True for a time that is over: one that resolves to before now, or narrative.

        A time with a day says when: before now, it has passed ("on 20 Nov at 14:00 the
        outage began"). A time with no day is not read as today: "standup is at 08:00" is
        tomorrow's standup, or every day's. Instead, a time with no day, or only a weekday,
        is narrative when its sentence tells what happened ("the outage ran from 14:02 to
        14:40", "on Tuesday at 9:00 the job failed") and nothing in it points ahead. A time
        right after "since" or "as of", or that stamps an update ("update (14:45)"), is
        past too.
        """
        a = self.a
        if expr.has_day and when is not None and when < self.opts.now:
            return True
        sentence = a.sentence_at(expr.start)
        line_start = a.lines.line_start(a.lines.line_col(expr.start)[0])
        start = sentence.start if sentence is not None else line_start
        if _PAST_MARKER.search(a.prose, max(start, expr.start - 20), expr.start):
            return True
        return not expr.kinds() & _SAYS_WHICH_DAY and self._sentence(expr)[0]

    def _sentence(self, expr: TimeExpression) -> tuple[bool, bool]:
        """Return whether the time's sentence tells what happened, and meets in a room only.

        A room is that room's local time, and only readers there can act on it ("in room
        3.14", "at the office"), unless the meeting is also online.
        """
        sentence = self.a.sentence_at(expr.start)
        if sentence is None:
            return False, False
        verdict = self._sentences.get(sentence.start)
        if verdict is None:
            said = self.a.prose[sentence.start : sentence.end]
            remote = bool(_REMOTE.search(said))
            narrative = bool(_PAST.search(said)) and not _AHEAD.search(said)
            verdict = narrative, bool(_PLACE.search(said)) and not remote
            self._sentences[sentence.start] = verdict
        return verdict

    def _given_with_zone(self, expr: TimeExpression) -> bool:
        """Return True when the message gives this time with a zone elsewhere.

        "Sunday 29 Nov 06:00 CST: go-live" and later "the Sunday 06:00 restart": the second
        points back at the first, whose zone the reader already has.
        """
        day, clock = _wall(expr, self.opts)
        if clock is None:
            return False
        if day is None:
            return clock in self.zoned_clocks
        return (day, clock) in self.zoned_days or clock in self.zoned_dayless

    def _zone_from_paragraph(self, expr: TimeExpression) -> bool:
        """Return True when a time earlier in the same paragraph has a zone.

        "When: Sun 6 Dec, 02:00-03:30 GMT. Back-out: restore the snapshot taken at 01:45":
        the reader reads on in the zone they were just given, as with a day.
        """
        first = self.first_zoned.get(self.a.block_at(expr.start))
        return first is not None and first < expr.start


def _narrative_timeline(a: Analysis, facts: MessageFacts) -> set[int]:
    """Return the starts of times that lead the entries of a timeline of what happened.

    Lines that each start with a time ("- 13:10 latency starts climbing", "- 13:18 paged")
    are a timeline or an agenda. When any entry tells what happened, they all do, even
    the ones written in the present ("13:40 one node is at 100% heap"): the reader has
    nothing to act on at those times. An agenda ("10:00 intro", "10:30 demo") has no
    past verb and keeps its findings.
    """
    entries: list[tuple[int, int, str]] = []
    for expr in facts.times:
        if expr.kinds() & _SAYS_WHICH_DAY:
            continue
        line = a.lines.line_col(expr.start)[0]
        line_start = a.lines.line_start(line)
        if not _ENTRY_LEAD.fullmatch(a.prose, line_start, expr.start):
            continue
        line_end = a.prose.find("\n", expr.start)
        entries.append(
            (line, expr.start, a.prose[expr.start : line_end if line_end != -1 else None])
        )
    found: set[int] = set()
    group: list[tuple[int, int, str]] = []
    for entry in [*entries, (-9, -1, "")]:
        if group and entry[0] - group[-1][0] not in (1, 2):
            if len(group) > 1 and any(_PAST.search(t) and not _AHEAD.search(t) for *_x, t in group):
                found.update(start for _line, start, _t in group)
            group = []
        group.append(entry)
    return found


def _zoned_by_partner(a: Analysis, facts: MessageFacts) -> set[int]:
    """Return the starts of times whose zone is written after the time they pair with.

    "Between 01:00 and 03:00 London time": the zone is the range's, written once at its end.
    """
    found: set[int] = set()
    for expr, after in zip(facts.times, facts.times[1:], strict=False):
        if after.zone is not None and _PAIRED.fullmatch(a.prose, expr.end, after.start):
            found.add(expr.start)
    return found


def _wall(expr: TimeExpression, opts: Options) -> tuple[date | None, time | None]:
    """Return the day (None when it names none) and the clock time an expression writes."""
    res = timeexpr.resolve(dataclasses.replace(expr, zone=None), opts.now, UTC, None)
    if res.when is None:
        return None, wording.clock_time(expr)
    wall = res.when.astimezone(UTC)
    return (wall.date() if expr.has_day else None), wall.time()


RULES = (
    Rule("time.no-timezone", Severity.WARNING,
         "A meeting, call or window at a clock time with no zone is at a different moment "
         "for every reader.", check, fix=REPLACE),
)  # fmt: skip
