"""Harper (harper-py, pinned) as the embedded engine: built once, lazily, behind a lock.

Why this engine: it is the only candidate that works after a plain ``pip install`` on
Linux, macOS and Windows, with fewer false alarms on technical words than Hunspell and
better suggestions (see the README's comparison). Its costs are shaped around here:
building a ``Linter`` takes about a second and ~140 MB, so there is one per process, made
on first use off the UI thread; a ``Linter`` is not thread-safe, so calls are serialised;
and ``harper`` is imported only then, so a broken install costs nothing until it is needed
and is reported as a :class:`~.engine.SpellingError`, once.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from asyncwriter.checks.spelling.engine import EngineLint, SpellingError
from asyncwriter.checks.spelling.ids import NOISE_RULES

if TYPE_CHECKING:
    from collections.abc import Iterable

logger = logging.getLogger(__name__)


class HarperEngine:
    """Harper's American English rules, with the noise rules off unless turned on."""

    name = "Harper"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._linter: Any = None
        self._error: SpellingError | None = None
        self._enabled: frozenset[str] | None = None

    @property
    def loaded(self) -> bool:
        """True once the ``Linter`` is built."""
        return self._linter is not None

    def load(self) -> None:
        """Build the ``Linter`` if it is not built yet (about a second; off the UI thread).

        Raises:
            SpellingError: harper-py is missing or failed to load; remembered, so later
                calls fail at once with the same message.
        """
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> Any:
        if self._linter is not None:
            return self._linter
        if self._error is not None:
            raise self._error
        try:
            import harper

            self._linter = harper.Linter(harper.Dialect.AMERICAN)
        except Exception as exc:  # an import error, or a native library that will not load
            logger.debug("Harper could not be loaded", exc_info=True)
            self._error = SpellingError(f"the built-in spelling checker could not load ({exc})")
            raise self._error from exc
        return self._linter

    def check(self, text: str, enabled: Iterable[str]) -> list[EngineLint]:
        """Return Harper's lints for one paragraph of plain text, spelling rules first.

        ``dedup`` is off: Harper's own de-duplication lets long lints hide misspellings and
        lets ``SplitWords`` hide ``SpellCheck``'s better suggestion; the checker merges
        same-span findings itself, spelling first.

        Raises:
            SpellingError: Harper cannot be loaded.
        """
        wanted = frozenset(enabled) & NOISE_RULES
        with self._lock:
            linter = self._load_locked()
            if wanted != self._enabled:
                linter.set_lint_config({rule: rule in wanted for rule in NOISE_RULES})
                self._enabled = wanted
            organized = linter.organized_lints(text, language="plaintext", dedup=False)
        out: list[EngineLint] = []
        for rule, lints in sorted(organized.items(), key=lambda item: _order(item[0])):
            for lint in lints:
                span = lint.span
                out.append(
                    EngineLint(
                        span.start,
                        span.end,
                        rule,
                        lint.lint_kind,
                        lint.message.replace("`", "“", 1).replace("`", "”", 1),
                        tuple(_replacement(lint.problem_text, s) for s in lint.suggestions),
                    )
                )
        return out


def _order(rule: str) -> tuple[int, str]:
    """Spell check first (its suggestions are the best), then the other spelling rules."""
    return ({"SpellCheck": 0, "The": 1, "SplitWords": 2}.get(rule, 3), rule)


def _replacement(problem: str, suggestion: Any) -> str:
    """Return what replaces the lint's span: Harper's insert-after keeps the problem text."""
    kind = int(suggestion.kind)
    if kind == 1:  # REMOVE
        return ""
    if kind == 2:  # INSERT_AFTER
        return problem + str(suggestion.replacement_text)
    return str(suggestion.replacement_text)
