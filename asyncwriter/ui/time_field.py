"""A time field that takes a time typed over it: "0930" makes 09:30.

Qt's QTimeEdit accepts digits only into a selected section. Clicked into, it places a
caret in "17:00", and selected as a whole (Ctrl+A, or a focus that selects all), its text
is replaced by the first digit, "0", which is no time, so the key is refused: typing a
time did nothing at all, and only the arrow keys moved it. This field selects the section
under the caret whenever it could take a digit, so typing overwrites the hour, then the
minutes (Qt moves on by itself), as in a desktop clock field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTimeEdit

if TYPE_CHECKING:
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
