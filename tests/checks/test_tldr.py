"""The TL;DR line of the summary fix: a short bottom line, below the lines that name the draft."""

from __future__ import annotations

import pytest

from asyncwriter.checks import lint
from asyncwriter.checks.model import Ask
from asyncwriter.checks.tldr import insertion_point, tldr_fix, tldr_text
from asyncwriter.draft_text import derive_title

BACKGROUND = (
    "We have been looking at the database for a while and there were several discussions "
    "about how the indexes are laid out. The team met twice and the notes are in the wiki "
    "somewhere. Some people think the current layout is fine but others disagree with that "
    "view quite strongly. There were also a number of concerns raised about how long the "
    "migration would take overall.\n\n"
)
ASK = "@sam, could you please approve the migration plan by Fri 27 Nov 17:00 UTC, so that we can start on Monday?\n"


@pytest.mark.parametrize(
    ("ask", "kind", "line"),
    [
        (
            ASK.strip(),
            "action",
            "TL;DR: I need @sam to approve the migration plan by Fri 27 Nov 17:00 UTC.",
        ),
        (
            "Please review the rollout plan (it's in the doc) by Friday 12:00 UTC: https://x.example/plan",
            "action",
            "TL;DR: I need you to review the rollout plan by Friday 12:00 UTC.",
        ),
        (
            "@ana @bo could one of you review & merge?",
            "action",
            "TL;DR: I need @ana or @bo to review & merge.",
        ),
        (
            "**Ask:** @dana, please confirm the slip by Wed 25 Nov.",
            "action",
            "TL;DR: I need @dana to confirm the slip by Wed 25 Nov.",
        ),
        (
            "Can we ship on Friday?",
            "question",
            "TL;DR: I need an answer from you on whether we can ship on Friday.",
        ),
        (
            "@kim do we go with option B?",
            "question",
            "TL;DR: I need an answer from @kim on whether we go with option B.",
        ),
    ],
)
def test_the_line_gives_the_bottom_line_not_the_ask_again(ask, kind, line):
    assert tldr_text(Ask(ask, 0, len(ask), False, kind)) == line


def test_the_line_is_never_the_ask_word_for_word():
    text = "Hello everyone,\n\n" + BACKGROUND + ASK
    finding = next(f for f in lint(text).findings if f.rule == "summary.missing")
    fixed = text[: finding.start] + finding.suggestions[0] + text[finding.end :]
    tldr = next(line for line in fixed.splitlines() if line.startswith("TL;DR:"))
    assert ASK.strip() not in tldr
    assert len(tldr) < len("TL;DR: " + ASK.strip())


@pytest.mark.parametrize(
    "head",
    [
        "Subject: Database migration\n\n",
        "<!-- asyncwriter template: status-update -->\nSubject: Database migration\n\n",
        "# Database migration\n\n",
        "Database migration\n",  # a plain first line, with the text right under it
    ],
)
def test_the_fix_keeps_the_title_line_first(head):
    text = head + BACKGROUND + ASK
    finding = next(f for f in lint(text).findings if f.rule == "summary.missing")
    fixed = text[: finding.start] + finding.suggestions[0] + text[finding.end :]
    assert fixed.startswith(head.rstrip("\n"))
    assert derive_title(fixed) == derive_title(text) == "Database migration"
    assert fixed.index("TL;DR:") < fixed.index("We have been")
    assert "\n\nTL;DR: I need @sam to approve" in fixed
    assert "summary.missing" not in {f.rule for f in lint(fixed).findings}


def test_the_insertion_point_is_the_opening_when_no_title_comes_first():
    text = "Hi all,\n\nWe moved the jobs. It was slow.\n"
    start = text.index("We moved")
    assert insertion_point(text, start, len(text)) == start
    fix = tldr_fix(text, start, len(text) - 1, Ask("Please approve it.", 0, 1))
    assert fix == "TL;DR: I need you to approve it.\n\nWe moved the jobs. It was slow."
