"""Lint and export of one draft share one Markdown parse, and read it as they did alone.

Export reads the body and the title out of the whole draft's parse (the one the checks
made, with raw HTML recognised). These tests pin down that it parses once, and that what
it renders is what parsing the body and the title on their own, HTML off, would give.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

from asyncwriter import markdown
from asyncwriter.draft_text import LEADING_MARKER, LEADING_SUBJECT
from asyncwriter.export import FORMATS, render
from asyncwriter.export import message as export_message
from asyncwriter.export.html import HtmlRenderer, HtmlStyle
from asyncwriter.export.message import Message, parse
from asyncwriter.export.text import CommonMark, Mrkdwn, PlainText

DRAFT = (
    "<!-- asyncwriter template: status-update -->\n"
    "Subject: Weekly *status* for R&D\n\n"
    "We **shipped** it. Can you review [the doc](https://docs.example/a) by Friday?\n"
)


@pytest.fixture
def parses(monkeypatch):
    """Count the texts markdown-it parses, from an empty cache."""
    markdown.clear_cache()
    export_message.parse.cache_clear()
    seen: list[str] = []
    real = markdown.MarkdownIt.parse

    def counting(self, src, env=None):
        seen.append(src)
        return real(self, src, env)

    monkeypatch.setattr(markdown.MarkdownIt, "parse", counting)
    return seen


def test_email_export_parses_the_draft_once(parses) -> None:
    rendered = render(DRAFT, "email")
    assert rendered.subject == "[ACTION] Weekly status for R&D"
    assert parses == [DRAFT]


def test_lint_then_every_export_parses_once(parses) -> None:
    from asyncwriter.checks import lint

    report = lint(DRAFT)
    for fmt in FORMATS:
        render(DRAFT, fmt, report=report)
    assert parses == [DRAFT]


def test_typed_html_is_parsed_again_as_text(parses) -> None:
    text = "Subject: Hi\n\n<script>alert(1)</script> and <b>bold</b>"
    html = render(text, "email").html or ""
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert parses == [text, "\n<script>alert(1)</script> and <b>bold</b>"]


def _alone(text: str) -> Message:
    """The draft as export read it before the parse was shared: body and title apart."""
    shared = parse(text)
    body = text
    for prefix in (LEADING_MARKER, LEADING_SUBJECT):
        if prefix is LEADING_MARKER and not shared.template_id:
            continue
        m = prefix.match(body)
        if m:
            body = body[m.end() :]
    root = SyntaxTreeNode(list(markdown.parse(body, html=False).tokens))
    return Message(shared.title, root, shared.template_id, shared.rtl)


def _outputs(message: Message) -> list[str]:
    title = message.title
    return [
        CommonMark().render(message, title),
        PlainText(72).render(message, title),
        Mrkdwn().render(message, title),
        HtmlRenderer(HtmlStyle()).render(message, title),
    ]


HEADS = ["", "<!-- asyncwriter template: status-update -->\n", "  \n"]
SUBJECTS = ["", "Subject: Weekly status\n", "subject :  a  *b*   `c  d`\n", "Subject: # x\n",
            "Subject: see example.com\n", "Subject: [doc]\n", "Subject: <b>x</b>\n",
            "Subject: 1. one\n", "Subject: R&amp;D \\*\n", "Subject: x\r\n"]  # fmt: skip
BODIES = ["", "\n", "\nbody", "body runs on", "- item", "===", "---", "    code", "> quote",
          "\n[doc]: https://a.example\n", "\n<div>\n**x**\n</div>", "| a |\n|---|\n| b |",
          "\n2. two", "\nok <!-- c --> *d*", "\n```\nfence\n```"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(HEADS), st.sampled_from(SUBJECTS), st.sampled_from(BODIES))
@example("<!-- asyncwriter template: status-update -->\n", "Subject: Weekly status\n", "\nbody")
def test_shared_parse_reads_as_parsing_alone(head: str, subject: str, body: str) -> None:
    text = head + subject + body
    assert _outputs(parse(text)) == _outputs(_alone(text))
