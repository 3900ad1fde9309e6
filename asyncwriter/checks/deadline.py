"""Rules ``deadline.*`` and ``timezone.*``: by when, and in whose time.

A deadline is the time by which the asked (or promised) action should happen. Event times —
a maintenance window, an outage's start, a meeting — are not deadlines, so an expression
counts as one only when a deadline word sits right before it ("by", "due", "closes",
"next update at"), a word right after calls it one ("... is the deadline"), it names an
end of day or week, or it sits in the sentence that makes the ask with no event word nearer.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from asyncwriter.checks import timeexpr, zones
from asyncwriter.checks.model import Deadline, Finding, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.context import LintContext
    from asyncwriter.checks.timeexpr import Resolution, TimeExpression

RULES = (
    Rule("deadline.missing", Severity.WARNING,
         "An ask without a deadline gets done whenever, or never."),
    Rule("deadline.vague", Severity.WARNING,
         "“ASAP”, “soon” and a bare “EOD” mean different moments to every reader."),
    Rule("deadline.no-timezone", Severity.ERROR,
         "A clock time without a zone is a different moment for every reader."),
    Rule("deadline.relative", Severity.WARNING,
         "“Tomorrow” depends on when the reader reads it; write the date."),
    Rule("deadline.past", Severity.ERROR,
         "A deadline that has already passed is a typo or a stale draft."),
    Rule("timezone.ambiguous", Severity.WARNING,
         "CST, IST and BST each name several zones hours apart."),
)  # fmt: skip

_MARK_BEFORE = re.compile(
    r"(?:\bby|\bbefore|\buntil|\btill|\btil|\bthrough|\bthru|\bno later than|\bnot later than"
    r"|\bdue(?:\sdate)?(?:\sis|\son|\sby|\sat)?|\bdeadlines?(?:\sis|\sof)?|\bcut-?off(?:\sis)?"
    r"|\bclos(?:es|ing|e)(?:\son|\sat)?|\bends?(?:\son|\sat)?|\bopen(?:\suntil|\stil|\still)?"
    r"|\blatest(?:\sby)?|\bexpir(?:es|y|ing)(?:\son|\sat)?|\beta(?:\sis)?|\btarget(?:ing)?"
    r"|\bnext\s(?:status\s)?update(?:\s(?:at|by|in|on|around|no later than))?"
    r"|\bupdates?\s(?:at|by|every)|\bno\slater|\bneeded\s(?:by|on)|\bresponse\s(?:by|on)"
    r"|\bturnaround(?:\sby)?)"
    r"\W{0,4}(?:the\s|this\s|end\sof\s|eod\s|around\s|at\s|on\s){0,2}$"
    # "before the month-end run on Mon 30 Nov": before an event, so by its date.
    r"|\b(?:before|ahead\sof|prior\sto)\s(?:the\s|our\s|this\s|next\s)?(?:[\w\-]+\s){1,3}"
    r"(?:on|at)\s$",
    re.IGNORECASE,
)
_MARK_AFTER = re.compile(
    r"^\W{0,3}(?:is|will\sbe|=)\s(?:the\s|our\s|your\s)?(?:deadline|cut-?off|due\sdate|last\sday"
    r"|hard\sstop)",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:from|between|since|start(?:s|ing|ed)?|begin(?:s|ning)?|began|scheduled|maintenance"
    r"|window|downtime|outage|incident|meeting|call|sync|standup|stand-up|demo|session|webinar"
    r"|office\shours|not\sbefore|after|ago|occurred|happened|detected|resolved|mitigated"
    r"|deployed|fired|paged|spiked|was|were|went|lasted|held|kickoff|kick-off|offsite|interview"
    r"|lunch|dinner|party|launch(?:es|ed)?|on-?call|shift|rotation|ooo|out\sof\s(?:the\s)?office"
    r"|vacation|holiday|leave|back\son|returning|all-?hands|all\shands|town\shall|retro"
    r"|planning|1:1|one-on-one|conference|workshop|training|social|party)\b",
    re.IGNORECASE,
)
_BEFORE_EVENT = re.compile(
    r"\b(?:by|before|ahead\sof|prior\sto)\s(?:the\s|our\s|this\s|tomorrow's\s|next\s)?"
    r"(?:\w+\s){0,2}(?:meeting|call|sync|standup|demo|session|review|launch|kickoff|deploy)"
    r"\b[^.?!]{0,20}$",
    re.IGNORECASE,
)
_INHERENT = {"eod", "period"}
_PAST = re.compile(
    r"\b(?:had|was|were|did|went|came|got|stopped|ended|recovered|resolved|confirmed|finished"
    r"|completed|returned|dropped|fixed|rolled|deployed|started|began|spiked|fired|paged"
    r"|detected|noticed|happened|occurred)\b",
    re.IGNORECASE,
)
_PARTICIPLE_BY = re.compile(
    r"\b(?!(?:need|requir|expect|schedul|plann|request|submitt|complet|approv|sign|finish|"
    r"fix|deliver|return|upload|review|merg|ship|releas|close|publish|decid)ed\b)\w{2,}ed\s+by\s*$",
    re.IGNORECASE,
)
_FUTURE_PASSIVE = re.compile(
    r"\b(?:will|to|must|should|shall|can|gets?|needs?\sto)\s(?:\w+\s)?be\s\w+ed\s+by\s*$",
    re.IGNORECASE,
)
#: "Please submit ... by then": the deadline is the time named just before.
_BY_THEN = re.compile(
    r"\b(?:by|before|until|till)\s+then\b|\bby\s+that\s+(?:time|point)\b", re.IGNORECASE
)
#: "please pause them before it starts": a deadline that points at a dated event.
_ANAPHORIC = re.compile(
    r"\b(?:before|by|ahead\sof|prior\sto)\s(?:it|this|that|then|the\s(?:window|maintenance"
    r"|start|cutover|migration|upgrade|deploy(?:ment)?|release|meeting|call|event|freeze"
    r"|launch|change))\b",
    re.IGNORECASE,
)
#: "at the end of the month" is when something happens, not a deadline.
#: "the three weeks before the end of the year" is a period that ends there, not a deadline.
_PERIOD_BEFORE = re.compile(
    r"\b(?:days?|nights?|weeks?|weekends?|months?|hours?|years?|quarters?)\s"
    r"(?:just\s|right\s|leading\sup\s)?(?:before|ahead\sof|prior\sto|until)\s(?:the\s)?$",
    re.IGNORECASE,
)
_EVENT_PREPOSITION = re.compile(r"\b(?:at|in|from|since|after|during)\s(?:the\s)?$", re.I)
_RUNS_FOR = re.compile(r"\b(?:runs?|running|last)\s$", re.IGNORECASE)
#: "we keep blue running for 24 hours": a state that lasts, not a window that closes.
_KEEPS_RUNNING = re.compile(
    r"\b(?:keeps?|kept|keeping|leaves?|leaving|stays?)\s(?:[\w\-]+\s){0,2}running\s$", re.I
)
#: "every Tuesday" recurs; "the Tuesday release train" names a thing. Neither is a deadline.
_RECURRING = re.compile(r"\b(?:every|each)\s$", re.IGNORECASE)
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|our|their|your)\s$", re.IGNORECASE)
_ALWAYS_DEADLINE = re.compile(r"^(?:asap|a\.s\.a\.p\.?)$", re.IGNORECASE)


def find_deadlines(a: Analysis, ctx: LintContext) -> list[tuple[TimeExpression, Resolution]]:
    """Return the expressions that are deadlines, each with its resolution."""
    # Times in a question for information ("Is the all-hands still 16:00 CET?") are its
    # topic, not its deadline; only action and vague asks carry deadlines.
    ask_spans = [(x.start, x.end) for x in ctx.asks if x.kind == "action" or x.vague]
    default_tz = ctx.declared_zone.tz if ctx.declared_zone else None
    ask_spans.sort()
    referenced = _referenced_by_then(a, ctx)
    found: list[tuple[TimeExpression, Resolution]] = []
    for expr in ctx.times:
        if a.is_quoted(expr.start):
            continue
        if expr.start not in referenced and not _is_deadline(a, expr, ask_spans):
            continue
        found.append((expr, timeexpr.resolve(expr, ctx.now, ctx.tz, default_tz)))
    return found


def _referenced_by_then(a: Analysis, ctx: LintContext) -> set[int]:
    """Return starts of expressions an ask points back to ("Freeze is Thu 26 Nov. ... by then")."""
    referenced: set[int] = set()
    for ask in ctx.asks:
        if ask.kind == "fyi" or not _BY_THEN.search(a.prose, ask.start, ask.end):
            continue
        # The latest time named before the ask that is still ahead ("last Tuesday" is not).
        for expr in reversed([e for e in ctx.times if e.end <= ask.start]):
            if a.is_quoted(expr.start) or a.block_at(ask.start) - a.block_at(expr.start) > 2:
                continue
            when = timeexpr.resolve(expr, ctx.now, ctx.tz, None).when
            if when is None or when >= ctx.now:
                referenced.add(expr.start)
                break
    return referenced


def _is_deadline(a: Analysis, expr: TimeExpression, ask_spans: list[tuple[int, int]]) -> bool:
    sent = a.sentence_at(expr.start)
    sent_start = sent.start if sent else a.blocks[max(a.block_at(expr.start), 0)].start
    sent_end = sent.end if sent else expr.end
    before = a.prose[max(sent_start, expr.start - 60) : expr.start]
    after = a.prose[expr.end : min(sent_end, expr.end + 40)]
    k = bisect.bisect_right(ask_spans, (expr.start, 1 << 62)) - 1
    in_ask = k >= 0 and ask_spans[k][0] <= expr.start < ask_spans[k][1]
    duration = expr.unit("duration")
    if duration is not None and duration.text.lower().startswith("open"):
        return True  # "voting is open for 72 hours" ends something
    if duration is not None and duration.text.lower().startswith(("for", "over")):
        # "down for 20 min" lasts; "the poll runs for 48 hours" ends something.
        return bool(_RUNS_FOR.search(before)) and not _KEEPS_RUNNING.search(before)
    if _PERIOD_BEFORE.search(before):
        return False
    if expr.kinds() == {"weekday"} and (
        _RECURRING.search(before) or (_ATTRIBUTIVE.search(before) and re.match(r" [a-z]", after))
    ):
        return False
    if _MARK_BEFORE.search(before) or _MARK_AFTER.search(after):
        if re.search(r"\bnot\s(?:before|until)\W{0,3}$", before, re.IGNORECASE):
            return False
        # Past-tense narrative: "by 22:05 the on-call had confirmed", "cleared by 07:40".
        if in_ask:
            return True
        if _FUTURE_PASSIVE.search(before):
            return True  # "RCA will be shared by 14:00"
        return not (_PAST.search(before + " " + after) or _PARTICIPLE_BY.search(before))
    kinds = expr.kinds()
    if kinds & _INHERENT:
        return not _EVENT_PREPOSITION.search(before)
    vague = expr.unit("vague")
    if vague is not None and _ALWAYS_DEADLINE.match(vague.text):
        return True
    if not in_ask or expr.is_range:
        return False
    context = a.prose[sent_start : expr.start]
    if _BEFORE_EVENT.search(context):
        return True
    return not _EVENT.search(context)


def to_facts(
    found: list[tuple[TimeExpression, Resolution]], a: Analysis, ctx: LintContext
) -> list[Deadline]:
    """Return the ``facts.deadlines`` records for the deadlines found."""
    facts = []
    declared = ctx.declared_zone
    for expr, res in found:
        zone = expr.zone
        if zone is not None:
            key = None if zone.ambiguous else zone.key
        else:
            key = declared.key if declared is not None and not declared.ambiguous else None
        facts.append(
            Deadline(
                text=" ".join(a.text[expr.start : expr.end].split()),
                start=expr.start,
                end=expr.end,
                datetime=res.when.isoformat() if res.when is not None else None,
                timezone=key,
            )
        )
    return facts


def check(a: Analysis, ctx: LintContext) -> Iterator[Finding]:
    """Yield every deadline and time zone finding."""
    found = ctx.found_deadlines
    default_tz = ctx.declared_zone.tz if ctx.declared_zone else None
    with_day = sum(1 for e, _r in found if e.has_day)
    for expr, res in found:
        others_have_day = with_day - (1 if expr.has_day else 0) > 0
        yield from _deadline_findings(a, ctx, expr, res, default_tz is not None, others_have_day)
    yield from _ambiguous_zones(a, ctx)
    yield from _mismatched_weekdays(a, ctx)
    if not found:
        actions = [x for x in ctx.asks if x.kind == "action" or x.vague]
        dated = any(e.has_day for e in ctx.times)
        if dated and any(_ANAPHORIC.search(a.prose[x.start : x.end]) for x in actions):
            return
        if actions:
            ask = actions[0]
            example = _concrete_deadline(ctx)
            yield ctx.finding(
                "deadline.missing",
                ask.start,
                ask.end,
                f"This ask has no deadline: say by when, with a time zone (e.g. “by {example}”).",
            )


def _deadline_findings(
    a: Analysis,
    ctx: LintContext,
    expr: TimeExpression,
    res: Resolution,
    declared: bool,
    others_have_day: bool,
) -> Iterator[Finding]:
    text = a.text[expr.start : expr.end]
    if res.vague:
        yield from _vague_findings(a, ctx, expr, res)
        if res.when is None and expr.unit("eod") is None:
            return
    dayless = not expr.has_day and expr.unit("duration") is None
    # The day is already given elsewhere: "by 11:00 UTC today ... before noon their time",
    # or "before Thursday's meeting (Thursday 26 November)".
    day_given = (dayless and others_have_day) or _weekday_dated_elsewhere(ctx, expr, res)
    if res.relative and res.absolute and not day_given:
        span, replacement = _relative_fix(a, expr, res)
        yield ctx.finding(
            "deadline.relative",
            span[0],
            span[1],
            f"“{' '.join(a.text[span[0] : span[1]].split())}” depends on when it is read: "
            f"write the date ({res.absolute}).",
            [replacement],
        )
    zone = expr.zone
    eod_no_day = res.vague and expr.unit("eod") is not None and res.when is None
    if expr.has_clock and zone is None and not declared and (not res.vague or eod_no_day):
        label = zones.display_zone(ctx.tz, res.when or ctx.now)
        yield ctx.finding(
            "deadline.no-timezone",
            expr.start,
            expr.end,
            f"“{' '.join(text.split())}” has no time zone: readers elsewhere will read it in "
            f"their own. Add one (e.g. “{text.strip()} {label}”).",
            [f"{text.strip()} {label}"],
        )
    if res.when is not None and res.when < ctx.now:
        shown = timeexpr.format_moment(
            res.when, expr.zone.tz if zone and zone.tz else ctx.tz, with_time=not res.date_only
        )
        yield ctx.finding(
            "deadline.past",
            expr.start,
            expr.end,
            f"This deadline ({shown}) has already passed: update it before you send.",
        )


def _weekday_dated_elsewhere(ctx: LintContext, expr: TimeExpression, res: Resolution) -> bool:
    """Return True for "Thursday's meeting" when the message also says "Thu 26 Nov"."""
    unit = expr.unit("weekday")
    if unit is None or res.when is None or expr.unit("relday", "relweek", "period"):
        return False
    return res.when.date() in _written_dates(ctx)


def _written_dates(ctx: LintContext) -> frozenset[date]:
    """Return the dates the message writes out ("26 Nov", "2026-11-26"), computed once."""
    if ctx.written_dates is None:
        today = ctx.now.astimezone(ctx.tz).date()
        ctx.written_dates = frozenset(
            day
            for expr in ctx.times
            for unit in expr.units
            if unit.kind in ("mdate", "iso") and (day := _date_of(unit, today)) is not None
        )
    return ctx.written_dates


def _vague_findings(
    a: Analysis, ctx: LintContext, expr: TimeExpression, res: Resolution
) -> Iterator[Finding]:
    midnight = next((u for u in expr.units if u.text.lower() == "midnight"), None)
    weekday = expr.unit("weekday")
    for reason in res.vague:
        if reason.startswith("“midnight”") and midnight is not None:
            yield ctx.finding("deadline.vague", midnight.start, midnight.end,
                              "“Midnight” is ambiguous about the day: write 23:59 of the day you "
                              "mean.", ["23:59"])  # fmt: skip
        elif "is a " in reason and weekday is not None:
            continue  # reported by _mismatched_weekdays, paired with the right date
        else:
            fix = _concrete_deadline(ctx)
            before = a.prose[max(0, expr.start - 12) : expr.start].lower()
            replacement = fix if re.search(r"\b(?:by|before|until)\s*$", before) else f"by {fix}"
            yield ctx.finding("deadline.vague", expr.start, expr.end,
                              f"{reason}: give a date and time with a zone (e.g. “{replacement}”).",
                              [replacement])  # fmt: skip


def _relative_fix(
    a: Analysis, expr: TimeExpression, res: Resolution
) -> tuple[tuple[int, int], str]:
    """Return the span to replace and its absolute replacement."""
    assert res.absolute is not None
    duration = expr.unit("duration")
    if duration is not None:
        lead = "open until" if duration.text.lower().startswith("open") else None
        fix = res.absolute if lead is None else res.absolute.replace("until", lead, 1)
        return (duration.start, duration.end), fix
    weekday = expr.unit("weekday")
    rel = expr.unit("relday", "relweek", "period")
    if expr.zone is not None and expr.has_clock and res.when is not None:
        return (expr.start, expr.end), res.absolute
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


def _mismatched_weekdays(a: Analysis, ctx: LintContext) -> Iterator[Finding]:
    """Flag a weekday that contradicts its date, in event times too ("Thu 27 Nov").

    Each weekday is checked against the date written right next to it, so a range such as
    "Thu 17 Dec to Mon 4 Jan" pairs each weekday with its own date.
    """
    today = ctx.now.astimezone(ctx.tz).date()
    for expr in ctx.times:
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
            day = _date_of(dated, today)
            named = timeexpr.weekday_index(unit.text)
            if day is None or named is None or day.weekday() == named:
                continue
            correct = timeexpr.WEEKDAYS[day.weekday()].title()
            yield ctx.finding(
                "deadline.vague",
                unit.start,
                unit.end,
                f"The weekday and the date disagree: {timeexpr.format_day(day)[4:]} is a "
                f"{correct}, not a {timeexpr.WEEKDAYS[named].title()}.",
                [correct if len(unit.text.rstrip(".")) > 3 else correct[:3]],
            )


def _date_of(unit: timeexpr.Unit, today: date) -> date | None:
    if unit.kind == "iso":
        parsed = timeexpr.parse_iso(unit.text)
        return parsed.date() if parsed is not None else None
    return timeexpr.parse_mdate(unit.text, today)[0]


def _ambiguous_zones(a: Analysis, ctx: LintContext) -> Iterator[Finding]:
    zones_seen = [e.zone for e in ctx.times if e.zone is not None and e.zone.ambiguous]
    if ctx.declared_zone is not None and ctx.declared_zone.ambiguous:
        zones_seen.append(ctx.declared_zone)
    seen: set[int] = set()
    for zone in zones_seen:
        if zone.start in seen or a.is_quoted(zone.start):
            continue
        seen.add(zone.start)
        start = a.text.find(zone.text, zone.start, zone.end + 2)
        start = zone.start if start == -1 else start
        meanings = ", ".join(f"{m.label} ({_utc_offset(m.zone, ctx.now)})" for m in zone.ambiguous)
        yield ctx.finding(
            "timezone.ambiguous",
            start,
            start + len(zone.text),
            f"“{zone.text}” is ambiguous: {meanings}. Write the zone unambiguously.",
            [m.zone for m in zone.ambiguous],
        )


def _utc_offset(key: str, when: datetime) -> str:
    offset = when.astimezone(zones.get_zone(key)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "\u2212"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def _concrete_deadline(ctx: LintContext) -> str:
    """Return the next working day at 17:00 in the writer's zone, formatted."""
    local = ctx.now.astimezone(ctx.tz)
    day: date = local.date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    when = datetime.combine(day, time(17, 0), tzinfo=ctx.tz)
    return timeexpr.format_moment(when, ctx.tz)
