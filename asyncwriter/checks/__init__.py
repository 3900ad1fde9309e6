"""The check engine: one analysis per lint, handed to every check module in a fixed order.

``lint(text)`` is the library face of ``asyncwriter lint``. The first call loads the spaCy
pipeline (about half a second); later calls reuse it. Nothing here imports Qt, so the CLI,
tests and background workers can all call it.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from asyncwriter.checks import asks, deadline, links, structure, style, summary, timeexpr, zones
from asyncwriter.checks.analysis import Analysis
from asyncwriter.checks.context import LintContext, RuleSetting, layered_settings
from asyncwriter.checks.grammar import GrammarError
from asyncwriter.checks.model import Facts, Finding, Report, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Mapping

    from asyncwriter.checks.grammar import GrammarChecker
    from asyncwriter.templates import Template

__all__ = ["MODULES", "RULES", "Finding", "Report", "Severity", "lint", "rule"]

#: Check modules in the order their findings are produced (explicit, like proselint).
MODULES = (summary, asks, deadline, links, structure, style)

#: Rules that report something absent. While placeholders are unfilled they are held back:
#: the placeholder is where the summary, ask, deadline or link will go, and one finding
#: ("fill this in") says so better than two.
ABSENCE_RULES = frozenset({"summary.missing", "ask.missing", "deadline.missing", "links.missing"})

#: Every rule, by id.
RULES: dict[str, Rule] = {r.id: r for module in MODULES for r in module.RULES}


def rule(rule_id: str) -> Rule:
    """Return the rule with id ``rule_id``.

    Raises:
        KeyError: there is no such rule.
    """
    return RULES[rule_id]


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

    Returns:
        The report; findings are sorted by position. While the draft has unfilled
        placeholders, the rules in :data:`ABSENCE_RULES` are held back (``report.held_back``).

    Raises:
        ValueError: ``tz`` is not a known zone.
        LookupError: ``template`` is not a known template.
    """
    chosen = _template(text, template)
    zone = zones.get_zone(tz) if isinstance(tz, str) else (tz or zones.local_zone())
    if now is None:
        now = datetime.now(zone)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    analysis = Analysis(text)
    ctx = LintContext(now=now, tz=zone, rules=RULES, settings=dict(settings or {}))
    if chosen is not None:
        ctx.settings = layered_settings(RULES, ctx.settings, chosen.rules)
        ctx.sections = chosen.sections
        ctx.require_links = chosen.require_link
    ctx.channel = channel or (chosen.channel if chosen is not None else None)
    ctx.declared_zone = timeexpr.find_declared_zone(analysis.prose)
    ctx.asks = asks.find_asks(analysis)
    ctx.times = timeexpr.scan(analysis.prose)
    ctx.found_deadlines = deadline.find_deadlines(analysis, ctx)
    ctx.deadlines = deadline.to_facts(ctx.found_deadlines, analysis, ctx)
    ctx.summary = verdict = summary.read_summary(analysis, ctx.asks, ctx.deadlines)

    findings: list[Finding] = []
    for module in MODULES:
        findings.extend(f for f in module.check(analysis, ctx) if ctx.enabled(f.rule))
    outcome = None
    if grammar is not None:
        outcome = grammar.review(analysis)
        if fetch_grammar and outcome.pending:
            try:
                grammar.fetch(outcome.pending)
                outcome.pending = []
            except GrammarError as exc:
                outcome.error = exc
        findings.extend(grammar.findings(outcome, ctx.settings))
    held_back: tuple[str, ...] = ()
    if analysis.placeholders:
        held_back = tuple(sorted({f.rule for f in findings} & ABSENCE_RULES))
        findings = [f for f in findings if f.rule not in ABSENCE_RULES]
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    facts = Facts(
        summary=verdict.text if verdict.ok else None,
        asks=ctx.asks,
        deadlines=ctx.deadlines,
        links=_unique([link.url for link in analysis.links] + analysis.reference_urls),
    )
    return Report(text=text, findings=findings, facts=facts, held_back=held_back,
                  template=chosen.id if chosen else None,
                  word_count=analysis.word_count, grammar=outcome)  # fmt: skip


def _template(text: str, template: str | Template | None) -> Template | None:
    """Return the template to apply: the one given, or the one the draft's marker names."""
    if template is not None and not isinstance(template, str):
        return template
    from asyncwriter import templates

    if template is not None:
        return templates.default_catalog().get(template)
    remembered = templates.template_id_of(text)
    if remembered is None:
        return None
    return templates.default_catalog().templates.get(remembered)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
