"""Importing and exporting a draft as a Markdown file."""

from __future__ import annotations

import pytest

from asyncwriter.draft_files import (
    MAX_IMPORT_BYTES,
    InputError,
    export_markdown,
    file_name,
    import_markdown,
)


def test_export_then_import_gives_the_same_draft_and_template(tmp_path):
    body = "<!-- asyncwriter template: incident-report -->\nSubject: API down\n\n- 😀 עברית"
    path = tmp_path / "incident.md"
    export_markdown(path, body)
    assert path.read_bytes() == (body + "\n").encode("utf-8")
    imported = import_markdown(path)
    assert imported.body == body + "\n"
    assert imported.template_id == "incident-report"


def test_import_normalises_line_endings_and_drops_a_bom(tmp_path):
    path = tmp_path / "win.md"
    path.write_bytes("\ufeffSubject: Hi\r\n\r\nline\rmore".encode())
    imported = import_markdown(path)
    assert imported.body == "Subject: Hi\n\nline\nmore"
    assert imported.template_id is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"caf\xe9", "not valid UTF-8")],
)
def test_import_refuses_binary_and_non_utf8_files(tmp_path, content, reason):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason):
        import_markdown(path)


def test_import_refuses_huge_files_and_missing_ones(tmp_path):
    path = tmp_path / "huge.md"
    with path.open("wb") as out:
        out.truncate(MAX_IMPORT_BYTES + 1)
    with pytest.raises(InputError, match="more than a message"):
        import_markdown(path)
    with pytest.raises(InputError, match="no such file"):
        import_markdown(tmp_path / "missing.md")


def test_a_failed_export_leaves_what_was_there(tmp_path):
    with pytest.raises(FileNotFoundError):
        export_markdown(tmp_path / "no-such-folder" / "x.md", "new")
    target = tmp_path / "taken"  # a folder where the file should go: the final rename fails
    target.mkdir()
    (target / "inside.txt").write_text("old")
    with pytest.raises(IsADirectoryError):
        export_markdown(target, "new")
    assert (target / "inside.txt").read_text() == "old"
    assert not list(tmp_path.glob("*.tmp"))  # no temporary file left


@pytest.mark.parametrize(
    ("title", "name"),
    [("API gateway: 502s / retries?", "API-gateway-502s-retries.md"), ("", "draft.md"),
     ("../../etc/passwd", "etc-passwd.md"), ("Überblick Q4", "Überblick-Q4.md"),
     ("x" * 100, "x" * 60 + ".md")],
)  # fmt: skip
def test_file_names_are_safe(title, name):
    assert file_name(title) == name
