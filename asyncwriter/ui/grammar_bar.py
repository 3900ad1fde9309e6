"""The bar above the editor that asks before LanguageTool is downloaded or used.

Grammar checking needs a decision only the writer can make: download LanguageTool (a few
hundred megabytes, run on Java), send drafts to a server, or do without. The bar asks once,
shows the download's progress, and when something is missing (Java) or failed (the
download) says what to do. It never blocks: every other check keeps working meanwhile.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from asyncwriter.ui.banner import ChoiceBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: Which buttons each state offers.
_BUTTONS = {
    "needs-download": ("download", "server", "off", "later"),
    "download-failed": ("download", "server", "off", "later"),
    "downloading": ("later",),
    "needs-java": ("server", "off", "later"),
    "needs-consent": ("allow", "off", "later"),
    "misconfigured": ("settings", "off", "later"),
}
#: The questions the bar asks unprompted: they wait for the writer's first words, and a
#: "Not Now" to them is remembered across starts (the rest answer the writer's own click).
OFFERS = frozenset({"needs-download", "needs-consent"})


class GrammarBar(ChoiceBar):
    """Asks about LanguageTool and shows what it is doing.

    Signals:
        downloadRequested(), allowRequested() (the public service may see drafts),
        settingsRequested() (open Settings › Grammar), offRequested() (turn grammar off),
        notNow(state) (the writer said Not Now to that state).
    """

    downloadRequested = Signal()
    allowRequested = Signal()
    settingsRequested = Signal()
    offRequested = Signal()
    notNow = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "grammarBar",
            {
                "download": "Download LanguageTool",
                "allow": "Allow",
                "server": "Use a Server…",
                "settings": "Settings…",
                "off": "Turn Off Grammar",
                "later": "Not Now",
            },
            _BUTTONS,
            parent,
            progress_width=220,
        )
        self.buttons["download"].clicked.connect(self.downloadRequested)
        self.buttons["allow"].clicked.connect(self.allowRequested)
        self.buttons["server"].clicked.connect(self.settingsRequested)
        self.buttons["settings"].clicked.connect(self.settingsRequested)
        self.buttons["off"].clicked.connect(self.offRequested)
        self.buttons["later"].clicked.connect(self.dismiss)
        self.offers = OFFERS
        #: States the writer said "not now" to (offers: remembered by the window state).
        self.dismissed: set[str] = set()

    def show_state(self, state: str, message: str) -> None:
        """Show what a grammar state needs from the writer, or hide when it needs nothing."""
        self.state = state
        if state not in _BUTTONS or state in self.dismissed:
            self.withdraw()
            return
        self.progress.setVisible(state == "downloading")
        if state == "downloading":
            self.progress.setRange(0, 0)  # busy until the first progress report
            self.buttons["later"].setText("Hide")
        else:
            self.buttons["later"].setText("Not Now")
        self.present(state, _text(state, message))

    def show_progress(self, done: int, total: int | None) -> None:
        """Show how much of LanguageTool has arrived."""
        if self.state != "downloading":
            return
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // total))
            self.progress.setFormat(f"{done / 1e6:.0f} of {total / 1e6:.0f} MB")
        else:
            self.progress.setRange(0, 0)
        self.message.setText(
            f"Downloading LanguageTool ({done / 1e6:.0f} MB so far). Keep writing: the other "
            "checks work meanwhile, and grammar starts when it is ready."
        )

    def dismiss(self) -> None:
        """Hide for this state (until the app starts again, or for good if it is an offer)."""
        if self.state:
            self.dismissed.add(self.state)
            self.notNow.emit(self.state)
        self.withdraw()


def _text(state: str, message: str) -> str:
    if state == "needs-download":
        return (
            "<b>Check grammar and spelling on this computer?</b> AsyncWriter needs to "
            "download LanguageTool from languagetool.org once (a few hundred MB; it runs on "
            "Java 17). Your drafts stay on this computer. Or use your team's LanguageTool "
            "server."
        )
    if state == "download-failed":
        return f"<b>LanguageTool was not downloaded.</b> {html.escape(message)}."
    if state == "downloading":
        return "Downloading LanguageTool… Keep writing: the other checks work meanwhile."
    if state == "needs-java":
        return f"<b>Grammar checks are waiting for Java.</b> {html.escape(message)}."
    if state == "needs-consent":
        return (
            "<b>Grammar is set to the public LanguageTool service.</b> It would receive the "
            "text of your drafts (languagetool.org, over https). Allow it, or turn grammar "
            "off (or pick another way in Settings)."
        )
    return f"<b>Grammar checks cannot run:</b> {html.escape(message)}."
