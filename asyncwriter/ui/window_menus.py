"""The window's File, Edit, View and Help menus and their shortcuts.

Built from a :class:`MenuCommands` (what the menus trigger) rather than from the window
itself, so this module does not import the window: the window passes itself, and any object
with those methods (a test double) would do. The Export menu is the exporter's own; the
window puts it before Help.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence

from asyncwriter.ui.about_box import show_about
from asyncwriter.ui.shortcut_list import show_shortcuts

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow, QMenu

    from asyncwriter.ui.drafts_sidebar import DraftsSidebar
    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.find_bar import FindBar
    from asyncwriter.ui.markdown_files import MarkdownFiles


class MenuCommands(Protocol):
    """What the menus ask the window to do."""

    def open_template_picker(self) -> object:
        """File › New from Template…."""

    def start_blank_draft(self) -> None:
        """File › New Blank Draft."""

    def open_settings(self, page: str | None = None) -> object:
        """Edit › Settings…."""

    def save_draft(self) -> None:
        """File › Save (drafts save themselves; this saves at once and says so)."""

    def insert_deadline(self) -> object:
        """Edit › Insert Deadline…."""


@dataclass(frozen=True, slots=True)
class Menus:
    """The menu entries the window changes later (checked state, the Export menu's place)."""

    new_action: QAction
    settings_action: QAction
    help_menu: QMenu
    edit_menu: QMenu
    undo_action: QAction
    redo_action: QAction
    view_menu: QMenu


def build_menus(
    window: QMainWindow,
    commands: MenuCommands,
    files: MarkdownFiles,
    sidebar: DraftsSidebar,
    editor: MarkdownEditor,
    find_bar: FindBar,
) -> Menus:
    """Fill the window's menu bar; return the entries the window keeps.

    The commands on the open draft and the sidebar's own toggle come from ``sidebar``.
    """
    key = QKeySequence.StandardKey
    menus = window.menuBar()

    def add(menu: QMenu, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None,
            slot: Callable[..., object]) -> QAction:  # fmt: skip
        action = QAction(text, window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    file_menu = menus.addMenu("&File")
    new_action = add(file_menu, "&New from Template…", key.New, commands.open_template_picker)
    add(file_menu, "New &Blank Draft", QKeySequence("Ctrl+Shift+N"), commands.start_blank_draft)
    add(file_menu, "&Save", key.Save, commands.save_draft)
    file_menu.addSeparator()
    add(file_menu, "&Import Markdown…", key.Open, files.import_markdown)
    add(file_menu, "&Export as Markdown…", key.SaveAs, lambda: files.export_markdown())
    file_menu.addSeparator()
    add(file_menu, "&Rename Draft", QKeySequence("F2"), sidebar.rename_open)
    add(file_menu, "&Duplicate Draft", None, sidebar.duplicate_open)
    file_menu.addAction(sidebar.trash_action)
    file_menu.addSeparator()
    add(file_menu, "&Quit", key.Quit, window.close)
    edit = menus.addMenu("&Edit")
    undo_action = add(edit, "&Undo", key.Undo, editor.undo)
    redo_action = add(edit, "&Redo", key.Redo, editor.redo)
    edit.addSeparator()
    add(edit, "Cu&t", key.Cut, editor.cut)
    add(edit, "&Copy", key.Copy, editor.copy)
    add(edit, "&Paste", key.Paste, editor.paste)
    add(edit, "Select &All", key.SelectAll, editor.selectAll)
    edit.addSeparator()
    add(edit, "&Find…", key.Find, find_bar.open_bar)
    add(edit, "Find &Next", key.FindNext, lambda: find_bar.find_match(backwards=False))
    add(edit, "Find Pre&vious", key.FindPrevious, lambda: find_bar.find_match(backwards=True))
    edit.addSeparator()
    add(edit, "Insert &Deadline…", QKeySequence("Ctrl+D"), commands.insert_deadline)
    edit.addSeparator()
    settings_action = add(edit, "&Settings…", QKeySequence("Ctrl+,"),
                          lambda: commands.open_settings())  # fmt: skip
    settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    edit.addSeparator()
    add(edit, "Next Placeholder\tTab", None, lambda: editor.jump_to_placeholder())
    add(edit, "Previous Placeholder\tShift+Tab", None,
        lambda: editor.jump_to_placeholder(backwards=True))  # fmt: skip
    view = menus.addMenu("&View")
    view.addAction(sidebar.toggle_action)
    add(view, "&Search All Drafts", QKeySequence("Ctrl+Shift+F"), sidebar.search_all)
    view.addSeparator()
    add(view, "Zoom &In", key.ZoomIn, lambda: editor.change_zoom(1))
    add(view, "Zoom &Out", key.ZoomOut, lambda: editor.change_zoom(-1))
    add(view, "&Reset Zoom", QKeySequence("Ctrl+0"), lambda: editor.change_zoom(0))
    help_menu = menus.addMenu("&Help")
    add(help_menu, "&Keyboard Shortcuts", key.HelpContents, lambda: show_shortcuts(window))
    add(help_menu, "&About AsyncWriter", None, lambda: show_about(window))
    return Menus(new_action, settings_action, help_menu, edit, undo_action, redo_action, view)
