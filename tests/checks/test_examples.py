"""Per-rule examples: each must raise its rule, each clean one must not."""

from __future__ import annotations

from datetime import datetime

import pytest

from asyncwriter.checks import RULES, lint
from tests.checks.corpus_eval import (
    NOW,
    STYLE_RULES,
    TEAM_RULES,
    TEMPLATE_RULES,
    core_rules,
    load_examples,
)

EXAMPLES = load_examples()
TABLE = EXAMPLES["EXAMPLES"]
FLAG = [(rule, text) for rule, flag, _clean in TABLE for text in flag]
CLEAN = [(rule, text) for rule, _flag, clean in TABLE for text in clean]


def _id(case):
    rule, text = case
    return f"{rule}:{text[:40]}"


def test_every_core_rule_has_examples():
    covered = {row[0] for row in TABLE}
    assert covered == set(RULES) - TEMPLATE_RULES - STYLE_RULES - TEAM_RULES
    for rule, flag, clean in TABLE:
        assert len(flag) >= 6 and len(clean) >= 6, rule


@pytest.mark.parametrize("case", FLAG, ids=[_id(c) for c in FLAG])
def test_example_raises_its_rule(case):
    rule, text = case
    assert rule in core_rules(text)


@pytest.mark.parametrize("case", CLEAN, ids=[_id(c) for c in CLEAN])
def test_clean_example_does_not_raise_rule(case):
    rule, text = case
    assert rule not in core_rules(text)


DEADLINES = EXAMPLES["DEADLINES"]


@pytest.mark.parametrize(
    ("message", "text", "iso", "zone"), DEADLINES, ids=[f"{row[1]}" for row in DEADLINES]
)
def test_deadline_resolution(message, text, iso, zone):
    facts = lint(message, now=NOW, tz="UTC").facts
    found = [d for d in facts.deadlines if text in d.text or d.text in text]
    assert found, f"no deadline overlapping {text!r}: {[d.text for d in facts.deadlines]}"
    got = found[0]
    if iso is None:
        assert got.datetime is None
    else:
        assert got.datetime is not None
        assert datetime.fromisoformat(got.datetime) == datetime.fromisoformat(iso)
    assert got.timezone == zone


JUDGEMENTS = EXAMPLES["JUDGEMENTS"]


def _present(report, prop: str) -> bool:
    """Read a property the way the corpus score reads lint's report."""
    if prop == "summary":
        return report.facts.summary is not None
    if prop == "ask":
        return any(not a.vague for a in report.facts.asks)
    if prop == "deadline":
        return bool(report.facts.deadlines)
    if prop == "links":
        return bool(report.facts.links)
    if prop == "deadline_tz":
        return all(f.rule != "deadline.no-timezone" for f in report.findings)
    raise ValueError(prop)


@pytest.mark.parametrize(
    ("prop", "message", "present"), JUDGEMENTS, ids=[f"{r[0]}:{r[1][:40]}" for r in JUDGEMENTS]
)
def test_judgement(prop, message, present):
    report = lint(message, now=NOW, tz="UTC")
    assert _present(report, prop) is present, (report.facts, [f.rule for f in report.findings])
