"""The open draft as the parts of the window share it: identity, template, options, findings.

The exporter, the drafts sidebar and the draft keeper each need to know which draft is open,
what its text is now, which template and channel it has and what the last lint found; none
of them needs the window. They get this object instead, so they can be built and tested
without a :class:`~asyncwriter.ui.main_window.MainWindow`, and the window is the only place
that puts them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from asyncwriter.storage import new_id
from asyncwriter.ui.linting import LintOptions

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import tzinfo

    from asyncwriter.checks.model import Finding, Report
    from asyncwriter.templates import Template


class DraftSession(QObject):
    """The draft in the editor: who it is, how it is checked and what the checks found.

    Attributes:
        draft_id, template_id, channel: the draft as stored (the keeper sets them).
        template: its template if installed (None: blank, or not installed here).
        title: the stored title ("" until it has one).
        tz: the writer's zone, for deadlines in the readiness bar and pre-flight sheet.

    Signals:
        optionsChanged(LintOptions): lint with these from now on.
        reportApplied(Report): ``report`` and ``open_findings`` are for the current text.
    """

    optionsChanged = Signal(object)
    reportApplied = Signal(object)

    def __init__(
        self, snapshot: Callable[[], str], tz: tzinfo, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self.draft_id = new_id()
        self.template_id: str | None = None
        self.channel: str | None = None
        self.template: Template | None = None
        self.title = ""
        self.tz = tz
        self.options = LintOptions()
        self.report: Report | None = None
        self.open_findings: list[Finding] = []
        #: Findings hidden for this draft: (rule, the text it was about).
        self.ignored: set[tuple[str, str]] = set()

    def text(self) -> str:
        """Return the draft's text as it is now (a plain ``str`` snapshot)."""
        return self._snapshot()

    def current(self) -> bool:
        """Return True when the findings on screen are for the text as it is now."""
        return self.report is not None and self.report.text == self.text()

    def lint_channel(self) -> str | None:
        """Return the channel the checks apply: the template's, else the draft's own."""
        return self.template.channel if self.template else self.channel

    def set_options(self, options: LintOptions) -> None:
        """Lint with ``options`` from now on."""
        self.options = options
        self.optionsChanged.emit(options)

    def start(self, template: Template | None) -> None:
        """Another draft (with ``template``) is open: findings ignored in the last one return."""
        self.template = template
        self.ignored.clear()

    def apply_report(self, report: Report) -> None:
        """Take a lint's report as the current findings (minus the ignored ones)."""
        self.report = report
        text = report.text
        self.open_findings = [
            f for f in report.findings if (f.rule, text[f.start : f.end]) not in self.ignored
        ]
        self.reportApplied.emit(report)

    def ignore(self, finding: Finding) -> None:
        """Hide a finding (this rule on this text) for the rest of this draft."""
        if self.report is None:
            return
        self.ignored.add((finding.rule, self.report.text[finding.start : finding.end]))
        self.apply_report(self.report)
