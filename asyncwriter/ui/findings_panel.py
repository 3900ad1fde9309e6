"""The findings panel: findings grouped by severity, with quick fixes and "ignore".

Clicking a finding selects its span in the editor. The details under the list say what is
wrong and offer the rule's suggestions as one-click fixes ("Replace with “Thu 26 Nov”"),
plus "Ignore for this draft".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.checks import RULES, Severity
from asyncwriter.checks.rule import INSERT_SUMMARY, REPLACE
from asyncwriter.ui import theme
from asyncwriter.ui.finding_tones import finding_groups

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import SignalInstance

    from asyncwriter.checks.model import Finding, LineIndex

#: At most this many suggestions become buttons.
MAX_FIXES = 3
_ROLE = Qt.ItemDataRole.UserRole
#: How findings are grouped, worst first, and what each group is called.
SEVERITY_GROUPS = (
    (Severity.ERROR, "Errors"),
    (Severity.WARNING, "Warnings"),
    (Severity.INFO, "Notes"),
)


def fill_tree(tree: QTreeWidget, findings: Sequence[Finding], lines: LineIndex | None,
              line_label: str = "") -> list[QTreeWidgetItem]:  # fmt: skip
    """Add ``findings`` to ``tree`` under one bold heading per group; return the rows.

    The groups are the severities, then unfilled placeholders (:func:`finding_groups`).

    Each row is "<line_label><line>: <message>" and holds its finding (``UserRole``).
    """
    rows: list[QTreeWidgetItem] = []
    for heading in finding_groups(findings):  # placeholders last, as "To fill (n)"
        group = heading.findings
        parent = QTreeWidgetItem(tree, [heading.heading])
        parent.setForeground(0, theme.color(heading.tone, tree.palette()))
        parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = parent.font(0)
        font.setBold(True)
        parent.setFont(0, font)
        children = []
        for finding in group:
            line = lines.line_col(finding.start)[0] if lines else 0
            child = QTreeWidgetItem([f"{line_label}{line}: {finding.message}"])
            child.setData(0, _ROLE, finding)
            child.setToolTip(0, f"{finding.message}\n({finding.rule})")
            children.append(child)
        parent.addChildren(children)
        parent.setExpanded(True)
        rows.extend(children)
    return rows


def finding_rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Return the finding rows of a tree filled by :func:`fill_tree`, in order."""
    rows: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        if group is not None:  # None only past the last row
            rows.extend(child for j in range(group.childCount())
                        if (child := group.child(j)) is not None)  # fmt: skip
    return rows


def fix_kind(finding: Finding) -> str | None:
    """Return how ``finding``'s suggestions apply: its rule's fix kind in the registry.

    Grammar findings (``grammar.*``) come from LanguageTool, not the registry; their
    suggestions are plain replacements.
    """
    known = RULES.get(finding.rule)
    return known.fix if known is not None else REPLACE


def fix_label(finding: Finding, suggestion: str) -> str:
    """Return the button text for applying ``suggestion`` to ``finding``."""
    if fix_kind(finding) == INSERT_SUMMARY:
        return "Insert a TL;DR line"
    shown = " ".join(suggestion.split())
    if len(shown) > 40:
        shown = shown[:39].rstrip() + "…"
    return f"Replace with “{shown}”"


class FindingsPanel(QWidget):
    """The list of findings and the details of the selected one.

    Signals:
        activated(finding): the writer clicked a finding (select it in the editor).
        fixRequested(finding, suggestion): apply a quick fix.
        ignoreRequested(finding): hide this finding for this draft.
        ruleOffRequested(finding): turn the finding's rule off in the settings.
        addWordRequested(finding): add the misspelled word to the dictionary.
    """

    activated = Signal(object)
    fixRequested = Signal(object, str)
    ignoreRequested = Signal(object)
    ruleOffRequested = Signal(object)
    addWordRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("findingsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_details(item))
        self.title = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule = QLabel(self)
        self.rule.setEnabled(False)
        self.fix_buttons: list[QPushButton] = []
        self.ignore_button = QPushButton("Ignore for this draft", self)
        self.ignore_button.clicked.connect(self._ignore)
        self.add_word_button = QPushButton("Add to Dictionary", self)
        self.add_word_button.setObjectName("addWord")
        self.add_word_button.clicked.connect(lambda: self._emit(self.addWordRequested))
        self.rule_off_button = QPushButton("Turn Off Rule", self)
        self.rule_off_button.setObjectName("ruleOff")
        self.rule_off_button.setToolTip("Never report this rule again (saved in Settings)")
        self.rule_off_button.clicked.connect(lambda: self._emit(self.ruleOffRequested))
        buttons = QVBoxLayout()
        for _ in range(MAX_FIXES):
            button = QPushButton(self)
            button.clicked.connect(self._fix_clicked)
            self.fix_buttons.append(button)
            buttons.addWidget(button)
        row = QHBoxLayout()
        row.addWidget(self.ignore_button)
        row.addWidget(self.add_word_button)
        row.addWidget(self.rule_off_button)
        row.addStretch(1)
        buttons.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.rule)
        layout.addLayout(buttons)
        self._selected: Finding | None = None
        self.findings: list[Finding] = []
        self.set_findings([], None, has_text=False)

    def set_findings(
        self, findings: Sequence[Finding], lines: LineIndex | None, *, has_text: bool = True
    ) -> None:
        """Show ``findings`` grouped by severity (``lines`` gives their line numbers)."""
        self.findings = list(findings)
        keep = self._selected
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        restored: QTreeWidgetItem | None = None
        for row in fill_tree(self.tree, findings, lines):
            finding = row.data(0, _ROLE)
            if keep is not None and (finding.rule, finding.start) == (keep.rule, keep.start):
                restored = row
        self.tree.setUpdatesEnabled(True)
        count = len(self.findings)
        if count:
            self.title.setText(f"{count} finding{'s' if count != 1 else ''}")
        elif not has_text:
            self.title.setText("Findings appear here as you write.")
        else:
            self.title.setText("No findings.")
        if restored is not None:
            self.tree.setCurrentItem(restored)
        self._show_details(restored)

    def items(self) -> list[QTreeWidgetItem]:
        """Return the finding rows (not the group headings), in order."""
        return finding_rows(self.tree)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, _ROLE)
        if finding is not None:
            self._show_details(item)
            self.activated.emit(finding)

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        finding = item.data(0, _ROLE) if item is not None else None
        self._selected = finding
        self.message.setVisible(finding is not None)
        self.rule.setVisible(finding is not None)
        self.ignore_button.setVisible(finding is not None)
        self.rule_off_button.setVisible(finding is not None)
        self.add_word_button.setVisible(finding is not None and finding.category == "misspelling")
        suggestions = list(finding.suggestions[:MAX_FIXES]) if finding else []
        for button, suggestion in zip(self.fix_buttons, suggestions + [None] * MAX_FIXES,
                                      strict=False):  # fmt: skip
            button.setVisible(suggestion is not None)
            if suggestion is not None and finding is not None:
                button.setText(fix_label(finding, suggestion))
                button.setProperty("suggestion", suggestion)
        if finding is not None:
            self.message.setText(finding.message)
            self.rule.setText(f"{finding.rule} · {finding.severity}")

    def _fix_clicked(self) -> None:
        button = self.sender()
        if self._selected is not None and isinstance(button, QPushButton):
            self.fixRequested.emit(self._selected, button.property("suggestion"))

    def _ignore(self) -> None:
        if self._selected is not None:
            self.ignoreRequested.emit(self._selected)

    def _emit(self, signal: SignalInstance) -> None:
        if self._selected is not None:
            signal.emit(self._selected)
