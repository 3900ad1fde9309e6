"""Widgets the keyboard must reach that Qt leaves out of the Tab order by default.

A toolbar's buttons take no focus (Qt's choice for toolbars), and plain labels take none
either, so "Open in Mail App" and the readiness chips could only be reached by the mouse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Iterable


def let_take_focus(widgets: Iterable[QWidget | None]) -> None:
    """Put ``widgets`` in the Tab order and let a click focus them (None is skipped)."""
    for widget in widgets:
        if widget is not None:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def chain(widgets: Iterable[QWidget | None]) -> None:
    """Make Tab go through ``widgets`` in this order (None is skipped)."""
    present = [w for w in widgets if w is not None]
    for first, second in zip(present, present[1:], strict=False):
        QWidget.setTabOrder(first, second)
