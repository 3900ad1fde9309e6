"""The bar above the editor that says when drafts cannot be saved, and why.

A status-bar message fades; a writer who keeps typing into a store that cannot save must
see it until it is fixed. The bar stays until the store works again (or, for a notice such
as "the damaged store was moved aside", until it is dismissed), and offers what helps:
try again now, or export the draft as a file.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from asyncwriter.ui.banner import Banner

if TYPE_CHECKING:
    from asyncwriter.storage import Opened


class StoreBanner(Banner):
    """A warning bar with a message, Try Again, Export as Markdown… and Dismiss.

    Signals:
        retryRequested(), exportRequested(): the writer pressed those buttons.
    """

    retryRequested = Signal()
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("storeBanner", "fault", parent)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("storeMessage")
        self.retry_button = QPushButton("Try Again", self)
        self.retry_button.clicked.connect(self.retryRequested)
        self.export_button = QPushButton("Export as Markdown…", self)
        self.export_button.clicked.connect(self.exportRequested)
        self.dismiss_button = QPushButton("Dismiss", self)
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.export_button)
        layout.addWidget(self.dismiss_button)
        self.fault = False
        self.hide()

    def show_fault(self, reason: str) -> None:
        """Say that drafts cannot be saved, why, and that the text is safe in this window."""
        self.message.setText(
            f"<b>Drafts cannot be saved:</b> {html.escape(reason)}. Your text stays in this "
            "window, and AsyncWriter keeps trying and saves it as soon as it can. Export it "
            "as Markdown to keep a copy elsewhere."
        )
        self.fault = True
        self.retry_button.show()
        self.export_button.show()
        self.dismiss_button.hide()
        self.set_kind("fault")
        self.show()

    def show_notice(self, text: str) -> None:
        """Show something the writer should know once (a damaged store moved aside)."""
        self.message.setText(text)
        self.fault = False
        self.retry_button.hide()
        self.export_button.hide()
        self.dismiss_button.show()
        self.set_kind("notice")
        self.show()

    def show_opened(self, opened: Opened | None) -> None:
        """Clear a fault (the store opened); say so if a damaged store was moved aside."""
        self.clear_fault()
        if opened is not None and opened.moved_aside is not None:
            self.show_notice(
                f"The drafts store was damaged ({opened.damage}), so it was moved to "
                f"{opened.moved_aside} and a new one started. Nothing was written to the "
                "damaged file."
            )
        elif opened is not None and opened.lost_saves is not None:
            kept = (
                f" A copy of the store and its log as found is kept as {opened.kept_copy}."
                if opened.kept_copy is not None
                else ""
            )
            self.show_notice(
                f"The drafts store opened, but {opened.lost_saves}: your drafts are as they "
                f"were at the last save before the damage.{kept}"
            )

    def clear_fault(self) -> None:
        """Hide the bar if it was showing a fault (the store works again)."""
        if self.fault:
            self.fault = False
            self.hide()
