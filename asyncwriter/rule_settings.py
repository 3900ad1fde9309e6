"""Severities and rule settings: what ``[rules]`` in a settings file or a template means.

Settings files, templates and the check engine all speak this small language ("off", or a
severity, keyed by a rule id or an id prefix), so it lives below all three and imports
nothing from AsyncWriter: a settings file can be read without loading the checks.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


class Severity(enum.IntEnum):
    """How much a finding matters; only ``ERROR`` fails ``asyncwriter lint``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        """Return the severity named ``name`` (case-insensitive).

        Raises:
            ValueError: ``name`` is not info, warning or error.
        """
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use info, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()


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


def effective_setting(
    rule_id: str, default: Severity, settings: Mapping[str, RuleSetting]
) -> RuleSetting:
    """Return a rule's severity after settings, or None when it is off.

    Keys match rule ids by dotted prefix and the most specific key wins: ``deadline = "off"``
    turns off every ``deadline.*`` rule unless ``deadline.past`` says otherwise.
    """
    parts = rule_id.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in settings:
            return settings[key]
    return default


def layered_settings(
    defaults: Mapping[str, Severity],
    user: Mapping[str, RuleSetting],
    template: Mapping[str, RuleSetting],
) -> dict[str, RuleSetting]:
    """Return each rule's setting with a template's settings over the user's.

    ``defaults`` maps every known rule id to its default severity. The template knows its
    kind of message (an FYI needs no ask), so it wins, except that a rule the user turned
    off stays off: nobody wants a rule back they switched off.
    """
    merged: dict[str, RuleSetting] = {}
    for rule_id, default in defaults.items():
        own = effective_setting(rule_id, default, user)
        merged[rule_id] = None if own is None else effective_setting(rule_id, own, template)
    # Keys that name no known rule ("grammar", "grammar.EN_QUOTES": LanguageTool's rules are
    # only known once it answers) pass through, the template's unless the user said "off".
    for key, value in user.items():
        merged.setdefault(key, value)
    for key, value in template.items():
        if key not in defaults and user.get(key, True) is not None:
            merged[key] = value
    return merged


def rule_keys(rule_ids: Iterable[str]) -> frozenset[str]:
    """Return every key a ``[rules]`` table may use for these rules: ids and id prefixes."""
    return frozenset(
        ".".join(parts[:n])
        for parts in (rule_id.split(".") for rule_id in rule_ids)
        for n in range(1, len(parts) + 1)
    )
