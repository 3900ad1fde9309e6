"""``asyncwriter lint --fix`` and ``--diff``: only the fixes rules mark safe, written safely."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from asyncwriter.checks.model import Finding
from asyncwriter.command_line import fixing
from asyncwriter.rule_settings import Severity
from tests.core.test_cli import run

if TYPE_CHECKING:
    from pathlib import Path

NOW = ["--now", "2026-11-23T09:00:00+00:00", "--tz", "Europe/Berlin"]
TEXT = (
    "# Billing rollout\n\n"
    "Please approve the rollout plan by Friday 17:00. We meet at 15:00 to go over it.\n"
    "Plan: https://docs.example.com/plan\n"
)
FIXED = TEXT.replace("by Friday 17:00", "by Fri 27 Nov, 17:00 CET (16:00 UTC)").replace(
    "at 15:00", "at 15:00 CET (14:00 UTC)"
)


@pytest.fixture
def message(tmp_path: Path) -> Path:
    path = tmp_path / "rollout.md"
    path.write_bytes(TEXT.encode())
    return path


def test_fix_writes_the_safe_fixes_prints_them_and_relints(message):
    result = run("lint", "--fix", *NOW, str(message))
    assert message.read_text(encoding="utf-8") == FIXED
    out = result.stdout.decode().splitlines()
    assert out[0] == (
        f"{message}:3:36: fixed deadline.no-timezone “Friday 17:00” → "
        "“Fri 27 Nov, 17:00 CET (16:00 UTC)”"
    )
    assert out[1].startswith(f"{message}:3:61: fixed time.no-timezone “15:00”")
    assert out[-1] == "No problems in 1 file."  # the fixed text was checked again
    assert result.returncode == 0
    again = run("lint", "--fix", *NOW, str(message))  # nothing left to fix
    assert again.stdout.decode() == "No problems in 1 file.\n"


def test_diff_prints_a_unified_diff_and_writes_nothing(message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("lint", "--diff", *NOW, "rollout.md")
    assert result.returncode == 1
    assert message.read_text(encoding="utf-8") == TEXT
    diff = result.stdout.decode()
    assert diff.startswith("--- a/rollout.md\n+++ b/rollout.md\n@@ ")
    assert "-Please approve the rollout plan by Friday 17:00." in diff
    assert "+Please approve the rollout plan by Fri 27 Nov, 17:00 CET (16:00 UTC)." in diff


def test_diff_of_a_clean_file_is_empty_and_exits_zero(tmp_path):
    path = tmp_path / "ok.md"
    path.write_text("TL;DR: please approve option B by Thu 26 Nov, 17:00 UTC.\n\n"
                    "Details: https://docs.example.com/options\n", encoding="utf-8")  # fmt: skip
    result = run("lint", "--diff", *NOW, str(path))
    assert (result.returncode, result.stdout) == (0, b"")


def test_only_findings_marked_safe_with_one_suggestion_are_applied():
    text = "abcdefghij"
    findings = [
        Finding("deadline.relative", Severity.WARNING, 0, 2, "m", ("AB",), safe=True),
        Finding("deadline.vague", Severity.WARNING, 2, 3, "m", ("C",)),  # not safe
        Finding("x.two", Severity.WARNING, 3, 4, "m", ("D", "d"), safe=True),  # two choices
        # The same edit from two rules counts once; an overlapping one is left alone.
        Finding("deadline.no-timezone", Severity.ERROR, 5, 8, "m", ("FGH",), safe=True),
        Finding("deadline.relative", Severity.WARNING, 5, 8, "m", ("FGH",), safe=True),
        Finding("time.no-timezone", Severity.WARNING, 6, 9, "m", ("ghi!",), safe=True),
    ]
    edits = fixing.safe_edits(text, findings)
    assert [(e.start, e.end, e.new) for e in edits] == [(0, 2, "AB"), (5, 8, "FGH")]
    assert fixing.apply(text, edits) == "ABcdeFGHij"


def test_a_file_changed_since_it_was_read_is_not_written(message):
    with pytest.raises(fixing.StaleFileError, match="changed since it was checked"):
        fixing.write_fixed(str(message), "something else", FIXED)
    assert message.read_text(encoding="utf-8") == TEXT


def test_write_is_atomic_keeps_crlf_mode_and_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "m.md"
    path.write_bytes(b"line one\r\nline two\r\n")
    os.chmod(path, 0o640)
    fixing.write_fixed(str(path), "line one\r\nline two\r\n", "line 1\r\nline two\r\n")
    assert path.read_bytes() == b"line 1\r\nline two\r\n"
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert [p.name for p in folder.iterdir()] == ["m.md"]


def test_fix_refuses_stdin():
    result = run("lint", "--fix", *NOW, "-", stdin=b"hi")
    assert result.returncode == 2
    assert "stdin cannot be fixed in place" in result.stderr.decode()


def test_relative_date_and_zone_rules_mark_their_fixes_safe():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from asyncwriter.checks import lint

    report = lint(
        "Please approve it by tomorrow 17:00. Vote by EOD.",
        now=datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("UTC")),
        tz=ZoneInfo("Europe/Berlin"),
    )
    safe = {f.rule for f in report.findings if f.safe}
    assert "deadline.relative" in safe
    assert "deadline.vague" not in safe  # "EOD" → a deadline someone must choose


def test_with_a_machine_format_the_fixes_are_listed_on_stderr(message):
    result = run("lint", "--fix", "--format", "json", *NOW, str(message))
    assert message.read_text(encoding="utf-8") == FIXED
    assert json.loads(result.stdout)[0]["findings"] == []
    assert f"{message}:3:36: fixed deadline.no-timezone" in result.stderr.decode()


def test_each_fix_is_reported_where_it_was_in_the_file_as_read(tmp_path: Path):
    # The first fix makes line 1 longer; the second is still at 3:33 in the file as read.
    path = tmp_path / "two.md"
    path.write_bytes(
        b"Please approve the plan by Friday 17:00, see https://x.y/z.\n\n"
        b"Sam, please send the numbers by tomorrow 10:00.\n"
    )
    result = run("lint", "--fix", *NOW, str(path))
    places = [line.split(": fixed ")[0] for line in result.stdout.decode().splitlines()
              if ": fixed " in line]  # fmt: skip
    assert places == [f"{path}:1:28", f"{path}:3:33"]
