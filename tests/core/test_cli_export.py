"""``asyncwriter export`` end to end: one run as a subprocess, the rest in process."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from asyncwriter.cli import main
from asyncwriter.export import render
from tests.core.test_cli import run as run_main
from tests.core.test_cli import run_process

if TYPE_CHECKING:
    import subprocess

    from tests.core.test_cli import Result

MESSAGES = Path(__file__).parent.parent / "export" / "messages"
STATUS = MESSAGES / "status-update.md"


def run(*args: str, stdin: bytes | None = None) -> Result:
    """Run ``asyncwriter export ARGS`` in this process."""
    return run_main("export", *args, stdin=stdin)


def run_export_process(
    *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m asyncwriter export ARGS`` as a subprocess."""
    return run_process("export", *args, stdin=stdin)


@pytest.mark.slow
def test_prints_the_plain_part_by_default() -> None:
    result = run_export_process("--format", "slack", str(STATUS))
    assert result.returncode == 0, result.stderr
    expected = render(STATUS.read_text(encoding="utf-8"), "slack").plain
    assert result.stdout.decode("utf-8") == expected
    assert result.stdout.startswith(b"*Status: Checkout v2 is at risk (week 49)*\n")


def test_html_part_and_subject_from_stdin() -> None:
    text = STATUS.read_bytes()
    html = run("--format", "email", "--html", "-", stdin=text)
    assert html.returncode == 0, html.stderr
    assert html.stdout.startswith(b'<div style="font-family:')
    subject = run("--format", "email", "--part", "subject", "-", stdin=text)
    assert subject.stdout == b"[ACTION] Status: Checkout v2 is at risk (week 49)\n"


def test_usage_errors_exit_two() -> None:
    result = run("--format", "markdown", "--html", str(STATUS))
    assert result.returncode == 2
    assert b"markdown has no HTML part" in result.stderr


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(["export", *args])
    except SystemExit as exc:  # argparse usage errors
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_subject_option_replaces_the_subject_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _main(capsys, "--format", "email", "--part", "subject", "--subject",
                           "Beta moves to Tue 8 Dec", str(STATUS))  # fmt: skip
    assert status == 0
    assert out == "[ACTION] Beta moves to Tue 8 Dec\n"
    status, out, _ = _main(capsys, "--format", "plain", "--subject", "Beta moves", str(STATUS))
    assert out.startswith("Beta moves\n\nTL;DR:")


def test_template_option_sets_the_prefix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("Subject: search is slow\n\nTL;DR: p95 is 3 s.\n", encoding="utf-8")
    status, out, _ = _main(capsys, "--format", "email", "--part", "subject", "--template",
                           "incident-report", str(draft))  # fmt: skip
    assert (status, out) == (0, "[INCIDENT] search is slow\n")
    status, _, err = _main(capsys, "--format", "email", "--template", "nope", str(draft))
    assert status == 2
    assert "unknown template 'nope'" in err


def test_missing_template_named_by_the_marker_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("<!-- asyncwriter template: gone -->\nSubject: x\n\nBody. FYI only.\n",
                     encoding="utf-8")  # fmt: skip
    status, out, err = _main(capsys, "--format", "email", "--part", "subject", str(draft))
    assert status == 0
    assert "its template 'gone' is not installed" in err
    assert out == "[INFO] x\n"


def test_unreadable_input_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _main(capsys, "--format", "plain", str(tmp_path / "missing.md"))
    assert status == 2
    assert "no such file" in err
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01")
    status, _, err = _main(capsys, "--format", "plain", str(binary))
    assert (status, "binary" in err) == (2, True)


def test_empty_message_has_no_subject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "e.md"
    empty.write_text("\n", encoding="utf-8")
    status, _, err = _main(capsys, "--format", "email", "--part", "subject", str(empty))
    assert status == 2
    assert "no subject" in err


def test_subject_part_needs_email(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _main(capsys, "--format", "slack", "--part", "subject", str(STATUS))
    assert status == 2
    assert "only the email format has a subject" in err


def test_format_is_required_and_checked(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _main(capsys, str(STATUS))
    assert status == 2
    assert "--format" in err
    status, _, err = _main(capsys, "--format", "word", str(STATUS))
    assert (status, "invalid choice" in err) == (2, True)
