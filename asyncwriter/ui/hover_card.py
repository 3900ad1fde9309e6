"""The hover card: a finding's message and its fixes as buttons, next to the underline.

A tooltip cannot be clicked and closes when the mouse moves towards it, so the editor
shows this small frameless window instead. It never takes the keyboard (typing goes on in
the editor while it is up), stays while the mouse is on the underline or on the card, and
closes on Esc, when the mouse leaves both, when a fix is chosen, or when the text changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from asyncwriter.ui import theme
from asyncwriter.ui.fix_choices import choices_for

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from asyncwriter.checks.model import Finding

#: How long the mouse may be off both the underline and the card before it closes.
LEAVE_GRACE_MS = 400
#: The card's widest text, in pixels: longer messages wrap.
MAX_WIDTH = 420


class HoverCard(QFrame):
    """A clickable card for the findings under the mouse.

    Signals:
        chosen(FixChoice): the writer clicked one of the buttons.
    """

    chosen = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("hoverCard")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        self.findings: list[Finding] = []
        #: The buttons on the card, in order (tests press them).
        self.buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(LEAVE_GRACE_MS)
        self._hide_timer.timeout.connect(self.hide)
        #: Whether the mouse is still over one of the shown findings (the editor's answer).
        self.still_over: Callable[[QPoint], bool] = lambda _pos: False

    def show_for(self, findings: Sequence[Finding], at: QPoint) -> None:
        """Show the card for ``findings`` just below global position ``at``."""
        if self.isVisible() and list(findings) == self.findings:
            self._hide_timer.stop()
            return
        self._fill(findings)
        self.adjustSize()
        self.move(at + QPoint(0, 16))
        self._hide_timer.stop()
        self.show()
        self.raise_()

    def _fill(self, findings: Sequence[Finding]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.findings = list(findings)
        self.buttons = []
        for finding in findings:
            message = QLabel(finding.message, self)
            message.setWordWrap(True)
            message.setMaximumWidth(MAX_WIDTH)
            message.setTextFormat(Qt.TextFormat.PlainText)
            mark = theme.color(finding.severity, self.palette()).name()
            message.setStyleSheet(f"border-left: 3px solid {mark}; padding-left: 6px;")
            self._layout.addWidget(message)
            row = QHBoxLayout()
            row.setSpacing(6)
            for choice in choices_for(finding):
                button = QPushButton(choice.label, self)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the editor
                if choice.suggestion and choice.suggestion not in choice.label:
                    button.setToolTip(choice.suggestion)  # a TL;DR line: show what it writes
                button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
                row.addWidget(button)
                self.buttons.append(button)
            row.addStretch(1)
            self._layout.addLayout(row)

    def _choose(self, choice: object) -> None:
        self.hide()
        self.chosen.emit(choice)

    def leave_soon(self) -> None:
        """Close after a moment unless the mouse comes back to the card or the underline."""
        if self.isVisible() and not self._hide_timer.isActive():
            self._hide_timer.start()

    def stay(self) -> None:
        """Keep the card: the mouse is back."""
        self._hide_timer.stop()

    def enterEvent(self, event: QEnterEvent) -> None:
        """Keep the card up while the mouse is on it."""
        self.stay()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        """Close soon once the mouse leaves (unless it went back to the underline)."""
        self.leave_soon()
        super().leaveEvent(event)

    def watch(self, editor: QWidget, viewport: QWidget) -> None:
        """Close on Esc in ``editor`` and when the mouse leaves the underline in ``viewport``."""
        watcher = _EditorWatcher(self, viewport, self)
        editor.installEventFilter(watcher)
        viewport.installEventFilter(watcher)


class _EditorWatcher(QObject):
    """Sees the editor's keys and mouse moves for the card (it never consumes a move)."""

    def __init__(self, card: HoverCard, viewport: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self.card, self.viewport = card, viewport

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc closes the card; moving off the underline or leaving the editor starts closing."""
        card = self.card
        if not card.isVisible():
            return False
        kind = event.type()
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            card.hide()
            return True
        if isinstance(event, QMouseEvent) and kind == QEvent.Type.MouseMove:
            if watched is not self.viewport:
                return False
            if card.still_over(event.position().toPoint()):
                card.stay()
            else:
                card.leave_soon()
        elif kind == QEvent.Type.Leave:
            card.leave_soon()
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.FocusOut, QEvent.Type.Wheel):
            if kind != QEvent.Type.FocusOut or not card.underMouse():
                card.hide()
        return False
