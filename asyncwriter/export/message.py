"""The draft as export sees it: a title, a Markdown tree, and which links may be clicked.

Every format renders from this one parse (markdown-it-py), never from regexes over the raw
text, so a ``*`` inside a code span stays a ``*`` and a link is a link in every output.

Raw HTML in the draft is parsed as text (``html`` is off), so ``<script>`` typed by the
writer is text to every renderer. The marker comment that names the draft's template and
the ``Subject:`` line that starts a templated draft are metadata: they are taken off
before parsing and never reach the message body.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from asyncwriter.templates import template_id_of

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Schemes that become clickable links. Everything else (``javascript:``, ``data:``,
#: ``file:``, app schemes, relative paths) is shown as text so a reader can see it.
WEB_SCHEMES = frozenset({"http", "https", "mailto"})

#: Newer top-level domains that a bare ``name@team.dev`` or ``docs.acme.app`` may use.
EXTRA_TLDS = ("dev", "app", "cloud", "tech", "team", "tools", "page", "site", "online",
              "works", "systems", "services", "network", "company", "email")  # fmt: skip
_MARKER_LINE = re.compile(r"\A\s*<!--[ \t]*asyncwriter template:[^\n]*-->[ \t]*\r?\n?")
_SUBJECT_LINE = re.compile(r"\A\s*subject[ \t]*:[ \t]*(?P<subject>[^\n]*?)[ \t]*\r?(?:\n|\Z)",
                           re.IGNORECASE)  # fmt: skip
#: Hebrew, Arabic, Syriac, Thaana, NKo and the RTL presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


@dataclass(frozen=True, slots=True)
class Message:
    """A parsed draft.

    Attributes:
        title: the draft's ``Subject:`` line without its label, or None.
        root: the markdown-it syntax tree of the body (the draft without marker and title).
        template_id: the template named by the draft's marker comment, or None.
        rtl: whether the text holds right-to-left script (HTML then marks blocks
            ``dir="auto"`` so each paragraph takes its own direction).
    """

    title: str | None
    root: SyntaxTreeNode
    template_id: str | None
    rtl: bool


_local = threading.local()


def markdown() -> MarkdownIt:
    """Return this thread's parser: CommonMark, tables, ~~strike~~, bare links, no raw HTML.

    ``breaks`` is on because the writer sees each line break in the editor and chat
    readers expect it kept; the text renderers read a soft break as a line break too.
    One parser per thread: linkify keeps state between its test and match calls.
    """
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = _new_markdown()
    return md


def _new_markdown() -> MarkdownIt:
    options = {"html": False, "linkify": True, "breaks": True}
    md = MarkdownIt("commonmark", options).enable(["table", "strikethrough", "linkify"])
    linkify = md.linkify
    linkify.set({"fuzzy_ip": False})  # type: ignore[union-attr]
    # linkify-it knows the old generic TLDs and every two-letter one; teams live on these too.
    linkify.tlds(list(EXTRA_TLDS), keep_old=True)  # type: ignore[union-attr]
    return md


@functools.lru_cache(maxsize=8)
def parse(text: str) -> Message:
    """Parse ``text`` (cached, so rendering one draft to every format parses it once)."""
    template_id = template_id_of(text)
    body = _MARKER_LINE.sub("", text, count=1) if template_id else text
    title = None
    m = _SUBJECT_LINE.match(body)
    if m:
        title = " ".join(m.group("subject").split()) or None
        body = body[m.end() :]
    root = SyntaxTreeNode(markdown().parse(body))
    return Message(title, root, template_id, bool(_RTL.search(text)))


def parse_inline(text: str) -> SyntaxTreeNode:
    """Parse one line of Markdown (a subject) and return its ``inline`` node."""
    root = SyntaxTreeNode(markdown().parse(text))
    for node in walk(root):
        if node.type == "inline":
            return node
    return root


def walk(node: SyntaxTreeNode) -> Iterator[SyntaxTreeNode]:
    """Yield ``node`` and its descendants, depth first."""
    yield node
    for child in node.children:
        yield from walk(child)


def web_url(href: str) -> str | None:
    """Return ``href`` if it may be made clickable (http, https, mailto), else None."""
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return href


def plain_text(node: SyntaxTreeNode) -> str:
    """Return the text of an inline subtree with all marks dropped (link labels, alt text)."""
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(plain_text(child) for child in node.children)


def link_label(node: SyntaxTreeNode) -> str:
    """Return what a link shows as plain text (its URL for a bare or autolink)."""
    return plain_text(node) or node.attrs.get("href", "")  # type: ignore[return-value]


def is_bare(node: SyntaxTreeNode) -> bool:
    """Return True for a link written as its own URL (autolink or linkified text)."""
    return node.info == "auto" or node.markup in ("linkify", "autolink")


def cell_rows(table: SyntaxTreeNode) -> tuple[list[SyntaxTreeNode], list[list[SyntaxTreeNode]]]:
    """Split a table into its header cells and its body rows (``th`` and ``td`` nodes)."""
    header: list[SyntaxTreeNode] = []
    rows: list[list[SyntaxTreeNode]] = []
    for section in table.children:
        for row in section.children:
            cells = list(row.children)
            if section.type == "thead":
                header = cells
            else:
                rows.append(cells)
    return header, rows


def alignment(cell: SyntaxTreeNode) -> str:
    """Return a table cell's alignment: ``left``, ``center``, ``right`` or ``""``."""
    style = str(cell.attrs.get("style", ""))
    for value in ("left", "center", "right"):
        if style == f"text-align:{value}":
            return value
    return ""


def row_line(cells: list[str], names: list[str]) -> str:
    """Return one table row as a line of text, for formats without tables.

    Two columns read "first: second"; wider tables "first — Header: value, ...".
    """
    if len(cells) == 2 and cells[0] and cells[1]:
        return f"{cells[0]}: {cells[1]}"
    rest = [
        f"{names[i]}: {cell}" if i < len(names) and names[i] else cell
        for i, cell in enumerate(cells) if i > 0 and cell
    ]  # fmt: skip
    if not cells or not cells[0]:
        return ", ".join(rest)
    return f"{cells[0]} — {', '.join(rest)}" if rest else cells[0]
