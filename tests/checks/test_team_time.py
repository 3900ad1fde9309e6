"""Team time: deadline.outside-hours, deadline.short-notice and deadline.day-off."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from asyncwriter import team
from asyncwriter.checks import lint
from asyncwriter.checks.readers import readers
from tests.checks.corpus_eval import TEAM_RULES

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # Tue 1 Dec, 18:00 in Tokyo


def person(name: str, zone: str, hours: str = "09:00-17:30", **kw: object) -> team.Person:
    return team.Person(name, name.lower(), team.parse_zone(zone), team.parse_hours(hours),
                       zone_name=zone, **kw)  # type: ignore[arg-type]  # fmt: skip


AIKO = person("Aiko", "Asia/Tokyo", "10:00-19:00", holidays=("JP", None))
LENA = person("Lena", "Europe/Berlin", holidays=("DE", "BY"))
SAM = person("Sam", "America/Los_Angeles", holidays=("US", "CA"))
TEAM = (AIKO, LENA, SAM)


def findings(text: str, people=TEAM, **kw):
    report = lint(text, now=NOW, tz="UTC", people=people, **kw)
    return [f for f in report.findings if f.rule in TEAM_RULES]


def only(text: str, rule: str, people=TEAM, **kw):
    found = [f for f in findings(text, people, **kw) if f.rule == rule]
    assert len(found) == 1, [f.message for f in findings(text, people, **kw)]
    return found[0]


# -- deadline.outside-hours ----------------------------------------------------------------


def test_a_deadline_in_a_readers_night_names_them_and_moves_inside_their_hours():
    f = only("Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.", "deadline.outside-hours")
    assert f.message.startswith("17:00 UTC is 02:00 Fri for Aiko in Tokyo")
    # The nearest moment inside her hours: the end of her Thursday, 19:00 JST.
    assert f.suggestions == ("Thu 3 Dec, 10:00 UTC",)


def test_the_fix_is_written_in_the_deadlines_zone_as_fixes_write_times():
    f = only("Lena, please approve by Thu 3 Dec, 20:00 CET.", "deadline.outside-hours")
    assert "20:00 CET is 20:00 Thu for Lena in Berlin" in f.message
    assert f.suggestions == ("Thu 3 Dec, 17:30 CET (16:30 UTC)",)


def test_a_deadline_inside_the_readers_hours_is_fair():
    assert findings("Aiko, please approve the plan by Thu 3 Dec, 05:00 UTC.") == []
    # The end of her working day counts as inside it.
    assert findings("Aiko, please approve the plan by Thu 3 Dec, 19:00 JST.") == []


def test_with_no_mention_everyone_is_a_reader_and_no_overlap_means_no_fix():
    f = only("Please approve the plan by Thu 3 Dec, 17:00 UTC.", "deadline.outside-hours")
    assert "Aiko in Tokyo" in f.message and "Lena in Berlin" in f.message
    assert "Sam" not in f.message  # 09:00 in San Francisco
    assert f.suggestions == ()  # Tokyo's and San Francisco's days never overlap


def test_date_only_deadlines_have_no_hours():
    assert findings("Aiko, please approve the plan by Thu 3 Dec.") == []


# -- deadline.short-notice -----------------------------------------------------------------


def test_short_notice_says_how_many_working_hours_a_reader_has():
    f = only("Aiko, please approve the plan by Tue 1 Dec, 10:00 UTC.", "deadline.short-notice")
    assert f.message.startswith("Aiko has 1 working hour before it.")
    # Her 8th working hour ends Wed 17:00 JST.
    assert f.suggestions == ("Wed 2 Dec, 08:00 UTC",)


def test_the_short_notice_threshold_is_a_setting():
    text = "Aiko, please approve the plan by Wed 2 Dec, 04:00 UTC."  # 1 + 3 hours
    assert "Aiko has 4 working hours" in only(text, "deadline.short-notice").message
    assert findings(text, short_notice_hours=4) == []


# -- deadline.day-off ----------------------------------------------------------------------


def test_a_japanese_public_holiday_is_named():
    f = only("Aiko, please approve the plan by Mon 11 Jan 2027, 03:00 UTC.", "deadline.day-off")
    assert f.message.startswith("Mon 11 Jan is Coming of Age Day, a public holiday for Aiko")
    assert f.suggestions == ("Tue 12 Jan, 01:00 UTC",)


def test_a_weekend_in_the_readers_zone_is_a_day_off():
    # Fri 4 Dec 17:00 in San Francisco is Sat 5 Dec 10:00 in Tokyo.
    f = only("Aiko, please approve by Sat 5 Dec, 01:00 UTC.", "deadline.day-off")
    assert f.message.startswith("Sat 5 Dec is Aiko's weekend")
    assert not [x for x in findings("Aiko, please approve by Sat 5 Dec, 01:00 UTC.")
                if x.rule == "deadline.outside-hours"]  # fmt: skip


def test_a_regional_holiday_counts_only_for_that_region():
    text = "Lena, please review by Wed 6 Jan 2027."  # Epiphany: Bavaria, not all Germany
    assert "Epiphany" in only(text, "deadline.day-off").message
    berlin = person("Lena", "Europe/Berlin", holidays=("DE", "BE"))
    assert findings(text, people=(berlin,)) == []


# -- what every team-time rule shares -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.",
        "Aiko, please approve the plan by Mon 11 Jan 2027, 03:00 UTC.",
        "Aiko, please approve the plan by Tue 1 Dec, 10:00 UTC.",
    ],
)
def test_silent_without_people(text):
    assert findings(text, people=()) == []


@pytest.mark.parametrize("rule", sorted(TEAM_RULES))
def test_each_rule_can_be_turned_off_alone(rule):
    texts = [
        "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.",
        "Aiko, please approve the plan by Mon 11 Jan 2027, 03:00 UTC.",
        "Aiko, please approve the plan by Tue 1 Dec, 10:00 UTC.",
    ]
    on = {f.rule for t in texts for f in findings(t)}
    off = {f.rule for t in texts for f in findings(t, settings={rule: None})}
    assert on == TEAM_RULES
    assert off == TEAM_RULES - {rule}


def test_past_deadlines_are_deadline_past_s_alone():
    assert findings("Aiko, please approve by Mon 30 Nov, 17:00 UTC.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Aiko, please approve.", ["Aiko"]),
        ("Hi Lena and Aiko, can you review?", ["Aiko", "Lena"]),
        ("@sam can you review?", ["Sam"]),
        ("Status:\nLena: please review.", ["Lena"]),
        ("Please approve.", ["Aiko", "Lena", "Sam"]),
        ("We told Aiko about it. Please approve.", ["Aiko", "Lena", "Sam"]),
        ("Mail it to ops@aiko.example.com.", ["Aiko", "Lena", "Sam"]),
    ],
)
def test_readers_are_the_people_mentioned_else_everyone(text, names):
    assert [p.name for p in readers(text, TEAM)] == names


def test_one_readers_day_off_does_not_hide_anothers_night():
    # Mon 11 Jan 03:00 UTC: a holiday for Aiko, 04:00 for Lena in Berlin.
    text = "Hi Aiko and Lena, please approve by Mon 11 Jan 2027, 03:00 UTC."
    assert "for Aiko" in only(text, "deadline.day-off").message
    outside = only(text, "deadline.outside-hours").message
    assert "Lena in Berlin" in outside and "Aiko" not in outside
