"""Any text lints without an error: the checks never crash on what people paste.

The judgement rules read titles, tables, quoted replies, dates and zones from text that can
be anything. Hypothesis builds messages from the pieces those rules look at (headings,
"Subject:" lines, table rows, quotes, list markers, times, zones, odd Unicode) and from
arbitrary text, and every one must lint to a report.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from asyncwriter.checks import lint

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

PIECES = st.sampled_from(
    [
        "# ",
        "## Context\n",
        "## Status\n\nAccepted\n",
        "Subject: Re: [PATCH v2] ",
        "| Item | Owner | Due |\n| --- | --- | --- |\n",
        "| a | b | 2026-12-04 |\n",
        "|",
        "> ",
        "On Tue, 3 Mar 2026, Ana wrote:\n",
        "- [ ] 1. ",
        "1) ",
        "\n",
        "\n\n",
        ", ",
        ". ",
        "?",
        ":",
        "Hi all,",
        "let's ",
        "please ",
        "Thanks. ",
        "I'll merge this at ",
        "by ",
        "until ",
        "within ",
        "the 14th",
        "end of Q2",
        "end of Friday",
        "11:59 pm",
        "24:00",
        "00H00",
        "12 UTC",
        "(+05:30)",
        "IST",
        "CET/UTC+2",
        "Anywhere on Earth",
        "2002-9-22",
        "3-March",
        "Jul\n   22",
        "![x](x.png)",
        "https://example.org/a",
        "tracker.example.org",
        "\u200b",
        "\ufeff",
        "é",
        "🚀",
        "ADR-012: Use ",
        "TL;DR: ",
    ]
)
MESSAGES = st.one_of(
    st.lists(PIECES | st.text(max_size=12), max_size=40).map("".join),
    st.text(max_size=400),
)


@settings(max_examples=300, deadline=None)
@given(MESSAGES)
def test_any_message_lints(text: str) -> None:
    report = lint(text, now=NOW, tz="UTC")
    assert all(0 <= f.start <= f.end <= len(text) for f in report.findings)
