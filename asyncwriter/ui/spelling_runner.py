"""The built-in spelling checker in the window: built off the UI thread, said once if broken.

Building Harper's ``Linter`` takes about a second, so the window's first lints run without
it: what they could not check (``report.spelling.pending``) comes here, and one job on a
thread of its own builds the engine and checks those paragraphs; ``checked(revision)`` then
asks for a lint again. Once the engine is built, the lint job checks changed paragraphs
itself (a few milliseconds each), so underlines come with the same lint as every other
finding. An engine that cannot load is said once in the status bar (``failed``), and the
window lints on without it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from asyncwriter.checks.spelling.checker import embedded_checker
from asyncwriter.checks.spelling.engine import SpellingError
from asyncwriter.ui.background import Background

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.checks.model import Report
    from asyncwriter.checks.spelling.checker import SpellingChecker
    from asyncwriter.settings import LanguageToolSettings

logger = logging.getLogger(__name__)

#: How long quitting waits for a running check (a paragraph takes milliseconds; a first
#: build about a second, and it cannot be cut off).
SHUTDOWN_WAIT_MS = 3_000


class SpellingRunner(QObject):
    """Owns the built-in checker (one per window: each engine costs ~140 MB) and its job.

    Signals:
        checked(revision): the engine is built and that revision's paragraphs are cached.
        failed(message): the engine cannot load; said once, the window goes on without it.
    """

    checked = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checker: SpellingChecker | None = None
        self.enabled = False
        self.error: SpellingError | None = None
        self.worker = Background(self)
        self._running = False

    def configure(self, config: LanguageToolSettings, names: Sequence[str] = ()) -> None:
        """Follow the settings: on unless grammar is off; the dictionary is applied at once.

        ``names`` are the team's names and handles (:func:`asyncwriter.team.known_words`),
        accepted like dictionary words.
        """
        self.enabled = config.mode != "off"
        words = [*config.words, *names]
        if self._checker is None:
            self._checker = embedded_checker(words)
        else:
            self._checker.set_words(words)

    @property
    def checker(self) -> SpellingChecker | None:
        """The checker for lints, or None when it is off or cannot load."""
        return self._checker if self.enabled and self.error is None else None

    def request_missing(self, report: Report, revision: int) -> None:
        """Build the engine and check what a report lacked, on the worker (one at a time)."""
        outcome = report.spelling
        checker = self.checker
        if checker is None or outcome is None or not outcome.pending or self._running:
            return
        self._running = True
        pending = list(outcome.pending)
        self.worker.submit(
            lambda: checker.fetch(pending),
            lambda _none: self._done(revision),
            self._failed,
            expected=(SpellingError,),
        )

    def _done(self, revision: int) -> None:
        self._running = False
        self.checked.emit(revision)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        if self.error is not None:
            return
        self.error = (
            exc
            if isinstance(exc, SpellingError)
            else SpellingError(f"the built-in spelling checker stopped with an error ({exc})")
        )
        self.failed.emit(f"Spelling is not checked: {self.error}.")

    def shutdown(self) -> None:
        """Drop answers on their way and let a running check end (on quit)."""
        self.worker.discard()
        self.worker.wait(SHUTDOWN_WAIT_MS)
