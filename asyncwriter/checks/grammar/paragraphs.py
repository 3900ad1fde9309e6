"""The paragraphs of a draft as LanguageTool reads them, and its offsets turned back.

What is sent: each prose paragraph of the draft as LanguageTool *annotated text*. Markup
(emphasis, link syntax, list markers) is sent as markup that reads as nothing; code spans,
URLs and ``{{placeholders}}`` are sent as markup that reads as a neutral word, so the
sentence around them still parses; quoted lines (someone else's words) and code blocks are
not sent at all. The markup itself is never sent, only :data:`MARKUP` in its place: a code
span may hold a secret and a URL a token, and LanguageTool does not read markup anyway.
LanguageTool gives offsets into what was sent, in UTF-16 code units;
:func:`answer_offsets` turns them back into ``str`` indices into the draft's text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import TABLE_ROW

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from asyncwriter.checks.analysis import Analysis

#: Only this much of a draft is checked: a 5 MB paste is data, not a message.
MAX_CHECKED_CHARS = 100_000
#: What code spans, URLs and placeholders read as: a word LanguageTool parses as a noun and
#: never flags (LTeX, the LanguageTool plugin for Markdown and LaTeX, uses the same trick).
DUMMY = "Dummy"
#: What joins the paragraphs of one request (and splits table cells): a paragraph break,
#: so no LanguageTool match can run from one paragraph into the next.
SEPARATOR = "\n\n"
#: What is sent in place of every piece of markup (LanguageTool skips markup when it reads).
MARKUP = "<m/>"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One prose block as LanguageTool sees it.

    ``pieces`` are ``(original text, reads as)``: ``reads as`` is None for prose, the
    stand-in for markup. The pieces' originals put together are the draft's text from
    ``start``; the pieces are also the cache key, so moving a paragraph keeps its results.
    """

    start: int
    pieces: tuple[tuple[str, str | None], ...]

    @property
    def end(self) -> int:
        """Return the draft offset just past the paragraph."""
        return self.start + sum(len(text) for text, _ in self.pieces)

    def annotation(self) -> list[dict[str, str]]:
        """Return the pieces in LanguageTool's ``data`` format, markup as :data:`MARKUP`."""
        return [
            {"text": text} if reads is None else {"markup": MARKUP, "interpretAs": reads}
            for text, reads in self.pieces
        ]

    def covered(self) -> list[tuple[int, int]]:
        """Return spans (relative to ``start``) that stand in for content, not prose."""
        spans, pos = [], 0
        for text, reads in self.pieces:
            if reads:
                spans.append((pos, pos + len(text)))
            pos += len(text)
        return spans


def request_annotation(chunk: Sequence[Paragraph]) -> list[dict[str, str]]:
    """Return paragraphs as one request's annotated text, joined by :data:`SEPARATOR`.

    The checker splits LanguageTool's answer back into paragraphs along the same
    separators, so every server must send paragraphs this way.
    """
    annotation: list[dict[str, str]] = []
    for n, paragraph in enumerate(chunk):
        if n:
            annotation.append({"text": SEPARATOR})
        annotation.extend(paragraph.annotation())
    return annotation


def answer_offsets(chunk: Sequence[Paragraph]) -> Callable[[int, bool], int]:
    """Return a function from offsets in a request's answer to offsets in the draft's words.

    The answer's offsets are UTF-16 units into the text :func:`request_annotation` sent
    (markup counted as :data:`MARKUP`); the function's result is a ``str`` index into the
    paragraphs' own text joined by :data:`SEPARATOR`. An offset inside a piece of markup
    goes to the piece's start, or to its end when ``end`` is true, so a match that touches
    markup covers all of it.
    """
    sent: list[str] = []
    sent_starts: list[int] = []  # str index into the sent text where each piece starts
    starts: list[int] = []  # ... and into the original text
    markup: list[int] = []  # each piece's original length if it is markup, else -1
    sent_pos = pos = 0
    for n, paragraph in enumerate(chunk):
        pieces = (((SEPARATOR, None),) if n else ()) + paragraph.pieces
        for text, reads in pieces:
            shown = text if reads is None else MARKUP
            sent.append(shown)
            sent_starts.append(sent_pos)
            starts.append(pos)
            markup.append(-1 if reads is None else len(text))
            sent_pos += len(shown)
            pos += len(text)
    to_str = utf16_to_str("".join(sent))
    sent_total, total = sent_pos, pos

    def convert(offset: int, end: bool) -> int:
        index = to_str(offset)
        if index > sent_total:  # past the end: stays past it, so the caller drops it
            return total + index - sent_total
        i = bisect.bisect_right(sent_starts, index) - 1
        if i < 0:
            return index  # nothing was sent
        into = index - sent_starts[i]
        if markup[i] < 0:
            return starts[i] + into
        return starts[i] + (markup[i] if end and into > 0 else 0)

    return convert


def paragraphs(analysis: Analysis) -> tuple[list[Paragraph], bool]:
    """Return the paragraphs of a draft to check, and whether the draft was cut short.

    Quoted blocks are someone else's words and are left out; so is everything that is not
    a prose block (code blocks, front matter, HTML blocks).
    """
    text = analysis.text
    masked = analysis.masked
    starts = [s for s, _e, _f in masked]
    placeholders = set(analysis.placeholders)
    out: list[Paragraph] = []
    budget = MAX_CHECKED_CHARS
    dummies = 0
    for block in analysis.blocks:
        if block.quoted:
            continue
        if budget <= 0:
            return out, True
        budget -= block.end - block.start
        pieces: list[tuple[str, str | None]] = []
        pos = block.start
        i = max(bisect.bisect_right(starts, block.start) - 1, 0)
        while i < len(masked) and masked[i][0] < block.end:
            s, e, fill = masked[i]
            i += 1
            s, e = max(s, pos), min(e, block.end)
            if e <= s:
                continue
            content = fill == "x" or (s, e) in placeholders
            # Merge spans that overlap or touch into one piece of markup.
            while i < len(masked) and masked[i][0] <= e and masked[i][0] < block.end:
                e = max(e, min(masked[i][1], block.end))
                content = content or masked[i][2] == "x" or masked[i][:2] in placeholders
                i += 1
            if s > pos:
                pieces.append((text[pos:s], None))
            if content:
                reads = f"{DUMMY}{dummies}"
                dummies += 1
            elif block.kind == TABLE_ROW and text[s:e].strip() == "|":
                reads = SEPARATOR  # each cell on its own
            else:
                reads = ""
            pieces.append((text[s:e], reads))
            pos = e
        if pos < block.end:
            pieces.append((text[pos : block.end], None))
        if any(reads is None and piece.strip() for piece, reads in pieces):
            out.append(Paragraph(block.start, tuple(pieces)))
    return out, False


def utf16_to_str(text: str) -> Callable[[int], int]:
    """Return a function from UTF-16 offsets in ``text`` (Java's) to ``str`` indices."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    boundaries: list[int] = []  # UTF-16 offset just after each astral character
    units = 0
    for ch in text:
        units += 2 if ord(ch) >= 0x10000 else 1
        if ord(ch) >= 0x10000:
            boundaries.append(units)

    def convert(offset: int) -> int:
        return offset - bisect.bisect_right(boundaries, offset)

    return convert
