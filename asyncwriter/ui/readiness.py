"""The readiness bar: the four core checks as pass/fail chips, readable at a glance.

A chip passes when its area has no open finding; it shows the count otherwise, and
"fill in" while placeholders hold its check back. The deadline chip's tooltip shows each
deadline found, in the writer's zone and in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import zones
from asyncwriter.ui import theme

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from asyncwriter.checks.model import Deadline, Finding, Report


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


def describe_deadline(deadline: Deadline, tz: tzinfo, team_zones: Sequence[str] = ()) -> str:
    """Return "text → your time … · UTC … · New York …" for a deadline the checks resolved.

    ``team_zones`` (IANA names from settings) show when it is for each colleague.
    """
    if deadline.datetime is None:
        return f"“{deadline.text}”: not a moment a reader elsewhere can act on"
    when = datetime.fromisoformat(deadline.datetime)
    local = timeexpr.format_moment(when, tz)
    utc = timeexpr.format_moment(when.astimezone(UTC), UTC)
    parts = [f"“{deadline.text}” → your time: {local}", f"UTC: {utc}"]
    for name in team_zones:
        try:
            zone = zones.get_zone(name)
        except ValueError:
            continue
        city = name.rsplit("/", 1)[-1].replace("_", " ")
        parts.append(f"{city}: {timeexpr.format_moment(when.astimezone(zone), zone)}")
    return " · ".join(parts)


class ReadinessBar(QWidget):
    """Four chips: Summary, Ask, Deadline + time zone, Links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readiness")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        self.chips: dict[str, QLabel] = {}
        for area in AREAS:
            chip = QLabel(self)
            chip.setObjectName(f"chip-{area.key}")
            chip.setMargin(4)
            layout.addWidget(chip)
            self.chips[area.key] = chip
        layout.addStretch(1)
        self.verdict = QLabel(self)
        layout.addWidget(self.verdict)
        self.states: dict[str, ChipState] = {}
        #: The team's zones from settings, shown for each deadline.
        self.team_zones: list[str] = []
        self.update_report(None, [], zones.local_zone())

    def update_report(self, report: Report | None, findings: Sequence[Finding],
                      tz: tzinfo) -> None:  # fmt: skip
        """Show the chips for ``report`` with its open (not ignored) ``findings``."""
        self.states = chip_states(report, findings)
        if report is None:
            waiting = "Checking…"
        elif not report.text.strip():
            waiting = "Waiting for text."
        else:
            waiting = "Waiting: fill in the placeholders first."
        for area in AREAS:
            state = self.states[area.key]
            chip = self.chips[area.key]
            mark, tip = {
                "pass": ("✓", "Passes."),
                "fail": ("✗", f"{state.count} open finding{'s' if state.count != 1 else ''}."),
                "pending": ("…", waiting),
            }[state.state]  # fmt: skip
            count = f" {state.count}" if state.state == "fail" else ""
            chip.setText(f"{mark} {area.label}{count}")
            tone = {"pass": "pass", "fail": _worst(findings, area), "pending": "pending"}
            fg = theme.color(tone[state.state], self.palette())  # type: ignore[arg-type]
            chip.setStyleSheet(
                f"QLabel {{ border: 1px solid {fg.name()}; border-radius: 9px; "
                f"color: {fg.name()}; padding: 0 6px; }}"
            )
            if area.key == "deadline" and report is not None and report.facts.deadlines:
                lines = [describe_deadline(d, tz, self.team_zones) for d in report.facts.deadlines]
                tip += "\n" + "\n".join(lines)
            chip.setToolTip(tip)
            chip.setAccessibleName(f"{area.label}: {state.state}{count}")
        ready = report is not None and all(s.state == "pass" for s in self.states.values())
        self.verdict.setText("Ready to send" if ready else "")


def _worst(findings: Sequence[Finding], area: Area) -> object:
    return max((f.severity for f in findings if f.rule.startswith(area.prefixes)), default=None)
