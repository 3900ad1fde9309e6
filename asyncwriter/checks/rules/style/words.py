"""Words as a reader counts them, and the style rules' word lists (``vocabulary/style.toml``).

Every length rule counts words the same way, so they share one scan of the prose view per
draft (:class:`Words`). The word lists are language, not logic: they live in the vocabulary
file, and each module reads its lists through :func:`vocab` at import time.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from asyncwriter import vocabulary

if TYPE_CHECKING:
    from asyncwriter.checks.analysis import Analysis

#: The vocabulary file of the style rules (``asyncwriter/vocabulary/style.toml``).
VOCABULARY = "style"


def vocab(key: str) -> tuple[str, ...]:
    """Return the word list ``key`` of ``style.toml``, in file order."""
    return vocabulary.words(VOCABULARY, key)


def vocab_table(key: str) -> dict[str, str]:
    """Return the table ``key`` of ``style.toml`` (strings by name), in file order."""
    table = vocabulary.table(VOCABULARY, key)
    if not all(isinstance(v, str) for v in table.values()):
        raise TypeError(f"{VOCABULARY}.toml: {key} must be a table of strings")
    return table


def with_curly(words: tuple[str, ...]) -> frozenset[str]:
    """Return the words as a set, each with a straight and a curly apostrophe."""
    return frozenset(w for word in words for w in (word, word.replace("'", "\u2019")))


#: A word as a reader counts it: "INC-2302", "14:45" and "20k/min" are one word each.
_TOKEN = re.compile(r"(?<!\S)\S*?[^\W_x]\S*")


class Words:
    """The writer's words in the prose view, in order, as a reader counts them.

    Code spans and URLs are blanked with "x" in the prose view, so a token counts as a word
    only when it holds a letter or digit other than a lower-case "x" (which also drops the
    rare real word "x"); dashes, bullets and emoji are not words either.
    """

    __slots__ = ("_matches", "ends", "prose", "starts")

    def __init__(self, a: Analysis) -> None:
        """Scan the prose view of ``a`` once."""
        self.prose = a.prose
        # Keeping the matches makes the offsets and, later, the words' texts C-level maps
        # instead of a Python loop per word (this scan is most of the style rules' cost).
        self._matches = list(_TOKEN.finditer(a.prose))
        self.starts: list[int] = list(map(re.Match.start, self._matches))
        self.ends: list[int] = list(map(re.Match.end, self._matches))

    def texts(self, lo: int, hi: int) -> list[str]:
        """Return the words with indices in ``[lo, hi)``."""
        return list(map(re.Match.group, self._matches[lo:hi]))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the index range of the words inside ``[start, end)``."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def count(self, start: int, end: int) -> int:
        """Return how many words start inside ``[start, end)``."""
        lo, hi = self.span(start, end)
        return hi - lo
