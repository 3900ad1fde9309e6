"""Which moments the checks can take as "now".

Deadlines are resolved from "now" in the writer's and readers' zones ("Friday", "end of
month", "next year"), so a "now" at the calendar's edge (``--now 9999-12-31T23:00Z``) gave
dates past year 9999 and an ``OverflowError``. A "now" must leave a year of room on
each side; anything else is the caller's mistake, reported as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

#: The years a "now" may fall in (its wall-clock year, in whatever zone it carries).
FIRST_YEAR, LAST_YEAR = 2, 9998


def check_now(now: datetime) -> datetime:
    """Return ``now`` if the checks can resolve dates from it.

    Raises:
        ValueError: ``now`` lies in the calendar's first or last year, or beyond.
    """
    if not FIRST_YEAR <= now.year <= LAST_YEAR:
        raise ValueError(
            f"{now.isoformat()} is out of range: give a moment between the years "
            f"{FIRST_YEAR} and {LAST_YEAR}"
        )
    return now
