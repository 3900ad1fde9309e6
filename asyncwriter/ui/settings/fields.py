"""Small pieces every settings page uses: hints, field messages, key actions, string lists.

Explanations sit next to the controls they are about (``HINTS``), and a field's error appears
where the field is (:func:`message_label`, :func:`say`), in the theme's error colour; so no
page needs a message box to say what is wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.checks.model import Severity
from asyncwriter.ui import theme

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtWidgets import QComboBox, QLineEdit


_ROLE = Qt.ItemDataRole.UserRole
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

#: Explanations shown under the controls they are about.
_HINTS = {
    "zone": "Times you write without a zone (“by 17:00”) are read in this zone. “System” "
    "follows this computer's setting.",
    "team": "Deadlines in your drafts are also shown in these zones, so you can see when they "
    "fall for each reader.",
    "where": "The built-in checker runs on this computer and needs nothing else. LanguageTool "
    "adds fuller grammar and other languages; the public service gets the text of your drafts, "
    "a server of your own (or this computer) keeps them in your hands.",
    "grammar_off": "Grammar and spelling rules you turned off from a finding. Turn one back on "
    "to see its suggestions again.",
    "rules": "A setting applies to the rule and, for a prefix such as “deadline”, to every rule "
    "under it; the most specific one wins.",
    "templates": "Templates in these folders appear in the template picker next to the "
    "built-in ones and your own (in {folder}). A team can share one folder, or a git checkout "
    "of one.",
}


def hint(key: str, parent: QWidget, **values: object) -> QLabel:
    """Return the explanation ``_HINTS[key]``, word-wrapped, in a secondary text colour."""
    label = QLabel(_HINTS[key].format(**values), parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def message_label(name: str, parent: QWidget) -> QLabel:
    """Return an empty label for a field's error, shown in the error colour when set."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.color(Severity.ERROR).name()}")
    label.hide()
    return label


def say(label: QLabel, text: str | None) -> None:
    """Show ``text`` in a :func:`message_label`, or hide the label when there is none."""
    label.setText(text or "")
    label.setVisible(bool(text))


def line_edit(combo: QComboBox) -> QLineEdit:
    """Return an editable combo box's text field (Qt gives None only when not editable)."""
    line = combo.lineEdit()
    if line is None:
        raise ValueError(f"{combo.objectName() or 'the combo box'} is not editable")
    return line


class KeyAction(QObject):
    """Runs an action for some keys pressed in a widget, and keeps them from the dialog.

    Enter in an "add" field must add, not press the dialog's default Save button; Delete in
    a list removes its current entry.
    """

    def __init__(
        self, widget: QWidget, keys: Iterable[Qt.Key], action: Callable[[], object]
    ) -> None:
        super().__init__(widget)
        self._keys = tuple(keys)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Run the action for our keys (without modifiers) and swallow them."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._action()
            return True
        return super().eventFilter(watched, event)


class StringList(QWidget):
    """A list of strings with a button (and the Delete key) that removes the current one.

    Adding is left to the page that owns the list: each kind of entry has its own input.
    """

    def __init__(
        self,
        name: str,
        remove_text: str,
        parent: QWidget | None = None,
        *,
        label: Callable[[str], tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label or (lambda value: (value, ""))
        self.list = QListWidget(self)
        self.list.setObjectName(name)
        self.remove_button = QPushButton(remove_text, self)
        self.remove_button.setObjectName(f"{name}Remove")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.remove_button.setEnabled(item is not None)
        )
        KeyAction(self.list, DELETE_KEYS, self.remove_current)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        side = QVBoxLayout()
        side.addWidget(self.remove_button)
        side.addStretch(1)
        layout.addLayout(side)

    def values(self) -> list[str]:
        """Return the entries in their order."""
        return [self.list.item(i).data(_ROLE) for i in range(self.list.count())]

    def add(self, value: str, *, select: bool = False) -> bool:
        """Append ``value`` (making it current if ``select``); False when it is already there."""
        if value in self.values():
            return False
        text, tip = self._label(value)
        item = QListWidgetItem(text, self.list)
        item.setData(_ROLE, value)
        item.setToolTip(tip)
        if select:
            self.list.setCurrentItem(item)
        return True

    def remove_current(self) -> None:
        """Remove the current entry; the next one becomes current, for quick removals."""
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
