"""What a link shows against where it goes: punycode hosts, revealed targets, tame ``mailto:``.

A rich export hides a link's target behind its text, so text that is itself an address can
lie: ``[https://good.example/login](https://evil.example)`` reads as good.example and opens
evil.example, and ``https://аррle.com`` (Cyrillic letters) reads as apple.com. Plain text
always showed the target next to the text; these helpers let the rich formats do the same:

- :func:`ascii_address` writes an address's host in punycode (``xn--…``), so a look-alike
  letter cannot pass as a Latin one. markdown-it turns a typed punycode host back into
  Unicode for a bare link's text, so even a writer who typed ``xn--`` would show Unicode.
- :func:`revealed_target` says when a link's text names a different place than its target
  (another host or address, or a host with non-ASCII letters), and gives the target to show.
- :func:`tame_mailto` keeps only a ``mailto:`` link's recipients, ``subject`` and ``body``:
  ``?bcc=`` or ``?cc=`` would copy the mail to someone the reader never sees, and an encoded
  line break in a field could add header lines.

Hosts are compared, not whole URLs: ``[https://github.com/o/r](https://github.com/o/r/)``
and ``[docs.acme.dev](https://www.docs.acme.dev/x)`` are honest. Addresses in the text are
found by linkify (the parser's own, with its list of top-level domains), so "report.pdf" or
"v1.2" are not taken for hosts.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

from asyncwriter import markdown

__all__ = ["ascii_address", "revealed_target", "shown_target", "tame_mailto"]

#: Link text longer than this is not searched for addresses: its target is always shown
#: (a long text could otherwise hide an address past any bound, and searching it costs).
MAX_CHECKED_LABEL = 2_000
#: Fields a ``mailto:`` link keeps (RFC 6068 allows any header; these two are harmless).
MAILTO_FIELDS = ("subject", "body")

#: An address up to its host: scheme (``https://``, ``mailto:``), user (``name@``), host.
_HOST_PART = re.compile(r"((?:[A-Za-z][A-Za-z0-9+.-]*:(?://)?)?(?:[^/?#@\s]*@)?)([^/?#:\s]*)")
#: Control characters, raw or percent-encoded: nothing in a mail link needs them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ENCODED_CONTROL = re.compile(r"%(?:[01][0-9A-Fa-f]|7[Ff])")


def ascii_host(host: str) -> str:
    """Return ``host`` in ASCII: IDNA (punycode) labels, or escapes where IDNA refuses it."""
    if host.isascii():
        return host.lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return host.encode("ascii", "backslashreplace").decode("ascii").lower()


def ascii_address(address: str) -> str:
    """Return ``address`` (a URL, ``www.host/path`` or ``name@host``) with its host in ASCII.

    Only the host changes; an address whose host is ASCII already comes back as it was.
    """
    m = _HOST_PART.match(address)
    if m is None or m.group(2).isascii():
        return address
    return m.group(1) + ascii_host(m.group(2)) + address[m.end() :]


def _identity(url: str) -> tuple[str, str]:
    """Return what a URL points at: ``("mail", address)`` or ``("web", host)``, in ASCII."""
    if url[:7].lower() == "mailto:":
        address = unquote(url[7:].split("?", 1)[0]).strip().lower()
        name, _, domain = address.rpartition("@")
        return "mail", f"{name}@{ascii_host(domain)}" if name else ascii_host(address)
    split_from = url if "//" in url.split("?", 1)[0] else "//" + url
    try:
        host = urlsplit(split_from).hostname or ""
    except ValueError:
        host = url
    host = ascii_host(unquote(host).rstrip("."))
    return "web", host.removeprefix("www.")


def revealed_target(label: str, href: str) -> str | None:
    """Return the target to show beside a link's text, or None when the text is honest.

    The target is shown when the text holds an address that points elsewhere than
    ``href`` (another host, another mail address), an address whose host has non-ASCII
    letters (a possible look-alike), or is too long to search (:data:`MAX_CHECKED_LABEL`).
    Text without an address ("the plan", "PR 42") is honest: its target is only a click
    away, as in any rich text.

    Args:
        label: the link's text, marks dropped.
        href: the link's target, as the renderer will write it.
    """
    if len(label) > MAX_CHECKED_LABEL:
        return shown_target(href)
    if not any(c in label for c in ".@:"):
        return None  # no address can hide in text without a dot, an at sign or a colon
    matches = markdown.parser().linkify.match(label) or []  # type: ignore[union-attr]
    target = _identity(href)
    for m in matches:
        if not m.text.isascii() or _identity(m.url) != target:
            return shown_target(href)
    return None


def shown_target(href: str) -> str:
    """Return a link target as text: its host in ASCII, a mail address without ``mailto:``."""
    if href[:7].lower() == "mailto:":
        href = href[7:]
    return ascii_address(href)


def tame_mailto(href: str) -> str:
    """Return a ``mailto:`` link with its recipients, ``subject`` and ``body`` only.

    Other fields (``cc``, ``bcc``, ``to``, ``in-reply-to``, any header) are dropped, and so
    is every control character in what is kept (an encoded CR/LF in a field could start a
    header of its own in a careless mail app).
    """
    scheme, _, rest = href.partition(":")
    recipients, _, query = rest.partition("?")
    recipients = _CONTROL.sub("", _ENCODED_CONTROL.sub("", recipients))
    kept: dict[str, str] = {}
    for field in query.split("&") if query else ():
        name, _, value = field.partition("=")
        name = unquote(name).strip().lower()
        if name in MAILTO_FIELDS and name not in kept:
            clean = " ".join(_CONTROL.sub(" ", unquote(value, errors="replace")).split())
            if clean:
                kept[name] = f"{name}={quote(clean, safe='')}"
    fields = [kept[name] for name in MAILTO_FIELDS if name in kept]
    return f"{scheme}:{recipients}" + ("?" + "&".join(fields) if fields else "")
