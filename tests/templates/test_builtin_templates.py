"""The built-in template library: every template parses, guides, and fills in cleanly.

``filled/`` holds messages written by people who were given only the templates (no access
to the checks): each filled every placeholder as a careful writer would. They show that
the templates' own text never trips a check once filled in.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from asyncwriter import paths
from asyncwriter.checks import lint
from asyncwriter.checks.analysis import PLACEHOLDER
from asyncwriter.templates import load_catalog, load_file
from tests.checks.corpus_eval import NOW

BUILTIN = paths.builtin_templates_dir()
FILES = sorted(BUILTIN.glob("*.md"))
FILLED = sorted((Path(__file__).parent / "filled").glob("*.md"))
CORE = ("summary.", "ask.", "deadline.", "timezone.", "links.")
REQUIRED_IDS = {
    "status-update", "decision-proposal", "incident-report", "incident-resolved",
    "async-standup", "review-request", "project-kickoff", "handoff", "retrospective",
    "fyi-announcement",
}  # fmt: skip


def builtin(template_id: str):
    return load_catalog([], builtin_folder=BUILTIN).get(template_id)


def test_the_library_has_every_template_the_product_promises():
    assert {load_file(p, "built-in")[0].id for p in FILES} == REQUIRED_IDS


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_template_parses_without_warnings_and_its_file_name_is_its_id(path):
    template, problems = load_file(path, "built-in")
    assert template is not None and problems == []
    assert path.stem == template.id
    assert template.name and template.description and template.kind != "other"
    assert len(template.description) <= 120, "a one-line description"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_template_opens_with_a_summary_line(path):
    template, _ = load_file(path, "built-in")
    assert template.body.splitlines()[0].startswith("TL;DR: ")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_placeholder_prompts_the_writer(path):
    template, _ = load_file(path, "built-in")
    for prompt in PLACEHOLDER.findall(template.subject + "\n" + template.body):
        assert prompt.strip() and prompt == prompt.strip()


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_a_deadline_slot_asks_for_a_time_zone_wherever_there_is_an_ask(path):
    template, _ = load_file(path, "built-in")
    asks = [line for line in template.body.splitlines() if re.search(r"please|\*\*Ask:", line)]
    if template.rules.get("ask.missing", "on") is None and not asks:
        return  # an FYI: no ask, so no deadline
    assert asks, "a template with an ask names it"
    assert any("time zone" in line for line in asks), asks


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_untouched_template_has_only_placeholder_and_missing_content_findings(path):
    template, _ = load_file(path, "built-in")
    report = lint(template.new_draft(), template=template, now=NOW, tz="UTC")
    rules = {f.rule for f in report.findings}
    assert rules == {"structure.placeholder"}, [
        (f.rule, report.text[f.start : f.end]) for f in report.findings
    ]
    # every required section is present in the template itself
    assert not any(f.rule == "structure.missing-section" for f in report.findings)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_a_filled_in_template_passes_its_own_structure_checks(path):
    """Replacing each placeholder with text satisfies every section the template requires."""
    template, _ = load_file(path, "built-in")
    filled = PLACEHOLDER.sub(_plausible, template.new_draft())
    report = lint(filled, template=template, now=NOW, tz="UTC")
    assert [f for f in report.findings if f.rule.startswith("structure.")] == []


def _plausible(m: re.Match[str]) -> str:
    """Stand-in text for a placeholder that satisfies what its prompt asks for."""
    prompt = m.group(1).lower()
    if "link" in prompt:
        return "https://example.com/x"
    if "time zone" in prompt or prompt.startswith("time"):
        return "Thu 3 Dec 17:00 UTC"
    return "text"


# -- messages filled in by writers who only saw the templates ------------------------------


def _id(path: Path) -> str:
    return path.stem


@pytest.mark.parametrize("path", FILLED, ids=[_id(p) for p in FILLED])
def test_filled_messages_keep_the_templates_text_in_order(path):
    """The writers filled placeholders without editing the template's own text."""
    text = path.read_text(encoding="utf-8")
    template_id = path.stem.rsplit("-", 1)[0]
    draft = builtin(template_id).new_draft()
    assert "{{" not in text and "}}" not in text
    pos = 0
    flat = " ".join(text.split())
    for fixed in PLACEHOLDER.split(draft)[::2]:
        fixed = " ".join(fixed.split())
        if fixed:
            found = flat.find(fixed, pos)
            assert found != -1, f"template text {fixed!r} missing or out of order"
            pos = found + len(fixed)


@pytest.mark.parametrize(
    "path",
    [p for p in FILLED if p.stem.startswith("decision-proposal")],
    ids=lambda p: p.stem,
)
def test_an_honestly_filled_decision_proposal_passes_the_four_core_checks(path):
    text = path.read_text(encoding="utf-8")
    report = lint(text, now=NOW, tz="UTC")
    assert report.template == "decision-proposal"  # remembered through its marker
    assert [
        (f.rule, text[f.start : f.end]) for f in report.findings if f.rule.startswith(CORE)
    ] == []
    assert report.facts.summary and report.facts.deadlines and report.facts.links


@pytest.mark.parametrize("path", FILLED, ids=[_id(p) for p in FILLED])
def test_filled_messages_have_no_structure_findings(path):
    text = path.read_text(encoding="utf-8")
    report = lint(text, now=NOW, tz="UTC")
    assert report.template == path.stem.rsplit("-", 1)[0]
    assert [
        (f.rule, text[f.start : f.end]) for f in report.findings if f.rule.startswith("structure.")
    ] == []


EXPECTED = tomllib.loads((Path(__file__).parent / "filled" / "expected.toml").read_text("utf-8"))


def test_every_filled_message_has_expected_findings():
    assert set(EXPECTED) == {p.name for p in FILLED}


@pytest.mark.parametrize("path", FILLED, ids=[_id(p) for p in FILLED])
def test_filled_messages_get_exactly_the_expected_findings(path):
    """What remains is the writers' own text (reviewed by hand), never the template's."""
    text = path.read_text(encoding="utf-8")
    report = lint(text, now=NOW, tz="UTC")
    found = [{"rule": f.rule, "text": text[f.start : f.end]} for f in report.findings]
    assert found == EXPECTED[path.name]
