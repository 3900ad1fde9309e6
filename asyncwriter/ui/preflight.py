"""The pre-flight sheet: what is still open in a draft, shown before it is copied out.

It lists the open findings by severity under the readiness chips, and offers two ways on:
"Fix first" (back to the draft, at the first finding, or at the one double-clicked) and
"Copy anyway". It never blocks: a writer who knows better copies with one key (Enter).
A note under the headline says when the message would arrive outside most readers'
working hours (:meth:`PreflightSheet.show_note`); a note, not a finding: it blocks nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.checks.model import LineIndex
from asyncwriter.english import series
from asyncwriter.ui import theme
from asyncwriter.ui.finding_tones import is_to_fill, to_fill_count
from asyncwriter.ui.finding_tree import SEVERITY_GROUPS, fill_tree, finding_rows
from asyncwriter.ui.readiness import ReadinessBar

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from asyncwriter.checks.model import Finding, Report

_ROLE = Qt.ItemDataRole.UserRole


class PreflightSheet(QDialog):
    """A window-modal sheet listing open findings, with "Fix first" and "Copy anyway".

    Signals:
        findingChosen(finding): the writer wants to go to this finding (the sheet closes).

    ``action`` names what the sheet stands before ("Copy for Slack"): it titles the sheet
    and labels the button that does it anyway. ``accepted`` means go ahead; ``rejected``
    means go back and fix.
    """

    findingChosen = Signal(object)

    def __init__(self, action: str, report: Report, findings: Sequence[Finding], tz: tzinfo,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("preflight")
        self.setWindowTitle(f"Before you {action[0].lower()}{action[1:]}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.Sheet)  # a sheet on macOS, a dialog elsewhere
        self.findings = list(findings)
        self.headline = QLabel(_headline(self.findings, action), self)
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.note = QLabel(self)
        self.note.setObjectName("preflightNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setContentsMargins(6, 4, 6, 4)
        self.note.hide()
        self.chips = ReadinessBar(self)
        self.chips.update_report(report, self.findings, tz)
        self.chips.findingRequested.connect(self._go_to)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("preflightFindings")
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._chosen)
        self.tree.itemDoubleClicked.connect(self._chosen)
        fill_tree(self.tree, self.findings, LineIndex(report.text), line_label="Line ")
        hint = QLabel("Double-click a finding to go to it.", self)
        hint.setEnabled(False)
        buttons = QDialogButtonBox(self)
        self.fix_button = QPushButton("Fix First", self)
        self.copy_button = QPushButton(f"{action} Anyway", self)
        buttons.addButton(self.fix_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.note)
        layout.addWidget(self.chips)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self.copy_button.setFocus()

    def show_note(self, text: str) -> None:
        """Show a note under the headline ("It is 02:00 for Aiko in Tokyo; …")."""
        self.note.setText(text)
        self.note.setStyleSheet(theme.banner_style("preflightNote", "info", self.palette()))
        self.note.show()

    def items(self) -> list[QTreeWidgetItem]:
        """Return the finding rows (not the group headings), in order."""
        return finding_rows(self.tree)

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, _ROLE)
        if finding is not None:
            self._go_to(finding)

    def _go_to(self, finding: Finding) -> None:
        """Close the sheet and go to ``finding`` (a row or a chip was chosen)."""
        self.reject()
        self.findingChosen.emit(finding)


def _headline(findings: Sequence[Finding], action: str = "Copy") -> str:
    """Return "This draft still has 2 errors and 13 placeholders to fill. …".

    Unfilled placeholders are their own group, shown as "to fill" everywhere else in the
    window; counted by severity they made a draft with only placeholders "13 errors".
    """
    counts = []
    for severity, label in SEVERITY_GROUPS:
        n = sum(1 for f in findings if f.severity is severity and not is_to_fill(f))
        if n:
            noun = label.lower() if n != 1 else label.lower().removesuffix("s")
            counts.append(f"{n} {noun}")
    to_fill = to_fill_count(findings)
    if to_fill:
        counts.append(f"{to_fill} placeholder{'' if to_fill == 1 else 's'} to fill")
    if not counts:
        return "No open findings."
    doing = "open it" if action.lower().startswith("open") else "copy it"
    return f"This draft still has {series(counts)}. Fix them first, or {doing} as it is."
