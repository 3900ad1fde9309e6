"""Project config: ``.asyncwriter.toml`` (or ``[tool.asyncwriter]``) found above a file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from asyncwriter import paths, project_config
from asyncwriter.rule_settings import Severity
from tests.core.test_cli import NOW, run, run_process

if TYPE_CHECKING:
    from pathlib import Path

BAD = "Hi team,\n\nplease review the doc by Friday 5pm.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with a message two folders down."""
    root = tmp_path / "repo"
    (root / "docs" / "adr").mkdir(parents=True)
    (root / "docs" / "adr" / "0007.md").write_text(BAD, encoding="utf-8")
    return root


def _severities(result) -> dict[str, str]:
    [report] = json.loads(result.stdout)
    return {f["rule"]: f["severity"] for f in report["findings"]}


@pytest.mark.slow
def test_a_project_file_in_a_parent_folder_changes_a_rules_severity(repo):
    message = repo / "docs" / "adr" / "0007.md"
    before = run_process("lint", "--format", "json", *NOW, str(message))
    assert _severities(before)["links.unlinked-reference"] == "warning"
    (repo / ".asyncwriter.toml").write_text(
        '[rules]\n"links.unlinked-reference" = "error"\n"deadline.no-timezone" = "off"\n',
        encoding="utf-8",
    )
    after = run_process("lint", "--format", "json", *NOW, str(message))
    found = _severities(after)
    assert found["links.unlinked-reference"] == "error"
    assert "deadline.no-timezone" not in found
    assert after.returncode == 1 and after.stderr == b""


def test_pyproject_tool_table_counts_and_a_pyproject_without_it_is_passed_over(repo):
    (repo / "pyproject.toml").write_text(
        '[tool.asyncwriter.rules]\n"links.unlinked-reference" = "error"\n', encoding="utf-8"
    )
    (repo / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    message = repo / "docs" / "adr" / "0007.md"
    found = project_config.find(message)
    assert found == project_config.ProjectFile(repo / "pyproject.toml", pyproject=True)
    settings = project_config.settings_for(message)
    assert settings.rules["links.unlinked-reference"] is Severity.ERROR
    assert settings.project == repo / "pyproject.toml"


def test_the_closest_file_wins_and_asyncwriter_toml_before_pyproject(repo):
    (repo / ".asyncwriter.toml").write_text("[rules]\nlinks = 'off'\n", encoding="utf-8")
    docs = repo / "docs"
    (docs / "pyproject.toml").write_text("[tool.asyncwriter]\n", encoding="utf-8")
    (docs / ".asyncwriter.toml").write_text("", encoding="utf-8")
    assert project_config.find(docs / "adr" / "0007.md").path == docs / ".asyncwriter.toml"
    assert project_config.find(repo / "x.md").path == repo / ".asyncwriter.toml"


def test_merged_over_user_settings_with_origins(repo):
    user = paths.settings_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(
        '[rules]\n"ask.vague" = "error"\n"links.unlinked-reference" = "info"\n'
        '[time]\nzone = "Europe/Berlin"\n'
        '[languagetool]\nwords = ["Kubernetes"]\n'
        '[templates]\nfolders = ["mine"]\n'
        '[[team.people]]\nname = "Sam"\nzone = "Europe/London"\n',
        encoding="utf-8",
    )
    project = repo / ".asyncwriter.toml"
    project.write_text(
        '[rules]\n"links.unlinked-reference" = "error"\n'
        '[time]\nteam_zones = ["Asia/Tokyo"]\n'
        '[languagetool]\nwords = ["Grafana"]\n'
        '[templates]\nfolders = ["team-templates"]\n'
        '[[team.people]]\nname = "Aiko"\nzone = "Asia/Tokyo"\n',
        encoding="utf-8",
    )
    merged = project_config.merged_for(repo / "docs" / "adr" / "0007.md")
    s = merged.settings
    assert s.rules["ask.vague"] is Severity.ERROR  # the user's, kept
    assert s.rules["links.unlinked-reference"] is Severity.ERROR  # the project's wins
    assert s.zone == "Europe/Berlin" and s.team_zones == ["Asia/Tokyo"]
    assert s.languagetool.words == ["Kubernetes", "Grafana"]
    # Relative folders: the user's against the settings folder, the project's against its own.
    assert s.template_folders == [user.parent / "mine", repo / "team-templates"]
    assert [p.name for p in s.people] == ["Aiko"]  # the project's team replaces the user's
    assert s.problems == []
    assert merged.origin("rules", "ask.vague") == str(user)
    assert merged.origin("rules", "links.unlinked-reference") == str(project)
    assert merged.origin("languagetool", "words") == f"{user} + {project}"
    assert merged.origin("time", "work_hours") == "default"


def test_a_project_cannot_choose_where_drafts_are_sent(repo):
    (repo / ".asyncwriter.toml").write_text(
        '[languagetool]\nmode = "public"\nwords = ["Grafana"]\n[nlp]\noffer_download = false\n',
        encoding="utf-8",
    )
    s = project_config.settings_for(repo / "x.md")
    assert s.languagetool.mode == "builtin" and s.languagetool.words == ["Grafana"]
    assert s.offer_pipeline is True
    reasons = [str(p) for p in s.problems]
    assert any(":2: [languagetool] mode: only your own settings file" in r for r in reasons)
    assert any(":4: [nlp] is not a project setting" in r for r in reasons)


def test_a_broken_project_file_is_one_line_naming_file_and_line(repo):
    project = repo / ".asyncwriter.toml"
    project.write_text('[rules]\n"ask.vague" = \n', encoding="utf-8")
    result = run("lint", *NOW, str(repo / "docs" / "adr" / "0007.md"))
    assert result.returncode == 1  # the message was still checked, with the user's settings
    [warning] = result.stderr.decode().splitlines()
    assert warning.startswith(f"asyncwriter: warning: {project}:2: not valid TOML")


def test_a_bad_value_names_the_project_file_and_its_line(repo):
    project = repo / ".asyncwriter.toml"
    project.write_text('\n[rules]\n"ask.vague" = "loud"\n', encoding="utf-8")
    result = run("lint", *NOW, str(repo / "docs" / "adr" / "0007.md"))
    [warning] = result.stderr.decode().splitlines()
    assert warning.startswith(f"asyncwriter: warning: {project}:3: [rules] ask.vague:")


def test_config_command_prints_values_and_origins(repo):
    project = repo / ".asyncwriter.toml"
    project.write_text('[rules]\n"deadline.relative" = "error"\n', encoding="utf-8")
    result = run("config", str(repo / "docs" / "adr" / "0007.md"))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert f"# project file:  {project}" in text
    line = next(x for x in text.splitlines() if x.startswith('"deadline.relative"'))
    assert line.split("#")[0].strip() == '"deadline.relative" = "error"'
    assert line.endswith(f"# {project}")
    assert any(x.startswith("work_hours") and x.endswith("# default") for x in text.splitlines())


def test_files_under_different_projects_get_their_own_settings(tmp_path):
    for name, severity in (("a", "error"), ("b", "off")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / ".asyncwriter.toml").write_text(
            f'[rules]\n"links.unlinked-reference" = "{severity}"\n', encoding="utf-8"
        )
        (folder / "m.md").write_text(BAD, encoding="utf-8")
    result = run("lint", "--format", "json", *NOW, str(tmp_path / "a" / "m.md"),
                 str(tmp_path / "b" / "m.md"))  # fmt: skip
    a, b = json.loads(result.stdout)
    assert {f["rule"]: f["severity"] for f in a["findings"]}["links.unlinked-reference"] == "error"
    assert "links.unlinked-reference" not in {f["rule"] for f in b["findings"]}


def test_a_broken_pyproject_with_our_table_is_reported_not_passed_over(repo):
    pyproject = repo / "pyproject.toml"
    pyproject.write_text('[tool.asyncwriter.rules]\n"ask.vague" = = 1\n', encoding="utf-8")
    (repo / "other").mkdir()
    (repo / "other" / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    assert project_config.find(repo / "x.md") == project_config.ProjectFile(pyproject, True)
    assert project_config.find(repo / "other" / "x.md").path == pyproject  # not ours: skipped
    [problem] = project_config.settings_for(repo / "x.md").problems
    assert str(problem).startswith(f"{pyproject}:2: not valid TOML")
