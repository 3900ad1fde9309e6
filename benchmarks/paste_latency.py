"""Pasting 5 MB into the window: the UI thread's longest stall, and what highlighting costs.

Usage: ``python benchmarks/paste_latency.py [--mb 5] [--runs 3]`` (offscreen unless DISPLAY
is set). A 5 ms repeating timer on the UI thread records the gaps between its ticks while
a Markdown draft of the given size (headings, lists, links, code, 60-character lines) is
pasted into the real window (``insertFromMimeData``, what ``Ctrl+V`` calls); the longest
gap is the stall a writer feels. Also printed: the longest gap with highlighting switched
off (what the insert, the window's own handlers and the background lint cost), how many
blocks were highlighted in the paste's turn, and how long the paste call took. Each window
gets a fresh store, so no earlier draft is restored into it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication

LINES = ("# Heading {i}", "- item {i} with a [link](https://acme.dev/{i}) and **bold** text",
         "Plain prose line {i} that talks about the rollout and the `config` value.",
         "> quoted line {i}", "")  # fmt: skip


def paste_text(mb: float) -> str:
    """Return about ``mb`` megabytes of varied Markdown."""
    out, size, i = [], 0, 0
    while size < mb * 1_000_000:
        line = LINES[i % len(LINES)].format(i=i)
        out.append(line)
        size += len(line) + 1
        i += 1
    return "\n".join(out)


def pump(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def one_paste(app: QApplication, text: str, *, highlight: bool) -> dict[str, float]:
    from asyncwriter.ui.main_window import MainWindow

    home = tempfile.mkdtemp(prefix="paste-latency-")  # a fresh store: no draft restored
    for name, sub in (("XDG_CONFIG_HOME", "c"), ("XDG_DATA_HOME", "d"), ("XDG_CACHE_HOME", "k")):
        os.environ[name] = f"{home}/{sub}"
    window = MainWindow()
    window.show()
    pump(app, 0.5)
    highlighter = window.editor.highlighter
    if not highlight:
        highlighter.setDocument(None)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    pump(app, 0.2)
    in_turn: dict[str, float] = {}

    def paste() -> None:
        before = getattr(highlighter, "blocks_highlighted", 0)
        mime = QMimeData()
        mime.setText(text)
        began = time.perf_counter()
        window.editor.insertFromMimeData(mime)  # what Ctrl+V does with the clipboard's data
        in_turn["blocks"] = getattr(highlighter, "blocks_highlighted", -1) - before
        in_turn["call_ms"] = (time.perf_counter() - began) * 1000

    start = time.perf_counter()
    QTimer.singleShot(0, paste)
    pump(app, 12.0)
    timer.stop()
    assert len(window.editor.toPlainText()) >= len(text)
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False) if a >= start - 0.01]
    window.close()
    window.deleteLater()
    pump(app, 0.5)
    return {"stall_ms": max(gaps) * 1000, "blocks_in_turn": in_turn["blocks"],
            "call_ms": in_turn["call_ms"],
            "blocks": text.count("\n") + 1}  # fmt: skip


def main() -> None:
    """Print the longest UI-thread stall of a paste, with and without highlighting."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    text = paste_text(args.mb)
    for highlight in (True, False):
        runs = [one_paste(app, text, highlight=highlight) for _ in range(args.runs)]
        stalls = [r["stall_ms"] for r in runs]
        label = "with highlighting" if highlight else "highlighter off"
        first = runs[0]
        each = ", ".join(f"{stall:.0f}" for stall in stalls)
        print(
            f"{args.mb:g} MB paste, {label}: longest UI stall median "
            f"{statistics.median(stalls):.0f} ms (runs: {each}); blocks highlighted in the "
            f"paste's turn: {first['blocks_in_turn']:.0f} of {first['blocks']:.0f}; "
            f"the paste call itself {first['call_ms']:.0f} ms"
        )


if __name__ == "__main__":
    main()
