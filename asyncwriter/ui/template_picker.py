"""The template picker: a searchable list of every template with a live preview.

Type to filter (name, description, id and kind all match), arrow keys to move, Enter to
start a draft. The first entry is always a blank draft.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.ui.highlighter import MarkdownHighlighter

if TYPE_CHECKING:
    from asyncwriter.templates import Catalog, Template

_ROLE = Qt.ItemDataRole.UserRole
BLANK = "Blank draft"


class TemplatePicker(QDialog):
    """Choose a template; :attr:`chosen` is the template (None for a blank draft)."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None,
                 current: str | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("templatePicker")
        self.setWindowTitle("New draft from a template")
        self.resize(900, 560)
        self.chosen: Template | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("templateSearch")
        self.search.setPlaceholderText("Search templates (status, incident, decision…)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.currentItemChanged.connect(lambda item, _old: self._preview(item))
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setReadOnly(True)
        MarkdownHighlighter(self.preview.document())
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        split = QSplitter(self)
        split.addWidget(self.list)
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.about)
        right_layout.addWidget(self.preview, 1)
        split.addWidget(right)
        split.setSizes([300, 600])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start draft")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        if catalog.problems:
            skipped = [p for p in catalog.problems if p.skipped]
            note = QLabel(self)
            note.setWordWrap(True)
            note.setText(
                f"{len(skipped)} template file(s) could not be loaded; hover for why."
                if skipped
                else "Some templates loaded with warnings; hover for why."
            )
            note.setToolTip("\n".join(str(p) for p in catalog.problems))
            layout.addWidget(note)
        layout.addWidget(buttons)
        blank = QListWidgetItem(BLANK, self.list)
        blank.setData(_ROLE, None)
        blank.setToolTip("Start from an empty page.")
        selected = blank
        for template in catalog.sorted():
            item = QListWidgetItem(template.name, self.list)
            item.setData(_ROLE, template)
            origin = "" if template.origin == "built-in" else f" ({template.origin})"
            item.setToolTip(f"{template.description}{origin}")
            if template.id == current:
                selected = item
        self.list.setCurrentItem(selected)
        self.search.setFocus()

    def _filter(self, query: str) -> None:
        """Show the templates that match every word; select the best match.

        A template whose name has the words comes before one that has them only in its
        description: "status" picks Status update, not Incident report (whose description
        mentions status pages) because it comes first in the alphabet.
        """
        words = query.casefold().split()
        best: QListWidgetItem | None = None
        best_rank = -1
        for i in range(self.list.count()):
            item = self.list.item(i)
            template = item.data(_ROLE)
            name = BLANK if template is None else template.name
            fields = (BLANK,) if template is None else (
                template.name, template.description, template.id, template.kind)  # fmt: skip
            haystack = " ".join(fields).casefold()
            hidden = not all(w in haystack for w in words)
            item.setHidden(hidden)
            if hidden:
                continue
            rank = sum(w in name.casefold() for w in words)
            if rank > best_rank:
                best, best_rank = item, rank
        # PySide6's stubs say currentItem() is never None; Qt returns None with no current row.
        current: QListWidgetItem | None = self.list.currentItem()
        if words or current is None or current.isHidden():
            # the stub omits None, which Qt takes as "no current item" (nothing matches)
            self.list.setCurrentItem(best)  # type: ignore[arg-type]

    def _preview(self, item: QListWidgetItem | None) -> None:
        template = item.data(_ROLE) if item is not None else None
        if item is None:
            self.about.setText("No template matches.")
            self.preview.setPlainText("")
        elif template is None:
            self.about.setText("An empty page.")
            self.preview.setPlainText("")
        else:
            name = html.escape(template.name)
            about = html.escape(template.description)
            self.about.setText(f"<b>{name}</b>: {about}<br><small>{template.kind} · copies for "
                               f"{template.channel} · {template.origin}</small>")  # fmt: skip
            self.preview.setPlainText(template.draft_text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let arrow keys in the search box move through the list."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key()
            in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)  # fmt: skip
        ):
            copy = QKeyEvent(event.type(), event.key(), event.modifiers())
            QCoreApplication.sendEvent(self.list, copy)
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        """Start a draft from the current entry (nothing if no entry matches)."""
        item: QListWidgetItem | None = self.list.currentItem()  # None: no row (stub omits it)
        if item is None or item.isHidden():
            return
        self.chosen = item.data(_ROLE)
        super().accept()
