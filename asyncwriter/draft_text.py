"""What a draft's text says about it: its template marker, placeholders, title and preview.

The marker comment, the ``{{placeholder}}`` shape and the subject line are read by the
checks, the templates, the exporter and the store alike, so their patterns are written here
once. The store derives titles when it saves and the sidebar shows previews; neither needs
Qt or SQLite, so they live here too, small and easy to test.
"""

from __future__ import annotations

import re

#: The longest derived title; a longer first line is cut with an ellipsis.
TITLE_LENGTH = 80
#: A template placeholder: ``{{what to write here}}`` on one line (bounded, so a stray
#: ``{{`` in a long paste costs linear time).
PLACEHOLDER = re.compile(r"\{\{([^{}\n]{0,300})\}\}")
#: How a draft remembers its template when it is saved as a file: an HTML comment on its
#: own line, which Markdown renderers hide.
TEMPLATE_MARKER = re.compile(r"^<!--[ \t]*asyncwriter template:[ \t]*([a-z0-9][a-z0-9-]{0,63})"
                             r"[ \t]*-->[ \t]*\r?$", re.MULTILINE)  # fmt: skip
#: The marker line opening a draft, with its line break (export leaves it out).
LEADING_MARKER = re.compile(r"\A\s*<!--[ \t]*asyncwriter template:[^\n]*-->[ \t]*\r?\n?")
#: A ``Subject:`` line opening a draft (after the marker): the email subject.
LEADING_SUBJECT = re.compile(r"\A\s*subject[ \t]*:[ \t]*(?P<subject>[^\n]*?)[ \t]*\r?(?:\n|\Z)",
                             re.IGNORECASE)  # fmt: skip
#: A UTF-16 surrogate: a Python ``str`` from an API caller (decoded with "surrogatepass" or
#: "surrogateescape", or built from JavaScript) may hold one, and it cannot be encoded.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Any HTML comment alone on a line (a marker, or a note to self): never a title.
_MARKER_LINE = re.compile(r"^\s*<!--.*-->\s*$")
#: A "Subject:" label opening a line (the rest of the line is the subject).
SUBJECT_LABEL = re.compile(r"^subject:\s*", re.IGNORECASE)
_BOLD_LINE = re.compile(r"(\*\*|__)[^*_]+\1:?")  # "**Done**" on its own: a heading
_SUMMARY = re.compile(r"^(?:tl;?dr|summary)\s*:\s*", re.IGNORECASE)
_LEADING_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")
_EMPHASIS = re.compile(r"(\*\*|__|~~|`)")
_WORD = re.compile(r"\w+")


def without_surrogates(text: str) -> str:
    """Return ``text`` with each surrogate code point made U+FFFD (one for one, so offsets hold).

    spaCy, e-mail encoding and UTF-8 output all refuse them; the editor and files never
    produce them, but a library caller's ``str`` can.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def marker(template_id: str) -> str:
    """Return the comment line that records which template a draft came from."""
    return f"<!-- asyncwriter template: {template_id} -->"


def template_id_of(text: str) -> str | None:
    """Return the template id a draft's marker comment names, or None."""
    m = TEMPLATE_MARKER.search(text)
    return m.group(1) if m else None


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
        if PLACEHOLDER.search(line) or (heading and not first):
            first = False
            continue
        first = False
        line = _SUMMARY.sub("", SUBJECT_LABEL.sub("", line))
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
        line = _EMPHASIS.sub("", _LEADING_MARKUP.sub("", SUBJECT_LABEL.sub("", line))).strip()
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
