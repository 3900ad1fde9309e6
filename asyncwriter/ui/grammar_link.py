"""Grammar in the window: the LanguageTool runner, its bar, the status line and the lint.

A lint reads grammar results from the checker's cache only, so it never waits on the
network. This keeps the pieces in step: it asks the runner for what a report lacks, lints
again when the answers are in (if the text is still the same), swaps the checker in the
lint options when its state changes, and records the writer's consent to the public service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from asyncwriter.ui import state as window_state
from asyncwriter.ui.grammar_bar import OFFERS

if TYPE_CHECKING:
    from collections.abc import Callable

    from asyncwriter.checks.model import Report
    from asyncwriter.settings import Settings
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.grammar_bar import GrammarBar
    from asyncwriter.ui.grammar_runner import GrammarRunner
    from asyncwriter.ui.linting import LintOptions, LintScheduler
    from asyncwriter.ui.state import WindowState
    from asyncwriter.ui.status_line import StatusLine


class GrammarLink(QObject):
    """Connects a :class:`GrammarRunner` to its bar, the status line and the linter.

    Args:
        options: the lint options for the draft now (with the checker if it is active).
        config: the settings in effect.
    """

    def __init__(
        self,
        runner: GrammarRunner,
        bar: GrammarBar,
        status: StatusLine,
        linter: LintScheduler,
        session: DraftSession,
        state: WindowState,
        *,
        options: Callable[[], LintOptions],
        config: Callable[[], Settings],
    ) -> None:
        super().__init__(runner)
        self.runner, self.bar, self.status, self.linter = runner, bar, status, linter
        self.session, self.state = session, state
        self._options, self._config = options, config
        runner.stateChanged.connect(self._state_changed)
        runner.downloadProgress.connect(bar.show_progress)
        runner.checked.connect(self._checked)
        bar.downloadRequested.connect(runner.download)
        bar.allowRequested.connect(self.allow_public)
        bar.notNow.connect(self._not_now)
        bar.dismissed.update(state.grammar_not_now)

    def _not_now(self, state: str) -> None:
        """Remember a Not Now to an offer, so the next start does not ask again."""
        if state in OFFERS and state not in self.state.grammar_not_now:
            self.state.grammar_not_now.append(state)
            window_state.save(self.state)

    def forget_not_now(self) -> None:
        """Ask the grammar offers again (the writer changed how grammar runs)."""
        self.bar.dismissed.difference_update(self.state.grammar_not_now)
        self.state.grammar_not_now.clear()
        window_state.save(self.state)

    def request_missing(self, report: Report) -> None:
        """Ask LanguageTool about the paragraphs the report had no cached answer for."""
        if report.grammar is not None and report.grammar.pending:
            self.runner.request(report.grammar.pending, self.linter.revision)

    def allow_public(self) -> None:
        """Record that the writer agreed to send drafts to the public LanguageTool service."""
        self.state.public_consent = True
        window_state.save(self.state)
        self.runner.configure(self._config().languagetool, consent=True)
        self.session.set_options(self._options())
        self.linter.lint_now()

    def _state_changed(self, state: str, message: str) -> None:
        self.bar.show_state(state, message)
        self.status.show_grammar(state, message)
        options = self._options()
        if self.session.options.grammar is not options.grammar:
            # Another checker (or none): its findings come (or go) with the next lint.
            self.session.set_options(options)

    def _checked(self, revision: int) -> None:
        """LanguageTool answered: lint again from the cache if the text is unchanged."""
        if revision == -1:  # a retry is due: the next lint lists what is still unchecked
            self.session.set_options(self._options())
        if revision in (-1, self.linter.revision):
            self.linter.lint_now()
