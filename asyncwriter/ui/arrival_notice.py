"""On copy: say when the message would arrive outside most of its readers' working hours.

A message copied at 17:00 UTC reaches Aiko at 02:00; the writer may want to schedule the
send, or at least expect the answer tomorrow. That is worth knowing, never a reason to stop
the copy, so it is a note: inside the pre-flight sheet when the sheet opens anyway (open
findings), else in the status bar after the copy ("Copied for Slack … It is 02:00 for
Aiko in Tokyo; …"). No new dialog appears for it. Readers are the people the draft
mentions, else the whole team (:mod:`asyncwriter.checks.readers`); without people in
settings there is no note.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from asyncwriter import team_times
from asyncwriter.checks.readers import readers
from asyncwriter.ui import clock
from asyncwriter.ui.export_actions import SUBJECT

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QStatusBar

    from asyncwriter.export import CopyRecord
    from asyncwriter.team import Person
    from asyncwriter.ui.export_actions import Exporter
    from asyncwriter.ui.preflight import PreflightSheet

#: How long the status bar keeps a copy message with the note.
SHOW_MS = 20_000


class ArrivalNotice(QObject):
    """Adds the arrival note to the pre-flight sheet, or to the status bar after a copy."""

    def __init__(self, exporter: Exporter, people: Callable[[], Sequence[Person]],
                 text: Callable[[], str], status: QStatusBar) -> None:  # fmt: skip
        super().__init__(exporter)
        self._people, self._text, self._status = people, text, status
        #: The sheet of the copy under way showed the note (so the status bar need not).
        self._in_sheet = False
        exporter.sheetShown.connect(self._sheet_shown)
        exporter.copied.connect(self._copied)

    def note(self) -> str | None:
        """Return the note for a message sent now, or None (most readers are at work)."""
        people = self._people()
        if not people:
            return None
        return team_times.arrival_note(readers(self._text(), people), clock.now())

    def _sheet_shown(self, sheet: PreflightSheet) -> None:
        note = self.note()
        self._in_sheet = note is not None
        if note is not None:
            sheet.show_note(note)
            sheet.rejected.connect(self._forget)

    def _forget(self) -> None:
        self._in_sheet = False

    def _copied(self, record: CopyRecord) -> None:
        if record.action == SUBJECT:
            return
        if self._in_sheet:
            self._in_sheet = False
            return
        note = self.note()
        if note is not None:
            # The exporter says "Copied for …" right after this signal; the note follows it.
            QTimer.singleShot(0, lambda: self._append(note))

    def _append(self, note: str) -> None:
        """Put the note right after the copy's first sentence ("Copied for Email … at 20:47.").

        A hint that follows it ("The subject is separate: …") goes after the note: at
        1280 pixels the status bar cut the note off mid-word, conclusion and all.
        """
        current = self._status.currentMessage()
        first, dot, rest = current.partition(". ")
        said = f"{first}. {note} {rest}".strip() if dot else f"{current} {note}".strip()
        self._status.showMessage(said, SHOW_MS)
