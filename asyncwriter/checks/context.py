"""Per-lint context: the reference moment, the writer's zone, rule settings, shared facts.

Checks receive this alongside the :class:`~asyncwriter.checks.analysis.Analysis`; it is the
only way they learn about settings, so a check's output depends on its inputs alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from asyncwriter.checks.model import Ask, Deadline, Finding, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date, datetime, tzinfo

    from asyncwriter.checks.structure import Section
    from asyncwriter.checks.summary import SummaryVerdict
    from asyncwriter.checks.timeexpr import Resolution, TimeExpression, Zone

#: A rule setting: a severity, or None for "off".
RuleSetting = Severity | None


def parse_rule_settings(raw: Mapping[str, str]) -> dict[str, RuleSetting]:
    """Turn ``{"deadline": "off", "ask.vague": "error"}`` into typed settings.

    Raises:
        ValueError: a value is not a severity or ``"off"``.
    """
    parsed: dict[str, RuleSetting] = {}
    for key, value in raw.items():
        parsed[key] = None if str(value).strip().lower() == "off" else Severity.parse(str(value))
    return parsed


def layered_settings(
    rules: Mapping[str, Rule],
    user: Mapping[str, RuleSetting],
    template: Mapping[str, RuleSetting],
) -> dict[str, RuleSetting]:
    """Return each rule's setting with a template's settings over the user's.

    The template knows its kind of message (an FYI needs no ask), so it wins, except that a
    rule the user turned off stays off: nobody wants a rule back they switched off.
    """
    merged: dict[str, RuleSetting] = {}
    for rule in rules.values():
        own = effective_setting(rule, user)
        merged[rule.id] = (
            None if own is None else effective_setting(Rule(rule.id, own, rule.rationale), template)
        )
    # Keys that name no known rule ("grammar", "grammar.EN_QUOTES": LanguageTool's rules are
    # only known once it answers) pass through, the template's unless the user said "off".
    for key, value in user.items():
        merged.setdefault(key, value)
    for key, value in template.items():
        if key not in rules and user.get(key, True) is not None:
            merged[key] = value
    return merged


def effective_setting(rule: Rule, settings: Mapping[str, RuleSetting]) -> RuleSetting:
    """Return a rule's severity after settings, or None when it is off.

    Keys match rule ids by dotted prefix and the most specific key wins: ``deadline = "off"``
    turns off every ``deadline.*`` rule unless ``deadline.past`` says otherwise.
    """
    parts = rule.id.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in settings:
            return settings[key]
    return rule.severity


@dataclass(slots=True)
class LintContext:
    """What a check may know besides the text."""

    now: datetime
    tz: tzinfo
    rules: dict[str, Rule]
    settings: Mapping[str, RuleSetting] = field(default_factory=dict)
    declared_zone: Zone | None = None
    asks: list[Ask] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    #: Deadline expressions with their resolutions (what ``deadlines`` is built from).
    found_deadlines: list[tuple[TimeExpression, Resolution]] = field(default_factory=list)
    #: Dates written out in the message, filled in by the deadline check when needed.
    written_dates: frozenset[date] | None = None
    #: Whether the top of the message states its point (read once per lint).
    summary: SummaryVerdict | None = None
    #: Template check setting: a link is required even in a short message.
    require_links: bool = False
    #: The sections the draft's template requires.
    sections: tuple[Section, ...] = ()
    #: Where the message will be posted (``slack``, ``teams``, ``email``, ``markdown``,
    #: ``plain``), when known: the template's channel or the one the draft was copied for.
    channel: str | None = None

    def enabled(self, rule_id: str) -> bool:
        """Return True when the rule is on."""
        return effective_setting(self.rules[rule_id], self.settings) is not None

    def finding(
        self,
        rule_id: str,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] | list[str] = (),
    ) -> Finding:
        """Build a finding with the rule's configured severity."""
        severity = effective_setting(self.rules[rule_id], self.settings) or Severity.INFO
        return Finding(rule_id, severity, start, end, message, tuple(suggestions))
