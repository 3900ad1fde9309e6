"""File › Import Markdown… and Export as Markdown…: drafts in and out as plain files.

Separate from the Export menu's copies: these write or read a file the writer picks, and
they are the way out when the drafts store cannot save (the store banner and the quit
warning offer Export). The dialogs are opened without blocking, so a test (or the writer)
can answer them while the window keeps working.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from asyncwriter import draft_files, os_errors

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from asyncwriter.storage import Draft, Store
    from asyncwriter.templates import Catalog
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.store_client import StoreClient


class MarkdownFiles(QObject):
    """Imports a Markdown file as a new draft, and exports a draft to one.

    Args:
        catalog: the templates now (an imported file names its template by id).
        imported: called with the new draft's id once it is stored (the window opens it).
        say: shows a status-bar message.
    """

    def __init__(
        self,
        session: DraftSession,
        store: StoreClient,
        parent: QWidget,
        *,
        catalog: Callable[[], Catalog],
        imported: Callable[[str], None],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.session, self.store, self.parent_widget = session, store, parent
        self._catalog, self._imported, self._say = catalog, imported, say

    def import_markdown(self) -> None:
        """Ask for a Markdown file and open it as a new draft."""
        dialog = QFileDialog(
            self.parent_widget,
            "Import Markdown",
            str(Path.home()),
            "Markdown and text (*.md *.markdown *.txt);;All files (*)",
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def import_file(self, path: str | Path) -> None:
        """Add the file's text as a new draft and open it."""
        try:
            imported = draft_files.import_markdown(Path(path))
        except draft_files.InputError as exc:
            QMessageBox.warning(self.parent_widget, "Cannot import", str(exc))
            return
        template = self._catalog().templates.get(imported.template_id or "")

        def create(store: Store) -> Draft:
            return store.create(
                imported.body,
                template_id=imported.template_id,
                channel=template.channel if template else None,
            )

        def done(draft: Draft) -> None:
            self._say(f"Imported {Path(path).name} as a new draft.")
            self._imported(draft.id)

        self.store.call(
            create,
            done,
            lambda error: QMessageBox.warning(
                self.parent_widget, "Cannot import", f"The draft cannot be stored: {error.reason}."
            ),
        )

    def export_markdown(self, draft_id: str | None = None) -> None:
        """Ask where to save a draft (the open one by default) as a Markdown file."""
        if draft_id is None or draft_id == self.session.draft_id:
            self._ask_export_path(self.session.text(), self.session.title)
            return
        self.store.call(
            lambda store: store.get(draft_id),
            lambda draft: self._ask_export_path(draft.body, draft.title),
        )

    def _ask_export_path(self, body: str, title: str) -> None:
        start = Path.home() / draft_files.file_name(title)
        dialog = QFileDialog(
            self.parent_widget, "Export as Markdown", str(start), "Markdown (*.md);;All files (*)"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("md")
        dialog.fileSelected.connect(lambda path: self.export_file(path, body))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_file(self, path: str | Path, body: str | None = None) -> bool:
        """Write ``body`` (the open draft by default) to ``path``; say how it went."""
        text = self.session.text() if body is None else body
        try:
            draft_files.export_markdown(Path(path), text)
        except OSError as exc:
            QMessageBox.warning(
                self.parent_widget, "Cannot export", f"{path}: {os_errors.describe(exc)}"
            )
            return False
        self._say(f"Exported to {path}.")
        return True
