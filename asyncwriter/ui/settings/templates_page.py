"""Settings › Templates: extra template folders, such as a team's shared checkout."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import paths
from asyncwriter.ui.settings.fields import StringList, hint

if TYPE_CHECKING:
    from asyncwriter.settings import Settings


class TemplatesPage(QWidget):
    """Extra template folders (a team's shared folder or git checkout)."""

    def __init__(
        self, config: Settings, settings_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._base = settings_path.parent
        self.folder_dialog: QFileDialog | None = None
        self.add_button = QPushButton("&Add Folder…", self)
        self.add_button.setObjectName("templateFolderAdd")
        self.add_button.clicked.connect(self.choose_folder)
        self.folders = StringList("templateFolders", "&Remove", self, label=self._label)
        for entry in config.template_folder_entries:
            self.folders.add(entry)
        title = QLabel("&Extra template folders:", self)
        title.setBuddy(self.folders.list)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint("templates", self, folder=paths.user_templates_dir()))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.folders, 1)

    def resolve(self, entry: str) -> Path:
        """Return the folder an entry names (relative entries are relative to settings)."""
        return self._base / Path(entry).expanduser()

    def _label(self, entry: str) -> tuple[str, str]:
        folder = self.resolve(entry)
        if folder.is_dir():
            return entry, str(folder)
        return f"{entry}   (not found)", f"{folder} does not exist (yet)"

    def choose_folder(self) -> None:
        """Ask for a folder without blocking; the choice is added when the dialog closes."""
        dialog = QFileDialog(self, "Add a template folder", str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.add_folder)
        dialog.finished.connect(dialog.deleteLater)
        self.folder_dialog = dialog
        dialog.open()

    def add_folder(self, folder: str | Path) -> bool:
        """Add ``folder``, written with ``~`` when it is under the home folder."""
        path = Path(folder).expanduser().resolve()
        try:
            entry = "~/" + path.relative_to(Path.home().resolve()).as_posix()
        except ValueError:
            entry = str(path)
        if any(self.resolve(e).resolve() == path for e in self.folders.values()):
            return False
        return self.folders.add(entry, select=True)
