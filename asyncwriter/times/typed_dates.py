"""Dates as a writer types them into a date field: "31 Oct 2027", "Sun 31 Oct", "2027-10-31".

Qt's date field reads typing one part at a time in the display's order, so a date typed
whole ("31 Oct 2027" over "Wed 2 Dec 2026") got its month ignored. The picker reads the
typed text with the same scanner the checks use, so a field accepts what the checks
understand in a message, and one reading of a date holds everywhere.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from asyncwriter.times import expressions

_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")


def read_day(text: str, today: date) -> date | None:
    """Return the day ``text`` names, counting from ``today``; None when it names none.

    A weekday alone is the next such day ("Friday"), a day and month without a year the next
    one to come; a clock time or zone typed along is ignored (the field holds a day).
    """
    for expr in expressions.scan(text):
        if not expr.has_day:
            continue
        now = datetime.combine(today, time(12), tzinfo=UTC)
        res = expressions.resolve(expr, now, UTC, UTC)
        if res.when is None:
            continue
        day = res.when.astimezone(UTC).date()
        if day >= today or _YEAR.search(text[expr.start : expr.end]):
            return day
        if expr.unit("weekday", "relday", "relweek") is not None:
            return None  # "Tue 1 Dec" past, or "last Friday": no later day says the same
        # "31 Oct" typed in December is next October's, a deadline to come (29 Feb: the
        # next leap year's).
        for year in range(day.year + 1, day.year + 9):
            try:
                return day.replace(year=year)
            except ValueError:
                continue
        return None
    return None
