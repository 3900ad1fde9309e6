"""Rule ``suppression.unknown-rule``: a suppression comment that names no rule.

A typo in ``<!-- asyncwriter-disable-next-line deadline.relativ -->`` would otherwise silence
nothing without a word, and the writer would believe the finding was dealt with (markdownlint
reports the same mistake). The markers are read by the engine before the analysis, which sees
them blanked (:mod:`asyncwriter.checks.suppression`), so the findings are made here from what
the engine read, by :func:`findings`; the registered check has nothing left to read.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from asyncwriter.checks.rule import REPLACE, Rule
from asyncwriter.checks.spelling.ids import MISSPELLING
from asyncwriter.rule_settings import Severity, rule_keys

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.checks.suppression import Suppressions

UNKNOWN_RULE = "suppression.unknown-rule"
#: A spelling or grammar engine's rule (``grammar.EN_QUOTES``, ``grammar.RepeatedWords``):
#: their ids come from the engines, so any well-formed one is accepted.
_ENGINE_ID = re.compile(r"grammar(?:\.[A-Za-z0-9_]+)?")
_ENGINE_KEYS = rule_keys([MISSPELLING])


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield nothing: the engine reads the markers before the analysis (see the docstring)."""
    del a, facts, opts
    yield from ()


def known(rule_id: str, keys: Collection[str]) -> bool:
    """Return True when ``rule_id`` names a rule or a family: one of ``keys``, or an engine's."""
    return rule_id in keys or rule_id in _ENGINE_KEYS or _ENGINE_ID.fullmatch(rule_id) is not None


def findings(marks: Suppressions, opts: Options, keys: Collection[str]) -> Iterator[Finding]:
    """Yield one finding per unknown id in the markers, with the closest real ids as fixes."""
    if not opts.enabled(UNKNOWN_RULE):
        return
    for bad in marks.unknown:
        close = difflib.get_close_matches(bad.rule_id, sorted(keys), n=3, cutoff=0.6)
        hint = f" Did you mean “{close[0]}”?" if close else " `asyncwriter rules` lists them."
        yield opts.finding(
            UNKNOWN_RULE,
            bad.start,
            bad.end,
            f"“{bad.rule_id}” in this suppression comment names no rule, so it silences "
            f"nothing.{hint}",
            close,
        )


RULES = (
    Rule(UNKNOWN_RULE, Severity.WARNING,
         "A suppression comment with a mistyped rule id silences nothing, without a word.",
         check, fix=REPLACE),
)  # fmt: skip
