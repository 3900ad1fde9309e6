"""Date and time fields that take a date or time typed over them: "0930", "31 Oct 2027".

Qt's QTimeEdit accepts digits only into a selected section. Clicked into, it places a
caret in "17:00", and selected as a whole (Ctrl+A, or a focus that selects all), its text
is replaced by the first digit, "0", which is no time, so the key is refused: typing a
time did nothing at all, and only the arrow keys moved it. This field selects the section
under the caret whenever it could take a digit, so typing overwrites the hour, then the
minutes (Qt moves on by itself), as in a desktop clock field.

Qt's QDateEdit reads typing one part at a time in the display's order and moves on by
itself when a part is full, so "31 Oct 2027" typed over "Wed 2 Dec 2026" kept December,
and "31" was refused in a 30-day month before the month could follow. The date field
reads the text typed whole, as the checks read dates in a message.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

from asyncwriter.times import typed_dates

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent


class TypedTimeEdit(QTimeEdit):
    """A QTimeEdit whose hour or minutes are selected, ready to be typed over."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Select the hour (after Qt's own selection on focus, hence the zero timer)."""
        super().focusInEvent(event)
        QTimer.singleShot(0, self._select_section)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Select the section clicked into, so the next digits replace it."""
        super().mouseReleaseEvent(event)
        if not self.lineEdit().hasSelectedText():
            self.setSelectedSection(self.currentSection())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Type a digit over the whole text (Ctrl+A) as over the hour."""
        if event.text().isdigit() and self.lineEdit().selectedText() == self.text():
            self.setSelectedSection(QTimeEdit.Section.HourSection)
        super().keyPressEvent(event)

    def _select_section(self) -> None:
        """Select the section at the caret, or the hour when all or nothing is selected."""
        if not self.hasFocus():
            return
        selected = self.lineEdit().selectedText()
        if selected and selected != self.text():
            return  # a section is selected already
        whole = selected == self.text()
        self.setSelectedSection(QTimeEdit.Section.HourSection if whole else self.currentSection())


class TypedDateEdit(QDateEdit):
    """A QDateEdit that reads a date typed whole: "31 Oct 2027", "Sun 31 Oct", "2027-10-31".

    What Qt's own parts-in-order reading accepts stays accepted; anything else typed is
    read by :func:`asyncwriter.times.typed_dates.read_day`, and text that names no day yet
    is allowed while typing (the date stays as it was until the text names one).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The day typed dates count from ("Friday", "31 Oct" without a year); the picker
        #: sets its own clock's day.
        self.today: Callable[[], date] = date.today

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Type characters into the text as into a line; arrows and keys with Ctrl stay Qt's.

        Qt's own handling puts each character into the part at the caret, and puts the
        formatted date back as soon as the caret moves while the text is no date yet, which
        undid "Thu 3 Dec" at "T". So the line takes the characters with its signals held;
        the text is read when the writer leaves the field or presses Enter (Qt does that).
        """
        typed = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        line = self.lineEdit()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._names_a_day():
            self._show_date()  # Enter on "soon": nothing to insert; the date as it was
            event.accept()
            return
        if plain and event.key() == Qt.Key.Key_Backspace:
            edit = line.backspace
        elif plain and event.key() == Qt.Key.Key_Delete:
            edit = line.del_
        elif plain and typed and typed.isprintable():
            # The first key over the date shown starts a new one, wherever the caret was;
            # over a part the writer selected ("2026"), it replaces that part only.
            partial = line.hasSelectedText() and line.selectedText() != line.text()
            fresh = not partial and line.text() == self.textFromDateTime(self.dateTime())
            edit = functools.partial(self._type, typed, fresh)
        else:
            super().keyPressEvent(event)
            return
        line.blockSignals(True)
        try:
            edit()
        finally:
            line.blockSignals(False)
        event.accept()

    def _type(self, typed: str, fresh: bool) -> None:
        line = self.lineEdit()
        if fresh:
            line.selectAll()
        line.insert(typed)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves the field, as in the rest of the form, instead of stepping its parts.

        A date is typed whole here, so Tab after "31 Oct 2027" goes on to the time; the
        arrow keys still move between the parts.
        """
        self.interpretText()
        return QWidget.focusNextPrevChild(self, next)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field reads the text; text that names no day gives way to the date."""
        self.interpretText()  # Qt reads it only after edits it saw, and typing is held from it
        super().focusOutEvent(event)
        if not self._names_a_day():
            self._show_date()

    def _names_a_day(self) -> bool:
        return self.validate(self.text(), 0)[0] == QValidator.State.Acceptable

    def _show_date(self) -> None:
        line = self.lineEdit()
        line.blockSignals(True)
        try:
            line.setText(self.textFromDateTime(self.dateTime()))
        finally:
            line.blockSignals(False)
        line.selectAll()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Accept Qt's own format, or any text that names a day; allow the rest while typing."""
        if self._qt_reads(text) or self._typed_day(text) is not None:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        """Read the text as Qt would, else as a writer types a day; else keep the date."""
        day = self._typed_day(text)
        if day is None:
            return super().dateTimeFromText(text) if self._qt_reads(text) else self.dateTime()
        # The field's own date-time, with the day changed: a QDateEdit keeps its value in
        # UTC, and a new QDateTime is local time, which east of UTC read back a day early.
        typed = self.dateTime()
        typed.setDate(QDate(day.year, day.month, day.day))
        return typed

    def _qt_reads(self, text: str) -> bool:
        """Return True when Qt's own reading of the display format takes ``text``."""
        return super().validate(text, len(text))[0] == QValidator.State.Acceptable

    def _typed_day(self, text: str) -> date | None:
        return typed_dates.read_day(text, self.today())
