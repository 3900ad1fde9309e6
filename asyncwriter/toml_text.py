"""Parsing TOML the user wrote (settings, template front matter): every failure is a reason.

``tomllib`` raises :class:`tomllib.TOMLDecodeError` for a syntax error, but an array or
inline table nested a few thousand levels deep (``x = [[[[…``) overflows its recursive
parser with :class:`RecursionError` instead, and a huge document can run out of memory. One
such file in a shared team folder would crash every member's CLI and keep their window from
opening, so every TOML the app reads goes through :func:`parse`, which turns all of them
into one :class:`TomlError` the callers already know how to report.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


class TomlError(ValueError):
    """Text that is not usable TOML.

    Attributes:
        reason: what is wrong, in words, without the position.
        line: the 1-based line of the problem, or None (at the end, or not known).
    """

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason if line is None else f"line {line}: {reason}")
        self.reason = reason
        self.line = line


def parse(source: str) -> dict[str, Any]:
    """Return the table ``source`` holds.

    Raises:
        TomlError: ``source`` is not valid TOML, is nested too deeply to read, or is too
            large to hold in memory.
    """
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _POSITION.search(message)
        line = int(m.group(1)) if m and m.group(1) else None
        raise TomlError(_POSITION.sub("", message), line) from None
    except RecursionError:
        raise TomlError(
            "arrays or tables are nested too deeply to read (thousands of levels)"
        ) from None
    except MemoryError:
        raise TomlError("too large to read into memory") from None
