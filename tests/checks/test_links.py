"""``links.unlinked-reference``: only things a reader would open need a link, not any noun."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from asyncwriter.checks import lint

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def unlinked(text: str) -> list[str]:
    report = lint(text, now=NOW, tz="UTC")
    return [text[f.start : f.end] for f in report.findings if f.rule == "links.unlinked-reference"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # A form or a survey the reader is asked to fill in is a thing to open.
        ("Please fill in the offsite survey by Fri 27 Nov.", "the offsite survey"),
        ("Can you all take the engagement survey before Friday?", "the engagement survey"),
        ("Reminder: fill out the travel form by Thu 26 Nov.", "the travel form"),
        ("Vote in the poll by Wed 25 Nov, please.", "the poll"),
        # A report is one when it is named as a document.
        ("The numbers are in the Q3 report doc; please check them by Fri 27 Nov.",
         "the Q3 report doc"),
        ("I left comments in the Figma file for the new onboarding screens.", "the Figma file"),
        ("The wiki page for the on-call rota is out of date, can you fix it?", "The wiki page"),
        ("ENG-4521 is blocked on the vendor; please chase them.", "ENG-4521"),
        ("See the postmortem for what we changed after the outage.", "the postmortem"),
        # A message titled with its own RFC number still cites other RFCs.
        ("# RFC 12: Retry budgets\n\nThis builds on RFC 7, please read that first.", "RFC 7"),
    ],
)  # fmt: skip
def test_a_thing_to_open_without_a_link_is_reported(text, mention):
    assert unlinked(text) == [mention]


@pytest.mark.parametrize(
    "text",
    [
        # A product's forms and pages are not documents.
        "The payment form rejects cards with spaces in the number; a fix ships today. FYI.",
        "The signup form now asks for a company name. FYI, no action needed.",
        "Users fill in the checkout form twice when the page reloads; we're on it. FYI.",
        "The settings page now remembers the last tab. FYI.",
        # Ordinary senses of survey, report, thread, sheet.
        "The survey showed that most people want fewer meetings. FYI.",
        "The report is late because the export job failed. FYI.",
        "The main thread blocks while the worker thread waits on the lock. FYI.",
        "Our balance sheet looks healthier this quarter. FYI.",
        "Please update the mocks in the client tests by Fri 27 Nov.",
        # "that" as a conjunction, and version names that look like ticket keys.
        "Publishing a draft does not mean that a document is final. FYI.",
        "RC-2 ships on Tue 1 Dec if nothing breaks. FYI.",
        # Linked by a form link anywhere in the message.
        "Please fill in the survey by Fri 27 Nov.\n\nThanks!\n\nhttps://forms.gle/AbCdEf123",
        # The message is the RFC its title names.
        "# RFC 12: Retry budgets\n\nThis RFC proposes one retry budget per service. "
        "Comments welcome by Fri 27 Nov 17:00 UTC.",
    ],
)
def test_ordinary_nouns_and_self_references_are_not_reported(text):
    assert unlinked(text) == []
