"""The GitHub Action's lint step (scripts/github_action_lint.sh), run on a local repository.

The composite action itself (setup-python, pip install) only runs on GitHub; what it runs
after installing is this script, tested here with the worktree's asyncwriter.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "github_action_lint.sh"
BAD = "Hi team,\n\nplease review the doc by Friday 5pm.\n"
NOW = "--now 2026-11-23T09:00:00+00:00 --tz UTC"


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.skip("needs git and bash")
    root = tmp_path / "repo"
    root.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=root, env=env, check=True,
                              capture_output=True, text=True)  # fmt: skip
        return done.stdout.strip()

    (root / "old.md").write_text(BAD, encoding="utf-8")
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "base")
    base = git("rev-parse", "HEAD")
    (root / "docs").mkdir()
    (root / "docs" / "new note.md").write_text(BAD, encoding="utf-8")
    (root / "notes.txt").write_text(BAD, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "change")
    return root, base


def _step(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "ASYNCWRITER": f"{shlex.quote(sys.executable)} -m asyncwriter",
        "INPUT_ARGS": NOW,
        **env,
    }
    return subprocess.run(["bash", str(SCRIPT)], cwd=root, env=full, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


@pytest.mark.slow
def test_only_changed_markdown_files_are_annotated(repo):
    root, base = repo
    done = _step(root, BASE_SHA=base)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert all("file=docs/new note.md," in line for line in lines)


@pytest.mark.slow
def test_the_pull_request_description_too(repo, tmp_path):
    root, base = repo
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"title": "Ship it", "body": BAD}}))
    done = _step(root, BASE_SHA=base, INPUT_PR_DESCRIPTION="true",
                 GITHUB_EVENT_NAME="pull_request", GITHUB_EVENT_PATH=str(event))  # fmt: skip
    assert "::error title=deadline.no-timezone::" in done.stdout
    assert "file=docs/new note.md," in done.stdout


def test_nothing_changed_is_a_pass(repo):
    root, _base = repo
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                          text=True, check=True).stdout.strip()  # fmt: skip
    done = _step(root, BASE_SHA=head)
    assert done.returncode == 0
    assert "no changed Markdown files" in done.stdout


def test_the_action_installs_this_repository_and_runs_the_script():
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "using: composite" in text
    assert 'pip install --quiet "$GITHUB_ACTION_PATH"' in text
    assert 'run: bash "$GITHUB_ACTION_PATH/scripts/github_action_lint.sh"' in text
