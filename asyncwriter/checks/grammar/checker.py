"""Grammar and spelling findings from LanguageTool, one paragraph at a time, cached.

What is kept: results per paragraph text, so an edit re-checks only the paragraph it
touched. The ``level`` is always sent (LanguageTool ignores some enabled rules when it is
absent), the dictionary ("add word") and turned-off rules are applied on our side (a
self-hosted server's dictionary API is not available to everyone), and every finding is
``grammar.<LanguageTool rule id>``.

The checker is given its server (anything that satisfies :class:`GrammarServer`) and its
language, level and words as plain values: which server the settings name, and how it is
reached, is :mod:`asyncwriter.languagetool`'s business, not the engine's.
"""

from __future__ import annotations

import bisect
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from asyncwriter.checks.grammar.answer import read_match
from asyncwriter.checks.grammar.outcome import GrammarError, GrammarOutcome
from asyncwriter.checks.grammar.paragraphs import SEPARATOR, answer_offsets, paragraphs
from asyncwriter.checks.model import Finding
from asyncwriter.checks.spelling.ids import MISSPELLING, turned_off_elsewhere
from asyncwriter.rule_settings import Severity, effective_setting

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.grammar.paragraphs import Paragraph
    from asyncwriter.rule_settings import RuleSetting

logger = logging.getLogger(__name__)

#: Most characters sent in one request (the public service refuses more than 20 KB).
MAX_REQUEST_CHARS = 18_000
#: Paragraphs kept in the result cache (a long draft has a few hundred).
CACHE_SIZE = 4_000
#: Most matches kept for one paragraph: a real paragraph has a handful, and a server that
#: sends thousands must not freeze the window drawing them.
MAX_MATCHES_PER_PARAGRAPH = 200
#: LanguageTool issue types that are spelling mistakes (the dictionary applies to these).
SPELLING_TYPES = frozenset({"misspelling"})

#: A cache key: language, level and the paragraph's pieces (so moving it costs nothing).
_Key = tuple[str, str, tuple[tuple[str, str | None], ...]]


class GrammarServer(Protocol):
    """What the checker needs from LanguageTool: answers for paragraphs, and a way to stop.

    :mod:`asyncwriter.languagetool` has the real ones (a server over HTTP, the local Java
    server); the engine only knows this much, so it needs no network, Java or settings.
    """

    def check(self, chunk: Sequence[Paragraph], language: str, level: str) -> list[dict[str, Any]]:
        """Return LanguageTool's raw matches for paragraphs sent as one request.

        The paragraphs are sent joined by
        :data:`~asyncwriter.checks.grammar.paragraphs.SEPARATOR` (see
        :func:`~asyncwriter.checks.grammar.paragraphs.request_annotation`), and match
        offsets are UTF-16 units into that sent text, as LanguageTool gives them. The
        matches are checked by the engine (malformed ones are dropped), not trusted.

        Raises:
            GrammarError: LanguageTool could not be asked; the message says why.
        """
        ...

    def close(self) -> None:
        """Release what the server holds (connections, a local server process)."""
        ...


@dataclass(frozen=True, slots=True)
class Match:
    """One LanguageTool match, relative to its paragraph, in ``str`` indices."""

    offset: int
    length: int
    rule_id: str
    message: str
    replacements: tuple[str, ...]
    issue_type: str
    description: str


class GrammarChecker:
    """Checks paragraphs against one server, remembering results by paragraph text.

    Thread-safe: the lint thread reads the cache while the grammar thread fills it.
    """

    def __init__(
        self,
        server: GrammarServer,
        *,
        language: str,
        level: str,
        words: Iterable[str] = (),
    ) -> None:
        self.server = server
        #: LanguageTool's language code (``en-US``, or ``auto``) and ``level``, sent with
        #: every request and part of the cache key.
        self.language = language
        self.level = level
        self.set_words(words)
        self._cache: OrderedDict[_Key, tuple[Match, ...]] = OrderedDict()
        self._lock = threading.Lock()
        #: Seconds the last request took (for the status line and the benchmark).
        self.last_seconds = 0.0

    def set_words(self, words: Iterable[str]) -> None:
        """Use a new dictionary; cached results stay valid (it is applied on our side)."""
        words = list(words)
        self.words = frozenset(words)
        self._lower_words = frozenset(w.lower() for w in words if w == w.lower())

    def _key(self, paragraph: Paragraph) -> _Key:
        return (self.language, self.level, paragraph.pieces)

    def review(self, analysis: Analysis) -> GrammarOutcome:
        """Split the draft into paragraphs and note which ones are not checked yet."""
        found, truncated = paragraphs(analysis)
        with self._lock:
            pending = [p for p in found if self._key(p) not in self._cache]
        return GrammarOutcome(paragraphs=found, pending=pending, truncated=truncated)

    def fetch(self, pending: Iterable[Paragraph]) -> None:
        """Ask LanguageTool about paragraphs not checked yet (blocking, off the UI thread).

        Raises:
            GrammarError: LanguageTool could not be asked; what was checked before the
                error stays cached.
        """
        with self._lock:
            # One request per distinct paragraph text: a repeated line is asked about once.
            todo = list(
                {self._key(p): p for p in pending if self._key(p) not in self._cache}.values()
            )
        for chunk in _chunks(todo, MAX_REQUEST_CHARS):
            started = time.perf_counter()
            raw = self.server.check(chunk, self.language, self.level)
            self.last_seconds = time.perf_counter() - started
            per_paragraph = _split_matches(chunk, raw)
            with self._lock:
                for paragraph, matches in zip(chunk, per_paragraph, strict=True):
                    self._cache[self._key(paragraph)] = matches
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)

    def findings(
        self, outcome: GrammarOutcome, settings: Mapping[str, RuleSetting]
    ) -> list[Finding]:
        """Return findings for every checked paragraph, with dictionary and settings applied."""
        out: list[Finding] = []
        with self._lock:
            cached = [(p, self._cache.get(self._key(p))) for p in outcome.paragraphs]
        for paragraph, matches in cached:
            if not matches:
                continue
            text = "".join(t for t, _ in paragraph.pieces)
            for m in matches:
                word = text[m.offset : m.offset + m.length]
                if m.issue_type in SPELLING_TYPES and self.known_word(word):
                    continue
                rule_id = f"grammar.{m.rule_id}"
                if m.issue_type in SPELLING_TYPES:
                    # One id for a misspelling whichever engine found it (docs/rules.md);
                    # a setting for the LanguageTool rule's own key still applies.
                    own = f"grammar.{m.rule_id}"
                    rule_id = MISSPELLING
                    severity = (
                        settings[own]
                        if own in settings
                        else effective_setting(rule_id, _severity(m.issue_type), settings)
                    )
                else:
                    severity = effective_setting(rule_id, _severity(m.issue_type), settings)
                    if turned_off_elsewhere(rule_id, settings):
                        severity = None
                if severity is None:
                    continue
                start = paragraph.start + m.offset
                out.append(
                    Finding(
                        rule_id,
                        severity,
                        start,
                        start + m.length,
                        m.message,
                        m.replacements,
                        m.issue_type,
                    )
                )
        return out

    def known_word(self, word: str) -> bool:
        """Return True when the writer added ``word`` to the dictionary.

        A word added in lower case matches any capitalisation; one with capitals matches
        exactly (as in LanguageTool's own word lists).
        """
        return word in self.words or word.lower() in self._lower_words

    def close(self) -> None:
        """Release the server (stops a local one)."""
        self.server.close()


def _severity(issue_type: str) -> Severity:
    """Misspellings and grammar errors are warnings; style and typography are notes."""
    return Severity.WARNING if issue_type in ("misspelling", "grammar") else Severity.INFO


def _chunks(items: Sequence[Paragraph], limit: int) -> Iterable[list[Paragraph]]:
    chunk: list[Paragraph] = []
    size = 0
    for paragraph in items:
        length = paragraph.end - paragraph.start
        if chunk and size + length > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(paragraph)
        size += length + len(SEPARATOR)
    if chunk:
        yield chunk


def _split_matches(chunk: Sequence[Paragraph], raw: object) -> list[tuple[Match, ...]]:
    """Give each paragraph of a request its matches, in ``str`` offsets from its start.

    What is kept of an answer is bounded by the paragraphs, not by the server: malformed
    matches, matches outside their paragraph (or across two) and repeats are dropped, and
    a paragraph keeps at most :data:`MAX_MATCHES_PER_PARAGRAPH`.

    Raises:
        GrammarError: the matches are not a list (a server fault).
    """
    if not isinstance(raw, list):
        raise GrammarError("LanguageTool's answer has no list of matches")
    texts = ["".join(t for t, _ in p.pieces) for p in chunk]
    to_draft = answer_offsets(chunk)
    bounds: list[int] = []
    pos = 0
    for text in texts:
        bounds.append(pos)
        pos += len(text) + len(SEPARATOR)
    out: list[list[Match]] = [[] for _ in chunk]
    seen: set[tuple[int, int, int, str]] = set()
    for item in raw:
        found = read_match(item)
        if found is None:
            continue
        start = to_draft(found.offset, False)
        end = to_draft(found.offset + found.length, True)
        i = bisect.bisect_right(bounds, start) - 1
        if i < 0 or end > bounds[i] + len(texts[i]) or end <= start:
            continue  # across two paragraphs, or in the separator, or past the end
        if len(out[i]) >= MAX_MATCHES_PER_PARAGRAPH:
            continue
        offset = start - bounds[i]
        length = end - start
        if (i, offset, length, found.rule_id) in seen:
            continue  # the same match again
        seen.add((i, offset, length, found.rule_id))
        if any(s < offset + length and offset < e for s, e in chunk[i].covered()):
            continue  # about the stand-in for code or a URL, not the writer's words
        out[i].append(
            Match(
                offset=offset,
                length=length,
                rule_id=found.rule_id,
                message=found.message,
                replacements=found.replacements,
                issue_type=found.issue_type,
                description=found.description,
            )
        )
    return [tuple(m) for m in out]
