"""Rules ``style.long-sentence``, ``style.long-paragraph`` and ``style.message-length``.

Length is what a skimming reader, or one reading in a second language, loses first: a
sentence past 30 words, a paragraph that fills the chat pane, a message that collapses
behind "Show more". The limits depend on the channel the draft is for.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import PARAGRAPH
from asyncwriter.checks.rules.style.sentences import LABEL
from asyncwriter.checks.rules.style.words import vocab

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.checks.rules.style.words import Words

# -- thresholds ---------------------------------------------------------------------------

#: A sentence over this many words of prose is long. Plain-language guides put the limit
#: for easy reading at 20-25 words; past 30 even native readers go back to the start.
LONG_SENTENCE_WORDS = 30
#: What the message asks a long sentence to be split into.
SENTENCE_TARGET_WORDS = 25
#: A sentence with at least this many commas or semicolons whose items average at most
#: ``ENUMERATION_ITEM_WORDS`` words is a run-in list ("Attendees: Ana, Bo, ..."), read by
#: scanning rather than parsing, so its length is not a problem.
ENUMERATION_SEPARATORS, ENUMERATION_ITEM_WORDS = 5, 4

#: Channels read in a chat pane, where a paragraph over ~80 words fills a laptop screen's
#: message column (and a phone screen), and where a few lines is the norm.
CHAT_CHANNELS = frozenset({"slack", "teams"})
#: Paragraph limits in chat: words, or sentences. A paragraph of at most
#: ``CHAT_PARAGRAPH_MIN_WORDS`` words is never long, in any channel: a stack of one-line
#: updates ("Done. Deployed. Green.") is not a wall of text.
CHAT_PARAGRAPH_WORDS, CHAT_PARAGRAPH_SENTENCES, CHAT_PARAGRAPH_MIN_WORDS = 80, 5, 50
#: Paragraph limit elsewhere (email, docs): about ten lines of a page.
PARAGRAPH_WORDS = 150

#: Words of prose above which a message is too long for its channel: about one screen of a
#: chat pane (Slack collapses long messages behind "Show more"), and the ~2-3 minutes of
#: reading a busy reader gives an email.
MESSAGE_WORDS = {"slack": 300, "teams": 300, "email": 600}

_CHANNEL_NAMES = {"slack": "Slack", "teams": "Teams", "email": "email"}
#: A line that starts with a label ("What:", "Not in scope:") or a symbol (an emoji, "•").
_LABEL_LINE = re.compile(
    r"\n[ \t]*(?:[^\W\d_][\w'\u2019/&+-]*(?:[ \t]+[\w'\u2019/&+-]+){0,4}[ \t]*:(?!//)|[^\w\s])"
)

# -- style.long-sentence --------------------------------------------------------------------

#: Places where a long sentence splits naturally: a semicolon, a dash, or a comma before a
#: conjunction (``split_conjunctions`` in ``style.toml``).
_SPLIT_POINTS = re.compile(
    r";|\s[\u2014\u2013]\s|\s--\s|,\s(?:"
    + "|".join(map(re.escape, vocab("split_conjunctions")))
    + r")\b"
)


def check_long_sentences(
    a: Analysis, facts: MessageFacts, opts: Options, words: Words, own: list[tuple[int, int]]
) -> Iterator[Finding]:
    """Yield ``style.long-sentence`` for each of the writer's sentences over the limit."""
    prose = a.prose
    for start, end in own:
        n = words.count(start, end)
        if n <= LONG_SENTENCE_WORDS:
            continue
        body = prose[start:end]
        separators = body.count(",") + body.count(";")
        if separators >= ENUMERATION_SEPARATORS and n / (separators + 1) <= ENUMERATION_ITEM_WORDS:
            continue  # a run-in list: scanned, not parsed
        yield opts.finding(
            "style.long-sentence",
            start,
            end,
            f"This sentence has {n} words: split it in two (aim for under "
            f"{SENTENCE_TARGET_WORDS}){_split_hint(body)}.",
        )


def _split_hint(body: str) -> str:
    """Return ", for example at “, but”" for the split point nearest the middle, or ""."""
    middle = len(body) / 2
    best = min(_SPLIT_POINTS.finditer(body), key=lambda m: abs(m.start() - middle), default=None)
    if best is None:
        return ""
    return f", for example at “{' '.join(best.group().split())}”"


# -- style.long-paragraph -------------------------------------------------------------------


def check_long_paragraphs(
    a: Analysis, facts: MessageFacts, opts: Options, words: Words
) -> Iterator[Finding]:
    """Yield ``style.long-paragraph`` for each paragraph too long for the channel."""
    chat = opts.channel in CHAT_CHANNELS
    sentence_starts = [s.start for s in a.sentences]
    for block in a.blocks:
        if block.kind != PARAGRAPH or block.quoted:
            continue
        for start, end in _paragraph_units(a.prose, block.start, block.end):
            n = words.count(start, end)
            if n <= CHAT_PARAGRAPH_MIN_WORDS:
                continue
            lo = bisect.bisect_left(sentence_starts, start)
            k = max(bisect.bisect_left(sentence_starts, end) - lo, 1)
            if chat:
                too_long = n > CHAT_PARAGRAPH_WORDS or k > CHAT_PARAGRAPH_SENTENCES
            else:
                too_long = n > PARAGRAPH_WORDS
            if not too_long:
                continue
            # The first sentence marks the paragraph without underlining all of it.
            first = a.sentences[lo] if lo < len(a.sentences) else None
            if first is not None and first.start < end:
                start, end = first.start, min(first.end, end)
                label = LABEL.match(a.prose, start, end)
                start = label.end() if label else start
            size = f"{n} words in {k} sentences" if k > 1 else f"{n} words"
            if chat:
                advice = (
                    f"too long to read in {_CHANNEL_NAMES[str(opts.channel)]}. Break it into "
                    "paragraphs of 2-3 sentences, put parallel items in a bulleted list, or "
                    "move the details to a linked doc"
                )
            else:
                advice = (
                    "a wall of text. Break it into paragraphs of one point each, and put "
                    "parallel items in a bulleted list"
                )
            yield opts.finding(
                "style.long-paragraph", start, end, f"This paragraph has {size}: {advice}."
            )


def _paragraph_units(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the parts of a paragraph a reader sees as separate: one per labelled line.

    Chat and email keep line breaks, so "**What:** ...", "**Why:** ..." on consecutive lines
    read as separate fields, not one block (the prose view has the ``**`` blanked).
    """
    units: list[tuple[int, int]] = []
    for m in _LABEL_LINE.finditer(prose, start, end):
        units.append((start, m.start()))
        start = m.start() + 1
    units.append((start, end))
    return units


# -- style.message-length -------------------------------------------------------------------


def check_message_length(
    a: Analysis, facts: MessageFacts, opts: Options, words: Words
) -> Iterator[Finding]:
    """Yield ``style.message-length`` when the message is longer than its channel takes."""
    limit = MESSAGE_WORDS.get(opts.channel or "")
    if limit is None or len(words.starts) <= limit:
        return
    where = _CHANNEL_NAMES[str(opts.channel)]
    line, _col = a.lines.line_col(words.starts[limit])
    # The first sentence is where the summary goes, and what the writer keeps.
    first = next((s for s in a.sentences if not a.is_quoted(s.start)), None)
    start, end = (first.start, first.end) if first else (0, 0)
    readers = "email readers" if where == "email" else f"{where} readers"
    yield opts.finding(
        "style.message-length",
        start,
        end,
        f"This message is {len(words.starts)} words; {readers} skim past about {limit} "
        f"(reached on line {line}). Post the summary and the ask here, and put the details "
        "in a linked doc or a thread reply.",
    )
