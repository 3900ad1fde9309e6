"""The drafts search box: Escape clears it, and a second Escape goes back to writing.

A search typed by mistake (keystrokes that went to the box instead of the draft) empties
the list to "Nothing found"; Escape is where people reach to undo that, as in a browser's
find bar or a mail app's search field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


class SearchBox(QLineEdit):
    """A line edit whose Escape clears the text, then hands the keyboard back.

    Signals:
        left(): Escape in the empty box: the window should put the keyboard elsewhere.
    """

    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape clears the search; in an empty box it leaves the box."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            if self.text():
                self.clear()
            else:
                self.left.emit()
            event.accept()
            return
        super().keyPressEvent(event)
