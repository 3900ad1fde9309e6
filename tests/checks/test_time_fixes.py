"""The time rules' fixes write what a person would, in one step, and lint clean afterwards."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from asyncwriter.checks import lint

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday
TIME_RULES = ("deadline.", "timezone.", "time.")
#: "Asia/Kolkata", "America/Argentina/Buenos_Aires": an IANA id written into prose.
IANA = re.compile(r"\b[A-Z][a-z]+/[A-Z][A-Za-z_]+")


def findings(text, tz="UTC", now=NOW):
    return [f for f in lint(text, now=now, tz=tz).findings if f.rule.startswith(TIME_RULES)]


def by_rule(text, tz="UTC", now=NOW):
    return {f.rule: f for f in findings(text, tz, now)}


def applied(text, finding, suggestion=0):
    return text[: finding.start] + finding.suggestions[suggestion] + text[finding.end :]


MESSAGES = [
    "Please approve the budget by EOD tomorrow.",
    "Please approve by EOD.",
    "Please send the doc by Friday 5pm.",
    "Please send the doc by 5pm Fri.",
    "Please approve the budget by 17:00 on Thursday 26 Nov.",
    "Please approve by Thu 26 Nov 00:30.",
    "Please vote, the poll is open for 72 hours.",
    "Please review by Thursday 26 Nov 17:00 IST.",
    "Please review by 17:00 (CST) on Thu 26 Nov.",
    "Heads-up: the second load test runs at 3pm on Wednesday. FYI, no action needed.",
    "Maintenance window: Sat 28 Nov 02:00–04:00, the API is read-only. FYI.",
    "Please approve it.",
]
ZONES = ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/Sao_Paulo", "Asia/Dubai"]


@pytest.mark.parametrize("tz", ZONES)
@pytest.mark.parametrize("text", MESSAGES)
def test_no_fix_or_message_writes_an_iana_id(text, tz):
    for f in findings(text, tz):
        assert not IANA.search(f.message), f.message
        for suggestion in f.suggestions:
            assert not IANA.search(suggestion), suggestion


@pytest.mark.parametrize("tz", ZONES)
@pytest.mark.parametrize("text", MESSAGES)
def test_every_time_fix_leaves_no_time_finding_on_what_it_wrote(text, tz):
    for f in findings(text, tz):
        for i, suggestion in enumerate(f.suggestions):
            fixed = applied(text, f, i)
            start, end = f.start, f.start + len(suggestion)
            left = [
                (g.rule, fixed[g.start : g.end])
                for g in findings(fixed, tz)
                if g.start < end and start < g.end and g.rule != "deadline.past"
            ]
            assert left == [], (f.rule, fixed)


def test_eod_tomorrow_is_fixed_in_one_step_to_a_date_time_and_zone():
    text = "Please approve the budget by EOD tomorrow."
    found = by_rule(text, "Europe/Berlin")
    zone, relative = found["deadline.no-timezone"], found["deadline.relative"]
    # Both findings offer the same whole fix of the same span, so either button settles both.
    for f in (zone, relative):
        assert text[f.start : f.end] == "EOD tomorrow"
        assert f.suggestions == ("Tue 24 Nov, 17:00 CET (16:00 UTC)",)
    fixed = applied(text, zone)
    assert fixed == "Please approve the budget by Tue 24 Nov, 17:00 CET (16:00 UTC)."
    assert findings(fixed, "Europe/Berlin") == []


@pytest.mark.parametrize(
    ("text", "tz", "fix"),
    [
        ("Please send the doc by Friday 5pm.", "UTC", "Fri 27 Nov, 17:00 UTC"),
        ("Please approve the budget by 5pm.", "Asia/Kolkata", "Mon 23 Nov, 17:00 IST (UTC+5:30)"),
        # A dated time keeps the writer's words and gets the zone after its clock time.
        ("Please approve by 17:00 on Thursday 26 Nov.", "Asia/Kolkata",
         "17:00 IST (UTC+5:30) on Thursday 26 Nov"),
        ("Please approve by Thu 26 Nov 00:30.", "Europe/Berlin",
         "Thu 26 Nov 00:30 CET (Wed 25 Nov, 23:30 UTC)"),
        ("Please approve by Thu 26 Nov 17:00.", "Asia/Dubai", "Thu 26 Nov 17:00 UTC+4 (13:00 UTC)"),
        # An end of day is written as the time it is.
        ("Please approve by EOD Fri 27 Nov.", "Europe/Berlin", "Fri 27 Nov, 17:00 CET (16:00 UTC)"),
    ],
)  # fmt: skip
def test_deadline_no_timezone_fix(text, tz, fix):
    f = by_rule(text, tz)["deadline.no-timezone"]
    assert f.suggestions == (fix,)
    assert fix in f.message


def test_a_trailing_abbreviation_stop_stays_with_the_sentence():
    text = "Please send the doc by 5pm Fri."
    f = by_rule(text, "Europe/Berlin")["deadline.no-timezone"]
    assert text[f.start : f.end] == "5pm Fri"
    assert applied(text, f) == "Please send the doc by Fri 27 Nov, 17:00 CET (16:00 UTC)."


def test_missing_and_vague_deadlines_suggest_a_zone_a_person_writes():
    missing = by_rule("Please approve it.", "Europe/Berlin")["deadline.missing"]
    assert "“by Tue 24 Nov, 17:00 CET (16:00 UTC)”" in missing.message
    vague = by_rule("Please approve by EOD.", "Asia/Kolkata")
    assert vague["deadline.vague"].suggestions == ("Tue 24 Nov, 17:00 IST (UTC+5:30)",)
    assert vague["deadline.no-timezone"].suggestions == vague["deadline.vague"].suggestions


def test_ist_meanings_describe_ireland_and_israel_by_season():
    f = by_rule("Please review by Thursday 26 Nov 17:00 IST.")["timezone.ambiguous"]
    assert "India Standard Time (UTC+5:30)" in f.message
    assert "Irish Standard Time (UTC+1, Ireland in summer, so not on Thu 26 Nov)" in f.message
    assert "Israel Standard Time (UTC+2, Israel in winter)" in f.message
    # In November Ireland is on GMT: that is what an Irish writer means.
    assert f.suggestions == ("IST (UTC+5:30)", "GMT", "IST (UTC+2)")
    summer = by_rule("Please review by Thursday 16 Jul 2026 17:00 IST.")["timezone.ambiguous"]
    assert "Irish Standard Time (UTC+1, Ireland in summer)" in summer.message
    assert summer.suggestions == ("IST (UTC+5:30)", "IST (UTC+1)", "IDT")


def test_an_ambiguous_zone_in_parentheses_is_replaced_with_them():
    text = "Please approve by 17:00 (CST) on Thu 26 Nov."
    f = by_rule(text)["timezone.ambiguous"]
    assert text[f.start : f.end] == "(CST)"
    assert applied(text, f) == "Please approve by 17:00 CST (UTC\u22126) on Thu 26 Nov."


def test_a_declared_ambiguous_zone_is_fixed_by_its_suggestion():
    text = "All times IST. Please approve by Thu 26 Nov 17:00."
    f = by_rule(text)["timezone.ambiguous"]
    fixed = applied(text, f)
    assert fixed.startswith("All times IST (UTC+5:30).")
    assert findings(fixed) == []
