"""Which time expressions are deadlines, and what each one resolves to.

A deadline is the time by which the asked (or promised) action should happen. Event times —
a maintenance window, an outage's start, a meeting — are not deadlines, so an expression
counts as one only when a deadline word sits right before it ("by", "due", "closes",
"next update at"), a word right after calls it one ("... is the deadline"), it names an
end of day or week, or it sits in the sentence that makes the ask with no event word nearer.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.checks.analysis import TABLE_ROW
from asyncwriter.checks.model import Deadline
from asyncwriter.times import expressions as timeexpr

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime, tzinfo

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.model import Ask
    from asyncwriter.times.expressions import Resolution, TimeExpression, Zone


#: The words of these patterns live in ``vocabulary/deadlines.toml``, apart from the regexes.
_alternatives = functools.partial(vocabulary.alternatives, "deadlines")


_MARK_BEFORE = re.compile(
    r"(?:" + _alternatives("deadline_markers") + r")"
    r"\W{0,4}(?:the\s|this\s|end\sof\s|eod\s|around\s|at\s|on\s|approximately\s|approx\.\s"
    r"|about\s|roughly\s){0,2}$"
    # "before the month-end run on Mon 30 Nov": before an event, so by its date.
    r"|\b(?:before|ahead\sof|prior\sto)\s(?:the\s|our\s|this\s|next\s)?(?:[\w\-]+\s){1,4}"
    r"(?:on|at)\s$",
    re.IGNORECASE,
)
_MARK_AFTER = re.compile(
    # "2 Jan (two weeks before the freeze) will be the last day for ..."
    r"^\W{0,3}(?:\([^()]{0,60}\)\W{0,3})?(?:is|will\sbe|=)\s(?:the\s|our\s|your\s)?"
    r"(?:deadline|cut-?off|due\sdate|last\sday|final\sday|hard\sstop)"
    # "27 Aug, 24:00 CET: end of the nomination phase"
    r"|^\W{0,4}(?:the\s)?(?:end|close)\sof\s(?:the\s)?(?:[\w\-]+\s){0,2}(?:phase|period|window"
    r"|round|vote|voting|nominations|submissions|registration|consultation)\b",
    re.IGNORECASE,
)
#: "the last day to raise objections is 24 May", "the deadline for talks is 1 June": the
#: deadline named before its date.
_LAST_DAY_BEFORE = re.compile(
    r"\b(?:(?:last|final)\s(?:day|date|chance)|deadline|cut-?off|due\sdate|closing\sdate"
    r"|(?:target|expected|planned)\s(?:[\w-]+\s)?date)\b"
    r"[^.?!;]{0,60}\s(?:is|will\sbe|=|:)\s(?:on\s|at\s)?$",
    re.IGNORECASE,
)
#: "Please don't merge anything before Sunday": a not-before, not a by-when.
_NOT_BEFORE = re.compile(
    r"\b(?:don't|don\u2019t|do\snot|doesn't|won't|will\snot|never|not|no\s\w+)\b[^.?!]{0,60}"
    r"\b(?:before|until|till)\W{0,3}(?:the\s)?$",
    re.IGNORECASE,
)
#: "..., so we can order them on Monday": the time of what the ask makes possible.
_PURPOSE = re.compile(
    r"\b(?:so(?:\sthat)?|in\sorder\sto|in\sorder\sthat)\s(?:we|i|they|he|she|you|it|the\s\w+)"
    r"\s(?:can|could|will|may|might|'ll)\b[^.?!]*$",
    re.IGNORECASE,
)
#: "Packages not rebuilt before 18 Sep will be orphaned": what happens to what is not done
#: by then makes the date a deadline, though "not ... before" reads like a not-before.
_CONSEQUENCE = re.compile(
    r"^\W{0,3}(?:will|would|shall|are\sgoing\sto|is\sgoing\sto|gets?|may)\s(?:be\s|get\s)?\w+",
    re.IGNORECASE,
)
#: "it may not complete until about 15:00 UTC": the end of the sender's own work, an ETA.
_DONE_UNTIL = re.compile(
    r"\b(?:complete|finish|be\sdone|done|resolved|restored|ready|available|back\s(?:up|online))"
    r"\s(?:until|till)\W{0,4}(?:approximately\s|approx\.\s|about\s|around\s|roughly\s)?$",
    re.IGNORECASE,
)
#: Where a new clause starts: its own tense decides ("I thought it was later, but it's due").
_CLAUSE_START = re.compile(r"\bbut\b|\bhowever\b|;|\.\.\.|\u2026|\s[\u2014\u2013-]\s", re.I)
#: Markers that end a range; they make a deadline only when something is open until then.
_RANGE_END = re.compile(r"\b(?:until|till|til|through|thru)\W{0,4}(?:the\s|this\s)?$", re.I)
_OPEN_WINDOW = re.compile(r"\b(?:" + _alternatives("open_windows") + r")\b", re.IGNORECASE)
_DEADLINE_PERIOD = re.compile(
    r"\b(?:" + _alternatives("deadline_periods") + r")\s(?:period|phase|window)\b[^.?!]{0,20}$",
    re.IGNORECASE,
)
#: "I'll merge this at 14:00", "we're planning on closing the vote Friday": the writer's own
#: by-when, which closes the reader's window to review or object.
_OWN_CLOSING = re.compile(
    r"\b(?:i|we)(?:'ll|\u2019ll|\swill|\sshall|\s(?:am|are)\s(?:going|planning|hoping|aiming)"
    r"\s(?:to|on)|(?:'m|\u2019m|'re|\u2019re)\s(?:going|planning|hoping|aiming)\s(?:to|on)"
    r"|\splan\s(?:to|on)|\sintend\sto|\sexpect\sto|\saim\sto)\s(?:\w+\s){0,2}?(?:"
    + _alternatives("closing_verbs")
    + r")\b[^.?!]{0,80}$",
    re.IGNORECASE,
)
#: An obligation pinned to a time: "needs to happen on Saturday", "must be sent at 09:00".
_OBLIGATION_ON = re.compile(
    r"\b(?:must|needs?\sto|has\sto|have\sto)\s(?:be\s)?(?:[\w\-]+\s){0,2}?(?:on|at)\s"
    r"(?:the\s)?$"
    # "this should happen tomorrow", "it should be ready on Monday": an expected by-when
    r"|\bshould\s(?:happen|land|arrive|be\s(?:done|ready|fixed|merged|out|in))\s(?:on\s|by\s)?$",
    re.IGNORECASE,
)
#: Minutes that only a deadline is set to: "11:59 pm", "23:59", "24:00".
_LAST_MINUTE_CLOCK = re.compile(r"(?:[:.h]59(?!\d)|^24:00)", re.IGNORECASE)
#: Kinds that on their own never make a deadline a reader can act on ("next week", "soon").
_VAGUE_ONLY = frozenset({"vague", "relweek"})
_EVENT = re.compile(r"\b(?:" + _alternatives("event_words") + r")\b", re.IGNORECASE)
_BEFORE_EVENT = re.compile(
    r"\b(?:by|before|ahead\sof|prior\sto)\s(?:the\s|our\s|this\s|tomorrow's\s|next\s)?"
    r"(?:\w+\s){0,2}(?:" + _alternatives("deadline_events") + r")\b[^.?!]{0,20}$",
    re.IGNORECASE,
)
_INHERENT = {"eod", "period"}
_PAST = re.compile(r"\b(?:" + _alternatives("past_verbs") + r")\b", re.IGNORECASE)
_PARTICIPLE_BY = re.compile(
    r"\b(?!(?:" + _alternatives("deadline_participle_stems") + r")ed\b)\w{2,}ed\s+by\s*$",
    re.IGNORECASE,
)
_FUTURE_PASSIVE = re.compile(
    r"\b(?:will|to|must|should|shall|can|gets?|needs?\sto)\s(?:\w+\s)?be\s\w+ed\s+by\s*$",
    re.IGNORECASE,
)
#: A plan or expectation: "we expect to have a fix deployed by 18:30" is not a narrative.
_FUTURE_PLAN = re.compile(
    r"\b(?:will|'ll|\u2019ll|shall|expects?\sto|expecting\sto|plans?\sto|planning\sto|aims?\sto"
    r"|hopes?\sto|going\sto|intends?\sto)\b",
    re.IGNORECASE,
)
#: "If it's not fixed by Wednesday, ...": a condition looks ahead, not back.
_CONDITION = re.compile(r"\b(?:if|unless)\b[^.?!]{0,60}$", re.IGNORECASE)
#: "Merging tomorrow unless someone objects": the writer's plan, with no subject.
_GERUND_PLAN = re.compile(
    r"^\W*(?:(?:i'm|i\u2019m|we're|we\u2019re)\s)?(?:merging|closing|landing|tagging|applying"
    r"|pushing|shipping\sit)\b[^.?!]{0,60}$",
    re.IGNORECASE,
)
#: "on Saturday nights", "Fridays": a weekday that recurs.
_PLURAL_WEEKDAY = re.compile(r"(?:s\b|\s(?:nights|mornings|evenings|afternoons)\b)", re.I)
#: A verb in the simple past after its subject: "Finance reconciled every slice".
_SIMPLE_PAST = re.compile(r"\b(?!need|expect|schedul|plann|requir)\w{2,}ed\s(?!by\b)", re.I)
#: A table column that holds deadlines: "| Item | Owner | Due |".
_DUE_COLUMN = re.compile(
    r"^\W*(?:due(?:\sdate)?|deadline|by|by\swhen|target(?:\sdate)?|eta|when)\W*$", re.I
)
#: "Please submit ... by then": the deadline is the time named just before.
_BY_THEN = re.compile(
    r"\b(?:by|before)\s+then\b|\bby\s+that\s+(?:time|point)\b"
    r"|\b(?:by|before|until|till|on)\s+(?:this|that|the\s(?:above|given))\s+(?:date|day|deadline)\b",
    re.IGNORECASE,
)
#: "please pause them before it starts": a deadline that points at a dated event.
#: "at the end of the month" is when something happens, not a deadline.
#: "the three weeks before the end of the year" is a period that ends there, not a deadline.
_PERIOD_BEFORE = re.compile(
    r"\b(?:days?|nights?|weeks?|weekends?|months?|hours?|years?|quarters?)\s"
    r"(?:just\s|right\s|leading\sup\s)?(?:before|ahead\sof|prior\sto|until)\s(?:the\s)?$",
    re.IGNORECASE,
)
_EVENT_PREPOSITION = re.compile(r"\b(?:at|in|from|since|after|during)\s(?:the\s)?$", re.I)
_RUNS_FOR = re.compile(
    r"\b(?:runs?|running|last|go(?:es)?|(?:is|be|remains?|stays?)\sopen)\s$", re.IGNORECASE
)
#: "we keep blue running for 24 hours": a state that lasts, not a window that closes.
_KEEPS_RUNNING = re.compile(
    r"\b(?:keeps?|kept|keeping|leaves?|leaving|stays?)\s(?:[\w\-]+\s){0,2}running\s$", re.I
)
#: "every Tuesday" recurs; "the Tuesday release train" names a thing. Neither is a deadline.
_RECURRING = re.compile(r"\b(?:every|each)\s$", re.IGNORECASE)
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|our|their|your)\s$", re.IGNORECASE)
_ALWAYS_DEADLINE = re.compile(r"^(?:asap|a\.s\.a\.p\.?)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_PART_OF_PERIOD = re.compile(
    r"\b(?:at|by|from|in|until)\s(?:the\s)?(?:very\s)?(?:beginning|start|end|middle)\sof\s*$",
    re.IGNORECASE,
)
#: "You then have 24 hours to object" gives the reader a window; "I have a week to" does not.
_READER_HAS = re.compile(
    r"\b(?:you|you\sall|y'all|everyone|everybody|folks|reviewers|members|voters|people)"
    r"(?:\s\w+)?\s$",
    re.IGNORECASE,
)


def find_deadlines(
    a: Analysis,
    asks: Sequence[Ask],
    times: Sequence[TimeExpression],
    declared_zone: Zone | None,
    now: datetime,
    tz: tzinfo,
) -> list[tuple[TimeExpression, Resolution]]:
    """Return the expressions that are deadlines, each with its resolution."""
    # Times in a question for information ("Is the all-hands still 16:00 CET?") are its
    # topic, not its deadline; only action and vague asks carry deadlines.
    ask_spans = [(x.start, x.end) for x in asks if x.kind == "action" or x.vague]
    default_tz = declared_zone.tz if declared_zone else None
    ask_spans.sort()
    referenced = _referenced_by_then(a, asks, times, now, tz)
    found: list[tuple[TimeExpression, Resolution]] = []
    for expr in times:
        if a.is_quoted(expr.start):
            continue
        if expr.start not in referenced and not _is_deadline(a, expr, ask_spans):
            continue
        found.append((expr, timeexpr.resolve(expr, now, tz, default_tz)))
    return found


def _referenced_by_then(
    a: Analysis, asks: Sequence[Ask], times: Sequence[TimeExpression], now: datetime, tz: tzinfo
) -> set[int]:
    """Return starts of expressions an ask points back to ("Freeze is Thu 26 Nov. ... by then")."""
    referenced: set[int] = set()
    for ask in asks:
        if ask.kind == "fyi" or not _BY_THEN.search(a.prose, ask.start, ask.end):
            continue
        # The latest time named before the ask that is still ahead ("last Tuesday" is not).
        for expr in reversed([e for e in times if e.end <= ask.start]):
            if a.is_quoted(expr.start) or a.block_at(ask.start) - a.block_at(expr.start) > 2:
                continue
            when = timeexpr.resolve(expr, now, tz, None).when
            # A date with its year written is the one meant, even when it has passed.
            if when is None or when >= now or _has_year(expr):
                referenced.add(expr.start)
                break
    return referenced


def _in_due_column(a: Analysis, expr: TimeExpression) -> bool:
    """Return True when ``expr`` sits in a table cell whose column header says "Due"."""
    i = a.block_at(expr.start)
    if i < 1 or a.blocks[i].kind != TABLE_ROW:
        return False
    header = i
    while header > 0 and a.blocks[header - 1].kind == TABLE_ROW:
        header -= 1
    if header == i:
        return False
    row = a.text[a.blocks[i].start : expr.start]
    column = row.count("|") - (
        1 if a.text[a.blocks[i].start : a.blocks[i].end].lstrip().startswith("|") else 0
    )
    head = a.text[a.blocks[header].start : a.blocks[header].end].strip().strip("|").split("|")
    return 0 <= column < len(head) and bool(_DUE_COLUMN.match(head[column]))


def _has_year(expr: TimeExpression) -> bool:
    return any(u.kind == "iso" or re.search(r"\d{4}", u.text) for u in expr.units)


def _is_deadline(a: Analysis, expr: TimeExpression, ask_spans: list[tuple[int, int]]) -> bool:
    sent = a.sentence_at(expr.start)
    sent_start = sent.start if sent else a.blocks[max(a.block_at(expr.start), 0)].start
    sent_end = sent.end if sent else expr.end
    # Line breaks inside a sentence are wrapping: "no later\nthan" is "no later than".
    before = _SPACES.sub(" ", a.prose[max(sent_start, expr.start - 60) : expr.start])
    wide = _SPACES.sub(" ", a.prose[max(sent_start, expr.start - 120) : expr.start])
    after = _SPACES.sub(" ", a.prose[expr.end : min(sent_end, expr.end + 80)])
    # Patterns anchored at the end of ``before`` and never longer than 24 characters are
    # tried on its tail: a regex search tries every start position of what it is given.
    tail = before[-24:]
    k = bisect.bisect_right(ask_spans, (expr.start, 1 << 62)) - 1
    in_ask = k >= 0 and ask_spans[k][0] <= expr.start < ask_spans[k][1]
    duration = expr.unit("duration")
    if duration is not None and duration.text.lower().startswith(("have", "has")):
        return bool(_READER_HAS.search(before))  # "you have 24 hours to object"
    if duration is not None and duration.text.lower().startswith(
        ("open", "within", "in the next", "in the coming")
    ):
        # "open for 72 hours", "within a week", "in the next 24-48 hours"; not a narrative
        # ("most alerts resolved within 10 minutes", "Finance reconciled it within a day").
        if in_ask or _FUTURE_PLAN.search(before):
            return True
        return not (_PAST.search(before) or _SIMPLE_PAST.search(before))
    if duration is not None and duration.text.lower().startswith(("for", "over")):
        # "down for 20 min" lasts; "the poll runs for 48 hours" ends something.
        return bool(_RUNS_FOR.search(tail)) and not _KEEPS_RUNNING.search(before)
    if _PERIOD_BEFORE.search(before, len(before) - 48):
        return False
    if _RECURRING.search(tail) or (
        expr.kinds() == {"weekday"} and _PLURAL_WEEKDAY.match(a.prose, expr.end)
    ):
        return False  # "every Tuesday", "each end of week", "on Saturday nights", "Fridays"
    if _in_due_column(a, expr):
        return True  # an action item's row in a table with a "Due" column
    if expr.kinds() == {"weekday"} and _ATTRIBUTIVE.search(tail) and re.match(r" [a-z]", after):
        return False
    if _OBLIGATION_ON.search(before) and not _PAST.search(before):
        return True  # "this needs to happen on Saturday", "the form must be in on Monday"
    if _GERUND_PLAN.match(before) and not _PAST.search(before):
        return True  # "Merging tomorrow unless someone objects"
    if _last_minute(expr) or _LAST_DAY_BEFORE.search(wide) or _OWN_CLOSING.search(before):
        return not _PAST.search(before)
    if expr.is_range and _DEADLINE_PERIOD.search(wide):
        return True  # "Nomination period: 1 Jun - 12 Jun"
    if _MARK_BEFORE.search(before) or _MARK_AFTER.search(after):
        if _NOT_BEFORE.search(before) and not _CONSEQUENCE.match(after):
            return False
        if (
            _RANGE_END.search(tail)
            and not in_ask
            and not _OPEN_WINDOW.search(wide)
            and not _DONE_UNTIL.search(tail)
        ):
            return False  # "frozen until Friday", "maintenance from 20:00 until 02:00"
        # Past-tense narrative: "by 22:05 the on-call had confirmed", "cleared by 07:40".
        if in_ask:
            return True
        if (
            _FUTURE_PASSIVE.search(before)
            or _FUTURE_PLAN.search(before)
            or _CONDITION.search(before)
        ):
            return True  # "RCA will be shared by 14:00", "we expect to have it deployed by 18:30"
        clause = _CLAUSE_START.split(before)[-1]  # "I thought it was later, but it's due by"
        return not (_PAST.search(clause + " " + after) or _PARTICIPLE_BY.search(before))
    kinds = expr.kinds()
    if kinds & _INHERENT:
        return not _EVENT_PREPOSITION.search(tail)
    vague = expr.unit("vague")
    if vague is not None and _ALWAYS_DEADLINE.match(vague.text):
        return True
    if not in_ask or expr.is_range:
        return False
    # "at the beginning of next week" is part of the time, not an event that begins.
    context = _PART_OF_PERIOD.sub(" ", a.prose[sent_start : expr.start])
    if _PURPOSE.search(context):
        return False  # "approve it by Thursday, so we can order on Monday": what follows
    if _BEFORE_EVENT.search(context):
        return True
    return not _EVENT.search(context)


def _last_minute(expr: TimeExpression) -> bool:
    """Return True for "11:59 pm", "23:59" and "24:00": times only a deadline is set to."""
    clock = expr.unit("clock12", "clock24")
    return clock is not None and bool(_LAST_MINUTE_CLOCK.search(clock.text))


def to_facts(
    found: Sequence[tuple[TimeExpression, Resolution]], a: Analysis, declared: Zone | None
) -> list[Deadline]:
    """Return the ``facts.deadlines`` records for the deadlines found.

    "Next week", "soon" and "ASAP" are left out: a reader cannot act on them, so they are
    not deadlines the message states (``deadline.vague`` still points at them).
    """
    facts = []
    for expr, res in found:
        if expr.kinds() <= _VAGUE_ONLY:
            continue
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
                date_only=res.when is not None and res.date_only,
            )
        )
    return facts


def written_dates(times: Sequence[TimeExpression], today: date) -> frozenset[date]:
    """Return the dates the message writes out ("26 Nov", "2026-11-26")."""
    return frozenset(
        day
        for expr in times
        for unit in expr.units
        if unit.kind in ("mdate", "iso") and (day := date_of(unit, today)) is not None
    )


def date_of(unit: timeexpr.Unit, today: date) -> date | None:
    """Return the date a written-out date unit names, or None."""
    if unit.kind == "iso":
        parsed = timeexpr.parse_iso(unit.text)
        return parsed.date() if parsed is not None else None
    return timeexpr.parse_mdate(unit.text, today)[0]
