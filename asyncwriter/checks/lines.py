r"""Line and column numbers for ``str`` offsets, worked out once per text.

Checks think in offsets; people, editors and the JSON contract think in lines. The analysis
and the report both need the mapping, so it sits below both.

A line ends at "\n", "\r\n" or a lone "\r", as it does for CommonMark (markdown-it), the
Language Server Protocol and Qt's editor: with "\r" alone counted as text, the parser's
line numbers ran past the index's and findings came out twice, past the end of the text.
"""

from __future__ import annotations

import bisect
import re

#: A carriage return that ends a line on its own (old Mac files, some pastes).
LONE_CR = re.compile(r"\r(?!\n)")


def normalize_lone_cr(text: str) -> str:
    r"""Return ``text`` with each lone "\r" made "\n": the same length, the same lines."""
    return LONE_CR.sub("\n", text) if "\r" in text else text


class LineIndex:
    """Maps ``str`` offsets to 1-based (line, column), computed once per text."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        text = normalize_lone_cr(text)
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Return the offset where 1-based ``line`` starts."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]

    @property
    def line_count(self) -> int:
        """Return the number of lines (a trailing newline starts an empty last line)."""
        return len(self._starts)
