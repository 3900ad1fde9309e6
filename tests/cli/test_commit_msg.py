"""``asyncwriter lint --commit-msg`` and the pre-commit hooks."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from asyncwriter.command_line import commit_msg
from tests.core.test_cli import NOW, run

ROOT = Path(__file__).resolve().parents[2]
SCISSORS = "# ------------------------ >8 ------------------------"
MESSAGE = (
    "Move billing to the new pipeline\n"
    "\n"
    "TL;DR: billing moves to the new pipeline; please review the plan by Thu 26 Nov,\n"
    "17:00 UTC: https://docs.example.com/plan\n"
    "\n"
    "Signed-off-by: Sam Doe <sam@example.com>\n"
    "Co-authored-by: Aiko <aiko@example.com>\n"
    "# Please enter the commit message for your changes. Review the doc by Friday 5pm.\n"
    f"{SCISSORS}\n"
    "# Do not modify or remove the line above.\n"
    "diff --git a/x.md b/x.md\n"
    "+please review the doc ASAP\n"
)


def test_comments_scissors_and_trailers_are_blanked_in_place():
    kept = commit_msg.message_only(MESSAGE, "#")
    assert len(kept) == len(MESSAGE)
    assert kept.splitlines()[:5] == MESSAGE.splitlines()[:5]
    assert all(not line.strip() for line in kept.splitlines()[5:])
    assert kept.count("\n") == MESSAGE.count("\n")


def test_a_last_paragraph_that_is_not_all_trailers_is_kept():
    text = "Subject\n\nPlease review: the plan is ready.\nNote: by Friday.\n"
    assert commit_msg.message_only(text, "#") == text
    only_subject = "Fixes: the parser\n"
    assert commit_msg.message_only(only_subject, "#") == only_subject


def test_trailer_continuation_lines_are_trailers_too():
    text = "Subject\n\nBody.\n\nSigned-off-by: A <a@example.com>\nNote: long\n  folded\n"
    kept = commit_msg.message_only(text, "#")
    assert kept.startswith("Subject\n\nBody.\n\n") and not kept[16:].strip()


def test_comment_char_from_git_config_or_auto():
    assert commit_msg.comment_char("x", configured=";") == ";"
    assert commit_msg.comment_char("x", configured="") == "#"
    auto = "Subject\n\n; Please enter the commit message\n"
    assert commit_msg.comment_char(auto, configured="auto") == ";"
    kept = commit_msg.message_only("#1 is fixed\n\n; a comment\n", ";")
    assert kept.startswith("#1 is fixed\n") and not kept[12:].strip()


def test_git_core_comment_char_is_read(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "config", "core.commentChar", ";"], check=True)
    monkeypatch.chdir(tmp_path)
    assert commit_msg.git_comment_char() == ";"


def test_commit_msg_checks_only_the_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not in a git repository with another comment char
    path = tmp_path / "COMMIT_EDITMSG"
    path.write_text(MESSAGE, encoding="utf-8")
    plain = run("lint", "--format", "json", *NOW, str(path))
    assert plain.returncode == 1  # as Markdown, the comment lines carry findings
    result = run("lint", "--commit-msg", *NOW, str(path))
    assert result.stdout.decode() == "No problems in 1 file.\n", result.stdout
    assert result.returncode == 0


# -- pre-commit ---------------------------------------------------------------------------


def _pre_commit() -> str:
    found = shutil.which("pre-commit")
    if found is None or shutil.which("git") is None:
        pytest.skip("pre-commit (pip install pre-commit) and git are needed")
    return found


@pytest.mark.slow
def test_pre_commit_try_repo_runs_both_hooks(tmp_path):
    """Builds the hooks' environment from this repository (pip needs PyPI: minutes)."""
    pre_commit = _pre_commit()
    sample = tmp_path / "sample"
    sample.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": os.environ.get("PRE_COMMIT_HOME",
                                                           str(tmp_path / "pc"))}  # fmt: skip
    env.update(GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.com")  # fmt: skip

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=sample, check=True, env=env, capture_output=True)

    git("init", "-q")
    (sample / "note.md").write_text("Hi team,\n\nplease review the doc by Friday 5pm.\n")
    (sample / "ok.md").write_text(  # clean whatever the date (the hook has no --now)
        "FYI, no action needed: billing moved to the new pipeline today.\n\n"
        "Details: https://docs.example.com/billing\n"
    )
    (sample / "notes.txt").write_text("please review the doc ASAP\n")  # not Markdown
    git("add", ".")

    def try_repo(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([pre_commit, "try-repo", str(ROOT), *args], cwd=sample, env=env,
                              capture_output=True, text=True, timeout=1800)  # fmt: skip

    files = try_repo("asyncwriter", "--all-files")
    assert files.returncode == 1, files.stdout + files.stderr
    assert "note.md:3:26: error deadline.no-timezone" in files.stdout
    assert "ok.md:" not in files.stdout and "notes.txt" not in files.stdout
    assert "in 2 files" in files.stdout  # note.md and ok.md, not notes.txt

    # One commit-msg run (each try-repo builds the hook's environment afresh): the body's
    # deadline is reported, the comment line's "ASAP" and the trailer are not.
    message = sample / "MSG"
    message.write_text(
        "Fix it\n\nPlease review the doc by Friday 5pm.\n\n"
        "Signed-off-by: Sam <sam@example.com>\n# Please review this ASAP\n"
    )
    done = try_repo("asyncwriter-commit-msg", "--hook-stage", "commit-msg",
                    "--commit-msg-filename", str(message))  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "MSG:3:26: error deadline.no-timezone" in done.stdout
    assert "deadline.vague" not in done.stdout and "MSG:5:" not in done.stdout
