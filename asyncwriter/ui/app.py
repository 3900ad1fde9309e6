"""Start the desktop app: the window first, the language pipeline right after it shows.

The window appears before spaCy is imported (about 0.6 s): the first lint, started as
soon as the event loop runs, loads it in the background thread, and the status bar says
so until findings arrive. The draft that was open last time is read from the store on its
own thread meanwhile.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from asyncwriter import __version__, paths
from asyncwriter.ui import single_instance, theme
from asyncwriter.ui.app_icon import app_icon
from asyncwriter.window_args import WindowRequest

if TYPE_CHECKING:
    from asyncwriter.ui.main_window import MainWindow


def application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication (a test's, if there is one), named and themed."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("AsyncWriter")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("asyncwriter")  # the desktop entry: resources/desktop
    app.setWindowIcon(app_icon())
    theme.follow_system_scheme(app)
    return app


def build(
    argv: list[str] | None = None, request: WindowRequest | None = None
) -> tuple[QApplication, MainWindow]:
    """Create the application and show its window (the event loop is not started yet).

    The request's files open as drafts once the last session is back (instead of the
    first start's template picker).
    """
    from asyncwriter.ui.main_window import MainWindow  # the heavy import, after listening

    request = request or WindowRequest()
    app = application(argv)
    window = MainWindow()
    first_start = not window.state.started_before
    window.show()

    def restored() -> None:
        single_instance.deliver(request, window.import_file, window.say)
        # A first start offers the templates, unless a draft came back (after a crash).
        if first_start and not request.files and not window.editor.toPlainText():
            window.open_template_picker()

    window.keeper.restored.connect(restored)
    # The first lint, as soon as the loop runs, loads the language pipeline off the UI thread.
    QTimer.singleShot(0, window.linter.lint_now)
    return app, window


def run(argv: list[str] | None = None, request: WindowRequest | None = None) -> int:
    """Open the main window and run until it closes; return the exit status.

    Unless the request asks for a new window, this process listens for later instances (see
    :mod:`single_instance`; the CLI has already tried handing the request to a running one)
    before the window is built, and hands its own request over if one began meanwhile.
    """
    request = request or WindowRequest()
    server: single_instance.InstanceServer | None = None
    early: list[WindowRequest] = []  # requests taken before the window exists

    def keep(later: WindowRequest) -> None:
        early.append(later)

    if not request.new_window:
        app = application(argv)
        name = single_instance.server_name(paths.config_dir())
        server = single_instance.InstanceServer(name, app)
        # Listen before the window is built (its modules load for a second or so), so an
        # asyncwriter started meanwhile finds this one instead of opening a second window.
        if not server.listen():
            # One started since the command line looked: it takes the files instead.
            if single_instance.hand_over(name, request):
                return 0
            server = None
        else:
            server.requested.connect(keep)
    app, window = build(argv, request)
    if server is not None:

        def asked(later: WindowRequest) -> None:
            single_instance.bring_forward(window)
            single_instance.deliver(later, window.import_file, window.say)

        server.requested.disconnect(keep)
        server.requested.connect(asked)
        for later in early:
            QTimer.singleShot(0, lambda later=later: asked(later))
    return app.exec()
