"""The shared analysis: Markdown structure, the prose view, links and sentences."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from asyncwriter.checks import lint
from asyncwriter.checks.analysis import Analysis

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

LINK_FORMS = [
    ("See [the plan](https://docs.example.com/plan).", "https://docs.example.com/plan", "the plan"),
    (
        "See https://example.com/a/b?x=1.",
        "https://example.com/a/b?x=1",
        "https://example.com/a/b?x=1",
    ),
    ("See <https://example.com/x>.", "https://example.com/x", "https://example.com/x"),
    ("See <https://example.com/x|the doc> now", "https://example.com/x", "the doc"),
    ('See <a href="https://example.com/h">here</a>.', "https://example.com/h", "here"),
    ("See [the doc][1].\n\n[1]: https://example.com/ref", "https://example.com/ref", "the doc"),
    ("Dashboard: www.example.com/d/42", "http://www.example.com/d/42", "www.example.com/d/42"),
]


@pytest.mark.parametrize(("text", "url", "label"), LINK_FORMS, ids=[f[1] for f in LINK_FORMS])
def test_every_link_form_is_found_with_its_span(text, url, label):
    a = Analysis(text)
    assert [link.url for link in a.links] == [url]
    link = a.links[0]
    assert text[link.text_start : link.text_end] == label


def test_file_names_are_not_links():
    a = Analysis("Edit config.py and README.md, not ASP.NET.")
    assert a.links == []


def test_prose_view_keeps_length_and_blanks_code_and_urls():
    text = "# Title\n\nRun `deploy --at 17:00` now. See https://x.io/a?\n\n```\nCan you? 5pm\n```\n"
    a = Analysis(text)
    assert len(a.prose) == len(text)
    assert "17:00" not in a.prose
    assert "Can you" not in a.prose
    assert "x.io" not in a.prose
    assert "Title" in a.prose and "#" not in a.prose


def test_sentences_do_not_cross_blocks_or_chat_lines():
    text = (
        "Hi team\nWe shipped it.\n\n- first item\n- second item\n\n| a | b |\n|---|---|\n| c | d |"
    )
    a = Analysis(text)
    sentences = [a.sentence_text(s).strip() for s in a.sentences]
    assert "Hi team" in sentences
    assert "We shipped it." in sentences
    assert "first item" in sentences and "second item" in sentences
    assert any(s.startswith("c") for s in sentences)


def test_hard_wrapped_paragraph_stays_one_sentence():
    text = (
        "We moved the nightly export to the new cluster last week and the runtime dropped\n"
        "from four hours to ninety minutes, which gives finance their numbers before nine."
    )
    a = Analysis(text)
    assert len(a.sentences) == 1


def test_a_short_line_that_cannot_end_there_goes_on_to_the_next():
    # A deadline the picker wrote on the line after "by", or a chat line broken mid-thought.
    text = "Lena and Sam: please approve the plan by\nSun 28 Mar, 17:00 CEST (15:00 UTC)"
    a = Analysis(text)
    assert [a.sentence_text(s) for s in a.sentences] == [text]
    report = lint(text, now=NOW, tz="UTC", fetch_grammar=False, fetch_spelling=False)
    assert [d.text for d in report.facts.deadlines] == ["Sun 28 Mar, 17:00 CEST (15:00 UTC)"]
    # A short line that can end there is still a sentence of its own.
    chat = Analysis("Quick update\nThe deploy is done\nThanks for the reviews")
    assert len(chat.sentences) == 3
    # Words a sentence can end with still end a chat line: two asks stay two.
    two = "Hi team\nCan you review PR 42 by Fri 4 Dec, 17:00 UTC please\nAlso Bob can you check it?"
    assert (
        len(lint(two, now=NOW, tz="UTC", fetch_grammar=False, fetch_spelling=False).facts.asks) == 2
    )
    assert len(Analysis("Did the deploy go out? No\nWe ship Friday.").sentences) == 3


def test_quotes_are_by_line_like_slack():
    text = "> Can we ship on Friday?\nNot yet, @ana please sign off first."
    a = Analysis(text)
    assert a.is_quoted(text.index("Can we"))
    assert not a.is_quoted(text.index("Not yet"))


def test_offsets_are_code_points_with_emoji_and_crlf():
    text = "🚀👩\u200d💻 Hi\r\n\r\nSee the doc 🇩🇪 now.\r\n"
    a = Analysis(text)
    assert len(a.prose) == len(text)
    start = text.index("See")
    assert any(s.start == start for s in a.sentences)


def test_byte_order_mark_does_not_hide_a_heading():
    a = Analysis("\ufeff# Status: on track\n\nAll good.")
    assert a.blocks[0].kind == "heading"


def test_empty_and_whitespace_only_input():
    for text in ("", "   \n\n  ", "```\ncode only\n```"):
        a = Analysis(text)
        assert a.sentences == []
