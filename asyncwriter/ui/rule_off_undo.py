"""Turning a rule off from a finding, and taking it back with Undo.

Turning a rule off changes ``settings.toml`` for every draft, so it asks first, and it can
be undone three ways: the Undo button in the status message, Edit › Undo, and Ctrl+Z in the
editor. The last two are the editor's own text undo, so the two histories have to agree.

How they agree: Qt's text undo stack cannot hold our own steps (PySide6 has no
``QAbstractUndoItem``), so each turn-off is kept here with a mark of where the text was when
it happened: the text itself and the number of text undo steps then. A turn-off is *the last
action* exactly when the text and its undo position are back at that mark, i.e. the writer
typed nothing since, or undid all of what was typed since. Then Undo turns the rule back on;
otherwise Undo is the plain text undo it always was. So, after "turn off, type a word",
Ctrl+Z removes the word and the next Ctrl+Z turns the rule back on, as one history would.
Redo mirrors it. Another draft has other text, so its Undo never reaches a turn-off made
in this one (the status button still does: it names what it takes back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox

from asyncwriter.ui import settings_changes

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar, QWidget

    from asyncwriter.checks.model import Finding
    from asyncwriter.rule_settings import RuleSetting
    from asyncwriter.settings import Settings
    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.settings_changes import LiveSettings
    from asyncwriter.ui.undo_notice import UndoNotice

#: Stands for "the rule had no line of its own in [rules]" (undo removes the line again).
_ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class TurnOff:
    """One rule turned off: what it was before, and where the text was at that moment."""

    rule: str
    before: RuleSetting | str
    text: str
    undo_steps: int


class RuleOffUndo(QObject):
    """Turns rules off on request and keeps the turn-offs undoable.

    Args:
        live: the settings in effect (the change is saved there).
        editor: whose Ctrl+Z / Ctrl+Shift+Z reach a turn-off that was the last action.
        bar: the window's status bar (where the settings change says what it did).
        parent: the window (the confirmation is its child).
        notice: the window's status message with an Undo button (shared with trashing).
    """

    def __init__(self, live: LiveSettings, editor: MarkdownEditor, bar: QStatusBar,
                 parent: QWidget, notice: UndoNotice) -> None:  # fmt: skip
        super().__init__(parent)
        self.live, self.editor, self._bar, self._parent = live, editor, bar, parent
        self.done: list[TurnOff] = []
        self.undone: list[TurnOff] = []
        self.notice = notice
        editor.installEventFilter(self)

    # -- turning off -----------------------------------------------------------------------

    def ask(self, finding: Finding) -> QMessageBox:
        """Ask whether to turn ``finding``'s rule off everywhere (not blocking)."""
        question = f"Stop reporting “{finding.rule}” in every draft?"
        box = QMessageBox(QMessageBox.Icon.Question, "Turn Off Rule", question,
                          parent=self._parent)  # fmt: skip
        box.setInformativeText(f"{finding.message}\n\nUndo takes it back (Ctrl+Z), and "
                               "Edit › Settings turns it on again at any time.")  # fmt: skip
        turn_off = box.addButton("Turn Off", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(turn_off)
        box.accepted.connect(lambda: self.turn_off(finding.rule))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def turn_off(self, rule: str) -> bool:
        """Turn ``rule`` off (saved in settings); say so with an Undo button."""
        before = self.live.config.rules.get(rule, _ABSENT)
        mark = TurnOff(rule, before, self.editor.toPlainText(),
                       self.editor.document().availableUndoSteps())  # fmt: skip
        done = f"Turned off {rule} for every draft; Undo turns it back on."
        self.live.change(settings_changes.rule_off(rule), done)
        if self.live.config.rules.get(rule, _ABSENT) is not None:
            return False  # not applied (the file could not be written; the writer was told)
        self.done.append(mark)
        self.undone.clear()
        self._announce()
        return True

    # -- undo and redo ---------------------------------------------------------------------

    def is_last(self, mark: TurnOff) -> bool:
        """Return True when nothing was done to the text since ``mark`` (see the module)."""
        return (self.editor.document().availableUndoSteps() == mark.undo_steps
                and self.editor.toPlainText() == mark.text)  # fmt: skip

    def undo(self) -> None:
        """Edit › Undo: the turn-off if it was the last action, else the text's undo."""
        if self.undo_turn_off():
            return
        if not self.editor.document().isUndoAvailable() and self.notice.take_back():
            return  # nothing typed to undo: take back what the status message offers
        self.editor.undo()

    def redo(self) -> None:
        """Edit › Redo: the undone turn-off if it comes next, else the text's redo."""
        if not self.redo_turn_off():
            self.editor.redo()

    def undo_turn_off(self) -> bool:
        """Turn the last turn-off back on if it was the last action; return whether it was."""
        if not self.done or not self.is_last(self.done[-1]):
            return False
        self._restore(self.done.pop())
        return True

    def redo_turn_off(self) -> bool:
        """Turn the last undone rule off again if that comes next; return whether it did."""
        if not self.undone or not self.is_last(self.undone[-1]):
            return False
        mark = self.undone.pop()
        self.live.change(settings_changes.rule_off(mark.rule), f"Turned off {mark.rule} again.")
        self.done.append(mark)
        self._announce()
        return True

    def _undo_from_notice(self) -> None:
        """Undo the turn-off the status message announced, whatever was typed since."""
        if self.done:
            self._restore(self.done.pop())

    def _restore(self, mark: TurnOff) -> None:
        before = mark.before

        def back_on(s: Settings) -> None:
            if before == _ABSENT:
                s.rules.pop(mark.rule, None)
            else:
                s.rules[mark.rule] = before  # type: ignore[assignment]

        self.live.change(back_on, f"Turned {mark.rule} back on.")
        self.undone.append(mark)

    def _announce(self) -> None:
        """Move what the settings change said into the message with the Undo button."""
        said = self._bar.currentMessage()
        if said:
            self.notice.offer(said, self._undo_from_notice)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Shift+Z in the editor reach a turn-off that was the last action."""
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo):
                return self.undo_turn_off()
            if event.matches(QKeySequence.StandardKey.Redo):
                return self.redo_turn_off()
        return False

    def take_over(self, undo_action: QAction, redo_action: QAction) -> None:
        """Make Edit › Undo and Edit › Redo go through :meth:`undo` and :meth:`redo`."""
        for action, slot in ((undo_action, self.undo), (redo_action, self.redo)):
            action.triggered.disconnect()
            action.triggered.connect(slot)
