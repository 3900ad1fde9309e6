"""Rules ``deadline.*`` and ``timezone.*``: by when, and in whose time.

The deadlines themselves are facts (:mod:`asyncwriter.checks.facts.deadlines`); these rules
judge them: no deadline for an ask, a vague or relative one, one without a zone, one that has
passed, a weekday that contradicts its date, and zone abbreviations with several meanings.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

from asyncwriter import vocabulary
from asyncwriter.checks.facts.deadlines import date_of
from asyncwriter.checks.rule import REPLACE, Rule
from asyncwriter.checks.rules import unknown_zone
from asyncwriter.rule_settings import Severity
from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import wording, zones

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import tzinfo

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.times.expressions import Resolution, TimeExpression, Zone

#: "before it", "by the window", "during the window": an ask that points back at an event
#: dated elsewhere.
_ANAPHORIC = re.compile(
    r"\b(?:before|by|ahead\sof|prior\sto|during)\s(?:it|this|that|then|the\s(?:"
    + vocabulary.alternatives("deadlines", "anaphoric_events")
    + r"))\b",
    re.IGNORECASE,
)


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield every deadline and time zone finding."""
    found = facts.found_deadlines
    default_tz = facts.declared_zone.tz if facts.declared_zone else None
    with_day = sum(1 for e, _r in found if e.has_day)
    for expr, res in found:
        others_have_day = with_day - (1 if expr.has_day else 0) > 0
        yield from _deadline_findings(
            a, facts, opts, expr, res, default_tz is not None, others_have_day
        )
    yield from _ambiguous_zones(a, facts, opts)
    yield from _mismatched_weekdays(a, facts, opts)
    if not found:
        actions = [x for x in facts.asks if x.kind == "action" or x.vague]
        dated = any(e.has_day for e in facts.times)
        if dated and any(_ANAPHORIC.search(a.prose[x.start : x.end]) for x in actions):
            return
        if actions:
            ask = actions[0]
            example = _concrete_deadline(facts, opts)
            yield opts.finding(
                "deadline.missing",
                ask.start,
                ask.end,
                f"This ask has no deadline: say by when, with a time zone (e.g. “by {example}”).",
            )


def _deadline_findings(
    a: Analysis,
    facts: MessageFacts,
    opts: Options,
    expr: TimeExpression,
    res: Resolution,
    declared: bool,
    others_have_day: bool,
) -> Iterator[Finding]:
    text = a.text[expr.start : expr.end]
    if res.vague:
        yield from _vague_findings(a, facts, opts, expr, res)
        if res.when is None and expr.unit("eod") is None:
            return
    dayless = not expr.has_day and expr.unit("duration") is None
    # The day is already given elsewhere: "by 11:00 UTC today ... before noon their time",
    # or "before Thursday's meeting (Thursday 26 November)".
    day_given = (dayless and others_have_day) or _weekday_dated_elsewhere(facts, opts, expr, res)
    zone = expr.zone
    if expr.has_clock:
        unknown = unknown_zone.finding(a, opts, expr, "deadline.no-timezone")
        if unknown is not None:
            yield unknown
            return
    eod_no_day = res.vague and expr.unit("eod") is not None and res.when is None
    # A clock time needs a zone even when something else about it is vague (midnight's day,
    # a weekday that contradicts the date).
    unzoned_anyway = eod_no_day or expr.unit("named", "clock12", "clock24", "clock4") is not None
    unzoned = expr.has_clock and zone is None and not declared and (not res.vague or unzoned_anyway)
    zone_fix = _zone_fix(a, facts, opts, expr, res, day_given) if unzoned else None
    if res.relative and res.absolute and not day_given:
        if zone_fix is not None and zone_fix.whole:
            # Relative and unzoned: one fix writes the date, the time and the zone.
            (start, end), replacement = zone_fix.span, zone_fix.text
            said = f"write the date, the time and a zone (“{replacement}”)"
        else:
            (start, end), replacement = _relative_fix(a, facts, opts, expr, res)
            said = f"write the date (“{replacement}”)"
        yield opts.finding(
            "deadline.relative",
            start,
            end,
            f"“{' '.join(a.text[start:end].split())}” depends on when it is read: {said}.",
            [replacement],
            safe=True,
        )
    if zone_fix is not None:
        yield opts.finding(
            "deadline.no-timezone",
            zone_fix.span[0],
            zone_fix.span[1],
            f"“{' '.join(text.split())}” has no time zone: readers elsewhere will read it in "
            f"their own. Add one (e.g. “{zone_fix.text}”).",
            [zone_fix.text],
            safe=True,
        )
    if res.when is not None and res.when < opts.now:
        shown_in = zone.tz if zone is not None and zone.tz is not None else opts.tz
        shown = timeexpr.format_moment(res.when, shown_in, with_time=not res.date_only)
        yield opts.finding(
            "deadline.past",
            expr.start,
            expr.end,
            f"This deadline ({shown}) has already passed: update it before you send.",
        )


def _weekday_dated_elsewhere(
    facts: MessageFacts, opts: Options, expr: TimeExpression, res: Resolution
) -> bool:
    """Return True for "Thursday's meeting" when the message also says "Thu 26 Nov"."""
    unit = expr.unit("weekday")
    if unit is None or res.when is None or expr.unit("relday", "relweek", "period"):
        return False
    return res.when.date() in facts.written_dates


def _vague_findings(
    a: Analysis, facts: MessageFacts, opts: Options, expr: TimeExpression, res: Resolution
) -> Iterator[Finding]:
    midnight = next((u for u in expr.units if u.text.lower() == "midnight"), None)
    weekday = expr.unit("weekday")
    for reason in res.vague:
        if reason.startswith("“midnight”") and midnight is not None:
            yield opts.finding("deadline.vague", midnight.start, midnight.end,
                              "“Midnight” is ambiguous about the day: write 23:59 of the day you "
                              "mean.", ["23:59"])  # fmt: skip
        elif "is a " in reason and weekday is not None:
            continue  # reported by _mismatched_weekdays, paired with the right date
        else:
            replacement = _concrete_replacement(a, facts, opts, expr)
            yield opts.finding("deadline.vague", expr.start, expr.end,
                              f"{reason}: give a date and time with a zone (e.g. “{replacement}”).",
                              [replacement])  # fmt: skip


def _concrete_replacement(
    a: Analysis, facts: MessageFacts, opts: Options, expr: TimeExpression
) -> str:
    """Return the concrete deadline that replaces a vague one, with "by" unless it has one."""
    fix = _concrete_deadline(facts, opts)
    before = a.prose[max(0, expr.start - 12) : expr.start].lower()
    return fix if re.search(r"\b(?:by|before|until)\s*$", before) else f"by {fix}"


class _ZoneFix(NamedTuple):
    """The fix that gives an unzoned deadline its zone."""

    span: tuple[int, int]
    text: str
    #: The fix rewrites the whole time (date, time and zone), not only adds the zone.
    whole: bool


def _zone_fix(
    a: Analysis,
    facts: MessageFacts,
    opts: Options,
    expr: TimeExpression,
    res: Resolution,
    day_given: bool,
) -> _ZoneFix:
    """Return the fix that gives an unzoned deadline its zone, as a person writes it.

    A time whose day is relative ("EOD tomorrow", "Friday 5pm", "17:00") or that ends a day
    ("EOD Fri 27 Nov") is rewritten at once with its date, time and zone, so one fix
    settles both the day and the zone. A time whose day is written out, or given elsewhere
    in the message, keeps the writer's words and gets the zone after its clock time.
    """
    span = wording.fix_span(a.text, expr)
    if res.when is None:  # "EOD" with no day: the concrete deadline deadline.vague offers
        return _ZoneFix(span, _concrete_replacement(a, facts, opts, expr), whole=True)
    if not expr.is_range and (expr.unit("eod") is not None or (res.relative and not day_given)):
        return _ZoneFix(span, wording.for_readers(res.when, opts.tz, opts.now), whole=True)
    local = res.when.astimezone(opts.tz)
    return _ZoneFix(span, wording.with_zone(a.text, expr, local, opts.tz), whole=False)


def _shown_zone(facts: MessageFacts, opts: Options, expr: TimeExpression) -> tzinfo:
    """Return the zone a deadline is read in: its own, the declared one, else the writer's."""
    for zone in (expr.zone, facts.declared_zone):
        if zone is not None and zone.tz is not None:
            return zone.tz
    return opts.tz


def _relative_fix(
    a: Analysis, facts: MessageFacts, opts: Options, expr: TimeExpression, res: Resolution
) -> tuple[tuple[int, int], str]:
    """Return the span to replace and its absolute replacement."""
    assert res.absolute is not None
    duration = expr.unit("duration")
    if duration is not None and res.when is not None:
        lead = "open until" if duration.text.lower().startswith("open") else res.absolute.split()[0]
        shown = wording.for_readers(res.when, _shown_zone(facts, opts, expr), opts.now)
        return (duration.start, duration.end), f"{lead} {shown}"
    weekday = expr.unit("weekday")
    rel = expr.unit("relday", "relweek", "period")
    if expr.zone is not None and expr.has_clock and res.when is not None:
        return wording.fix_span(a.text, expr), wording.for_readers(
            res.when, _shown_zone(facts, opts, expr), opts.now
        )
    if weekday is not None and rel is None:
        name = weekday.text.split()[-1].rstrip(".")
        day_month = res.absolute.split(",")[0][4:]  # "Fri 27 Nov, 17:00 UTC" -> "27 Nov"
        return (weekday.start, weekday.end), f"{name} {day_month}"
    if rel is not None:
        return (rel.start, rel.end), res.absolute.split(",")[0]
    # A clock time with no day: add the day in front.
    clock = expr.units[0]
    day = res.absolute.split(",")[0]
    return (clock.start, expr.end), f"{day}, {a.text[clock.start : expr.end].strip()}"


def _mismatched_weekdays(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Flag a weekday that contradicts its date, in event times too ("Thu 27 Nov").

    Each weekday is checked against the date written right next to it, so a range such as
    "Thu 17 Dec to Mon 4 Jan" pairs each weekday with its own date.
    """
    today = opts.now.astimezone(opts.tz).date()
    for expr in facts.times:
        if a.is_quoted(expr.start):
            continue
        units = expr.units
        for i, unit in enumerate(units):
            if unit.kind != "weekday":
                continue
            # The date written right after the weekday, else the one right before it.
            nxt = units[i + 1] if i + 1 < len(units) else None
            prev = units[i - 1] if i > 0 else None
            dated = next((u for u in (nxt, prev) if u and u.kind in ("mdate", "iso")), None)
            if dated is None:
                continue
            day = date_of(dated, today)
            named = timeexpr.weekday_index(unit.text)
            if day is None or named is None or day.weekday() == named:
                continue
            correct = timeexpr.WEEKDAYS[day.weekday()].title()
            yield opts.finding(
                "deadline.vague",
                unit.start,
                unit.end,
                f"The weekday and the date disagree: {timeexpr.format_day(day)[4:]} is a "
                f"{correct}, not a {timeexpr.WEEKDAYS[named].title()}.",
                [correct if len(unit.text.rstrip(".")) > 3 else correct[:3]],
            )


def _ambiguous_zones(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Flag CST, IST, BST ... next to a time, with each meaning and a fix for each.

    Each meaning is described with the offset it stands for and when its zone uses it
    ("Irish Standard Time (UTC+1, Ireland in summer)"), and its fix is what that zone is
    called on the date of the time: "IST (UTC+5:30)" for India, "GMT" for Ireland in
    November, when Ireland is not on Irish Standard Time.
    """
    found: list[tuple[Zone, datetime]] = [
        (e.zone, _wall_time(e, opts))
        for e in facts.times
        if e.zone is not None and e.zone.ambiguous
    ]
    if facts.declared_zone is not None and facts.declared_zone.ambiguous:
        found.append((facts.declared_zone, opts.now.astimezone(UTC).replace(tzinfo=None)))
    seen: set[int] = set()
    for zone, wall in found:
        if zone.start in seen or a.is_quoted(zone.start):
            continue
        seen.add(zone.start)
        start = a.text.find(zone.text, zone.start, zone.end + 2)
        start = zone.start if start == -1 else start
        end = start + len(zone.text)
        if a.text[start - 1 : start] == "(" and a.text[end : end + 1] == ")":
            start, end = start - 1, end + 1  # "17:00 (IST)": the fix brings its own parenthesis
        meanings, fixes = [], []
        for m in zone.ambiguous:
            moment = wall.replace(tzinfo=zones.get_zone(m.zone))
            offset = zones.utc_offset_text(m.offset)
            when = f", {m.when}" if m.when else ""
            if m.when and not m.in_use(moment):
                when += f", so not on {timeexpr.format_day(moment.date())}"
            meanings.append(f"{m.label} ({offset}{when})")
            fixes.append(zones.display_zone(zones.get_zone(m.zone), moment))
        yield opts.finding(
            "timezone.ambiguous",
            start,
            end,
            f"“{zone.text}” is ambiguous: {', '.join(meanings)}. Write the zone unambiguously.",
            list(dict.fromkeys(fixes)),
        )


def _wall_time(expr: TimeExpression, opts: Options) -> datetime:
    """Return the date and clock time ``expr`` names, as a naive datetime (no zone).

    Which meanings of an abbreviation are in use depends on the date (Irish Standard Time
    is summer time), so the expression is read without its zone to find its date.
    """
    res = timeexpr.resolve(dataclasses.replace(expr, zone=None), opts.now, UTC, None)
    return (res.when or opts.now.astimezone(UTC)).astimezone(UTC).replace(tzinfo=None)


def _concrete_deadline(facts: MessageFacts, opts: Options) -> str:
    """Return the next working day at 17:00 in the writer's zone, formatted."""
    local = opts.now.astimezone(opts.tz)
    day: date = local.date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    when = datetime.combine(day, time(17, 0), tzinfo=opts.tz)
    return wording.for_readers(when, opts.tz, opts.now)


RULES = (
    Rule("deadline.missing", Severity.WARNING,
         "An ask without a deadline gets done whenever, or never.", check, absence=True),
    Rule("deadline.vague", Severity.WARNING,
         "“ASAP”, “soon” and a bare “EOD” mean different moments to every reader.", check,
         fix=REPLACE),
    Rule("deadline.no-timezone", Severity.ERROR,
         "A clock time without a zone is a different moment for every reader.", check,
         fix=REPLACE),
    Rule("deadline.relative", Severity.WARNING,
         "“Tomorrow” depends on when the reader reads it; write the date.", check, fix=REPLACE),
    Rule("deadline.past", Severity.ERROR,
         "A deadline that has already passed is a typo or a stale draft.", check),
    Rule("timezone.ambiguous", Severity.WARNING,
         "CST, IST and BST each name several zones hours apart.", check, fix=REPLACE),
)  # fmt: skip
