"""What a spelling engine should not flag in a work message, found before it is asked.

Work messages are full of words no dictionary has and no reader would call misspelled:
code, URLs, e-mail addresses, @mentions, #refs, file paths, identifiers (CamelCase,
snake_case, dotted), acronyms, placeholders and names. Measured on real messages, skipping
them halves the false alarms, and treating a capitalised word that does not start a
sentence as a name removes most of what is left (see the README's comparison).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asyncwriter.checks.grammar.paragraphs import Paragraph

_CHUNK = re.compile(r"\S+")
_EDGE = "()[]{}<>,;:!?\"'“”‘’*_~`…"
_MENTION = re.compile(r"@[\w.-]+")
_REF = re.compile(r"#\w+|[\w.-]+/[\w.-]+#\d+|[A-Za-z]+#\d+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.\w+")
_PATH = re.compile(r"(?:~|\.{1,2})?/\S*|\S*/\S*/\S*|[\w.-]+/[\w-]+\.\w+")
_DOTTED = re.compile(r"\w+(?:\.\w+)+")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
#: Characters that may sit between a sentence's end and its first word.
_OPENERS = "\"'“‘([*_-•–—>"
_SENTENCE_END = ".!?:;"


@dataclass(frozen=True, slots=True)
class ProseView:
    """A paragraph as the engine reads it, with the spans it must not report.

    Attributes:
        text: the paragraph with every piece of markup blanked to spaces, so offsets are
            the draft's (from the paragraph's start).
        skipped: spans of code, URLs and skipped tokens (relative to the paragraph).
        names: capitalised words that do not start a sentence (names, learned per draft).
    """

    text: str
    skipped: tuple[tuple[int, int], ...]
    names: frozenset[str]

    def overlaps(self, start: int, end: int) -> int:
        """Return how many characters of ``start:end`` are skipped."""
        return sum(max(0, min(e, end) - max(s, start)) for s, e in self.skipped)

    def starts_sentence(self, start: int) -> bool:
        """Return True when the word at ``start`` is the first of a sentence (or line)."""
        before = self.text[:start].rstrip().rstrip(_OPENERS).rstrip()
        return not before or before[-1] in _SENTENCE_END or self.text[:start].endswith("\n")


def prose_view(paragraph: Paragraph) -> ProseView:
    """Blank a paragraph's markup and find what to skip in it."""
    parts: list[str] = []
    skipped: list[tuple[int, int]] = []
    pos = 0
    for text, reads in paragraph.pieces:
        if reads is None:
            parts.append(text)
        else:
            parts.append("".join(c if c == "\n" else " " for c in text))
            if reads.strip():  # code, a URL, a placeholder: never the writer's words
                skipped.append((pos, pos + len(text)))
        pos += len(text)
    text = "".join(parts)
    for chunk in _CHUNK.finditer(text):
        start, end = _trim(text, chunk.start(), chunk.end())
        token = text[start:end]
        if token and _skip_chunk(token):
            skipped.append((start, end))
            continue
        for word in _WORD.finditer(text, start, end):
            if _skip_word(word.group()):
                skipped.append(word.span())
    names = set()
    view = ProseView(text, tuple(sorted(skipped)), frozenset())
    for word in _WORD.finditer(text):
        w = word.group()
        if w[:1].isupper() and w[1:].islower() and not view.starts_sentence(word.start()):
            names.add(w)
    return ProseView(view.text, view.skipped, frozenset(names))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a chunk without the punctuation around it (a trailing full stop too)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] == "."):
        end -= 1
    return start, end


def _skip_chunk(token: str) -> bool:
    """Return True for a mention, ref, e-mail, path, dotted name, placeholder or host name.

    A hyphenated chunk with a digit in it (``prod-eu-1``, ``gpt-4o``) is an identifier.
    """
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # an acronym with its punctuation: R&D, Q&A, AT&T, I/O
    return any(
        pattern.fullmatch(token)
        for pattern in (_MENTION, _REF, _EMAIL, _PATH, _DOTTED, _PLACEHOLDER)
    ) or ("{{" in token or ("-" in token and any(c.isdigit() for c in token)))


def _skip_word(word: str) -> bool:
    """Return True for a word with digits, an acronym, CamelCase or snake_case."""
    if any(c.isdigit() for c in word) or "_" in word:
        return True
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # ALL-CAPS: an acronym
    return any(c.isupper() for c in word[1:])  # CamelCase, iPhone, GitHub
