"""Text an editor seldom makes but a file or an API caller can: lone CRs and surrogates.

A lone "\\r" ends a line for the Markdown parser, and the line index used to disagree:
findings came out twice, with offsets past the end of the text (issue 17). A surrogate
in a ``str`` stopped spaCy and e-mail export with an encoding error.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from asyncwriter.checks import lint
from asyncwriter.export import render

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CORPUS = Path(__file__).parent / "corpus"

PIECES = st.sampled_from(
    [
        "\r", "\r\r", "\r\n", "\n", "# Status", "See the doc.", "Can you review the PR by Friday?",
        "- the ticket", "- OPS-12", "> quoted the runbook", "Thanks", "| a | b |", "|---|---|",
        "https://a.co/x", "[doc](https://a.co/d)", "  ", "1. ", "```", "{{fill me}}",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _spans(text: str) -> list[tuple[str, int, int]]:
    report = lint(text, now=NOW, tz="UTC")
    return [(f.rule, f.start, f.end) for f in report.findings]


def _assert_sound(text: str) -> None:
    spans = _spans(text)
    assert all(0 <= start <= end <= len(text) for _rule, start, end in spans), spans
    assert len(spans) == len(set(spans)), spans
    # A lone CR is a line break: the same findings as with "\n", on the same lines.
    as_newlines = text.replace("\r\n", "\0").replace("\r", "\n").replace("\0", "\r\n")
    assert spans == _spans(as_newlines)
    lone = lint(text, now=NOW, tz="UTC").to_json("x")["findings"]
    newline = lint(as_newlines, now=NOW, tz="UTC").to_json("x")["findings"]
    assert lone == newline


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_lone_cr_findings_lie_in_the_text_once(text: str) -> None:
    _assert_sound(text)


def test_lone_cr_messages_from_the_corpus() -> None:
    """Two corpus messages gave duplicated findings with "\\r" line ends."""
    for name in ("003_status_etl_buried_lede.md", "016_decision_oncall_follow_the_sun.md"):
        _assert_sound((CORPUS / name).read_text(encoding="utf-8").replace("\n", "\r"))


def test_lone_surrogates_lint_as_replacement_characters() -> None:
    text = "Please review the doc \ud800 by Friday 17:00 UTC. \udc80 Thanks"
    report = lint(text, now=NOW, tz="UTC")
    replaced = lint(text.replace("\ud800", "\ufffd").replace("\udc80", "\ufffd"), now=NOW, tz="UTC")
    assert [(f.rule, f.start, f.end) for f in report.findings] == [
        (f.rule, f.start, f.end) for f in replaced.findings
    ]
    assert report.findings
    assert all(f.end <= len(text) for f in report.findings)


def test_lone_surrogates_render_as_email() -> None:
    rendered = render(
        "# Plan \udc80\n\nPlease review \ud800 the doc.", "email", subject="Hi \udfff"
    )
    assert "\ufffd" in rendered.plain
    assert "\ufffd" in rendered.html
    assert rendered.subject is not None
    assert "\ufffd" in rendered.subject
    (rendered.plain + rendered.html + rendered.subject).encode("utf-8")
