"""Style checks: each rule fires on what it is for, and stays quiet on the look-alikes."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from asyncwriter.checks import RULES, Severity, lint, nlp
from asyncwriter.checks.rules import style
from asyncwriter.rule_settings import parse_rule_settings
from tests.checks.corpus_eval import NOW

STYLE_RULES = sorted(r for r in RULES if r.startswith("style."))

LONG_SENTENCE = (
    "The team spent most of last week looking at the ingestion pipeline because the nightly "
    "jobs kept timing out and nobody could tell whether the cause was the new schema or the "
    "larger customer exports that landed in October."
)
SHORT = "We moved the job to the new cluster and it ran fine for a day. "  # 15 words
HARD = " ".join(
    [
        "The organizational prioritization of infrastructure modernization necessitates "
        "comprehensive evaluation of interdependencies."
    ]
    * 3
    + [
        "Consequently, considerable administrative coordination remains indispensable for "
        "successful implementation across geographically distributed engineering organizations."
    ]
    + [
        "Unfortunately, the authentication configuration documentation is insufficiently "
        "comprehensive regarding operational responsibilities."
    ]
    * 3
    + ["Please review it."]
)
PLAIN = " ".join(
    ["We moved the billing job to the new cluster on Monday and it has run fine since."] * 4
    + ["The old cluster stays up until Friday, then we turn it off."] * 3
)


def words(n: int, word: str = "update") -> str:
    return " ".join([word] * n) + "."


def style_findings(text: str, channel: str | None = None, **kwargs) -> list[tuple[str, str]]:
    report = lint(text, now=NOW, tz="UTC", channel=channel, **kwargs)
    return [(f.rule, text[f.start : f.end]) for f in report.findings if f.rule.startswith("style.")]


def rules_of(text: str, channel: str | None = None, **kwargs) -> set[str]:
    return {rule for rule, _span in style_findings(text, channel, **kwargs)}


def spans(text: str, rule: str, channel: str | None = None) -> list[str]:
    return [span for r, span in style_findings(text, channel) if r == rule]


#: (rule, channel, texts that raise it, texts that must not). ``style.passive`` needs a tagged
#: pipeline and has its own tests below.
EXAMPLES: list[tuple[str, str | None, list[str], list[str]]] = [
    (
        "style.long-sentence",
        None,
        [
            LONG_SENTENCE,
            "- " + LONG_SENTENCE,
            "Hi all,\n\n" + SHORT + LONG_SENTENCE,
        ],
        [
            SHORT * 3,
            # Code spans and URLs are not words.
            "Please run " + " ".join(f"`step-{i}`" for i in range(25)) + " before Friday.",
            "See " + " ".join(f"https://example.com/{i}" for i in range(25)) + " for the logs.",
            # A run-in list is scanned, not parsed.
            "Attendees: Ana, Bo, Cy, Dee, Eve, Fay, Gus, Hal, Ivy, Jo, Kim, Lu, Mo, Ned, Oz, "
            "Pat, Quin, Ray, Sue, Tom, Uma, Val, Wes, Xi, Yul, Zed, Abe, Bea, Cal, Dot, Eli.",
            "> " + LONG_SENTENCE + "\n\nAgreed, I will look into it.",
            "# " + LONG_SENTENCE,
            "| a | b |\n| --- | --- |\n| " + LONG_SENTENCE + " | x |\n",
            # Chat lines without full stops are separate lines to the reader.
            "✅ Done: the rate limiter config moved to the new file and the tests are green "
            "again after the fix\n🔨 Doing: the Redis-backed token bucket, with the PR up "
            "tomorrow for review by the team",
        ],
    ),
    (
        "style.long-paragraph",
        "slack",
        [
            SHORT * 6,  # 90 words
            "Hi all,\n\n" + "The migration of the billing job is done. " * 7,  # 56 words
            "- " + SHORT * 6,
        ],
        [
            SHORT * 5,  # 75 words
            (SHORT * 4 + "\n\n") * 3,
            "> " + SHORT * 10 + "\n\nThanks, that helps.",
            "- Done: one.\n- Done: two.\n- Doing: three.\n- Doing: four.\n- Next: five.\n- Next: six.\n",
            "Done. Deployed. Checked. Green. Closed. Shipped. Thanks all.",
        ],
    ),
    (
        "style.readability",
        None,
        [HARD, "Hi team,\n\n" + HARD, "- " + HARD],
        [
            PLAIN,
            # Too little prose for the formula to mean anything.
            "The organizational prioritization of infrastructure modernization necessitates "
            "comprehensive evaluation. Please review it.",
            "> " + HARD.replace(". ", ".\n> ") + "\n\nI agree with this.",
            "```\n" + HARD + "\n```\n\nPlease review the log above.",
        ],
    ),
    (
        "style.hedge",
        None,
        [
            "I think maybe we should ship on Friday.",
            "It's kind of slow on large accounts.",
            "We sort of agreed to wait.",
            "We should sort of add a buffer.",
            "I guess the cache is the problem.",
            "I feel like the rollout is too fast.",
            "I was wondering if you could review the plan.",
            "The page is a little bit slow.",
            "We can move the launch, if that makes sense.",
            "Sorry to bother you, but can you approve the PR?",
            "Maybe possibly we could try it.",
        ],
        [
            "What kind of test is this?",
            "This sort of alert is noisy.",
            "It is a kind of cache.",
            "Any kind of help is welcome.",
            "Which sort of alert should we add?",
            "We can do all sorts of things.",
            "That is the kind of change we want.",
            "I think we should ship on Friday.",
            "Please kindly review the sorted list.",
            "We need a little bit of time.",
            "> I think maybe we should wait.\n\nI disagree: we ship on Friday.",
            "Run `grep 'kind of'` on the logs.",
            "| Note | Owner |\n| --- | --- |\n| I think maybe we wait | Sam |\n",
        ],
    ),
    (
        "style.filler",
        None,
        [
            "Just wanted to say the rollout is done.",
            "Just checking in on the migration.",
            "Just a quick reminder: the freeze starts Friday.",
            "I'm just following up on the contract.",
            "Basically the cache is broken.",
            "The queue is literally on fire.",
            "Honestly, the design is fine.",
            "Needless to say, the deploy failed.",
        ],
        [
            "The build just passed.",
            "I just merged the fix.",
            "That was a just outcome for everyone.",
            "It's just a quick fix.",
            "Just in case, I took a backup.",
            "Take the error message literally.",
            "We'd rather plan for it honestly than pretend it won't happen.",
            "> Just wanted to say thanks!\n\nYou are welcome.",
        ],
    ),
    (
        "style.shouting",
        None,
        [
            "PLEASE READ THE API DOCS before Friday.",
            "This is NOT a drill.",
            "DO NOT MERGE this branch.",
            "URGENT: the certificate expires today.",
            "THE API IS DOWN again.",
            "We shipped it!!!",
            "Can you believe it?!!",
            "EVERYONE needs to update their laptop.",
        ],
        [
            "The AWS API returned HTTP 503 at 10:00 UTC.",
            "TL;DR: FYI, the PR is ready and QA signed off; the SLA and RCA follow.",
            "The migration takes an ACCESS EXCLUSIVE lock and adds a NOT NULL column.",
            "The report does a GROUP BY on the region, then an ORDER BY on revenue.",
            "Run `DROP TABLE USERS NOW` on staging only.",
            "Logs: https://example.com/PLEASE/STOP/NOW",
            "# URGENT UPDATE\n\nAll good here.",
            "> PLEASE STOP DOING THIS\n\nSure, will do.",
            "Really?! We shipped it!",
            "The client MUST send the header. Keywords are as in RFC 2119.",
            "Our SRE OKR CTA list is in the doc.",
        ],
    ),
    (
        "style.message-length",
        "slack",
        [words(310), "Hi all,\n\n" + (SHORT * 5 + "\n\n") * 5, "- " + words(305)],
        [
            words(290),
            "```\n" + words(600, "log") + "\n```\n\n" + words(100),
            "> " + words(200) + "\n\n" + words(90),  # quoted words count, but this is short
        ],
    ),
]

FLAG = [(rule, channel, text) for rule, channel, flag, _clean in EXAMPLES for text in flag]
CLEAN = [(rule, channel, text) for rule, channel, _flag, clean in EXAMPLES for text in clean]


def _id(case: tuple[str, str | None, str]) -> str:
    rule, _channel, text = case
    return f"{rule}:{text[:40]}"


def test_every_style_rule_has_examples_or_its_own_tests():
    covered = {row[0] for row in EXAMPLES} | {"style.passive"}
    assert covered == set(STYLE_RULES)
    for rule, _channel, flag, clean in EXAMPLES:
        assert len(flag) >= 3 and len(clean) >= 3, rule


@pytest.mark.parametrize("case", FLAG, ids=[_id(c) for c in FLAG])
def test_example_raises_its_rule(case):
    rule, channel, text = case
    assert rule in rules_of(text, channel)


@pytest.mark.parametrize("case", CLEAN, ids=[_id(c) for c in CLEAN])
def test_clean_example_does_not_raise_rule(case):
    rule, channel, text = case
    assert rule not in rules_of(text, channel)


def test_rules_have_the_agreed_severities_and_a_rationale():
    expected = {
        "style.long-sentence": Severity.INFO,
        "style.long-paragraph": Severity.INFO,
        "style.readability": Severity.INFO,
        "style.hedge": Severity.INFO,
        "style.filler": Severity.INFO,
        "style.shouting": Severity.WARNING,
        "style.passive": Severity.INFO,
        "style.message-length": Severity.WARNING,
    }
    assert {r: RULES[r].severity for r in STYLE_RULES} == expected
    assert all(RULES[r].rationale for r in STYLE_RULES)


# -- long sentences and paragraphs ---------------------------------------------------------


def test_long_sentence_message_gives_the_count_and_the_target():
    report = lint(LONG_SENTENCE, now=NOW, tz="UTC")
    (f,) = [f for f in report.findings if f.rule == "style.long-sentence"]
    assert (f.start, f.end) == (0, len(LONG_SENTENCE))
    assert f.message.startswith("This sentence has 39 words: split it in two (aim for under 25)")


def test_long_sentence_suggests_where_to_split():
    text = (
        "We looked at the ingestion pipeline for most of last week and the week before, but "
        "nobody could tell whether the cause was the new schema or the larger exports from "
        "the customers who joined in October."
    )
    (f,) = [f for f in lint(text, now=NOW, tz="UTC").findings if f.rule == "style.long-sentence"]
    assert "for example at “, but”" in f.message


def test_paragraph_limit_depends_on_the_channel():
    text = SHORT * 7  # 105 words in 7 sentences
    assert "style.long-paragraph" in rules_of(text, "slack")
    assert "style.long-paragraph" in rules_of(text, "teams")
    for channel in ("email", "markdown", "plain", None):
        assert "style.long-paragraph" not in rules_of(text, channel), channel
    assert "style.long-paragraph" in rules_of(SHORT * 11, "email")  # 165 words
    assert "style.long-paragraph" in rules_of(SHORT * 11)


def test_long_paragraph_marks_the_first_sentence_and_says_how_to_break_it_up():
    text = "Hi all,\n\n" + SHORT * 7 + "\n\nThanks!"
    report = lint(text, now=NOW, tz="UTC", channel="slack")
    (f,) = [f for f in report.findings if f.rule == "style.long-paragraph"]
    assert text[f.start : f.end] == SHORT.strip()
    assert "105 words in 7 sentences" in f.message and "Slack" in f.message
    assert "bulleted list" in f.message and "linked doc" in f.message


# -- readability ---------------------------------------------------------------------------


def test_readability_marks_the_hardest_sentence_with_grade_target_and_words():
    report = lint(HARD, now=NOW, tz="UTC")
    (f,) = [f for f in report.findings if f.rule == "style.readability"]
    assert HARD[f.start : f.end].startswith("Unfortunately, the authentication")
    assert f.message.startswith("Reading grade ")
    assert "aim for 10 or lower" in f.message
    assert "“responsibilities”" in f.message


def test_readability_is_one_finding_per_message():
    text = HARD + "\n\n" + HARD
    assert [r for r, _s in style_findings(text) if r == "style.readability"] == [
        "style.readability"
    ]


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("make", 1),
        ("shipped", 1),
        ("needed", 2),
        ("table", 2),
        ("people", 2),
        ("being", 2),
        ("media", 3),
        ("period", 3),
        ("actually", 4),
        ("likely", 2),
        ("social", 2),
        ("infrastructure", 4),
        ("authentication", 5),
        ("follow-up", 3),
        ("don't", 1),
        ("API", 1),
        ("14:45", 0),
    ],
)
def test_syllable_counter(word, count):
    assert style.word_syllables(word) == count


def test_flesch_kincaid_grade_formula():
    # 100 words, 5 sentences, 150 syllables: 0.39 * 20 + 11.8 * 1.5 - 15.59
    assert style.flesch_kincaid_grade(100, 5, 150) == pytest.approx(9.91)


# -- hedges and fillers --------------------------------------------------------------------


def test_hedge_spans_and_advice():
    text = "I think maybe we should wait. It's kind of slow. I was wondering if you could help."
    report = lint(text, now=NOW, tz="UTC")
    found = [(text[f.start : f.end], f) for f in report.findings if f.rule == "style.hedge"]
    assert [span for span, _f in found] == ["I think maybe", "kind of", "I was wondering if"]
    double, kind, wonder = (f for _span, f in found)
    assert double.suggestions == ("I think",)
    assert "state the point plainly (“We should wait.”)" in double.message
    assert "say how much" in kind.message
    assert "ask directly" in wonder.message


def test_filler_inside_a_hedge_is_reported_once():
    text = "I was just wondering if the fix is in."
    assert style_findings(text) == [("style.hedge", "I was just wondering if")]


def test_filler_spans_and_advice():
    text = "Just wanted to flag it. Basically, the cache is stale."
    report = lint(text, now=NOW, tz="UTC")
    found = [f for f in report.findings if f.rule == "style.filler"]
    assert [text[f.start : f.end] for f in found] == ["Just wanted to", "Basically"]
    assert "start with the point" in found[0].message
    assert "cut it" in found[1].message


# -- shouting ------------------------------------------------------------------------------


def test_shouting_suggests_sentence_case_keeping_acronyms():
    text = "PLEASE READ THE API DOCS before Friday."
    report = lint(text, now=NOW, tz="UTC")
    (f,) = [f for f in report.findings if f.rule == "style.shouting"]
    assert text[f.start : f.end] == "PLEASE READ THE API DOCS"
    assert f.severity is Severity.WARNING
    assert f.suggestions == ("Please read the API docs",)
    assert "sentence case" in f.message and "**bold**" in f.message
    fixed = text[: f.start] + f.suggestions[0] + text[f.end :]
    assert "style.shouting" not in rules_of(fixed)


def test_a_single_shouted_word_can_become_bold():
    text = "This is NOT a drill."
    (f,) = [f for f in lint(text, now=NOW, tz="UTC").findings if f.rule == "style.shouting"]
    assert f.suggestions == ("not", "**not**")
    # Plain text has no bold: the advice and the fix say so.
    (p,) = [
        f
        for f in lint(text, now=NOW, tz="UTC", channel="plain").findings
        if f.rule == "style.shouting"
    ]
    assert p.suggestions == ("not",) and "**" not in p.message


def test_stacked_exclamation_marks():
    text = "We shipped it!!! Did you see?!! Really?!"
    assert spans(text, "style.shouting") == ["!!!", "?!!"]
    (f, _g) = [f for f in lint(text, now=NOW, tz="UTC").findings if f.rule == "style.shouting"]
    assert f.suggestions == ("!", ".")


# -- message length ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "count", "fires"),
    [
        ("slack", 301, True),
        ("slack", 300, False),
        ("teams", 301, True),
        ("email", 601, True),
        ("email", 600, False),
        ("markdown", 2000, False),
        ("plain", 2000, False),
        (None, 2000, False),
    ],
)
def test_message_length_depends_on_the_channel(channel, count, fires):
    assert ("style.message-length" in rules_of(words(count), channel)) is fires


def test_message_length_marks_the_opening_and_says_where_details_go():
    text = "Summary: we ship Friday.\n\n" + (SHORT * 4 + "\n\n") * 6
    report = lint(text, now=NOW, tz="UTC", channel="slack")
    (f,) = [f for f in report.findings if f.rule == "style.message-length"]
    assert text[f.start : f.end] == "Summary: we ship Friday."
    assert "Slack" in f.message and "about 300" in f.message
    assert "linked doc or a thread" in f.message and "line " in f.message


def test_the_template_channel_applies_when_none_is_given():
    from asyncwriter.templates import Template

    tpl = Template(id="t", name="T", body="", channel="slack")
    report = lint(words(310), template=tpl, now=NOW, tz="UTC")
    assert "style.message-length" in {f.rule for f in report.findings}


# -- passive voice -------------------------------------------------------------------------


def tagged(words_and_tags: list[tuple[str, str]]) -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=[w for w, _t in words_and_tags], tags=[t for _w, t in words_and_tags])


def test_passive_detection_on_a_tagged_doc():
    doc = tagged(
        [
            ("The", "DT"),
            ("fix", "NN"),
            ("was", "VBD"),
            ("quickly", "RB"),
            ("deployed", "VBN"),
            ("and", "CC"),
            ("it", "PRP"),
            ("has", "VBZ"),
            ("been", "VBN"),
            ("decided", "VBN"),
            (".", "."),
            ("PRs", "NNS"),
            ("were", "VBD"),
            ("being", "VBG"),
            ("reviewed", "VBN"),
            (";", ":"),
            ("we", "PRP"),
            ("are", "VBP"),
            ("done", "VBN"),
            (".", "."),
            ("Sam", "NNP"),
            ("deployed", "VBD"),
            ("it", "PRP"),
            ("and", "CC"),
            ("got", "VBD"),
            ("stuck", "VBN"),
            (".", "."),
        ]
    )
    found = [(doc.text[s:e], p) for s, e, p in style.find_passive(doc)]
    assert found == [
        ("was quickly deployed", "deployed"),
        ("has been decided", "decided"),
        ("were being reviewed", "reviewed"),
    ]


def test_passive_detection_needs_tags():
    doc = nlp.load()("The fix was deployed and the plan was approved.")
    assert not nlp.has_tagger(nlp.load())  # tests run on the blank pipeline
    assert style.find_passive(doc) == []
    assert "style.passive" not in rules_of("The fix was deployed and the plan was approved.")


@pytest.fixture
def tagging(monkeypatch):
    """Make the shared pipeline tag tokens (as a trained one would), from a word list."""
    tags = {"was": "VBD", "were": "VBD", "is": "VBZ", "deployed": "VBN", "approved": "VBN"}
    segment = nlp.segment

    def tagged_segment(prose, starts):
        doc = segment(prose, starts)
        for token in doc:
            token.tag_ = tags.get(token.lower_, "NN")
        return doc

    monkeypatch.setattr(nlp, "segment", tagged_segment)


@pytest.mark.usefixtures("tagging")
def test_passive_is_reported_with_a_tagged_pipeline():
    text = "The fix was deployed at noon.\n\n> The plan was approved.\n\n# Was deployed\n"
    report = lint(text, now=NOW, tz="UTC")
    found = [f for f in report.findings if f.rule == "style.passive"]
    assert [text[f.start : f.end] for f in found] == ["was deployed"]
    assert "The team deployed" in found[0].message and "who did it" in found[0].message


# -- settings ------------------------------------------------------------------------------

EVERYTHING = (
    "PLEASE READ THIS!!! I think maybe we should wait. Just wanted to say hi.\n\n"
    + LONG_SENTENCE
    + "\n\n"
    + SHORT * 25
)


def test_every_style_rule_fires_on_the_kitchen_sink():
    assert rules_of(EVERYTHING, "slack") == set(STYLE_RULES) - {
        "style.passive",
        "style.readability",
    }


@pytest.mark.parametrize("rule_id", sorted(set(STYLE_RULES) - {"style.passive"}))
def test_each_style_rule_can_be_turned_off_alone(rule_id):
    row = next(row for row in EXAMPLES if row[0] == rule_id)
    text, channel = row[2][0], row[1]
    on = rules_of(text, channel)
    assert rule_id in on
    off = rules_of(text, channel, settings=parse_rule_settings({rule_id: "off"}))
    assert off == on - {rule_id}


def test_style_off_turns_off_every_style_rule():
    settings = parse_rule_settings({"style": "off"})
    report = lint(EVERYTHING, now=NOW, tz="UTC", channel="slack", settings=settings)
    assert not [f for f in report.findings if f.rule.startswith("style.")]
    everything = lint(EVERYTHING, now=NOW, tz="UTC", channel="slack").findings
    assert report.findings == [f for f in everything if not f.rule.startswith("style.")]
    assert report.findings  # the other checks still ran


def test_a_style_rule_severity_can_be_raised():
    settings = parse_rule_settings({"style.hedge": "error"})
    report = lint("I think maybe we wait.", now=NOW, tz="UTC", settings=settings)
    (f,) = [f for f in report.findings if f.rule == "style.hedge"]
    assert f.severity is Severity.ERROR


def test_style_offsets_count_code_points_after_astral_characters():
    text = "🚀🇩🇪 This is NOT fine."
    (f,) = [f for f in lint(text, now=NOW, tz="UTC").findings if f.rule == "style.shouting"]
    assert text[f.start : f.end] == "NOT"
