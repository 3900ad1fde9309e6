"""The team's people: where they are, when they work, and which days they are off.

A deadline is fair only when its readers can act on it in their own working day, so the
team-time checks and ``asyncwriter when`` need each person's zone, hours, working days and
public holidays. Settings (``[[team.people]]``) parse into :class:`Person`; everything here
is pure and Qt-free so checks, the CLI and (later) the window share it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import zones

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: The working hours of a person who gives none (``[time] work_hours``).
DEFAULT_HOURS = "09:00-17:30"
DEFAULT_DAYS = "Mon-Fri"
_DAY_NAMES = tuple(abbr.lower() for abbr in timeexpr.WEEKDAY_ABBR)  # "mon", Monday first
#: A weekday as a day off is named: "Saturday" (Monday first).
WEEKDAY_NAMES = tuple(name.title() for name in timeexpr.WEEKDAYS)
_HOURS = re.compile(r"\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*")
_HOLIDAYS = re.compile(r"\s*([A-Za-z]{2})(?:[-_ ]([A-Za-z0-9]{1,3}))?\s*")


@dataclass(frozen=True, slots=True)
class WorkHours:
    """A daily working window in local wall-clock time; ``end`` before ``start`` spans midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        """Return True when the wall-clock ``moment`` lies inside the window (end excluded)."""
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_hours(text: object) -> WorkHours:
    """Parse "09:00-17:30" into working hours.

    Raises:
        ValueError: the text is not two clock times joined by a dash, or they are equal.
    """
    m = _HOURS.fullmatch(text) if isinstance(text, str) else None
    if m is None:
        raise ValueError(f"{text!r} is not working hours such as 09:00-17:30")
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    try:
        start, end = time(h1, m1), time(h2 % 24 if (h2, m2) == (24, 0) else h2, m2)
    except ValueError:
        raise ValueError(f"{text!r} is not working hours such as 09:00-17:30") from None
    if start == end:
        raise ValueError(f"{text!r} starts and ends at the same time")
    return WorkHours(start, end)


def parse_days(text: object) -> frozenset[int]:
    """Parse "Mon-Fri" or "Sun-Thu" or "Mon,Tue,Thu" into weekday numbers (Monday is 0).

    Raises:
        ValueError: a part is not a weekday or a range of weekdays.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{text!r} is not working days such as Mon-Fri")
    days: set[int] = set()
    for part in text.split(","):
        ends = [_weekday(p) for p in part.split("-")]
        if len(ends) == 1:
            days.add(ends[0])
        elif len(ends) == 2:
            day = ends[0]
            days.add(day)
            while day != ends[1]:
                day = (day + 1) % 7
                days.add(day)
        else:
            raise ValueError(f"{text!r} is not working days such as Mon-Fri")
    return frozenset(days)


def _weekday(text: str) -> int:
    key = text.strip().lower()[:3]
    if key not in _DAY_NAMES or not text.strip().lower().isalpha():
        raise ValueError(f"{text.strip()!r} is not a weekday such as Mon")
    return _DAY_NAMES.index(key)


def parse_zone(text: object) -> tzinfo:
    """Return the zone a person is in, written as people write it.

    Accepts an IANA name, UTC or an offset, an unambiguous abbreviation (CET, PST) or a
    city name ("Tokyo", "San Francisco"): settings are typed by hand.

    Raises:
        ValueError: none of these.
    """
    name = text.strip() if isinstance(text, str) else ""
    if not name:
        raise ValueError("no zone given")
    try:
        return zones.get_zone(name)
    except ValueError:
        pass
    alias = zones.UNAMBIGUOUS.get(name.upper()) or zones.city_zones().get(name.lower())
    if alias is None:
        raise ValueError(f"{name!r} is not a time zone such as Asia/Tokyo, CET or Tokyo")
    return zones.get_zone(alias)


@functools.cache
def _holiday_calendar(country: str, subdivision: str | None) -> Any:
    import holidays

    # Messages are in English; a country without English names falls back to its own.
    return holidays.country_holidays(country, subdiv=subdivision, language="en_US")


def check_holidays(code: object) -> tuple[str, str | None]:
    """Split "US-CA" into ("US", "CA") if the holidays library knows it.

    Raises:
        ValueError: not a country code (with an optional subdivision) it knows.
    """
    import holidays

    m = _HOLIDAYS.fullmatch(code) if isinstance(code, str) else None
    if m is None:
        raise ValueError(f"{code!r} is not a country code such as JP, US-CA or DE-BY")
    country, subdivision = m.group(1).upper(), m.group(2).upper() if m.group(2) else None
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise ValueError(f"{code!r}: no public holidays are known for {country}")
    if subdivision is not None and subdivision not in supported[country]:
        examples = ", ".join(f"{country}-{s}" for s in supported[country][:3])
        raise ValueError(
            f"{code!r}: {subdivision} is not a part of {country} known for holidays"
            + (f" (e.g. {examples})" if examples else "")
        )
    return country, subdivision


@dataclass(frozen=True, slots=True)
class Person:
    """One reader: name, @handle, zone, working hours and days, and public holidays."""

    name: str
    handle: str
    zone: tzinfo
    hours: WorkHours
    days: frozenset[int] = frozenset(range(5))
    #: Country and subdivision whose public holidays the person has off, e.g. ("US", "CA").
    holidays: tuple[str, str | None] | None = None
    #: The zone as written in settings, for showing ("Asia/Tokyo").
    zone_name: str = ""

    @property
    def place(self) -> str:
        """Return where the person is, for messages: "Tokyo" from "Asia/Tokyo"."""
        return self.zone_name.rsplit("/", 1)[-1].replace("_", " ") or zones.zone_key(self.zone)

    def holiday(self, day: date) -> str | None:
        """Return the name of the public holiday on ``day`` for this person, or None."""
        if self.holidays is None:
            return None
        name = _holiday_calendar(*self.holidays).get(day)
        return str(name) if name else None

    def day_off(self, day: date) -> str | None:
        """Return why ``day`` is not a working day ("Saturday", a holiday's name), or None."""
        if day.weekday() not in self.days:
            # Not strftime("%A"): Qt sets the C locale from the environment, and messages
            # are in English.
            return WEEKDAY_NAMES[day.weekday()]
        return self.holiday(day)

    def working_at(self, when: datetime) -> bool:
        """Return True when the aware moment ``when`` is inside this person's working time.

        A window that spans midnight belongs to the day it starts on.
        """
        local = when.astimezone(self.zone)
        day = local.date()
        if self.hours.start > self.hours.end and local.time() < self.hours.end:
            day -= timedelta(days=1)
        return self.hours.contains(local.time()) and self.day_off(day) is None

    def deadline_inside(self, when: datetime) -> bool:
        """Return True when a deadline at ``when`` falls in this person's working time.

        Unlike :meth:`working_at`, the end of the window counts: "by 19:00" is the end of
        a 10:00-19:00 day, which is exactly where a fair deadline sits.
        """
        if self.working_at(when):
            return True
        local = when.astimezone(self.zone)
        return local.time() == self.hours.end and self.working_at(when - timedelta(minutes=1))

    def working_hours_between(
        self, start: datetime, end: datetime, limit: float | None = None
    ) -> float:
        """Return the working hours this person has from ``start`` to ``end`` (aware).

        Counted in quarter hours, which is finer than any working window people write.
        With ``limit``, counting stops once it is reached: a check that asks "fewer than
        8?" need not walk to a deadline months away.
        """
        if end <= start:
            return 0.0
        step = timedelta(minutes=15)
        # Whole days that are days off cannot be counted quickly without care for DST;
        # a deadline is days, not years, away, so walk it (capped at a year).
        end = min(end, start + timedelta(days=366))
        count = 0
        moment = start
        while moment < end:
            if self.working_at(moment):
                count += 1
                if limit is not None and count / 4 >= limit:
                    break
            moment += step
        return count / 4


#: How far a fix looks for a moment inside everyone's hours, each way.
_SEARCH = timedelta(days=14)
_STEP = timedelta(minutes=15)


def nearest_shared_moment(
    people: Sequence[Person], when: datetime, after: datetime
) -> datetime | None:
    """Return the moment nearest ``when`` that is a fair deadline for all ``people``.

    Fair: on a working day and inside working hours for each of them (the end of a
    day counts). Only moments after ``after`` ("now") qualify, since a fix must not move a
    deadline into the past; on a tie the later moment wins, as it gives readers more
    time. Returns None when their hours never overlap within two weeks either way.
    """
    if not people:
        return None
    base = when.astimezone(UTC).replace(second=0, microsecond=0)
    base -= timedelta(minutes=base.minute % 15)
    offset = timedelta(0)
    while offset <= _SEARCH:
        for moment in (base + offset, base - offset):
            if moment > after and all(p.deadline_inside(moment) for p in people):
                return moment
        offset += _STEP
    return None


def earliest_with_notice(people: Sequence[Person], now: datetime, hours: float) -> datetime | None:
    """Return the first moment by which every one of ``people`` has ``hours`` working hours.

    That is the earliest deadline that gives each reader the notice asked for; None when
    some reader has no working time within a year (a person with no working days).
    """
    latest: datetime | None = None
    start = now.astimezone(UTC).replace(second=0, microsecond=0)
    start += timedelta(minutes=(15 - start.minute % 15) % 15)
    for person in people:
        needed = max(1, round(hours * 4))
        moment, count, limit = start, 0, start + timedelta(days=366)
        while count < needed and moment < limit:
            if person.working_at(moment):
                count += 1
            moment += _STEP
        if count < needed:
            return None
        latest = moment if latest is None else max(latest, moment)
    return latest


def format_hours(hours: float) -> str:
    """Return "1 working hour", "2.5 working hours": how a person counts them."""
    number = f"{hours:g}"
    return f"{number} working hour{'' if hours == 1 else 's'}"


def known_words(people: Iterable[Person]) -> list[str]:
    """Return the team's names and handles: words the spelling checker must accept.

    "Aiko, please approve …" opens a sentence with a name the dictionary has never seen;
    the people in settings are the writer's own readers, so their names are known words.
    """
    words: list[str] = []
    for person in people:
        words.extend(person.name.split())
        if person.handle:
            words.append(person.handle)
    return words
