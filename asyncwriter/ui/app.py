"""Start the desktop app: the window first, the language pipeline right after it shows.

The window appears before spaCy is imported (about 0.6 s): the first lint, started as
soon as the event loop runs, loads it in the background thread, and the status bar says
so until findings arrive.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from asyncwriter import __version__
from asyncwriter.ui import theme
from asyncwriter.ui.main_window import MainWindow


def run(argv: list[str] | None = None) -> int:
    """Open the main window and run until it closes; return the exit status."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("AsyncWriter")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("asyncwriter")
    theme.follow_system_scheme(app)  # type: ignore[arg-type]
    window = MainWindow()
    first_start = not window.state.started_before
    window.show()

    def after_show() -> None:
        window.linter.lint_now()  # loads the language pipeline off the UI thread
        if first_start:
            window.open_template_picker()

    QTimer.singleShot(0, after_show)
    return app.exec()
