"""The check engine: one analysis per lint, handed to every check module in a fixed order.

``lint(text)`` is the library face of ``asyncwriter lint``. The first call loads the spaCy
pipeline (about half a second); later calls reuse it. Nothing here imports Qt, so the CLI,
tests and background workers can all call it.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from asyncwriter.checks import asks, deadline, links, summary, timeexpr, zones
from asyncwriter.checks.analysis import Analysis
from asyncwriter.checks.context import LintContext, RuleSetting
from asyncwriter.checks.model import Facts, Finding, Report, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MODULES", "RULES", "Finding", "Report", "Severity", "lint", "rule"]

#: Check modules in the order their findings are produced (explicit, like proselint).
MODULES = (summary, asks, deadline, links)

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
    template: str | None = None,
    now: datetime | None = None,
    tz: tzinfo | str | None = None,
    settings: Mapping[str, RuleSetting] | None = None,
) -> Report:
    """Check ``text`` and return its findings and facts.

    Args:
        text: the draft (Markdown or plain text).
        template: id of the template the draft was made from, or None.
        now: the reference moment for relative dates; naive values are read in ``tz``.
            Defaults to the current time.
        tz: the writer's zone (a ``tzinfo`` or an IANA name); defaults to the system zone.
        settings: per-rule severities or None for "off", keyed by rule id or id prefix.

    Returns:
        The report; findings are sorted by position.

    Raises:
        ValueError: ``tz`` is not a known zone.
        LookupError: ``template`` is not a known template.
    """
    if template is not None:
        raise LookupError(f"unknown template {template!r}: no templates are installed")
    zone = zones.get_zone(tz) if isinstance(tz, str) else (tz or zones.local_zone())
    if now is None:
        now = datetime.now(zone)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    analysis = Analysis(text)
    ctx = LintContext(now=now, tz=zone, rules=RULES, settings=dict(settings or {}))
    ctx.declared_zone = timeexpr.find_declared_zone(analysis.prose)
    ctx.asks = asks.find_asks(analysis)
    ctx.times = timeexpr.scan(analysis.prose)
    ctx.found_deadlines = deadline.find_deadlines(analysis, ctx)
    ctx.deadlines = deadline.to_facts(ctx.found_deadlines, analysis, ctx)
    ctx.summary = verdict = summary.read_summary(analysis, ctx.asks, ctx.deadlines)

    findings: list[Finding] = []
    for module in MODULES:
        findings.extend(f for f in module.check(analysis, ctx) if ctx.enabled(f.rule))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    facts = Facts(
        summary=verdict.text if verdict.ok else None,
        asks=ctx.asks,
        deadlines=ctx.deadlines,
        links=_unique([link.url for link in analysis.links] + analysis.reference_urls),
    )
    return Report(text=text, findings=findings, facts=facts)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
