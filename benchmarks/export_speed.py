"""Export speed: a 1,000-word draft rendered to every format.

Usage: ``python benchmarks/export_speed.py [--runs N] [--words N]``

The draft is the lint benchmark's (realistic messages from the check corpus with
Markdown, links, lists, code and emoji, cut to the word count). Each run clears the
parse cache, so the figure includes one markdown-it parse plus the five renderers, as when
the writer copies a freshly edited draft. "with report" is the window's path (it passes
the lint report it already has); "linting for the subject" is the CLI's email path, which
lints the draft to find its asks and summary. Figures are medians in milliseconds.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lint_speed import draft, median_ms  # the same drafts as the lint benchmark

from asyncwriter import markdown
from asyncwriter.checks import lint
from asyncwriter.export import FORMATS, render
from asyncwriter.export.message import parse

if TYPE_CHECKING:
    from collections.abc import Callable


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    text = draft(args.words)
    report = lint(text)  # also loads the NLP pipeline before timing

    def cold() -> None:
        """Forget every parse: the export's reading of the draft and the shared tokens."""
        parse.cache_clear()
        markdown.clear_cache()

    def every_format() -> None:
        cold()
        for fmt in FORMATS:
            render(text, fmt, report=report)

    def one(fmt: str) -> Callable[[], object]:
        def fresh_render() -> None:
            cold()
            render(text, fmt, report=report)

        return fresh_render

    def fresh_parse() -> None:
        cold()
        parse(text)

    def email_linting() -> None:
        cold()
        render(text, "email")

    print(f"draft: {len(text.split())} words, {len(text):,} characters; {args.runs} runs")
    parse_ms = median_ms(fresh_parse, args.runs)
    print(f"parse only:                      {parse_ms:6.2f} ms")
    for fmt in FORMATS:
        print(f"{fmt:<8} (parse + render):       {median_ms(one(fmt), args.runs):6.2f} ms")
    print(f"all five formats, with report:   {median_ms(every_format, args.runs):6.2f} ms"
          "   (target < 20 ms)")  # fmt: skip
    print(f"email, linting for the subject:  {median_ms(email_linting, args.runs):6.2f} ms")


if __name__ == "__main__":
    main()
