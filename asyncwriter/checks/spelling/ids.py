"""One id scheme whichever engine found a problem, and one finding per problem and span.

Misspellings are ``spelling.misspelling`` from every engine (Harper's ``SpellCheck``,
``SplitWords`` and ``The``; LanguageTool's ``misspelling`` issues such as
``MORFOLOGIK_RULE_EN_US``), so the dictionary, settings and docs never care which engine
found a word. Every other rule is ``grammar.<engine rule>``: Harper's names are CamelCase
and LanguageTool's UPPER_SNAKE, so they never collide. ``docs/rules.md`` has the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.checks.model import Finding
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from asyncwriter.rule_settings import RuleSetting

MISSPELLING = "spelling.misspelling"

#: Harper rules that find misspelled words (``The`` finds "teh").
SPELLING_RULES = frozenset({"SpellCheck", "SplitWords", "The"})

#: Harper rules that nag about style or typography, or are wrong for work messages: off
#: unless the writer turns one on by its own key (measured on the real-message corpus, see
#: the README's comparison). ``Spaces`` and ``NoFrenchSpaces`` would also fire on the
#: spaces that stand in for markup.
NOISE_RULES = frozenset(
    {
        "UseTitleCase",
        "SentenceCapitalization",
        "LongSentences",
        "Spaces",
        "NoFrenchSpaces",
        "Dashes",
        "UseEllipsisCharacter",
        "NumericRangeEnDash",
        "OxfordComma",
        "DiscourseMarkers",
        "UnclosedQuotes",
        "RoadMap",
        "SendAnEmailTo",
        "ExpandTimeShorthands",
        "ExpandConfiguration",
        "AvoidCurses",
        "AvoidAndAlso",
        "DisjointPrefixes",
    }
)

#: Harper lint kinds reported as warnings; the rest (Style, Formatting, Readability,
#: Redundancy, Capitalization, Punctuation ...) are notes.
WARNING_KINDS = frozenset(
    {"Spelling", "Typo", "Grammar", "Agreement", "WordChoice", "Repetition", "Usage",
     "Miscellaneous"}
)  # fmt: skip

#: LanguageTool rules that find what a Harper rule finds: one problem at one span is
#: reported once, whichever engines found it.
ALIASES = {
    "EN_A_VS_AN": "AnA",
    "ENGLISH_WORD_REPEAT_RULE": "RepeatedWords",
    "UPPERCASE_SENTENCE_START": "SentenceCapitalization",
    "I_LOWERCASE": "CapitalizePersonalPronouns",
    "WHITESPACE_RULE": "Spaces",
    "DASH_RULE": "Dashes",
    "TOO_LONG_SENTENCE": "LongSentences",
    "COULD_OF": "ModalOf",
}


def turned_off_elsewhere(rule_id: str, settings: Mapping[str, RuleSetting]) -> bool:
    """Return True when the same rule under another engine's id is turned off by its key.

    "Turn Off This Rule" on LanguageTool's ``EN_A_VS_AN`` also silences Harper's ``AnA``,
    and the other way round, so one switch works whichever engine found the problem.
    """
    name = rule_id.removeprefix("grammar.")
    if name == rule_id:
        return False
    twins = [lt for lt, harper in ALIASES.items() if harper == name]
    if name in ALIASES:
        twins.append(ALIASES[name])
    return any(settings.get(f"grammar.{twin}", True) is None for twin in twins)


def harper_rule_id(rule: str) -> str:
    """Return the AsyncWriter id for a Harper rule name."""
    return MISSPELLING if rule in SPELLING_RULES else f"grammar.{rule}"


def harper_severity(kind: str) -> Severity:
    """Return the default severity for a Harper lint kind."""
    return Severity.WARNING if kind in WARNING_KINDS else Severity.INFO


def _family(finding: Finding) -> str | None:
    """Return what a finding is about, for matching across engines (None: not merged)."""
    rule = finding.rule
    if rule.startswith("spelling.") or rule == "grammar.OrthographicConsistency":
        return "spelling"  # a word's spelling or casing: one finding per word
    if rule.startswith("grammar."):
        name = rule.removeprefix("grammar.")
        return ALIASES.get(name, name)
    return None


def merge_same_span(findings: Iterable[Finding]) -> list[Finding]:
    """Report one problem at one span once, keeping the first finding's id and message.

    Findings of one family (all spelling, or one grammar rule under any engine's name) at
    the same span become one, with the suggestions of all of them, the first finding's
    first. The caller lists the embedded engine's findings first, so Harper's spell check
    (the best suggestions, measured) leads.
    """
    out: list[Finding] = []
    index: dict[tuple[str, int, int], int] = {}
    for finding in findings:
        family = _family(finding)
        if family is None:
            out.append(finding)
            continue
        key = (family, finding.start, finding.end)
        at = index.get(key)
        if at is None:
            index[key] = len(out)
            out.append(finding)
            continue
        kept = out[at]
        extra = tuple(s for s in finding.suggestions if s not in kept.suggestions)
        if extra:
            out[at] = Finding(
                kept.rule,
                kept.severity,
                kept.start,
                kept.end,
                kept.message,
                kept.suggestions + extra,
                kept.category,
            )
    return out
