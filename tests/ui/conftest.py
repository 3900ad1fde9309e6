"""Fixtures for tests that drive the real window (offscreen)."""

from __future__ import annotations

import pytest

from asyncwriter.ui.main_window import MainWindow

REPORT_TIMEOUT_MS = 15_000


@pytest.fixture
def window(qtbot, qapp):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.linter.shutdown()
    win.grammar.shutdown()
    win.exporter.shutdown()
    win.store.shutdown()
    # Under offscreen, a process that leaves QMimeData on the clipboard crashes at exit.
    qapp.clipboard().clear()


def wait_report(qtbot, win, *, action=None):
    """Run ``action`` (if any) and return the next report applied for the current text."""
    with qtbot.waitSignal(win.reportApplied, timeout=REPORT_TIMEOUT_MS) as blocker:
        if action is not None:
            action()
    report = blocker.args[0]
    while report.text != win.editor.toPlainText():
        with qtbot.waitSignal(win.reportApplied, timeout=REPORT_TIMEOUT_MS) as blocker:
            pass
        report = blocker.args[0]
    return report
