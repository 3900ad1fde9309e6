"""``mailto:`` links that open the writer's mail app with the subject and plain body.

RFC 6068: every reserved character is percent-encoded and line breaks are CRLF. Mail apps
and operating systems cut long links (Windows at about 2,000 characters), so a body that
does not fit is left out and the caller puts it on the clipboard instead.
"""

from __future__ import annotations

from urllib.parse import quote

#: Longest link handed to the system; longer bodies go through the clipboard.
MAX_LENGTH = 2000


def mailto_url(subject: str | None, body: str | None) -> str:
    """Return a ``mailto:`` link with no recipient, ``subject`` and ``body``."""
    fields = []
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    if body:
        crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
        fields.append("body=" + quote(crlf, safe=""))
    return "mailto:" + ("?" + "&".join(fields) if fields else "")


def fits(subject: str | None, body: str | None) -> bool:
    """Return True when a link with this subject and body is short enough to open."""
    return len(mailto_url(subject, body)) <= MAX_LENGTH
