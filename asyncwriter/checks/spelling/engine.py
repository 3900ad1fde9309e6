"""What the spelling checker needs from an engine, so Harper can be swapped for another.

An engine answers for one paragraph of plain text at a time, in ``str`` indices, with its
own rule names; everything AsyncWriter-specific (ids, skips, the dictionary, settings, the
cache) is the checker's, so a new engine is one small module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from asyncwriter.checks.grammar.outcome import GrammarError

if TYPE_CHECKING:
    from collections.abc import Iterable


class SpellingError(GrammarError):
    """The embedded engine cannot run (not installed, or it failed to load).

    A subclass of :class:`GrammarError` so it can sit on a report's outcome like
    LanguageTool's errors; trying again does not help, so ``retry`` is False.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, retry=False)


@dataclass(frozen=True, slots=True)
class EngineLint:
    """One problem an engine found, in ``str`` indices into the text it was given.

    Attributes:
        rule: the engine's own rule name (Harper's ``SpellCheck``, ``AnA`` ...).
        kind: the engine's category (Harper's lint kind: ``Spelling``, ``Grammar`` ...).
        suggestions: replacements for the span, best first.
    """

    start: int
    end: int
    rule: str
    kind: str
    message: str
    suggestions: tuple[str, ...] = ()


class Engine(Protocol):
    """An embedded spelling and grammar engine (thread-safe: calls may come from any thread)."""

    #: A short name for the status line and errors ("Harper").
    name: str

    @property
    def loaded(self) -> bool:
        """True once the engine is built (a check will not pay the start-up cost)."""
        ...

    def load(self) -> None:
        """Build the engine now (slow: call it off the UI thread).

        Raises:
            SpellingError: the engine cannot be imported or built.
        """
        ...

    def check(self, text: str, enabled: Iterable[str]) -> list[EngineLint]:
        """Return the problems in one paragraph of plain text, loading the engine if needed.

        Args:
            text: the paragraph (markup already blanked to spaces).
            enabled: rules that are off by default but the writer turned on.

        Raises:
            SpellingError: the engine cannot be imported or built.
        """
        ...
