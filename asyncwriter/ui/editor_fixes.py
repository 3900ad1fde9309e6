"""What the editor's context menu and hover card do when a fix is chosen.

The editor only says which choice on which finding; fixing goes through the same
:class:`~asyncwriter.ui.finding_actions.FindingActions` the findings panel uses (one undo
step, a fresh lint, a stale report never edited), ignoring through the draft session, and
"Add link…" asks for a URL first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from asyncwriter.ui.add_link import AddLinkDialog, linked
from asyncwriter.ui.fix_choices import ChoiceKind

if TYPE_CHECKING:
    from asyncwriter.checks.model import Finding
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.finding_actions import FindingActions
    from asyncwriter.ui.fix_choices import FixChoice


class EditorFixes(QObject):
    """Carries out the fixes chosen in the editor.

    Args:
        editor: where the choices are offered (its ``fixChosen`` signal).
        actions: applies a fix to the open draft.
        session: the open draft (its report's text, and ignoring).
    """

    def __init__(
        self, editor: MarkdownEditor, actions: FindingActions, session: DraftSession
    ) -> None:
        super().__init__(editor)
        self.editor, self.actions, self.session = editor, actions, session
        #: The open "Add link…" dialog, if any (tests read it).
        self.link_dialog: AddLinkDialog | None = None
        editor.fixChosen.connect(self.choose)

    def choose(self, choice: FixChoice) -> None:
        """Do what ``choice`` says."""
        if choice.kind is ChoiceKind.FIX:
            self.actions.apply_fix(choice.finding, choice.suggestion)
        elif choice.kind is ChoiceKind.IGNORE:
            self.session.ignore(choice.finding)
            self.editor.setFocus()
        else:
            self.ask_for_link(choice.finding)

    def ask_for_link(self, finding: Finding) -> AddLinkDialog | None:
        """Ask for a URL (the clipboard's, if it holds one) and link the finding's span."""
        report = self.session.report
        if report is None or not self.session.current():
            self.actions.apply_fix(finding, "")  # stale: relints, never edits
            return None
        mention = report.text[finding.start : finding.end]
        wrap = finding.rule == "links.unlinked-reference"
        dialog = AddLinkDialog(mention, QGuiApplication.clipboard().text(), self.editor)

        def done() -> None:
            url = dialog.url
            if url is not None:
                self.actions.apply_fix(finding, linked(mention, url, wrap=wrap))

        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: AddLinkDialog) -> None:
        if self.link_dialog is dialog:
            self.link_dialog = None
        self.editor.setFocus()
