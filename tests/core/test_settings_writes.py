"""Saving settings: through a symlink (dotfiles), and a full disk said in plain words."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from asyncwriter import os_errors, settings
from asyncwriter.storage import as_store_error

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")


@needs_symlinks
def test_saving_writes_through_a_symlinked_settings_file(tmp_path):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "settings.toml"
    target.write_text('# from my dotfiles\n[time]\nzone = "UTC"\n', encoding="utf-8")
    link = tmp_path / "config" / "asyncwriter" / "settings.toml"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)

    loaded = settings.load(link)
    loaded.zone = "Europe/Berlin"
    assert settings.save(loaded) is None

    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8").startswith("# from my dotfiles\n")
    assert settings.load(target).zone == "Europe/Berlin"
    assert sorted(p.name for p in link.parent.iterdir()) == ["settings.toml"]
    assert sorted(p.name for p in dotfiles.iterdir()) == ["settings.toml"]


@needs_symlinks
def test_a_broken_symlinked_file_is_kept_beside_its_target(tmp_path):
    target = tmp_path / "dotfiles" / "settings.toml"
    target.parent.mkdir()
    target.write_text("not toml [\n", encoding="utf-8")
    link = tmp_path / "settings.toml"
    link.symlink_to(target)
    loaded = settings.load(link)
    loaded.zone = "UTC"
    kept = settings.save(loaded)
    assert kept is not None and kept.parent.resolve() == target.parent.resolve()
    assert kept.read_text(encoding="utf-8") == "not toml [\n"
    assert link.is_symlink() and settings.load(link).zone == "UTC"


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EDQUOT, "the disk is full (your disk quota")],
)
def test_a_full_disk_when_saving_settings_is_said_in_words(tmp_path, monkeypatch, code, words):
    folder = tmp_path / "settings"
    folder.mkdir()
    path = folder / "settings.toml"
    path.write_text('[time]\nzone = "UTC"\n', encoding="utf-8")
    loaded = settings.load(path)
    loaded.zone = "Europe/Berlin"

    def full(self: Path, data: str, *args: object, **kwargs: object) -> int:
        self.write_bytes(data.encode()[:3])  # what fitted before the disk filled up
        raise OSError(code, os.strerror(code), str(self))

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(settings.SettingsWriteError) as caught:
        settings.save(loaded)
    assert str(caught.value).startswith(f"cannot write {path}: {words}")
    assert "input/output" not in str(caught.value)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == '[time]\nzone = "UTC"\n'
    assert sorted(p.name for p in folder.iterdir()) == ["settings.toml"]


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EDQUOT, "your disk quota is used up")],
)
def test_a_full_disk_in_the_store_is_said_in_words(tmp_path, code, words):
    error = as_store_error(OSError(code, os.strerror(code)), tmp_path / "drafts.sqlite3")
    assert words in error.reason and not error.damaged


def io_error() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = 10 | (12 << 8)  # type: ignore[attr-defined]  # SQLITE_IOERR_SHMSIZE
    return exc


def test_a_sqlite_io_error_on_a_disk_with_no_room_is_a_full_disk(tmp_path, monkeypatch):
    path = tmp_path / "drafts.sqlite3"
    assert as_store_error(io_error(), path).reason == "the disk reported an input/output error"
    monkeypatch.setattr(
        os_errors.shutil,
        "disk_usage",
        lambda _p: type("Usage", (), {"free": 4096})(),
    )
    assert as_store_error(io_error(), path).reason == "the disk is full"
