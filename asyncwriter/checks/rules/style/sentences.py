"""The sentences of the writer's own running prose, as a reader sees them.

The long-sentence and readability rules judge the same sentences: paragraphs only (not
headings, table rows or quoted lines), cut where a reader sees a break the segmenter
missed, without the label that opens a line ("TL;DR:", "**Context:**").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import PARAGRAPH

if TYPE_CHECKING:
    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.rules.style.words import Words

#: Sentences longer than this are checked for breaks the segmenter missed (cheaper than
#: checking every sentence, and a shorter one is neither long nor much harder to read).
SPLIT_CHECK_WORDS = 20

#: Where a sentence may break unmarked: a line break before anything but a lower-case
#: letter, or a full stop and a capital (checked against ``_NUMBER_AND_ABBREVIATION``).
_PIECE_BREAK = re.compile(r"\n[ \t]*(?=[^\sa-z])|(?<=\.)[ \t]+(?=[A-Z])")
#: A label of up to four words before a colon ("TL;DR:", "Not in scope:", "Self-host X:").
LABEL = re.compile(r"[^\W\d_][\w'\u2019;/&+-]*(?:[ \t]+[\w'\u2019;/&+-]+){0,3}[ \t]*:[ \t]+(?=\w)")
_NUMBER_AND_ABBREVIATION = re.compile(r"(?:\d\s+[A-Za-z]{1,5}|\b\d+)\.$")


def own_sentences(a: Analysis, words: Words) -> list[tuple[int, int]]:
    """Return the spans of the sentences of the writer's running prose.

    Headings, table rows and quoted lines are left out. A sentence the segmenter left too
    long is cut where a reader sees a break (see :func:`pieces`), and a label that opens it
    ("TL;DR:", "**Context:**") is not part of it.
    """
    blocks, prose = a.blocks, a.prose
    spans: list[tuple[int, int]] = []
    for s in a.sentences:
        block = blocks[s.block]
        if block.kind != PARAGRAPH or (block.quoted and a.is_quoted(s.start)):
            continue
        if words.count(s.start, s.end) > SPLIT_CHECK_WORDS:
            for start, end in pieces(prose, s.start, s.end):
                label = LABEL.match(prose, start, end)  # "TL;DR:", "Context:" are not prose
                spans.append((label.end() if label else start, end))
        else:
            spans.append((s.start, s.end))
    return spans


def pieces(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the parts of a sentence span that a reader sees as separate sentences.

    Two kinds of break reach the sentencizer unmarked. A chat update without full stops
    ("✅ Done: ..." then "🔨 Doing: ...") has a line break before anything but a lower-case
    letter (a hard-wrapped line goes on in lower case). And a full stop after an
    abbreviation that follows a number ends a sentence ("... on Wed 25 Nov. The next"),
    which the abbreviation list (for "Dr. Ng", "e.g. UTC") keeps whole.
    """
    spans: list[tuple[int, int]] = []
    for m in _PIECE_BREAK.finditer(prose, start, end):
        if m.group().startswith("\n") or _NUMBER_AND_ABBREVIATION.search(
            prose, max(start, m.start() - 24), m.start()
        ):
            if prose[start : m.start()].strip():
                spans.append((start, m.start()))
            start = m.end()
    spans.append((start, end))
    return spans
