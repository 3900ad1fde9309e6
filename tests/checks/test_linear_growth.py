"""Every kind of text costs time in proportion to its length (issue 17).

Link-dense text was super-linear, up to cubic: ``a.co,`` × 2,000 took 12 s to lint, host
names joined by "|" grew 7–8× per doubling, and a settings line of "[" and blanks took
minutes to report. Each family below is linted at 10 KB and at 80 KB (three doublings),
timed as the thread's CPU time, best of a few runs; the ratio must stay under
:data:`MAX_RATIO`, about 2.5× per doubling. Linear cost gives about 8, quadratic 64,
cubic 512. Only ratios are asserted, never absolute times.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from asyncwriter import markdown, settings
from asyncwriter.checks import lint

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SMALL, LARGE = 10_000, 80_000
#: time(LARGE) / time(SMALL) may be at most this: 2.5× per doubling, with room for noise.
MAX_RATIO = 16.0

#: Units repeated to the size: each one a shape that was slow, or could be.
FAMILIES = {
    "bare hosts and commas": "a.co,",
    "bare hosts and semicolons": "a.co;",
    "bare hosts and pipes": "a.co|",
    "host names and pipes": "host1.example.com|",
    "host names joined by pipes, runs of 320": "a.co|" * 64 + "a.co ",
    "URLs and spaces": "http://a.co/ ",
    "URLs and newlines": "https://a.co/x\n",
    "URLs and commas": "https://a.co/,",
    "paths and commas": "see a.co/x, b.io/y; ",
    "www hosts": "www.a.co,",
    "queries without a path": "a.co?x,",
    "open brackets in paths": "a.co/[",
    "open parentheses in paths": "https://a.co/x(",
    "quotes in paths": "a.co/x'y\"",
    "Markdown links": "[doc](https://a.co/x) ",
    "Slack links": "<https://a.co/x|thread> ",
    "HTML links": "<a href='https://a.co'>x</a> ",
    "mentions": "@sam ",
    "artefacts and links": "the doc PR #12 OPS-1 https://a.co/OPS-12 ",
    "forms to fill in": "please fill in the form a.co/x ",
    "emoji": "🚀 ok ",
    "dates": "by Fri 3 Dec 17:00 UTC, ",
    "brackets": "[",
    "digits": "1",
    "backticks": "`",
    "dots": "a.",
    "CR line ends": "Review the doc\r",
}


def _best(run: Callable[[], object], times: int) -> float:
    """Return the least thread CPU time ``run`` took in ``times`` runs, each from cold."""
    best = float("inf")
    for _ in range(times):
        markdown.clear_cache()
        start = time.thread_time()
        run()
        best = min(best, time.thread_time() - start)
    return best


def _ratio(make: Callable[[int], Callable[[], object]]) -> float:
    small, large = make(SMALL), make(LARGE)
    small()  # load the pipeline and compile patterns outside the timing
    return _best(large, 2) / max(_best(small, 5), 1e-4)


@pytest.mark.slow
@pytest.mark.parametrize("unit", FAMILIES.values(), ids=list(FAMILIES))
def test_lint_grows_linearly(unit: str) -> None:
    def make(size: int) -> Callable[[], object]:
        text = unit * (size // len(unit))
        return lambda: lint(text, now=NOW, tz="UTC")

    ratio = _ratio(make)
    assert ratio <= MAX_RATIO, f"{unit!r}: ×{ratio:.1f} for 8× the text"


@pytest.mark.slow
def test_settings_header_grows_linearly(tmp_path: Path) -> None:
    """A line of "[" and blanks inside a string, with a problem to report after it."""

    def make(size: int) -> Callable[[], object]:
        path = tmp_path / f"settings-{size}.toml"
        path.write_text(f'note = """\n[{" " * size}\n"""\n[time]\nzone = "Mars/Base"\n')

        def run() -> object:
            loaded = settings.load(path)
            assert loaded.problems  # the bad zone is reported, with its line
            return loaded

        return run

    ratio = _ratio(make)
    assert ratio <= MAX_RATIO, f"×{ratio:.1f} for 8× the line"
