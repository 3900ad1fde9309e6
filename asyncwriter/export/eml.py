"""Mail drafts as ``.eml`` files: the email export with its formatting, for the mail app.

A ``mailto:`` link carries plain text only and is cut at about 2,000 characters. An
``.eml`` file carries the whole message: a ``multipart/alternative`` with the plain text
and the email HTML that :func:`asyncwriter.export.render` makes, the subject, a Date and a
Message-ID. ``X-Unsent: 1`` asks the mail app to open it as a new, editable message rather
than as one received (Outlook honours it; other apps differ, see the README).

The message is built with the standard library's :mod:`email` package and written with
the SMTP policy restricted to 7-bit: every line ends in CRLF, the parts are
quoted-printable or base64 wherever the text is not short-lined ASCII, and non-ASCII
headers are RFC 2047 encoded, so no line comes near RFC 5322's 998-octet limit, however
long, non-Latin or right-to-left the message is. There is no From or To unless the
caller gives them: the mail app fills in the sender, the writer the recipients.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from html import escape
from typing import TYPE_CHECKING

from asyncwriter import paths

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from asyncwriter.export import Rendered

#: CRLF line ends, 78-column folding, and nothing but 7-bit text in the body.
POLICY = policy.SMTP.clone(cte_type="7bit")
#: The Message-ID's right part: made here, naming no host (``.invalid`` is reserved).
MSGID_DOMAIN = "asyncwriter.invalid"
#: How many drafts the cache folder keeps; older ones are removed when a new one is saved.
KEEP = 20
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def eml_message(
    rendered: Rendered,
    *,
    now: datetime | None = None,
    sender: str | None = None,
    to: Sequence[str] = (),
) -> EmailMessage:
    """Return the email export ``rendered`` as a draft message.

    Args:
        rendered: the draft rendered for ``email`` (plain text, HTML and subject).
        now: the Date (default: now, in the local zone).
        sender: a From address, if the writer configured one.
        to: recipients, if the writer configured them.
    """
    message = EmailMessage(policy=POLICY)
    # Date first: where no desktop maps ".eml" to a type, xdg-open asks file(1), which
    # reads a file starting "Date:" as message/rfc822 but one starting "Subject:" as HTML.
    message["Date"] = format_datetime(now or datetime.now().astimezone())
    if rendered.subject:
        message["Subject"] = rendered.subject
    if sender:
        message["From"] = sender
    if to:
        message["To"] = ", ".join(to)
    message["Message-ID"] = make_msgid(domain=MSGID_DOMAIN)
    message["X-Unsent"] = "1"
    message.set_content(rendered.plain or "\n")
    message.add_alternative(html_document(rendered.html or "", rendered.subject), subtype="html")
    for part in message.iter_parts():
        del part["MIME-Version"]  # the email package repeats it in parts; it belongs on top
    return message


def eml_bytes(rendered: Rendered, *, now: datetime | None = None) -> bytes:
    """Return the draft as the bytes of an ``.eml`` file (CRLF lines, 7-bit)."""
    return eml_message(rendered, now=now).as_bytes()


def write_draft(rendered: Rendered, folder: Path | None = None) -> Path:
    """Save the email export ``rendered`` as an ``.eml`` draft (default: the cache folder).

    Raises:
        OSError: the draft cannot be written.
    """
    data = eml_bytes(rendered)
    return save_draft(data, folder or paths.mail_drafts_dir(), subject=rendered.subject)


def html_document(fragment: str, subject: str | None) -> str:
    """Wrap the email HTML fragment in a document that names its charset and title."""
    title = f"<title>{escape(subject, quote=False)}</title>\n" if subject else ""
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"{title}</head>\n<body>\n{fragment}</body>\n</html>\n"
    )


def save_draft(data: bytes, folder: Path, *, subject: str | None = None,
               now: datetime | None = None, keep: int = KEEP) -> Path:  # fmt: skip
    """Write ``data`` as a new ``.eml`` file in ``folder`` and return its path.

    The name starts with the time and a few words of the subject, so the newest sorts last
    and the writer can tell drafts apart. Drafts beyond the newest ``keep`` are removed:
    the folder is a cache, and a mail app has long finished reading an old one.

    Raises:
        OSError: the folder cannot be made or the file cannot be written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    words = _UNSAFE.sub("-", subject or "").strip("-")[:32].rstrip("-").lower()
    stem = f"{stamp}-{words}" if words else f"{stamp}-message"
    path = folder / f"{stem}.eml"
    for number in range(2, 1000):
        try:
            with path.open("xb") as file:  # never overwrite a draft a mail app may hold
                file.write(data)
            break
        except FileExistsError:
            path = folder / f"{stem}-{number}.eml"
    else:
        raise FileExistsError(f"too many drafts named {stem} in {folder}")
    _prune(folder, keep, path)
    return path


def _prune(folder: Path, keep: int, newest: Path) -> None:
    """Remove all but the newest ``keep`` drafts (never ``newest``); failures are ignored."""
    drafts = []
    for path in folder.glob("*.eml"):
        with contextlib.suppress(OSError):
            drafts.append((path.stat().st_mtime, path.name, path))
    drafts.sort(reverse=True)
    for _mtime, _name, path in drafts[keep:]:
        if path != newest:
            with contextlib.suppress(OSError):
                os.remove(path)
