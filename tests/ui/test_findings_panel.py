"""The findings panel labels a fix by its rule's fix kind, from the registry."""

from __future__ import annotations

from asyncwriter.checks import RULES, Severity
from asyncwriter.checks.model import Finding
from asyncwriter.checks.rule import INSERT_SUMMARY, REPLACE
from asyncwriter.ui.finding_card import fix_kind, fix_label


def finding(rule: str) -> Finding:
    return Finding(rule, Severity.WARNING, 0, 4, "message", ("TL;DR: ship it\n\nText",))


def test_every_registry_rule_is_labelled_by_its_fix_kind():
    for rule in RULES.values():
        label = fix_label(finding(rule.id), "TL;DR: ship it\n\nText")
        assert fix_kind(finding(rule.id)) == rule.fix
        if rule.fix == INSERT_SUMMARY:
            assert label == "Insert a TL;DR line"
        else:
            assert label == "Replace with “TL;DR: ship it Text”"
    assert any(rule.fix == INSERT_SUMMARY for rule in RULES.values())


def test_grammar_findings_are_plain_replacements():
    grammar = finding("grammar.MORFOLOGIK_RULE_EN_US")
    assert fix_kind(grammar) == REPLACE
    assert fix_label(grammar, "their") == "Replace with “their”"


def test_a_long_suggestion_is_shortened_on_its_button():
    label = fix_label(finding("grammar.X"), "word " * 20)
    assert label.startswith("Replace with “word word") and label.endswith("…”")
    assert len(label) < 60
