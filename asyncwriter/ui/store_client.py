"""The window's way to the drafts store: every call on one background thread, in order.

SQLite answers most calls in a millisecond, but a save of a multi-megabyte paste re-indexes
it for search (a tenth of a second or more), a busy disk can stall an fsync, and another
instance can hold the write lock for seconds: none of that may freeze typing. So the
window never touches the store itself. It hands a function of the store to
:meth:`StoreClient.call`; a one-thread :class:`~asyncwriter.ui.background.Background`
runs the calls in the order given (so a save always lands before the copy record that
follows it), and the result or the error comes back on the UI thread.

Opening the store is a call like any other. When it fails for a reason that can pass (a
full disk, a read-only folder, a lock), the client says so through :attr:`StoreClient.
unavailable` and tries again with a growing delay; the window keeps the text in memory
meanwhile.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from asyncwriter.storage import Conflict, Opened, Store, StoreError, as_store_error
from asyncwriter.ui.background import Background

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

logger = logging.getLogger(__name__)

#: Delays (seconds) between attempts to open a store that could not be opened.
RETRY_DELAYS_S = (2, 5, 10, 30, 60)


class StoreClient(QObject):
    """Owns the drafts store for a window and runs calls to it in the background.

    Every call opens the store first if it is not open, so while it is unavailable each
    autosave is also a retry; a timer retries too, with growing delays, when nothing else
    does.

    Signals:
        opened(Opened): the store is open (``moved_aside`` says if a damaged one was moved).
        unavailable(str): the store cannot be used, and why; it is retried.
    """

    opened = Signal(object)
    unavailable = Signal(str)

    def __init__(self, path: Path | str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.store: Store | None = None  # touched only on the pool's thread
        #: Why the store cannot be used now (None when it is open or not tried yet).
        self.error: StoreError | None = None
        self.is_open = False
        self._failures = 0
        self._closed = False
        self.worker = Background(self, keep_thread=True)  # the connection lives on it
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.open)

    def open(self) -> None:
        """Open the store in the background (or check it still works)."""
        self.retry_timer.stop()
        self.call(lambda _store: None)

    def call(
        self,
        func: Callable[[Store], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[StoreError], object] | None = None,
    ) -> None:
        """Run ``func(store)`` on the store's thread; answer on the UI thread.

        ``on_error`` gets a :class:`StoreError` (any other exception is a bug: it is logged
        and passed on as a StoreError with its text). Calls run in the order made.
        """
        if self._closed:
            return
        self.worker.submit(
            lambda: self._on_thread(func),
            lambda answer: self._done(*answer, on_done),
            lambda exc: self._failed(exc, on_error),
            expected=(StoreError,),
        )

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until the queued calls ran (quit, tests); return False on time-out."""
        return self.worker.wait(timeout_ms)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Finish the queued calls, close the store; return False if the wait timed out."""
        self.retry_timer.stop()
        finished = self.worker.wait(timeout_ms)
        self._closed = True
        if finished and self.store is not None:
            self.store.close()
            self.store = None
        return finished

    # -- on the pool's thread ----------------------------------------------------------

    def _on_thread(self, func: Callable[[Store], Any]) -> tuple[Any, Opened | None]:
        """Open the store if need be, then run ``func``; return its result and the opening."""
        opened = self._ensure_open()
        return self._run(func), opened

    def _ensure_open(self) -> Opened | None:
        if self.store is not None:
            return None
        opened = Store.open(self.path)
        self.store = opened.store
        return opened

    def _run(self, func: Callable[[Store], Any]) -> Any:
        assert self.store is not None
        try:
            return func(self.store)
        except StoreError as exc:
            if exc.damaged:
                self._drop_store()  # the next call reopens it, moving the file aside
            raise
        except sqlite3.Error as exc:
            error = as_store_error(exc, self.store.path)
            if error.damaged:
                self._drop_store()
            raise error from exc

    def _drop_store(self) -> None:
        if self.store is not None:
            try:
                self.store.close()
            except sqlite3.Error:
                logger.exception("closing a damaged store")
            self.store = None

    # -- on the UI thread -------------------------------------------------------------

    def _done(
        self, result: object, opened: Opened | None, on_done: Callable[[Any], None] | None
    ) -> None:
        if not self.is_open:
            self.is_open = True
            self.error = None
            self._failures = 0
            self.retry_timer.stop()
            self.opened.emit(opened)
        if on_done is not None:
            on_done(result)

    def _failed(self, exc: Exception, on_error: Callable[[StoreError], object] | None) -> None:
        if isinstance(exc, StoreError):
            error = exc
            if not isinstance(exc, Conflict):
                self._fault(error)
        else:
            error = StoreError(f"{type(exc).__name__}: {exc}")
        if on_error is not None:
            on_error(error)

    def _fault(self, error: StoreError) -> None:
        """Mark the store unusable, say why (once per new reason) and schedule a retry."""
        changed = self.is_open or self.error is None or self.error.reason != error.reason
        self.is_open = False
        self.error = error
        self._failures += 1
        if not self._closed:
            delay = RETRY_DELAYS_S[min(self._failures - 1, len(RETRY_DELAYS_S) - 1)]
            self.retry_timer.start(delay * 1000)
        if changed:
            self.unavailable.emit(error.reason)
