"""The status bar's lasting labels: checks, grammar, pipeline download, template, words.

Transient messages ("Copied for Slack") use the status bar's own message area; these labels
stay, each on its side, so the writer can glance at what the checks are doing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from asyncwriter.checks.model import Report
    from asyncwriter.templates import Template


#: A few words for each grammar state (its tooltip has the full message).
_GRAMMAR_LABELS = {
    "off": "Grammar off",
    "ready": "Grammar on",
    "checking": "Grammar: checking…",
    "starting": "Grammar: starting LanguageTool…",
    "needs-download": "Grammar: not set up",
    "downloading": "Grammar: downloading…",
    "download-failed": "Grammar: download failed",
    "needs-java": "Grammar: needs Java",
    "needs-consent": "Grammar: waiting for your OK",
    "misconfigured": "Grammar: check Settings",
    "failing": "Grammar: not reachable",
}
#: The trained pipeline's download, while it needs a glance (nothing once it is in use).
_PIPELINE_LABELS = {
    "downloading": "Pipeline: downloading…",
    "loading": "Pipeline: loading…",
    "failed": "Pipeline: download failed",
    "restart": "Pipeline: restart to use it",
}


class StatusLine:
    """The labels in a window's status bar, and what each shows."""

    def __init__(self, bar: QStatusBar) -> None:
        self.lint_status = QLabel("Loading the checks…", bar)
        self.grammar_status = QLabel(bar)
        self.grammar_status.setObjectName("grammarStatus")
        self.pipeline_status = QLabel(bar)
        self.pipeline_status.setObjectName("pipelineStatus")
        self.template_label = QLabel(bar)
        self.word_count = QLabel(bar)
        bar.addWidget(self.lint_status, 1)
        labels = (self.grammar_status, self.pipeline_status, self.template_label, self.word_count)
        for label in labels:
            bar.addPermanentWidget(label)

    def show_report(self, report: Report) -> None:
        """Show a report's word count and clear any error (the checks answered)."""
        words = report.word_count
        self.word_count.setText(f"{words} word{'s' if words != 1 else ''}")
        self.lint_status.setText("")

    def show_lint_failed(self, message: str) -> None:
        """Say that the checks failed, and that typing is safe."""
        self.lint_status.setText(f"The checks stopped with an error ({message}); typing is "
                                 "safe, and they run again on the next change.")  # fmt: skip

    def show_grammar(self, state: str, message: str) -> None:
        """Show a grammar state in a few words (the tooltip has the full message)."""
        self.grammar_status.setText(_GRAMMAR_LABELS.get(state, "Grammar"))
        self.grammar_status.setToolTip(message)

    def show_pipeline(self, state: str, message: str) -> None:
        """Show the trained pipeline's download in a few words (the tooltip says more)."""
        self.pipeline_status.setText(_PIPELINE_LABELS.get(state, ""))
        self.pipeline_status.setToolTip(message)

    def show_template(self, template: Template | None) -> None:
        """Name the open draft's template (nothing for a blank draft)."""
        self.template_label.setText(f"Template: {template.name}" if template else "")
