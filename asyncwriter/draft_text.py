"""What a draft's text says about it: a title, a preview line, and a safe search query.

The store derives titles when it saves and the sidebar shows previews; neither needs Qt
or SQLite, so they live here, small and easy to test.
"""

from __future__ import annotations

import re

#: The longest derived title; a longer first line is cut with an ellipsis.
TITLE_LENGTH = 80
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]*\}\}")
_MARKER_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_SUBJECT = re.compile(r"^subject:\s*", re.IGNORECASE)
_BOLD_LINE = re.compile(r"(\*\*|__)[^*_]+\1:?")  # "**Done**" on its own: a heading
_SUMMARY = re.compile(r"^(?:tl;?dr|summary)\s*:\s*", re.IGNORECASE)
_LEADING_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")
_EMPHASIS = re.compile(r"(\*\*|__|~~|`)")
_WORD = re.compile(r"\w+")


def derive_title(body: str) -> str:
    """Return a title from a draft's text: its subject line, else its first line with words.

    The template marker comment and lines still holding ``{{placeholders}}`` are skipped,
    and so are headings below the first line (a template's "## Impact" or "**Done**" names
    a section, not the message), so a fresh template draft has no title ("") until it is
    filled in.
    """
    first = True
    for raw in body.splitlines():
        line = raw.strip()
        if not line or _MARKER_LINE.match(line):
            continue
        heading = line.startswith("#") or _BOLD_LINE.fullmatch(line) is not None
        if _PLACEHOLDER.search(line) or (heading and not first):
            first = False
            continue
        first = False
        line = _SUMMARY.sub("", _SUBJECT.sub("", line))
        line = _EMPHASIS.sub("", _LEADING_MARKUP.sub("", line)).strip()
        line = _SUMMARY.sub("", line).strip()
        if not _WORD.search(line):
            continue
        if len(line) > TITLE_LENGTH:
            line = line[: TITLE_LENGTH - 1].rstrip() + "…"
        return line
    return ""


def preview(body: str, title: str, length: int = 120) -> str:
    """Return the first words of a draft after its title: the list's second line."""
    words: list[str] = []
    size = 0
    skipped_title = False
    for raw in body.splitlines():
        line = raw.strip()
        if not line or _MARKER_LINE.match(line):
            continue
        line = _EMPHASIS.sub("", _LEADING_MARKUP.sub("", _SUBJECT.sub("", line))).strip()
        if not skipped_title and title and line.startswith(title.rstrip("…")):
            skipped_title = True
            continue
        words.append(line)
        size += len(line) + 1
        if size >= length:
            break
    text = " ".join(words)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def fts_query(text: str) -> str | None:
    """Turn what a writer typed into a safe FTS5 query: every word, as a prefix, all required.

    FTS5's own syntax (quotes, ``OR``, ``NEAR``, ``-``) is not exposed: a search box that
    fails on an apostrophe or a hyphen is worse than one without operators.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)
