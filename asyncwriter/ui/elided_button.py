"""A push button that shows as much of a long label as fits and the rest as "…".

A fix's button reads "Replace with “Fri 4 Dec, 17:00 CET (16:00 UTC)”": wider than the
findings column at its default width. A plain button's minimum width is its whole label,
so the card grew past the column's right edge and cut off its own "⋯" button once the
column had a scroll bar. This button may shrink: it paints the label elided, shows the
whole label as its tooltip while cut, and ``text()`` stays the whole label for code and
screen readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QToolTip,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QWidget

#: The narrowest a button gets: room for a word or two and the "…".
MIN_WIDTH = 80


class ElidedButton(QPushButton):
    """A QPushButton whose label is elided to its width instead of widening it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        """As narrow as ``MIN_WIDTH``; the label is elided to fit."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MIN_WIDTH), hint.height())

    def shown_text(self) -> str:
        """Return the label as painted: whole when it fits, else cut with "…"."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        whole = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, option.fontMetrics.size(0, self.text()), self
        )
        if whole.width() <= self.width():
            return self.text()
        room = self.width() - (whole.width() - option.fontMetrics.horizontalAdvance(self.text()))
        return option.fontMetrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Paint the button as Qt does, with the label elided to the width."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.shown_text()
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)

    def event(self, event: QEvent) -> bool:
        """Show the whole label as the tooltip while it is cut short."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            if not self.toolTip() and self.shown_text() != self.text():
                QToolTip.showText(event.globalPos(), self.text(), self)
                return True
        return super().event(event)
