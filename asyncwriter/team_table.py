"""What one moment is for each of the team's people: ``asyncwriter when``'s table.

Before choosing a deadline a writer wants to see it as each reader will: their local time,
and whether that is inside their working hours, on their weekend or on a public holiday.
This module reads the moment from words ("Thu 3 Dec 17:00 UTC") with the same parser the
checks use, and lays out the rows as plain text; the window's picker can reuse the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING

from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import zones

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime, tzinfo

    from asyncwriter.team import Person


@dataclass(frozen=True, slots=True)
class Row:
    """One person's view of the moment."""

    name: str
    place: str
    #: Their local time, as fixes write it: "Fri 4 Dec, 02:00 JST".
    local: str
    hours: str
    #: "working hours", "outside hours", "weekend" or "holiday: <name>".
    status: str


def parse_moment(text: str, now: datetime, tz: tzinfo) -> datetime:
    """Return the moment ``text`` names ("Thu 3 Dec 17:00 UTC"), read as a deadline is.

    Raises:
        ValueError: the text names no single moment (no time, a vague or ambiguous one).
    """
    found = timeexpr.scan(text)
    if not found:
        raise ValueError(f"{text!r} names no date or time")
    res = timeexpr.resolve(found[0], now, tz, None)
    if res.when is None:
        why = f": {res.vague[0]}" if res.vague else ""
        raise ValueError(f"{text!r} is not one moment{why}")
    return res.when


def rows(people: Sequence[Person], when: datetime) -> list[Row]:
    """Return what ``when`` is for each person, in the team's order."""
    table = []
    for person in people:
        local = when.astimezone(person.zone)
        day = local.date()
        if day.weekday() not in person.days:
            status = "weekend"
        elif (holiday := person.holiday(day)) is not None:
            status = f"holiday: {holiday}"
        elif person.deadline_inside(when):
            status = "working hours"
        else:
            status = "outside hours"
        shown = (
            f"{timeexpr.format_day(day)}, {local:%H:%M} {zones.display_zone(person.zone, local)}"
        )
        table.append(Row(person.name, person.place, shown, str(person.hours), status))
    return table


def format_table(when: datetime, table: Sequence[Row]) -> str:
    """Return the rows as an aligned text table under the moment in UTC."""
    head = ("person", "where", "local time", "hours", "status")
    lines = [(r.name, r.place, r.local, r.hours, r.status) for r in table]
    widths = [max(len(row[i]) for row in [head, *lines]) for i in range(len(head))]
    out = [timeexpr.format_moment(when, UTC)]
    for row in [head, *lines]:
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(out) + "\n"
