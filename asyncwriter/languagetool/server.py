"""A LanguageTool server over HTTP: one request per chunk of paragraphs, errors explained.

The HTTP calls are made here with ``requests`` rather than language-tool-python's
``check()``: that one waits up to 300 s, restarts the local server on any I/O error, never
sends ``level`` unless picky and cannot send annotated text.

A server is not trusted to be well-behaved: a request ends by a wall-clock deadline however
slowly the answer comes (:mod:`.deadline`), at most :data:`MAX_ANSWER_BYTES` of it are read,
and an answer that is not LanguageTool's JSON (or nests too deep to parse) is a server fault
reported as a :class:`GrammarError`, never an exception the caller did not expect.
"""

from __future__ import annotations

import json
import urllib.parse
from typing import TYPE_CHECKING, Any

from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.checks.grammar.paragraphs import request_annotation
from asyncwriter.settings import is_loopback

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from asyncwriter.checks.grammar.paragraphs import Paragraph

#: The public service; only used after the writer agreed that the text leaves the machine.
PUBLIC_URL = "https://api.languagetool.org"
#: How long a connection and an answer may take. A local or team server answers one
#: paragraph in tens of milliseconds; anything slower is better retried later than waited on.
CONNECT_TIMEOUT = 3.0
#: The longest silence from the server (requests' timeout, which applies to each read).
READ_TIMEOUT = 10.0
#: The longest a request may take in all, however the server spreads its answer out.
TOTAL_TIMEOUT = 15.0
#: The most of an answer that is read. LanguageTool's answer for a full request (18,000
#: characters) with a mistake in every other word is well under this; more is a fault.
MAX_ANSWER_BYTES = 4 * 1024 * 1024
#: How much of an error page is read to quote in the message.
MAX_ERROR_BYTES = 4 * 1024


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

        from asyncwriter.languagetool import deadline

        self.url = check_url(url)
        self.name = name or urllib.parse.urlsplit(self.url).netloc
        self.session = requests.Session()
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, deadline.WatchedAdapter())
        # A proxy from the environment must never see a loopback server's traffic.
        self.session.trust_env = not is_loopback(urllib.parse.urlsplit(self.url).hostname or "")
        self.requests = deadline.Requests()

    def start(self) -> None:
        """Nothing to start: the server runs elsewhere."""

    def close(self) -> None:
        """Cut off a request under way and drop the connection pool (from any thread).

        Quitting must not wait on the network: a request running on another thread fails
        at once (with a GrammarError) rather than at its deadline.
        """
        self.requests.close()
        self.session.close()

    def check(self, chunk: Sequence[Paragraph], language: str, level: str) -> list[dict[str, Any]]:
        """Send paragraphs (joined by blank lines) and return LanguageTool's raw matches.

        Only the answer's shape is checked here (an object with a list of ``matches``);
        each match is checked by the engine, which drops the ones it cannot use.

        Raises:
            GrammarError: the server could not be reached, answered with an error, took
                longer than :data:`TOTAL_TIMEOUT`, or sent something that is not
                LanguageTool's answer (or more than :data:`MAX_ANSWER_BYTES` of it).
        """
        import requests

        from asyncwriter.languagetool.deadline import AnswerTooLarge, read_body

        if self.requests.closed:
            raise GrammarError(f"the request to LanguageTool at {self.name} was stopped")
        form = {
            "data": json.dumps({"annotation": request_annotation(chunk)}, ensure_ascii=False),
            "language": language,
            "level": level,
        }
        with self.requests.limit(TOTAL_TIMEOUT) as cutoff:
            try:
                with self.session.post(
                    self.url,
                    data=form,
                    # Plain bytes: the size limit then counts what the server sent.
                    headers={"Accept-Encoding": "identity"},
                    timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                    allow_redirects=False,
                    stream=True,
                ) as response:
                    status = response.status_code
                    if status == 200:
                        body = read_body(response, cutoff, MAX_ANSWER_BYTES)
                    else:  # an error page: its start is quoted, the rest is not read
                        body = read_body(response, cutoff, MAX_ERROR_BYTES, cut_short=True)
            except AnswerTooLarge as exc:
                raise GrammarError(
                    f"LanguageTool at {self.name} sent an answer larger than "
                    f"{MAX_ANSWER_BYTES // (1024 * 1024)} MB; it was not read"
                ) from exc
            except (requests.RequestException, OSError) as exc:
                if cutoff.reason == "closed":
                    raise GrammarError(
                        f"the request to LanguageTool at {self.name} was stopped"
                    ) from exc
                if cutoff.reason == "time" or isinstance(exc, requests.Timeout):
                    raise GrammarError(
                        f"LanguageTool at {self.name} did not answer in time"
                    ) from exc
                raise GrammarError(
                    f"cannot reach LanguageTool at {self.name} ({why(exc)})"
                ) from exc
        return self._matches(status, response.headers, body)

    def _matches(
        self, status: int, headers: Mapping[str, str], body: bytes
    ) -> list[dict[str, Any]]:
        """Return the matches of an answer read in full, or raise what went wrong."""
        if status in (426, 429):
            raise GrammarError(f"LanguageTool at {self.name} asks to slow down (too many checks)")
        if status == 413:
            raise GrammarError(f"LanguageTool at {self.name} refused a paragraph as too long")
        if 300 <= status < 400:
            where = headers.get("Location", "elsewhere")
            raise GrammarError(
                f"LanguageTool at {self.name} redirects to {where}; put that address in "
                "Settings › Grammar",
                action="settings",
                retry=False,
            )
        if status != 200:
            detail = " ".join(body.decode("utf-8", "replace").split())[:160]
            raise GrammarError(
                f"LanguageTool at {self.name} answered with an error (HTTP {status}"
                + (f": {detail}" if detail else "")
                + ")"
            )
        try:
            # RecursionError: JSON nested thousands deep, which no LanguageTool sends.
            answer = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise GrammarError(
                f"the answer from {self.name} is not LanguageTool's (is the URL right?)"
            ) from exc
        matches = answer.get("matches") if isinstance(answer, dict) else None
        if not isinstance(matches, list):
            raise GrammarError(
                f"the answer from {self.name} is not LanguageTool's (is the URL right?)"
            )
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
