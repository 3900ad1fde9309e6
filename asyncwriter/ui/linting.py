"""Live linting off the UI thread: debounced, one job at a time, stale results dropped.

Each edit bumps a revision and restarts a short timer. When the writer pauses, a snapshot
of the text (a plain ``str``) goes to a :class:`~asyncwriter.ui.background.Background`
worker, which calls the pure-Python check engine and hands the report back on the UI
thread. A report is applied only if its revision is still current; if the text changed
while a job ran, the next job starts as soon as the running one ends. Typing never waits
on any of it.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from asyncwriter.checks import lint
from asyncwriter.checks.options import DEFAULT_SHORT_NOTICE_HOURS
from asyncwriter.ui import clock
from asyncwriter.ui.background import Background

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import tzinfo

    from asyncwriter.checks.grammar.checker import GrammarChecker
    from asyncwriter.checks.model import Report
    from asyncwriter.checks.spelling.checker import SpellingChecker
    from asyncwriter.rule_settings import RuleSetting
    from asyncwriter.team import Person
    from asyncwriter.templates import Template

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
    #: The built-in checker: checked in the lint job once its engine is built (a changed
    #: paragraph takes milliseconds); until then the window's SpellingRunner builds it.
    spelling: SpellingChecker | None = None
    #: The team's people and the notice they need: the team-time rules judge deadlines
    #: for them, as ``asyncwriter lint`` does with the same settings.
    people: tuple[Person, ...] = ()
    short_notice_hours: float = DEFAULT_SHORT_NOTICE_HOURS


def _lint_timed(text: str, options: LintOptions) -> tuple[Report, float]:
    """Lint one snapshot on the worker thread; return the report and the seconds it took."""
    started = time.perf_counter()
    now = clock.now()
    report = lint(
        text,
        template=options.template,
        now=now.astimezone(options.tz) if options.tz is not None else now.astimezone(),
        tz=options.tz,
        settings=options.settings,
        channel=options.channel,
        grammar=options.grammar,
        fetch_grammar=False,
        spelling=options.spelling,
        fetch_spelling=options.spelling is not None and options.spelling.loaded,
        people=options.people,
        short_notice_hours=options.short_notice_hours,
    )
    return report, time.perf_counter() - started


class LintScheduler(QObject):
    """Runs the checks on the editor's text in the background after each pause.

    Signals:
        reportReady(report): a report for the text as it is now.
        failed(message): the checks raised; the editor keeps working without them.
    """

    reportReady = Signal(object)
    failed = Signal(str)

    def __init__(self, snapshot: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self.options = LintOptions()
        self.revision = 0
        self._running = False
        self._pending = False
        self.last_duration = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self.worker = Background(self)
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
        revision, text, options = self.revision, self._snapshot(), self.options
        self.worker.submit(
            lambda: _lint_timed(text, options),
            lambda result: self._finished(revision, *result),
            lambda exc: self._failed(revision, f"{type(exc).__name__}: {exc}"),
        )

    def _finished(self, revision: int, report: Report, seconds: float) -> None:
        self._running = False
        self.last_duration = seconds
        if revision == self.revision:  # the text did not change while the lint ran
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
        self.worker.wait(5_000)
