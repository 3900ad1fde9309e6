"""The bar at the top of the settings dialog about parts of the file that could not be used.

It lists each problem with its line, says that the defaults apply meanwhile, and warns that
saving replaces those parts (keeping a file that was not valid TOML as ``.broken``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.ui.banner import Banner

if TYPE_CHECKING:
    from pathlib import Path

    from asyncwriter.settings import SettingsProblem


#: The tallest the list of problems gets before it scrolls (about eight lines).
MAX_HEIGHT = 170


class ProblemsBanner(Banner):
    """Says which parts of the file could not be used, and what saving here does to them."""

    def __init__(self, problems: list[SettingsProblem], path: Path, parent: QWidget) -> None:
        super().__init__("settingsProblems", "notice", parent)
        items = "".join(
            f"<li>{html.escape(p.path.name)}{f':{p.line}' if p.line else ''}: "
            f"{html.escape(p.reason)}</li>"
            for p in problems
        )
        text = (
            f"<b>Parts of your settings file could not be used</b> ({html.escape(str(path))})."
            f"<ul style='margin: 4px 0'>{items}</ul>The defaults apply to those parts for "
            "now. Saving here replaces them with what this dialog shows."
        )
        if any(p.whole_file for p in problems):
            text += (
                f" The file as it is now will be kept as <b>{html.escape(path.name)}.broken</b> "
                "next to the new one."
            )
        self.label = QLabel(text, self)
        self.label.setObjectName("settingsProblemsText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long list scrolls inside the bar, so the tabs and Save stay on a small screen.
        self.list_area = QScrollArea(self)
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_area.setWidget(self.label)
        self.list_area.setMaximumHeight(MAX_HEIGHT)
        self.label.setAutoFillBackground(False)
        self.list_area.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.list_area)
