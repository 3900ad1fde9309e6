"""Feedback on the draft's own state: "Checking…" during a long check, "Saved" after a save.

A 2 MB paste takes the checks several seconds; until they answer, the word count would show
the old text's count ("0 words"), so after a short wait it says "Checking…" instead. Drafts
save themselves (see :mod:`~asyncwriter.ui.draft_keeper`), so Ctrl+S does not need to do
anything, but a writer who presses it out of habit deserves an answer: it saves at once and
says that drafts save themselves. The status bar keeps "Saved" or "Saving…" in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from asyncwriter.ui.linting import DEBOUNCE_MS

if TYPE_CHECKING:
    from collections.abc import Callable

    from asyncwriter.storage import Saved
    from asyncwriter.ui.draft_keeper import DraftKeeper
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.linting import LintScheduler
    from asyncwriter.ui.status_line import StatusLine

#: Say "Checking…" when the checks have not answered this long after the last edit: past
#: the debounce, and longer than a usual check takes, so typing does not make it flicker.
CHECKING_AFTER_MS = DEBOUNCE_MS + 500
#: What Ctrl+S says after "Saved" or "Saving now".
SAVE_MESSAGE = "drafts save themselves as you type, so there is no need to press Ctrl+S."
#: What Ctrl+S says for a new draft with no text (there is nothing to keep yet).
NOTHING_MESSAGE = "Nothing to save yet: drafts save themselves as you type."


class CheckingIndicator(QObject):
    """Shows "Checking…" in place of the word count while a check runs long.

    Args:
        editor: its edits start the wait.
        session: says whether the report on screen is for the current text.
        linter: a failed check ends the wait (the status line says why).
        status: where "Checking…" is shown.
    """

    def __init__(self, editor: MarkdownEditor, session: DraftSession, linter: LintScheduler,
                 status: StatusLine, parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.session, self.status = session, status
        self.timer = QTimer(self, singleShot=True, interval=CHECKING_AFTER_MS)
        self.timer.timeout.connect(self._waited)
        editor.textChanged.connect(self.timer.start)
        session.reportApplied.connect(lambda _report: self.timer.stop())
        linter.failed.connect(lambda _message: self.timer.stop())

    def _waited(self) -> None:
        if not self.session.current():
            self.status.show_checking()


class SaveFeedback(QObject):
    """Keeps "Saved"/"Saving…" in the status bar, and answers Ctrl+S.

    Args:
        keeper: saves the draft and says when a save landed or failed.
        editor: its edits mean "Saving…".
        status: where the save state is shown.
        say: shows a status message for a while.
    """

    def __init__(self, keeper: DraftKeeper, editor: MarkdownEditor, status: StatusLine,
                 say: Callable[[str], None], parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.keeper, self.editor, self.status, self._say = keeper, editor, status, say
        keeper.saved.connect(self._saved)
        keeper.loaded.connect(lambda _draft, _exports: status.show_saved())
        keeper.failed.connect(status.show_not_saved)
        editor.textChanged.connect(self._changed)

    def _changed(self) -> None:
        blank = (
            self.editor.document().characterCount() < 200 and not self.editor.toPlainText().strip()
        )
        if not self.keeper.stored and blank:
            self.status.show_nothing_to_save()  # a blank new draft is never saved: no "Saving…"
        elif self.keeper.dirty:
            self.status.show_saving()

    def _saved(self, saved: Saved, _text: str) -> None:
        if saved.id == self.keeper.draft_id and not self.keeper.dirty:
            self.status.show_saved()

    def save(self) -> None:
        """Save now (Ctrl+S) and say that drafts save themselves."""
        blank = (
            self.editor.document().characterCount() < 200 and not self.editor.toPlainText().strip()
        )
        if not self.keeper.stored and blank:
            self._say(NOTHING_MESSAGE)
            return
        unsaved = self.keeper.dirty
        self.keeper.flush()
        self._say(f"{'Saving now' if unsaved else 'Saved'}: {SAVE_MESSAGE}")
