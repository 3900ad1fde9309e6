"""The real window, edited as a typist does, for the latency benchmarks that need it.

``grammar_latency.py`` and ``spelling_latency.py`` both open a 1,000-word draft in the
window, wait until a checker's answer for it is on screen, then type a misspelled word into
one paragraph again and again and time the last key to the underline. What they share is
here: pumping Qt's events, watching the reports the window applies, and typing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    from asyncwriter.checks.model import Report
    from asyncwriter.ui.main_window import MainWindow

#: Seconds between two keys of a fast typist.
KEY_GAP = 0.04


def pump_until(app: QApplication, done: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Process Qt's events until ``done()`` is true; return False after ``timeout`` seconds."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.001)
    return False


class Reports:
    """The last report the window applied, and whether a checker's part of it is settled."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._latest: Report | None = None
        window.reportApplied.connect(self._applied)

    def _applied(self, report: Report) -> None:
        self._latest = report

    @property
    def latest(self) -> Report:
        """The last report applied (one has been, once ``settled`` said so)."""
        assert self._latest is not None, "no report applied yet"
        return self._latest

    def settled(self, part: str) -> bool:
        """Return True when the report is for the text on screen and ``part`` has answered.

        ``part`` is the report's attribute for a checker: "grammar" or "spelling".
        """
        report = self._latest
        if report is None or report.text != self.window.editor.toPlainText():
            return False
        answer = getattr(report, part)
        return answer is not None and not answer.pending


def type_at(app: QApplication, window: MainWindow, position: int, text: str) -> float:
    """Type ``text`` at ``position`` key by key; return the moment of the last key."""
    cursor = window.editor.textCursor()
    cursor.setPosition(position)
    window.editor.setTextCursor(cursor)
    stopped = time.perf_counter()
    for i, ch in enumerate(text):
        if i:
            time.sleep(KEY_GAP)
        QTest.keyClicks(window.editor, ch)
        stopped = time.perf_counter()
        app.processEvents()
    return stopped


def after_edit(window: MainWindow) -> int:
    """Return where the next edit goes (after this one), and put the caret at the end."""
    position = window.editor.textCursor().position()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    return position
