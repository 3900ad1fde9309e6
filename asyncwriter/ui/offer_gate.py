"""When the bars that offer something (grammar download, trained pipeline) may show.

A first start used to ask two questions before a word was typed: the template picker and
the LanguageTool download bar appeared at the same moment, with the pipeline offer stacked
under it. Offers now wait until the writer has written something of their own (a lint of
text that is not just a fresh template), never show while a dialog such as the template
picker is up, and come one at a time: while any watched bar is on screen (another offer, the
store banner), the next one waits until it is closed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from asyncwriter.templates import Template
    from asyncwriter.ui.banner import ChoiceBar

_WORD = re.compile(r"[^\W\d_]{2,}")


def writers_text(text: str, fresh: str | None) -> bool:
    """Return True when ``text`` has words the writer put there.

    Args:
        text: the draft as linted.
        fresh: the draft's template as it starts (None for a blank draft): a template
            that nobody has typed into yet is not the writer's text.
    """
    if fresh is not None and text.strip() == fresh.strip():
        return False
    return _WORD.search(text) is not None


def fresh_text(template: Template | None) -> str | None:
    """Return the text a draft from ``template`` starts with (None: a blank draft)."""
    return template.draft_text() if template is not None else None


class OfferGate(QObject):
    """Holds the offers of ``bars`` back until the writer has written, and shows one at a time.

    Args:
        bars: the bars whose offers wait, in the order they are shown.
        others: bars that are never held but take the space while shown (the store banner).
        parent: the window.
    """

    def __init__(self, bars: Sequence[ChoiceBar], others: Sequence[QWidget],
                 parent: QWidget) -> None:  # fmt: skip
        super().__init__(parent)
        self.bars = list(bars)
        self.watched: list[QWidget] = [*bars, *others]
        #: The writer has written something: offers may show.
        self.open = False
        for bar in self.bars:
            bar.gate = self
        # Only these few bars' own events: a bar that hides lets the next offer show.
        for widget in self.watched:
            widget.installEventFilter(self)

    def holds(self, bar: ChoiceBar) -> bool:
        """Return True when ``bar``'s offer has to wait (see the module docstring)."""
        return not self._free(bar)

    def text_seen(self, text: str, fresh: str | None) -> None:
        """Note a lint of ``text`` on screen (``fresh``: the draft's template as it starts)."""
        if not self.open and writers_text(text, fresh):
            self.open = True
        self.release()

    def release(self) -> None:
        """Show the first offer that was waiting, if nothing else is in the way now."""
        waiting = next((bar for bar in self.bars if bar.held), None)
        if waiting is not None and self._free(waiting):
            waiting.release()

    def _free(self, bar: ChoiceBar) -> bool:
        if not self.open or QApplication.activeModalWidget() is not None:
            return False
        return all(other is bar or other.isHidden() for other in self.watched)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let the next offer take a closed bar's place (once events settle)."""
        if event.type() == QEvent.Type.Hide and not event.spontaneous():
            QTimer.singleShot(0, self.release)
        return False
