"""Settings › Rules: every rule with its default severity and the setting that overrides it.

Prefix keys from the file (``deadline = "off"``) are listed too, so a save never drops them.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.checks.model import Severity
from asyncwriter.ui.settings.fields import ENTER_KEYS, KeyAction, hint

if TYPE_CHECKING:
    from collections.abc import Mapping

    from asyncwriter.checks.rule import Rule
    from asyncwriter.rule_settings import RuleSetting
    from asyncwriter.settings import Settings

#: Rule setting choices after the first ("default"), as written in the file.
_CHOICES = ("info", "warning", "error", "off")
_NOT_SET = object()


class _ComboWatch(QObject):
    """Keeps the focused rule in view and described; wheel scrolling scrolls the table.

    Without this, scrolling the table with the mouse wheel would change whichever setting
    happened to pass under the pointer.
    """

    def __init__(self, page: RulesPage) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Describe the rule on focus; hand wheel events on unfocused combos to the table."""
        if isinstance(watched, QComboBox):
            if event.type() == QEvent.Type.FocusIn:
                self._page.show_rule(watched.property("ruleKey"))
            elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
                QCoreApplication.sendEvent(self._page.table.viewport(), event)
                return True
        return super().eventFilter(watched, event)


class RulesPage(QWidget):
    """Every rule with its default severity and a setting; plus prefix keys from the file."""

    def __init__(
        self, rules: Mapping[str, Rule], config: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rules = rules
        self.combos: dict[str, QComboBox] = {}
        self._about: dict[str, str] = {}
        self._watch = _ComboWatch(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("rulesFilter")
        self.filter.setPlaceholderText("Filter rules (id or what it checks)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        KeyAction(self.filter, (*ENTER_KEYS, Qt.Key.Key_Down), self._focus_first)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("rulesTable")
        self.table.setHorizontalHeaderLabels(["Rule", "Default", "Setting"])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab goes from one setting to the next, not from cell to cell.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.about = QLabel(self)
        self.about.setObjectName("rulesAbout")
        self.about.setWordWrap(True)
        self.about.setMinimumHeight(self.about.fontMetrics().lineSpacing() * 2)

        for rule in rules.values():
            self._add_row(
                rule.id,
                str(rule.severity),
                f"Default ({rule.severity})",
                config.rules.get(rule.id, _NOT_SET),
                rule.rationale,
            )
        for key, value in config.rules.items():
            if key in rules or (key.startswith("grammar.") and value is None):
                continue  # turned-off grammar rules have their own list on the Grammar tab
            covered = [r for r in rules if r.startswith(key + ".")]
            about = (
                f"Applies to every rule under “{key}”: {', '.join(covered)}."
                if covered
                else "Not a rule this version knows (it may be a grammar or style rule); "
                "kept as written."
            )
            self._add_row(
                key, f"{len(covered)} rules" if covered else "—", "Not set (remove)", value, about
            )
        row_height = max(
            self.table.verticalHeader().defaultSectionSize(),
            next(iter(self.combos.values())).sizeHint().height() + 2 if self.combos else 0,
        )
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self._refresh_defaults()

        if self.combos:
            self.show_rule(next(iter(self.combos)))
        filter_label = QLabel("&Filter:", self)
        filter_label.setBuddy(self.filter)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.about)
        layout.addWidget(hint("rules", self))

    def _add_row(self, key: str, default: str, first: str, value: object, about: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((0, key), (1, default)):
            item = QTableWidgetItem(text)
            item.setToolTip(about)
            self.table.setItem(row, column, item)
        combo = QComboBox(self.table)
        combo.setObjectName(f"rule:{key}")
        combo.setProperty("ruleKey", key)
        combo.setToolTip(about)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo.addItem(first, "")
        for choice in _CHOICES:
            combo.addItem(choice, choice)
        chosen = "" if value is _NOT_SET else "off" if value is None else str(value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.currentIndexChanged.connect(lambda _index: self._refresh_defaults())
        combo.installEventFilter(self._watch)
        self.table.setCellWidget(row, 2, combo)
        self.combos[key] = combo
        self._about[key] = about

    def combo(self, key: str) -> QComboBox:
        """Return the setting control of a rule id or prefix key."""
        return self.combos[key]

    def show_rule(self, key: str) -> None:
        """Describe ``key`` under the table and scroll its row into view."""
        row = list(self.combos).index(key)
        item = self.table.item(row, 0)
        if item is not None:  # every row has its name item; None only for a row not there
            self.table.scrollToItem(item)
        self.about.setText(f"<b>{html.escape(key)}</b>: {html.escape(self._about[key])}")

    def settings(self) -> dict[str, RuleSetting]:
        """Return the keys that are set, in table order (rule ids first, then prefixes)."""
        chosen: dict[str, RuleSetting] = {}
        for key, combo in self.combos.items():
            data = combo.currentData()
            if data:
                chosen[key] = None if data == "off" else Severity.parse(data)
        return chosen

    def _refresh_defaults(self) -> None:
        """Name the prefix a rule follows when it has no setting of its own."""
        current = self.settings()
        for rule in self._rules.values():
            parts = rule.id.split(".")
            text = f"Default ({rule.severity})"
            for n in range(len(parts) - 1, 0, -1):
                prefix = ".".join(parts[:n])
                if prefix in current:
                    value = current[prefix]
                    text = f"As “{prefix}” ({'off' if value is None else value})"
                    break
            self.combos[rule.id].setItemText(0, text)

    def _filter(self, query: str) -> None:
        words = query.casefold().split()
        for row, key in enumerate(self.combos):
            haystack = f"{key} {self._about[key]}".casefold()
            self.table.setRowHidden(row, not all(w in haystack for w in words))

    def _focus_first(self) -> None:
        for row, combo in enumerate(self.combos.values()):
            if not self.table.isRowHidden(row):
                combo.setFocus(Qt.FocusReason.TabFocusReason)
                return
