"""F6 and Shift+F6: move the keyboard focus from pane to pane, as in other editors.

The window has three panes (the drafts sidebar, the editor, the findings panel); Tab cannot
leave the editor (it types or jumps to placeholders), so F6 is the way between them. Hidden
panes (the sidebar turned off) are skipped, and focus lands on the pane's own widget for
keys (the drafts list, the editor) or else on its first widget that takes Tab focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget


class PaneCycle:
    """The Next Pane (F6) and Previous Pane (Shift+F6) actions over ``panes``.

    Args:
        panes: each pane and the widget that should get the focus in it (None: the pane's
            first widget that takes Tab focus), in F6 order.
        home: the index of the pane F6 starts from when the focus is in none of them.
        parent: the window (owns the actions; add them to a menu to make them work).
    """

    def __init__(self, panes: Sequence[tuple[QWidget, QWidget | None]], home: int,
                 parent: QWidget) -> None:  # fmt: skip
        self.panes = list(panes)
        self.home = home
        self.next_action = QAction("Next &Pane", parent)
        self.next_action.setShortcut(QKeySequence("F6"))
        self.next_action.triggered.connect(lambda: self.cycle(1))
        self.previous_action = QAction("Pre&vious Pane", parent)
        self.previous_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_action.triggered.connect(lambda: self.cycle(-1))

    def current(self) -> int:
        """Return the index of the pane that has the focus (-1: none of them)."""
        focus = QApplication.focusWidget()
        for index, (pane, _target) in enumerate(self.panes):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return index
        return -1

    def cycle(self, step: int) -> QWidget | None:
        """Focus the next (``step`` 1) or previous (-1) visible pane; return what got focus."""
        start = self.current()
        if start < 0:
            start = self.home - step  # from outside the panes, F6 goes to the home pane
        count = len(self.panes)
        for offset in range(1, count + 1):
            pane, target = self.panes[(start + step * offset) % count]
            if not pane.isVisible():
                continue
            widget = target if target is not None and target.isVisible() else _first_focusable(pane)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return widget
        return None


def _first_focusable(pane: QWidget) -> QWidget | None:
    """Return the first widget in ``pane``'s focus chain that takes Tab focus."""
    if pane.focusPolicy() & Qt.FocusPolicy.TabFocus and pane.isEnabled():
        return pane
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if (pane.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):  # fmt: skip
            return widget
        widget = widget.nextInFocusChain()
    return None
