"""The drafts sidebar: every draft newest first, full-text search, rename, duplicate, trash.

The list is a model of :class:`~asyncwriter.storage.DraftSummary` rows (title, when, a line
of text), filled from the store on its thread; a search runs there too, a moment after the
writer stops typing in the search box, and its answer is dropped if the query changed
meanwhile. Autosaves move the draft being written to the top without reloading the list.

The list works like a mail app's: a click or the arrow keys open a draft and leave the
keyboard in the list, so Delete trashes the draft just looked at (the next one opens, and
Ctrl+Z or the status bar's Undo brings it back); Enter opens a draft and goes to the editor.
In the trash a click only shows a read-only preview: restoring is the Restore button.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.draft_text import preview
from asyncwriter.export import LABELS
from asyncwriter.storage import TRASH_DAYS, DraftSummary, Saved
from asyncwriter.ui.background import Generation
from asyncwriter.ui.search_box import SearchBox
from asyncwriter.ui.trash_preview import TrashPreview

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QContextMenuEvent, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from asyncwriter.storage import Draft, Store, StoreError
    from asyncwriter.templates import Catalog
    from asyncwriter.ui.draft_keeper import DraftKeeper
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.store_client import StoreClient

#: The newest drafts the list shows; older ones are a search away.
LIST_LIMIT = 1_000
#: Pause after typing in the search box before searching.
SEARCH_DELAY_MS = 150
#: Pause after an arrow key in the list before the draft under it opens (holding a key
#: down should not load every draft it passes).
BROWSE_DELAY_MS = 150
#: The shortcut of File › Move Draft to Trash: from the editor too, so not one that edits
#: text there (Ctrl+Delete and Ctrl+Backspace delete a word).
TRASH_SHORTCUT = "Ctrl+Shift+Delete"
ID_ROLE = Qt.ItemDataRole.UserRole
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def neighbour(ids: list[str], draft_id: str) -> str | None:
    """Return the draft to open after ``draft_id`` leaves a list of ``ids``.

    The next one below it, or the one above when it was the last; None when it is alone
    or not in the list at all (the caller then asks the store).
    """
    if draft_id not in ids:
        return None
    row = ids.index(draft_id)
    if row + 1 < len(ids):
        return ids[row + 1]
    return ids[row - 1] if row > 0 else None


def when(moment: datetime, now: datetime | None = None) -> str:
    """Return a short, local "when" for a list row: a time today, a day this week, a date."""
    now = (now or datetime.now(UTC)).astimezone()
    local = moment.astimezone(now.tzinfo)
    days = (now.date() - local.date()).days
    if days == 0:
        return local.strftime("%H:%M")
    if days == 1:
        return "Yesterday"
    if 1 < days < 7:
        return local.strftime("%A")
    if local.year == now.year:
        return local.strftime("%d %b").lstrip("0")
    return local.strftime("%d %b %Y").lstrip("0")


class DraftListModel(QAbstractListModel):
    """The rows of the sidebar; edits of a title come out as :attr:`renameRequested`."""

    renameRequested = Signal(str, str)

    def __init__(self, sidebar: DraftsSidebar) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar
        self.rows: list[DraftSummary] = []
        self.current_id: str | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        """Return the number of drafts shown."""
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return a row's title, subtitle, id or tooltip."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.sidebar.display_title(row)
        if role == Qt.ItemDataRole.EditRole:
            return row.title
        if role == SUBTITLE_ROLE:
            return self.sidebar.subtitle(row)
        if role == ID_ROLE:
            return row.id
        if role == CURRENT_ROLE:
            return row.id == self.current_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.sidebar.display_title(row)}\n{self.sidebar.subtitle(row)}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows are selectable; titles are editable (F2) outside the trash."""
        flags = super().flags(index)
        if index.isValid() and not self.sidebar.showing_trash:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask for a rename; the row changes when the store has done it."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        title = " ".join(str(value).split())
        if title != row.title:
            self.renameRequested.emit(row.id, title)
        return True

    def set_rows(self, rows: list[DraftSummary]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, draft_id: str) -> int:
        """Return the row of a draft, or -1."""
        return next((n for n, row in enumerate(self.rows) if row.id == draft_id), -1)

    def put_first(self, summary: DraftSummary) -> None:
        """Show ``summary`` as the newest draft (after a save), replacing its old row."""
        old = self.row_of(summary.id)
        if old == 0:
            self.rows[0] = summary
            self.dataChanged.emit(self.index(0), self.index(0))
            return
        if old > 0:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self.rows[old]
            self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, summary)
        self.endInsertRows()

    def set_current(self, draft_id: str | None) -> None:
        """Mark the draft the editor holds (drawn with a bar)."""
        self.current_id = draft_id
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1), [CURRENT_ROLE])


def confirm_for_good(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before deleting for good: the button names the act, and Cancel is the default.

    Enter must never destroy what cannot be brought back; a "Yes" default did.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    delete = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


class DraftDelegate(QStyledItemDelegate):
    """Draws a row as a bold title over a dimmer line: when, channel and the first words."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Two lines of text plus padding."""
        height = option.fontMetrics.height()
        return QSize(200, height * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint the selection, the current-draft bar, the title and the subtitle."""
        self.initStyleOption(option, index)
        # PySide6's stub types option.widget as QWidget; Qt leaves it None outside a view.
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        option_text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = option_text
        rect = option.rect.adjusted(10, 5, -8, -5)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        if index.data(CURRENT_ROLE):
            painter.fillRect(
                QRect(option.rect.left(), option.rect.top() + 4, 3, option.rect.height() - 8),
                palette.color(QPalette.ColorRole.Highlight),
            )
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        line = rect.height() // 2
        metrics = painter.fontMetrics()
        title = metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line), Qt.AlignmentFlag.AlignVCenter, title
        )
        painter.setFont(option.font)
        dim = palette.color(text_role)
        if not selected:
            dim = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(dim)
        subtitle = painter.fontMetrics().elidedText(
            str(index.data(SUBTITLE_ROLE)), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(
            QRect(rect.left(), rect.top() + line, rect.width(), line),
            Qt.AlignmentFlag.AlignVCenter,
            subtitle,
        )
        painter.restore()


class DraftList(QListView):
    """The list itself: arrows open, F2 renames, Delete trashes, Ctrl+Z undoes that, a menu."""

    def __init__(self, sidebar: DraftsSidebar) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+Z while a trashing can be undone, before Edit › Undo (the editor's) does."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and self.sidebar.can_undo_trash()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Undo the last trashing; open the draft the arrow keys (or typing) move to."""
        if event.matches(QKeySequence.StandardKey.Undo) and self.sidebar.can_undo_trash():
            self.sidebar.undo_trash()
            return
        before = self.currentIndex()
        super().keyPressEvent(event)
        now = self.currentIndex()
        if now.isValid() and now != before:
            self.sidebar.browse(now)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Offer what can be done to the draft under the mouse."""
        index = self.indexAt(event.pos())
        if index.isValid():
            self.setCurrentIndex(index)
            self.sidebar.context_menu(str(index.data(ID_ROLE))).exec(event.globalPos())


class Say(Protocol):
    """Shows a status-bar message, for ``ms`` milliseconds or the window's usual time."""

    def __call__(self, message: str, ms: int = ..., /) -> None:
        """Show ``message``."""


class DraftsSidebar(QWidget):
    """The drafts list with its search box and trash, beside the editor.

    It works on the store through ``store`` and on the open draft through ``session`` and
    ``keeper``; the window lends it five narrow things: the template ``catalog`` (rows are
    named after templates), ``export_draft`` (Export as Markdown…), ``start_blank`` (trashing
    the last draft), ``say`` (a status-bar message) and ``offer_undo`` (a status-bar message
    with an Undo button).

    Signals:
        listed(): the list was (re)filled from the store (tests wait on it).
        currentRenamed(): the open draft was renamed (the window title follows).
    """

    listed = Signal()
    currentRenamed = Signal()

    def __init__(
        self,
        session: DraftSession,
        keeper: DraftKeeper,
        store: StoreClient,
        parent: QWidget,
        *,
        catalog: Callable[[], Catalog],
        export_draft: Callable[[str], None],
        start_blank: Callable[[], None],
        say: Say,
        offer_undo: Callable[[str, Callable[[], None]], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftsSidebar")
        self.session, self.keeper, self.store = session, keeper, store
        self._catalog, self._export_draft = catalog, export_draft
        self._start_blank, self._say, self._offer_undo = start_blank, say, offer_undo
        self.showing_trash = False
        self.total = 0  # how many drafts the list stands for (set as it fills)
        self._query = Generation()  # a list answer for an older query is dropped
        self._previewed = Generation()  # likewise a preview of a row no longer selected
        #: Drafts this window trashed, the latest last: Ctrl+Z in the list restores them.
        self.trashed: list[str] = []
        self.search = SearchBox(self)
        self.search.setObjectName("draftSearch")
        self.search.setPlaceholderText("Search all drafts")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search all drafts")
        self.model = DraftListModel(self)
        self.model.renameRequested.connect(self.rename)
        self.list = DraftList(self)
        self.list.setObjectName("draftList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(DraftDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setAccessibleName("Drafts")
        self.list.activated.connect(self._entered)
        self.list.clicked.connect(self._clicked)
        self.preview = TrashPreview(self)
        self.preview.restoreRequested.connect(lambda draft_id: self.restore(draft_id, open_it=True))
        self.preview.deleteRequested.connect(self.delete_forever)
        self.panes = QSplitter(Qt.Orientation.Vertical, self)
        self.panes.setChildrenCollapsible(False)
        self.panes.addWidget(self.list)
        self.panes.addWidget(self.preview)
        self.status = QLabel(self)
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        self.trash_button = QToolButton(self)
        self.trash_button.setObjectName("trashButton")
        self.trash_button.setText("Trash")
        self.trash_button.setCheckable(True)
        self.trash_button.setToolTip(f"Drafts moved to the trash; each is kept {TRASH_DAYS} days")
        self.trash_button.toggled.connect(self.show_trash)
        self.empty_button = QToolButton(self)
        self.empty_button.setText("Empty Trash…")
        self.empty_button.clicked.connect(self.empty_trash)
        self.empty_button.hide()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._open_first)
        self.search.left.connect(lambda: self.keeper.editor.setFocus())
        self._browsing: str | None = None  # the row the arrow keys stopped on
        self._browse_timer = QTimer(self, singleShot=True, interval=BROWSE_DELAY_MS)
        self._browse_timer.timeout.connect(self._browsed)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.trash_button)
        bottom.addStretch(1)
        bottom.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.panes, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

        self._shortcut(QKeySequence(QKeySequence.StandardKey.Delete), self._trash_selected)
        # View › Drafts Sidebar: the list keeps it, so the check mark follows every show/hide.
        self.toggle_action = QAction("&Drafts Sidebar", parent)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.toggle_action.setCheckable(True)
        self.toggle_action.setChecked(True)
        self.toggle_action.triggered.connect(self.toggle)
        # File › Move Draft to Trash: the list's draft when the list has the keyboard.
        self.trash_action = QAction("Move Draft to &Trash", parent)
        self.trash_action.setShortcut(QKeySequence(TRASH_SHORTCUT))
        self.trash_action.triggered.connect(self.trash_chosen)
        keeper.saved.connect(self._saved)
        keeper.loaded.connect(lambda draft, _exports: self.model.set_current(draft.id))

    def _shortcut(self, keys: QKeySequence, slot: object) -> None:
        action = QAction(self.list)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.list.addAction(action)

    # -- what a row says ------------------------------------------------------------------

    def display_title(self, row: DraftSummary | Draft) -> str:
        """Return a row's title; an untitled draft is named after its template."""
        if row.title:
            return row.title
        template = self._catalog().templates.get(row.template_id or "")
        return f"Untitled {template.name.lower()}" if template else "Untitled draft"

    def subtitle(self, row: DraftSummary) -> str:
        """Return a row's second line: when, last copy (or trash time) and the first words."""
        if self.search.text().strip() and row.snippet:  # the match first: it is why it is here
            return f"{row.snippet} · {when(row.deleted or row.updated)}"
        if row.deleted is not None:
            parts = [trashed_when(row.deleted)]
        else:
            parts = [when(row.updated)]
            if row.last_export is not None:
                parts.append(f"copied for {LABELS.get(row.last_export.format, '?')}")
        if row.snippet:
            parts.append(row.snippet)
        return " · ".join(parts)

    # -- filling the list ---------------------------------------------------------------

    def reload(self) -> None:
        """Fill the list from the store: the search results, the trash or the newest drafts."""
        self._timer.stop()
        self._query.bump()
        query, trashed = self.search.text(), self.showing_trash

        def fetch(store: Store) -> tuple[list[DraftSummary], int]:
            rows = (
                store.search(query, trashed=trashed)
                if query.strip()
                else store.drafts(trashed=trashed, limit=LIST_LIMIT)
            )
            return rows, store.count(trashed=trashed)

        self.store.call(
            fetch,
            self._query.guard(lambda result: self._fill(*result)),
            lambda error: self._fill_failed(error),
        )

    def _fill(self, rows: list[DraftSummary], total: int) -> None:
        self.model.set_rows(rows)
        self.model.set_current(self.session.draft_id)
        shown = self.preview.draft_id
        if self.showing_trash and shown is not None and self.model.row_of(shown) >= 0:
            self.list.setCurrentIndex(self.model.index(self.model.row_of(shown)))
        else:
            self.preview.clear()
            self.select_open_draft()
        self.status.setText(self._describe(len(rows), total))
        self.empty_button.setVisible(self.showing_trash and total > 0)
        self.total = total  # a search shows some of them; Empty Trash deletes them all
        self.listed.emit()

    def _fill_failed(self, error: StoreError) -> None:
        self.status.setText(f"The drafts cannot be listed: {error.reason}.")
        self.listed.emit()

    def _describe(self, shown: int, total: int) -> str:
        if self.search.text().strip():
            where = " in the trash" if self.showing_trash else ""
            return f"{shown} found{where}" if shown else f"Nothing found{where}"
        if self.showing_trash:
            return (
                f"{total} in the trash; each is deleted for good {TRASH_DAYS} days after "
                "it was moved there"
                if total
                else "The trash is empty"
            )
        if total > shown:
            return f"The newest {shown:,} of {total:,} drafts; search to find the rest"
        return f"{total} draft{'s' if total != 1 else ''}"

    def _saved(self, saved: Saved, text: str) -> None:
        """Move the draft just saved to the top (the list is newest first)."""
        if self.showing_trash or self.search.text().strip():
            return
        session = self.session
        old = self.model.row_of(saved.id)
        last = self.model.rows[old].last_export if old >= 0 else None
        summary = DraftSummary(
            saved.id,
            saved.title,
            session.template_id,
            session.channel,
            saved.updated,
            None,
            preview(text[:2000], saved.title),
            last,
        )
        self.model.put_first(summary)
        if saved.id == session.draft_id:
            self.model.set_current(saved.id)
            # The row moved to the top; the view's current index kept its old row number,
            # so the highlight (and Delete in the list) would be on another draft.
            self.select_open_draft()
        if saved.created:
            self.reload()  # the count changed

    # -- acting on drafts -----------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        """Open the draft (the keyboard stays in the list); in the trash, preview it."""
        self._browse_timer.stop()
        self._show(str(index.data(ID_ROLE)))

    def _entered(self, index: QModelIndex) -> None:
        """Enter (or a double click): open the draft and go to the editor to write."""
        self._browse_timer.stop()
        if not self.showing_trash:
            self.keeper.editor.setFocus()
        self._show(str(index.data(ID_ROLE)))

    def _show(self, draft_id: str) -> None:
        if self.showing_trash:
            self.show_preview(draft_id)
        else:
            self.keeper.open_draft(draft_id)

    def browse(self, index: QModelIndex) -> None:
        """Open (or preview) the row the arrow keys moved to, once they rest there."""
        self._browsing = str(index.data(ID_ROLE))
        self._browse_timer.start()

    def _browsed(self) -> None:
        if self._browsing is not None and self.selected_id() == self._browsing:
            self._show(self._browsing)

    def _open_first(self) -> None:
        if self.model.rows:
            self.list.setCurrentIndex(self.model.index(0))
            self._entered(self.model.index(0))

    def select_open_draft(self) -> int:
        """Highlight the open draft's row, or no row when it is not listed; return the row."""
        row = self.model.row_of(self.session.draft_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        else:
            self.list.clearSelection()
            self.list.setCurrentIndex(self.model.index(-1))
        return row

    def keeps_focus(self) -> bool:
        """Return True when a draft just opened should leave the keyboard in the list.

        So after a click (or an arrow key, a Delete, a Ctrl+Z) in the list, the next key
        still acts on the list; Enter opens a draft and goes to the editor instead.
        """
        return self.list.hasFocus()

    def show_unlisted(self) -> None:
        """Highlight no row: the editor holds a new draft, not in the list yet."""
        self.model.set_current(self.session.draft_id)
        if not self.showing_trash:
            self.list.clearSelection()
            self.list.setCurrentIndex(self.model.index(-1))

    def rename_open_draft(self) -> bool:
        """Edit the open draft's title in place; False when it has no row (nothing typed)."""
        if self.select_open_draft() < 0:
            return False
        self.start_rename()
        return True

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self.search.setFocus()
        self.search.selectAll()

    # -- the open draft, from the menus ----------------------------------------------------

    def toggle(self, on: bool) -> None:
        """Show or hide the list (the editor gets the keyboard when it hides)."""
        self.setVisible(on)
        self.toggle_action.setChecked(on)
        if not on:
            self.keeper.editor.setFocus()

    def search_all(self) -> None:
        """Show the list and put the cursor in its search box."""
        self.toggle(True)
        self.focus_search()

    def rename_open(self) -> None:
        """Rename the open draft in the list (it is saved first, so it has a row)."""
        self.toggle(True)
        if not self.rename_open_draft():
            self._say("Type something first: an empty draft has no name.", 5_000)

    def duplicate_open(self) -> None:
        """Copy the open draft and open the copy."""
        self.duplicate(self.session.draft_id)

    def trash_open(self) -> None:
        """Move the open draft to the trash (the next draft in the list takes its place)."""
        self.trash(self.session.draft_id)

    def trash_chosen(self) -> None:
        """File › Move Draft to Trash: the highlighted draft from the list, else the open one."""
        draft_id = self.selected_id()
        if self.list.hasFocus() and not self.showing_trash and draft_id is not None:
            self.trash(draft_id)
        else:
            self.trash_open()

    def selected_id(self) -> str | None:
        """Return the id of the highlighted draft, or None."""
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def context_menu(self, draft_id: str) -> QMenu:
        """Return the menu of a row: open, rename, duplicate, export, trash (or restore)."""
        menu = QMenu(self)
        if self.showing_trash:
            menu.addAction("Restore", lambda: self.restore(draft_id, open_it=False))
            menu.addAction("Delete Forever…\tDel", lambda: self.delete_forever(draft_id))
            return menu
        menu.addAction("Open", lambda: self.keeper.open_draft(draft_id))
        menu.addAction("Rename", self.start_rename)
        menu.addAction("Duplicate", lambda: self.duplicate(draft_id))
        menu.addAction("Export as Markdown…", lambda: self._export_draft(draft_id))
        menu.addSeparator()
        menu.addAction("Move to Trash\tDel", lambda: self.trash(draft_id))
        return menu

    def start_rename(self) -> None:
        """Edit the highlighted draft's title in place."""
        index = self.list.currentIndex()
        if index.isValid():
            self.list.edit(index)

    def rename(self, draft_id: str, title: str) -> None:
        """Rename a draft (an empty title goes back to one taken from its text)."""
        self.store.call(
            lambda store: store.rename(draft_id, title),
            lambda _draft: self._changed_draft(draft_id),
            self._report,
        )

    def duplicate(self, draft_id: str) -> None:
        """Copy a draft and open the copy."""
        self.keeper.flush()  # the copy must have the latest text
        self.store.call(
            lambda store: store.duplicate(draft_id),
            lambda draft: self._after_change(draft.id),
            self._report,
        )

    def _trash_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        if self.showing_trash:
            self.delete_forever(draft_id)
        else:
            self.trash(draft_id)

    def trash(self, draft_id: str) -> None:
        """Move a draft to the trash; Ctrl+Z in the list (or the status bar's Undo) restores it.

        When it is the open draft, the next draft in the list opens (the one above after
        the last), or, when the list does not show it, the newest draft; a blank draft only
        when no other is left.
        """
        self._browse_timer.stop()
        is_open = draft_id == self.session.draft_id
        if is_open and not self.keeper.stored and not self.keeper.editor.toPlainText().strip():
            self._say("Nothing to move to the trash: this draft is empty.", 5_000)
            return
        name = self.name_of(draft_id)
        if is_open:
            self.keeper.flush()  # its latest text goes to the trash with it
        self.store.call(
            lambda store: store.trash(draft_id),
            lambda _none: self._trashed(draft_id, name),
            self._report,
        )
        if is_open:
            self._open_instead(draft_id)

    def _open_instead(self, draft_id: str) -> None:
        """Open the draft that takes the place of ``draft_id`` (going to the trash)."""
        listed = [] if self.showing_trash else [row.id for row in self.model.rows]
        after = neighbour(listed, draft_id)
        if after is not None:
            self.list.setCurrentIndex(self.model.index(self.model.row_of(after)))
            self.keeper.open_draft(after)
            return

        def newest(store: Store) -> str | None:  # runs after the trashing: not that one
            rows = store.drafts(limit=1)
            return rows[0].id if rows else None

        def open_newest(newest_id: str | None) -> None:
            if self.session.draft_id != draft_id:
                return  # the writer opened another draft meanwhile
            if newest_id is None:
                self._start_blank()
            else:
                self.keeper.open_draft(newest_id)

        if draft_id in listed:  # it was the only one
            self._start_blank()
        else:
            self.store.call(newest, open_newest, self._report)

    def name_of(self, draft_id: str) -> str:
        """Return a draft's name as the list shows it (for messages about it)."""
        row = self.model.row_of(draft_id)
        if row >= 0:
            return self.display_title(self.model.rows[row])
        if draft_id == self.session.draft_id and self.session.title:
            return self.session.title
        return "the draft"

    def _trashed(self, draft_id: str, name: str) -> None:
        if draft_id in self.trashed:
            self.trashed.remove(draft_id)
        self.trashed.append(draft_id)
        self._offer_undo(
            f"Moved “{name}” to the trash (kept {TRASH_DAYS} days).",
            lambda: self._undo_trashed(draft_id, name),
        )
        self.reload()

    def _undo_trashed(self, draft_id: str, name: str) -> None:
        """Restore the draft (the status bar's Undo), unless it was deleted for good since."""
        if draft_id not in self.trashed:
            self._say(f"“{name}” is no longer in the trash: it was restored or deleted for good.")
            return
        self.restore(draft_id, open_it=True)

    def can_undo_trash(self) -> bool:
        """Return True when a draft this window trashed can be brought back with Ctrl+Z."""
        return bool(self.trashed)

    def undo_trash(self) -> None:
        """Bring back the draft trashed last (from this window) and open it."""
        if self.trashed:
            self.restore(self.trashed[-1], open_it=True)

    def restore(self, draft_id: str, *, open_it: bool) -> None:
        """Take a draft out of the trash (and open it, when asked)."""

        def done(draft: Draft) -> None:
            if draft_id in self.trashed:
                self.trashed.remove(draft_id)
            self._say(f"Restored “{self.display_title(draft)}”.", 5_000)
            if open_it and self.showing_trash:
                self.trash_button.setChecked(False)  # back to the drafts, where it now is
            self.reload()
            if open_it:
                self.keeper.open_draft(draft_id)

        self.store.call(lambda store: store.restore(draft_id), done, self._report)

    def show_preview(self, draft_id: str) -> None:
        """Show a trashed draft, read-only, under the list (restoring is a button away)."""
        self._previewed.bump()

        def shown(draft: Draft) -> None:
            if self.showing_trash and draft.deleted is not None:
                info = trashed_when(draft.deleted)
                self.preview.show_draft(draft.id, self.display_title(draft), info, draft.body)

        self.store.call(
            lambda store: store.get(draft_id), self._previewed.guard(shown), self._report
        )

    def delete_forever(self, draft_id: str) -> None:
        """Delete a draft from the trash for good, after asking."""
        row = self.model.row_of(draft_id)
        name = f"“{self.name_of(draft_id)}”" if row >= 0 else "This draft"
        if confirm_for_good(
            self,
            "Delete for good?",
            f"{name} and its copy history will be deleted for good. This cannot be undone.",
            "Delete for Good",
        ):
            if draft_id in self.trashed:
                self.trashed.remove(draft_id)
            self.store.call(
                lambda store: store.delete_forever(draft_id),
                lambda _none: self.reload(),
                self._report,
            )

    def empty_trash(self) -> None:
        """Delete every draft in the trash for good, after asking."""
        count = self.total if self.showing_trash else 0  # all of them, not the search's
        drafts = (
            f"The {count} drafts" if count > 1 else "The draft" if count == 1 else "Every draft"
        )
        if confirm_for_good(
            self,
            "Empty the trash?",
            f"{drafts} in the trash will be deleted for good. This cannot be undone.",
            "Empty Trash",
        ):
            self.trashed.clear()
            self.store.call(
                lambda store: store.empty_trash(), lambda _count: self.reload(), self._report
            )

    def show_trash(self, on: bool) -> None:
        """Switch the list between the drafts and the trash."""
        self.showing_trash = on
        self._browse_timer.stop()
        self._previewed.bump()
        self.preview.clear()
        self.trash_button.setText("Back to Drafts" if on else "Trash")
        self.search.setPlaceholderText("Search the trash" if on else "Search all drafts")
        self.reload()

    def _changed_draft(self, draft_id: str) -> None:
        if draft_id == self.session.draft_id:
            self.currentRenamed.emit()
        self.reload()

    def _after_change(self, draft_id: str) -> None:
        self.reload()
        self.keeper.open_draft(draft_id)

    def _report(self, error: StoreError) -> None:
        self._say(f"That did not work: {error.reason}.")
        self.reload()


def trashed_when(deleted: datetime) -> str:
    """Say when a draft went to the trash and how long it stays there."""
    left = TRASH_DAYS - (datetime.now(UTC) - deleted).days
    return f"Deleted {when(deleted)}, gone in {max(left, 0)} days"
