"""A draft as a Markdown file: import one as a new draft, export one to share or keep.

The file is the draft's text as it is, template marker comment included, so a draft
exported and imported again (or linted with ``asyncwriter lint``) keeps its template.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter.templates import template_id_of
from asyncwriter.textfiles import MAX_INPUT_BYTES, InputError, read_input

if TYPE_CHECKING:
    from pathlib import Path

#: The largest file imported as a draft; anything bigger is not a message.
MAX_IMPORT_BYTES = MAX_INPUT_BYTES
_UNSAFE = re.compile(r"[^\w\s.-]+")


@dataclass(frozen=True, slots=True)
class Imported:
    """A file's text, ready to be a draft, and the template its marker names (if any)."""

    body: str
    template_id: str | None


def import_markdown(path: Path) -> Imported:
    """Read a Markdown (or plain text) file as a draft's text.

    Line endings become newlines (LF) and a byte-order mark is dropped: the editor works in
    those terms, and a draft should not change the first time it is saved.

    Raises:
        InputError: the file is missing, unreadable, not a regular file (a FIFO or a
            device), too big, binary or not UTF-8.
    """
    text = read_input(str(path), MAX_IMPORT_BYTES).removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Imported(text, template_id_of(text))


def export_markdown(path: Path, body: str) -> None:
    """Write a draft to ``path`` as UTF-8, atomically: a failed write leaves any old file.

    Raises:
        OSError: the folder is missing or read-only, or the disk is full.
    """
    text = body if body.endswith("\n") or not body else body + "\n"
    write_atomically(path, text.encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file, then a rename.

    Raises:
        OSError: the folder is missing or read-only, or the disk is full.
    """
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def file_name(title: str) -> str:
    """Return a file name for a draft: its title, made safe for any file system."""
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE.sub(" ", name)
    name = "-".join(name.split()).strip(".-")[:60].rstrip(".-")
    return f"{name or 'draft'}.md"


__all__ = [
    "MAX_IMPORT_BYTES",
    "Imported",
    "InputError",
    "export_markdown",
    "file_name",
    "import_markdown",
]
