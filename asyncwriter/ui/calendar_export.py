"""Export › Add Deadlines to Calendar…: the draft's deadlines as an ``.ics`` file.

The same calendar as ``asyncwriter export --format ics`` (:func:`asyncwriter.export.
calendar.calendar`): one event per deadline that resolves to a moment (an all-day event for
a day with no time), titled with the draft's subject or summary. The findings must be for
the text as it is now, so a pending lint runs first, as for a copy. The writer picks where
the file goes; it is written on a worker (a network folder may be slow) and never over the
draft. Nothing is sent anywhere: the writer opens the file with their calendar app.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from asyncwriter.draft_files import write_atomically
from asyncwriter.draft_text import derive_title
from asyncwriter.export.calendar import calendar, event_title
from asyncwriter.os_errors import describe
from asyncwriter.ui import clock
from asyncwriter.ui.background import Background
from asyncwriter.ui.mail_app import shown

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu, QWidget

    from asyncwriter.checks.model import Report
    from asyncwriter.ui.draft_session import DraftSession

#: The longest file name offered (the title's words, cut at a word).
MAX_NAME = 60


class CalendarExport(QObject):
    """Owns the menu action; asks for a file and writes the calendar there.

    Signals:
        saved(Path): the calendar file was written.
    """

    saved = Signal(object)

    def __init__(
        self,
        session: DraftSession,
        parent: QWidget,
        *,
        lint_now: Callable[[], None],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self._lint_now, self._say = lint_now, say
        self._pending = False
        self.worker = Background(self)
        self.action = QAction("Add &Deadlines to Calendar…", self)
        self.action.setShortcut(QKeySequence("Ctrl+E, C"))
        self.action.setStatusTip("Save the draft's deadlines as an .ics file for your calendar app")
        self.action.triggered.connect(self.start)
        session.reportApplied.connect(self._resume)

    def add_to(self, menu: QMenu, before: QAction) -> None:
        """Put the action in ``menu`` (the Export menu) above ``before``, with the mail ones."""
        menu.insertAction(before, self.action)

    def start(self) -> None:
        """Check the text as it is now, then ask where to save its deadlines."""
        if not self.session.current():
            self._pending = True
            self._say("Checking the draft before reading its deadlines…")
            self._lint_now()
            return
        # After the shortcut's own handling ends, so its "waiting for the second key" hint
        # is gone before the save dialog opens.
        QTimer.singleShot(0, self._ask)

    def shutdown(self) -> None:
        """Wait for a file still being written (on close)."""
        self._pending = False
        self.worker.wait(10_000)

    def _resume(self, _report: Report) -> None:
        if self._pending and self.session.current():
            self._pending = False
            self._ask()

    def _ask(self) -> None:
        report = self.session.report
        if report is None:
            return
        text = self.session.text()
        count = sum(1 for d in report.facts.deadlines if d.datetime is not None)
        if not count:
            self._say(
                "No deadline in this draft resolves to a date, so there is nothing to add to a "
                "calendar. Write one with Edit › Insert Deadline… (Ctrl+D)."
            )
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self.parent_widget,
            "Add Deadlines to Calendar",
            str(_documents() / f"{file_stem(derive_title(text) or event_title(text, report))}.ics"),
            "Calendar files (*.ics)",
        )
        if not chosen:
            return
        target = Path(chosen if chosen.lower().endswith(".ics") else f"{chosen}.ics")
        data = calendar(text, report, stamp=clock.now())
        self.worker.submit(
            lambda: write_atomically(target, data),
            lambda _done: self._written(target, count),
            lambda exc: self._say(f"Could not save the calendar: {_why(exc)}. Nothing written."),
            expected=(OSError,),
        )

    def _written(self, target: Path, count: int) -> None:
        events, them = ("1 deadline", "it") if count == 1 else (f"{count} deadlines", "them")
        self._say(
            f"Saved {events} to {shown(target)}: open it with your calendar app to add {them}."
        )
        self.saved.emit(target)


def file_stem(title: str) -> str:
    """Return a file name for a calendar titled ``title``: its words, else "deadlines"."""
    words = re.findall(r"[^\W_]+", title)
    stem = ""
    for word in words:
        if len(stem) + len(word) + 1 > MAX_NAME:
            break
        stem = f"{stem}-{word}" if stem else word
    return stem.lower() or "deadlines"


def _documents() -> Path:
    """Return the writer's documents folder (their home when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def _why(exc: Exception) -> str:
    return describe(exc) if isinstance(exc, OSError) else str(exc)
