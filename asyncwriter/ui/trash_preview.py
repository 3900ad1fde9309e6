"""A read-only look at a draft in the trash, with Restore and Delete Forever beside it.

In the trash a click used to restore the draft at once, so looking for the right one
brought back every draft tried on the way. A click now shows the draft here, and bringing
it back is the Restore button (or the row's right-click menu).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class TrashPreview(QWidget):
    """Shows one trashed draft, not editable, and asks for Restore or Delete Forever.

    Signals:
        restoreRequested(str): the writer asked to restore the draft shown (its id).
        deleteRequested(str): the writer asked to delete it for good (its id).
    """

    restoreRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashPreview")
        self.draft_id: str | None = None
        self.title = QLabel(self)
        self.title.setObjectName("trashPreviewTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # dimmer, any theme
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("trashPreviewText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Preview of the trashed draft")
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip("Take this draft out of the trash and open it")
        self.restore_button.clicked.connect(self._restore)
        self.delete_button = QPushButton("Delete Forever…", self)
        self.delete_button.setObjectName("deleteForeverButton")
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.hide()

    def show_draft(self, draft_id: str, title: str, info: str, body: str) -> None:
        """Show a trashed draft: its name, when it was trashed, its text."""
        self.draft_id = draft_id
        self.title.setText(title)
        self.info.setText(info)
        self.text.setPlainText(body)
        self.show()

    def clear(self) -> None:
        """Show nothing (no row is selected, or the list left the trash)."""
        self.draft_id = None
        self.text.clear()
        self.hide()

    def _restore(self) -> None:
        if self.draft_id is not None:
            self.restoreRequested.emit(self.draft_id)

    def _delete(self) -> None:
        if self.draft_id is not None:
            self.deleteRequested.emit(self.draft_id)
