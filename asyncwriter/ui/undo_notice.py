"""A status-bar message with an Undo button, for an action the writer can take back.

Trashing a draft is quick (Delete in the list), so a slip must be as quick to mend: the
message says what happened and offers Undo beside it, for a while or until another message
takes its place (an Undo for an older action would then be a surprise). Ctrl+Z in the editor
reaches it too once the editor has nothing of its own to undo: after trashing a draft the
next one opens with an empty undo history, and Ctrl+Z there is what a writer tries first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QStatusBar

#: How long the Undo button stays (the action can still be undone elsewhere after).
OFFER_MS = 15_000


class UndoNotice(QWidget):
    """The message and its Undo button, leftmost in a status bar while offered."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.setObjectName("undoNotice")
        self._bar = bar
        self._undo: Callable[[], None] | None = None
        self.label = QLabel(self)
        self.label.setObjectName("undoMessage")
        self.button = QPushButton("&Undo", self)
        self.button.setObjectName("undoButton")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.dismiss)
        bar.insertWidget(0, self)
        bar.messageChanged.connect(self._message_changed)
        self.hide()

    @property
    def offered(self) -> bool:
        """Return True while an Undo is on offer."""
        return self._undo is not None

    def offer(self, message: str, undo: Callable[[], None], ms: int = OFFER_MS) -> None:
        """Show ``message`` with an Undo button that calls ``undo`` (once)."""
        self._bar.clearMessage()  # a temporary message would hide this widget
        self._undo = undo
        self.label.setText(message)
        self.button.setToolTip(f"Undo: {message}")
        self.show()
        self._timer.start(ms)

    def dismiss(self) -> None:
        """Take the offer back (it expired, was used, or another message came)."""
        self._undo = None
        self._timer.stop()
        self.hide()

    def take_back(self) -> bool:
        """Undo the offered action now, as the button would; return whether one was offered."""
        if self._undo is None:
            return False
        self._clicked()
        return True

    def reach_from(self, editor: QPlainTextEdit) -> None:
        """Let Ctrl+Z in ``editor`` take back the offer when the editor has nothing to undo."""
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in an editor with an empty undo history undoes the offered action."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QPlainTextEdit)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and not watched.document().isUndoAvailable()
        ):
            return self.take_back()
        return False

    def _message_changed(self, message: str) -> None:
        if message:
            self.dismiss()

    def _clicked(self) -> None:
        undo = self._undo
        self.dismiss()
        if undo is not None:
            undo()
