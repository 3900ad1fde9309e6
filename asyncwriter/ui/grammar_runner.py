"""LanguageTool off the UI thread: asking, starting, downloading and backing off.

The lint job reads grammar results from the checker's cache only, so a lint never waits on
the network or on Java. What it could not find in the cache (``report.grammar.pending``)
comes here: one job at a time on a thread of its own asks LanguageTool, and when the
answers are in, ``checked(revision)`` tells the window to lint again (now from the cache)
if the text is still that revision. A newer request replaces a queued one; nothing ever
blocks typing, whatever LanguageTool does.

States (``state``): ``off``; ``builtin`` (only the built-in checker runs); ``ready``;
``checking``; ``starting`` (the local server is starting: seconds); ``needs-download``;
``downloading``; ``needs-java``; ``needs-consent``; ``misconfigured`` (a setting is
wrong); ``failing`` (errors, retried with back-off).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from asyncwriter import languagetool
from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.languagetool import local
from asyncwriter.ui.background import Background

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.checks.grammar.checker import GrammarChecker
    from asyncwriter.checks.grammar.paragraphs import Paragraph
    from asyncwriter.settings import LanguageToolSettings

logger = logging.getLogger(__name__)

#: Seconds before trying a failing LanguageTool again: quickly at first, then rarely.
BACKOFF = (2, 5, 10, 30, 60)
#: How long quitting waits for a grammar job to unwind once its request was cut off.
SHUTDOWN_WAIT_MS = 2_000
_STATES_FOR_ACTION = {
    "download": "needs-download",
    "java": "needs-java",
    "consent": "needs-consent",
    "settings": "misconfigured",
}


class GrammarRunner(QObject):
    """Owns the LanguageTool checker and talks to it on its own thread.

    Signals:
        checked(revision): results for that revision's paragraphs are cached; lint again.
        stateChanged(state, message): for the status line and the grammar bar.
        downloadProgress(done, total): bytes of the LanguageTool download (total may be None).
    """

    checked = Signal(int)
    stateChanged = Signal(str, str)
    downloadProgress = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker: GrammarChecker | None = None
        self.state = "off"
        self.message = ""
        self.worker = Background(self)
        self._running = False
        self._queued: tuple[list[Paragraph], int] | None = None
        self._failures = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._retry_now)
        self._config: LanguageToolSettings | None = None
        self._consent = False
        #: Seconds the last LanguageTool request took (for the status line's tooltip).
        self.last_seconds = 0.0

    # -- configuration ----------------------------------------------------------------------

    def configure(
        self, config: LanguageToolSettings, *, consent: bool, force: bool = False
    ) -> None:
        """Use these settings from now on (the old checker is closed on the grammar thread).

        A new dictionary alone keeps the checker and its cache: words are applied here.
        """
        current = self.checker
        previous = self._config
        unchanged = current is not None and previous is not None and _same_server(previous, config)
        if not force and unchanged and self._consent == consent:
            assert current is not None
            current.set_words(config.words)
            self._config = config
            return
        self._config, self._consent = config, consent
        old, self.checker = self.checker, None
        if old is not None:
            self.worker.submit(old.close, expected=(GrammarError,))
        self._retry.stop()
        self._failures = 0
        self._queued = None
        try:
            server = languagetool.make_server(config, consent=consent)
        except GrammarError as exc:
            self._set_state(_STATES_FOR_ACTION.get(exc.action or "", "failing"), str(exc))
            return
        if server is None:
            if config.mode == "builtin":
                self._set_state("builtin", "Grammar and spelling: the built-in checker")
            else:
                self._set_state("off", "Grammar checks are off")
            return
        self.checker = languagetool.make_checker(config, server)
        if isinstance(server, local.LocalServer) and not local.installed():
            self._set_state("needs-download", "LanguageTool is not on this computer yet")
            return
        self._set_state("ready", f"Grammar: {_where(config)}")

    @property
    def active(self) -> bool:
        """True when findings can come from the checker (possibly from its cache only)."""
        return self.checker is not None and self.state not in ("needs-download", "downloading")

    # -- checking ----------------------------------------------------------------------------

    def request(self, pending: Sequence[Paragraph], revision: int) -> None:
        """Ask LanguageTool about paragraphs not in the cache yet (the latest request wins)."""
        if (
            not pending
            or self.checker is None
            or self.state not in ("ready", "checking", "starting")
        ):
            return
        if self._running:
            self._queued = (list(pending), revision)
            return
        self._start(list(pending), revision)

    def _start(self, pending: list[Paragraph], revision: int) -> None:
        checker = self.checker
        assert checker is not None
        self._running = True
        server = checker.server
        if isinstance(server, local.LocalServer) and server.tool is None:
            self._set_state("starting", "Starting LanguageTool on this computer…")
        else:
            self._set_state("checking", "Checking grammar…")

        def fetch() -> float:
            started = time.perf_counter()
            checker.fetch(pending)
            return time.perf_counter() - started

        self.worker.submit(
            fetch,
            lambda seconds: self._done(revision, seconds),
            lambda exc: self._failed(revision, _as_grammar_error(exc)),
            expected=(GrammarError,),
        )

    def _done(self, revision: int, seconds: float) -> None:
        self._running = False
        self._failures = 0
        self.last_seconds = seconds
        if self._config is not None:
            self._set_state("ready", f"Grammar: {_where(self._config)}")
        self.checked.emit(revision)
        self._next()

    def _failed(self, revision: int, error: GrammarError) -> None:
        self._running = False
        self._queued = None
        if not error.retry:
            self._set_state(_STATES_FOR_ACTION.get(error.action or "", "failing"), str(error))
            return
        delay = BACKOFF[min(self._failures, len(BACKOFF) - 1)]
        self._failures += 1
        self._set_state("failing", f"{error}; trying again in {delay} s")
        self._retry.start(delay * 1000)

    def _retry_now(self) -> None:
        """Let the window lint again: the lint lists what is still not checked."""
        if self.state == "failing" and self._config is not None:
            self._set_state("ready", f"Grammar: {_where(self._config)}")
            self.checked.emit(-1)

    def retry(self) -> None:
        """Try again now (the writer pressed Try Again, or settings changed)."""
        if self._config is not None:
            self.configure(self._config, consent=self._consent, force=True)
            self.checked.emit(-1)

    def _next(self) -> None:
        if self._queued is not None:
            pending, revision = self._queued
            self._queued = None
            self._start(pending, revision)

    # -- downloading -------------------------------------------------------------------------

    def download(self) -> None:
        """Download LanguageTool in the background, reporting progress.

        The download runs on a daemon thread, not the grammar pool: it cannot be cancelled,
        and quitting must not wait for a few hundred megabytes.
        """
        if self.state == "downloading":
            return
        self._set_state("downloading", "Downloading LanguageTool…")
        post = self.worker.post

        def work() -> None:
            error: GrammarError | None = None
            try:
                local.download(
                    lambda done, total: post(lambda: self.downloadProgress.emit(done, total))
                )
            except GrammarError as exc:
                error = exc
            except Exception as exc:  # keep the window told, whatever happens
                logger.exception("LanguageTool download failed")
                error = GrammarError(f"LanguageTool could not be downloaded ({exc})")
            post(lambda: self._downloaded(error))

        threading.Thread(target=work, name="languagetool-download", daemon=True).start()

    def _downloaded(self, error: GrammarError | None) -> None:
        if error is not None:
            action = error.action or ""
            self._set_state("needs-java" if action == "java" else "download-failed", str(error))
            return
        self.retry()

    # -- state -------------------------------------------------------------------------------

    def _set_state(self, state: str, message: str) -> None:
        if (state, message) == (self.state, self.message):
            return
        self.state, self.message = state, message
        self.stateChanged.emit(state, message)

    def shutdown(self) -> None:
        """Stop retrying, cut off a running request, and stop a local server (on quit).

        Quitting never waits on the network: closing the checker cuts its request off at
        once (the job then ends with an error nobody is told about), and stops Java even
        while it is starting. The short wait is for that job to unwind, not for a server.
        """
        self._retry.stop()
        self._queued = None
        self.worker.discard()
        if self.checker is not None:
            self.checker.close()
            self.checker = None
        self.worker.wait(SHUTDOWN_WAIT_MS)


def _as_grammar_error(exc: Exception) -> GrammarError:
    """Return a grammar request's error as the writer sees it (a bug becomes a message)."""
    if isinstance(exc, GrammarError):
        return exc
    return GrammarError(f"grammar checking stopped with an error ({exc})")


def _same_server(a: LanguageToolSettings, b: LanguageToolSettings) -> bool:
    return (a.mode, a.url, a.language, a.level) == (b.mode, b.url, b.language, b.level)


def _where(config: LanguageToolSettings) -> str:
    """Say in a few words where grammar is checked."""
    if config.mode == "local":
        return "LanguageTool on this computer"
    if config.mode == "public":
        return "languagetool.org"
    from urllib.parse import urlsplit

    return f"LanguageTool at {urlsplit(config.url).netloc or config.url}"
