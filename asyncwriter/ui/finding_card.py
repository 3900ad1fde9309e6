"""One finding as a card in the fix queue: where, what (the whole message), and what to do.

A card reads top to bottom in the order the writer acts: the line and severity, the message
wrapped in full (a message cut to one line hides the very words that say what to change),
the fixes as buttons, the primary one first, then "Ignore here". Turning the rule off for
every draft is a bigger step than handling one finding, so it sits behind the "⋯" menu.

The buttons take focus from Tab only, never from a click: clicking "Ignore here" while
typing leaves the keyboard in the editor, where the writer was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.checks import RULES
from asyncwriter.checks.rule import INSERT_SUMMARY, REPLACE
from asyncwriter.ui import theme
from asyncwriter.ui.elided_button import ElidedButton
from asyncwriter.ui.finding_tones import is_to_fill, tone

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QPaintEvent

    from asyncwriter.checks.model import Finding

#: At most this many suggestions become buttons.
MAX_FIXES = 3
#: What a card calls each severity in its first line.
SEVERITY_NAMES = {"error": "Error", "warning": "Warning", "info": "Note"}


def fix_kind(finding: Finding) -> str | None:
    """Return how ``finding``'s suggestions apply: its rule's fix kind in the registry.

    Grammar findings (``grammar.*``) come from LanguageTool, not the registry; their
    suggestions are plain replacements.
    """
    known = RULES.get(finding.rule)
    return known.fix if known is not None else REPLACE


#: Rules whose finding is fixed by a link: a mention to link, or a message with none.
LINK_RULES = frozenset({"links.unlinked-reference", "links.missing"})


def asks_for_link(finding: Finding) -> bool:
    """Return True when a link is the fix: an unlinked mention, no link, a link section."""
    return finding.rule in LINK_RULES or "needs a link" in finding.message


def fix_label(finding: Finding, suggestion: str) -> str:
    """Return the button text for applying ``suggestion`` to ``finding``."""
    if fix_kind(finding) == INSERT_SUMMARY:
        return "Insert a TL;DR line"
    shown = " ".join(suggestion.split())
    if len(shown) > 40:
        shown = shown[:39].rstrip() + "…"
    return f"Replace with “{shown}”"


def _tab_only(button: QPushButton | QToolButton) -> None:
    """Let Tab reach ``button`` but not a click (focus stays where the writer was)."""
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


class FindingCard(QFrame):
    """A finding, its message in full, and its actions (one card of the queue).

    Cards are reused from one report to the next (see :meth:`show_finding`), so building
    the queue after each keystroke's lint creates no widgets when the count stays the same.

    Signals:
        chosen(): the writer clicked the card or pressed Return on it.
        fixRequested(suggestion): apply one of the finding's suggestions.
        ignoreRequested(): hide this finding for this draft.
        addWordRequested(): add the misspelled word to the dictionary.
        ruleOffRequested(): turn the rule off (after the writer confirms).
    """

    chosen = Signal()
    fixRequested = Signal(str)
    ignoreRequested = Signal()
    linkRequested = Signal()
    addWordRequested = Signal()
    ruleOffRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingCard")
        # Tab stops here, a click does not: clicking a card's button must not take the
        # keyboard from the editor (Qt gives a click's focus to the nearest parent that takes it).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # As tall as its message wrapped at the width it gets (the column's stretch takes the
        # room left): a "Maximum" height was the layout's guess at a wider card, so a narrower
        # card cut its message off.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.finding: Finding | None = None
        self.selected = False
        self.where = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("findingMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.fix_buttons: list[QPushButton] = []
        for _ in range(MAX_FIXES):
            button = ElidedButton(self)
            button.setObjectName("fix")
            _tab_only(button)
            button.clicked.connect(self._fix_clicked)
            self.fix_buttons.append(button)
        self.link_button = QPushButton("Add link…", self)
        self.link_button.setObjectName("addLink")
        self.link_button.setToolTip("Write a Markdown link here (the clipboard's URL, if any)")
        _tab_only(self.link_button)
        self.link_button.clicked.connect(self.linkRequested)
        self.ignore_button = QPushButton("Ignore here", self)
        self.ignore_button.setObjectName("ignore")
        self.ignore_button.setToolTip("Hide this finding for this draft")
        _tab_only(self.ignore_button)
        self.ignore_button.clicked.connect(self.ignoreRequested)
        self.add_word_button = QPushButton("Add to Dictionary", self)
        self.add_word_button.setObjectName("addWord")
        _tab_only(self.add_word_button)
        self.add_word_button.clicked.connect(self.addWordRequested)
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("more")
        self.more_button.setText("⋯")
        self.more_button.setToolTip("More actions for this finding")
        self.more_button.setAccessibleName("More actions")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        _tab_only(self.more_button)
        self.menu = QMenu(self.more_button)
        self.rule_off_action = self.menu.addAction("Turn Off This Rule…")
        self.menu.setToolTipsVisible(True)
        self.rule_off_action.triggered.connect(self.ruleOffRequested)
        self.more_button.setMenu(self.menu)
        self._lay_out()

    def _lay_out(self) -> None:
        fixes = QVBoxLayout()
        fixes.setSpacing(4)
        for button in (*self.fix_buttons, self.link_button):
            fixes.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.ignore_button)
        row.addWidget(self.add_word_button)
        row.addStretch(1)
        row.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.where)
        layout.addWidget(self.message)
        layout.addLayout(fixes)
        layout.addLayout(row)
        self.link_tab_order(None)

    def link_tab_order(self, after: QWidget | None) -> None:
        """Put this card after ``after`` in the Tab order, its buttons the way they read.

        Tab within a card goes the primary fix, the others, Ignore, ⋯ (Qt moves a widget
        alone, not its children, so each is placed in turn).
        """
        chain: list[QWidget] = [self, *self.fix_buttons, self.link_button, self.ignore_button,
                                self.add_word_button, self.more_button]  # fmt: skip
        if after is not None:
            chain.insert(0, after)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def show_finding(self, finding: Finding, line: int) -> None:
        """Show ``finding`` (on ``line``, 1-based; 0 when unknown) on this card."""
        self.finding = finding
        severity = str(finding.severity)
        where = "To fill" if is_to_fill(finding) else SEVERITY_NAMES.get(severity, severity.title())
        self.where.setText(f"Line {line} · {where}" if line else where)
        self.where.setStyleSheet(
            f"color: {theme.color(tone(finding), self.palette()).name()}; font-weight: bold;"
        )
        self.message.setText(finding.message)
        self.setToolTip(finding.rule)
        self.setAccessibleName(f"{where}: {finding.message}")
        suggestions = list(finding.suggestions[:MAX_FIXES])
        for i, button in enumerate(self.fix_buttons):
            button.setVisible(i < len(suggestions))
            if i < len(suggestions):
                button.setText(fix_label(finding, suggestions[i]))
                button.setProperty("suggestion", suggestions[i])
        self.link_button.setVisible(asks_for_link(finding))
        self.add_word_button.setVisible(finding.category == "misspelling")
        self.rule_off_action.setToolTip(f"Stop reporting {finding.rule} in every draft")

    def set_selected(self, selected: bool) -> None:
        """Draw the card as the queue's current one (or not)."""
        if selected != self.selected:
            self.selected = selected
            self.update()

    def buttons(self) -> list[QPushButton | QToolButton]:
        """Return the card's buttons in Tab order (hidden ones included)."""
        return [*self.fix_buttons, self.link_button, self.ignore_button, self.add_word_button,
                self.more_button]  # fmt: skip

    def _fix_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.fixRequested.emit(str(button.property("suggestion")))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Take the press, so that the release (which chooses the card) comes here too."""
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Choose the card's finding when the card itself (not a button) is clicked."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return or Enter on a focused card chooses its finding."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw a rounded card in the palette's colours, the current one outlined in Highlight."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        width = 2.0 if self.selected or self.hasFocus() else 1.0
        role = QPalette.ColorRole.Highlight if self.selected else QPalette.ColorRole.Mid
        painter.setPen(QPen(palette.color(role), width))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        rect = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.drawRoundedRect(rect, 6, 6)
        painter.end()
