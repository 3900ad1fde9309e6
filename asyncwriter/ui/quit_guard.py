"""The question before quitting with text the drafts store could not save.

Quitting then would lose the text, so the writer is asked, with Export as Markdown… as
the default answer; a modal box on purpose: the window is closing, nothing else can wait.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class QuitAnswer(Enum):
    """What the writer chose."""

    EXPORT = "export"
    QUIT = "quit"
    CANCEL = "cancel"


def ask_before_losing_text(parent: QWidget, reason: str) -> QuitAnswer:
    """Ask whether to export the draft, quit without saving, or stay."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Your draft is not saved",
        f"Drafts cannot be saved ({reason}). If you quit now, the text in this window is lost.",
        parent=parent,
    )
    export = box.addButton("Export as Markdown…", QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton("Quit Without Saving", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(export)
    box.exec()
    if box.clickedButton() is export:
        return QuitAnswer.EXPORT
    return QuitAnswer.QUIT if box.clickedButton() is quit_button else QuitAnswer.CANCEL
