"""Operating-system errors in words a writer understands (a full disk above all).

``strerror`` for a full disk is "No space left on device", and a quota that ran out reads
"Disk quota exceeded"; worse, SQLite reports some of its writes that failed for want of
space as a generic input/output error. Whoever turns a failed write into a message asks
here, so every place says "the disk is full" the same way.
"""

from __future__ import annotations

import errno
import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

DISK_FULL = "the disk is full"
QUOTA_FULL = "the disk is full (your disk quota is used up)"
#: Below this many free bytes a failed write is put down to a full disk.
LOW_SPACE_BYTES = 1 << 20

_WORDS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: QUOTA_FULL,
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def describe(exc: OSError) -> str:
    """Return why ``exc`` happened, in words (the system's own words when we have none)."""
    words = _WORDS.get(exc.errno) if exc.errno is not None else None
    return words or exc.strerror or str(exc)


def disk_is_full(folder: Path) -> bool:
    """Return True when the disk holding ``folder`` has (almost) no space left for us.

    Used when a write failed without saying why (SQLite's "disk I/O error"): if there is no
    room, that is the likely reason and the one the writer can act on.
    """
    for place in (folder, *folder.parents):
        try:
            return shutil.disk_usage(place).free < LOW_SPACE_BYTES
        except OSError:
            continue  # the folder may not exist yet
    return False
