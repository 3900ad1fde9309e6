"""Where the window's parts sit, and how that comes back at the next start.

Geometry, the splitter between the drafts list, the editor and the findings, whether the
list is hidden and the editor's zoom are kept in the window state file (:mod:`asyncwriter.
ui.state`). A first start gets a size that fits the screen's available area (a 1280×720 or
1366×768 laptop included), and a saved geometry that no longer fits (another screen) is
dropped for that size.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QScreen
    from PySide6.QtWidgets import QMainWindow

    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.state import WindowState

#: Splitter sizes (list, editor, findings) before the writer moved them.
FIRST_SIZES = [250, 660, 290]
#: The window's size on a first start when the screen has room for it.
FIRST_SIZE = QSize(1200, 780)
#: What a first start leaves free of the available area for the window manager's frame.
FRAME_ROOM = QSize(40, 60)


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
    available = available_area(window)
    if not state.geometry or not _restored_fits(window, state.geometry, available):
        size = first_size(available)
        window.resize(size)
        frame = QRect(0, 0, size.width(), size.height())
        frame.moveCenter(available.center())
        window.move(frame.topLeft())
    sizes = state.splitter
    splitter.setSizes(sizes if len(sizes) == 3 and sum(sizes) > 0 else FIRST_SIZES)
    if state.sidebar_hidden:
        _sidebar(splitter).hide()
        sidebar_action.setChecked(False)
    if state.zoom:
        editor.change_zoom(state.zoom)


def available_area(window: QWidget) -> QRect:
    """Return the screen area the window may use (without panels and docks)."""
    screen: QScreen | None = window.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def first_size(available: QRect) -> QSize:
    """Return :data:`FIRST_SIZE`, shrunk to fit ``available`` with room for the frame."""
    return FIRST_SIZE.boundedTo(available.size() - FRAME_ROOM)


def _restored_fits(window: QWidget, geometry: str, available: QRect) -> bool:
    """Restore a saved geometry; return False when it is unreadable or does not fit."""
    try:
        if not window.restoreGeometry(QByteArray(base64.b64decode(geometry))):
            return False
    except ValueError:  # not base64
        return False
    if window.isMaximized() or window.isFullScreen():
        return True
    # Qt squeezes a saved geometry into the screen itself, but with no room for the title
    # bar: a saved size too big for the frame as well goes for the first-start size.
    room = available.size() - FRAME_ROOM
    fits = window.width() <= room.width() and window.height() <= room.height()
    return fits and available.contains(window.geometry())


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
