"""Reading a message from a file or stdin as text, with errors a writer understands.

The CLI and the window's Markdown import share it, so both refuse binary files and
non-UTF-8 text with the same words.
"""

from __future__ import annotations

import sys

from asyncwriter import regular_files

STDIN_NAME = "<stdin>"
#: The largest input read as a message (file or stdin); anything bigger is not a message,
#: and a device such as /dev/zero (which claims no size) is never read past it.
MAX_INPUT_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be linted (missing, unreadable, binary or not UTF-8)."""


def read_input(path: str, limit: int = MAX_INPUT_BYTES) -> str:
    """Return the text of ``path`` (``-`` for stdin), exactly as given.

    Line endings are kept as they are, so offsets in findings point into the input as
    given. A byte-order mark is kept too (it is one code point of the input). Only a
    regular file is read (a FIFO or a device is refused, never waited on), and at most
    ``limit`` bytes of it or of stdin.

    Raises:
        InputError: the input is missing, unreadable, not a regular file, larger than
            ``limit``, binary or not UTF-8.
    """
    try:
        if path == "-":
            data = regular_files.read_stream(sys.stdin.buffer, limit, STDIN_NAME)
        else:
            data = regular_files.read_bytes(path, limit)
    except regular_files.FileTooLargeError:
        raise InputError(
            f"{display_name(path)}: more than a message (the limit is "
            f"{regular_files.size_text(limit)})"
        ) from None
    except regular_files.NotRegularFileError as exc:
        raise InputError(f"{path}: {exc.strerror}; give a file of text") from None
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
