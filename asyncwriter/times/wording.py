"""How a fix writes a time for readers in other zones: as a person would write it.

A fix that adds a zone puts it where a person puts it, right after the clock time
("3pm CET (14:00 UTC) on Wednesday"), with the zone's everyday abbreviation for that date
and the UTC time for readers who think in UTC; never an IANA id such as "Europe/Berlin",
which reads as a path, not a zone. A fix that rewrites the whole time (a relative deadline,
an end of day) writes the date, the time and the zone at once: "Wed 2 Dec, 17:00 CET
(16:00 UTC)", so the writer fixes it in one step, not first the day and then the zone.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import zones

if TYPE_CHECKING:
    from asyncwriter.times.expressions import TimeExpression

#: Units that name a time of day, after which a zone is written.
_CLOCK_KINDS = frozenset({"clock12", "clock24", "clock4", "named", "eod"})


def for_readers(when: datetime, tz: tzinfo, now: datetime | None = None) -> str:
    """Return a moment with its date, time and zone: "Wed 2 Dec, 17:00 CET (16:00 UTC)".

    Text written into a message passes ``now``, so a day far enough off keeps its year
    ("Sun 31 Oct 2027, ...") and the checks read it back as the day meant.
    """
    return timeexpr.format_moment(when, tz, with_utc=True, now=now)


def fix_span(text: str, expr: TimeExpression) -> tuple[int, int]:
    """Return the span a fix of ``expr`` replaces: the expression, without a final full stop.

    "by 5pm Fri." ends its sentence with the abbreviation's stop; the fix keeps the stop.
    """
    end = expr.end
    while end > expr.start and text[end - 1] in ". \t\n":
        end -= 1
    return expr.start, end


def clock_time(expr: TimeExpression) -> time | None:
    """Return the (last) time of day ``expr`` names, or None."""
    clocks = [u for u in expr.units if u.kind in _CLOCK_KINDS]
    if clocks:
        return timeexpr.parse_clock(clocks[-1])
    iso = expr.unit("iso")
    parsed = timeexpr.parse_iso(iso.text) if iso is not None and len(iso.text) > 10 else None
    return parsed.time().replace(tzinfo=None) if parsed is not None else None


def local_moment(expr: TimeExpression, when: datetime | None, tz: tzinfo, today: date) -> datetime:
    """Return the moment ``expr`` names in ``tz``: its resolution, else its clock time today.

    Only the zone's offset and the UTC time shown with it depend on the moment, so a time
    that does not resolve (a clock time with a vague day) is read as today.
    """
    if when is not None:
        return when.astimezone(tz)
    return datetime.combine(today, clock_time(expr) or timeexpr.END_OF_DAY, tzinfo=tz)


def with_zone(text: str, expr: TimeExpression, local: datetime, tz: tzinfo) -> str:
    """Return ``expr``'s text with the zone written right after its clock time.

    "3pm on Wednesday" becomes "3pm CET (14:00 UTC) on Wednesday", "17:00" in UTC "17:00
    UTC". A range gets the zone's offset ("09:00–11:00 CET (UTC+1)"): one UTC time would
    not say when it ends. The text around the clock time is kept as the writer wrote it.
    """
    start, end = fix_span(text, expr)
    clocks = [
        u for u in expr.units if u.kind in _CLOCK_KINDS or (u.kind == "iso" and len(u.text) > 10)
    ]
    at = min(clocks[-1].end, end) if clocks else end
    suffix = zones.display_zone(tz, local)
    if zones.needs_utc_equivalent(tz, local):
        if expr.is_range:
            offset = local.utcoffset()
            assert offset is not None  # an aware moment
            suffix += f" ({zones.utc_offset_text(offset)})"
        else:
            suffix += f" ({timeexpr.utc_equivalent(local, dated=expr.has_day)})"
    head = " ".join(text[start:at].split())
    tail = " ".join(text[at:end].split())
    if not tail:
        return f"{head} {suffix}"
    return f"{head} {suffix}{'' if tail[0] in ',;:)' else ' '}{tail}"
