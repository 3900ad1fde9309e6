"""``asyncwriter export --format eml``: a mail draft on stdout, end to end."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from asyncwriter.export import render
from tests.core.test_cli import run, run_process

STATUS = Path(__file__).parent.parent / "export" / "messages" / "status-update.md"


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def content(message: EmailMessage, kind: str) -> str:
    part = message.get_body((kind,))
    assert part is not None
    return part.get_content().replace("\r\n", "\n")


def test_export_eml_prints_a_draft_that_parses_into_its_parts(tmp_path: Path) -> None:
    result = run_process("export", "--format", "eml", str(STATUS))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    data = result.stdout
    assert data.isascii() and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    message = parse(data)
    expected = render(STATUS.read_text(encoding="utf-8"), "email")
    assert message["Subject"] == expected.subject
    assert message["X-Unsent"] == "1"
    assert content(message, "plain") == expected.plain
    assert expected.html is not None and expected.html in content(message, "html")
    saved = tmp_path / "message.eml"  # what `> message.eml` writes
    saved.write_bytes(data)
    assert parse(saved.read_bytes())["X-Unsent"] == "1"


def test_export_eml_of_a_long_unicode_message_from_stdin() -> None:
    text = "Subject: Déploiement 🚀\n\nTL;DR: prêt. שלום 👋🏽\n\n" + ("Grüße " * 10_000) + "\n"
    result = run_process("export", "--format", "eml", "--subject", "Chosen ✓", "-",
                         stdin=text.encode("utf-8"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    message = parse(result.stdout)
    assert message["Subject"] == "[INFO] Chosen ✓"
    assert content(message, "plain") == render(text, "email", subject="Chosen ✓").plain
    assert max(len(line) for line in result.stdout.split(b"\r\n")) <= 78


def test_export_eml_refuses_a_part_in_one_line() -> None:
    for args in (["--html"], ["--part", "subject"]):
        result = run("export", "--format", "eml", *args, str(STATUS))
        assert result.returncode == 2
        lines = result.stderr.decode().strip().splitlines()
        assert lines[-1] == (
            "asyncwriter: error: --html and --part: the eml format is a whole mail draft, "
            "with every part"
        )
        assert result.stdout == b""


def test_export_eml_of_a_missing_file_says_so_in_one_line(tmp_path: Path) -> None:
    result = run("export", "--format", "eml", str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert b"Traceback" not in result.stderr
