"""Rules ``deadline.outside-hours``, ``deadline.short-notice``, ``deadline.day-off``: team time.

A deadline with a zone is readable, not yet fair: "17:00 UTC" is 02:00 the next day in
Tokyo, and the reader there wakes up after it passed. These rules read each resolved
deadline for the draft's readers (:mod:`asyncwriter.checks.readers`) as the settings'
``[[team.people]]`` describe them, and are silent when no people are configured.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter import team
from asyncwriter.checks.readers import readers
from asyncwriter.checks.rule import REPLACE, Rule
from asyncwriter.english import series
from asyncwriter.rule_settings import Severity
from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import wording

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from datetime import date, datetime, tzinfo

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.team import Person
    from asyncwriter.times.expressions import Resolution, TimeExpression


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield the team-time findings for each future, resolved deadline."""
    if not opts.people or not facts.found_deadlines:
        return
    people = readers(a.text, opts.people)
    for expr, res in facts.found_deadlines:
        if res.when is None or res.when <= opts.now or a.is_quoted(expr.start):
            continue
        span = wording.fix_span(a.text, expr)
        shown_in = _shown_zone(facts, opts, expr)
        fixes = _Fixes(people, res.when, opts, shown_in)  # one search, shared by both findings
        off = list(_days_off(people, res))
        if off and opts.enabled("deadline.day-off"):
            yield _day_off(opts, span, res, off, fixes)
        if not res.date_only and opts.enabled("deadline.outside-hours"):
            resting = {p.name for p, _why in off}  # their day off is reported, not their hours
            outside = [
                p for p in people if p.name not in resting and not p.deadline_inside(res.when)
            ]
            if outside:
                yield _outside_hours(opts, span, res.when, outside, shown_in, fixes)
        if not opts.enabled("deadline.short-notice"):
            continue
        short = [
            (p, hours)
            for p in people
            if (hours := p.working_hours_between(opts.now, res.when, opts.short_notice_hours))
            < opts.short_notice_hours
        ]
        if short:
            yield _short_notice(opts, span, short, people, shown_in)


def _shown_zone(facts: MessageFacts, opts: Options, expr: TimeExpression) -> tzinfo:
    """Return the zone a fix writes the deadline in: its own, the declared one, the writer's."""
    for zone in (expr.zone, facts.declared_zone):
        if zone is not None and zone.tz is not None:
            return zone.tz
    return opts.tz


def _days_off(people: Sequence[Person], res: Resolution) -> Iterator[tuple[Person, str]]:
    """Yield each reader whose local day of the deadline is a day off, with why."""
    assert res.when is not None
    for person in people:
        why = person.day_off(_local_day(person, res))
        if why is not None:
            yield person, why


def _local_day(person: Person, res: Resolution) -> date:
    """Return the deadline's day for ``person``.

    A date-only deadline ("by 3 Dec") is that date for everyone, not 23:59 somewhere.
    """
    assert res.when is not None
    return res.when.date() if res.date_only else res.when.astimezone(person.zone).date()


class _Fixes:
    """One deadline's fix: the nearest moment inside every reader's hours, written in ``tz``.

    The search (a quarter hour at a time over two weeks) runs once, when a finding needs it.
    """

    def __init__(self, people: Sequence[Person], when: datetime, opts: Options, tz: tzinfo) -> None:
        self._args = (people, when, opts.now, tz)
        self._found: list[str] | None = None

    def __call__(self) -> list[str]:
        if self._found is None:
            people, when, now, tz = self._args
            moment = team.nearest_shared_moment(people, when, now)
            self._found = [] if moment is None else [wording.for_readers(moment, tz, now)]
        return self._found


def _fix_note(suggestions: list[str]) -> str:
    if suggestions:
        return f" Move it inside everyone's hours: “{suggestions[0]}”."
    return " No moment in the next two weeks is inside every reader's hours."


def _outside_hours(
    opts: Options,
    span: tuple[int, int],
    when: datetime,
    outside: list[Person],
    tz: tzinfo,
    fix: _Fixes,
) -> Finding:
    said = timeexpr.format_moment(when, tz)
    clock = said.split(", ", 1)[1]  # "17:00 UTC"
    parts = [
        f"{when.astimezone(p.zone):%H:%M %a} for {p.name} in {p.place} (working hours {p.hours})"
        for p in outside
    ]
    fixes = fix()
    return opts.finding(
        "deadline.outside-hours",
        *span,
        f"{clock} is {series(parts)}: outside their working day, so it passes before they "
        f"can act.{_fix_note(fixes)}",
        fixes,
    )


def _day_off(
    opts: Options,
    span: tuple[int, int],
    res: Resolution,
    off: list[tuple[Person, str]],
    fix: _Fixes,
) -> Finding:
    assert res.when is not None
    parts = []
    for person, why in off:
        day = _local_day(person, res)
        if day.weekday() not in person.days:
            parts.append(f"{timeexpr.format_day(day)} is {person.name}'s weekend")
        else:
            parts.append(f"{timeexpr.format_day(day)} is {why}, a public holiday for {person.name}")
    fixes = [] if res.date_only else fix()
    return opts.finding(
        "deadline.day-off",
        *span,
        f"{series(parts)}: the deadline falls on their day off.{_fix_note(fixes) if fixes else ''}",
        fixes,
    )


def _short_notice(
    opts: Options,
    span: tuple[int, int],
    short: list[tuple[Person, float]],
    people: Sequence[Person],
    tz: tzinfo,
) -> Finding:
    parts = [f"{p.name} has {team.format_hours(hours)}" for p, hours in short]
    moment = team.earliest_with_notice(people, opts.now, opts.short_notice_hours)
    fixes = [] if moment is None else [wording.for_readers(moment, tz, opts.now)]
    advice = (
        f" The earliest that gives everyone {team.format_hours(opts.short_notice_hours)}: "
        f"“{fixes[0]}”."
        if fixes
        else ""
    )
    return opts.finding(
        "deadline.short-notice",
        *span,
        f"{series(parts)} before it.{advice}",
        fixes,
    )


RULES = (
    Rule("deadline.outside-hours", Severity.WARNING,
         "A deadline in a reader's night passes before they can act on it.", check,
         fix=REPLACE),
    Rule("deadline.short-notice", Severity.INFO,
         "A reader with only an hour or two of working time before a deadline cannot act "
         "on it with care.", check, fix=REPLACE),
    Rule("deadline.day-off", Severity.WARNING,
         "A deadline on a reader's weekend or public holiday asks them to work on their "
         "day off.", check, fix=REPLACE),
)  # fmt: skip
