"""The pipeline: text → analysis → facts → rules → report, each step once, in this order.

The engine is given everything it needs (:class:`~asyncwriter.checks.options.Options`, an
optional grammar checker) and reads no file: settings and templates are resolved above it,
so the same text with the same options always gives the same report.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from asyncwriter.checks import nlp, suppression
from asyncwriter.checks.analysis import Analysis
from asyncwriter.checks.facts import read_facts
from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.checks.model import Report
from asyncwriter.checks.registry import ABSENCE_RULES, RULE_KEYS, RULES
from asyncwriter.checks.rules import suppression as suppression_rule
from asyncwriter.checks.spelling.ids import merge_same_span

if TYPE_CHECKING:
    from asyncwriter.checks.grammar.checker import GrammarChecker
    from asyncwriter.checks.grammar.outcome import GrammarOutcome
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.checks.rule import Check
    from asyncwriter.checks.spelling.checker import SpellingChecker


def run(
    text: str,
    options: Options,
    *,
    grammar: GrammarChecker | None = None,
    fetch_grammar: bool = True,
    spelling: SpellingChecker | None = None,
    fetch_spelling: bool = True,
) -> Report:
    """Check ``text`` with resolved ``options`` and return its report.

    Args:
        text: the draft (Markdown or plain text).
        options: the moment, zone, rule settings and template requirements.
        grammar: a LanguageTool checker; None leaves grammar out.
        fetch_grammar: ask LanguageTool about paragraphs it has not seen (blocking); with
            False only cached results are used and the rest is listed in
            ``report.grammar.pending`` for a background job.
        spelling: the embedded spelling checker; None leaves it out.
        fetch_spelling: check paragraphs it has not seen (blocking; loads the engine on
            first use); with False the rest is listed in ``report.spelling.pending``.
    """
    findings: list[Finding] = []
    # Suppression comments are read first and blanked, so no check reads them as text.
    marks = suppression.read(text, lambda rule_id: suppression_rule.known(rule_id, RULE_KEYS))
    seen = suppression.blank(text, marks.spans)
    with nlp.text_zone():  # the draft's words leave spaCy's vocabulary at the end
        analysis = Analysis(seen)
        facts = read_facts(analysis, options.now, options.tz)
        for check in _checks_to_run(options):
            findings.extend(f for f in check(analysis, facts, options) if options.enabled(f.rule))
        analysis.drop_doc()  # invalid once the zone ends: a later use raises, never misreads
    checked: list[Finding] = []  # spelling and grammar: merged across engines below
    spelled = None
    if spelling is not None:
        spelled = spelling.review(analysis, options.settings)
        _fetch(spelling, spelled, fetch_spelling)
        checked.extend(spelling.findings(spelled, options.settings))
    outcome = None
    if grammar is not None:
        outcome = grammar.review(analysis)
        _fetch(grammar, outcome, fetch_grammar)
        checked.extend(grammar.findings(outcome, options.settings))
    findings.extend(merge_same_span(checked))
    findings = [f for f in findings if not marks.silenced(f, message_wide=f.rule in ABSENCE_RULES)]
    if marks.spans:
        findings = [_keep_markers(f, text, seen) for f in findings]
    findings.extend(suppression_rule.findings(marks, options, RULE_KEYS))
    held_back: tuple[str, ...] = ()
    if analysis.placeholders:
        held_back = tuple(sorted({f.rule for f in findings} & ABSENCE_RULES))
        findings = [f for f in findings if f.rule not in ABSENCE_RULES]
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return Report(
        text=text,
        findings=findings,
        facts=facts.public(),
        held_back=held_back,
        template=options.template,
        word_count=analysis.word_count,
        grammar=outcome,
        spelling=spelled,
    )


def _keep_markers(finding: Finding, text: str, seen: str) -> Finding:
    """Put back the markers a fix copied blank from the text the checks read.

    A fix that keeps its span's text (the TL;DR line goes above the opening it repeats)
    copied that text with the markers as spaces; applied, it would wipe them out.
    """
    blanked, real = seen[finding.start : finding.end], text[finding.start : finding.end]
    if blanked == real or not finding.suggestions:
        return finding
    return dataclasses.replace(
        finding, suggestions=tuple(s.replace(blanked, real) for s in finding.suggestions)
    )


def _fetch(checker: GrammarChecker | SpellingChecker, outcome: GrammarOutcome, now: bool) -> None:
    """Check what the cache lacks now (``now``), or leave it listed for a background job."""
    if now and outcome.pending:
        try:
            checker.fetch(outcome.pending)
            outcome.pending = []
        except GrammarError as exc:
            outcome.error = exc


def _checks_to_run(options: Options) -> list[Check]:
    """Return each check once, in registry order, skipping those whose rules are all off."""
    checks: dict[Check, bool] = {}
    for rule in RULES.values():
        checks[rule.check] = checks.get(rule.check, False) or options.enabled(rule.id)
    return [check for check, wanted in checks.items() if wanted]
