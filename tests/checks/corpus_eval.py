"""Score the linter against the human-labelled corpus and example table (used by tests)."""

from __future__ import annotations

import runpy
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from asyncwriter.checks import RULES, lint

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CORE_PREFIXES = ("summary.", "ask.", "deadline.", "timezone.", "time.", "links.", "structure.",
                 "suppression.")  # fmt: skip
#: Rules that only fire with a template; tests/checks/test_structure.py covers them.
TEMPLATE_RULES = frozenset({"structure.missing-section"})
#: Style rules are not part of the labelled corpus and examples (which judge the core
#: checks); tests/checks/test_style.py has their examples and disables each one alone.
STYLE_RULES = frozenset(r for r in RULES if r.startswith("style."))
#: Team-time rules need people in settings, which the examples and corpus never have (they
#: are silent without them); tests/checks/test_team_time.py has their examples.
TEAM_RULES = frozenset({"deadline.outside-hours", "deadline.short-notice", "deadline.day-off"})


def load_corpus() -> list[tuple[str, str, dict]]:
    expected = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
    return [
        (name, (CORPUS / name).read_text(encoding="utf-8"), expected[name])
        for name in sorted(expected)
    ]


def load_examples() -> dict:
    return runpy.run_path(str(HERE / "examples.py"))


def core_rules(text: str) -> set[str]:
    report = lint(text, now=NOW, tz="UTC")
    return {f.rule for f in report.findings if f.rule.startswith(CORE_PREFIXES)}


if __name__ == "__main__":
    import collections
    import sys

    verbose = "-v" in sys.argv
    tp = collections.Counter()
    fp = collections.Counter()
    fn = collections.Counter()
    exact = 0
    corpus = load_corpus()
    for name, text, exp in corpus:
        got = core_rules(text)
        want = set(exp["rules"])
        exact += got == want
        for r in got & want:
            tp[r] += 1
        for r in got - want:
            fp[r] += 1
        for r in want - got:
            fn[r] += 1
        if got != want and verbose:
            print(f"{name}: extra={sorted(got - want)} missing={sorted(want - got)}")
    print(f"corpus: {exact}/{len(corpus)} messages exactly right")
    rules = sorted(set(tp) | set(fp) | set(fn))
    for r in rules:
        p = tp[r] / (tp[r] + fp[r]) if tp[r] + fp[r] else 1.0
        rec = tp[r] / (tp[r] + fn[r]) if tp[r] + fn[r] else 1.0
        print(f"  {r:28} tp={tp[r]:3} fp={fp[r]:3} fn={fn[r]:3} precision={p:.2f} recall={rec:.2f}")
    ex = load_examples()
    bad = 0
    total = 0
    for rule_id, flag, clean in ex["EXAMPLES"]:
        for t in flag:
            total += 1
            if rule_id not in core_rules(t):
                bad += 1
                if verbose:
                    print(f"EX MISS {rule_id}: {t!r}")
        for t in clean:
            total += 1
            if rule_id in core_rules(t):
                bad += 1
                if verbose:
                    print(f"EX FALSE {rule_id}: {t!r}")
    print(f"examples: {total - bad}/{total} right")
