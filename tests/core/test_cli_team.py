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
