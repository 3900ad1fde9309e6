"""Working through the findings as a queue: F8 / Shift+F8, and on to the next after a fix.

The panel shows the cards and :class:`~asyncwriter.ui.finding_actions.FindingActions` acts
on one finding; this module is what ties the two into a queue:

- F8 / Shift+F8 (from anywhere in the window) select the next / previous finding's span in
  the editor, in the order of the text from the cursor, wrapping around, like VS Code's F8.
  The keyboard goes to the editor, so the writer can type the fix; only when it was in
  the findings panel does it stay there, on the card of that finding.
- After a fix or an ignore, the finding that took the handled one's place in the queue
  becomes the current one and its span is selected; the keyboard stays where it was. That
  waits for the report on the fixed text, and is dropped if the writer typed meanwhile
  (selecting a span under their typing would replace what they type).
- Moving through the cards by keyboard shows each finding's span without leaving the panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from asyncwriter.ui.textmap import Utf16Map

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QMenu, QWidget

    from asyncwriter.checks.model import Finding
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.editor import MarkdownEditor
    from asyncwriter.ui.finding_actions import FindingActions
    from asyncwriter.ui.findings_panel import FindingsPanel


@dataclass(frozen=True, slots=True)
class _Advance:
    """After a fix or an ignore: the queue place to select once ``text`` is linted."""

    index: int
    text: str
    #: The next finding in the queue, as (rule, start) in ``text``: selected when it is
    #: still there. A fix can settle two findings on the same words (the zone and the
    #: relative day), so the same index would skip one.
    follow: tuple[str, int] | None = None


def _follow(later: Sequence[Finding], fixed: Finding,
            suggestion: str) -> tuple[str, int] | None:  # fmt: skip
    """Return (rule, start after the fix) of the first later finding the fix leaves alone.

    The queue is by severity, so the next card may be earlier in the text (its place does
    not move) or later (it moves by what the fix added); one on the fixed words goes.
    """
    grown = len(suggestion) - (fixed.end - fixed.start)
    for f in later:
        if f.end <= fixed.start:
            return f.rule, f.start
        if f.start >= fixed.end:
            return f.rule, f.start + grown
    return None


def step_from(findings: list[Finding], start: int, end: int, current: Finding | None,
              step: int) -> Finding | None:  # fmt: skip
    """Return the finding F8 (``step`` 1) or Shift+F8 (-1) goes to from the cursor.

    Args:
        findings: the open findings.
        start: where the editor's selection starts (a code point offset).
        end: where it ends (equal to ``start`` when nothing is selected).
        current: the queue's current finding; when it is the one selected, the step goes
            from it, so findings on the same words are visited one by one.
        step: 1 for the next finding, -1 for the previous one.

    Returns:
        The finding to go to, wrapping around the text (None: there are none).
    """
    ordered = sorted(findings, key=lambda f: (f.start, f.end))
    if not ordered:
        return None
    if current is not None and current in ordered and (current.start, current.end) == (start, end):
        return ordered[(ordered.index(current) + step) % len(ordered)]
    if step > 0:
        after = [f for f in ordered if f.start > start or (start == end and f.start == start)]
        return after[0] if after else ordered[0]
    before = [f for f in ordered if f.start < start]
    return before[-1] if before else ordered[-1]


class FixQueue(QObject):
    """Next and previous finding, and moving on after a fix or an ignore.

    Args:
        session: the open draft and its findings.
        editor: where spans are selected.
        panel: the cards.
        actions: what fixing and ignoring do.
        say: shows a status message.
    """

    def __init__(self, session: DraftSession, editor: MarkdownEditor, panel: FindingsPanel,
                 actions: FindingActions, say: Callable[[str], None]) -> None:  # fmt: skip
        super().__init__(panel)
        self.session, self.editor, self.panel, self.actions = session, editor, panel, actions
        self._say = say
        self._advance: _Advance | None = None
        self._pending_step = 0
        panel.fixRequested.connect(self.fix)
        panel.ignoreRequested.connect(self.ignore)
        panel.selected.connect(self._show_span)
        panel.filled.connect(self._filled)
        panel.left.connect(self.editor.setFocus)

    def add_actions(self, menu: QMenu, window: QWidget) -> tuple[QAction, QAction]:
        """Put Next Finding (F8) and Previous Finding (Shift+F8) in ``menu``; return them."""
        menu.addSeparator()
        found: list[QAction] = []
        for text, key, step in (("Next &Finding", "F8", 1), ("Pre&vious Finding", "Shift+F8", -1)):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, s=step: self.go(s))
            menu.addAction(action)
            found.append(action)
        return found[0], found[1]

    # -- F8 ----------------------------------------------------------------------------

    def go(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) finding's span from the cursor."""
        if not self.session.current():
            self._pending_step = step  # the text changed since the last lint: go once it is in
            self.actions.lint_now()
            return
        cursor = self.editor.textCursor()
        units = Utf16Map(self.editor.toPlainText())
        start = units.to_code_point(cursor.selectionStart())
        end = units.to_code_point(cursor.selectionEnd())
        target = step_from(self.session.open_findings, start, end,
                           self.panel.current_finding(), step)  # fmt: skip
        if target is None:
            self._say("No findings.")
            return
        in_panel = self._focus_in_panel()
        self.panel.select(self.panel.index_of(target), focus=in_panel)
        self.editor.select_span(target.start, target.end)
        if not in_panel:
            self.editor.setFocus()

    # -- fix and ignore, then on to the next -----------------------------------------------

    def fix(self, finding: Finding, suggestion: str) -> None:
        """Apply a fix; the next finding in the queue is selected once the fix is linted."""
        report = self.session.report
        if self.session.current() and report is not None:
            text = report.text[: finding.start] + suggestion + report.text[finding.end :]
            index = max(self.panel.index_of(finding), 0)
            self._advance = _Advance(index, text, _follow(self._queue()[index + 1 :], finding,
                                                          suggestion))  # fmt: skip
        self.actions.apply_fix(finding, suggestion)

    def ignore(self, finding: Finding) -> None:
        """Hide a finding for this draft; the next one in the queue is selected."""
        self._advance = _Advance(max(self.panel.index_of(finding), 0), self.session.text())
        self.session.ignore(finding)

    def _filled(self) -> None:
        if self._pending_step and self.session.current():
            step, self._pending_step = self._pending_step, 0
            self.go(step)
            return
        advance = self._advance
        if advance is None:
            return
        if self.session.text() != advance.text:
            self._advance = None  # the writer typed since: leave their cursor alone
            return
        if not self.session.current():
            return  # an older report on screen; the one for the fixed text is coming
        self._advance = None
        cards = self.panel.cards()
        if not cards:
            return
        index = min(advance.index, len(cards) - 1)
        for i, card in enumerate(cards):
            found = card.finding
            if found is not None and (found.rule, found.start) == advance.follow:
                index = i
                break
        self.panel.select(index, focus=False)
        finding = self.panel.current_finding()
        if finding is not None:
            self.editor.select_span(finding.start, finding.end)

    def _queue(self) -> list[Finding]:
        """Return the findings of the cards, in queue order."""
        return [card.finding for card in self.panel.cards() if card.finding is not None]

    def _show_span(self, finding: Finding) -> None:
        """Show the span of the card reached by keyboard, leaving the keyboard in the panel."""
        if self.session.current():
            self.editor.select_span(finding.start, finding.end)

    def _focus_in_panel(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and self.panel.isAncestorOf(focused)
