"""Work off the UI thread, answered on it: the one way the window runs slow things.

Linting, grammar requests, rendering an export and every call to the drafts store take from
a millisecond to several seconds; typing must never wait on any of them. Each owner hands a
plain function of plain data to a :class:`Background`, which runs it on its own thread pool
(one thread by default, so jobs run in the order given) and calls the owner's callback back
on the UI thread through a queued signal: callbacks may touch widgets, the job never does.

A result is only worth applying if it is still current: the text may have changed, or
another draft been opened, while the job ran. :class:`Generation` is the counter that says
so (bump it when earlier results go stale, check a job's number when its answer arrives),
and :meth:`Background.discard` drops every answer still on its way.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Generation:
    """A counter of "what is current": results tagged with an older number are stale."""

    def __init__(self) -> None:
        self.value = 0

    def bump(self) -> int:
        """Make everything handed out so far stale; return the new current number."""
        self.value += 1
        return self.value

    def is_current(self, number: int) -> bool:
        """Return True when nothing was bumped since ``number`` was handed out."""
        return number == self.value

    def guard(self, callback: Callable[..., None]) -> Callable[..., None]:
        """Return ``callback`` wrapped to do nothing once the current number has moved on."""
        number = self.value

        def call_if_current(*args: Any) -> None:
            if number == self.value:
                callback(*args)

        return call_if_current


class _Relay(QObject):
    """Lives in the UI thread; a worker emits a callback through it to run it there."""

    deliver = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


class _Job(QRunnable):
    """Runs one function on a pool thread; its answer goes back through the relay."""

    def __init__(
        self,
        work: Callable[[], Any],
        answer: Callable[[Callable[[], None]], None],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        expected: tuple[type[Exception], ...],
    ) -> None:
        super().__init__()
        self.work, self.answer = work, answer
        self.on_done, self.on_error, self.expected = on_done, on_error, expected

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # a bug in a job must not take the window down
            if not isinstance(exc, self.expected):
                logger.exception("background job failed")
            if self.on_error is not None:
                on_error, error = self.on_error, exc
                self.answer(lambda: on_error(error))
            return
        if self.on_done is not None:
            on_done = self.on_done
            self.answer(lambda: on_done(result))


class Background(QObject):
    """A private thread pool whose jobs answer on the UI thread, unless discarded first.

    Args:
        threads: how many jobs may run at once (1: one after another, in order).
        keep_thread: keep the idle thread alive (the store's connection lives on it).
    """

    def __init__(
        self, parent: QObject | None = None, *, threads: int = 1, keep_thread: bool = False
    ) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        if keep_thread:
            self.pool.setExpiryTimeout(-1)
        self._relay = _Relay(self)
        self._generation = Generation()

    def submit(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        expected: tuple[type[Exception], ...] = (),
    ) -> None:
        """Run ``work()`` on the pool; pass its result (or exception) on on the UI thread.

        An exception that is not one of ``expected`` is a bug: it is logged here too.
        """
        number = self._generation.value

        def answer(callback: Callable[[], None]) -> None:
            self.post(lambda: callback() if self._generation.is_current(number) else None)

        self.pool.start(_Job(work, answer, on_done, on_error, expected))

    def post(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the UI thread soon (safe to call from any thread)."""
        self._relay.deliver.emit(callback)

    def discard(self) -> None:
        """Drop the answers of every job submitted so far (they still run to the end)."""
        self._generation.bump()

    def wait(self, timeout_ms: int) -> bool:
        """Block until every job ran; return False on time-out."""
        return self.pool.waitForDone(timeout_ms)
