"""Open in Mail App: the ``.eml`` draft through the system, ``mailto:`` as the fallback.

The draft keeps the message's formatting (:mod:`asyncwriter.export.eml`); a ``mailto:``
link carries plain text only and is cut at about 2,000 characters, so it is the fallback
when the draft cannot be saved or nothing on this computer opens ``.eml`` files, and the
writer's choice when their ``.eml`` files open somewhere other than their mail app.

:func:`QDesktopServices.openUrl` only says whether the system accepted the file or link,
so the status line says what was handed over and where the draft is, never more.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from asyncwriter.export.eml import write_draft
from asyncwriter.export.mailto import fits, mailto_url
from asyncwriter.ui import clipboard

if TYPE_CHECKING:
    from asyncwriter.export import Rendered


def save(rendered: Rendered) -> Path | OSError:
    """Save the email export as an ``.eml`` draft; return its path or why it failed.

    Runs on a worker thread (it writes a file); the error is returned, not raised, so the
    UI thread can fall back to ``mailto:`` and say why.
    """
    try:
        return write_draft(rendered)
    except OSError as exc:
        return exc


def hand_over(rendered: Rendered, saved: Path | OSError | None) -> str:
    """Open the saved draft (``saved`` a path), else a ``mailto:`` link; return what happened.

    ``saved`` is None when the writer chose the plain-text mail, an error when the draft
    could not be written.
    """
    if isinstance(saved, Path):
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(saved))):
            return f"Opened the draft in your mail app, with its formatting (saved at {saved})."
        return f"No app opens .eml files here: the draft is saved at {saved}. " + _mailto(
            rendered, instead=True
        )
    if isinstance(saved, OSError):
        reason = saved.strerror or str(saved)
        return f"Could not save the mail draft ({reason}). " + _mailto(rendered, instead=True)
    return _mailto(rendered, instead=False)


def _mailto(rendered: Rendered, *, instead: bool) -> str:
    """Open a plain-text mail through ``mailto:``; return what happened."""
    opened = "Opened a plain-text mail (mailto:)" + (" instead" if instead else "")
    if fits(rendered.subject, rendered.plain):
        url = mailto_url(rendered.subject, rendered.plain)
        note = f"{opened}."
    else:
        # Too long for a link: the mail app gets the subject, the clipboard the body.
        clipboard.copy(rendered)
        url = mailto_url(rendered.subject, None)
        note = (
            f"{opened} with the subject; the message is too long for a mail link, so it is "
            "on the clipboard: paste it into the new mail."
        )
    if not QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))):
        clipboard.copy(rendered)
        either = " either" if instead else ""
        note = (
            f"No mail app answered a mailto: link{either}, so the message is on the "
            "clipboard (rich text and plain text)."
        )
    return note
