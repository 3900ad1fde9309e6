"""What the Insert Deadline picker computes: a day as each person lives it, and fair moments.

The picker shows one moment for every reader at once (a 24-hour strip per person, working
hours shaded, night darker, days off marked) and offers two helpers: the next moment inside
everyone's working hours, and the end of their working day. All of it is plain time
arithmetic on :class:`~asyncwriter.team.Person`, so it lives here, Qt-free and unit-tested;
the window only paints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from asyncwriter import team
from asyncwriter.english import series
from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import zones

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from asyncwriter.team import Person

#: A person's night, local wall-clock time: darker on their strip, "night" in the table.
NIGHT_START = time(22, 0)
NIGHT_END = time(7, 0)
#: How finely strips and helpers walk time; no one writes working hours finer than this.
STEP = timedelta(minutes=15)
#: How far the helpers look ahead before they say there is no such moment.
HORIZON = timedelta(days=14)
#: The strips' kinds of time, in the order a legend lists them.
KINDS = ("work", "free", "night", "day_off")


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of one person's strip, as fractions (0 to 1) of the day shown."""

    start: float
    end: float
    #: "work", "free" (awake, off hours), "night" or "day_off".
    kind: str
    #: For a day off: why ("Saturday", a holiday's name); else "".
    label: str = ""


def is_night(person: Person, when: datetime) -> bool:
    """Return True when ``when`` is night where ``person`` is (22:00 to 07:00 local)."""
    local = when.astimezone(person.zone).time()
    return local >= NIGHT_START or local < NIGHT_END


def kind_at(person: Person, when: datetime) -> tuple[str, str]:
    """Return what ``when`` is for ``person``: (kind, label) as a strip colours it.

    A day off wins over the clock (a holiday is off at 11:00 too); then working time, then
    night, then the rest of the day ("free").
    """
    why = person.day_off(when.astimezone(person.zone).date())
    if why is not None:
        return "day_off", why
    if person.working_at(when):
        return "work", ""
    if is_night(person, when):
        return "night", ""
    return "free", ""


def status(person: Person, when: datetime) -> str:
    """Return the table's word for ``when``: "in hours", "night", "outside hours", the day off.

    The end of a working day counts as inside it (a deadline at 17:30 for 09:00-17:30 is
    fair), as the team-time checks count it.
    """
    day = when.astimezone(person.zone).date()
    if day.weekday() not in person.days:
        return "weekend"
    holiday = person.holiday(day)
    if holiday is not None:
        return f"holiday: {holiday}"
    if person.deadline_inside(when):
        return "in hours"
    return "night" if is_night(person, when) else "outside hours"


def local_time(person: Person, when: datetime) -> str:
    """Return "Fri 4 Dec, 02:00 JST": ``when`` on the person's own clock and calendar."""
    return timeexpr.format_moment(when, person.zone)


def day_start(when: datetime, tz: tzinfo) -> datetime:
    """Return local midnight, in ``tz``, of the day ``when`` falls on there (aware, UTC)."""
    local = when.astimezone(tz)
    return datetime.combine(local.date(), time(0), tzinfo=tz).astimezone(UTC)


def day_span(start: datetime, tz: tzinfo) -> timedelta:
    """Return how long the local day from ``start`` (midnight in ``tz``) lasts: 23, 24 or 25 h.

    A day the clocks change on is an hour shorter or longer; strips drawn over a fixed 24
    hours would label every hour after the change wrongly and end an hour off midnight.
    """
    local = start.astimezone(tz)
    next_day = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=tz)
    return next_day.astimezone(UTC) - start.astimezone(UTC)


def hour_marks(start: datetime, tz: tzinfo, every: int = 3) -> list[tuple[int, float]]:
    """Return (local hour, fraction of the day) for each ``every``-th hour from 0 to 24.

    Fractions are of real time since ``start``, so on the day the clocks go forward the
    03 mark sits two hours in, and the strips' hour labels stay true to the clock.
    """
    local = start.astimezone(tz).date()
    span = day_span(start, tz).total_seconds()
    marks = []
    for hour in range(0, 25, every):
        day, clock = (local, time(hour)) if hour < 24 else (local + timedelta(days=1), time(0))
        moment = datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)
        marks.append((hour, min(1.0, max(0.0, (moment - start).total_seconds() / span))))
    return marks


def strip(person: Person, start: datetime, span: timedelta = timedelta(hours=24)) -> list[Segment]:
    """Return ``person``'s strip for the ``span`` from ``start``: merged, ordered segments.

    Every strip of the picker starts at the same moment (midnight in the chosen zone), so
    the same x is the same moment on every strip and the overlap of working hours is seen.
    """
    steps = int(span / STEP)
    segments: list[Segment] = []
    for i in range(steps):
        kind, label = kind_at(person, start + i * STEP)
        if segments and segments[-1].kind == kind and segments[-1].label == label:
            segments[-1] = Segment(segments[-1].start, (i + 1) / steps, kind, label)
        else:
            segments.append(Segment(i / steps, (i + 1) / steps, kind, label))
    return segments


def _quarter_up(when: datetime) -> datetime:
    """Return ``when`` in UTC, rounded up to the next quarter hour (seconds dropped)."""
    exact = when.astimezone(UTC)
    moment = exact.replace(second=0, microsecond=0)
    if moment < exact:
        moment += timedelta(minutes=1)
    return moment + timedelta(minutes=(15 - moment.minute % 15) % 15)


def next_inside_everyone(
    people: Sequence[Person], after: datetime, now: datetime | None = None
) -> datetime | None:
    """Return the first moment from ``after`` on that is a fair deadline for all ``people``.

    Fair as the checks judge it: a working day and inside working hours for each (the end
    of a day counts). A moment already fair is returned as it is (on the quarter hour); a
    moment before ``now`` is never returned. None when their working hours do not meet in
    the next two weeks (Tokyo's and San Francisco's days never overlap).
    """
    if not people:
        return None
    start = _quarter_up(max(after, now) if now is not None else after)
    moment = start
    while moment <= start + HORIZON:
        if all(p.deadline_inside(moment) for p in people):
            return moment
        moment += STEP
    return None


def end_of_working_day(person: Person, when: datetime) -> datetime | None:
    """Return the end of ``person``'s working day that ``when`` is in, or the next one.

    "By the end of Aiko's day": if ``when`` is before or during a working day's hours,
    that day's end; after it (or on a day off), the end of the next working day. None when
    the person has no working day in the next two weeks.
    """
    hours = person.hours
    local = when.astimezone(person.zone)
    day = local.date() - timedelta(days=1)  # a window across midnight starts the day before
    for _ in range(HORIZON.days + 2):
        if person.day_off(day) is None:
            end_day = day + timedelta(days=1) if hours.end < hours.start else day
            end = datetime.combine(end_day, hours.end, tzinfo=person.zone).astimezone(UTC)
            if end >= when:
                return end
        day += timedelta(days=1)
    return None


def end_of_their_day(people: Sequence[Person], when: datetime) -> datetime | None:
    """Return the end of the working day the readers share, from ``when`` on.

    One reader: the end of their working day (:func:`end_of_working_day`). Several: the
    last moment of the next stretch inside all their hours, so the deadline is still in
    everyone's day (Aiko's 19:00 in Tokyo is 11:00 in Berlin); the latest reader's end
    would be the middle of the night for another. When their hours never meet, the latest
    reader's end: each of them then has had their whole day. None without people, or
    when someone has no working day within two weeks.
    """
    if len(people) == 1:
        return end_of_working_day(people[0], when)
    start = next_inside_everyone(people, when)
    if start is None:
        ends = [end_of_working_day(p, when) for p in people]
        if not ends or any(end is None for end in ends):
            return None
        return max(end for end in ends if end is not None)
    moment = start
    while all(p.deadline_inside(moment + STEP) for p in people):
        moment += STEP
    return moment


def stand_ins(zone_names: Sequence[tuple[str, tzinfo]], work_hours: str) -> list[Person]:
    """Return a person for each (label, zone), with the default hours and Mon-Fri.

    With no ``[[team.people]]`` in settings, the picker still shows the writer's zone and
    the team's zones; each works ``[time] work_hours`` as far as AsyncWriter knows.
    """
    try:
        hours = team.parse_hours(work_hours)
    except ValueError:
        hours = team.parse_hours(team.DEFAULT_HOURS)
    return [
        team.Person(label, "", tz, hours, zone_name=zones.zone_key(tz)) for label, tz in zone_names
    ]


def arrival_note(readers: Sequence[Person], now: datetime) -> str | None:
    """Return what a message sent ``now`` meets, when most of its ``readers`` are not at work.

    "2 of 3 readers are outside their working hours: it is 02:00 for Aiko in Tokyo and …".
    The conclusion comes first, so a status bar that cuts the line keeps it. It is a note
    for the writer (schedule the send, or expect a slow answer), never a reason to stop the
    copy. None when at least half the readers are working, or there are none.
    """
    away = [p for p in readers if not p.working_at(now)]
    if not readers or len(away) * 2 <= len(readers):
        return None
    times = []
    for person in away:
        local = now.astimezone(person.zone)
        why = person.day_off(local.date())
        on = "" if why is None else f" on their {why}" if why in _WEEKDAYS else f" on {why}"
        times.append(f"{local:%H:%M}{on} for {person.name} in {person.place}")
    said = series(times)
    if len(readers) == 1:
        return f"It is {said}, outside their working hours."
    return f"{len(away)} of {len(readers)} readers are outside their working hours: it is {said}."


#: Day-off reasons that are weekdays ("Saturday"): said as "on their Saturday".
_WEEKDAYS = frozenset(team.WEEKDAY_NAMES)
