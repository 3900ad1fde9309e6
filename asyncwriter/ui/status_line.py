"""The status bar's lasting labels: checks, grammar, pipeline download, template, saved, words.

Transient messages ("Copied for Slack") use the status bar's own message area; these labels
stay, each on its side, so the writer can glance at what the checks are doing and that the
draft is safe. While a long check runs, the word count says "Checking…" rather than a count
for text that is no longer there.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from asyncwriter.checks.model import Report
    from asyncwriter.templates import Template


#: The word count's text while the checks run on text they have not reported on.
CHECKING = "Checking…"
#: A few words for each grammar state (its tooltip has the full message).
_GRAMMAR_LABELS = {
    "off": "Grammar off",
    "builtin": "Grammar on",
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
        self.save_status = QLabel(bar)
        self.save_status.setObjectName("saveStatus")
        self.word_count = QLabel(bar)
        self.word_count.setObjectName("wordCount")
        bar.addWidget(self.lint_status, 1)
        labels = (self.grammar_status, self.pipeline_status, self.template_label,
                  self.save_status, self.word_count)  # fmt: skip
        for label in labels:
            bar.addPermanentWidget(label)

    def show_report(self, report: Report) -> None:
        """Show a report's word count and clear any error (the checks answered)."""
        words = report.word_count
        self.word_count.setText(f"{words} word{'s' if words != 1 else ''}")
        self.word_count.setToolTip("")
        self.lint_status.setText("")

    def show_checking(self) -> None:
        """Say that the checks are still running on the text as it is now."""
        self.word_count.setText(CHECKING)
        self.word_count.setToolTip("The checks are still reading this draft; typing is safe.")

    def show_saving(self) -> None:
        """Say that an edit is on its way to the store (it saves within a second)."""
        self.save_status.setText("Saving…")

    def show_nothing_to_save(self) -> None:
        """Say nothing: a new blank draft is not stored until it has text."""
        self.save_status.setText("")
        self.save_status.setToolTip("")

    def show_saved(self) -> None:
        """Say that the store has the text as it is (and when it got it)."""
        self.save_status.setText("Saved")
        self.save_status.setToolTip(f"Saved at {datetime.now():%H:%M:%S}. Drafts save "
                                    "themselves as you type.")  # fmt: skip

    def show_not_saved(self, reason: str) -> None:
        """Say that the last save failed (the text stays in the editor)."""
        self.save_status.setText("Not saved")
        self.save_status.setToolTip(f"Not saved: {reason}. Your text stays here; "
                                    "saving is tried again on the next change.")  # fmt: skip

    def show_lint_failed(self, message: str) -> None:
        """Say that the checks failed, and that typing is safe."""
        if self.word_count.text() == CHECKING:
            self.word_count.setText("")
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
