"""A small LSP client for the tests: JSON-RPC with Content-Length framing over a subprocess.

Written here rather than taken from pygls so the tests check the bytes an editor would see.
Timeouts are failure guards only: nothing asserts how fast an answer comes.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: How long to wait for any one message before failing (the first lint loads spaCy).
GUARD = 120.0


class Client:
    """Drives ``python -m asyncwriter lsp`` in a subprocess."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "asyncwriter", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        self.messages: queue.Queue[dict] = queue.Queue()
        self.notifications: list[dict] = []
        self.stderr = b""
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -- the wire ----------------------------------------------------------------------------

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for chunk in iter(lambda: self.proc.stderr.read(4096), b""):
            self.stderr += chunk

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict | None = None) -> dict | list | None:
        self._next_id += 1
        wanted = self._next_id
        self.send({"id": wanted, "method": method, "params": params})
        reply = self._wait(lambda m: m.get("id") == wanted and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def _wait(self, match) -> dict:
        deadline = time.monotonic() + GUARD
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no message came; stderr: {self.stderr.decode()[-2000:]}")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.append(message)
            if match(message):
                return message

    def diagnostics(self, uri: str, version: int) -> list[dict]:
        """Wait for the diagnostics published for ``uri`` at ``version``."""
        found = self._wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            )
        )
        return found["params"]["diagnostics"]

    def close(self) -> int:
        """Shut the server down as an editor does; return its exit status."""
        if self.proc.poll() is None:
            self.request("shutdown")
            self.notify("exit")
            try:
                return self.proc.wait(timeout=GUARD)
            finally:
                if self.proc.poll() is None:
                    self.proc.kill()
        return self.proc.returncode


def server_env(home: Path, settings: str = '[time]\nzone = "UTC"\n') -> dict[str, str]:
    """Return an environment whose settings file holds ``settings`` (in a fresh home)."""
    env = dict(os.environ)
    for var, name in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                      ("XDG_CACHE_HOME", "cache")):  # fmt: skip
        (home / name).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / name)
    (home / "config" / "asyncwriter").mkdir(parents=True, exist_ok=True)
    (home / "config" / "asyncwriter" / "settings.toml").write_text(settings, encoding="utf-8")
    env["HOME"] = str(home)
    env["PYTHONPATH"] = str(ROOT)
    return env


# -- what an editor does with positions (UTF-16 by default) ---------------------------------

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines(text: str) -> list[str]:
    """Split as LSP does: at \\n, \\r\\n and \\r only."""
    found = [m.group() for m in _LINES.finditer(text)]
    if len(found) > 1 and not found[-2].endswith(("\n", "\r")):
        found.pop()  # the empty match after a last line with no line break
    return found


def offset(text: str, position: dict, encoding: str = "utf-16") -> int:
    """Return the ``str`` offset of an LSP position, counting columns in ``encoding``."""
    split = lines(text)
    start = sum(len(line) for line in split[: position["line"]])
    line = split[position["line"]] if position["line"] < len(split) else ""
    units = 0
    for index, ch in enumerate(line):
        if units >= position["character"]:
            return start + index
        units += len(ch.encode(encoding + "-le" if encoding != "utf-8" else "utf-8")) // (
            2 if encoding == "utf-16" else 4 if encoding == "utf-32" else 1
        )
    return start + len(line.rstrip("\r\n"))


def position(text: str, at: int, encoding: str = "utf-16") -> dict:
    """Return the LSP position of a ``str`` offset."""
    seen = 0
    for number, line in enumerate(lines(text)):
        if at < seen + len(line) or number == len(lines(text)) - 1:
            before = line[: at - seen]
            width = {"utf-16": 2, "utf-32": 4}.get(encoding, 1)
            codec = encoding + "-le" if encoding != "utf-8" else "utf-8"
            return {"line": number, "character": len(before.encode(codec)) // width}
        seen += len(line)
    return {"line": 0, "character": 0}


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (UTF-16 ranges) to ``text``, last first."""
    spans = sorted(
        ((offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), e["newText"])
         for e in edits),
        reverse=True,
    )  # fmt: skip
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
