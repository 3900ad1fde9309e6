"""Whether the top of a message gives its point: the summary verdict, read once per lint.

The point is what the message is about plus its bottom line: the status, the decision
sought, the impact, the ask. It must be readable from a title that states it, from a
``TL;DR:``/``Summary:`` line near the top, or from the first one or two sentences after a
greeting. A message of a few short lines is its own summary.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.checks.analysis import HEADING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.checks.analysis import Analysis, Sentence
    from asyncwriter.checks.model import Ask, Deadline

#: Messages up to this many words are their own summary.
SHORT_WORDS = 50
#: ... and so are messages of at most this many prose lines and ``SHORT_LINES_WORDS`` words.
SHORT_LINES, SHORT_LINES_WORDS = 3, 70

#: The words of these patterns live in ``vocabulary/summary.toml``, apart from the regexes.
_alternatives = functools.partial(vocabulary.alternatives, "summary")


_LABEL = re.compile(
    r"^\W{0,4}(?:(?:tl;?\s?dr|tldr|bluf)(?=\W)|[\w .\-/]{1,40}\sstatus(?=\s?:)|"
    + _alternatives("summary_labels")
    + r")\b\W{0,4}(?:[:\-\u2013\u2014]|$)",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^(?:" + _alternatives("greetings") + r")\b|^(?:@[\w.\-]+[\s,]*)+$",
    re.IGNORECASE,
)
#: Greetings are a few words; pleasantries ("Hope you had a good weekend!") a few more.
GREETING_WORDS, PLEASANTRY_WORDS = 5, 14
_PLEASANTRY = re.compile(r"^(?:" + _alternatives("pleasantries") + r")", re.IGNORECASE)
_BACKSTORY = re.compile(r"^(?:" + _alternatives("backstory_openers") + r")", re.IGNORECASE)
_BOTTOM_LINE = re.compile(
    r"\b(?:" + _alternatives("bottom_line") + r")\b"
    r"|[\U0001F534\U0001F7E0\U0001F7E1\U0001F7E2\u2705\u274C]",
    re.IGNORECASE,
)
_EMOJI_END = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\W*$")
_SUBJECT = re.compile(r"^(?:subject|title|re|fwd?)\s?:\s*(.+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SummaryVerdict:
    """Whether the message has a summary up front, what it is, and where the opening is."""

    ok: bool
    text: str | None
    opening: tuple[int, int] | None


def read_summary(
    a: Analysis, asks: Sequence[Ask] = (), deadlines: Sequence[Deadline] = ()
) -> SummaryVerdict:
    """Decide whether ``a`` states its point up front, and return the summary text."""
    sentences = [s for s in a.sentences if not a.is_quoted(s.start)]
    if not sentences:
        return SummaryVerdict(True, None, None)
    text_of = a.sentence_text
    short = a.word_count <= SHORT_WORDS or (
        a.non_empty_lines() <= SHORT_LINES and a.word_count <= SHORT_LINES_WORDS
    )
    # A "## Summary" / "## TL;DR" heading among the first few blocks.
    for s in sentences[:6]:
        if s.block > 3:
            break
        if a.blocks[s.block].kind == HEADING and _LABEL.match(_flat(text_of(s))):
            body = _label_body(a, s)
            if body:
                return SummaryVerdict(True, body, None)
    title = _title(a, sentences)
    content: list[Sentence] = []
    for s in sentences:
        if len(content) == 2:
            break
        block = a.blocks[s.block]
        flat = _flat(text_of(s))
        if block.kind == HEADING or (title and s is title[0]):
            continue
        if not content and _is_greeting(flat):
            continue
        content.append(s)
    opening_text = " ".join(_flat(a.text[s.start : s.end]) for s in content)
    for s in content:  # a "TL;DR:" line opening the message
        if _LABEL.match(_flat(text_of(s))):
            body = _label_body(a, s)
            if body:
                return SummaryVerdict(True, body, None)
    if short:
        first = content[0] if content else sentences[0]
        return SummaryVerdict(True, _flat(a.text[first.start : first.end]), None)
    if title and (_BOTTOM_LINE.search(title[1]) or _states_point(a, title[0], asks, deadlines)):
        return SummaryVerdict(True, title[1], None)
    if not content:
        return SummaryVerdict(True, None, None)
    opening = (content[0].start, content[-1].end)
    first_text = text_of(content[0])
    if _BACKSTORY.match(_flat(first_text)) and not _states_point(a, content[0], asks, deadlines):
        return SummaryVerdict(False, None, opening)
    if any(_states_point(a, s, asks, deadlines) for s in content):
        return SummaryVerdict(True, opening_text, opening)
    return SummaryVerdict(False, None, opening)


def _states_point(
    a: Analysis, s: Sentence, asks: Sequence[Ask], deadlines: Sequence[Deadline] = ()
) -> bool:
    """Return True when a sentence carries a bottom line: status, decision, impact, ask, date."""
    if _BOTTOM_LINE.search(a.sentence_text(s)):
        return True
    if any(s.start <= x.start < s.end and not x.vague for x in asks):
        return True
    return any(s.start <= d.start < s.end for d in deadlines)


def _title(a: Analysis, sentences: list[Sentence]) -> tuple[Sentence, str] | None:
    first = sentences[0]
    block = a.blocks[first.block]
    flat = _flat(a.text[first.start : first.end])
    if block.kind == HEADING and first.block == 0:
        return first, flat
    m = _SUBJECT.match(flat)
    if m:
        return first, m.group(1)
    return None


def _label_body(a: Analysis, s: Sentence) -> str | None:
    """Return the text after a "TL;DR:" label, or the next block's text for a heading."""
    flat = _flat(a.text[s.start : s.end])
    m = _LABEL.match(_flat(a.sentence_text(s)))
    assert m is not None
    body = flat[m.end() :].strip(" *_") if len(flat) >= m.end() else ""
    block = a.blocks[s.block]
    if body and len(body.split()) >= 2:
        return body
    # "## Summary" heading or a label alone on its line: the summary is what follows.
    following = [x for x in a.sentences if x.block > s.block or (x.block == s.block and
                 x.start > s.end)]  # fmt: skip
    if following and (block.kind == HEADING or not body):
        nxt = following[0]
        return _flat(a.text[nxt.start : nxt.end])
    return None


def _is_greeting(flat: str) -> bool:
    words = len(flat.split())
    addressed = flat.endswith((",", "!", ":")) or bool(_EMOJI_END.search(flat))
    return bool(
        (_GREETING.match(flat) and (words <= GREETING_WORDS or (addressed and words <= 10)))
        or (_PLEASANTRY.match(flat) and words <= PLEASANTRY_WORDS)
    )


def _flat(text: str) -> str:
    return " ".join(text.split())
