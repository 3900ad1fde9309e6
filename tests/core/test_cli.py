"""``asyncwriter lint`` end to end: in process for the behaviour, a few runs as a subprocess.

Most tests call :func:`asyncwriter.cli.main` in this process (:func:`run`): a subprocess
costs a Python start and the import of spaCy each time. The ones marked ``e2e`` below run
``python -m asyncwriter`` (and the ``asyncwriter`` console script) for what only a real
process shows: exit codes, stdin as bytes, and the installed entry point.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from asyncwriter import templates
from asyncwriter.cli import main

NOW = ["--now", "2026-11-23T09:00:00+00:00", "--tz", "UTC"]


@dataclass(frozen=True)
class Result:
    """What a run of the command line left: as :class:`subprocess.CompletedProcess` has."""

    returncode: int
    stdout: bytes
    stderr: bytes


def run(*args: str, stdin: bytes | None = None) -> Result:
    """Run ``asyncwriter ARGS`` in this process, as a fresh process would."""
    out, err = io.StringIO(), io.StringIO()
    given = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    templates.use_catalog(None)  # a process reads the templates (and settings) afresh
    try:
        with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err):  # fmt: skip
            mp.setattr(sys, "stdin", given)
            try:
                status = main(list(args))
            except SystemExit as exc:  # argparse usage errors
                if isinstance(exc.code, str):
                    err.write(exc.code + "\n")
                status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        templates.use_catalog(None)
    return Result(status, out.getvalue().encode(), err.getvalue().encode())


def run_process(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m asyncwriter ARGS`` as a subprocess."""
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


@pytest.mark.slow
def test_clean_file_exits_zero_with_only_the_summary(files):
    good, _bad = files
    result = run_process("lint", *NOW, str(good))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"No problems in 1 file.\n"


def test_text_format_is_path_line_col_severity_rule_message(files):
    _good, bad = files
    result = run("lint", *NOW, str(bad))
    assert result.returncode == 1
    *lines, summary = result.stdout.decode().splitlines()
    assert f"{bad}:3:26: error deadline.no-timezone " in "\n".join(lines)
    assert summary.endswith(" in 1 file")
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


@pytest.mark.slow
def test_stdin_and_unicode_round_trip():
    text = "Zoë 👋 FYI, no action needed: café menu moved to https://wiki.example.com/café\n"
    result = run_process("lint", "--format", "json", *NOW, "-", stdin=text.encode())
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


@pytest.mark.slow
def test_missing_file_still_lints_the_others(tmp_path, files):
    good, _bad = files
    result = run_process("lint", *NOW, str(tmp_path / "nope.md"), str(good))
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


@pytest.mark.parametrize("moment", ["9999-12-31T23:00Z", "0001-01-01T00:30+01:00"])
def test_now_out_of_range_is_a_usage_error(moment):
    """A "now" at the calendar's edge used to end in an OverflowError traceback."""
    result = run("lint", "--now", moment, "--tz", "Asia/Tokyo", "-",
                 stdin=b"Please review the plan by Friday.")  # fmt: skip
    assert result.returncode == 2
    assert b"--now" in result.stderr
    assert b"out of range" in result.stderr
    assert b"Traceback" not in result.stderr


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.returncode == 0
    assert b"deadline.no-timezone" in result.stdout and b"error" in result.stdout


def test_stdin_and_unicode_round_trip_in_process():
    text = "Zoë 👋 FYI, no action needed: café menu moved to https://wiki.example.com/café\n"
    result = run("lint", "--format", "json", *NOW, "-", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["path"] == "<stdin>"


@pytest.mark.slow
def test_the_console_script_runs_the_command_line():
    script = shutil.which("asyncwriter", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the asyncwriter console script is not installed next to this Python")
    result = subprocess.run([script, "rules"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert b"deadline.no-timezone" in result.stdout
