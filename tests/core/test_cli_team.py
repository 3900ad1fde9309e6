"""``asyncwriter lint`` with the team's people from settings.toml (the issue's done-when)."""

from __future__ import annotations

import pytest

from asyncwriter import paths
from tests.core.test_cli import run

NOW = ["--now", "2026-12-01T09:00:00+00:00", "--tz", "UTC"]

TEAM = """\
[[team.people]]
name = "Aiko"
handle = "aiko"
zone = "Asia/Tokyo"
hours = "10:00-19:00"
holidays = "JP"

[[team.people]]
name = "Lena"
zone = "Europe/Berlin"
holidays = "DE-BY"

[[team.people]]
name = "Sam"
zone = "San Francisco"
holidays = "US-CA"
"""


@pytest.fixture
def team_settings():
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEAM, encoding="utf-8")
    return path


def lint(tmp_path, text: str) -> str:
    message = tmp_path / "message.md"
    message.write_text(text, encoding="utf-8")
    result = run("lint", *NOW, str(message))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    return result.stdout.decode()


def test_a_deadline_in_tokyos_night_is_outside_aikos_hours(tmp_path, team_settings):
    out = lint(tmp_path, "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.")
    (line,) = [x for x in out.splitlines() if "deadline.outside-hours" in x]
    assert ":1:34: warning deadline.outside-hours 17:00 UTC is 02:00 Fri for Aiko in Tokyo" in line


def test_the_teams_names_are_not_misspellings(tmp_path, team_settings):
    out = lint(tmp_path, "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.")
    assert "spelling.misspelling" not in out  # a name in settings is a known word


def test_without_people_a_name_opening_a_sentence_may_be_flagged(tmp_path):
    out = lint(tmp_path, "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.")
    assert "spelling.misspelling “Aiko”" in out  # what settings' people prevent


def test_a_japanese_public_holiday_is_a_day_off(tmp_path, team_settings):
    out = lint(tmp_path, "Aiko, please approve the plan by Mon 11 Jan 2027, 03:00 UTC.")
    assert "warning deadline.day-off Mon 11 Jan is Coming of Age Day" in out


def test_without_people_the_team_checks_are_silent(tmp_path):
    out = lint(tmp_path, "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.")
    assert "deadline." not in out


def test_a_broken_person_is_reported_and_the_rest_still_count(tmp_path, team_settings):
    team_settings.write_text(TEAM + '\n[[team.people]]\nname = "Kim"\nzone = "Mars/Base"\n')
    message = tmp_path / "message.md"
    message.write_text("Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.", encoding="utf-8")
    result = run("lint", *NOW, str(message))
    assert f"{team_settings}:18: [[team.people]] 'Kim':" in result.stderr.decode()
    assert b"deadline.outside-hours" in result.stdout


# -- asyncwriter when ------------------------------------------------------------------------


def test_when_prints_the_moment_for_each_person(team_settings):
    result = run("when", "Thu 3 Dec 17:00 UTC", *NOW)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "Thu 3 Dec, 17:00 UTC"
    assert lines[1].split() == ["person", "where", "local", "time", "hours", "status"]
    assert lines[2].split() == ["Aiko", "Tokyo", "Fri", "4", "Dec,", "02:00", "JST",
                                "10:00-19:00", "outside", "hours"]  # fmt: skip
    assert lines[3].split()[-2:] == ["outside", "hours"]  # 18:00 in Berlin
    assert lines[4].split()[-2:] == ["working", "hours"]  # 09:00 in San Francisco


def test_when_names_weekends_and_holidays(team_settings):
    out = run("when", "Mon 11 Jan 2027 03:00 UTC", *NOW).stdout.decode()
    assert "holiday: Coming of Age Day" in out.splitlines()[2]
    assert out.splitlines()[4].endswith("weekend")  # Sunday evening in San Francisco


def test_when_needs_people_and_a_moment(team_settings):
    assert run("when", "soon", *NOW).returncode == 2
    team_settings.unlink()
    result = run("when", "Thu 3 Dec 17:00 UTC", *NOW)
    assert result.returncode == 2 and b"no people" in result.stderr


# -- asyncwriter export --format ics ----------------------------------------------------------


def test_the_calendar_has_one_event_at_the_deadline_in_utc(tmp_path):
    from datetime import UTC, datetime

    from icalendar import Calendar

    message = tmp_path / "message.md"
    message.write_text("Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC.\n", encoding="utf-8")
    result = run("export", "--format", "ics", *NOW, str(message))
    assert result.returncode == 0, result.stderr
    cal = Calendar.from_ical(result.stdout)
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    assert event.decoded("dtstart").utcoffset().total_seconds() == 0
    assert str(event["summary"]) == "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC"
    assert str(event["description"]) == "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC."
    assert event["uid"] and event.decoded("dtstamp") == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert str(cal["version"]) == "2.0" and "AsyncWriter" in str(cal["prodid"])


def test_each_resolved_deadline_is_an_event_titled_by_the_subject(tmp_path):
    from icalendar import Calendar

    message = tmp_path / "message.md"
    message.write_text(
        "Subject: Rollout plan for v2\n\nWe ship v2 next week.\n\n"
        "- Lena: review the runbook by Wed 2 Dec, 12:00 CET\n"
        "- Sam, please sign off by Fri 4 Dec, 17:00 UTC. Thanks!\n"
        "- Kim, reply soon.\n",
        encoding="utf-8",
    )
    result = run("export", "--format", "ics", *NOW, str(message))
    events = Calendar.from_ical(result.stdout).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Rollout plan for v2"] * 2
    assert [e.decoded("dtstart").isoformat() for e in events] == [
        "2026-12-02T11:00:00+00:00", "2026-12-04T17:00:00+00:00"
    ]  # fmt: skip
    assert [str(e["description"]) for e in events] == [
        "Lena: review the runbook by Wed 2 Dec, 12:00 CET",
        "Sam, please sign off by Fri 4 Dec, 17:00 UTC.",
    ]


def test_a_deadline_without_a_time_is_an_all_day_event_on_its_day(tmp_path):
    from datetime import date

    from icalendar import Calendar

    message = tmp_path / "message.md"
    message.write_text(
        "Please send the figures by Thu 3 Dec.\nSign-off by Fri 4 Dec, 09:00 UTC.\n",
        encoding="utf-8",
    )
    # In Tokyo the end of Thu 3 Dec is still Thu 3 Dec, 14:59 UTC: the day as written counts.
    result = run("export", "--format", "ics", "--now", "2026-12-01T09:00:00+00:00",
                 "--tz", "Asia/Tokyo", str(message))  # fmt: skip
    assert result.returncode == 0, result.stderr
    whole_day, moment = Calendar.from_ical(result.stdout).walk("VEVENT")
    assert whole_day.decoded("dtstart") == date(2026, 12, 3)
    assert whole_day.decoded("dtend") == date(2026, 12, 4)
    assert b"DTSTART;VALUE=DATE:20261203" in result.stdout
    assert moment.decoded("dtstart").isoformat() == "2026-12-04T09:00:00+00:00"
    assert "dtend" not in moment


def test_a_message_without_a_resolved_deadline_gives_an_empty_calendar(tmp_path):
    from icalendar import Calendar

    message = tmp_path / "message.md"
    message.write_text("Please review soon.\n", encoding="utf-8")
    result = run("export", "--format", "ics", *NOW, str(message))
    assert result.returncode == 0 and b"no deadline" in result.stderr
    assert Calendar.from_ical(result.stdout).walk("VEVENT") == []
    assert run("export", "--format", "ics", "--html", str(message)).returncode == 2
