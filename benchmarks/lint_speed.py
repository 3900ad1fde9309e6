"""Lint latency on drafts of 100, 1,000 and 10,000 words, and proselint on the same text.

Usage: ``python benchmarks/lint_speed.py [--runs N] [--pipeline NAME] [--sentences senter|parser]``

The drafts are built from the hand-written test corpus (real-looking messages with
Markdown, links, lists, code and emoji), cut to the word count. The spaCy pipeline is loaded
before timing, so the figures are the per-keystroke cost the editor pays: analysis (Markdown
parse, prose view, sentences) plus every check. Each figure is the median of ``--runs``
runs. proselint, when installed, lints the same text through its own API; the ratio says how
many times slower (>1) or faster (<1) it is than asyncwriter.

The pipeline is the one a lint would use: a trained one when installed, else the embedded
one, as ``ASYNCWRITER_SPACY_MODEL`` says. ``--pipeline`` sets that variable (``blank``, or a
package such as ``en_core_web_sm``) and ``--sentences parser`` takes a trained pipeline's
sentences from its parser instead of ``senter``; the first line printed names what ran.

Times are the CPU time of the linting thread (``time.thread_time``), not wall time: both
linters run on one thread, so on an idle machine the two are the same, and on a shared one
wall time also counts the turns other processes take (which moved the ratio by 2x between
runs on this project's 2-core machine). ``--wall`` measures wall time instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from asyncwriter import markdown
from asyncwriter.checks import lint, nlp

if TYPE_CHECKING:
    from collections.abc import Callable

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "checks" / "corpus"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def draft(words: int) -> str:
    """Return a realistic draft of about ``words`` words, ending on a whole line."""
    messages = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    lines: list[str] = []
    count = 0
    while count < words:
        for message in messages:
            for line in message.splitlines():
                lines.append(line)
                count += len(line.split())
                if count >= words:
                    return "\n".join(lines) + "\n"
            lines.append("")
    return "\n".join(lines) + "\n"


def median_ms(
    func: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Return the median time of ``func`` in milliseconds over ``runs`` runs, read on ``clock``."""
    func()  # warm caches
    times = []
    for _ in range(runs):
        start = clock()
        func()
        times.append(clock() - start)
    return statistics.median(times) * 1000


def proselint_linter() -> Callable[[str], object] | None:
    """Return a function that runs proselint's default checks, or None if not installed."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("<bench>", text).lint()


def _fresh_lint(text: str) -> object:
    """Lint ``text`` as a keystroke would: a new text, so no parse is cached for it."""
    markdown.clear_cache()
    return lint(text, now=NOW, tz="UTC")


def main() -> None:
    """Print a table of median lint times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25, help="timed runs per size (default 25)")
    parser.add_argument(
        "--pipeline", help=f"blank, or a spaCy package (default: ${nlp.MODEL_ENV} or any installed)"
    )
    parser.add_argument(
        "--sentences", choices=("senter", "parser"), help="a trained pipeline's sentence finder"
    )
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    args = parser.parse_args()
    clock = time.perf_counter if args.wall else time.thread_time
    if args.pipeline:
        os.environ[nlp.MODEL_ENV] = args.pipeline
    if args.sentences:
        os.environ[nlp.SENTENCES_ENV] = args.sentences

    start = time.perf_counter()
    lint("Warm-up: load the pipeline.", now=NOW, tz="UTC")
    print(f"first lint (loads spaCy): {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"pipeline: {nlp.describe(nlp.load())}")
    other = proselint_linter()
    print(
        f"{'words':>7} {'asyncwriter ms':>15} {'ms/1k words':>12} {'proselint ms':>13} {'ratio':>7}"
    )
    for words in (100, 1_000, 10_000):
        text = draft(words)
        ours = median_ms(partial(_fresh_lint, text), args.runs, clock)
        real_words = len(text.split())
        row = f"{real_words:>7} {ours:>15.2f} {ours / real_words * 1000:>12.2f}"
        if other is not None:
            theirs = median_ms(partial(other, text), max(5, args.runs // 5), clock)
            row += f" {theirs:>13.2f} {theirs / ours:>7.2f}"
        else:
            row += f" {'(not installed)':>13}"
        print(row)


if __name__ == "__main__":
    main()
