"""Putting a rendered message on the system clipboard.

One :class:`QMimeData` carries both parts, so each destination takes what it understands:
Slack, Teams, Gmail and Outlook read ``text/html``; a terminal, a plain text field or
Slack with markup formatting reads ``text/plain``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QClipboard

    from asyncwriter.export import Rendered


def mime_data(rendered: Rendered) -> QMimeData:
    """Return the clipboard payload: text/plain, plus text/html where the format has it."""
    data = QMimeData()
    data.setText(rendered.plain)
    if rendered.html is not None:
        data.setHtml(rendered.html)
    return data


def copy(rendered: Rendered, clipboard: QClipboard | None = None) -> None:
    """Put ``rendered`` on the clipboard (the system one unless another is given)."""
    (clipboard or QGuiApplication.clipboard()).setMimeData(mime_data(rendered))


def copy_text(text: str, clipboard: QClipboard | None = None) -> None:
    """Put plain text alone on the clipboard (a subject line)."""
    (clipboard or QGuiApplication.clipboard()).setText(text)
