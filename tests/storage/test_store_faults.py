"""The store's schema migrations and its faults: damaged files, full disks, folders it cannot use."""

from __future__ import annotations

import os
import sqlite3

import pytest

from asyncwriter.storage import MIGRATIONS, Store, StoreError, new_id

V2 = "ALTER TABLE drafts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;\nCREATE INDEX drafts_pinned ON drafts (pinned);"


def test_a_new_store_is_at_the_latest_version(tmp_path):
    store = Store.open(tmp_path / "d.sqlite3").store
    assert store.version == len(MIGRATIONS)
    store.close()


def test_a_later_version_opens_an_earlier_store_and_keeps_its_drafts(tmp_path):
    path = tmp_path / "d.sqlite3"
    old = Store.open(path).store
    draft_id = new_id()
    old.save(draft_id, "Subject: written by version one\n\nwith a gateway")
    old.record_export(draft_id, "slack")
    old.close()

    newer = Store.open(path, migrations=(*MIGRATIONS, V2)).store
    assert newer.version == len(MIGRATIONS) + 1
    assert newer.get(draft_id).title == "written by version one"
    assert [s.id for s in newer.search("gateway")] == [draft_id]
    assert newer._db.execute("SELECT pinned FROM drafts").fetchone()[0] == 0
    assert newer.integrity_check() == "ok"
    newer.close()


def test_a_failing_migration_leaves_the_store_at_the_version_before(tmp_path):
    path = tmp_path / "d.sqlite3"
    Store.open(path).store.close()
    broken = V2 + "\nCREATE TABLE drafts (x);"  # fails after the first statements ran
    with pytest.raises(StoreError):
        Store.open(path, migrations=(*MIGRATIONS, broken))
    store = Store.open(path).store
    assert store.version == len(MIGRATIONS)
    columns = [row[1] for row in store._db.execute("PRAGMA table_info(drafts)")]
    assert "pinned" not in columns
    store.close()


def test_a_store_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "d.sqlite3"
    Store.open(path, migrations=(*MIGRATIONS, V2)).store.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer AsyncWriter"):
        Store.open(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_new_store_started(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    path.write_bytes(b"this is not sqlite, but it is somebody's data\n" * 100)
    original = path.read_bytes()
    opened = Store.open(path)
    assert opened.moved_aside is not None
    assert opened.moved_aside.read_bytes() == original
    assert opened.moved_aside.name.startswith("drafts.sqlite3.damaged-")
    assert opened.damage
    draft_id = new_id()
    opened.store.save(draft_id, "typing goes on")
    assert opened.store.get(draft_id).body == "typing goes on"
    opened.store.close()


def test_a_store_with_damaged_pages_is_moved_aside(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    store = Store.open(path).store
    for n in range(300):
        store.save(new_id(), f"draft {n} " + "words " * 200)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 7):  # scribble over b-tree pages
        data[offset : offset + 64] = os.urandom(64)
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    opened = Store.open(path)
    assert opened.moved_aside is not None
    assert opened.moved_aside.read_bytes() == damaged  # never written to
    assert opened.store.count() == 0
    assert opened.store.integrity_check() == "ok"
    opened.store.close()


def test_a_folder_that_cannot_be_created_is_reported_without_touching_anything(tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store.open(blocker / "asyncwriter" / "drafts.sqlite3")
    assert blocker.read_text() == "a file where the folder should be"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_is_reported(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError) as caught:
            Store.open(folder / "drafts.sqlite3")
        assert not caught.value.damaged
    finally:
        folder.chmod(0o700)


def test_a_full_disk_is_reported_and_the_previous_version_kept(tmp_path):
    store = Store.open(tmp_path / "d.sqlite3").store
    draft_id = new_id()
    store.save(draft_id, "small")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "disk is full"
    with pytest.raises(StoreError, match="disk is full") as caught:
        store.save(draft_id, "big " * 100_000, revision=1)
    assert not caught.value.damaged
    assert store.get(draft_id).body == "small"
    assert store.get(draft_id).revision == 1
    assert store.integrity_check() == "ok"
    store.close()


def test_two_connections_share_one_store_safely(tmp_path):
    path = tmp_path / "d.sqlite3"
    first = Store.open(path).store
    second = Store.open(path).store
    ids = []
    for n in range(50):
        for store in (first, second):
            draft_id = new_id()
            store.save(draft_id, f"draft {n}")
            ids.append(draft_id)
    assert first.count() == second.count() == 100
    shared = ids[0]
    second.save(shared, "second window", revision=1)
    with pytest.raises(StoreError, match="another window"):
        first.save(shared, "first window", revision=1)
    assert first.integrity_check() == "ok"
    first.close()
    second.close()


def test_sqlite_errors_are_described_in_words(tmp_path):
    store = Store.open(tmp_path / "d.sqlite3").store
    other = sqlite3.connect(tmp_path / "d.sqlite3", timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    store._db.execute("PRAGMA busy_timeout = 50")
    with pytest.raises(StoreError, match="holding the store locked"):
        store.save(new_id(), "x")
    other.rollback()
    other.close()
    store.close()
