"""The window opens whatever the settings file holds: TOML nested thousands deep, a FIFO."""

from __future__ import annotations

import os
import threading

import pytest

from asyncwriter import paths


def test_the_window_opens_with_deeply_nested_settings(open_window):
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text("x = " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")
    win = open_window()
    assert win.isVisible()
    assert win.banner.isVisible()
    shown = win.banner.message.text()
    assert str(path) in shown and "nested too deeply" in shown


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_the_window_opens_with_a_fifo_for_settings(open_window):
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    done = threading.Event()

    def unblock() -> None:
        # The guard: were the window waiting to read the FIFO, this ends the wait (an empty
        # read), so a regression fails below instead of hanging the suite.
        if not done.wait(20):
            fd = os.open(path, os.O_WRONLY)
            os.close(fd)

    guard = threading.Thread(target=unblock, daemon=True)
    guard.start()
    try:
        win = open_window()
    finally:
        done.set()
    assert win.isVisible()
    assert str(path) in win.banner.message.text()
    assert "not a regular file" in win.banner.message.text()
