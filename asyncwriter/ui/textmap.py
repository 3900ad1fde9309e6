"""Offsets between Python strings (code points) and Qt documents (UTF-16 code units).

The checks report spans as Python ``str`` indices; ``QTextCursor`` positions count UTF-16
code units, so every character outside the Basic Multilingual Plane (most emoji) shifts
later positions by one. The map is built once per report and costs nothing for text
without such characters.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between code point offsets and UTF-16 offsets in one text."""

    __slots__ = ("_astral", "_astral16")

    def __init__(self, text: str) -> None:
        #: Code point indices of astral characters, and their UTF-16 positions.
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """Return the UTF-16 position of code point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def to_code_point(self, position: int) -> int:
        """Return the code point offset of UTF-16 ``position`` (rounding down mid-pair)."""
        if not self._astral:
            return position
        ended = bisect.bisect_right(self._astral16, position - 2)
        mid = ended < len(self._astral16) and self._astral16[ended] == position - 1
        return position - ended - (1 if mid else 0)
