"""Whether the top of a message gives its point: the summary verdict, read once per lint.

The point is what the message is about plus its bottom line: the status, the decision
sought, the impact, the ask. It must be readable from a title that states it (not one that
only names the topic), from a ``TL;DR:``/``Summary:`` line near the top, or from the
writer's first one or two sentences, skipping greetings, header fields and quoted text.
What each of those sentences does (give the point, lead up to it) is read by
:mod:`asyncwriter.checks.facts.openings`. A message of a few short lines is its own summary.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.checks.analysis import HEADING
from asyncwriter.checks.facts import openings
from asyncwriter.checks.facts.asks import DOC_NUMBER, TITLE_NOUN_NEXT, TITLE_TAGS, TITLE_VERBS
from asyncwriter.checks.facts.openings import Role
from asyncwriter.times import expressions as timeexpr

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
_PLEASANTRY = openings.PLEASANTRY
_BOTTOM_LINE = openings.BOTTOM_LINE
_EMOJI_END = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\W*$")
_SUBJECT = re.compile(r"^(?:subject|title|re|fwd?)\s?:\s*(.+)$", re.IGNORECASE)
#: A "Subject:" line left empty: a header with nothing in it, not the message's first words.
_EMPTY_SUBJECT = re.compile(r"^(?:subject|title)\s?:\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SummaryVerdict:
    """Whether the message has a summary up front, what it is, and where the opening is."""

    ok: bool
    text: str | None
    opening: tuple[int, int] | None


#: How many of the writer's first sentences a "TL;DR:" line may follow and still be "up top".
TLDR_WITHIN = 6
_STRONG_LABEL = re.compile(
    r"^\W{0,4}(?:tl;?\s?dr|tl/dr|tldr|bluf|summary|executive\ssummary|bottom\sline|in\sshort"
    r"|short\sversion|the\sshort\sversion|long\sstory\sshort)\b\W{0,4}(?:[:\-\u2013\u2014]|$)",
    re.IGNORECASE,
)
_PREAMBLE_SECTION = re.compile(
    r"\b(?:" + _alternatives("preamble_sections") + r")\b", re.IGNORECASE
)
_METADATA = re.compile(
    r"^\W{0,6}(?:" + _alternatives("metadata_keys") + r")\W{0,4}:", re.IGNORECASE
)
_ATTRIBUTION = re.compile(r"^on\s.{4,120}\swrote:?$", re.IGNORECASE)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|has|have|had|can|should|must|do|does|did|'s|\u2019s)\b", re.I
)
_TITLE_TAG = re.compile(r"\[(?:" + _alternatives("title_tags") + r")\]", re.IGNORECASE)
_TITLE_GERUND = re.compile(
    r"^" + TITLE_TAGS + r"(?:" + _alternatives("change_gerunds") + r")\w*ing\b",
    re.IGNORECASE,
)
_TITLE_DELIBERATION = re.compile(
    r"^" + TITLE_TAGS + r"(?:" + _alternatives("deliberation_verbs") + r")\b",
    re.IGNORECASE,
)
_SYMPTOM = re.compile(r"\b(?:" + _alternatives("symptoms") + r")(?!\w)", re.IGNORECASE)
_TITLE_NEED = re.compile(r"^(?:we\s)?(?:need|needs|please|let's|let\u2019s)\b", re.IGNORECASE)
#: "No updates until late January", "No meeting this week": a title that says what is not
#: going to happen states the bottom line.
_TITLE_NONE = re.compile(r"^" + TITLE_TAGS + r"no\s(?!\w+\sto\b)\w", re.IGNORECASE)
#: Titles of records whose date is when it happened: "Minutes: 11 March", "Incident report".
_RECORD_TITLE = re.compile(
    r"\b(?:minutes|notes|report|recap|retro(?:spective)?|digest|newsletter|changelog|log|agenda"
    r"|post-?mortem|review|summary|week\s\d+)\b",
    re.IGNORECASE,
)
_MINUTES_TITLE = re.compile(
    r"\b(?:minutes|meeting\snotes|notes\sfrom|agenda|incident\sreport|recap|digest|newsletter"
    r"|changelog|week\s\d+)\b",
    re.IGNORECASE,
)
#: Titles that name a topic with a bottom-line word in them: "Decision on the mirror network",
#: "Proposal for the 4.0 schedule", "Release 3.2 tracking", "How should we version the API?".
_TITLE_TOPIC = re.compile(
    r"^" + TITLE_TAGS + r"(?:decision|proposal|discussion|vote|rfc|question|thoughts"
    r"|ideas)\s(?:on|about|for|regarding|re|of)\b"
    r"|\b(?:tracking|tracker|umbrella|meta)(?:\sissue)?\W*$"
    # "List restructuring proposal", "Logging RFC": a topic with the document's kind after it
    r"|^(?:\w[\w.\-]*\s){1,5}(?:proposal|discussion|rfc|idea|ideas|thoughts|question)\W*$"
    r"|^(?:how|what|which|why|where|when)\s(?:should|could|would|shall|do|can)\swe\b",
    re.IGNORECASE,
)
_ADR_STATE = re.compile(
    r"^\W*(?:proposed|accepted|rejected|superseded|deprecated|draft|approved|final|active"
    r"|withdrawn|implemented|in\sprogress|under\sreview)\b",
    re.IGNORECASE,
)
#: The longest first line that reads as a title ("LLVM 15.0.0 Release Schedule").
TITLE_WORDS = 14


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
    title = _title(a, sentences)
    # A "TL;DR:" line or "## Summary" heading near the top, even after some background.
    near_top = sentences[: min(TLDR_WITHIN + (1 if title else 0), max(3, len(sentences) // 2))]
    for s in near_top:
        heading = a.blocks[s.block].kind == HEADING
        if (heading and _LABEL.match(_flat(text_of(s)))) or _STRONG_LABEL.match(_flat(text_of(s))):
            body = _label_body(a, s)
            if body:
                return SummaryVerdict(True, body, None)
    content, sections = _opening(a, sentences, title)
    if title and _MINUTES_TITLE.search(title[1]):
        sections = [True] * len(sections)  # minutes and reports record; only an ask stands out
    opening_text = " ".join(_flat(a.text[s.start : s.end]) for s in content)
    for s in content:  # a "Status:" or "Decision needed:" line opening the message
        if _LABEL.match(_flat(text_of(s))):
            body = _label_body(a, s)
            if body:
                return SummaryVerdict(True, body, None)
    if short:
        first = content[0] if content else sentences[0]
        return SummaryVerdict(True, _flat(a.text[first.start : first.end]), None)
    if title and _title_states_point(a, title, asks, deadlines):
        return SummaryVerdict(True, title[1], None)
    if not content:
        return SummaryVerdict(True, None, None)
    opening = (content[0].start, content[-1].end)
    roles = [
        openings.role_of(a, s, asks, deadlines, in_context_section=context)
        for s, context in zip(content, sections, strict=True)
    ]
    # The first sentence may give the point or open with the plan; after a lead-up, only a
    # sentence that states the point will do.
    if roles[0] in (Role.POINT, Role.PLAN) or Role.POINT in roles[1:]:
        return SummaryVerdict(True, opening_text, opening)
    return SummaryVerdict(False, None, opening)


def _opening(
    a: Analysis, sentences: list[Sentence], title: tuple[Sentence, str] | None
) -> tuple[list[Sentence], list[bool]]:
    """Return the writer's first two sentences, each with whether it sits in a context section.

    Skipped on the way: the title, headings (which set the section), greetings, header
    fields ("Status: Proposed"), a reply's "On ... wrote:" line, and short label lines such
    as a table of contents.
    """
    content: list[Sentence] = []
    sections: list[bool] = []
    in_context = False
    # The title's line: a heading block, or the first line of the first paragraph.
    title_end = -1
    if title:
        block = a.blocks[title[0].block]
        line_end = a.text.find("\n", title[0].start, block.end)
        title_end = block.end if block.kind == HEADING or line_end < 0 else line_end
    for s in sentences:
        if len(content) == 2:
            break
        block = a.blocks[s.block]
        if s.start < title_end:
            continue
        flat = _flat(a.sentence_text(s))
        if block.kind == HEADING:
            in_context = bool(_PREAMBLE_SECTION.search(flat))
            continue
        if (
            _is_greeting(flat)
            or _EMPTY_SUBJECT.match(flat)
            or _METADATA.match(flat)
            or _ATTRIBUTION.match(flat)
            or _is_dateline(flat)
        ):
            continue
        if not content and _is_label_line(a, s, flat):
            continue
        content.append(s)
        sections.append(in_context)
    return content, sections


def _is_label_line(a: Analysis, s: Sentence, flat: str) -> bool:
    """Return True for a short verbless line: a contents entry or a line used as a heading."""
    block = a.blocks[s.block]
    whole = _flat(a.prose[block.start : block.end])
    if whole != flat or len(flat.split()) > 6 or flat[-1:] in ".!?:":
        return False
    return not (_FINITE.search(flat) or _BOTTOM_LINE.search(flat))


def _title_states_point(
    a: Analysis, title: tuple[Sentence, str], asks: Sequence[Ask], deadlines: Sequence[Deadline]
) -> bool:
    """Return True when the title gives the bottom line, not only the topic.

    "[VOTE] Release 2.3", "Restarting the reading group", "Move the sync to 08:00 Tokyo" and
    "Builds too slow" do; "Hosting", "Failed builds: why and how" and "Determine the
    timeline for the election" do not.
    """
    sentence, text = title
    if _TITLE_TOPIC.search(text):
        return False  # "Decision on the mirrors", "Release 3.2 tracking", "How should we ...?"
    if _BOTTOM_LINE.search(text) or _TITLE_TAG.search(text) or _TITLE_GERUND.match(text):
        return True
    if openings.states_status(text) or _TITLE_NEED.match(text) or _SYMPTOM.search(text):
        return True
    if _TITLE_NONE.match(text):
        return True
    if _states_point(a, sentence, asks, deadlines):
        return True
    if not _RECORD_TITLE.search(text) and any(
        e.has_day or e.has_clock for e in timeexpr.scan(text)
    ):
        return True  # "Maintenance: 20 Nov 12:00 EST" names the when; "Minutes: 11 March" not
    bare = text[DOC_NUMBER.match(text).end() :]  # type: ignore[union-attr]
    words = bare.lower().split()
    # "Move the sync to Thursday" commands; "Update" and "Review of the Q3 plan" name.
    return (
        len(words) >= 2
        and words[0] in TITLE_VERBS
        and words[1] not in TITLE_NOUN_NEXT
        and not _TITLE_DELIBERATION.match(bare)
    )


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
    """Return the title: a first heading, a "Subject:" line, or a short first line alone."""
    first = sentences[0]
    block = a.blocks[first.block]
    whole = _flat(a.text[block.start : block.end])
    if block.kind == HEADING and first.block == 0:
        return first, whole
    m = _SUBJECT.match(_flat(a.text[first.start : first.end]))
    if m:
        return first, m.group(1)
    if (
        first.block == 0
        and len(a.blocks) > 1
        and not _is_dateline(whole)
        and "\n" not in a.text[block.start : block.end].strip()
        and len(whole.split()) <= TITLE_WORDS
        and whole[-1:] not in ".!?:,;"
        and not _is_greeting(whole)
        and not whole.startswith("@")
    ):
        return first, whole
    return None


def _label_body(a: Analysis, s: Sentence) -> str | None:
    """Return the text after a "TL;DR:" label, or the next block's text for a heading."""
    flat = _flat(a.text[s.start : s.end])
    m = _LABEL.match(_flat(a.sentence_text(s)))
    assert m is not None
    body = flat[m.end() :].strip(" *_") if len(flat) >= m.end() else ""
    block = a.blocks[s.block]
    if body and _ADR_STATE.match(body):
        return None  # "Status: Accepted" is a document's state, not its summary
    if body and len(body.split()) >= 2:
        return body
    # "## Summary" heading or a label alone on its line: the summary is what follows.
    following = [x for x in a.sentences if x.block > s.block or (x.block == s.block and
                 x.start > s.end)]  # fmt: skip
    if following and (block.kind == HEADING or not body):
        nxt = following[0]
        text = _flat(a.text[nxt.start : nxt.end])
        return None if _ADR_STATE.match(text) else text
    return None


#: Words a dateline may carry besides the date: "Posted Jun 29, 2016 - 12:38 EDT".
_DATELINE_WORDS = re.compile(r"\b(?:posted|updated|published|date|sent|written|on|at)\b", re.I)


def _is_dateline(flat: str) -> bool:
    """Return True for a line that only dates the message ("June 25th, 2004").

    Blogs, status pages and archives put the date above the text; it is neither a title
    that could state the point nor the writer's first sentence.
    """
    if len(flat) > 60 or not any(ch.isdigit() for ch in flat):
        return False
    rest = list(flat)
    for e in timeexpr.scan(flat):
        rest[e.start : e.end] = " " * (e.end - e.start)
    leftover = _DATELINE_WORDS.sub(" ", "".join(rest))
    return not any(ch.isalnum() for ch in leftover)


def _is_greeting(flat: str) -> bool:
    words = len(flat.split())
    addressed = flat.endswith((",", "!", ":")) or bool(_EMOJI_END.search(flat))
    # "Hello nova contributors and other stakeholders." addresses; it has no verb.
    verbless = flat.endswith(".") and words <= 8 and not _FINITE.search(flat)
    return bool(
        (
            _GREETING.match(flat)
            and (words <= GREETING_WORDS or ((addressed or verbless) and words <= 10))
        )
        or (_PLEASANTRY.match(flat) and words <= PLEASANTRY_WORDS)
    )


def _flat(text: str) -> str:
    return " ".join(text.split())
