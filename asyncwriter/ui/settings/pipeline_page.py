"""Settings › Analysis: the trained spaCy pipeline, what it does, its download and the offer.

The window offers the download once; a writer who said No Thanks (or wants it later) finds
the same download here, and can have the offer back. The download itself belongs to the
window (:class:`~asyncwriter.ui.pipeline_download.PipelineDownload`), so it goes on, and
the new pipeline is put to use, after this dialog closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.checks import nlp
from asyncwriter.ui.pipeline_download import WHAT_IT_DOES

if TYPE_CHECKING:
    from asyncwriter.settings import Settings
    from asyncwriter.ui.pipeline_download import PipelineDownload


class PipelinePage(QWidget):
    """Whether a trained pipeline is installed, a button to download it, and the offer.

    Args:
        download: the window's download, or None (a dialog without a window: no button).
    """

    def __init__(
        self, config: Settings, download: PipelineDownload | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._download = download
        box = QGroupBox("Sentences and parts of speech", self)
        about = QLabel(WHAT_IT_DOES, box)
        about.setWordWrap(True)
        self.state = QLabel(box)
        self.state.setObjectName("pipelineState")
        self.state.setWordWrap(True)
        self.download_button = QPushButton(f"&Download {nlp.OFFERED_PIPELINE} (12 MB)", box)
        self.download_button.setObjectName("pipelineDownload")
        self.offer = QCheckBox("&Offer the download in the editor window", box)
        self.offer.setObjectName("pipelineOffer")
        self.offer.setChecked(config.offer_pipeline)
        row = QHBoxLayout()
        row.addWidget(self.download_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(about)
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.offer)
        page = QVBoxLayout(self)
        page.addWidget(box)
        page.addStretch(1)
        if download is not None:
            self.download_button.clicked.connect(download.download)
            download.stateChanged.connect(self._refresh)
        self._refresh()

    def _refresh(self, *_state: str) -> None:
        """Say what the checks use and whether a download can help (or is running)."""
        state = self._download.state if self._download is not None else "idle"
        message = self._download.message if self._download is not None else ""
        installed = nlp.installed_pipeline()
        wanted = nlp.wanted_pipeline()
        can_download = self._download is not None and not self._download.busy
        if state in ("downloading", "loading", "restart", "ready"):
            text = message
            can_download = False
        elif state == "failed":
            text = f"Not downloaded: {message}"
        elif installed is not None:
            text = f"Installed: {installed}. The checks use it."
            can_download = False
        elif wanted:
            text = (
                f"ASYNCWRITER_SPACY_MODEL is set to “{wanted}”, so the checks use that "
                "and not a download."
            )
            can_download = False
        else:
            text = "Not installed: the checks use spaCy's blank English pipeline and rules."
        self.state.setText(text)
        self.download_button.setVisible(self._download is not None and installed is None)
        self.download_button.setEnabled(can_download)

    def apply(self, new: Settings) -> None:
        """Write this page's values into ``new``."""
        new.offer_pipeline = self.offer.isChecked()
