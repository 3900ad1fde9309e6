"""A damaged write-ahead log: SQLite drops the saves after the damage; the store says so.

The log is left behind as a crash leaves it (the store's files copied while it is open),
then one byte of one frame is flipped, as a bad sector or a stray write would.
"""

from __future__ import annotations

import shutil
import struct
from typing import TYPE_CHECKING

import pytest

from asyncwriter import wal_check
from asyncwriter.storage import Store, new_id

if TYPE_CHECKING:
    from pathlib import Path


def crashed_store(tmp_path: Path, saves: int = 3) -> tuple[Path, list[str]]:
    """Return a store's file with its WAL as a crash leaves them, and the drafts saved."""
    live = tmp_path / "live" / "drafts.sqlite3"
    live.parent.mkdir()
    store = Store.open(live).store
    ids = []
    for n in range(saves):
        draft_id = new_id()
        store.save(draft_id, f"Subject: draft {n}\n\n" + "words " * 200)
        ids.append(draft_id)
    crashed = tmp_path / "crashed" / "drafts.sqlite3"
    crashed.parent.mkdir()
    shutil.copy(live, crashed)
    shutil.copy(wal_of(live), wal_of(crashed))
    store.close()
    return crashed, ids


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def frame_offset(wal: Path, frame: int) -> int:
    """Return where frame ``frame`` (1-based) starts in ``wal``."""
    page_size = struct.unpack(">I", wal.read_bytes()[8:12])[0]
    return 32 + (frame - 1) * (24 + page_size)


def flip(wal: Path, offset: int) -> None:
    data = bytearray(wal.read_bytes())
    data[offset] ^= 0xFF
    wal.write_bytes(bytes(data))


def frames(wal: Path) -> int:
    page_size = struct.unpack(">I", wal.read_bytes()[8:12])[0]
    return (wal.stat().st_size - 32) // (24 + page_size)


def test_an_intact_log_left_by_a_crash_is_not_reported(tmp_path):
    path, ids = crashed_store(tmp_path)
    opened = Store.open(path)
    assert opened.lost_saves is None and opened.kept_copy is None
    assert [opened.store.get(i).revision for i in ids] == [1, 1, 1]
    assert list(path.parent.glob("*.damaged-*")) == []
    opened.store.close()


@pytest.mark.parametrize("where", ["page", "frame header checksum", "log header"])
def test_a_damaged_frame_is_reported_and_the_files_kept_as_found(tmp_path, where):
    path, ids = crashed_store(tmp_path)
    wal = wal_of(path)
    offsets = {
        "page": frame_offset(wal, 2) + 24 + 100,
        "frame header checksum": frame_offset(wal, 2) + 17,
        "log header": 20,  # a salt: SQLite would ignore the whole log
    }
    flip(wal, offsets[where])
    damaged_wal = wal.read_bytes()
    found_db = path.read_bytes()

    opened = Store.open(path)
    assert opened.lost_saves is not None
    assert "write-ahead log is damaged" in opened.lost_saves
    assert "cannot be read back" in opened.lost_saves
    # The loss is real: SQLite dropped every save after the damage, and says all is well.
    assert opened.store.count() < len(ids)
    assert opened.store.integrity_check() == "ok"
    assert opened.kept_copy is not None and opened.kept_copy.name.startswith(
        "drafts.sqlite3.damaged-"
    )
    assert opened.kept_copy.read_bytes() == found_db
    assert wal_of(opened.kept_copy).read_bytes() == damaged_wal
    opened.store.save(new_id(), "the store keeps working")
    opened.store.close()


def test_a_torn_last_frame_is_not_damage(tmp_path):
    """A crash in the middle of a save that never returned leaves bad frames at the end only."""
    path, _ids = crashed_store(tmp_path)
    wal = wal_of(path)
    flip(wal, frame_offset(wal, frames(wal)) + 24 + 10)
    assert wal_check.damaged_frame(wal) is None
    opened = Store.open(path)
    assert opened.lost_saves is None and opened.kept_copy is None
    opened.store.close()


def test_no_log_and_a_log_that_is_not_one_are_not_damage(tmp_path):
    assert wal_check.damaged_frame(tmp_path / "missing-wal") is None
    junk = tmp_path / "junk-wal"
    junk.write_bytes(b"not a write-ahead log" * 1000)
    assert wal_check.damaged_frame(junk) is None
