"""The find bar under the editor: Ctrl+F opens it, Enter/F3 finds the next match.

A bar rather than a dialog, so the draft stays fully visible and editable while searching;
it wraps around the end of the draft the way editors do, and Escape hands the keyboard back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from asyncwriter.ui.editor import MarkdownEditor


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
        self.status = QLabel(self)
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

    def find_match(self, *, backwards: bool) -> bool:
        """Select the next match, wrapping around the end of the draft."""
        needle = self.field.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        found = self.editor.find(needle, flags)
        if not found:
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backwards else
                                QTextCursor.MoveOperation.Start)  # fmt: skip
            self.editor.setTextCursor(cursor)
            found = self.editor.find(needle, flags)
        self.status.setText("" if found else "Not found")
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes the bar."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
