"""A stand-in LanguageTool server for tests: ``POST /v2/check`` with LanguageTool's JSON.

It reads ``text`` or annotated ``data`` the way LanguageTool does (markup reads as its
``interpretAs``), finds a few kinds of mistakes in what it reads, and reports them with
offsets into the *original* text in UTF-16 code units, as LanguageTool (Java) does. It
records every request so tests can check what was sent (``level``, what was left out).

It can also be hostile, as a broken or malicious server would be (``mode``): ``raw`` sends
``body`` as the answer whatever it holds (malformed, wrong types, deeply nested, huge);
``drip`` sends the whole response (status line and headers too) one byte every ``drip``
seconds, and ``drip-body`` sends the headers at once and drips the body. A dripping answer
stops by itself after ``hold`` seconds, so a test that forgot it cannot hang the suite.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: Misspellings the fake knows, with their replacements.
SPELLING = {
    "teh": ["the"],
    "recieve": ["receive"],
    "definately": ["definitely", "defiantly"],
    "kubernetes": ["Kubernetes"],
    "asyncwriter": ["async writer"],
}
GRAMMAR = [
    (re.compile(r"\ba (?=[aeiouAEIOU]\w)"), "EN_A_VS_AN", "grammar",
     "Use “an” instead of “a” if the following word starts with a vowel sound.", ["an "]),
    (re.compile(r"\bcould of\b"), "COULD_OF", "grammar",
     "Did you mean “could have”?", ["could have"]),
    (re.compile(r"(?<=\S)  +(?=\S)"), "WHITESPACE_RULE", "whitespace",
     "Possible typo: you repeated a whitespace", [" "]),
]  # fmt: skip
PICKY = [
    (re.compile(r"\bvery (?=\w)"), "EN_WEAK_ADJECTIVE", "style",
     "“very” weakens the adjective.", [""]),
]  # fmt: skip


def utf16_len(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units (Java's String.length())."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    """What the server does; tests change ``mode`` to make it misbehave."""

    mode: str = "ok"  # ok | slow | error | garbage | redirect | notjson-matches | hostile ones
    delay: float = 0.0
    #: The answer's body (and HTTP status) in ``raw`` and the dripping modes.
    body: bytes = b'{"matches": []}'
    status: int = 200
    #: Seconds between two bytes of a dripping answer, and how long it drips at most.
    drip: float = 1.0
    hold: float = 30.0
    #: When the last dripping answer stopped (the client went away, or ``hold`` ran out).
    drip_ended: threading.Event = field(default_factory=threading.Event)
    requests: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def read(self, form: dict[str, str]) -> tuple[str, list[int]]:
        """Return the text as LanguageTool reads it, and each read char's original UTF-16 offset."""
        if "data" in form:
            pieces = json.loads(form["data"])["annotation"]
        else:
            pieces = [{"text": form.get("text", "")}]
        read: list[str] = []
        where: list[int] = []
        pos = 0
        for piece in pieces:
            if "text" in piece:
                for ch in piece["text"]:
                    read.append(ch)
                    where.append(pos)
                    pos += utf16_len(ch)
            else:
                stand_in = piece.get("interpretAs", "")
                for ch in stand_in:
                    read.append(ch)
                    where.append(pos)
                pos += utf16_len(piece["markup"])
        where.append(pos)
        return "".join(read), where

    def check(self, form: dict[str, str]) -> dict[str, Any]:
        """Return LanguageTool's answer for a request."""
        text, where = self.read(form)
        rules = GRAMMAR + (PICKY if form.get("level") == "picky" else [])
        matches: list[tuple[int, dict[str, object]]] = []  # (offset, match), to sort

        def add(start: int, end: int, rule_id: str, issue: str, message: str,
                replacements: list[str]) -> None:  # fmt: skip
            offset = where[start]
            matches.append((offset, {
                "message": message,
                "shortMessage": "",
                "replacements": [{"value": r} for r in replacements],
                "offset": offset,
                "length": where[end] - offset if end < len(where) else where[-1] - offset,
                "context": {"text": text[max(0, start - 20) : end + 20], "offset": 0, "length": 0},
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {"id": rule_id, "description": message, "issueType": issue,
                         "category": {"id": "TYPOS" if issue == "misspelling" else "GRAMMAR",
                                      "name": "Possible Typo"}},
            }))  # fmt: skip

        for m in re.finditer(r"[A-Za-z]+", text):
            if m.group().lower() in SPELLING:
                add(m.start(), m.end(), "MORFOLOGIK_RULE_EN_US", "misspelling",
                    "Possible spelling mistake found.", SPELLING[m.group().lower()])  # fmt: skip
        for pattern, rule_id, issue, message, replacements in rules:
            for m in pattern.finditer(text):
                add(m.start(), m.end(), rule_id, issue, message, replacements)
        matches.sort(key=lambda pair: pair[0])
        return {"software": {"name": "LanguageTool", "version": "6.8 (fake)"},
                "language": {"code": form.get("language", "")},
                "matches": [match for _offset, match in matches]}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    fake: FakeLanguageTool

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode("utf-8")
        form = {k: v[0] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
        fake = self.server.fake  # type: ignore[attr-defined]
        with fake.lock:
            fake.requests.append(form)
        if self.path.rstrip("/") != "/v2/check":
            self._send(404, b"not found", "text/plain")
            return
        if fake.delay:
            time.sleep(fake.delay)
        if fake.mode == "slow":
            time.sleep(3)
        if fake.mode == "error":
            self._send(500, b"Internal Error: java.lang.OutOfMemoryError", "text/plain")
        elif fake.mode == "garbage":
            self._send(200, b"<html><body>Welcome to nginx!</body></html>", "text/html")
        elif fake.mode == "redirect":
            self.send_response(301)
            self.send_header("Location", "https://elsewhere.example.com/v2/check")
            self.end_headers()
        elif fake.mode == "raw":
            self._send(fake.status, fake.body, "application/json")
        elif fake.mode in ("drip", "drip-body"):
            self._drip(fake)
        elif fake.mode == "notjson-matches":
            self._send(200, json.dumps({"matches": "none"}).encode(), "application/json")
        else:
            answer = json.dumps(fake.check(form)).encode("utf-8")
            self._send(200, answer, "application/json")

    def _drip(self, fake: FakeLanguageTool) -> None:
        """Send the answer one byte at a time until the client leaves or ``hold`` is up."""
        head = (
            f"HTTP/1.1 {fake.status} OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(fake.body)}\r\n\r\n"
        ).encode()
        fake.drip_ended.clear()
        stop = time.monotonic() + fake.hold
        try:
            if fake.mode == "drip-body":
                self.wfile.write(head)
                self.wfile.flush()
                rest = fake.body
            else:
                rest = head + fake.body
            for byte in rest:
                if time.monotonic() > stop:
                    break
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(fake.drip)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should
        finally:
            self.close_connection = True
            fake.drip_ended.set()

    def _send(self, status: int, body: bytes, kind: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a time-out test)


class FakeServer:
    """The fake on a free loopback port, in a thread; ``url`` is its base address."""

    def __init__(self) -> None:
        self.fake = FakeLanguageTool()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.fake = self.fake  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    @property
    def requests(self) -> list[dict[str, str]]:
        """Return the requests received so far."""
        return self.fake.requests

    def close(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()
