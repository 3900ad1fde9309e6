"""Which draft the window holds, and keeping it saved: autosave, switching, restore, history.

Autosave runs on two timers started by an edit: a short one restarted by every keystroke
(save when the writer pauses) and a longer one that is not (save during a long burst of
typing too). Whichever fires first takes a snapshot of the text (a plain ``str``) and hands
it to the store's thread; so at most :data:`MAX_DELAY_MS` of typing plus one write is ever
unsaved, and typing never waits on the disk. Focus leaving the window, switching drafts and
quitting save at once.

Saves of one draft are chained on the store's thread: each one names the revision it
replaces, taken from :class:`_Revisions` there, so a save queued while another runs is
still checked. A save that loses to another window (:class:`~asyncwriter.storage.Conflict`)
keeps the text as a new draft instead of overwriting or dropping either version.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from asyncwriter.storage import Conflict, Draft, ExportRecord, Saved, Store, StoreError, new_id

if TYPE_CHECKING:
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.store_client import StoreClient

logger = logging.getLogger(__name__)

#: Save when typing pauses this long.
IDLE_MS = 250
#: Save at the latest this long after the first unsaved keystroke, even mid-burst.
MAX_DELAY_MS = 700
#: How many copies of other drafts Export › Copy History offers.
RECENT_EXPORTS = 15


class _Revisions:
    """The revision this window last wrote or read, per draft; used on the store's thread.

    Saves run there one after another, so the revision a save must name is the one the
    save before it produced, which the UI thread does not know yet when it queues it.
    """

    def __init__(self) -> None:
        self._known: dict[str, int] = {}

    def save(self, store: Store, draft_id: str, body: str, **fields: Any) -> Saved:
        """Save ``body``; on a conflict, keep it as a new draft and return that save."""
        try:
            saved = store.save(draft_id, body, revision=self._known.get(draft_id, 0), **fields)
        except Conflict:
            logger.warning("draft %s changed elsewhere; keeping this text as a new draft", draft_id)
            fork = new_id()
            saved = store.save(fork, body, **fields)
            self._known[fork] = saved.revision
            return saved
        self._known[draft_id] = saved.revision
        return saved

    def load(self, store: Store, draft_id: str) -> tuple[Draft, list[ExportRecord]]:
        """Read a draft and its copy history, and remember its revision."""
        draft = store.get(draft_id)
        self._known[draft_id] = draft.revision
        return draft, store.exports(draft_id)


class DraftKeeper(QObject):
    """Sets which draft the session holds (id, template id, channel) and keeps it stored.

    Signals:
        saved(Saved, str): a save landed (the text saved is the second argument).
        loaded(Draft, list): a stored draft and its copy history are now in the editor.
        forked(str): the draft changed in another window, so this text became a new draft.
        failed(str): a save failed (the reason); the text stays here and is saved later.
        restored(): the session restore at start finished (a draft came back or not).
        exportsChanged(): the recent copies (of any draft) were reloaded.
    """

    saved = Signal(object, str)
    loaded = Signal(object, list)
    forked = Signal(str)
    failed = Signal(str)
    restored = Signal()
    exportsChanged = Signal()

    def __init__(
        self,
        session: DraftSession,
        editor: MarkdownEditor,
        client: StoreClient,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = editor
        self.client = client
        self.stored = False  # the draft has a row in the store
        self.recent: list[tuple[ExportRecord, str]] = []
        self._revisions = _Revisions()
        self._edits = 0  # bumped by every change of the text
        self._saved_edits = 0  # the edits the last landed save included
        self._pending = 0  # saves queued and not answered yet
        self._again = False  # text changed while a save ran: save when it lands
        self._cursor_moved = False
        self._quiet = False  # the keeper itself is replacing the text
        self._loading: str | None = None  # the draft asked for and not loaded yet
        self.idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self.deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self.idle.timeout.connect(self.save_now)
        self.deadline.timeout.connect(self.save_now)
        editor.textChanged.connect(self._changed)
        editor.cursorPositionChanged.connect(self._moved)
        client.opened.connect(lambda _opened: self.save_now() if self.dirty else None)

    @property
    def draft_id(self) -> str:
        """Return the id of the draft in the editor (the session's)."""
        return self.session.draft_id

    @property
    def dirty(self) -> bool:
        """Return True when the editor holds text the store does not have yet."""
        return self._edits != self._saved_edits

    # -- autosave ---------------------------------------------------------------------

    def _changed(self) -> None:
        if self._quiet:
            return
        self._edits += 1
        self.idle.start()
        if not self.deadline.isActive():
            self.deadline.start()

    def _moved(self) -> None:
        if not self._quiet:
            self._cursor_moved = True

    def save_now(self, *, force: bool = False) -> None:
        """Save the text if it changed (or just the cursor position), in the background.

        While a save is running, another waits for it to land (so a slow disk does not
        pile up copies of a large draft) unless ``force`` (switching, quitting).
        """
        self.idle.stop()
        self.deadline.stop()
        if not self.dirty:
            if self._cursor_moved and self.stored and (force or not self._pending):
                self._save_cursor()
            return
        if self._pending and not force:
            self._again = True
            return
        text = self.editor.toPlainText()
        if not self.stored and not text.strip():
            self._saved_edits = self._edits  # a blank new draft is not worth a row yet
            return
        edits, draft_id, revisions = self._edits, self.draft_id, self._revisions
        fields = {
            "template_id": self.session.template_id,
            "channel": self.session.channel,
            "cursor": self.editor.textCursor().position(),
        }
        self._cursor_moved = False
        self._pending += 1
        self.client.call(
            lambda store: revisions.save(store, draft_id, text, **fields),
            lambda saved: self._landed(saved, draft_id, edits, text),
            lambda error: self._not_saved(error),
        )

    def _save_cursor(self) -> None:
        draft_id, position = self.draft_id, self.editor.textCursor().position()
        self._cursor_moved = False
        self.client.call(lambda store: store.save_cursor(draft_id, position))

    def _landed(self, saved: Saved, draft_id: str, edits: int, text: str) -> None:
        self._pending -= 1
        if draft_id == self.draft_id:
            self.stored = True
            self._saved_edits = max(self._saved_edits, edits)
            if saved.id != draft_id:
                self.session.draft_id = saved.id
                self._remember_session()
                self.forked.emit(
                    "This draft was changed in another window, so your text was "
                    "kept as a new draft; both versions are in the list."
                )
        self.saved.emit(saved, text)
        if self._again and not self._pending:
            self._again = False
            self.save_now()

    def _not_saved(self, error: StoreError) -> None:
        self._pending -= 1
        self._again = False
        self.failed.emit(error.reason)

    # -- which draft ------------------------------------------------------------------

    def new_draft(self, template_id: str | None, channel: str | None) -> None:
        """Leave the current draft (saved) and start a new one, not stored until it has text."""
        self._leave()
        self.session.draft_id = new_id()
        self.stored = False
        self._loading = None  # a load still on its way must not replace the new draft
        self.session.template_id, self.session.channel = template_id, channel
        self.session.title = ""  # else the window keeps the last draft's name
        self._saved_edits = self._edits  # the old draft's text is on its way to the store
        self._remember_session()

    def open_draft(self, draft_id: str) -> None:
        """Leave the current draft (saved) and load another; :attr:`loaded` follows."""
        if (draft_id == self.draft_id and self.stored) or draft_id == self._loading:
            return  # a click then a double click on one row load it once
        self._leave()
        self._loading = draft_id
        revisions = self._revisions

        def failed(error: StoreError) -> None:
            if self._loading == draft_id:
                self._loading = None
            self.failed.emit(f"cannot open the draft: {error.reason}")

        self.client.call(lambda store: revisions.load(store, draft_id), self._landed_load, failed)

    def _landed_load(self, result: tuple[Draft, list[ExportRecord]]) -> None:
        """Show a draft :meth:`open_draft` asked for, unless another was asked for since."""
        if result[0].id != self._loading:
            return  # the writer opened (or started) another draft meanwhile
        self._loading = None
        self._loaded(result)

    def restore_session(self) -> None:
        """Reopen the draft that was open when the app last stopped (or was killed)."""
        revisions = self._revisions

        def restore(store: Store) -> tuple[Draft, list[ExportRecord]] | None:
            store.purge_trash()
            ids = store.session()
            return revisions.load(store, ids[0]) if ids else None

        def done(result: tuple[Draft, list[ExportRecord]] | None) -> None:
            if result is not None and not self.dirty:  # typing already started: keep it
                self._loaded(result)
            else:
                self._remember_session()  # the new draft, restored once it has text
            self.refresh_recent()
            self.restored.emit()

        def failed(error: StoreError) -> None:
            self.failed.emit(error.reason)
            self.restored.emit()

        self.client.call(restore, done, failed)

    def _leave(self) -> None:
        """Save the current draft now; drop it if it is stored but empty."""
        self.save_now(force=True)
        if self.stored and not self.editor.toPlainText().strip():
            draft_id = self.draft_id
            self.client.call(lambda store: store.discard_if_blank(draft_id))

    def _loaded(self, result: tuple[Draft, list[ExportRecord]]) -> None:
        draft, exports = result
        if self.dirty:
            self.save_now(force=True)  # typed into the old draft while this one loaded
        self.session.draft_id = draft.id
        self.stored = True
        self.session.template_id, self.session.channel = draft.template_id, draft.channel
        self._quiet = True
        try:
            self.editor.setPlainText(draft.body)
            cursor = self.editor.textCursor()
            cursor.setPosition(min(max(draft.cursor, 0), len(draft.body)))
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        finally:
            self._quiet = False
        self.editor.document().setModified(False)
        self._saved_edits = self._edits
        self._cursor_moved = False
        self._remember_session()
        self.loaded.emit(draft, exports)

    def _remember_session(self) -> None:
        draft_id = self.draft_id
        self.client.call(lambda store: store.set_session([draft_id]))

    # -- copy history -----------------------------------------------------------------

    def record_export(self, fmt: str, action: str) -> None:
        """Add a copy to this draft's history (saving the draft first, so it exists)."""
        self.save_now(force=True)
        draft_id = self.draft_id
        channel = fmt if self.session.template_id is None and action == "copy" else None
        if channel is not None:
            self.session.channel = channel

        def record(store: Store) -> tuple[ExportRecord | None, list[tuple[ExportRecord, str]]]:
            entry = store.record_export(draft_id, fmt, action)
            if channel is not None and entry is not None:
                store.set_channel(draft_id, channel)
            return entry, store.recent_exports(RECENT_EXPORTS)

        def done(result: tuple[ExportRecord | None, list[tuple[ExportRecord, str]]]) -> None:
            self.recent = result[1]
            self.exportsChanged.emit()

        self.client.call(record, done)

    def refresh_recent(self) -> None:
        """Reload the recent copies of all drafts (for Export › Copy History)."""

        def done(recent: list[tuple[ExportRecord, str]]) -> None:
            self.recent = recent
            self.exportsChanged.emit()

        self.client.call(lambda store: store.recent_exports(RECENT_EXPORTS), done)

    # -- quitting ----------------------------------------------------------------------

    def flush(self) -> None:
        """Save whatever is unsaved (focus left the window, or it is closing)."""
        self.save_now(force=True)
