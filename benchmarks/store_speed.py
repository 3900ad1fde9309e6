"""Drafts store speed: search and listing over 10,000 drafts, and the cost of one autosave.

Usage: ``python benchmarks/store_speed.py [--drafts N] [--runs N]``

The store is a real file in a temporary folder (WAL, ``synchronous = FULL``, as the app
opens it). Its drafts are built from the hand-written test corpus: each is 100 to 600 words
of real-looking message lines in a random order, with a project name drawn from a list, so
common words match thousands of drafts and project names match a few hundred. Each figure
is the median of ``--runs`` runs; the target for search is under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lint_speed import CORPUS, draft, median_ms

from asyncwriter.storage import Store, new_id

NAMES = ("atlas", "borealis", "cobalt", "delta", "ember", "falcon", "granite", "harbor", "iris")
PROJECTS = [f"{a}{b}" for a in NAMES for b in ("", "-api", "-web", "-ops")]
QUERIES = {
    "common word (the)": "the",
    "project name (cobalt-api)": "cobalt-api",
    "two prefixes (dash deplo)": "dash deplo",
    "rare word (xylophone)": "xylophone",
    "no match (qqqzzz)": "qqqzzz",
}


def fill(store: Store, count: int, seed: int = 7) -> None:
    """Add ``count`` realistic drafts, spread over the last two years."""
    rng = random.Random(seed)
    lines = [
        line
        for path in sorted(CORPUS.glob("*.md"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for n in range(count):
        project = rng.choice(PROJECTS)
        body = [f"Subject: {project} update {n}", ""]
        words = 0
        target = rng.randint(100, 600)
        while words < target:
            line = rng.choice(lines)
            body.append(line)
            words += len(line.split())
        if n % 997 == 0:
            body.append("We also tested the xylophone alerting path.")
        store.save(new_id(), "\n".join(body), template_id="status-update", channel="slack")


class Autosave:
    """One autosave of a draft: its text plus a changing last character, on its revision."""

    def __init__(self, store: Store, draft_id: str, text: str) -> None:
        self.store, self.draft_id, self.text = store, draft_id, text
        self.revision = store.save(draft_id, text).revision

    def __call__(self) -> None:
        body = f"{self.text}{self.revision % 10}"
        self.revision = self.store.save(self.draft_id, body, revision=self.revision).revision


def main() -> None:
    """Build the store, then print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "drafts.sqlite3"
        store = Store.open(path).store
        start = time.perf_counter()
        fill(store, args.drafts)
        took = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
        print(f"{args.drafts} drafts stored in {took:.1f} s ({size:.0f} MB with WAL)")
        print(f"search over {args.drafts} drafts (median of {args.runs}; target < 50 ms):")
        for label, query in QUERIES.items():
            hits = len(store.search(query))
            ms = median_ms(partial(store.search, query), args.runs)
            print(f"  {label:28} {ms:6.1f} ms  ({hits} shown)")
        ms = median_ms(store.drafts, args.runs)
        print(f"list all {args.drafts} drafts (summaries):   {ms:6.1f} ms")
        for words in (1_000, 10_000):
            text = draft(words)
            draft_id = new_id()
            ms = median_ms(Autosave(store, draft_id, text), args.runs)
            print(f"autosave of a {words:,}-word draft (fsync):   {ms:6.1f} ms")
        big = "word " * 1_000_000  # a 5 MB paste
        draft_id = new_id()
        start = time.perf_counter()
        store.save(draft_id, big)
        first = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        store.save(draft_id, big + "x", revision=1)
        again = (time.perf_counter() - start) * 1000
        print(f"save of a 5 MB draft: {first:.0f} ms the first time, {again:.0f} ms after")
        print(f"integrity_check: {store.integrity_check()}")
        store.close()


if __name__ == "__main__":
    main()
