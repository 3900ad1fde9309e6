"""A status bar message with an Undo button: "Turned off deadline.relative. [Undo]".

``QStatusBar.showMessage`` takes plain text only, so a message that can be taken back is a
label and a button in the bar's own message area instead. It hides itself after a while,
and as soon as any newer message is shown (it would otherwise come back when that one
times out and announce something long past).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar


class UndoNotice(QWidget):
    """A message and an Undo button in the status bar.

    Signals:
        undoRequested(): the writer clicked Undo (the notice has hidden itself).
    """

    undoRequested = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.setObjectName("undoNotice")
        self.label = QLabel(self)
        self.button = QPushButton("Undo", self)
        self.button.setObjectName("undoButton")
        self.button.setFlat(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._bar = bar
        bar.addWidget(self, 1)
        bar.messageChanged.connect(lambda text: self.hide() if text else None)
        self.hide()

    def show_message(self, text: str, ms: int = 15_000) -> None:
        """Show ``text`` with the Undo button for ``ms`` milliseconds."""
        self._bar.clearMessage()
        self.label.setText(text)
        self.show()
        self._timer.start(ms)

    def _undo(self) -> None:
        self.hide()
        self.undoRequested.emit()
