"""Rules ``style.*``: prose a busy reader in another time zone can take in at one skim.

A message read hours later, often in a second language, works when its sentences are short,
its paragraphs fit on a phone screen, and it says the point plainly: no hedges that make
the reader guess how sure the writer is, no filler before the point, no capitals that read
as shouting. These checks read the shared :class:`~asyncwriter.checks.analysis.Analysis`
(prose view, blocks, sentences, spaCy doc) and cost about a millisecond per thousand words:
one word scan and a few compiled regular expressions, run on every keystroke.

What is not the writer's own prose is never checked: code and URLs are blanked in the prose
view, quoted lines (``> ...``) are someone else's words, table rows are data, and headings
are labels (they are exempt from the sentence, paragraph and capitals rules).

The package has one module per kind of check (:mod:`.lengths`, :mod:`.readability`,
:mod:`.hedges`, :mod:`.shouting`, :mod:`.passive`) and shared helpers (:mod:`.words`,
:mod:`.sentences`); the English word lists they use are data, in
``asyncwriter/vocabulary/style.toml``. One :func:`check` runs them all, so the word scan and
the sentence spans are computed once per draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.checks.rule import POS_TAGS, REPLACE, Rule
from asyncwriter.checks.rules.style.hedges import (
    FILLER_KEYWORDS,
    HEDGE_KEYWORDS,
    blocks_with,
    check_fillers,
    check_hedges,
)
from asyncwriter.checks.rules.style.lengths import (
    check_long_paragraphs,
    check_long_sentences,
    check_message_length,
)
from asyncwriter.checks.rules.style.passive import check_passive, find_passive
from asyncwriter.checks.rules.style.readability import (
    check_readability,
    flesch_kincaid_grade,
    word_syllables,
)
from asyncwriter.checks.rules.style.sentences import own_sentences
from asyncwriter.checks.rules.style.shouting import check_shouting
from asyncwriter.checks.rules.style.words import Words
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options

__all__ = [
    "RULES",
    "check",
    "find_passive",
    "flesch_kincaid_grade",
    "word_syllables",
]


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield the style findings of one draft (only for rules that are on)."""
    words = Words(a)
    own = own_sentences(a, words)
    if opts.enabled("style.long-sentence"):
        yield from check_long_sentences(a, facts, opts, words, own)
    if opts.enabled("style.long-paragraph"):
        yield from check_long_paragraphs(a, facts, opts, words)
    if opts.enabled("style.readability"):
        yield from check_readability(a, facts, opts, words, own)
    low = a.prose.lower()
    hedges: list[tuple[int, int]] = []
    if opts.enabled("style.hedge"):
        for finding in check_hedges(a, facts, opts, blocks_with(a, low, HEDGE_KEYWORDS)):
            hedges.append((finding.start, finding.end))
            yield finding
    if opts.enabled("style.filler"):
        yield from check_fillers(a, facts, opts, blocks_with(a, low, FILLER_KEYWORDS), hedges)
    if opts.enabled("style.shouting"):
        yield from check_shouting(a, facts, opts)
    if opts.enabled("style.passive"):
        yield from check_passive(a, facts, opts)
    if opts.enabled("style.message-length"):
        yield from check_message_length(a, facts, opts, words)


RULES = (
    Rule(
        "style.long-sentence",
        Severity.INFO,
        "Long sentences are the first thing a skimming or non-native reader loses.",
        check,
    ),
    Rule(
        "style.long-paragraph",
        Severity.INFO,
        "A wall of text in chat gets skimmed past; short paragraphs and lists get read.",
        check,
    ),
    Rule(
        "style.readability",
        Severity.INFO,
        "Hard prose costs a reader in a second language a dictionary and a re-read.",
        check,
    ),
    Rule(
        "style.hedge",
        Severity.INFO,
        "Hedges make the reader guess how sure you are, and what you actually want.",
        check,
        fix=REPLACE,
    ),
    Rule(
        "style.filler",
        Severity.INFO,
        "Filler words push the point further down the message.",
        check,
    ),
    Rule(
        "style.shouting",
        Severity.WARNING,
        "Capitals and stacked exclamation marks read as shouting, and numb readers to "
        "the one thing that is urgent.",
        check,
        fix=REPLACE,
    ),
    Rule(
        "style.passive",
        Severity.INFO,
        "Passive voice hides who did something, which is often what the reader needs to know.",
        check,
        needs=frozenset({POS_TAGS}),
    ),
    Rule(
        "style.message-length",
        Severity.WARNING,
        "A chat message longer than a screen or two gets skimmed; details belong in a "
        "linked doc or a thread.",
        check,
    ),
)
