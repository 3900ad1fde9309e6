"""Finding saves SQLite would silently drop: a damaged frame in the store's write-ahead log.

When SQLite opens a store whose WAL was left behind (after a crash, or by another
instance), it replays the log frame by frame and stops at the first frame whose checksum
does not match: that frame and every later one are ignored, including whole transactions
that were committed and fsynced, and the store then looks perfectly healthy (``PRAGMA
quick_check`` is ok). So before SQLite sees the log, :func:`damaged_frame` reads it the way
SQLite would and looks past the first bad frame: if a later frame still checks out against
its predecessor and ends a transaction, committed saves are about to be lost, and the
caller keeps a copy of the files as found and says so.

A torn last transaction (a crash in the middle of a save that never returned) leaves bad
frames only at the end of the log, with nothing valid after them; that is not damage (no
save that returned is lost) and is not reported. What cannot be told apart from a torn
write, and so is not reported, is damage to the last frame of the last transaction only.
The format is https://www.sqlite.org/fileformat.html#the_write_ahead_log.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path
    from typing import BinaryIO

_MAGIC = (0x377F0682, 0x377F0683)  # checksums in little- / big-endian words
_HEADER = 32
_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


def damaged_frame(wal: Path) -> str | None:
    """Return what is damaged in ``wal`` if committed saves after it would be lost, else None.

    Reads the log once, a frame at a time (memory stays one page). A missing, empty or
    unreadable log, or one that is not a WAL at all, is None: there is nothing to lose.
    """
    try:
        with wal.open("rb") as log:
            return _scan(log)
    except OSError:
        return None


def _scan(log: BinaryIO) -> str | None:
    read = log.read
    header = read(_HEADER)
    if len(header) < _HEADER:
        return None
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", header)
    if magic not in _MAGIC or page_size < 512 or page_size & (page_size - 1):
        return None
    order = ">" if magic & 1 else "<"
    broken: int | None = None
    header_damaged = _checksum(header[:24], (0, 0), order) != (c1, c2)
    if header_damaged:
        broken = 0  # SQLite ignores the whole log; its frames still name their own salts
    previous = (c1, c2)
    number = 0
    lost_through = 0  # the last committed frame after the damage
    while True:
        frame = read(_FRAME_HEADER + page_size)
        if len(frame) < _FRAME_HEADER + page_size:
            break
        number += 1
        page, commit, f_salt1, f_salt2, f1, f2 = struct.unpack(">6I", frame[:_FRAME_HEADER])
        if header_damaged and number == 1:
            salt1, salt2 = f_salt1, f_salt2
        if (f_salt1, f_salt2) != (salt1, salt2):
            break  # the end of this log's frames (older ones follow after a restart)
        seed = previous
        previous = (f1, f2)
        valid = page != 0 and _checksum(frame[:8] + frame[_FRAME_HEADER:], seed, order) == (f1, f2)
        if broken is None:
            if not valid:
                broken = number
        elif valid and commit:
            lost_through = number
    if broken is None or not lost_through:
        return None
    where = "its header" if broken == 0 else f"frame {broken}"
    return (
        f"its write-ahead log is damaged at {where}, so the saves written after that "
        f"(through frame {lost_through}) cannot be read back"
    )


def _checksum(data: bytes, seed: tuple[int, int], order: str) -> tuple[int, int]:
    """SQLite's WAL checksum: Fibonacci-weighted sums of 32-bit word pairs."""
    s0, s1 = seed
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & _MASK
        s1 = (s1 + words[i + 1] + s0) & _MASK
    return s0, s1
