"""The four core checks agree with a careful human reader on realistic messages.

Each message in ``corpus/`` was labelled by hand (``corpus/expected.toml``) against the
rule definitions in ``docs/rules.md``, before and independently of the implementation.
The test asserts the exact set of core rules raised: an extra rule is a false alarm, a
missing one a miss, and both fail.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from asyncwriter.checks import lint
from tests.checks.corpus_eval import NOW, core_rules, load_corpus

CORPUS = load_corpus()


def test_corpus_is_large_and_varied():
    kinds = {exp["kind"] for _name, _text, exp in CORPUS}
    assert len(CORPUS) >= 60
    assert len(kinds) >= 6
    assert sum(1 for *_x, exp in CORPUS if not exp["rules"]) >= 15


@pytest.mark.parametrize(("name", "text", "expected"), CORPUS, ids=[c[0] for c in CORPUS])
def test_core_rules_match_human_labels(name, text, expected):
    assert core_rules(text) == set(expected["rules"]), expected.get("note")


DEADLINE_CASES = [(name, text, d) for name, text, exp in CORPUS for d in exp.get("deadlines", [])]


@pytest.mark.parametrize(
    ("name", "text", "deadline"),
    DEADLINE_CASES,
    ids=[f"{c[0]}:{c[2]['text']}" for c in DEADLINE_CASES],
)
def test_corpus_deadlines_resolve(name, text, deadline):
    facts = lint(text, now=NOW, tz="UTC").facts
    matches = [
        d for d in facts.deadlines if deadline["text"] in d.text or d.text in deadline["text"]
    ]
    assert matches, f"{deadline['text']!r} not found in {[d.text for d in facts.deadlines]}"
    got = matches[0]
    want = deadline.get("datetime")
    if want is None:
        assert got.datetime is None
    else:
        assert got.datetime is not None
        assert datetime.fromisoformat(got.datetime) == datetime.fromisoformat(want)
    assert got.timezone == deadline.get("timezone")
