"""Rule ``style.readability``: the Flesch-Kincaid grade of the writer's running prose.

Long words and long sentences together cost a reader in a second language a dictionary
and a re-read. The grade is computed on the writer's own sentences only, and the finding
marks the hardest one with a few of its longest words, so the writer knows where to start.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.checks.rules.style.words import Words

#: Flesch-Kincaid grade above which a message is hard reading. Grade 12 is the end of
#: secondary school; plain-language guides aim for 8-10 for a general adult audience.
READABILITY_MAX_GRADE = 12
#: The grade the message points the writer at.
READABILITY_TARGET_GRADE = 10
#: The formula is noise on a few sentences; it only says something about longer prose.
READABILITY_MIN_WORDS, READABILITY_MIN_SENTENCES = 80, 3
#: The hardest sentence is chosen among sentences at least this long: a short heading-like
#: line of long words ("Infrastructure modernisation update") scores high but reads fine.
HARDEST_MIN_WORDS = 8


def check_readability(
    a: Analysis, facts: MessageFacts, opts: Options, words: Words, own: list[tuple[int, int]]
) -> Iterator[Finding]:
    """Yield ``style.readability`` on the hardest sentence when the prose reads too hard."""
    spans: list[tuple[tuple[int, int], int, int]] = []
    for sent in own:
        lo, hi = words.span(*sent)
        if hi > lo:
            spans.append((sent, lo, hi))
    if len(spans) < READABILITY_MIN_SENTENCES:
        return
    if sum(hi - lo for _s, lo, hi in spans) < READABILITY_MIN_WORDS:
        return
    # Syllables per word, in one pass over the words from the first sentence to the last.
    base = spans[0][1]
    syllables = list(map(word_syllables, words.texts(base, spans[-1][2])))
    scored: list[tuple[tuple[int, int], int, int]] = []  # sentence, words, syllables
    for sent, lo, hi in spans:
        counts = syllables[lo - base : hi - base]
        n = len(counts) - counts.count(0)  # numbers and times are not read as words
        if n:
            scored.append((sent, n, sum(counts)))
    total_words = sum(row[1] for row in scored)
    total_syllables = sum(row[2] for row in scored)
    if total_words < READABILITY_MIN_WORDS or len(scored) < READABILITY_MIN_SENTENCES:
        return
    grade = flesch_kincaid_grade(total_words, len(scored), total_syllables)
    if grade <= READABILITY_MAX_GRADE:
        return
    candidates = [row for row in scored if row[1] >= HARDEST_MIN_WORDS] or scored
    start, end = max(candidates, key=lambda row: flesch_kincaid_grade(row[1], 1, row[2]))[0]
    lo, hi = words.span(start, end)
    long_words = sorted(
        {w.strip(_EDGE_PUNCTUATION) for w in words.texts(lo, hi) if word_syllables(w) >= 3},
        key=lambda w: (-word_syllables(w), w.lower()),
    )[:3]
    examples = " (here: " + ", ".join(f"“{w}”" for w in long_words) + ")" if long_words else ""
    yield opts.finding(
        "style.readability",
        start,
        end,
        f"Reading grade {grade:.0f} (Flesch-Kincaid) is hard for a skimming or non-native "
        f"reader; aim for {READABILITY_TARGET_GRADE} or lower: split long sentences and "
        f"swap long words for short ones{examples}. This is the hardest sentence.",
    )


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Return the Flesch-Kincaid grade level for the given counts (US school grade)."""
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


#: Vowel groups, each one syllable before the adjustments below.
_VOWEL_GROUP = re.compile(r"[aeiouyàáâäåæèéêëìíîïòóôöøùúûüý]+")
#: Vowel pairs usually spoken as two syllables ("me-di-a", "pe-ri-od", "ac-tu-al",
#: "vid-e-o", "be-ing"), except where they make one sound ("so-cial", "ac-tion",
#: "qual-i-ty", "peo-ple", "de-li-cious").
_SPLIT_VOWELS = re.compile(
    r"(?<![ctx])iou|(?<![ct])ia|(?<![tscx])io(?!n)|(?<![qg])ua|eo(?![pu])|iu|[aeiouy](?=ing$)"
)
_EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?*_~\u2018\u2019\u201c\u201d\u2026"
_LETTERS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@functools.lru_cache(maxsize=16384)
def word_syllables(word: str) -> int:
    """Return an estimate of the syllables in an English word.

    Vowel groups are counted after dropping silent endings (a final "e" as in "make", "es"
    as in "times", "ed" as in "shipped"), then vowel pairs that are usually two syllables
    add one each. Acronyms count as one syllable: a reader knows them at a glance. Like
    every such heuristic it is right for most words and close for the rest, which is all a
    readability score needs. A token without letters ("14:45") has none: it is not read as
    a word.
    """
    parts = [p.replace("'", "").replace("\u2019", "") for p in _LETTERS.findall(word)]
    if len(parts) > 1:  # "follow-up", "source-of-wealth", "CI/CD"
        return sum(word_syllables(part) for part in parts)
    if not parts:
        return 0  # "14:45", "~20k": read at a glance, not as a word
    w = parts[0]
    if w.isupper() and len(w) <= 5:
        return 1
    w = w.lower()
    if len(w) <= 3:
        return 1
    if w.startswith("y"):
        w = w[1:]  # "yes", "year": a consonant here
    if w.endswith("es") and not w.endswith(("ses", "zes", "xes", "ches", "shes", "ges", "ces")):
        w = w[:-2]
    elif w.endswith("ed") and not w.endswith(("ted", "ded")):
        w = w[:-2]
    elif w.endswith("e") and not (w.endswith("le") and w[-3:-2] not in "aeiouy"):
        w = w[:-1]
    count = len(_VOWEL_GROUP.findall(w)) + len(_SPLIT_VOWELS.findall(w))
    if len(w) > 4 and w.endswith("ely") and w[-4] not in "aeiouy":
        count -= 1  # "likely", "completely": the e is silent
    return max(count, 1)
