"""The ``.eml`` mail draft: it parses back into the parts, subject and draft flag it carries."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import TYPE_CHECKING

import pytest

from asyncwriter import paths
from asyncwriter.export import render
from asyncwriter.export.eml import KEEP, eml_bytes, save_draft, write_draft

if TYPE_CHECKING:
    from pathlib import Path

DRAFT = (
    "Subject: Beta ships Friday\n\n"
    "TL;DR: **beta** ships; see [the PR](https://github.com/acme/shop/pull/9).\n\n"
    '## Changes\n- faster search\n- R&D <script>alert(1)</script> "quoted"\n\n'
    "No action needed, FYI.\n"
)


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def body(message: EmailMessage, kind: str) -> str:
    part = message.get_body((kind,))
    assert part is not None, f"no text/{kind} part"
    return part.get_content().replace("\r\n", "\n")


def test_the_draft_has_plain_and_html_parts_subject_and_the_unsent_flag() -> None:
    rendered = render(DRAFT, "email")
    message = parse(eml_bytes(rendered))
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert message["Subject"] == rendered.subject == "[INFO] Beta ships Friday"
    assert message["X-Unsent"] == "1"
    assert message["MIME-Version"] == "1.0"
    assert body(message, "plain") == rendered.plain
    html = body(message, "html")
    assert rendered.html is not None and rendered.html in html
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "<title>[INFO] Beta ships Friday</title>" in html


def test_date_and_a_local_message_id_but_no_sender_or_recipient() -> None:
    now = datetime(2026, 12, 1, 17, 5, tzinfo=UTC)
    message = parse(eml_bytes(render(DRAFT, "email"), now=now))
    assert message["Date"].datetime == now
    assert re.fullmatch(r"<[^@<>\s]+@asyncwriter\.invalid>", message["Message-ID"])
    assert message["From"] is None and message["To"] is None
    # Sniffed as message/rfc822 by file(1), which xdg-open asks outside a desktop.
    assert eml_bytes(render(DRAFT, "email")).startswith(b"Date: ")
    other = parse(eml_bytes(render(DRAFT, "email"), now=now))
    assert other["Message-ID"] != message["Message-ID"]


def test_the_writers_text_is_escaped_in_the_html_part() -> None:
    html = body(parse(eml_bytes(render(DRAFT, "email"))), "html")
    assert "<script>" not in html
    assert "R&amp;D &lt;script&gt;alert(1)&lt;/script&gt;" in html
    subject = render("Subject: <b>bold</b> & co\n\nText.", "email")
    assert "<title>[INFO] &lt;b&gt;bold&lt;/b&gt; &amp; co</title>" in body(
        parse(eml_bytes(subject)), "html"
    )


def test_a_long_message_in_many_scripts_keeps_every_character_in_short_lines() -> None:
    paragraph = (
        "Grüße aus Köln 👋🏽 — שלום עולם, مرحبا بالعالم, こんにちは世界, "
        "the 🇪🇺 flag, e\u0301 combined, and a zero\u200bwidth space. "
    )
    long_line = "https://example.com/" + "a" * 5000  # one word, far past 998 octets
    text = (
        "Subject: Rollout 🚀 نشر — ready\n\nTL;DR: the rollout is ready.\n\n"
        + "\n\n".join(paragraph * 12 for _ in range(40))
        + f"\n\n{long_line}\n"
    )
    assert len(text) > 50_000
    rendered = render(text, "email")
    data = eml_bytes(rendered)
    assert data.isascii()  # 7-bit: quoted-printable or base64 where needed
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # every line ends in CRLF
    assert max(len(line) for line in lines) <= 78 < 998
    message = parse(data)
    assert message["Subject"] == rendered.subject
    assert "🚀 نشر" in message["Subject"]
    assert body(message, "plain") == rendered.plain
    assert rendered.html is not None and rendered.html in body(message, "html")
    encodings = {p["Content-Transfer-Encoding"] for p in message.iter_parts()}
    assert encodings <= {"quoted-printable", "base64"}


def test_an_empty_draft_is_still_a_valid_message() -> None:
    message = parse(eml_bytes(render("", "email")))
    assert message["Subject"] is None
    assert message["X-Unsent"] == "1"
    assert body(message, "plain").strip() == ""


def test_drafts_go_to_the_cache_folder_and_only_the_newest_are_kept(tmp_path: Path) -> None:
    rendered = render(DRAFT, "email")
    first = write_draft(rendered)
    assert first.parent == paths.cache_dir() / "mail"
    assert first.suffix == ".eml" and "beta-ships-friday" in first.name
    assert parse(first.read_bytes())["X-Unsent"] == "1"
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a draft")
    made = []
    for n in range(KEEP + 5):
        path = save_draft(b"x", folder, subject="Same subject")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
        made.append(path)
    kept = sorted(folder.glob("*.eml"))
    assert len(kept) == KEEP
    assert set(kept) == set(made[-KEEP:])  # same second, same subject: new names, not overwritten
    assert (folder / "notes.txt").exists()  # only drafts are cleaned up


def test_a_draft_that_cannot_be_written_raises_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):  # noqa: PT011 - any OSError: the caller falls back to mailto:
        save_draft(b"x", blocker / "mail")
