"""``asyncwriter lint`` end to end, as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

NOW = ["--now", "2026-11-23T09:00:00+00:00", "--tz", "UTC"]


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "asyncwriter", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(
        "TL;DR: please approve option B by Thu 26 Nov, 17:00 UTC.\n\n"
        "Details: https://docs.example.com/options\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.md"
    bad.write_text("Hi team,\n\nplease review the doc by Friday 5pm.\n", encoding="utf-8")
    return good, bad


def test_clean_file_exits_zero_with_no_output(files):
    good, _bad = files
    result = run("lint", *NOW, str(good))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""


def test_text_format_is_path_line_col_severity_rule_message(files):
    _good, bad = files
    result = run("lint", *NOW, str(bad))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert f"{bad}:3:26: error deadline.no-timezone " in "\n".join(lines)
    for line in lines:
        path, line_no, col, rest = line.split(":", 3)
        assert path == str(bad) and int(line_no) >= 1 and int(col) >= 1
        severity, rule, _message = rest.strip().split(" ", 2)
        assert severity in ("info", "warning", "error") and "." in rule


def test_json_format_lists_one_object_per_input(files):
    good, bad = files
    result = run("lint", "--format", "json", *NOW, str(good), str(bad))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [d["path"] for d in data] == [str(good), str(bad)]
    assert data[0]["findings"] == []
    facts = data[0]["facts"]
    assert facts["deadlines"] == [
        {
            "text": "Thu 26 Nov, 17:00 UTC",
            "datetime": "2026-11-26T17:00:00+00:00",
            "timezone": "UTC",
        }
    ]
    assert facts["links"] == ["https://docs.example.com/options"]
    assert facts["asks"][0]["vague"] is False
    assert facts["summary"]


def test_stdin_and_unicode_round_trip():
    text = "Zoë 👋 FYI, no action needed: café menu moved to https://wiki.example.com/café\n"
    result = run("lint", "--format", "json", *NOW, "-", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data[0]["path"] == "<stdin>"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01binary", b"binary"), (b"caf\xe9 au lait", b"not valid UTF-8")],
)
def test_unreadable_input_exits_two_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "m.md"
    path.write_bytes(content)
    result = run("lint", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert b"Traceback" not in result.stderr


def test_missing_file_still_lints_the_others(tmp_path, files):
    good, _bad = files
    result = run("lint", *NOW, str(tmp_path / "nope.md"), str(good))
    assert result.returncode == 2
    assert b"no such file" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["lint"],
        ["lint", "--now", "yesterday", "-"],
        ["lint", "--tz", "Mars/Base", "-"],
        ["lint", "--format", "xml", "-"],
        ["lint", "--template", "nope", "-"],
    ],
)
def test_usage_errors_exit_two(args):
    result = run(*args, stdin=b"hello")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.returncode == 0
    assert b"deadline.no-timezone" in result.stdout and b"error" in result.stdout
