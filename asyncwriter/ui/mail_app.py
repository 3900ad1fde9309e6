"""Open in Mail App: the ``.eml`` draft through the system, ``mailto:`` as the fallback.

The draft keeps the message's formatting (:mod:`asyncwriter.export.eml`); a ``mailto:``
link carries plain text only and is cut at about 2,000 characters, so it is the fallback
when the draft cannot be saved or nothing on this computer opens ``.eml`` files, and the
writer's choice when their ``.eml`` files open somewhere other than their mail app.

:func:`QDesktopServices.openUrl` only says whether the system accepted the file or link
(on Linux, only that ``xdg-open`` started), so the worker first asks which apps are set up
(:mod:`asyncwriter.system_handlers`), and the status line says what was handed over and
where the draft is, never more.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from asyncwriter.export.eml import write_draft
from asyncwriter.export.mailto import fits, mailto_url
from asyncwriter.system_handlers import MAIL_DRAFT, MAIL_LINK, has_handler
from asyncwriter.ui import clipboard

if TYPE_CHECKING:
    from asyncwriter.export import Rendered


@dataclass(frozen=True, slots=True)
class MailApps:
    """Whether an app opens ``.eml`` drafts and ``mailto:`` links (None: cannot say)."""

    draft: bool | None = None
    link: bool | None = None

    @classmethod
    def find(cls) -> MailApps:
        """Ask the system (runs a process or two: on a worker thread)."""
        return cls(has_handler(MAIL_DRAFT), has_handler(MAIL_LINK))


def save(rendered: Rendered) -> Path | OSError:
    """Save the email export as an ``.eml`` draft; return its path or why it failed.

    Runs on a worker thread (it writes a file); the error is returned, not raised, so the
    UI thread can fall back to ``mailto:`` and say why.
    """
    try:
        return write_draft(rendered)
    except OSError as exc:
        return exc


#: How the message went out: the ``.eml`` draft, a ``mailto:`` mail, or the clipboard only.
DRAFT, LINK, CLIPBOARD = "mail", "mailto", "clipboard"


@dataclass(frozen=True, slots=True)
class HandedOver:
    """What happened to the message (``route``) and the sentence that says so."""

    note: str
    route: str


def hand_over(
    rendered: Rendered, saved: Path | OSError | None, apps: MailApps | None = None
) -> HandedOver:
    """Open the saved draft (``saved`` a path), else a ``mailto:`` link; say what happened.

    ``saved`` is None when the writer chose the plain-text mail, an error when the draft
    could not be written; ``apps`` is what the system said is set up (nothing is handed to
    an app it says is not there). What happened comes first and the draft's path last, so
    a narrow status bar still shows the outcome; the route is what Copy History records.
    """
    apps = apps or MailApps()
    if isinstance(saved, Path):
        where = f"the draft is saved at {shown(saved)}"
        if apps.draft is not False and QDesktopServices.openUrl(QUrl.fromLocalFile(str(saved))):
            return HandedOver(f"Opened the draft in your mail app, with its formatting ({where}).",
                              DRAFT)  # fmt: skip
        clause, route = _mailto(rendered, apps, fallback=True)
        return HandedOver(f"No app opens .eml files here: {clause}; {where}.", route)
    if isinstance(saved, OSError):
        reason = saved.strerror or str(saved)
        clause, route = _mailto(rendered, apps, fallback=True)
        return HandedOver(f"Could not save the mail draft ({reason}): {clause}.", route)
    clause, route = _mailto(rendered, apps, fallback=False)
    return HandedOver(clause[:1].upper() + clause[1:] + ".", route)


def shown(path: Path) -> str:
    """Return ``path`` as the writer reads it: their home folder as ``~``."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def _mailto(rendered: Rendered, apps: MailApps, *, fallback: bool) -> tuple[str, str]:
    """Open a plain-text mail through ``mailto:``; return what happened (a clause) and how."""
    opened = "opened a plain-text mail (mailto:)" + (" instead" if fallback else "")
    if fits(rendered.subject, rendered.plain):
        url = mailto_url(rendered.subject, rendered.plain)
        note = opened
    else:
        # Too long for a link: the mail app gets the subject, the clipboard the body.
        clipboard.copy(rendered)
        url = mailto_url(rendered.subject, None)
        note = (
            f"{opened} with the subject; the message is too long for a mail link, so it is "
            "on the clipboard: paste it into the new mail"
        )
    either = " either" if fallback else ""
    route = LINK
    if apps.link is False:
        route = CLIPBOARD
        clipboard.copy(rendered)
        note = (
            f"no app opens mailto: links here{either}, so the message is on the clipboard "
            "(rich text and plain text)"
        )
    elif not QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))):
        route = CLIPBOARD
        clipboard.copy(rendered)
        note = (
            f"no mail app answered a mailto: link{either}, so the message is on the "
            "clipboard (rich text and plain text)"
        )
    return note, route
