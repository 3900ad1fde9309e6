"""The check engine's public face: ``lint(text)``, the library side of ``asyncwriter lint``.

``lint`` resolves what the caller names (a template id or the draft's marker, a zone name,
"now") into :class:`~asyncwriter.checks.options.Options` and runs the pipeline in
:mod:`asyncwriter.checks.engine`. The first call loads the spaCy pipeline (about half a
second); later calls reuse it, and a template is looked up in a catalog loaded once per
process, so a lint opens no file. Nothing here imports Qt, so the CLI, tests and background
workers can all call it.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from asyncwriter import templates
from asyncwriter.checks import engine
from asyncwriter.checks.model import Finding, Report, Severity
from asyncwriter.checks.options import DEFAULT_SHORT_NOTICE_HOURS, Options
from asyncwriter.checks.registry import ABSENCE_RULES, DEFAULTS, MODULES, RULE_KEYS, RULES, rule
from asyncwriter.rule_settings import layered_settings
from asyncwriter.times import zones
from asyncwriter.times.moments import check_now

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from asyncwriter.checks.grammar.checker import GrammarChecker
    from asyncwriter.checks.spelling.checker import SpellingChecker
    from asyncwriter.rule_settings import RuleSetting
    from asyncwriter.team import Person
    from asyncwriter.templates import Template

__all__ = [
    "ABSENCE_RULES",
    "MODULES",
    "RULES",
    "RULE_KEYS",
    "Finding",
    "Report",
    "Severity",
    "lint",
    "lint_options",
    "rule",
]


def lint(
    text: str,
    *,
    template: str | Template | None = None,
    now: datetime | None = None,
    tz: tzinfo | str | None = None,
    settings: Mapping[str, RuleSetting] | None = None,
    channel: str | None = None,
    grammar: GrammarChecker | None = None,
    fetch_grammar: bool = True,
    spelling: SpellingChecker | None = None,
    fetch_spelling: bool = True,
    people: Sequence[Person] = (),
    short_notice_hours: float = DEFAULT_SHORT_NOTICE_HOURS,
) -> Report:
    """Check ``text`` and return its findings and facts.

    Args:
        text: the draft (Markdown or plain text).
        template: the template the draft was made from (an id or a loaded template): its
            required sections and rule settings apply. With None, a template named by the
            draft's marker comment applies if it is installed.
        now: the reference moment for relative dates; naive values are read in ``tz``.
            Defaults to the current time.
        tz: the writer's zone (a ``tzinfo`` or an IANA name); defaults to the system zone.
        settings: per-rule severities or None for "off", keyed by rule id or id prefix
            (a template's own settings apply over these, but never turn a rule back on).
        channel: where the message goes (``slack``, ``teams``, ``email``, ``markdown``,
            ``plain``); defaults to the template's. Style rules such as message length
            depend on it.
        grammar: a LanguageTool checker (see :mod:`asyncwriter.checks.grammar`); None
            leaves grammar out. Its findings are ``grammar.*`` rules.
        fetch_grammar: ask LanguageTool about paragraphs it has not seen (blocking). The
            editor passes False: the lint then uses cached results only and lists what is
            left in ``report.grammar.pending`` for a background job to ask.
        spelling: the embedded spelling checker (see :mod:`asyncwriter.checks.spelling`);
            None (the default) leaves it out, so a library caller gets the core rules only
            unless it asks. Its findings are ``spelling.misspelling`` and ``grammar.*``;
            the same problem at the same span as a LanguageTool finding is reported once.
        fetch_spelling: check paragraphs it has not seen (blocking); the window passes
            False until the engine is built, and the rest is listed in
            ``report.spelling.pending``.
        people: the team's people (settings' ``[[team.people]]``); the team-time rules
            (``deadline.outside-hours``, ``deadline.short-notice``, ``deadline.day-off``)
            judge deadlines for them and are silent without any.
        short_notice_hours: ``deadline.short-notice`` fires when a reader has fewer working
            hours than this before a deadline.

    Returns:
        The report; findings are sorted by position. While the draft has unfilled
        placeholders, the rules in :data:`ABSENCE_RULES` are held back (``report.held_back``).

    Raises:
        ValueError: ``tz`` is not a known zone, or ``now`` is out of range (it must leave a
            year of the calendar on each side).
        LookupError: ``template`` is not a known template.
    """
    chosen = templates.resolve(template, text)
    resolved = lint_options(
        chosen,
        now=now,
        tz=tz,
        settings=settings,
        channel=channel,
        people=people,
        short_notice_hours=short_notice_hours,
    )
    return engine.run(
        text,
        resolved,
        grammar=grammar,
        fetch_grammar=fetch_grammar,
        spelling=spelling,
        fetch_spelling=fetch_spelling,
    )


def lint_options(
    template: Template | None = None,
    *,
    now: datetime | None = None,
    tz: tzinfo | str | None = None,
    settings: Mapping[str, RuleSetting] | None = None,
    channel: str | None = None,
    people: Sequence[Person] = (),
    short_notice_hours: float = DEFAULT_SHORT_NOTICE_HOURS,
) -> Options:
    """Return the engine's options for a resolved template and the caller's choices."""
    zone = zones.get_zone(tz) if isinstance(tz, str) else (tz or zones.local_zone())
    if now is None:
        now = datetime.now(zone)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    check_now(now)
    merged: Mapping[str, RuleSetting] = dict(settings or {})
    team = tuple(people)
    if template is None:
        return Options(
            now=now,
            tz=zone,
            defaults=DEFAULTS,
            settings=merged,
            channel=channel,
            people=team,
            short_notice_hours=short_notice_hours,
        )
    return Options(
        now=now,
        tz=zone,
        defaults=DEFAULTS,
        settings=layered_settings(DEFAULTS, merged, template.rules),
        channel=channel or template.channel,
        sections=template.sections,
        require_links=template.require_link,
        template=template.id,
        people=team,
        short_notice_hours=short_notice_hours,
    )
