"""``asyncwriter lint --fix`` and ``--diff``: apply the fixes a rule marked safe.

Only findings whose rule set :attr:`~asyncwriter.checks.model.Finding.safe` (one
suggestion, worked out from the text and the options alone: a relative date written out,
the writer's zone added to a clock time) are applied; every other fix needs a writer's
judgement and stays a finding. Edits are applied in one pass from the end of the text to
the start, so earlier offsets stay valid; two findings with the same edit count once, and an
edit that overlaps one already taken is left for the writer (the re-lint reports it).

Writing is careful: the file is read again just before it is replaced and left alone if
it changed since it was checked (an editor saved it meanwhile), and the new text goes to a
temporary file in the same folder that then replaces the original in one step.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter import regular_files
from asyncwriter.textfiles import MAX_INPUT_BYTES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from asyncwriter.checks.model import Finding


@dataclass(frozen=True, slots=True)
class Edit:
    """One applied fix: the rule, the span in the original text and the new text."""

    rule: str
    start: int
    end: int
    old: str
    new: str


class StaleFileError(Exception):
    """The file changed on disk after it was checked; it was not written."""


def safe_edits(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """Return the non-overlapping edits of the safe findings, in text order."""
    candidates = sorted(
        {
            (f.start, f.end, f.suggestions[0], f.rule)
            for f in findings
            if f.safe and len(f.suggestions) == 1 and text[f.start : f.end] != f.suggestions[0]
        }
    )
    edits: list[Edit] = []
    for start, end, new, rule in candidates:
        if edits and (start, end, new) == (edits[-1].start, edits[-1].end, edits[-1].new):
            continue  # the same rewrite offered by two rules ("Friday 5pm": date and zone)
        if edits and start < edits[-1].end:
            continue  # overlaps an edit already taken
        edits.append(Edit(rule, start, end, text[start:end], new))
    return edits


def apply(text: str, edits: list[Edit]) -> str:
    """Return ``text`` with the edits applied, back to front."""
    for edit in reversed(edits):
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff of the fix, ``a/``- and ``b/``-prefixed like git's.

    An absolute path keeps its name on both sides (a prefix would make it a new path).
    """
    absolute = os.path.isabs(path)
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=path if absolute else f"a/{path}",
        tofile=path if absolute else f"b/{path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)  # fmt: skip


def write_fixed(path: str, checked: str, fixed: str) -> None:
    """Replace ``path``'s text ``checked`` with ``fixed``, atomically.

    Raises:
        StaleFileError: the file no longer holds ``checked``.
        OSError: it could not be written (nothing is left half-written).
    """
    try:
        now = regular_files.read_bytes(path, MAX_INPUT_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError, regular_files.FileTooLargeError) as exc:
        raise StaleFileError(f"{path}: changed since it was checked ({exc}); not fixed") from None
    if now != checked:
        raise StaleFileError(f"{path}: changed since it was checked; not fixed")
    real = os.path.realpath(path)  # a symlink stays a link; its target is replaced
    folder = os.path.dirname(real) or "."
    handle, tmp = tempfile.mkstemp(prefix=".asyncwriter-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(fixed)
        with contextlib.suppress(OSError):
            os.chmod(tmp, os.stat(real).st_mode & 0o7777)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
