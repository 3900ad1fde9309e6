"""What a lint is asked to do besides read the text: the moment, the zone, rule settings.

The caller resolves these (settings files, the template, the clock) before the engine
runs, so a check's output depends on its inputs alone and the engine reads no file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from asyncwriter.checks.model import Finding
from asyncwriter.rule_settings import RuleSetting, Severity, effective_setting

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime, tzinfo

    from asyncwriter.sections import Section
    from asyncwriter.team import Person

#: ``deadline.short-notice``: fewer working hours than this before a deadline is short notice.
DEFAULT_SHORT_NOTICE_HOURS = 8.0


@dataclass(frozen=True, slots=True)
class Options:
    """A lint's resolved inputs: immutable, built once per lint by the caller.

    Attributes:
        now: the reference moment for relative dates (aware).
        tz: the writer's zone.
        defaults: every known rule's default severity, by id.
        settings: rule settings (user's, with the template's over them), by id or prefix.
        channel: where the message goes (``slack``, ``teams``, ``email``, ``markdown``,
            ``plain``), when known.
        sections: the sections the draft's template requires.
        require_links: the template requires a link even in a short message.
        template: the id of the template applied, if any.
        people: the team's people; the team-time rules are silent without any.
        short_notice_hours: the working hours a reader needs before a deadline.
    """

    now: datetime
    tz: tzinfo
    defaults: Mapping[str, Severity] = field(default_factory=dict)
    settings: Mapping[str, RuleSetting] = field(default_factory=dict)
    channel: str | None = None
    sections: tuple[Section, ...] = ()
    require_links: bool = False
    template: str | None = None
    people: tuple[Person, ...] = ()
    short_notice_hours: float = DEFAULT_SHORT_NOTICE_HOURS

    def severity(self, rule_id: str) -> RuleSetting:
        """Return the rule's severity after settings, or None when it is off."""
        return effective_setting(rule_id, self.defaults[rule_id], self.settings)

    def enabled(self, rule_id: str) -> bool:
        """Return True when the rule is on."""
        return self.severity(rule_id) is not None

    def finding(
        self,
        rule_id: str,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] | list[str] = (),
        *,
        safe: bool = False,
    ) -> Finding:
        """Build a finding with the rule's configured severity (``safe``: see Finding)."""
        severity = self.severity(rule_id) or Severity.INFO
        return Finding(rule_id, severity, start, end, message, tuple(suggestions), safe=safe)
