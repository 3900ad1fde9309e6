"""Widgets the keyboard must reach that Qt leaves out of the Tab order by default.

A toolbar's buttons take no focus (Qt's choice for toolbars), and plain labels take none
either, so "Open in Mail App" and the readiness chips could only be reached by the mouse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from collections.abc import Iterable

    from PySide6.QtWidgets import QWidget


def let_take_focus(widgets: Iterable[QWidget | None]) -> None:
    """Put ``widgets`` in the Tab order and let a click focus them (None is skipped)."""
    for widget in widgets:
        if widget is not None:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
