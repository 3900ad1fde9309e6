"""Spelling and grammar from the embedded engine, one paragraph at a time, cached.

It works like LanguageTool's checker (:mod:`asyncwriter.checks.grammar.checker`), so the
engine and the window treat both alike: :meth:`SpellingChecker.review` lists the paragraphs
not checked yet, :meth:`~SpellingChecker.fetch` checks them (blocking: the CLI calls it at
once, the window on a worker thread), and :meth:`~SpellingChecker.findings` reads the cache.
What is cached per paragraph is already cleaned of code, URLs and skipped tokens; the
dictionary, names learned from the draft and rule settings are applied when findings are
read, so none of them costs a re-check.
"""

from __future__ import annotations

import bisect
import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.checks.grammar.outcome import GrammarOutcome
from asyncwriter.checks.grammar.paragraphs import paragraphs
from asyncwriter.checks.model import Finding
from asyncwriter.checks.spelling.ids import (
    MISSPELLING,
    NOISE_RULES,
    harper_rule_id,
    harper_severity,
    turned_off_elsewhere,
)
from asyncwriter.checks.spelling.skips import ProseView, prose_view
from asyncwriter.rule_settings import effective_setting

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.grammar.paragraphs import Paragraph
    from asyncwriter.checks.spelling.engine import Engine, EngineLint
    from asyncwriter.rule_settings import RuleSetting

#: Paragraphs kept in the cache (a long draft has a few hundred).
CACHE_SIZE = 4_000
#: About this many characters go to the engine in one call.
BATCH_CHARS = 20_000
#: What joins the paragraphs of one call: a blank line, a paragraph break to the engine.
_JOIN = "\n\n"
#: Harper rules whose lint may be about a name: dropped on a name like a misspelling.
_NAME_RULES = frozenset({"OrthographicConsistency"})

_Key = tuple[frozenset[str], tuple[tuple[str, bool], ...]]


@dataclass(frozen=True, slots=True)
class _Checked:
    """A paragraph's lints that survived the skips, and the names it uses mid-sentence."""

    lints: tuple[tuple[EngineLint, str, bool], ...]  # lint, its word, starts a sentence
    names: frozenset[str]


class SpellingChecker:
    """Checks paragraphs with an embedded engine, remembering results by paragraph text.

    Thread-safe: the lint thread reads the cache while a worker fills it.
    """

    def __init__(self, engine: Engine, *, words: Iterable[str] = ()) -> None:
        self.engine = engine
        self.set_words(words)
        self._cache: OrderedDict[_Key, _Checked] = OrderedDict()
        self._lock = threading.Lock()
        self._enabled: frozenset[str] = frozenset()

    @property
    def loaded(self) -> bool:
        """True once the engine is built, so checking a paragraph takes milliseconds."""
        return self.engine.loaded

    def set_words(self, words: Iterable[str]) -> None:
        """Use a new dictionary; cached results stay valid (it is applied when reading)."""
        words = list(words)
        self.words = frozenset(words)
        self._lower_words = frozenset(w.lower() for w in words if w == w.lower())

    def known_word(self, word: str) -> bool:
        """Return True when the writer added ``word``, or work messages use it ("runbook").

        Lower-case words match any capitalisation.
        """
        low = word.lower()
        return word in self.words or low in self._lower_words or low in work_words()

    def _key(self, paragraph: Paragraph) -> _Key:
        return (self._enabled, tuple((t, r is not None) for t, r in paragraph.pieces))

    def review(
        self, analysis: Analysis, settings: Mapping[str, RuleSetting] | None = None
    ) -> GrammarOutcome:
        """Split the draft into paragraphs and note which ones are not checked yet.

        ``settings`` decide which noise rules the writer turned back on (by their own key,
        e.g. ``"grammar.OxfordComma" = "info"``); those are checked too.
        """
        self._enabled = frozenset(
            rule for rule in NOISE_RULES if (settings or {}).get(f"grammar.{rule}") is not None
        )
        found, truncated = paragraphs(analysis)
        with self._lock:
            pending = [p for p in found if self._key(p) not in self._cache]
        return GrammarOutcome(paragraphs=found, pending=pending, truncated=truncated)

    def fetch(self, pending: Iterable[Paragraph]) -> None:
        """Check paragraphs not checked yet (blocking; builds the engine on first use).

        Paragraphs go to the engine in batches joined by blank lines: one call per batch
        costs far less than one per paragraph on a cold draft, and a problem that would
        run across two paragraphs is dropped.

        Raises:
            SpellingError: the engine cannot be loaded.
        """
        enabled = self._enabled
        todo: dict[_Key, ProseView] = {}
        with self._lock:
            for paragraph in pending:
                key = (enabled, tuple((t, r is not None) for t, r in paragraph.pieces))
                if key not in self._cache and key not in todo:
                    todo[key] = prose_view(paragraph)
        batch: list[tuple[_Key, ProseView]] = []
        size = 0
        for key, view in todo.items():
            batch.append((key, view))
            size += len(view.text) + len(_JOIN)
            if size >= BATCH_CHARS:
                self._check_batch(batch, enabled)
                batch, size = [], 0
        if batch:
            self._check_batch(batch, enabled)

    def _check_batch(self, batch: list[tuple[_Key, ProseView]], enabled: frozenset[str]) -> None:
        starts: list[int] = []
        pos = 0
        for _key, view in batch:
            starts.append(pos)
            pos += len(view.text) + len(_JOIN)
        lints = self.engine.check(_JOIN.join(view.text for _k, view in batch), enabled)
        per: list[list[EngineLint]] = [[] for _ in batch]
        for lint in lints:
            i = bisect.bisect_right(starts, lint.start) - 1
            if i < 0 or lint.end > starts[i] + len(batch[i][1].text):
                continue  # across two paragraphs, or in the blank line between them
            per[i].append(replace(lint, start=lint.start - starts[i], end=lint.end - starts[i]))
        with self._lock:
            for (key, view), found in zip(batch, per, strict=True):
                self._cache[key] = _keep(view, found)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)

    def findings(
        self, outcome: GrammarOutcome, settings: Mapping[str, RuleSetting]
    ) -> list[Finding]:
        """Return findings for every checked paragraph, with the dictionary, names and settings.

        A capitalised word that does not start a sentence is taken for a name, and so is
        the same word at a sentence's start once the draft uses it mid-sentence.
        """
        with self._lock:
            cached = [(p, self._cache.get(self._key(p))) for p in outcome.paragraphs]
        names: set[str] = set()
        for _p, checked in cached:
            if checked is not None:
                names |= checked.names
        out: list[Finding] = []
        for paragraph, checked in cached:
            if checked is None:
                continue
            for lint, word, first in checked.lints:
                rule_id = harper_rule_id(lint.rule)
                if rule_id == MISSPELLING or lint.rule in _NAME_RULES:
                    if self.known_word(word) or _is_name(word, first, names, lint):
                        continue
                default = harper_severity(lint.kind)
                if lint.rule in NOISE_RULES and f"grammar.{lint.rule}" not in settings:
                    continue
                severity = effective_setting(rule_id, default, settings)
                if severity is None or turned_off_elsewhere(rule_id, settings):
                    continue
                start = paragraph.start + lint.start
                out.append(
                    Finding(
                        rule_id,
                        severity,
                        start,
                        paragraph.start + lint.end,
                        _message(rule_id, word, lint),
                        lint.suggestions,
                        "misspelling" if rule_id == MISSPELLING else lint.kind.lower(),
                    )
                )
        return out


def _keep(view: ProseView, lints: Iterable[EngineLint]) -> _Checked:
    """Return a paragraph's lints without those about code, URLs or skipped tokens."""
    kept: list[tuple[EngineLint, str, bool]] = []
    for lint in lints:
        length = lint.end - lint.start
        if length <= 0 or lint.end > len(view.text):
            continue
        covered = view.overlaps(lint.start, lint.end)
        spelling = harper_rule_id(lint.rule) == MISSPELLING or lint.rule in _NAME_RULES
        if covered and (spelling or covered * 2 >= length):
            continue  # about code, a URL or a token that is not prose
        if lint.rule == "AnA" and _next_word_skipped(view, lint.end):
            continue  # "a" before an acronym read as letters ("a URL", "an SLA")
        word = view.text[lint.start : lint.end]
        kept.append((lint, word, view.starts_sentence(lint.start)))
    return _Checked(tuple(kept), view.names)


def _message(rule_id: str, word: str, lint: EngineLint) -> str:
    """Say what is wrong; a misspelling names its best fix, so text output is enough."""
    if rule_id != MISSPELLING:
        return lint.message
    if lint.suggestions:
        return f"“{word}” looks misspelled: did you mean “{lint.suggestions[0]}”?"
    return f"“{word}” is not in the dictionary."


def _is_name(word: str, first: bool, names: set[str], lint: EngineLint) -> bool:
    """Return True when a flagged word reads as a name rather than a mistake."""
    if not word[:1].isupper():
        return False
    if lint.rule in _NAME_RULES and not any(s.isupper() for s in lint.suggestions):
        return False  # a product's casing ("Github" → "GitHub") is worth reporting
    return not first or word in names


def _next_word_skipped(view: ProseView, end: int) -> bool:
    """Return True when the word after ``end`` is skipped (an acronym, code, a URL)."""
    rest = view.text[end:]
    stripped = rest.lstrip()
    if not stripped:
        return False
    start = end + len(rest) - len(stripped)
    return view.overlaps(start, start + 1) > 0


@functools.cache
def work_words() -> frozenset[str]:
    """Return the work words every writer's dictionary has (``vocabulary/spelling.toml``)."""
    return frozenset(vocabulary.words("spelling", "work_words"))


def embedded_checker(words: Iterable[str] = ()) -> SpellingChecker:
    """Return a checker on the embedded engine (Harper), not loaded yet (that is lazy)."""
    from asyncwriter.checks.spelling.harper_engine import HarperEngine

    return SpellingChecker(HarperEngine(), words=words)
