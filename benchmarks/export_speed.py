"""Export speed: a 1,000-word draft rendered to every format.

Usage: ``python benchmarks/export_speed.py [--runs N] [--words N]``

The draft is built from the golden export messages and the check corpus (headings,
nested lists, tables, code, links, emoji, RTL), cut to the word count. Each run clears the
parse cache, so the figure includes one markdown-it parse plus the five renderers, as when
the writer copies a freshly edited draft. "with report" is the window's path (it passes
the lint report it already has); "linting for the subject" is the CLI's email path, which
lints the draft to find its asks and summary. Figures are medians in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

from asyncwriter.checks import lint
from asyncwriter.export import FORMATS, render
from asyncwriter.export.message import parse

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "tests" / "export" / "messages").glob("*.md")),
           *sorted((ROOT / "tests" / "checks" / "corpus").glob("*.md"))]  # fmt: skip


def draft(words: int) -> str:
    """Return a realistic draft of about ``words`` words, ending on a whole message line."""
    lines: list[str] = []
    count = 0
    while count < words:
        for path in SOURCES:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("<!--"):
                    continue
                lines.append(line)
                count += len(line.split())
                if count >= words:
                    return "\n".join(lines) + "\n"
            lines.append("")
    return "\n".join(lines) + "\n"


def median_ms(func: Callable[[], object], runs: int) -> float:
    """Return the median wall time of ``func`` in milliseconds."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    text = draft(args.words)
    report = lint(text)  # also loads the NLP pipeline before timing

    def every_format() -> None:
        parse.cache_clear()
        for fmt in FORMATS:
            render(text, fmt, report=report)

    def one(fmt: str) -> Callable[[], object]:
        return lambda: (parse.cache_clear(), render(text, fmt, report=report))

    def email_linting() -> None:
        parse.cache_clear()
        render(text, "email")

    print(f"draft: {len(text.split())} words, {len(text):,} characters; {args.runs} runs")
    parse_ms = median_ms(lambda: (parse.cache_clear(), parse(text)), args.runs)
    print(f"parse only:                      {parse_ms:6.2f} ms")
    for fmt in FORMATS:
        print(f"{fmt:<8} (parse + render):       {median_ms(one(fmt), args.runs):6.2f} ms")
    print(f"all five formats, with report:   {median_ms(every_format, args.runs):6.2f} ms"
          "   (target < 20 ms)")  # fmt: skip
    print(f"email, linting for the subject:  {median_ms(email_linting, args.runs):6.2f} ms")


if __name__ == "__main__":
    main()
