"""The real app in a subprocess, for the crash test: it types until it is killed, or reports.

``python -m tests.ui.crash_child type FILE [GO]`` starts AsyncWriter as ``asyncwriter`` does
(offscreen, with the XDG folders the test gives), waits for the session restore, then types
FILE's text into the editor one key every ``INTERVAL_MS``, printing ``typed N T`` after
each key (N: the editor's length, T: ``time.monotonic()``). The test kills it with SIGKILL.
With GO, a path, it prints ``ready`` and waits for that file to exist before typing, so a
test can start two apps typing at the same moment however long each took to start.

``python -m tests.ui.crash_child report`` starts it again and prints, as JSON, the text
and cursor position the session restore put in the editor, then exits without saving
anything (``os._exit``), so the store is left as the restore found it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from asyncwriter.ui.app import build

INTERVAL_MS = 25


def type_text(text: str, go: Path | None = None) -> None:
    """Type ``text`` into the window's editor, key by key, on a timer (once ``go`` exists)."""
    app, window = build([sys.argv[0]])
    position = 0

    def key() -> None:
        nonlocal position
        if position >= len(text):
            return
        char = text[position]
        if char == "\n":
            QTest.keyClick(window.editor, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(window.editor, char)
        position += 1
        print(f"typed {len(window.editor.toPlainText())} {time.monotonic():.4f}", flush=True)

    timer = QTimer(interval=INTERVAL_MS)
    timer.timeout.connect(key)

    waiting = QTimer(interval=10)

    def poll() -> None:
        if go is None or go.exists():
            waiting.stop()
            timer.start()

    waiting.timeout.connect(poll)

    def start() -> None:
        print("ready", flush=True)
        waiting.start()

    window.keeper.restored.connect(start)
    app.exec()


def report() -> None:
    """Print what the session restore brought back, then leave without a save."""
    app, window = build([sys.argv[0]])

    def done() -> None:
        cursor = window.editor.textCursor().position()
        print(json.dumps({"text": window.editor.toPlainText(), "cursor": cursor}), flush=True)
        os._exit(0)

    window.keeper.restored.connect(done)
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "type":
        go = Path(sys.argv[3]) if len(sys.argv) > 3 else None
        type_text(Path(sys.argv[2]).read_text(encoding="utf-8"), go)
    else:
        report()
