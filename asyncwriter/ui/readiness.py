"""The readiness bar: the four core checks as pass/fail chips, readable at a glance.

A chip passes when its area has no open finding; it shows the count otherwise, and
waits while placeholders hold its check back. Chips are buttons: clicking one (or Enter or
Space on it) goes to the first finding of its area, so the bar is a way into the fix queue
and not only a score. Tooltips name what is missing (:mod:`~asyncwriter.ui.readiness_tips`);
the deadline chip's shows each deadline as a zone | time table. A badge says "Ready to
send", or how many placeholders are left to fill.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from asyncwriter.checks.model import LineIndex
from asyncwriter.times import zones
from asyncwriter.ui import finding_tones, readiness_tips, theme

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import tzinfo

    from PySide6.QtGui import QColor, QKeyEvent

    from asyncwriter.checks import Severity
    from asyncwriter.checks.model import Finding, Report
    from asyncwriter.team import Person
    from asyncwriter.ui.findings_panel import FindingsPanel


@dataclass(frozen=True, slots=True)
class Area:
    """One core check: its chip label and the rule id prefixes it covers."""

    key: str
    label: str
    prefixes: tuple[str, ...]


AREAS = (
    Area("summary", "Summary", ("summary.",)),
    Area("ask", "Ask", ("ask.",)),
    Area("deadline", "Deadline + time zone", ("deadline.", "timezone.")),
    Area("links", "Links", ("links.",)),
)


@dataclass(frozen=True, slots=True)
class ChipState:
    """What a chip shows: ``pass``, ``fail`` (with a count) or ``pending``."""

    state: str
    count: int = 0


def chip_states(report: Report | None, findings: Sequence[Finding]) -> dict[str, ChipState]:
    """Return each area's state for a report and its open (not ignored) findings.

    Nothing passes before there is text, or while placeholders are unfilled: a template's
    "TL;DR: {{...}}" is where the summary goes, not a summary.
    """
    unfinished = report is None or not report.text.strip() or any(
        f.rule == "structure.placeholder" for f in report.findings)  # fmt: skip
    states = {}
    for area in AREAS:
        count = sum(1 for f in findings if f.rule.startswith(area.prefixes))
        if count:
            states[area.key] = ChipState("fail", count)
        elif unfinished:
            states[area.key] = ChipState("pending")
        else:
            states[area.key] = ChipState("pass")
    return states


class Chip(QPushButton):
    """A readiness chip: a rounded button that takes focus and goes to its area's findings.

    Enter and Return click it too (a plain push button takes only Space outside dialogs,
    and inside one it would become the default button).
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter and Return click the chip, like Space."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class ReadinessBar(QWidget):
    """Four chips (Summary, Ask, Deadline + time zone, Links) and a badge with the verdict.

    Signals:
        findingRequested(finding): a chip was clicked; go to this finding (the first of
            its area, or the first placeholder while placeholders hold the check back).
    """

    findingRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readiness")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        self.chips: dict[str, Chip] = {}
        for area in AREAS:
            chip = Chip(self)
            chip.setObjectName(f"chip-{area.key}")
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.clicked.connect(lambda _checked=False, key=area.key: self.go_to(key))
            layout.addWidget(chip)
            self.chips[area.key] = chip
        layout.addSpacing(6)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        self.states: dict[str, ChipState] = {}
        #: Where each chip goes when clicked (None: nothing to go to).
        self.targets: dict[str, Finding | None] = {}
        #: The team's zones from settings, shown for each deadline.
        self.team_zones: list[str] = []
        #: The team's people from settings: with any, a deadline's tip is their table.
        self.people: list[Person] = []
        self.update_report(None, [], zones.local_zone())

    def go_to(self, key: str) -> None:
        """Ask for the chip's target finding (nothing happens when the area has none)."""
        target = self.targets.get(key)
        if target is not None:
            self.findingRequested.emit(target)

    def update_report(self, report: Report | None, findings: Sequence[Finding],
                      tz: tzinfo) -> None:  # fmt: skip
        """Show the chips for ``report`` with its open (not ignored) ``findings``."""
        self.states = chip_states(report, findings)
        text = report.text if report is not None else ""
        lines = LineIndex(text)
        placeholders = sorted((f for f in findings if finding_tones.is_to_fill(f)),
                              key=lambda f: f.start)  # fmt: skip
        if report is None:
            waiting = "Checking…"
        elif not text.strip():
            waiting = "Waiting for text"
        elif placeholders:
            waiting = "Checked once the placeholders are filled in"
        else:
            waiting = "Waiting: fill in the placeholders first"
        for area in AREAS:
            state = self.states[area.key]
            chip = self.chips[area.key]
            own = [f for f in findings if f.rule.startswith(area.prefixes)]
            label = html.escape(area.label)
            if state.state == "fail":
                tip = readiness_tips.problems_tip(area.label, own, text, lines)
                target: Finding | None = min(own, key=lambda f: (f.start, f.end))
            elif state.state == "pass":
                tip = f"<b>{label}</b>: {html.escape(readiness_tips.PASSES[area.key])}"
                target = None
            else:
                tip = f"<b>{label}</b>: {waiting}"
                target = placeholders[0] if placeholders else None
            self.targets[area.key] = target
            mark = {"pass": "✓", "fail": "✗", "pending": "…"}[state.state]
            count = f" {state.count}" if state.state == "fail" else ""
            chip.setText(f"{mark} {area.label}{count}")
            tone = {"pass": "pass", "fail": _worst(own), "pending": "pending"}[state.state]
            chip.setStyleSheet(_chip_style(theme.color(tone, self.palette()), self.palette()))
            chip.setCursor(Qt.CursorShape.PointingHandCursor if target is not None
                           else Qt.CursorShape.ArrowCursor)  # fmt: skip
            if area.key == "deadline" and report is not None and report.facts.deadlines:
                tip += "<hr>" + readiness_tips.deadline_tip(
                    report.facts.deadlines, tz, self.team_zones, self.people
                )
            if target is not None:
                tip += "<br>" + readiness_tips.GO_HINT
            chip.setToolTip(f"<qt>{tip}</qt>")
            chip.setAccessibleName(f"{area.label}: {state.state}{count}")
        self._show_verdict(report, len(placeholders))

    def _show_verdict(self, report: Report | None, to_fill: int) -> None:
        """Show "Ready to send", or the placeholders left "To fill (n)", as a badge."""
        ready = report is not None and all(s.state == "pass" for s in self.states.values())
        palette = self.palette()
        if ready:
            self.verdict.setText("Ready to send")
            background = border = theme.color("pass", palette)
            foreground = palette.color(
                QPalette.ColorRole.Base
            )  # white on green, dark on light green
            self.verdict.setToolTip("All four checks pass.")
        elif to_fill:
            self.verdict.setText(f"{finding_tones.TO_FILL_LABEL} ({to_fill})")
            background = theme.color("placeholder_bg", palette)
            foreground = border = theme.color("placeholder", palette)
            self.verdict.setToolTip("Placeholders left to fill in (Tab goes to the next one)")
        else:
            self.verdict.setText("")
            self.verdict.hide()
            return
        self.verdict.setStyleSheet(
            f"QLabel#verdict {{ background: {background.name()}; color: {foreground.name()}; "
            f"border: 1px solid {border.name()}; "
            "border-radius: 10px; padding: 2px 10px; font-weight: bold; }"
        )
        self.verdict.show()


def _chip_style(fg: QColor, palette: QPalette) -> str:
    """Return a chip's style sheet: outlined in its colour, filled a little on hover."""
    focus = palette.color(QPalette.ColorRole.Highlight).name()
    hover = f"rgba({fg.red()}, {fg.green()}, {fg.blue()}, 40)"
    return (
        f"QPushButton {{ border: 1px solid {fg.name()}; border-radius: 10px; "
        f"color: {fg.name()}; background: transparent; padding: 2px 8px; }}"
        f"QPushButton:hover {{ background: {hover}; }}"
        f"QPushButton:pressed {{ background: {hover}; }}"
        f"QPushButton:focus {{ border: 2px solid {focus}; }}"
    )


def _worst(findings: Sequence[Finding]) -> Severity | str:
    return max((f.severity for f in findings), default="pending")


def link_chips(bar: ReadinessBar, show: Callable[[Finding], None], panel: FindingsPanel) -> None:
    """Make a chip click select its finding in the findings list and then show it.

    ``show`` selects the span in the editor (and gives it the keyboard); the list row is
    selected first, without taking focus, so the writer sees the details of that finding.
    """

    def go(finding: Finding) -> None:
        select_in_panel(panel, finding)
        show(finding)

    bar.findingRequested.connect(go)


def select_in_panel(panel: FindingsPanel, finding: Finding) -> bool:
    """Select ``finding``'s row in ``panel`` if the panel lists it; return True if it did."""
    index = panel.index_of(finding)
    if index < 0:
        return False
    panel.select(index)
    return True
