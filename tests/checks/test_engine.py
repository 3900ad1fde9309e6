"""The engine contract: rule registry, settings, positions and the JSON shape."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest

from asyncwriter.checks import MODULES, RULES, Severity, lint
from asyncwriter.rule_settings import parse_rule_settings
from tests.checks.corpus_eval import STYLE_RULES, TEAM_RULES, TEMPLATE_RULES, load_examples

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FIRST_FLAG = {rule: flag[0] for rule, flag, _clean in load_examples()["EXAMPLES"]}


def test_rule_ids_are_unique_dotted_and_documented():
    ids = [r.id for m in MODULES for r in m.RULES]
    assert len(ids) == len(set(ids))
    docs = open("docs/rules.md", encoding="utf-8").read()
    for rule_id in ids:
        area, _, name = rule_id.partition(".")
        assert area and name
        assert f"`{rule_id}`" in docs
        assert RULES[rule_id].rationale


def test_rule_id_contains_its_module_area():
    for module in MODULES:
        for rule in module.RULES:
            assert rule.id.split(".")[0] in module.__name__ or module.__name__.endswith(
                ("asks", "deadline")
            )


@pytest.mark.parametrize("rule_id", sorted(FIRST_FLAG))
def test_each_rule_can_be_disabled_alone(rule_id):
    text = FIRST_FLAG[rule_id]
    on = {f.rule for f in lint(text, now=NOW, tz="UTC").findings}
    assert rule_id in on
    off = {f.rule for f in lint(text, now=NOW, tz="UTC", settings={rule_id: None}).findings}
    assert rule_id not in off
    assert off == on - {rule_id}


def test_prefix_settings_and_most_specific_wins():
    text = "Please send the report by tomorrow 5pm."
    settings = parse_rule_settings({"deadline": "off", "deadline.no-timezone": "info"})
    found = {f.rule: f.severity for f in lint(text, now=NOW, tz="UTC", settings=settings).findings}
    assert "deadline.relative" not in found
    assert found["deadline.no-timezone"] is Severity.INFO


def test_bad_severity_is_rejected():
    with pytest.raises(ValueError, match="severity"):
        parse_rule_settings({"ask.vague": "loud"})


def test_offsets_count_code_points_after_astral_characters():
    text = "🚀🇩🇪 Please review the plan by 17:00 tomorrow."
    report = lint(text, now=NOW, tz="UTC")
    by_rule = {f.rule: f for f in report.findings}
    f = by_rule["deadline.no-timezone"]
    assert text[f.start : f.end].startswith("17:00")
    data = report.to_json("x")
    item = next(i for i in data["findings"] if i["rule"] == "deadline.no-timezone")
    assert item["offset"] == text.index("17:00")
    assert item["line"] == 1 and item["column"] == text.index("17:00") + 1


def test_findings_are_sorted_and_json_has_the_contract_shape():
    text = "Hi all,\n\nThoughts on the doc? Need it by EOD.\n\nMeeting 10:00 CST."
    data = lint(text, now=NOW, tz="UTC").to_json("m.md")
    assert set(data) == {"path", "findings", "facts"}
    offsets = [f["offset"] for f in data["findings"]]
    assert offsets == sorted(offsets)
    for f in data["findings"]:
        assert set(f) == {
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "offset",
            "length",
            "suggestions",
        }
        assert f["severity"] in ("info", "warning", "error")
        assert f["line"] >= 1 and f["column"] >= 1
    assert set(data["facts"]) == {"summary", "asks", "deadlines", "links"}


def test_suggestions_fix_what_they_flag():
    text = "Please approve the budget by 17:00 CST on Thu 26 Nov."
    report = lint(text, now=NOW, tz="UTC")
    amb = next(f for f in report.findings if f.rule == "timezone.ambiguous")
    fixed = text[: amb.start] + amb.suggestions[0] + text[amb.end :]
    assert not any(f.rule == "timezone.ambiguous" for f in lint(fixed, now=NOW, tz="UTC").findings)
    rel_text = "Please approve the budget by tomorrow."
    rel = next(
        f for f in lint(rel_text, now=NOW, tz="UTC").findings if f.rule == "deadline.relative"
    )
    fixed = rel_text[: rel.start] + rel.suggestions[0] + rel_text[rel.end :]
    assert fixed == "Please approve the budget by Tue 24 Nov."
    assert not lint(fixed, now=NOW, tz="UTC").findings


def test_naive_now_is_read_in_the_writer_zone():
    text = "Please sign off by 10:00 UTC today."
    naive = datetime(2026, 11, 23, 10, 30)
    in_berlin = lint(text, now=naive, tz="Europe/Berlin")  # 09:30 UTC: still ahead
    in_utc = lint(text, now=naive, tz="UTC")  # 10:30 UTC: passed
    assert not any(f.rule == "deadline.past" for f in in_berlin.findings)
    assert any(f.rule == "deadline.past" for f in in_utc.findings)


def test_every_rule_is_exercised_by_an_example_or_a_template_test():
    # Team-time rules need people; tests/checks/test_team_time.py exercises each.
    assert set(FIRST_FLAG) | TEMPLATE_RULES | STYLE_RULES | TEAM_RULES == set(RULES)


def test_unknown_zone_and_template_raise():
    with pytest.raises(ValueError, match="time zone"):
        lint("hi", tz="Mars/Olympus")
    with pytest.raises(LookupError):
        lint("hi", template="no-such-template")


def test_a_numbered_pr_after_a_noun_phrase_is_one_mention():
    text = "@Priya can you review the fix in PR #912 by Thu 26 Nov, 17:00 UTC?"
    found = [(f.rule, text[f.start : f.end]) for f in lint(text, now=NOW, tz="UTC").findings]
    assert found == [("links.unlinked-reference", "PR #912")]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Can you review it by tomorrow 17:00 CST?", "Tue 24 Nov"),
        ("Can you review it by Friday 5pm IST?", "Friday 27 Nov"),
    ],
)
def test_relative_day_is_reported_even_when_the_zone_is_ambiguous(text, fixed):
    rules = {f.rule: f for f in lint(text, now=NOW, tz="UTC").findings}
    assert "timezone.ambiguous" in rules
    assert rules["deadline.relative"].suggestions == (fixed,)


@pytest.mark.slow
def test_a_draft_over_a_million_characters_is_still_checked():
    # spaCy refuses texts over nlp.max_length (1,000,000) by default; a 5 MB paste must
    # still get findings, not a crash in the background worker.
    line = "Please review the doc by Friday 5pm, see https://docs.example.com/a for details.\n"
    text = "TL;DR: a very long paste.\n\n" + line * (1_050_000 // len(line))
    assert len(text) > 1_000_000
    report = lint(text, now=NOW, tz="UTC")
    assert any(f.rule == "deadline.no-timezone" for f in report.findings)


#: Files opened while a test arms it (audit hooks cannot be removed, so one hook, switched).
_OPENED: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _OPENED is not None:
        _OPENED.append(str(args[0]))


def test_a_lint_of_a_draft_with_a_template_marker_opens_no_file(tmp_path):
    global _OPENED
    from asyncwriter.draft_text import marker

    text = marker("incident-report") + "\nTL;DR: checkout is down for EU users.\n"
    lint(text, now=NOW, tz="UTC")  # the first lint loads spaCy, templates and word lists
    sys.addaudithook(_audit)
    _OPENED = []
    try:
        report = lint(text + "Please page the on-call.\n", now=NOW, tz="UTC")
        opened, _OPENED = _OPENED, None
    finally:
        _OPENED = None
    assert report.template == "incident-report"
    assert "structure.missing-section" in {f.rule for f in report.findings}
    assert opened == []


def test_the_audit_hook_sees_an_open(tmp_path):
    global _OPENED
    sys.addaudithook(_audit)
    _OPENED = []
    try:
        (tmp_path / "x.txt").write_text("x", encoding="utf-8")
        opened = list(_OPENED)
    finally:
        _OPENED = None
    assert any(p.endswith("x.txt") for p in opened)


def test_every_rule_declares_a_known_fix_kind_and_its_check():
    from asyncwriter.checks.rule import FIX_KINDS, POS_TAGS

    for rule in RULES.values():
        assert rule.fix is None or rule.fix in FIX_KINDS
        assert rule.needs <= {POS_TAGS}
        assert callable(rule.check)
    assert {r for r in RULES if RULES[r].absence} == {
        "summary.missing",
        "ask.missing",
        "deadline.missing",
        "links.missing",
    }


def test_the_engine_options_module_is_not_shadowed_by_the_facade():
    import asyncwriter.checks as checks
    import asyncwriter.checks.options as options_module

    assert checks.options is options_module
    resolved = checks.lint_options(now=NOW, tz="UTC", settings={"links": None})
    assert not resolved.enabled("links.missing") and resolved.enabled("ask.missing")
