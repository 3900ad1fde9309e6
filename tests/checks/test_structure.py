"""Structure checks: placeholders, required sections, and how a template's settings apply."""

from __future__ import annotations

import pytest

from asyncwriter import paths
from asyncwriter.checks import Severity, lint
from asyncwriter.rule_settings import parse_rule_settings
from asyncwriter.sections import Section
from asyncwriter.templates import Template, marker
from tests.checks.corpus_eval import NOW

GOOD_ASK = "TL;DR: @sam, please approve the rollout plan by Thu 26 Nov, 17:00 UTC.\n\n"
LINK = "\n\nPlan: https://docs.example.com/rollout\n"


def template(*sections: Section | str, **fields) -> Template:
    specs = tuple(Section(s) if isinstance(s, str) else s for s in sections)
    return Template(id="t", name="T", body="", sections=specs, **fields)


def findings(text: str, tpl: Template | None = None, **kwargs) -> list[tuple[str, str]]:
    report = lint(text, template=tpl, now=NOW, tz="UTC", **kwargs)
    return [(f.rule, text[f.start : f.end]) for f in report.findings]


def structure(text: str, tpl: Template | None = None) -> list[tuple[str, str]]:
    return [f for f in findings(text, tpl) if f[0].startswith("structure.")]


# -- placeholders ------------------------------------------------------------------------


def test_each_placeholder_is_reported_with_its_span_and_prompt():
    text = "TL;DR: {{what changed}}. Owner: {{ @who }}.\n"
    report = lint(text, now=NOW, tz="UTC")
    found = [f for f in report.findings if f.rule == "structure.placeholder"]
    assert [text[f.start : f.end] for f in found] == ["{{what changed}}", "{{ @who }}"]
    assert found[0].message == "Fill in this placeholder: what changed"
    assert found[0].severity is Severity.ERROR


def test_placeholders_in_code_are_not_placeholders():
    text = "Use `{{ name }}` in Jinja.\n\n```\n{{ .Values.x }}\n```\n"
    assert structure(text) == []


def test_a_placeholder_prompt_is_not_read_as_a_deadline_or_link():
    text = "Please approve it by {{a date like Thu 1 Jan 2026, 17:00 UTC}}: [doc]({{link}})\n"
    report = lint(text, now=NOW, tz="UTC")
    assert report.facts.deadlines == () and report.facts.links == ()
    assert {f.rule for f in report.findings} == {"structure.placeholder"}


def test_absence_rules_wait_until_placeholders_are_filled():
    long_text = "Hi all,\n\n" + "We moved the cluster to the new region last week. " * 12
    unfilled = long_text + "\n\nOwner: {{who}}\n"
    held = lint(unfilled, now=NOW, tz="UTC")
    assert {f.rule for f in held.findings} == {"structure.placeholder"}
    assert set(held.held_back) == {"summary.missing", "ask.missing", "links.missing"}
    filled = lint(long_text + "\n\nOwner: Sam\n", now=NOW, tz="UTC")
    assert {"summary.missing", "ask.missing", "links.missing"} <= {f.rule for f in filled.findings}
    assert filled.held_back == ()


def test_presence_rules_still_report_next_to_placeholders():
    text = "TL;DR: {{point}}\n\nPlease review the doc by Friday 5pm.\n"
    rules = {rule for rule, _ in findings(text)}
    assert {"structure.placeholder", "deadline.no-timezone", "deadline.relative"} <= rules


# -- sections ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "## Impact\nCheckout fails for 3% of EU users.",
        "Impact\n======\nCheckout fails for 3% of EU users.",
        "### 1. Impact 🔥\nCheckout fails for 3% of EU users.",
        "**Impact:** checkout fails for 3% of EU users.",
        "**Impact**: checkout fails for 3% of EU users.",
        "*Impact*\ncheckout fails for 3% of EU users.",
        "__Impact__\n\n- checkout fails for 3% of EU users",
        "Impact: checkout fails for 3% of EU users.",
        "## Customer impact\nCheckout fails for 3% of EU users.",
        "## IMPACT (so far)\nCheckout fails for 3% of EU users.",
    ],
)
def test_a_section_is_found_by_heading_or_label(body):
    tpl = template(Section("Impact", ("Customer impact",)))
    assert structure(GOOD_ASK + body + LINK, tpl) == []


def test_a_heading_that_starts_with_the_name_counts():
    tpl = template("Options")
    assert structure(GOOD_ASK + "## Options considered\n1. Wait\n2. Ship" + LINK, tpl) == []


def test_missing_section_is_reported_on_the_first_line():
    tpl = template("Impact", "Root cause")
    text = GOOD_ASK + "## Impact\nCheckout fails for 3% of EU users." + LINK
    report = lint(text, template=tpl, now=NOW, tz="UTC")
    (f,) = [f for f in report.findings if f.rule == "structure.missing-section"]
    assert text[f.start : f.end].startswith("TL;DR")
    assert "“Root cause” section" in f.message and f.severity is Severity.WARNING


@pytest.mark.parametrize(
    "body",
    [
        "## Root cause\n\n## Next steps\nWe roll back.",
        "## Root cause\n- \n- [ ] \n\n## Next steps\nWe roll back.",
        "**Root cause:**\n**Next steps:** we roll back.",
        "## Root cause\n<!-- fill in later -->\n\n## Next steps\nWe roll back.",
    ],
)
def test_an_empty_section_is_reported_on_its_heading(body):
    tpl = template("Root cause")
    assert structure(GOOD_ASK + body + LINK, tpl) == [("structure.missing-section", "Root cause")]


def test_subheadings_and_code_count_as_content():
    tpl = template("Root cause")
    text = GOOD_ASK + "## Root cause\n### Details\nA bad config push.\n\n## Next\nx" + LINK
    assert structure(text, tpl) == []
    code = GOOD_ASK + "## Root cause\n```\nOOMKilled\n```\n" + LINK
    assert structure(code, tpl) == []


def test_a_section_holding_only_a_placeholder_is_reported_once():
    tpl = template("Root cause")
    text = GOOD_ASK + "## Root cause\n{{what we know so far}}" + LINK
    assert structure(text, tpl) == [("structure.placeholder", "{{what we know so far}}")]


def test_list_items_and_quotes_do_not_start_sections():
    tpl = template("Follow-up actions")
    text = GOOD_ASK + "**Follow-up actions**\n- Add alerting: @sam, due Fri 4 Dec\n" + LINK
    assert structure(text, tpl) == []
    quoted = GOOD_ASK + "> Follow-up actions: none\n" + LINK
    assert structure(quoted, tpl) == [("structure.missing-section", GOOD_ASK.split("\n")[0])]


def test_a_sentence_with_a_colon_is_not_a_label():
    tpl = template("Impact")
    text = GOOD_ASK + "The impact on the team was small, in short: nothing.\n" + LINK
    assert [r for r, _ in structure(text, tpl)] == ["structure.missing-section"]


def test_a_section_that_needs_a_link():
    tpl = template(Section("What", needs="link"))
    missing = GOOD_ASK + "**What:** the rollout plan\n"
    assert structure(missing, tpl) == [("structure.missing-section", "What")]
    assert structure(GOOD_ASK + "**What:** https://github.com/acme/api/pull/12\n", tpl) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("**Next update:** 15:30 UTC, or sooner.", []),
        ("**Next update:** Thu 26 Nov", []),
        ("All times UTC.\n\n**Next update:** 15:30.", []),
        ("**Next update:** soon.", [("structure.missing-section", "Next update")]),
        ("**Next update:** at 15:30, or sooner.", [("structure.missing-section", "15:30")]),
    ],
)
def test_a_section_that_needs_a_time_with_a_zone(body, expected):
    tpl = template(Section("Next update", needs="time"))
    assert structure(GOOD_ASK + body + LINK, tpl) == expected


def test_an_unzoned_time_gets_the_writers_zone_as_a_fix():
    tpl = template(Section("Next update", needs="time"))
    text = GOOD_ASK + "**Next update:** 15:30" + LINK
    report = lint(text, template=tpl, now=NOW, tz="Europe/Berlin")
    (f,) = [f for f in report.findings if f.rule == "structure.missing-section"]
    # The zone as people write it for that date, never an IANA id in prose.
    assert f.suggestions == ("15:30 CET",)


def test_an_ambiguous_zone_is_reported_once_by_its_own_rule():
    tpl = template(Section("Next update", needs="time"))
    rules = [r for r, _ in findings(GOOD_ASK + "**Next update:** 15:30 IST" + LINK, tpl)]
    assert rules == ["timezone.ambiguous"]


# -- template settings -------------------------------------------------------------------


def test_template_rules_apply_over_defaults():
    fyi = template(rules=parse_rule_settings({"ask.missing": "off"}))
    text = "Deploys pause during the datacenter move this weekend; dashboards may lag a bit."
    assert "ask.missing" in {r for r, _ in findings(text)}
    assert "ask.missing" not in {r for r, _ in findings(text, fyi)}


def test_a_rule_the_user_turned_off_stays_off_whatever_the_template_says():
    strict = template(rules=parse_rule_settings({"ask.missing": "error"}))
    text = "Deploys pause during the datacenter move this weekend; dashboards may lag a bit."
    user = parse_rule_settings({"ask": "off"})
    assert "ask.missing" not in {r for r, _ in findings(text, strict, settings=user)}
    report = lint(text, template=strict, now=NOW, tz="UTC")
    assert {f.rule: f.severity for f in report.findings}["ask.missing"] is Severity.ERROR


def test_require_link_applies_to_short_messages():
    text = "@sam, please approve the plan by Thu 26 Nov, 17:00 UTC."
    assert "links.missing" not in {r for r, _ in findings(text)}
    assert "links.missing" in {r for r, _ in findings(text, template(require_link=True))}


def test_a_template_id_is_looked_up_and_unknown_ids_raise():
    report = lint("TL;DR: {{x}}", template="incident-report", now=NOW, tz="UTC")
    assert report.template == "incident-report"
    assert any(f.rule == "structure.missing-section" for f in report.findings)
    with pytest.raises(LookupError, match="did you mean incident-report"):
        lint("x", template="incident-reprot")


def test_the_marker_comment_applies_the_remembered_template():
    text = marker("incident-report") + "\nTL;DR: checkout is down.\n"
    report = lint(text, now=NOW, tz="UTC")
    assert report.template == "incident-report"
    assert any(f.rule == "structure.missing-section" for f in report.findings)
    # the marker itself is not prose: no finding points into it
    assert all(f.start > len(marker("x")) for f in report.findings)


def test_a_marker_for_a_template_that_is_not_installed_is_ignored():
    report = lint(marker("our-team-only") + "\nFYI: lunch is at noon.\n", now=NOW, tz="UTC")
    assert report.template is None


def test_a_user_template_overrides_the_built_in_for_the_marker():
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "mine.md").write_text(
        '+++\nid = "incident-report"\nname = "Ours"\nsections = ["Customer comms"]\n+++\nx\n',
        encoding="utf-8",
    )
    report = lint(marker("incident-report") + "\nTL;DR: checkout is down.\n", now=NOW, tz="UTC")
    (f,) = [f for f in report.findings if f.rule == "structure.missing-section"]
    assert "Customer comms" in f.message
