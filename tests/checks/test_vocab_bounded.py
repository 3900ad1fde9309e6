"""spaCy's vocabulary does not grow with the words a long-running window is given.

Every string spaCy sees stays in its string store unless it is seen inside a memory zone
(:func:`asyncwriter.checks.nlp.text_zone`, around each lint's use of the pipeline). These
tests count strings, not bytes or seconds: 3,000 distinct random words linted in rounds
must leave the store the size it was after the first rounds.
"""

from __future__ import annotations

import random
import string
from typing import TYPE_CHECKING

from asyncwriter.checks import lint, nlp
from tests.checks.test_trained_pipeline import TRAINED, needs_trained

if TYPE_CHECKING:
    import pytest

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
    sizes = []
    for draft in _rounds():
        report = lint(draft)
        assert [ask.kind for ask in report.facts.asks] == ["action"]  # the checks still read
        sizes.append(len(nlp.load().vocab.strings))
    return sizes


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
