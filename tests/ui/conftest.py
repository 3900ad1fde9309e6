"""Fixtures for tests that drive the real window (offscreen)."""

from __future__ import annotations

import pytest

from asyncwriter.ui.main_window import MainWindow

REPORT_TIMEOUT_MS = 15_000


@pytest.fixture
def open_window(qtbot, qapp):
    """Open windows once the test set the scene (settings, fakes); close them after."""
    opened: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow()
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        qtbot.wait(50)  # what the window decides once its event loop runs (offers) is done
        opened.append(win)
        return win

    yield make
    for win in opened:
        win.shutdown()
    # Under offscreen, a process that leaves QMimeData on the clipboard crashes at exit.
    qapp.clipboard().clear()


@pytest.fixture
def window(open_window):
    return open_window()


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
