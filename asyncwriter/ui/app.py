"""Start the desktop app: the window first, the language pipeline right after it shows.

The window appears before spaCy is imported (about 0.6 s): the first lint, started as
soon as the event loop runs, loads it in the background thread, and the status bar says
so until findings arrive. The draft that was open last time is read from the store on its
own thread meanwhile.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from asyncwriter import __version__
from asyncwriter.ui import theme
from asyncwriter.ui.main_window import MainWindow


def build(argv: list[str] | None = None) -> tuple[QApplication, MainWindow]:
    """Create the application and show its window (the event loop is not started yet)."""
    existing = QApplication.instance()  # a test's QApplication, if there is one
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("AsyncWriter")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("asyncwriter")
    theme.follow_system_scheme(app)
    window = MainWindow()
    first_start = not window.state.started_before
    window.show()

    def restored() -> None:
        # A first start offers the templates, unless a draft came back (after a crash).
        if first_start and not window.editor.toPlainText():
            window.open_template_picker()

    window.keeper.restored.connect(restored)
    # The first lint, as soon as the loop runs, loads the language pipeline off the UI thread.
    QTimer.singleShot(0, window.linter.lint_now)
    return app, window


def run(argv: list[str] | None = None) -> int:
    """Open the main window and run until it closes; return the exit status."""
    app, _window = build(argv)
    return app.exec()
