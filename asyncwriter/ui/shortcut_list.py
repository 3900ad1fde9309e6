r"""Help › Keyboard Shortcuts: every shortcut of the window, read from its actions.

The list is built when it opens, from the QActions the window holds (menus, the Export
chords, the drafts list's own keys, actions other parts add later) and from the keys a menu
entry names after a tab ("Next Placeholder\tTab"), so it cannot drift from what the keys do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    """One line of the list: where the command is, what it does and its keys."""

    place: str
    command: str
    keys: str


#: Keys of special keyboards (Sun's Undo, F13 and above) that standard shortcuts also bind.
_SPECIAL_KEYS = {Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Cut, Qt.Key.Key_Copy,
                 Qt.Key.Key_Paste, Qt.Key.Key_Find, Qt.Key.Key_Open, Qt.Key.Key_New,
                 Qt.Key.Key_Save, Qt.Key.Key_Exit, Qt.Key.Key_Help, Qt.Key.Key_ZoomIn,
                 Qt.Key.Key_ZoomOut, Qt.Key.Key_Close}  # fmt: skip


def typeable(sequence: QKeySequence) -> bool:
    """Return True for keys on an ordinary keyboard (the list leaves out the others)."""
    for index in range(sequence.count()):
        key = sequence[index].key()  # type: ignore[index]
        if key in _SPECIAL_KEYS or Qt.Key.Key_F13 <= key <= Qt.Key.Key_F35:
            return False
    return True


def keys_text(action: QAction) -> str:
    """Return an action's shortcuts as the writer reads them ("Ctrl+E, S" or "F3 or Ctrl+G")."""
    native = QKeySequence.SequenceFormat.NativeText
    shortcuts = [s.toString(native) for s in action.shortcuts() if typeable(s)]
    shown = [s for s in shortcuts if s]
    if not shown and "\t" in action.text():  # the menu names a key the widget handles
        shown = [action.text().split("\t", 1)[1]]
    return " or ".join(shown)


def _command(action: QAction) -> str:
    text = action.text().split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
    return (text.rstrip(".…").strip() or action.iconText().replace("&", "")
            or action.toolTip() or "(unnamed command)")  # fmt: skip


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Return a row for every action of ``window`` that has keys: menu entries first."""
    rows: list[ShortcutRow] = []
    seen: set[int] = set()

    def walk(menu: QMenu, place: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{place} › {_command(action)}")
                continue
            if id(action) in seen or action.isSeparator():
                continue
            seen.add(id(action))
            keys = keys_text(action)
            if keys:
                rows.append(ShortcutRow(place, _command(action), keys))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _command(top))
    for action in window.findChildren(QAction):  # keys that no menu lists
        if id(action) not in seen and action.shortcuts():
            seen.add(id(action))
            rows.append(ShortcutRow(_place(action), _command(action), keys_text(action)))
    return rows


def _place(action: QAction) -> str:
    """Name where an action that is in no menu works (the widget it belongs to)."""
    widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
    name = next((w.accessibleName() or w.objectName() for w in widgets if w.objectName()), "")
    return name.replace("-", " ").replace("_", " ").capitalize() if name else "Window"


class ShortcutsDialog(QDialog):
    """A table of every shortcut: Command, Keys and where it is (the menu or the widget)."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.rows = shortcut_rows(window)
        self.table = QTableWidget(len(self.rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Command", "Keys", "Where"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, entry in enumerate(self.rows):
            for column, text in enumerate((entry.command, entry.keys, entry.place)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    """Open the list (not blocking) and return it."""
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.table.setFocus()
    return dialog
