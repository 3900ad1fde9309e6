"""[[team.people]] in settings.toml: people read, broken entries reported and skipped."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from asyncwriter import paths, settings, team

TEAM = """\
[time]
zone = "Europe/Berlin"
team_zones = ["America/New_York"]
work_hours = "08:30-17:00"
short_notice_hours = 4

[[team.people]]
name = "Aiko"
handle = "aiko"
zone = "Asia/Tokyo"
hours = "10:00-19:00"
days = "Mon-Fri"
holidays = "JP"

[[team.people]]
name = "Sam Lee"
zone = "San Francisco"
holidays = "US-CA"

[[team.people]]
name = "Lena"
handle = "@lena"
zone = "CET"
days = "Sun-Thu"
holidays = "DE-BY"
"""


def write(text: str):
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_people_are_read_next_to_the_old_time_keys():
    write(TEAM)
    loaded = settings.load()
    assert loaded.problems == []
    assert loaded.zone == "Europe/Berlin"
    assert loaded.team_zones == ["America/New_York"]
    assert loaded.short_notice_hours == 4
    aiko, sam, lena = loaded.people
    assert (aiko.name, aiko.handle, aiko.place, str(aiko.hours)) == (
        "Aiko", "aiko", "Tokyo", "10:00-19:00"
    )  # fmt: skip
    assert aiko.holidays == ("JP", None)
    # The default hours and the handle from the first name; a city name as the zone.
    assert (sam.handle, str(sam.hours), sam.place) == ("Sam", "08:30-17:00", "San Francisco")
    assert sam.zone.utcoffset(datetime(2026, 12, 3)) is not None
    assert sam.holidays == ("US", "CA")
    assert (lena.handle, lena.days) == ("lena", frozenset({6, 0, 1, 2, 3}))


def test_without_people_the_defaults_hold():
    write('[time]\nzone = "UTC"\n')
    loaded = settings.load()
    assert loaded.people == []
    assert loaded.work_hours == team.DEFAULT_HOURS
    assert loaded.short_notice_hours == 8


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ('name = "X"\nzone = "Nowhere/Land"', "'Nowhere/Land' is not a time zone"),
        ('name = "X"', "zone must be given"),
        ('zone = "UTC"', "no name"),
        ('name = "X"\nzone = "UTC"\nhours = "9 to 5"', "'9 to 5' is not working hours"),
        ('name = "X"\nzone = "UTC"\ndays = "Mon-Funday"', "'Funday' is not a weekday"),
        ('name = "X"\nzone = "UTC"\nholidays = "ZZ"', "no public holidays are known for ZZ"),
        ('name = "X"\nzone = "UTC"\nholidays = "DE-XX"', "XX is not a part of DE"),
    ],
)
def test_a_broken_entry_is_reported_with_its_line_and_skipped(entry, reason):
    path = write(f'[[team.people]]\nname = "Ok"\nzone = "UTC"\n\n[[team.people]]\n{entry}\n')
    loaded = settings.load()
    assert [p.name for p in loaded.people] == ["Ok"]
    (problem,) = loaded.problems
    assert str(problem).startswith(f"{path}:5: [[team.people]] ")
    assert reason in problem.reason and problem.reason.endswith("skipped")


def test_bad_time_keys_are_reported_and_defaults_used():
    write('[time]\nwork_hours = "late"\nshort_notice_hours = "many"\n')
    loaded = settings.load()
    assert loaded.work_hours == team.DEFAULT_HOURS and loaded.short_notice_hours == 8
    assert [p.line for p in loaded.problems] == [2, 3]


def test_saving_keeps_the_people():
    path = write(TEAM)
    loaded = settings.load()
    loaded.zone = "UTC"
    settings.save(loaded)
    assert "[[team.people]]" in path.read_text(encoding="utf-8")
    assert len(settings.load().people) == 3


def test_working_time_days_off_and_holidays():
    aiko = team.Person("Aiko", "aiko", team.parse_zone("Asia/Tokyo"),
                       team.parse_hours("10:00-19:00"), holidays=("JP", None))  # fmt: skip
    assert not aiko.working_at(datetime(2026, 12, 3, 17, 0, tzinfo=UTC))  # 02:00 Fri
    assert aiko.working_at(datetime(2026, 12, 3, 1, 0, tzinfo=UTC))  # 10:00 Thu
    assert aiko.deadline_inside(datetime(2026, 12, 3, 10, 0, tzinfo=UTC))  # 19:00: end of day
    assert aiko.day_off(date(2026, 12, 5)) == "Saturday"
    assert aiko.day_off(date(2027, 1, 11)) == "Coming of Age Day"
    assert (
        aiko.working_hours_between(
            datetime(2026, 12, 3, 8, 0, tzinfo=UTC), datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
        )
        == 2
    )  # 17:00-19:00 JST
    night = team.parse_hours("22:00-06:00")
    assert night.contains(time(23, 0)) and night.contains(time(1, 0))
    assert not night.contains(time(12, 0))
