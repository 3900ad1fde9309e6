"""``asyncwriter lint --pr-description``: the pull request from GitHub's event payload."""

from __future__ import annotations

import json

import pytest

from asyncwriter.command_line import pr_description
from tests.core.test_cli import NOW, run

EVENT = {
    "action": "opened",
    "number": 7,
    "pull_request": {
        "title": "Move billing to the new pipeline",
        "body": "Hi team,\r\n\r\nplease review the doc by Friday 5pm.\r\n",
        "head": {"ref": "billing"},
    },
}


@pytest.fixture
def event(tmp_path, monkeypatch):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(EVENT), encoding="utf-8")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(path))
    return path


def test_title_and_body_become_the_message(event):
    assert pr_description.description() == (
        "# Move billing to the new pipeline\n\nHi team,\n\nplease review the doc by Friday 5pm.\n"
    )


def test_an_empty_body_is_null_in_the_payload(tmp_path):
    path = tmp_path / "e.json"
    path.write_text(json.dumps({"pull_request": {"title": "T", "body": None}}), encoding="utf-8")
    assert pr_description.description({"GITHUB_EVENT_PATH": str(path)}) == "# T\n\n"


def test_not_a_pull_request_event(tmp_path):
    path = tmp_path / "push.json"
    path.write_text(json.dumps({"ref": "refs/heads/main"}), encoding="utf-8")
    with pytest.raises(pr_description.EventError, match="not a pull request event"):
        pr_description.description({"GITHUB_EVENT_PATH": str(path)})
    with pytest.raises(pr_description.EventError, match="GITHUB_EVENT_PATH is not set"):
        pr_description.description({})


def test_lint_pr_description_annotates_without_a_file(event):
    result = run("lint", "--pr-description", "--format", "github", *NOW)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert "::error title=deadline.no-timezone::“Friday 5pm” has no time zone" in "\n".join(lines)
    assert not any("file=" in line for line in lines)


def test_lint_pr_description_text_names_it(event):
    result = run("lint", "--pr-description", *NOW)
    assert "pull request description:5:26: error deadline.no-timezone" in result.stdout.decode()


def test_pr_description_outside_actions_is_a_usage_error(monkeypatch):
    monkeypatch.delenv("GITHUB_EVENT_PATH", raising=False)
    result = run("lint", "--pr-description", *NOW)
    assert result.returncode == 2
    assert "GITHUB_EVENT_PATH is not set" in result.stderr.decode()


def test_no_input_at_all_is_a_usage_error_with_lints_usage():
    result = run("lint", *NOW)
    assert result.returncode == 2
    assert "usage: asyncwriter lint" in result.stderr.decode()
