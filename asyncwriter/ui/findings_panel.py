"""The findings panel: a queue of cards, worst first, each with its fixes.

The writer works down the queue: each card says the whole message, offers the fix first and
"Ignore here" next. One card is the current one (outlined); choosing a card (click, Return)
selects its span in the editor, and moving through the queue (Up/Down, Tab) shows the span
without taking the keyboard away from the panel. The severity headings are labels, not
stops: the arrow keys go from card to card.

The panel keeps the keyboard where it was when the cards change under it (a fix or an
ignore re-lints): a focused card or button that would be hidden hands focus to the same
place on the card that takes its slot, never to whatever widget Qt would pick next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from asyncwriter.ui import theme
from asyncwriter.ui.finding_card import FindingCard
from asyncwriter.ui.finding_tones import finding_groups, to_fill_count

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QFocusEvent, QKeyEvent

    from asyncwriter.checks.model import Finding, LineIndex

#: More findings than this are counted, not carded (a pasted novel should not build 5,000
#: widgets on the UI thread); fixing some brings the rest up.
MAX_CARDS = 150
_MOVES = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 5,
    Qt.Key.Key_PageUp: -5,
}


def queue_order(findings: Sequence[Finding]) -> list[Finding]:
    """Return ``findings`` in queue order.

    Errors, then warnings, then notes, each by place, and last the placeholders still to
    fill (:func:`~asyncwriter.ui.finding_tones.finding_groups`).
    """
    by_place = sorted(findings, key=lambda f: (f.start, f.end))
    return [f for group in finding_groups(by_place) for f in group.findings]


class FindingsPanel(QWidget):
    """The fix queue beside the editor.

    Signals:
        activated(finding): the writer chose a card (select its span, go to the editor).
        selected(finding): the current card changed by keyboard (show its span, keep focus).
        filled(): the cards now show the latest findings.
        fixRequested(finding, suggestion): apply a quick fix.
        ignoreRequested(finding): hide this finding for this draft.
        ruleOffRequested(finding): turn the finding's rule off in the settings.
        addWordRequested(finding): add the misspelled word to the dictionary.
        linkRequested(finding): ask for a URL and link the finding's text.
        left(): Escape on a card: back to the editor.
    """

    activated = Signal(object)
    selected = Signal(object)
    filled = Signal()
    fixRequested = Signal(object, str)
    ignoreRequested = Signal(object)
    ruleOffRequested = Signal(object)
    addWordRequested = Signal(object)
    linkRequested = Signal(object)
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        # The panel takes the keyboard itself (F6, Tab from the editor) and hands it to the
        # current card; with no card it keeps it, so F6 still lands somewhere visible. Not
        # from a click: clicking a card's button leaves the keyboard where it was.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.queue_area = QScrollArea(self)
        self.queue_area.setObjectName("findingsQueue")
        self.queue_area.setWidgetResizable(True)
        self.queue_area.setFrameShape(QFrame.Shape.NoFrame)
        self.queue_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._column_widget = QWidget(self.queue_area)
        self._column = QVBoxLayout(self._column_widget)
        self._column.setContentsMargins(0, 0, 4, 0)
        self._column.setSpacing(6)
        self.queue_area.setWidget(self._column_widget)
        self._headers: dict[str, QLabel] = {}  # one per group label, made when first needed
        self._more = QLabel(self._column_widget)
        self._more.setWordWrap(True)
        self._more.setEnabled(False)
        self._pool: list[FindingCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.queue_area, 1)
        #: The findings on screen, in queue order (see :func:`queue_order`).
        self.findings: list[Finding] = []
        self.current = -1
        self.set_findings([], None, has_text=False)

    @staticmethod
    def _header(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    # -- filling -------------------------------------------------------------------------

    def set_findings(
        self, findings: Sequence[Finding], lines: LineIndex | None, *, has_text: bool = True
    ) -> None:
        """Show ``findings`` as cards in queue order (``lines`` gives their line numbers).

        The current finding stays current when it is still there (same rule and place).
        """
        keep = self.current_finding()
        focus_at = self._focus_slot()
        self.findings = queue_order(findings)
        shown = self.findings[:MAX_CARDS]
        while len(self._pool) < len(shown):
            self._pool.append(self._new_card())
        self._column_widget.setUpdatesEnabled(False)
        while self._column.count():
            item = self._column.itemAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # removeWidget deletes the layout's item for the widget at once, so the item
                # made when it is added again is the one the widget's size changes reach.
                self._column.removeWidget(widget)
            else:
                self._column.takeAt(0)
        index = 0
        totals = {g.label: len(g.findings) for g in finding_groups(self.findings)}
        for header in self._headers.values():
            header.hide()
        for group in finding_groups(shown):
            if group.label not in self._headers:
                self._headers[group.label] = self._header(self._column_widget)
            header = self._headers[group.label]
            header.setText(f"{group.label} ({totals[group.label]})")
            header.setStyleSheet(f"color: {theme.color(group.tone, self.palette()).name()};")
            header.show()
            self._column.addWidget(header)
            for finding in group.findings:
                card = self._pool[index]
                card.show_finding(finding, lines.line_col(finding.start)[0] if lines else 0)
                self._column.addWidget(card)
                card.show()
                index += 1
        hidden = len(self.findings) - len(shown)
        self._more.setVisible(hidden > 0)
        self._more.setText(f"… and {hidden} more: they come up as you fix these.")
        self._column.addWidget(self._more)
        self._column.addStretch(1)
        self.current = -1
        if keep is not None:
            self.current = next((i for i, f in enumerate(shown)
                                 if (f.rule, f.start) == (keep.rule, keep.start)), -1)  # fmt: skip
        for i, card in enumerate(self._pool[: len(shown)]):
            card.set_selected(i == self.current)
        self._keep_focus(focus_at, len(shown))
        for card in self._pool[len(shown) :]:
            card.hide()
            card.set_selected(False)
        self._column_widget.setUpdatesEnabled(True)
        self._set_title(has_text)
        self.filled.emit()

    def _set_title(self, has_text: bool) -> None:
        to_fill = to_fill_count(self.findings)
        count = len(self.findings) - to_fill
        parts = [f"{count} finding{'s' if count != 1 else ''}"] if count else []
        if to_fill:
            parts.append(f"{to_fill} to fill")
        if parts:
            self.title.setText(", ".join(parts))
        elif not has_text:
            self.title.setText("Findings appear here as you write.")
        else:
            self.title.setText("No findings.")

    def _new_card(self) -> FindingCard:
        card = FindingCard(self._column_widget)
        card.chosen.connect(lambda: self._choose(card))
        card.fixRequested.connect(lambda s: self._act(card, lambda f: self.fixRequested.emit(f, s)))
        card.ignoreRequested.connect(lambda: self._act(card, self.ignoreRequested.emit))
        card.addWordRequested.connect(lambda: self._act(card, self.addWordRequested.emit))
        card.linkRequested.connect(lambda: self._act(card, self.linkRequested.emit))
        card.ruleOffRequested.connect(lambda: self._act(card, self.ruleOffRequested.emit))
        for widget in (card, *card.buttons()):
            widget.installEventFilter(self)
        # Tab goes from the panel (which follows the editor) to the first card, and on from
        # each card's ⋯ to the next, wherever Qt put the new widget in the window's chain.
        card.link_tab_order(self._pool[-1].more_button if self._pool else self)
        return card

    def headings(self) -> list[str]:
        """Return the group headings on screen, in order ("Errors (2)", "To fill (17)")."""
        headers = set(self._headers.values())
        items = [self._column.itemAt(i) for i in range(self._column.count())]
        widgets = [item.widget() for item in items if item is not None]
        return [w.text() for w in widgets if w in headers and isinstance(w, QLabel)]

    # -- the current card ----------------------------------------------------------------

    def cards(self) -> list[FindingCard]:
        """Return the cards on screen, in queue order."""
        return self._pool[: min(len(self.findings), MAX_CARDS)]

    def current_finding(self) -> Finding | None:
        """Return the current card's finding (None: no card is current)."""
        return self.findings[self.current] if 0 <= self.current < len(self.cards()) else None

    def index_of(self, finding: Finding) -> int:
        """Return ``finding``'s place in the queue (-1: not carded)."""
        cards = self.cards()
        return next((i for i, c in enumerate(cards) if c.finding == finding), -1)

    def select(self, index: int, *, focus: bool = False) -> None:
        """Make card ``index`` the current one and scroll to it (focus it if asked)."""
        cards = self.cards()
        if not 0 <= index < len(cards):
            return
        self.current = index
        for i, card in enumerate(cards):
            card.set_selected(i == index)
        self.queue_area.ensureWidgetVisible(cards[index], 0, 24)
        if focus:
            cards[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self, card: FindingCard) -> None:
        index = self._pool.index(card)
        self.select(index)
        if card.finding is not None:
            self.activated.emit(card.finding)

    def _act(self, card: FindingCard, emit: object) -> None:
        """Make ``card`` current, then pass its finding on to ``emit``."""
        self.select(self._pool.index(card))
        if card.finding is not None and callable(emit):
            emit(card.finding)

    # -- keyboard ------------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Pass the focus on to the current card (the first if none), unless going back.

        Shift+Tab from the first card comes back here; passing it on again would trap the
        writer, so the panel keeps it and the next Shift+Tab leaves.
        """
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.BacktabFocusReason and self.cards():
            self.select(max(self.current, 0), focus=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down move through the cards; Tab into a card makes it the current one."""
        card = self._card_of(watched)
        if card is None or card not in self.cards():
            return False
        if event.type() == QEvent.Type.FocusIn and self._pool.index(card) != self.current:
            self.select(self._pool.index(card))
            if card.finding is not None:
                self.selected.emit(card.finding)
        elif event.type() == QEvent.Type.KeyPress:
            return self._move_key(card, event)  # type: ignore[arg-type]
        return False

    def _move_key(self, card: FindingCard, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        cards = self.cards()
        here = self._pool.index(card)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.left.emit()  # as in the find bar and the search box: Escape goes back
            return True
        if key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = len(cards) - 1
        elif key in _MOVES:
            target = max(0, min(len(cards) - 1, here + _MOVES[Qt.Key(key)]))
        else:
            return False
        self.select(target, focus=True)
        # select() made it current before its card took the focus, so the FocusIn that
        # would have said so finds nothing new: say it here, to show its words.
        finding = cards[target].finding
        if target != here and finding is not None:
            self.selected.emit(finding)
        return True

    def _card_of(self, watched: QObject) -> FindingCard | None:
        if isinstance(watched, FindingCard):
            return watched
        parent = watched.parent()
        return parent if isinstance(parent, FindingCard) else None

    def _focus_slot(self) -> tuple[int, int] | None:
        """Return (card, button) that has the keyboard (button -1: the card), if any."""
        focused = QApplication.focusWidget()
        card = self._card_of(focused) if focused is not None else None
        if card is None or card not in self._pool or focused is None:
            return None
        buttons: list[QWidget] = list(card.buttons())
        return self._pool.index(card), buttons.index(focused) if focused in buttons else -1

    def _keep_focus(self, slot: tuple[int, int] | None, count: int) -> None:
        """Put the keyboard back on the same place of the card now in that slot.

        A card that slot no longer has (the queue got shorter) hands over to the last card;
        a button the new finding does not have (no fix) hands over to the card's first
        button shown. An empty queue gives the keyboard to the panel's title row's owner,
        the panel, rather than to the next widget in the window.
        """
        if slot is None:
            return
        index, button = slot
        if count == 0:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        index = min(index, count - 1)
        card = self._pool[index]
        self.select(index)
        buttons = card.buttons()
        wanted: QWidget = card
        if button >= 0:
            wanted = buttons[button]
            if wanted.isHidden():
                wanted = next((b for b in buttons if not b.isHidden()), card)
        if QApplication.focusWidget() is not wanted:
            wanted.setFocus(Qt.FocusReason.OtherFocusReason)
