"""The "Add link…" fix: the small dialog that asks for a URL, and the Markdown it writes.

An unlinked "the doc" is fixed by linking it, and the URL is usually on the clipboard
already (the writer just copied it from the browser), so the dialog starts with it. The
link is written as Markdown, ``[the doc](https://...)``, which every export renders.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: What counts as a URL worth taking from the clipboard or accepting in the field.
URL = re.compile(r"^(?:https?://|ftp://|mailto:|www\.)[^\s<>()\[\]]+$", re.IGNORECASE)


def url_in(text: str | None) -> str | None:
    """Return ``text`` as a URL when it is one (the clipboard holding a link), else None."""
    candidate = (text or "").strip()
    if "\n" in candidate or not URL.match(candidate):
        return None
    return candidate


def linked(mention: str, url: str, *, wrap: bool) -> str:
    """Return the text that links ``mention`` to ``url``.

    Args:
        mention: the finding's span ("the doc", or a sentence for a message without links).
        url: what the writer gave.
        wrap: the mention itself becomes the link text (an unlinked reference); otherwise
            the URL is added after it, as an autolink, since a whole sentence or heading
            is no link text.
    """
    target = url if "://" in url or url.startswith("mailto:") else f"https://{url}"
    if wrap:
        text = mention.replace("[", "\\[").replace("]", "\\]")
        return f"[{text}]({target})"
    if mention.lstrip().startswith("#"):
        return f"{mention}\n\n<{target}>"
    return f"{mention} <{target}>"


class AddLinkDialog(QDialog):
    """Asks for the URL of a mention; OK only once the field holds a URL.

    Open it with ``open()`` (not blocking); read :attr:`url` when it is accepted.
    """

    def __init__(self, mention: str, clipboard_text: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("addLinkDialog")
        self.setWindowTitle("Add Link")
        self.field = QLineEdit(url_in(clipboard_text) or "", self)
        self.field.setPlaceholderText("https://…")
        self.field.selectAll()
        label = QLabel(f"Link for “{' '.join(mention.split())[:60]}”:", self)
        label.setBuddy(self.field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self._check)
        self._check()
        self.setMinimumWidth(420)

    @property
    def url(self) -> str | None:
        """The URL in the field, or None when it is not one."""
        return url_in(self.field.text())

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.url is not None)
