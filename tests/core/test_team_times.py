"""The picker's time helpers: strips, the table's words, next fair moment, end of day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from asyncwriter import team, team_times
from asyncwriter.times import zones


def person(name: str, zone: str, hours: str = "09:00-17:30", **kw: object) -> team.Person:
    return team.Person(name, name.lower(), team.parse_zone(zone), team.parse_hours(hours),
                       zone_name=zone, **kw)  # type: ignore[arg-type]  # fmt: skip


AIKO = person("Aiko", "Asia/Tokyo", "10:00-19:00", holidays=("JP", None))
LENA = person("Lena", "Europe/Berlin", holidays=("DE", "BY"))
SAM = person("Sam", "America/Los_Angeles", holidays=("US", "CA"))
THU_17 = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def test_the_table_words_say_hours_night_weekend_and_holiday():
    assert team_times.status(AIKO, THU_17) == "night"  # 02:00 Fri in Tokyo
    assert team_times.status(LENA, THU_17) == "outside hours"  # 18:00 in Berlin
    assert team_times.status(SAM, THU_17) == "in hours"  # 09:00 in Los Angeles
    assert team_times.status(LENA, datetime(2026, 12, 5, 12, tzinfo=UTC)) == "weekend"
    # 23 Nov is Labour Thanksgiving Day in Japan.
    assert team_times.status(AIKO, datetime(2026, 11, 23, 3, tzinfo=UTC)).startswith(
        "holiday: Labo"
    )
    assert team_times.local_time(AIKO, THU_17) == "Fri 4 Dec, 02:00 JST"


def test_a_strip_is_the_day_in_the_chosen_zone_with_work_night_and_days_off():
    start = team_times.day_start(THU_17, zones.get_zone("UTC"))
    assert start == datetime(2026, 12, 3, tzinfo=UTC)
    segments = team_times.strip(LENA, start)
    assert segments[0].start == 0 and segments[-1].end == 1
    kinds = [(s.kind, round(s.start * 24, 2), round(s.end * 24, 2)) for s in segments]
    # Berlin is UTC+1 in December: night to 06:00 UTC, work 08:00-16:30 UTC, night from 21:00.
    assert kinds == [("night", 0, 6), ("free", 6, 8), ("work", 8, 16.5), ("free", 16.5, 21),
                     ("night", 21, 24)]  # fmt: skip
    saturday = team_times.strip(LENA, datetime(2026, 12, 5, 1, tzinfo=UTC))
    assert any(s.kind == "day_off" and s.label == "Saturday" for s in saturday)


def test_on_a_day_the_clocks_change_the_strip_is_that_day_and_its_hours_sit_where_the_clock_says():
    berlin = zones.get_zone("Europe/Berlin")
    # 29 Mar 2026: Berlin goes from 02:00 to 03:00, a 23-hour day; 25 Oct: 25 hours.
    spring = team_times.day_start(datetime(2026, 3, 29, 12, tzinfo=UTC), berlin)
    autumn = team_times.day_start(datetime(2026, 10, 25, 12, tzinfo=UTC), berlin)
    assert team_times.day_span(spring, berlin) == timedelta(hours=23)
    assert team_times.day_span(autumn, berlin) == timedelta(hours=25)
    utc_day = datetime(2026, 3, 29, tzinfo=UTC)
    assert team_times.day_span(utc_day, zones.get_zone("UTC")) == timedelta(hours=24)
    marks = dict(team_times.hour_marks(spring, berlin))
    assert marks[0] == 0 and marks[24] == 1
    assert marks[3] == pytest.approx(2 / 23)  # 03:00 comes two hours after midnight
    assert marks[12] == pytest.approx(11 / 23)
    assert dict(team_times.hour_marks(autumn, berlin))[12] == pytest.approx(13 / 25)
    # The strip walks all 25 hours: Berlin's long Sunday begins at 15:00 on Saturday in Los
    # Angeles, so Sam's Saturday fills its first 9 hours, then his Sunday the rest.
    sam = team_times.strip(SAM, autumn, team_times.day_span(autumn, berlin))
    assert sam[-1].end == 1
    assert [(s.label, round(s.end * 25, 2)) for s in sam] == [("Saturday", 9), ("Sunday", 25)]
    weekday = team_times.day_start(datetime(2026, 10, 26, 12, tzinfo=UTC), berlin)
    assert team_times.day_span(weekday, berlin) == timedelta(hours=24)


def test_next_inside_everyone_skips_nights_weekends_and_holidays():
    # Thu 17:00 UTC: night in Tokyo. Aiko and Lena next share hours on Fri 08:00 UTC
    # (17:00 in Tokyo, 09:00 in Berlin).
    found = team_times.next_inside_everyone([AIKO, LENA], THU_17)
    assert found == datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
    # From Friday evening the weekend comes first: Monday 08:00 UTC.
    after_friday = team_times.next_inside_everyone(
        [AIKO, LENA], datetime(2026, 12, 4, 12, tzinfo=UTC)
    )
    assert after_friday == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    # 23 Nov 2026 is a Monday and a public holiday in Japan: Tuesday it is.
    holiday = team_times.next_inside_everyone([AIKO, LENA], datetime(2026, 11, 22, 12, tzinfo=UTC))
    assert holiday == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def test_next_inside_everyone_keeps_a_fair_moment_and_never_goes_before_now():
    fair = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert team_times.next_inside_everyone([AIKO, LENA], fair) == fair
    now = datetime(2026, 12, 3, 9, 7, 30, tzinfo=UTC)
    assert team_times.next_inside_everyone([AIKO, LENA], fair, now) == datetime(
        2026, 12, 3, 9, 15, tzinfo=UTC
    )


def test_tokyo_berlin_and_san_francisco_never_share_working_hours():
    assert team_times.next_inside_everyone([AIKO, LENA, SAM], THU_17) is None
    # Aiko's 10:00 is Sam's 17:00 the day before: those two meet for half an hour.
    assert team_times.next_inside_everyone([AIKO, SAM], THU_17) == datetime(
        2026, 12, 4, 1, 0, tzinfo=UTC
    )
    assert team_times.next_inside_everyone([], THU_17) is None


def test_end_of_day_is_that_days_end_or_the_next_working_days():
    # 02:00 Fri in Tokyo: before her Friday starts, so Friday 19:00 JST.
    assert team_times.end_of_working_day(AIKO, THU_17) == datetime(2026, 12, 4, 10, tzinfo=UTC)
    # 09:00 in Los Angeles: the end of his Thursday, 17:30 PST.
    assert team_times.end_of_working_day(SAM, THU_17) == datetime(2026, 12, 4, 1, 30, tzinfo=UTC)
    # After Lena's Friday: her Monday (Sat and Sun are off).
    friday_night = datetime(2026, 12, 4, 20, tzinfo=UTC)
    assert team_times.end_of_working_day(LENA, friday_night) == datetime(
        2026, 12, 7, 16, 30, tzinfo=UTC
    )


def test_end_of_their_day_is_the_end_of_the_day_they_share():
    # Aiko and Lena share Fri 08:00-10:00 UTC; it ends with Aiko's day (19:00 in Tokyo).
    assert team_times.end_of_their_day([AIKO, LENA], THU_17) == datetime(
        2026, 12, 4, 10, tzinfo=UTC
    )
    # One reader: the end of their own day.
    assert team_times.end_of_their_day([SAM], THU_17) == datetime(2026, 12, 4, 1, 30, tzinfo=UTC)
    assert team_times.end_of_their_day([], THU_17) is None


def test_with_no_shared_hours_end_of_their_day_is_the_latest_readers_end():
    # Tokyo, Berlin and Los Angeles never meet: Lena's Friday ends last (17:30 CET).
    assert team_times.end_of_their_day([AIKO, LENA, SAM], THU_17) == datetime(
        2026, 12, 4, 16, 30, tzinfo=UTC
    )


def test_a_window_across_midnight_ends_the_next_morning():
    night_shift = person("Ola", "UTC", "22:00-06:00")
    assert team_times.end_of_working_day(night_shift, datetime(2026, 12, 3, 23, tzinfo=UTC)) == (
        datetime(2026, 12, 4, 6, tzinfo=UTC)
    )


def test_stand_ins_work_the_default_hours():
    (you,) = team_times.stand_ins([("You", zones.get_zone("Europe/Berlin"))], "10:00-18:00")
    assert str(you.hours) == "10:00-18:00" and you.name == "You"
    (bad,) = team_times.stand_ins([("UTC", UTC)], "nonsense")
    assert str(bad.hours) == team.DEFAULT_HOURS


def test_the_arrival_note_names_who_is_away_when_most_readers_are():
    note = team_times.arrival_note([AIKO, LENA, SAM], THU_17)
    assert note == (
        "2 of 3 readers are outside their working hours: it is 02:00 for Aiko in Tokyo and "
        "18:00 for Lena in Berlin."
    )
    assert team_times.arrival_note([AIKO], THU_17) == (
        "It is 02:00 for Aiko in Tokyo, outside their working hours."
    )
    # Half or more at work: no note.
    assert team_times.arrival_note([AIKO, SAM], THU_17) is None
    assert team_times.arrival_note([], THU_17) is None
    saturday = datetime(2026, 12, 5, 11, tzinfo=UTC)
    assert team_times.arrival_note([LENA], saturday) == (
        "It is 12:00 on their Saturday for Lena in Berlin, outside their working hours."
    )
    christmas = datetime(2026, 12, 25, 10, tzinfo=UTC)
    assert "11:00 on Christmas Day for Lena" in (team_times.arrival_note([LENA], christmas) or "")
