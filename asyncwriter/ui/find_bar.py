"""The find bar under the editor: Ctrl+F opens it, Enter/F3 finds the next match.

A bar rather than a dialog, so the draft stays fully visible and editable while searching;
it wraps around the end of the draft the way editors do, and Escape hands the keyboard back.
It counts the matches ("5 matches" while typing, "2 of 5" once one is selected), so the
writer knows how many there are and where they are among them. Matches are found in the
plain text (case-insensitive, as a literal string) and recounted a moment after the draft
changes, never on every keystroke.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from asyncwriter.ui.textmap import Utf16Map

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from asyncwriter.ui.editor import MarkdownEditor

#: Recount the matches this long after the draft changed (not on every keystroke).
RECOUNT_MS = 200


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Return the code point spans of ``needle`` in ``text``, case-insensitive, in order."""
    if not needle:
        return []
    return [m.span() for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def count_text(count: int) -> str:
    """Return "Not found", "1 match" or "5 matches"."""
    if not count:
        return "Not found"
    return f"{count} match{'es' if count != 1 else ''}"


class FindBar(QWidget):
    """A one-line find bar under the editor (Ctrl+F, Enter/F3 next, Shift+F3 previous)."""

    def __init__(self, editor: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(lambda: self.find_match(backwards=False))
        self.field.textChanged.connect(lambda _text: self.recount())
        self.status = QLabel(self)
        self.status.setObjectName("findCount")
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_MS)
        self._recount.timeout.connect(self.recount)
        editor.textChanged.connect(lambda: self._recount.start() if self.isVisible() else None)
        previous = QPushButton("Previous", self)
        previous.clicked.connect(lambda: self.find_match(backwards=True))
        following = QPushButton("Next", self)
        following.clicked.connect(lambda: self.find_match(backwards=False))
        close = QPushButton("Close", self)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the editor's selection as the search text."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the editor the keyboard back."""
        self.hide()
        self.editor.setFocus()

    def recount(self) -> int:
        """Show how many matches the search text has ("5 matches"); return the count."""
        needle = self.field.text()
        count = len(find_spans(self.editor.toPlainText(), needle))
        self.status.setText(count_text(count) if needle else "")
        return count

    def find_match(self, *, backwards: bool) -> bool:
        """Select the next match, wrapping around the draft; show "2 of 5"."""
        needle = self.field.text()
        if not needle:
            return False
        text = self.editor.toPlainText()
        spans = find_spans(text, needle)
        if not spans:
            self.status.setText(count_text(0))
            return False
        units = Utf16Map(text)
        cursor = self.editor.textCursor()
        if backwards:
            here = units.to_code_point(cursor.selectionStart())
            before = [i for i, (start, _end) in enumerate(spans) if start < here]
            index = before[-1] if before else len(spans) - 1
        else:
            here = units.to_code_point(cursor.selectionEnd())
            index = next((i for i, (start, _end) in enumerate(spans) if start >= here), 0)
        start, end = spans[index]
        cursor.setPosition(units.to_utf16(start))
        cursor.setPosition(units.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.status.setText(f"{index + 1} of {len(spans)}")
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes the bar."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
