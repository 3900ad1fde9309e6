"""The draft as export sees it: a title, a Markdown tree, and which links may be clicked.

Every format renders from this one parse (markdown-it-py), never from regexes over the raw
text, so a ``*`` inside a code span stays a ``*`` and a link is a link in every output.

Raw HTML in the draft is text to every renderer, so ``<script>`` typed by the writer stays
text. The marker comment that names the draft's template and the ``Subject:`` line that
starts a templated draft are metadata: they never reach the message body, and neither do
suppression comments.

The parse is the one the checks made of the same text (:mod:`asyncwriter.markdown`): the
body's tokens are the tail of the whole draft's stream, and the title's text comes from
the ``Subject:`` line's paragraph in it. Where that could read differently from parsing
the body and the title on their own (raw HTML, which the shared parse recognises; a
``Subject:`` line that runs on into the body; a title that would start a block), they are
parsed on their own with ``html`` off, as before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markdown_it.tree import SyntaxTreeNode

from asyncwriter import markdown
from asyncwriter.checks import suppression
from asyncwriter.draft_text import LEADING_MARKER, LEADING_SUBJECT, template_id_of
from asyncwriter.export.link_truth import tame_mailto
from asyncwriter.markdown import EXTRA_TLDS

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from markdown_it.token import Token

__all__ = ["EXTRA_TLDS", "WEB_SCHEMES", "Message", "parse", "parse_inline", "title_inline", "walk",
           "web_url"]  # fmt: skip

#: Schemes that become clickable links. Everything else (``javascript:``, ``data:``,
#: ``file:``, app schemes, relative paths) is shown as text so a reader can see it.
WEB_SCHEMES = frozenset({"http", "https", "mailto"})
#: Hebrew, Arabic, Syriac, Thaana, NKo and the RTL presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


#: The ``Subject:`` label as it starts the title's paragraph in the whole draft's parse.
_SUBJECT_LABEL = re.compile(r"subject[ \t]*:[ \t]+", re.IGNORECASE)
#: A title starting with one of these might parse as a block of its own (a heading, a list,
#: a quote, a reference definition...) rather than as the line of text it is in the draft.
_BLOCKISH_TITLE = re.compile(r"[#>*+\-=_`~<\[|\\0-9]")
_NEWLINES = re.compile(r"\r\n?")


@dataclass(frozen=True, slots=True)
class Message:
    """A parsed draft.

    Attributes:
        title: the draft's ``Subject:`` line without its label, or None.
        root: the markdown-it syntax tree of the body (the draft without marker and title).
        template_id: the template named by the draft's marker comment, or None.
        rtl: whether the text holds right-to-left script (HTML then marks blocks
            ``dir="auto"`` so each paragraph takes its own direction).
        title_inline: the title's inline node, read from the same parse as the body, or
            None when the title has to be parsed on its own (:func:`title_inline`).
    """

    title: str | None
    root: SyntaxTreeNode
    template_id: str | None
    rtl: bool
    title_inline: SyntaxTreeNode | None = None


@functools.lru_cache(maxsize=8)
def parse(text: str) -> Message:
    """Parse ``text`` (cached, so rendering one draft to every format parses it once).

    Suppression comments (``<!-- asyncwriter-disable … -->``) are for the checks only: they
    are taken out first, a comment's own line with it, so no format shows them.
    """
    text = suppression.strip(text)
    template_id = template_id_of(text)
    body = LEADING_MARKER.sub("", text, count=1) if template_id else text
    title = None
    m = LEADING_SUBJECT.match(body)
    if m:
        title = " ".join(m.group("subject").split()) or None
        body = body[m.end() :]
    rtl = bool(_RTL.search(text))
    root, title_node = _from_shared_parse(text, len(text) - len(body), title)
    if root is None:
        root = _tree(markdown.parse(body, html=False, linkify=True).tokens)
    return Message(title, root, template_id, rtl, title_node)


def _from_shared_parse(
    text: str, cut: int, title: str | None
) -> tuple[SyntaxTreeNode | None, SyntaxTreeNode | None]:
    """Read the body (``text[cut:]``) and the title from the whole draft's parse.

    Either is None where that parse may differ from parsing it on its own. For the body:
    the metadata does not end a line, a block runs across the cut (``Subject: x`` with the
    body's first line as its continuation), or the body holds raw HTML (which the shared
    parse recognises and export shows as text).
    """
    head = _NEWLINES.sub("\n", text[:cut])
    if head and not head.endswith("\n") and cut < len(text):
        return None, None
    lines = head.count("\n") + (0 if head.endswith("\n") or not head else 1)
    parsed = markdown.parse(text, linkify=True)
    tokens = parsed.tokens
    start = len(tokens)
    for i, token in enumerate(tokens):
        if token.level != 0 or token.map is None:
            continue
        if token.map[0] >= lines:
            start = i
            break
        if token.map[1] > lines:
            return None, None
    body = tokens[start:]
    root = None if parsed.has_html and markdown.holds_html(body) else _tree(body)
    return root, _title_inline(tokens[:start], lines, title, parsed)


def _title_inline(
    head: Sequence[Token], lines: int, title: str | None, parsed: markdown.Parsed
) -> SyntaxTreeNode | None:
    """Return the title's inline node, cut from its ``Subject:`` paragraph, if it reads the same.

    The title parsed on its own is one paragraph of inline Markdown, as long as it cannot
    start a block, is spaced as the writer typed it, and uses no link reference (the whole
    draft may define one). Then the paragraph's inline tokens without the label's text are
    what that parse would give. The shared tokens are copied, never changed.
    """
    if not title or _BLOCKISH_TITLE.match(title):
        return None
    if "[" in title and parsed.env.get("references"):
        return None
    for i, token in enumerate(head):
        if token.type != "paragraph_open" or token.level != 0 or token.map != [lines - 1, lines]:
            continue
        inline = head[i + 1]
        label = _SUBJECT_LABEL.match(inline.content)
        children = inline.children or []
        if label is None or inline.content[label.end() :] != title or not children:
            return None
        first = children[0]
        if first.type != "text" or not first.content.startswith(label.group()):
            return None
        if markdown.holds_html([inline]):
            return None
        rest = first.content[label.end() :]
        kept = [first.copy(content=rest)] if rest else []
        cut = inline.copy(content=title, children=[*kept, *children[1:]])
        return _tree([token, cut, head[i + 2]]).children[0].children[0]
    return None


def title_inline(message: Message, title: str) -> SyntaxTreeNode:
    """Return ``title``'s inline node: the draft's own when it is the draft's title."""
    if title == message.title and message.title_inline is not None:
        return message.title_inline
    return parse_inline(title)


def _tree(tokens: Sequence[Token]) -> SyntaxTreeNode:
    return SyntaxTreeNode(list(tokens))


def parse_inline(text: str) -> SyntaxTreeNode:
    """Parse one line of Markdown (a subject) and return its ``inline`` node."""
    root = _tree(markdown.parse(text, html=False, linkify=True).tokens)
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
    """Return ``href`` if it may be made clickable (http, https, mailto), else None.

    A ``mailto:`` link comes back with its recipients, subject and body only
    (:func:`~asyncwriter.export.link_truth.tame_mailto`).
    """
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES:
        return None
    if parts.scheme.lower() == "mailto":
        return tame_mailto(href)
    if not parts.netloc:
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
