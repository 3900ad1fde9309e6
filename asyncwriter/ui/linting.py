"""Live linting off the UI thread: debounced, one job at a time, stale results dropped.

Each edit bumps a revision and restarts a short timer. When the writer pauses, a snapshot
of the text (a plain ``str``) goes to a ``QRunnable`` in the thread pool, which calls the
pure-Python check engine and hands the report back through a queued signal. A report is
applied only if its revision is still current; if the text changed while a job ran, the
next job starts as soon as the running one ends. Typing never waits on any of it.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from asyncwriter.checks import lint

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import tzinfo

    from asyncwriter.checks.context import RuleSetting
    from asyncwriter.checks.grammar import GrammarChecker
    from asyncwriter.checks.model import Report
    from asyncwriter.templates import Template

logger = logging.getLogger(__name__)

#: Pause in typing before a lint starts.
DEBOUNCE_MS = 250
#: How often (seconds) the worker thread offers the interpreter lock to the UI thread;
#: Python's default (5 ms) would let a running lint delay a keystroke by that much.
SWITCH_INTERVAL = 0.0005


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What a lint needs besides the text: template, rule settings, zone, channel, grammar.

    The grammar checker is only read from its cache here; what it lacks is asked for by
    the window's :class:`~asyncwriter.ui.grammar_runner.GrammarRunner`.
    """

    template: Template | None = None
    settings: dict[str, RuleSetting] = field(default_factory=dict)
    tz: tzinfo | None = None
    channel: str | None = None
    grammar: GrammarChecker | None = None


class _Relay(QObject):
    """Lives in the UI thread; the worker emits through it (a queued connection)."""

    done = Signal(int, object, float)
    failed = Signal(int, str)


class _LintJob(QRunnable):
    """One lint of one snapshot; touches no Qt object but the relay's signals."""

    def __init__(self, revision: int, text: str, options: LintOptions, relay: _Relay) -> None:
        super().__init__()
        self.revision, self.text, self.options, self.relay = revision, text, options, relay

    def run(self) -> None:
        started = time.perf_counter()
        try:
            report = lint(
                self.text,
                template=self.options.template,
                tz=self.options.tz,
                settings=self.options.settings,
                channel=self.options.channel,
                grammar=self.options.grammar,
                fetch_grammar=False,
            )
        except Exception as exc:  # a bug in a check must not take the editor down
            logger.exception("lint failed")
            self.relay.failed.emit(self.revision, f"{type(exc).__name__}: {exc}")
            return
        self.relay.done.emit(self.revision, report, time.perf_counter() - started)


class LintScheduler(QObject):
    """Runs the checks on the editor's text in the background after each pause.

    Signals:
        reportReady(report): a report for the text as it is now.
        failed(message): the checks raised; the editor keeps working without them.
    """

    reportReady = Signal(object)  # noqa: N815 - Qt signal naming
    failed = Signal(str)

    def __init__(self, snapshot: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self.options = LintOptions()
        self.revision = 0
        self._running = False
        self._pending = False
        self.last_duration = 0.0
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)

    def set_delay(self, ms: int) -> None:
        """Change the pause before a lint (the benchmark lints continuously with 0)."""
        self._timer.setInterval(ms)

    def text_changed(self) -> None:
        """Note an edit: results for older text are now stale."""
        self.revision += 1
        self._timer.start()

    def set_options(self, options: LintOptions) -> None:
        """Change template, settings or zone, and lint again."""
        self.options = options
        self.text_changed()

    def lint_now(self) -> None:
        """Start a lint without waiting for the pause (on open, after a template)."""
        self._timer.stop()
        self._start()

    @property
    def busy(self) -> bool:
        """True while a lint runs or one is waiting for its pause."""
        return self._running or self._timer.isActive() or self._pending

    def _start(self) -> None:
        if self._running:
            self._pending = True
            return
        self._running = True
        self.pool.start(_LintJob(self.revision, self._snapshot(), self.options, self._relay))

    def _finished(self, revision: int, report: Report, seconds: float) -> None:
        self._running = False
        self.last_duration = seconds
        if revision == self.revision:
            self.reportReady.emit(report)
        self._next()

    def _failed(self, revision: int, message: str) -> None:
        self._running = False
        if revision == self.revision:
            self.failed.emit(message)
        self._next()

    def _next(self) -> None:
        if self._pending:
            self._pending = False
            self._start()

    def shutdown(self) -> None:
        """Stop the timer and wait for a running lint (on close)."""
        self._timer.stop()
        self._pending = False
        self.pool.waitForDone(5_000)
