"""Reading the files the app reads by itself: regular files only, and only so many bytes.

A settings file, template or message that is really a FIFO would block its reader for
good, and one that is ``/dev/zero`` (a symlink in a dotfiles repository, a mistaken path)
would be read until memory runs out; ``st_size`` says nothing true about either. So a file
is opened without blocking, checked to be a regular file on the open descriptor (no race
with a rename between a check and the open), and read only up to a byte limit, whatever
size the file claims to have.

The errors are :class:`OSError` subclasses with a ``strerror`` in words, so callers that
already report ``exc.strerror`` for unreadable files report these the same way.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import BinaryIO

#: Read this much at a time (a limit is checked after each chunk, so memory stays bounded).
_CHUNK = 1 << 16
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)  # a terminal device never becomes our controlling tty
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotRegularFileError(OSError):
    """The path is a FIFO, a device or a socket: nothing a file of text can be read from."""


class FileTooLargeError(OSError):
    """The file holds more bytes than the reader accepts."""


def size_text(limit: int) -> str:
    """Return ``limit`` bytes in words (``256 KB``, ``20 MB``)."""
    if limit >= 1 << 20:
        return f"{limit / (1 << 20):.0f} MB"
    return f"{limit / 1024:.0f} KB"


def read_bytes(path: str | Path, limit: int) -> bytes:
    """Return the bytes of the regular file at ``path``, refusing anything else.

    Args:
        path: the file; symlinks are followed (a link to a regular file is read).
        limit: the most bytes accepted; a larger file is refused, not cut short.

    Raises:
        IsADirectoryError: ``path`` is a folder.
        NotRegularFileError: ``path`` is a FIFO, device or socket (never read).
        FileTooLargeError: the file has more than ``limit`` bytes (at most ``limit + 1``
            were read to find out).
        OSError: the file is missing or cannot be opened or read.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(
                errno.EINVAL, f"not a regular file but {_kind(mode)}", str(path)
            )
        return _read_bounded(lambda size: os.read(fd, size), limit, path)
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Return what ``stream`` (stdin, a pipe) holds, refusing more than ``limit`` bytes.

    Raises:
        FileTooLargeError: the stream gave more than ``limit`` bytes.
    """
    return _read_bounded(stream.read, limit, name)


def _read_bounded(read: Callable[[int], bytes], limit: int, name: str | Path) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise FileTooLargeError(errno.EFBIG, f"larger than {size_text(limit)}", str(name))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
