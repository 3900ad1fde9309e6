"""Rule ``time.no-timezone``: event times (not deadlines) with a clock time need a zone."""

from __future__ import annotations

import pytest

from asyncwriter.checks.registry import rule
from asyncwriter.checks.rule import REPLACE
from asyncwriter.rule_settings import Severity
from tests.checks.test_time_fixes import applied, by_rule, findings


def test_time_no_timezone_is_a_replace_warning_below_the_deadline_rule():
    assert rule("time.no-timezone").severity is Severity.WARNING
    assert rule("deadline.no-timezone").severity is Severity.ERROR
    assert rule("time.no-timezone").fix == rule("deadline.no-timezone").fix == REPLACE


def test_the_issue_sentence_gets_an_event_time_finding():
    text = "Next we run a second load test at 3pm on Wednesday."
    f = by_rule(text, "Europe/Berlin")["time.no-timezone"]
    assert text[f.start : f.end] == "3pm on Wednesday"
    assert f.suggestions == ("3pm CET (14:00 UTC) on Wednesday",)
    assert findings(applied(text, f), "Europe/Berlin") == []


@pytest.mark.parametrize(
    "text",
    [
        "Please send the figures by Thursday 26 Nov 17:00.",
        "Please send the figures by 17:00 tomorrow; the sync is at 10:00 Thursday.",
        "@Ana can you approve the budget by EOD Friday?",
        "Please run a second load test at 3pm on Wednesday.",
    ],
)
def test_never_both_time_rules_on_one_span(text):
    spans: dict[tuple[int, int], set[str]] = {}
    for f in findings(text):
        if f.rule.endswith("no-timezone"):
            spans.setdefault((f.start, f.end), set()).add(f.rule)
    assert spans and all(len(rules) == 1 for rules in spans.values())


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Reminder: the sync moved to 16:00 tomorrow. FYI.", True),
        ("The call starts at 18:00, on Meet as usual. FYI.", True),
        ("Agenda:\n- 10:00 intro\n- 10:30 demo\n- 11:00 questions\n\nFYI.", True),
        ("The API is read-only on Sat 28 Nov 02:00-04:00. FYI.", True),
        # Over, or not a clock time, or in a room only, or zoned nearby.
        ("The job failed at 03:10 and was retried. FYI.", False),
        ("Since 07:00 the error rate is flat. FYI.", False),
        ("The 2026-11-20 14:00 run is the one that broke. FYI.", False),
        ("Breakfast is at 8:30 in the kitchen. FYI.", False),
        ("The standup runs for 15 minutes. FYI.", False),
        ("Launch is Tue 1 Dec at 16:00 UTC; the press call follows at 17:00. FYI.", False),
        ("The hackathon kicks off at 00:00 on Fri 4 Dec. FYI.", True),
        ("The hackathon kicks off at 00:00 on Fri 4 Dec, anywhere on Earth. FYI.", False),
    ],
)
def test_which_event_times_need_a_zone(text, fires):
    assert ("time.no-timezone" in by_rule(text)) is fires
