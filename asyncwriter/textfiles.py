"""Reading a message from a file or stdin as text, with errors a writer understands.

The CLI and the window's Markdown import share it, so both refuse binary files and
non-UTF-8 text with the same words.
"""

from __future__ import annotations

import sys

STDIN_NAME = "<stdin>"


class InputError(Exception):
    """An input that cannot be linted (missing, unreadable, binary or not UTF-8)."""


def read_input(path: str) -> str:
    """Return the text of ``path`` (``-`` for stdin), exactly as given.

    Line endings are kept as they are, so offsets in findings point into the input as
    given. A byte-order mark is kept too (it is one code point of the input).

    Raises:
        InputError: the input is missing, unreadable, binary or not UTF-8.
    """
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory (give the message files inside it)") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise InputError(f"{display_name(path)}: looks like a binary file, not a text message")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{display_name(path)}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save it as UTF-8 and try again"
        ) from None


def display_name(path: str) -> str:
    """Return how messages name ``path`` (``-`` is stdin)."""
    return STDIN_NAME if path == "-" else path
