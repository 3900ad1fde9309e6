"""The window says so when the store's last saves could not be read back (a damaged log)."""

from __future__ import annotations

import shutil

from asyncwriter.storage import Store, new_id, store_file
from tests.storage.test_store_wal import flip, frame_offset, wal_of


def test_the_window_says_when_the_last_saves_were_lost(open_window, qtbot, tmp_path):
    live = tmp_path / "live.sqlite3"
    store = Store.open(live).store
    for n in range(3):
        store.save(new_id(), f"Subject: draft {n}\n\n" + "words " * 200)
    path = store_file()
    path.parent.mkdir(parents=True)
    shutil.copy(live, path)
    shutil.copy(wal_of(live), wal_of(path))
    store.close()
    flip(wal_of(path), frame_offset(wal_of(path), 2) + 24 + 100)

    win = open_window()
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5_000)
    shown = win.banner.message.text()
    assert "write-ahead log is damaged" in shown and "cannot be read back" in shown
    (kept,) = path.parent.glob("drafts.sqlite3.damaged-*[0-9]")
    assert str(kept) in shown
