r"""Offsets in a Python ``str`` to LSP positions and back, in the encoding agreed on.

The engine's findings count code points; LSP positions are a zero-based line and a column
counted in UTF-16 code units unless client and server agree on UTF-8 or UTF-32 at
``initialize``. An emoji before a finding is one code point but two UTF-16 units, so a
column copied from the engine would underline the wrong word.

Lines end at "\n", "\r\n" or a lone "\r", as the protocol says (and as the engine counts,
see :mod:`asyncwriter.checks.lines`); ``str.splitlines`` also splits at form feeds, U+2028
and others, which would put every later finding on the wrong line.
"""

from __future__ import annotations

import bisect
import re

#: The encodings LSP names (``PositionEncodingKind``), and the default.
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_END = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    """Return how many code units ``text`` takes in ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    """Converts between offsets and (line, character) for one text, built once per text."""

    __slots__ = ("_encoding", "_starts", "_text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self._text = text
        self._encoding = encoding
        self._starts = [0, *(m.end() for m in _LINE_END.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the zero-based line and character (in code units) of ``offset``."""
        offset = min(max(offset, 0), len(self._text))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return line, _units(self._text[start:offset], self._encoding)

    def offset(self, line: int, character: int) -> int:
        """Return the offset of a position; past a line's end means its end, as LSP says."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self._text)
        start = self._starts[line]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
        content = self._text[start:end].rstrip("\r\n")  # a line holds no other "\r" or "\n"
        if self._encoding == UTF32 or content.isascii():
            return start + min(max(character, 0), len(content))
        units = 0
        for index, ch in enumerate(content):
            if units >= character:
                return start + index
            units += _units(ch, self._encoding)
        return start + len(content)
