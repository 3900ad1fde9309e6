"""A LanguageTool server over HTTP: one request per chunk of paragraphs, errors explained.

The HTTP calls are made here with ``requests`` rather than language-tool-python's
``check()``: that one waits up to 300 s, restarts the local server on any I/O error, never
sends ``level`` unless picky and cannot send annotated text.
"""

from __future__ import annotations

import json
import urllib.parse
from typing import TYPE_CHECKING, Any

from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.checks.grammar.paragraphs import request_annotation
from asyncwriter.settings import is_loopback

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.checks.grammar.paragraphs import Paragraph

#: The public service; only used after the writer agreed that the text leaves the machine.
PUBLIC_URL = "https://api.languagetool.org"
#: How long a connection and an answer may take. A local or team server answers one
#: paragraph in tens of milliseconds; anything slower is better retried later than waited on.
CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 10.0


def check_url(base: str) -> str:
    """Return the ``/v2/check`` URL of a server given as ``https://host[/path][/v2]``."""
    base = base.strip().rstrip("/")
    for suffix in ("/v2/check", "/v2"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return base + "/v2/check"


class Server:
    """A LanguageTool HTTP server at a known address (a team's, the public one, ours)."""

    def __init__(self, url: str, *, name: str | None = None) -> None:
        import requests

        self.url = check_url(url)
        self.name = name or urllib.parse.urlsplit(self.url).netloc
        self.session = requests.Session()
        # A proxy from the environment must never see a loopback server's traffic.
        self.session.trust_env = not is_loopback(urllib.parse.urlsplit(self.url).hostname or "")

    def start(self) -> None:
        """Nothing to start: the server runs elsewhere."""

    def close(self) -> None:
        """Drop the connection pool."""
        self.session.close()

    def check(self, chunk: Sequence[Paragraph], language: str, level: str) -> list[dict[str, Any]]:
        """Send paragraphs (joined by blank lines) and return LanguageTool's raw matches.

        Raises:
            GrammarError: the server could not be reached, answered with an error, or sent
                something that is not LanguageTool's answer.
        """
        import requests

        form = {
            "data": json.dumps({"annotation": request_annotation(chunk)}, ensure_ascii=False),
            "language": language,
            "level": level,
        }
        try:
            response = self.session.post(
                self.url,
                data=form,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                allow_redirects=False,
            )
        except requests.Timeout as exc:
            raise GrammarError(f"LanguageTool at {self.name} did not answer in time") from exc
        except requests.RequestException as exc:
            raise GrammarError(f"cannot reach LanguageTool at {self.name} ({why(exc)})") from exc
        status = response.status_code
        if status in (426, 429):
            raise GrammarError(f"LanguageTool at {self.name} asks to slow down (too many checks)")
        if status == 413:
            raise GrammarError(f"LanguageTool at {self.name} refused a paragraph as too long")
        if 300 <= status < 400:
            where = response.headers.get("Location", "elsewhere")
            raise GrammarError(
                f"LanguageTool at {self.name} redirects to {where}; put that address in "
                "Settings › Grammar",
                action="settings",
                retry=False,
            )
        if status != 200:
            detail = " ".join(response.text.split())[:160]
            raise GrammarError(
                f"LanguageTool at {self.name} answered with an error (HTTP {status}"
                + (f": {detail}" if detail else "")
                + ")"
            )
        try:
            matches = response.json()["matches"]
            if not isinstance(matches, list):
                raise TypeError("matches is not a list")
        except (ValueError, KeyError, TypeError) as exc:
            raise GrammarError(
                f"the answer from {self.name} is not LanguageTool's (is the URL right?)"
            ) from exc
        return matches


def why(exc: Exception) -> str:
    """Say in a few words why a request failed (requests' own messages run to lines)."""
    text = str(exc)
    for marker in (
        "Connection refused",
        "Name or service not known",
        "No route to host",
        "certificate verify failed",
        "timed out",
        "Network is unreachable",
        "Temporary failure in name resolution",
    ):
        if marker in text:
            return marker.lower()
    return type(exc).__name__
