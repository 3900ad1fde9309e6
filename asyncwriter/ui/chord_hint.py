"""The status-bar hint while a two-key shortcut waits for its second key.

``Ctrl+E`` then ``S`` copies for Slack; after ``Ctrl+E`` alone nothing on screen used to
change, so the writer could not tell the first key was taken. Qt matches chords itself and
says nothing about a half-typed one, so the window listens for the first keys of its chords:
the focused widget passes a key it does not use up to the window as a ShortcutOverride
event, which this filter sees (only the window's own events, not every widget's). The hint
goes when the chord completes (its action runs) or is abandoned (the next key is released).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

_MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                  Qt.Key.Key_AltGr}  # fmt: skip


def hint_text(prefix: QKeyCombination) -> str:
    """Return the hint for a chord whose first key is ``prefix``."""
    keys = QKeySequence(prefix).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{keys} … (waiting for the second key)"


class ChordHint(QObject):
    """Shows :func:`hint_text` while one of ``window``'s chords waits for its second key.

    Args:
        window: the window whose actions' chords are watched.
        show: puts a message in the status bar until it is replaced or cleared.
        current: the status bar's message now (the hint is cleared only if it still shows).
        clear: clears the status bar's message.
    """

    def __init__(self, window: QWidget, *, show: Callable[[str], None],
                 current: Callable[[], str], clear: Callable[[], None]) -> None:  # fmt: skip
        super().__init__(window)
        self.window = window
        self._show, self._current, self._clear = show, current, clear
        #: The first key of the chord that waits (None: none waits).
        self.waiting: QKeyCombination | None = None
        self._connected: set[int] = set()
        window.installEventFilter(self)

    def prefixes(self) -> dict[QKeyCombination, list[QAction]]:
        """Return the first keys of the window's chords, with the actions they start."""
        found: dict[QKeyCombination, list[QAction]] = {}
        for action in self.window.findChildren(QAction):
            for sequence in action.shortcuts():
                if sequence.count() > 1 and action.isEnabled():
                    first: QKeyCombination = sequence[0]  # type: ignore[index]
                    found.setdefault(first, []).append(action)
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Start the hint on a chord's first key; end it when the next key is let go."""
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            self._key_pressed(event)
        elif (kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent)
              and self.waiting is not None and event.key() not in _MODIFIER_KEYS
              and event.key() != self.waiting.key()):  # fmt: skip
            self.done()
        return False

    def _key_pressed(self, event: QKeyEvent) -> None:
        if event.key() in _MODIFIER_KEYS:
            return
        combination = event.keyCombination()
        chords = self.prefixes()
        if combination not in chords:
            if self.waiting is not None:
                self.done()
            return
        self.waiting = combination
        for action in chords[combination]:
            if id(action) not in self._connected:
                self._connected.add(id(action))
                action.triggered.connect(self.done)
        self._show(hint_text(combination))

    def done(self) -> None:
        """Take the hint away (the chord completed or was abandoned) if it still shows."""
        if self.waiting is None:
            return
        hint, self.waiting = hint_text(self.waiting), None
        if self._current() == hint:
            self._clear()
