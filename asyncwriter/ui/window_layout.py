"""Where the window's parts sit, and how that comes back at the next start.

Geometry, the splitter between the drafts list, the editor and the findings, whether the
list is hidden and the editor's zoom are kept in the window state file (:mod:`asyncwriter.
ui.state`); a first start gets sizes that suit a laptop screen.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.state import WindowState

#: Splitter sizes (list, editor, findings) before the writer moved them.
FIRST_SIZES = [250, 660, 290]


def stack(parent: QWidget, widgets: list[tuple[QWidget, int]]) -> QWidget:
    """Return a widget holding ``widgets`` (with their stretch) one above the other."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget, stretch in widgets:
        layout.addWidget(widget, stretch)
    return box


def three_panes(parent: QWidget, sidebar: QWidget, editor: QWidget, findings: QWidget) -> QSplitter:
    """Return the splitter: drafts list, editor (never collapsed) and findings."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setObjectName("mainSplitter")
    for pane, stretch in ((sidebar, 1), (editor, 3), (findings, 1)):
        splitter.addWidget(pane)
        splitter.setStretchFactor(splitter.count() - 1, stretch)
    splitter.setCollapsible(1, False)
    return splitter


def restore(window: QMainWindow, splitter: QSplitter, sidebar_action: QAction,
            editor: MarkdownEditor, state: WindowState) -> None:  # fmt: skip
    """Put the window back as it was left (or give it first-start sizes)."""
    window.resize(1200, 780)
    if state.geometry:
        window.restoreGeometry(QByteArray(base64.b64decode(state.geometry)))
    sizes = state.splitter
    splitter.setSizes(sizes if len(sizes) == 3 and sum(sizes) > 0 else FIRST_SIZES)
    if state.sidebar_hidden:
        _sidebar(splitter).hide()
        sidebar_action.setChecked(False)
    if state.zoom:
        editor.change_zoom(state.zoom)


def remember(window: QMainWindow, splitter: QSplitter, editor: MarkdownEditor,
             state: WindowState) -> None:  # fmt: skip
    """Note the window's geometry, splitter sizes and zoom in ``state`` (not saved here)."""
    state.geometry = base64.b64encode(window.saveGeometry().data()).decode("ascii")
    sidebar = _sidebar(splitter)
    if sidebar.isVisible():
        state.splitter = list(splitter.sizes())
    state.sidebar_hidden = sidebar.isHidden()
    state.zoom = editor.zoom


def _sidebar(splitter: QSplitter) -> QWidget:
    """Return the drafts list, the first of the panes :func:`three_panes` put in."""
    sidebar = splitter.widget(0)
    if sidebar is None:
        raise ValueError("the splitter has no panes: build it with three_panes()")
    return sidebar
