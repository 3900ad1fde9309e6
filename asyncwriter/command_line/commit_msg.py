"""``asyncwriter lint --commit-msg``: a commit message as git hands it to the hook.

What is not the message is blanked, not removed: git's comment lines (``core.commentChar``,
``#`` unless set), everything from the scissors line ``# ------------------------ >8
------------------------`` on (``git commit -v`` puts the diff there), and the trailer block
at the end (``Signed-off-by:``, ``Co-authored-by:`` …). Each of their characters becomes a
space, so the offsets, lines and columns of every finding stay those of the file, and
``--fix`` edits the file as it is.
"""

from __future__ import annotations

import re
import subprocess

SCISSORS = "------------------------ >8 ------------------------"
#: A trailer line, as ``git interpret-trailers`` reads one: a token, a colon, a value.
_TRAILER = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*:\s")
#: Characters git may pick for ``core.commentChar = auto``.
_AUTO_CHARS = "#;@!$%^&|:"


def comment_char(message: str, configured: str | None = None) -> str:
    """Return the comment prefix: ``configured`` (git's setting, read if None), else ``#``.

    With ``auto`` git picks a character no line of the message starts with; the comment
    lines it wrote are the ones that start with that character and a space, so the first
    candidate that begins the scissors line or a line of git's own wording is taken.
    """
    if configured is None:
        configured = git_comment_char()
    if configured and configured != "auto":
        return configured
    if configured == "auto":
        for char in _AUTO_CHARS:
            if re.search(rf"^{re.escape(char)} (?:Please enter|{re.escape(SCISSORS)})",
                         message, re.MULTILINE):  # fmt: skip
                return char
    return "#"


def git_comment_char() -> str | None:
    """Return ``core.commentString`` or ``core.commentChar`` from git, or None."""
    for key in ("core.commentString", "core.commentChar"):
        try:
            done = subprocess.run(
                ["git", "config", "--get", key],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        value = done.stdout.strip()
        if done.returncode == 0 and value:
            return value
    return None


def _blank(line: str) -> str:
    """Return ``line`` with every character but its line ending turned into a space."""
    body = line.rstrip("\r\n")
    return " " * len(body) + line[len(body) :]


def message_only(message: str, char: str) -> str:
    """Return ``message`` with comments, the scissors part and trailers blanked out."""
    lines = message.splitlines(keepends=True)
    out: list[str] = []
    cut = False
    for line in lines:
        body = line.rstrip("\r\n")
        if body == f"{char} {SCISSORS}":
            cut = True
        out.append(_blank(line) if cut or body.startswith(char) else line)
    _blank_trailers(out)
    return "".join(out)


def _blank_trailers(lines: list[str]) -> None:
    """Blank the last paragraph when it is all trailers (and is not the only paragraph)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].strip():
        start -= 1
    if start == 0 or start == end:
        return  # the subject (or an empty message) is never a trailer block
    block = lines[start:end]
    if not _TRAILER.match(block[0]):
        return
    if all(_TRAILER.match(line) or line[:1] in (" ", "\t") for line in block):
        lines[start:end] = [_blank(line) for line in block]
