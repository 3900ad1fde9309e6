"""``asyncwriter templates``, ``asyncwriter new`` and ``lint --template``, in process."""

from __future__ import annotations

import json

import pytest

from asyncwriter import paths
from tests.core.test_cli import NOW, run


@pytest.fixture
def team(tmp_path):
    """A team folder listed in settings, with one new and one overriding template."""
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "change.md").write_text(
        '+++\nid = "change-request"\nname = "Change request"\n'
        'description = "Ask CAB to approve a production change."\nkind = "decision"\n'
        'sections = ["Rollback plan"]\n+++\nTL;DR: {{the change}}\n',
        encoding="utf-8",
    )
    (folder / "standup.md").write_text(
        '+++\nid = "async-standup"\nname = "Team standup"\ndescription = "Ours."\n+++\n'
        "TL;DR: {{one line}}\n",
        encoding="utf-8",
    )
    (folder / "broken.md").write_text('+++\nid = "broken"\n+++\nbody\n', encoding="utf-8")
    paths.config_dir().mkdir(parents=True)
    paths.settings_file().write_text(f'[templates]\nfolders = ["{folder}"]\n', encoding="utf-8")
    return folder


def test_templates_lists_id_name_origin_and_description(team):
    result = run("templates")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    rows = {line.split()[0]: line for line in lines}
    assert (
        "built-in" in rows["decision-proposal"] and "Decision proposal" in rows["decision-proposal"]
    )
    assert "Get a decision made in writing" in rows["decision-proposal"]
    assert "team" in rows["change-request"] and "Ask CAB" in rows["change-request"]
    assert "team (replaces built-in)" in rows["async-standup"]
    assert "broken" not in rows
    assert "broken.md: missing 'name' in the front matter (skipped)" in result.stderr.decode()


def test_templates_json_is_for_scripts(team):
    result = run("templates", "--format", "json")
    assert result.returncode == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["incident-report"]["origin"] == "built-in"
    assert rows["incident-report"]["channel"] == "slack"
    assert "Next update" in rows["incident-report"]["sections"]
    assert rows["async-standup"]["replaces"] == "built-in"


def test_new_prints_a_fresh_draft_with_its_subject_line():
    result = run("new", "decision-proposal")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "<!-- asyncwriter template: decision-proposal -->"
    assert lines[1].startswith("Subject: Decision needed by {{")
    assert lines[3].startswith("TL;DR: ")


def test_new_with_an_unknown_id_suggests_one():
    result = run("new", "decision")
    assert result.returncode == 2
    assert b"did you mean decision-proposal" in result.stderr
    assert b"Traceback" not in result.stderr


def test_new_writes_a_file_but_never_over_one(tmp_path):
    target = tmp_path / "incident.md"
    assert run("new", "incident-report", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8").startswith("<!-- asyncwriter template: incident-")
    target.write_text("my half-written report", encoding="utf-8")
    again = run("new", "incident-report", "-o", str(target))
    assert again.returncode == 2 and b"already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == "my half-written report"


def test_a_new_draft_lints_with_its_template_remembered(tmp_path):
    target = tmp_path / "incident.md"
    run("new", "incident-report", "-o", str(target))
    result = run("lint", "--format", "json", *NOW, str(target))
    assert result.returncode == 1  # unfilled placeholders are errors
    rules = {f["rule"] for f in json.loads(result.stdout)[0]["findings"]}
    assert rules == {"structure.placeholder"}


def test_lint_template_applies_required_sections():
    text = b"TL;DR: checkout is down for EU users since 14:05 UTC. No action needed.\n"
    plain = run("lint", "--format", "json", *NOW, "-", stdin=text)
    assert plain.returncode == 0
    assert json.loads(plain.stdout)[0]["findings"] == []
    applied = run(
        "lint", "--format", "json", "--template", "incident-report", *NOW, "-", stdin=text
    )
    findings = json.loads(applied.stdout)[0]["findings"]
    missing = [f["message"] for f in findings if f["rule"] == "structure.missing-section"]
    assert len(missing) == 6 and any("“Next update”" in m for m in missing)
    assert any(f["rule"] == "links.missing" for f in findings)  # incidents require links


def test_lint_warns_about_a_remembered_template_that_is_not_installed():
    text = b"<!-- asyncwriter template: their-template -->\nFYI: lunch moves to 12:30 UTC.\n"
    result = run("lint", *NOW, "-", stdin=text)
    assert result.returncode == 0
    assert b"its template 'their-template' is not installed" in result.stderr


def test_lint_applies_rule_settings_from_the_settings_file():
    paths.config_dir().mkdir(parents=True)
    paths.settings_file().write_text('[rules]\nask = "off"\n', encoding="utf-8")
    long_text = ("We moved the cluster to the new region last week without trouble. " * 8).encode()
    result = run("lint", "--format", "json", *NOW, "-", stdin=long_text)
    rules = {f["rule"] for f in json.loads(result.stdout)[0]["findings"]}
    assert "ask.missing" not in rules and "summary.missing" in rules


def test_a_broken_settings_file_is_reported_and_linting_goes_on():
    paths.config_dir().mkdir(parents=True)
    paths.settings_file().write_text("[rules\n", encoding="utf-8")
    result = run("lint", *NOW, "-", stdin=b"FYI: lunch moves to 12:30 UTC.")
    assert result.returncode == 0
    assert b"settings.toml:1: not valid TOML" in result.stderr
    assert paths.settings_file().read_text(encoding="utf-8") == "[rules\n"
