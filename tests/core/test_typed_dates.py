"""Dates typed into the picker's date field, read as the checks read dates in a message."""

from __future__ import annotations

from datetime import date

import pytest

from asyncwriter.times.typed_dates import read_day

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("31 Oct 2027", date(2027, 10, 31)),
        ("Sun 31 Oct 2027", date(2027, 10, 31)),
        ("Oct 31", date(2027, 10, 31)),  # no year, already past: next year's
        ("3 Dec", date(2026, 12, 3)),
        ("4 Jan", date(2027, 1, 4)),
        ("2027-02-12", date(2027, 2, 12)),
        ("31/10/2027", date(2027, 10, 31)),
        ("tomorrow", date(2026, 12, 2)),
        ("Friday", date(2026, 12, 4)),
        ("29 Feb 2028", date(2028, 2, 29)),
        ("Mon 7 Dec 17:00 UTC", date(2026, 12, 7)),  # the clock is the time field's
    ],
)
def test_a_typed_day_is_read(typed: str, day: date) -> None:
    assert read_day(typed, TODAY) == day


@pytest.mark.parametrize(
    "typed", ["", "soon", "next sprint", "31", "31 Feb", "17:00", "Mon 30 Nov", "last Friday"]
)
def test_text_that_names_no_day_is_none(typed: str) -> None:
    assert read_day(typed, TODAY) is None


def test_a_leap_day_without_a_year_is_the_next_one_to_come() -> None:
    assert read_day("29 Feb", date(2027, 3, 1)) == date(2028, 2, 29)
