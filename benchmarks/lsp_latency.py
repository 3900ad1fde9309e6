"""Language server latency: start-up, first diagnostics, and diagnostics after each change.

Usage: ``python benchmarks/lsp_latency.py [--changes N] [--words N]``

Starts ``python -m asyncwriter lsp`` as an editor would (stdio, Content-Length framing) with
a fresh settings folder, and prints wall-clock figures:

- start-up: from starting the process to the answer to ``initialize``;
- first diagnostics: from ``didOpen`` (sent right after ``initialized``) to the first
  ``publishDiagnostics``: loading spaCy and the spelling engine, then the lint;
- per change: from a ``didChange`` to the diagnostics for that version, median and worst
  of ``--changes`` edits (one word typed at the end each time, waiting for each answer).
  This includes the server's debounce (the quiet time it waits before linting, 300 ms); the
  line after it gives the figure without it, which is what the lint itself costs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "checks" / "corpus"
URI = "file:///tmp/asyncwriter-bench/message.md"


def draft(words: int) -> str:
    """Return a realistic draft of about ``words`` words from the test corpus."""
    lines: list[str] = []
    count = 0
    for path in sorted(CORPUS.glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            lines.append(line)
            count += len(line.split())
            if count >= words:
                return "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n"


def send(pipe: IO[bytes], message: dict[str, Any]) -> None:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    pipe.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    pipe.flush()


def receive(pipe: IO[bytes]) -> dict[str, Any]:
    length = 0
    while True:
        line = pipe.readline()
        if not line:
            raise SystemExit("the server closed its output")
        if not line.strip():
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    message: dict[str, Any] = json.loads(pipe.read(length))
    return message


def wait_for(pipe: IO[bytes], method: str | None, *, version: int | None = None,
             request_id: int | None = None) -> dict[str, Any]:  # fmt: skip
    while True:
        message = receive(pipe)
        if request_id is not None and message.get("id") == request_id:
            return message
        if message.get("method") == method and (
            version is None or message["params"].get("version") == version
        ):
            return message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="asyncwriter-lsp-bench-"))
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONPATH=str(ROOT))  # fmt: skip
    text = draft(args.words)

    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "asyncwriter", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=env, cwd=ROOT)  # fmt: skip
    assert proc.stdin is not None
    assert proc.stdout is not None
    params: dict[str, Any] = {"processId": None, "rootUri": None, "capabilities": {}}
    send(proc.stdin, {"id": 1, "method": "initialize", "params": params})
    wait_for(proc.stdout, None, request_id=1)
    startup = time.perf_counter() - started
    send(proc.stdin, {"method": "initialized", "params": {}})
    opened = time.perf_counter()
    send(proc.stdin, {"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": URI, "languageId": "markdown", "version": 1, "text": text}}})  # fmt: skip
    wait_for(proc.stdout, "textDocument/publishDiagnostics", version=1)
    first = time.perf_counter() - opened

    per_change: list[float] = []
    for version in range(2, args.changes + 2):
        text += " word"
        sent = time.perf_counter()
        send(proc.stdin, {"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": URI, "version": version},
            "contentChanges": [{"text": text}]}})  # fmt: skip
        wait_for(proc.stdout, "textDocument/publishDiagnostics", version=version)
        per_change.append(time.perf_counter() - sent)
    send(proc.stdin, {"id": 2, "method": "shutdown", "params": None})
    wait_for(proc.stdout, None, request_id=2)
    send(proc.stdin, {"method": "exit", "params": None})
    proc.wait(timeout=60)

    from asyncwriter.lsp.server import DEBOUNCE_SECONDS

    words = len(text.split())
    print(
        f"draft: {words} words; {args.changes} changes; debounce {DEBOUNCE_SECONDS * 1000:.0f} ms"
    )
    print(f"start-up (process start to initialize answered): {startup * 1000:7.0f} ms")
    print(f"first diagnostics after didOpen (loads spaCy):   {first * 1000:7.0f} ms")
    median, worst = statistics.median(per_change) * 1000, max(per_change) * 1000
    wait = DEBOUNCE_SECONDS * 1000
    print(f"didChange to diagnostics, median / worst:        {median:7.0f} / {worst:.0f} ms")
    print(f"  the same without the debounce wait:            {median - wait:7.0f} / "
          f"{worst - wait:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
