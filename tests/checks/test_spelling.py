"""The embedded spelling checker (Harper): ids, spans, skips, dictionary, settings, failures.

Harper is built once for the module (about a second). Engine-independent behaviour (the
cache, de-duplication) is tested with a counting wrapper or plain findings.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asyncwriter.checks import Severity, lint
from asyncwriter.checks.model import Finding
from asyncwriter.checks.spelling.checker import SpellingChecker
from asyncwriter.checks.spelling.harper_engine import HarperEngine
from asyncwriter.checks.spelling.ids import MISSPELLING, NOISE_RULES, merge_same_span

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine():
    built = HarperEngine()
    built.load()
    return built


class Counting:
    """Wraps an engine and records the paragraphs it was asked about."""

    name = "counting"

    def __init__(self, inner):
        self.inner = inner
        self.asked: list[str] = []

    @property
    def loaded(self):
        return self.inner.loaded

    def load(self):
        self.inner.load()

    def check(self, text, enabled):
        self.asked.append(text)
        return self.inner.check(text, enabled)


def found(text, engine, **kwargs):
    """Return (text at span, rule, suggestions) of the spelling and grammar findings."""
    checker = kwargs.pop("checker", None) or SpellingChecker(engine, words=kwargs.pop("words", ()))
    report = lint(text, now=NOW, tz="UTC", spelling=checker, **kwargs)
    return [
        (text[f.start : f.end], f.rule, f.suggestions)
        for f in report.findings
        if f.rule.startswith(("spelling.", "grammar."))
    ]


def words(text, engine, **kwargs):
    return [w for w, rule, _s in found(text, engine, **kwargs) if rule == MISSPELLING]


def test_misspellings_have_the_right_first_suggestion(engine):
    result = found("Please reviw teh plan and recieve the notes.\n", engine)
    assert [(w, r, s[0]) for w, r, s in result] == [
        ("reviw", MISSPELLING, "review"),
        ("teh", MISSPELLING, "the"),  # SpellCheck and The at one span: one finding
        ("recieve", MISSPELLING, "receive"),
    ]
    report = lint("Please reviw it.\n", now=NOW, tz="UTC", spelling=SpellingChecker(engine))
    (finding,) = [f for f in report.findings if f.rule == MISSPELLING]
    assert finding.severity is Severity.WARNING and finding.category == "misspelling"
    assert "“review”" in finding.message


def test_spans_are_right_after_emoji_and_markup(engine):
    text = (
        "# 🚀 Launch **status** 🎉\n\n"
        "Status: **green** 😀😀 and we 🇩🇪 definately ship on *fryday* with [teh doc](https://example.com/x).\n\n"
        "- 👍 item with `teh` code, but teh is not code\n"
    )
    spans = sorted(words(text, engine))
    assert spans == ["definately", "fryday", "teh", "teh"]
    report = lint(text, now=NOW, tz="UTC", spelling=SpellingChecker(engine))
    tehs = [f for f in report.findings if text[f.start : f.end] == "teh"]
    assert [text[f.start - 1 : f.end + 4] for f in tehs] == ["[teh doc", " teh is "]


@pytest.mark.parametrize(
    "text",
    [
        "Run `reviw_thing --fooo` first.\n",
        "```\nteh code blok\n```\n",
        "See https://exmaple.com/teh/reviw?q=wrnog for it.\n",
        "Mail fooo.barr@exmaple.com about it.\n",
        "Thanks @samm and @jdoe for it.\n",
        "Fixed in #1234 and acme/widgetz#12 today.\n",
        "Edit src/handlerz/foo_bar.py and ~/confg now.\n",
        "The FooBarz service and the reqwest_clinet module.\n",
        "The SLOZ and KPIZ are fine.\n",
        "Ask R&D and the Q&A team about I/O.\n",
        "Fill in {{ownr}} here.\n",
        "> someone elses teh words\n",
        "Deploy v2.3.1 to prod-eu-1 and k8s today.\n",
        "We use stagingz.internal.exmaple for it.\n",
    ],
)
def test_code_urls_and_tokens_are_not_misspellings(engine, text):
    assert words(text, engine) == []


def test_capitalised_words_mid_sentence_are_names_learned_for_the_draft(engine):
    text = "I met Zorblax today. Zorblax agreed, and Qwertz too.\n\nTeh end.\n"
    assert words(text, engine) == ["Teh"]  # "Teh" is never used mid-sentence
    assert words("Zorblax agreed.\n", engine) == ["Zorblax"]  # not known as a name here


def test_the_dictionary_applies_without_a_recheck(engine):
    counting = Counting(engine)
    checker = SpellingChecker(counting)
    text = "The reviw by teh team.\n\nTeh plan is fine.\n"
    assert words(text, engine, checker=checker) == ["reviw", "teh", "Teh"]
    checker.set_words(["reviw", "teh"])  # lower case: any capitalisation
    asked = len(counting.asked)
    assert words(text, engine, checker=checker) == []
    assert len(counting.asked) == asked  # cached: the dictionary is applied on reading
    assert words("Teh reviw.\n", engine, words=["Teh"]) == ["reviw"]
    assert words("The teh.\n", engine, words=["Teh"]) == ["teh"]  # capitals match exactly


def test_only_changed_paragraphs_are_checked_again(engine):
    counting = Counting(engine)
    checker = SpellingChecker(counting)
    first = "Teh first paragraph.\n\nA second one, fine.\n\nA third, also fine.\n"
    found(first, engine, checker=checker)
    # One call for the draft: its paragraphs joined by blank lines.
    assert counting.asked == ["Teh first paragraph.\n\nA second one, fine.\n\nA third, also fine."]
    found(first.replace("third", "thrid"), engine, checker=checker)
    assert counting.asked[1:] == ["A thrid, also fine."]
    report = lint(first + "\nAnother teh.\n", now=NOW, tz="UTC", spelling=checker,
                  fetch_spelling=False)  # fmt: skip
    assert report.spelling is not None and len(report.spelling.pending) == 1


def test_turning_rules_off_and_noise_rules_on(engine):
    text = "Teh plan: i think we ship it.\n"
    assert [r for _w, r, _s in found(text, engine)] == [
        MISSPELLING,
        "grammar.CapitalizePersonalPronouns",
    ]
    off = found(text, engine, settings={"spelling.misspelling": None})
    assert [r for _w, r, _s in off] == ["grammar.CapitalizePersonalPronouns"]
    off = found(text, engine, settings={"grammar.CapitalizePersonalPronouns": None})
    assert [r for _w, r, _s in off] == [MISSPELLING]
    assert found(text, engine, settings={"spelling": None, "grammar": None}) == []
    raised = found(text, engine, settings={"spelling": Severity.ERROR})
    report = lint(text, now=NOW, tz="UTC", spelling=SpellingChecker(engine),
                  settings={"spelling": Severity.ERROR})  # fmt: skip
    assert raised and report.has_errors()
    # The noise rules are off unless turned on by their own key.
    assert "OxfordComma" in NOISE_RULES
    serial = "We need apples, pears and plums today.\n"
    assert all(r != "grammar.OxfordComma" for _w, r, _s in found(serial, engine))
    on = found(serial, engine, settings={"grammar.OxfordComma": Severity.INFO})
    assert any(r == "grammar.OxfordComma" for _w, r, _s in on)


def test_an_engine_that_fails_to_load_leaves_the_other_checks(monkeypatch):
    monkeypatch.setitem(sys.modules, "harper", None)  # the import fails
    checker = SpellingChecker(HarperEngine())
    report = lint("Please reviw teh plan.\n", now=NOW, tz="UTC", spelling=checker)
    assert report.spelling is not None and report.spelling.error is not None
    assert "could not load" in str(report.spelling.error)
    assert not report.spelling.error.retry
    assert [f.rule for f in report.findings] == ["deadline.missing"]
    again = lint("Please reviw it.\n", now=NOW, tz="UTC", spelling=checker)
    assert again.spelling is not None and again.spelling.error is report.spelling.error


def test_the_cli_says_so_in_one_line_when_the_engine_fails(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("Please reviw teh plan by Fri 27 Nov, 17:00 UTC.\n", encoding="utf-8")
    code = (
        "import sys; sys.modules['harper'] = None\n"
        "from asyncwriter.cli import main\n"
        f"sys.exit(main(['lint', '--now', '2026-11-23T09:00:00+00:00', {str(path)!r}, "
        f"{str(path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "spelling not checked" in lines[0], result.stderr
    assert "spelling." not in result.stdout


def test_same_span_findings_from_both_engines_merge():
    harper = [
        Finding(MISSPELLING, Severity.WARNING, 0, 3, "harper", ("the", "tea")),
        Finding("grammar.AnA", Severity.WARNING, 10, 11, "an", ("an",)),
        Finding("grammar.OrthographicConsistency", Severity.INFO, 20, 26, "case", ("GitHub",)),
    ]
    lt = [
        Finding(MISSPELLING, Severity.WARNING, 0, 3, "lt", ("the", "ten")),
        Finding("grammar.EN_A_VS_AN", Severity.WARNING, 10, 11, "lt an", ("an",)),
        Finding("grammar.COULD_OF", Severity.WARNING, 10, 11, "could", ("could have",)),
        Finding(MISSPELLING, Severity.WARNING, 20, 26, "lt", ("GitHub",)),
    ]
    merged = merge_same_span(harper + lt)
    assert [(f.rule, f.message, f.suggestions) for f in merged] == [
        (MISSPELLING, "harper", ("the", "tea", "ten")),
        ("grammar.AnA", "an", ("an",)),
        ("grammar.OrthographicConsistency", "case", ("GitHub",)),
        ("grammar.COULD_OF", "could", ("could have",)),
    ]


_SHARED = HarperEngine()
_PIECES = st.sampled_from(
    ["teh ", "reviw", " ", "\n", "\n\n", "`code teh`", "https://exmaple.com/teh ", "**", "_",
     "> ", "- ", "# ", "🚀", "🇩🇪", "é", "\u200d", "@samm ", "#12 ", "R&D ", "Zorblax ", ". ",
     "a API ", "i ", "{{ownr}}", "[teh](https://x.io) ", "\t", "\r\n", "ﬁ", "İ"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=12), max_size=25).map("".join))
def test_any_text_gives_findings_inside_the_text(text):
    """Spans stay inside the draft and on whole characters, whatever Unicode it holds."""
    report = lint(text, now=NOW, tz="UTC", spelling=SpellingChecker(_SHARED))
    assert report.spelling is not None and report.spelling.error is None
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)  # message-wide findings ("ask.missing") are empty
        if f.rule == MISSPELLING:
            assert f.start < f.end and text[f.start : f.end].strip()


def test_work_words_the_dictionary_lacks_are_known_to_every_writer(engine):
    text = "Runbook: see the runbooks.\n\nThe hotfix needs a signoff from oncall devops.\n"
    assert words(text, engine) == []
    assert words("The runbok is out of date.\n", engine) == ["runbok"]  # still a misspelling
