"""What a rule is: its id, default severity, one-line doc, needs, check and fix kind.

A rule owns itself. Each rule module declares its rules with this record, next to the
function that finds them, and :mod:`asyncwriter.checks.registry` collects them in order; the
command line's ``asyncwriter rules``, ``docs/rules.md``, the settings dialog and the tests
all read that one registry, so adding a rule is one module, its examples and its docs entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.rule_settings import Severity

#: A check: a pure function of the analysis, the facts and the options. One check may find
#: several related rules in one pass (every deadline rule reads the same deadlines); the
#: engine runs each check once and keeps the findings of the rules that are on.
Check = Callable[["Analysis", "MessageFacts", "Options"], Iterable["Finding"]]

#: Fix kinds: how the editor applies a finding's suggestions.
REPLACE = "replace"  # each suggestion replaces the finding's span
INSERT_SUMMARY = "insert-summary"  # the suggestion is a TL;DR line put above the opening
FIX_KINDS = (REPLACE, INSERT_SUMMARY)

#: Needs: what a rule requires of the language pipeline. With the embedded blank pipeline a
#: rule that needs part-of-speech tags stays silent rather than guess.
POS_TAGS = "pos-tags"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's metadata and its check; its id is also its config key and JSON ``rule``.

    Attributes:
        id: ``family.name``, e.g. ``deadline.no-timezone``.
        severity: the default severity.
        rationale: the one-line doc: what it finds and why a reader cares.
        check: the function that finds it (shared by sibling rules found in one pass).
        fix: how its suggestions apply (:data:`FIX_KINDS`), or None when it has none.
        needs: what it requires of the pipeline (:data:`POS_TAGS`).
        absence: it reports something missing (no summary, ask, deadline, link); held back
            while the draft has unfilled placeholders, since the placeholder is where the
            missing part will go.
    """

    id: str
    severity: Severity
    rationale: str
    check: Check
    fix: str | None = None
    needs: frozenset[str] = frozenset()
    absence: bool = False
