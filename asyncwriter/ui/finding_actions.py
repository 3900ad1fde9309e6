"""What the findings panel's buttons do: select, fix, turn a rule off, add a word.

The panel only says which finding and which button; acting needs the open draft (is the
report still for this text?), the editor and the settings in effect. Keeping that here lets
the panel stay a view and the window only connect the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.ui import settings_changes

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMessageBox

    from asyncwriter.checks.model import Finding
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.rule_off_undo import RuleOffUndo
    from asyncwriter.ui.settings_changes import LiveSettings


class FindingActions:
    """Acts on findings for the open draft.

    Args:
        session: the open draft and its last report.
        editor: where findings are selected and fixed.
        live: the settings in effect (turning a rule off, adding a word saves them).
        lint_now: asks for a lint at once (after a fix, or when the report is stale).
        rule_off: turns rules off, undoably.
    """

    def __init__(self, session: DraftSession, editor: MarkdownEditor, live: LiveSettings,
                 lint_now: Callable[[], None], rule_off: RuleOffUndo) -> None:  # fmt: skip
        self.session, self.editor, self.live, self.lint_now = session, editor, live, lint_now
        self.rule_off = rule_off

    def show(self, finding: Finding) -> None:
        """Select a finding's span in the editor (only if the text is still the linted one)."""
        if self.session.current():
            self.editor.select_span(finding.start, finding.end)
        self.editor.setFocus()

    def apply_fix(self, finding: Finding, suggestion: str) -> None:
        """Put a suggestion in the text (one undo step).

        Both fix kinds are one edit of the finding's span: a replacement takes its place,
        and a TL;DR suggestion is the line followed by the opening it goes above. A stale
        report's spans point at other text, so then it only asks for a fresh lint. The
        keyboard stays where it was (the fix queue moves on to the next finding).
        """
        if not self.session.current():
            self.lint_now()
            return
        self.editor.replace_span(finding.start, finding.end, suggestion)
        self.lint_now()

    def ask_turn_off_rule(self, finding: Finding) -> QMessageBox:
        """Ask, then never report this finding's rule again (undoable; see rule_off_undo)."""
        return self.rule_off.ask(finding)

    def turn_off_rule(self, finding: Finding) -> None:
        """Never report this finding's rule again (saved in settings; Undo takes it back)."""
        self.rule_off.turn_off(finding.rule)

    def add_to_dictionary(self, finding: Finding) -> None:
        """Add a misspelled word to the dictionary (saved in settings, applied here)."""
        report = self.session.report
        if not self.session.current() or report is None:
            return
        word = report.text[finding.start : finding.end].strip()
        if word:
            self.live.change(
                settings_changes.word_added(word), f"Added “{word}” to the dictionary."
            )
