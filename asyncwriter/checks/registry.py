"""Every rule, in the order its findings are produced: the one list everything reads.

``asyncwriter rules``, ``docs/rules.md`` (a test keeps it in step), the settings dialog,
template and settings validation, and the engine all take the rules from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.checks.rules import (
    asks,
    deadline,
    deadline_team,
    links,
    structure,
    style,
    summary,
    suppression,
    times,
)
from asyncwriter.rule_settings import rule_keys

if TYPE_CHECKING:
    from asyncwriter.checks.rule import Rule
    from asyncwriter.rule_settings import Severity

#: Rule modules in the order their findings are produced (explicit, like proselint).
MODULES = (summary, asks, deadline, deadline_team, times, links, structure, style, suppression)

#: Every rule, by id.
RULES: dict[str, Rule] = {r.id: r for module in MODULES for r in module.RULES}

#: Every rule's default severity, by id.
DEFAULTS: dict[str, Severity] = {r.id: r.severity for r in RULES.values()}

#: Every key a ``[rules]`` table may use: rule ids and their prefixes.
RULE_KEYS: frozenset[str] = rule_keys(RULES)

#: Rules that report something absent, held back while placeholders are unfilled.
ABSENCE_RULES: frozenset[str] = frozenset(r.id for r in RULES.values() if r.absence)


def rule(rule_id: str) -> Rule:
    """Return the rule with id ``rule_id``.

    Raises:
        KeyError: there is no such rule.
    """
    return RULES[rule_id]
