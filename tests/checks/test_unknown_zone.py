"""A time with a zone no one can look up is a time without a zone, and says which was meant."""

from __future__ import annotations

from datetime import UTC, datetime

from asyncwriter.checks import lint

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def check(text: str):
    return lint(text, now=NOW, tz="Europe/Berlin", fetch_grammar=False, fetch_spelling=False)


def test_a_misspelt_zone_on_a_deadline_is_reported_with_the_zone_meant():
    report = check("@lee please send it by Thu 3 Dec 17:00 Europe/Londn.")
    (found,) = [f for f in report.findings if f.rule == "deadline.no-timezone"]
    assert "“Europe/Londn” is not a time zone" in found.message
    assert "Did you mean Europe/London (“GMT”)?" in found.message
    assert found.suggestions == ("GMT",)
    assert report.text[found.start : found.end] == "Europe/Londn"
    # Not read in the writer's zone (Berlin): there is no one moment.
    (deadline,) = report.facts.deadlines
    assert deadline.datetime is None


def test_a_misspelt_zone_on_an_event_time_is_reported_too():
    report = check("FYI, no action needed: we meet on Thu 3 Dec at 15:00 Asia/Tokio.")
    (found,) = [f for f in report.findings if f.rule == "time.no-timezone"]
    assert "“Asia/Tokio” is not a time zone" in found.message
    assert found.suggestions == ("JST",)


def test_the_zone_meant_is_named_as_it_is_on_the_deadlines_day():
    july = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)  # London is on BST today
    report = lint("@lee please send it by Tue 1 Dec 2026, 17:00 Europe/Londn.", now=july,
                  tz="UTC", fetch_grammar=False, fetch_spelling=False)  # fmt: skip
    (found,) = [f for f in report.findings if f.rule == "deadline.no-timezone"]
    assert found.suggestions == ("GMT",)  # December's name, not July's


def test_a_real_zone_is_not_reported():
    report = check("@lee please send it by Thu 3 Dec, 17:00 Europe/London.")
    assert not [f for f in report.findings if "timezone" in f.rule]
