"""The bar that offers a trained spaCy pipeline once, and follows its download.

The checks work from the first keystroke with spaCy's blank English pipeline and rules. A
trained pipeline (``en_core_web_sm``) tags parts of speech with a model, which the
passive-voice check needs; it is a download, so the window asks, once: Download, or No
Thanks (remembered in settings as ``[nlp] offer_download = false``; Settings › Analysis
can still download it). The bar is not shown when a trained pipeline is installed, or when
``ASYNCWRITER_SPACY_MODEL`` already chose one (or ``blank``). Deciding that imports no
spaCy, so the window still shows first.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from asyncwriter.checks import nlp
from asyncwriter.ui.banner import ChoiceBar
from asyncwriter.ui.pipeline_download import WHAT_IT_DOES, PipelineDownload

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from asyncwriter.settings import Settings
    from asyncwriter.ui.linting import LintScheduler
    from asyncwriter.ui.settings_changes import LiveSettings

#: Which buttons each state offers.
_BUTTONS = {
    "offer": ("download", "no"),
    "downloading": ("hide",),
    "loading": ("hide",),
    "failed": ("retry", "hide"),
    "restart": ("hide",),
}


def should_offer(config: Settings) -> bool:
    """Return True when the window should offer the download (cheap: imports no spaCy)."""
    return config.offer_pipeline and not nlp.wanted_pipeline() and nlp.installed_pipeline() is None


class PipelineBar(ChoiceBar):
    """Offers the trained pipeline and shows its download.

    Signals:
        downloadRequested(), declined() (No Thanks: never offer again).
    """

    downloadRequested = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "pipelineBar",
            {
                "download": "Download (12 MB)",
                "retry": "Try Again",
                "no": "No Thanks",
                "hide": "Hide",
            },
            _BUTTONS,
            parent,
            progress_width=160,
        )
        self.progress.setRange(0, 0)  # spaCy's command reports no progress we could read
        self.buttons["download"].clicked.connect(self.downloadRequested)
        self.buttons["retry"].clicked.connect(self.downloadRequested)
        self.buttons["no"].clicked.connect(self.declined)
        self.buttons["hide"].clicked.connect(self.hide)
        self.offers = frozenset({"offer"})  # waits for the writer's first words

    def show_state(self, state: str, message: str) -> None:
        """Show what the offer or download needs from the writer; hide when nothing."""
        self.state = state
        if state not in _BUTTONS:
            self.withdraw()
            return
        self.progress.setVisible(state in ("downloading", "loading"))
        self.present(state, _text(state, message))


def _text(state: str, message: str) -> str:
    if state == "offer":
        return (
            f"<b>Tag parts of speech with a trained model?</b> {html.escape(WHAT_IT_DOES)} Nothing "
            "is downloaded unless you click Download (then from spaCy's releases on "
            "github.com); your drafts stay on this computer."
        )
    if state == "failed":
        return (
            f"<b>The trained pipeline was not downloaded.</b> {html.escape(message)} Nothing "
            "else changed: the checks go on with the built-in rules."
        )
    if state == "restart":
        return f"<b>Almost there.</b> {html.escape(message)}"
    return (
        f"{html.escape(message)} Keep writing: the checks go on with the built-in rules meanwhile."
    )


class PipelineOffer(QObject):
    """The offer's bar, the download behind it and the remembered No Thanks, wired together.

    Args:
        linter: the window's linter (the new pipeline is loaded on its thread, between lints).
        live: the settings in effect; No Thanks is saved through it.
        say: shows a message in the status bar.
    """

    def __init__(
        self,
        linter: LintScheduler,
        live: LiveSettings,
        say: Callable[[str, int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.live, self.say = live, say
        self.bar = PipelineBar(parent)
        self.download = PipelineDownload(linter, self)
        self.bar.downloadRequested.connect(self.download.download)
        self.bar.declined.connect(self.decline)
        self.download.stateChanged.connect(self._state_changed)
        live.changed.connect(self._settings_changed)
        # Once the window is laid out and shown (the bar is placed in it after this).
        QTimer.singleShot(0, self._offer)

    def _offer(self) -> None:
        if should_offer(self.live.config) and self.download.state == "idle":
            self.bar.show_state("offer", "")

    def decline(self) -> None:
        """No Thanks: hide the offer and never show it again (saved in settings)."""
        self.bar.show_state("", "")
        self.live.change(
            _no_offer,
            "AsyncWriter will not offer the trained pipeline again; Edit › Settings… › "
            "Analysis can still download it.",
        )

    def _state_changed(self, state: str, message: str) -> None:
        if state == "ready":
            self.bar.show_state("", "")
            self.say(message, 15_000)
        elif self.bar.isVisible() or self.bar.held or state in ("failed", "restart"):
            self.bar.show_state(state, message)  # shown again when it needs the writer

    def _settings_changed(self, new: Settings, _old: Settings) -> None:
        if self.bar.state == "offer" and not new.offer_pipeline:
            self.bar.show_state("", "")  # turned off in Settings

    def shutdown(self) -> None:
        """Stop a download that is still running (on quit)."""
        self.download.shutdown()


def _no_offer(config: Settings) -> None:
    config.offer_pipeline = False
