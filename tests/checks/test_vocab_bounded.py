"""spaCy's vocabulary does not grow with the words a long-running window is given.

Every string spaCy sees stays in its string store unless it is seen inside a memory zone
(:func:`asyncwriter.checks.nlp.text_zone`, around each lint's use of the pipeline once the
store has learned ``ZONE_AFTER_STRINGS`` strings). These tests set that bound low and count
strings, not bytes or seconds: 3,000 distinct random words linted in rounds must leave the
store within the bound; below it, words are kept (a keystroke's lint stays fast).
"""

from __future__ import annotations

import random
import string

import pytest

from asyncwriter.checks import lint, nlp
from tests.checks.test_trained_pipeline import TRAINED, needs_trained

ROUNDS = 30
WORDS_PER_ROUND = 100  # 3,000 distinct words in all
#: Strings a round may add for good (none are expected; a little room for spaCy's own).
SLACK = 20


def _rounds() -> list[str]:
    rng = random.Random(17)
    seen: set[str] = set()
    drafts = []
    for _ in range(ROUNDS):
        words = []
        while len(words) < WORDS_PER_ROUND:
            word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 11)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        drafts.append(f"Status: {' '.join(words)}.\n\nPlease review the plan by Friday 17:00 UTC.")
    return drafts


def _store_sizes() -> list[int]:
    nlp.ZONE_AFTER_STRINGS = 0  # (restored by the fixture below) zones from the first lint
    sizes = []
    for draft in _rounds():
        report = lint(draft)
        assert [ask.kind for ask in report.facts.asks] == ["action"]  # the checks still read
        sizes.append(len(nlp.load().vocab.strings))
    return sizes


@pytest.fixture(autouse=True)
def _bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "ZONE_AFTER_STRINGS", nlp.ZONE_AFTER_STRINGS)


def test_below_the_bound_words_are_kept_so_lints_stay_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "_pipeline", None)  # a fresh pipeline: the bound counts from here
    lint("Warm up: load the pipeline.")
    before = len(nlp.load().vocab.strings)
    lint("Zorblat quenched the frimble.")
    assert len(nlp.load().vocab.strings) > before  # learned: the next lint re-creates nothing
    monkeypatch.setattr(nlp, "ZONE_AFTER_STRINGS", 0)
    after_bound = len(nlp.load().vocab.strings)
    lint("Plonkish wibbers gramble.")
    assert len(nlp.load().vocab.strings) == after_bound  # past the bound: forgotten


def test_linting_new_words_leaves_the_string_store_bounded() -> None:
    sizes = _store_sizes()
    assert sizes[-1] - sizes[1] < SLACK, sizes


@needs_trained
def test_the_trained_pipeline_forgets_new_words_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "_pipeline", None)  # the blank one comes back after the test
    monkeypatch.setenv(nlp.MODEL_ENV, TRAINED)
    monkeypatch.delenv(nlp.SENTENCES_ENV, raising=False)
    assert nlp.has_tagger(nlp.reload())
    sizes = _store_sizes()
    assert sizes[-1] - sizes[1] < SLACK, sizes


def test_the_analysis_doc_is_not_kept_past_its_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    from asyncwriter.checks import engine

    made = []
    real = engine.Analysis

    def spy(text: str) -> object:
        made.append(real(text))
        return made[-1]

    monkeypatch.setattr(engine, "Analysis", spy)
    lint("Please review the plan by Friday 17:00 UTC.")
    assert made
    assert not hasattr(made[0], "doc")
