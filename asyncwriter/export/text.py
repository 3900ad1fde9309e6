"""Text renderers: Slack mrkdwn, normalised CommonMark and readable plain text.

One block walker (:class:`TextRenderer`) lays out paragraphs, headings, lists, quotes,
code and tables as lines; each subclass says only how its marks look. That keeps the three
formats in step: a nested list or a quote inside a list comes out the same shape in all.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from typing import TYPE_CHECKING

from asyncwriter.export.link_truth import ascii_address, revealed_target
from asyncwriter.export.message import (
    alignment,
    cell_rows,
    is_bare,
    link_label,
    plain_text,
    row_line,
    title_inline,
    web_url,
)
from asyncwriter.export.task_items import OPEN, task_box

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from asyncwriter.export.message import Message
    from asyncwriter.export.task_items import TaskBox

#: Narrower than this, wrapping inside deep lists does more harm than good.
MIN_WRAP = 24
#: A line that is a thematic break (horizontal rule) in Markdown: ``- - -``, ``* * *``.
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")


class TextRenderer:
    """Lays out a message's blocks as lines of text; subclasses style the marks.

    Args:
        width: wrap paragraphs at this many columns (None: never wrap).
    """

    #: Bullets by nesting depth (the last one repeats).
    bullets: tuple[str, ...] = ("-",)
    #: Columns a nested list is indented by, at least (the marker width wins if wider).
    list_indent = 2
    #: The horizontal rule line.
    rule = "----"
    #: Task items (``[ ]``, ``[x]``) start with ☐ / ☑ (a bullet list's box is its marker).
    task_boxes = False

    def __init__(self, width: int | None = None) -> None:
        self.width = width
        self._depth = 0
        #: Inside a line that is bold as a whole (a title): inner bold marks are dropped.
        self._in_bold = False
        #: Bullets chosen for particular lists (by ``id``) so a line does not read as a rule.
        self._forced: dict[int, str] = {}
        #: Text nodes that start with a task box: the box, how it is written, and whether
        #: it is the item's marker.
        self._boxes: dict[int, tuple[TaskBox, str, bool]] = {}

    # -- the message ------------------------------------------------------------------

    def task_shown(self, task: TaskBox) -> tuple[str, bool]:
        """Return how a task item's box is written, and whether it stands in for the bullet."""
        return task.box, True

    def render(self, message: Message, title: str | None) -> str:
        """Return the whole message as text: an optional title line, then the body."""
        lines = self.blocks(message.root.children, self.width)
        if title:
            lines = [*self.title(title_inline(message, title)), *([""] if lines else []), *lines]
        return "\n".join(lines).rstrip() + "\n" if lines else ""

    def title(self, title: SyntaxTreeNode) -> list[str]:
        """Return the lines for the draft's subject line (its inline node) shown as a title."""
        return self.wrap(self.bold_inline(title), self.width)

    def bold_inline(self, node: SyntaxTreeNode) -> str:
        """Render inline content that will be shown bold as a whole (no inner bold)."""
        self._in_bold = True
        try:
            return self.inline(node)
        finally:
            self._in_bold = False

    # -- blocks -----------------------------------------------------------------------

    def blocks(self, nodes: list[SyntaxTreeNode], width: int | None, *,
               tight: bool = False) -> list[str]:  # fmt: skip
        """Render sibling blocks, separated by a blank line unless ``tight``."""
        out: list[str] = []
        for node in nodes:
            lines = self.block(node, width, tight=tight)
            if not lines:
                continue
            if out and not tight:
                out.append("")
            out.extend(lines)
        return out

    def block(self, node: SyntaxTreeNode, width: int | None, *, tight: bool = False) -> list[str]:
        """Render one block node as lines."""
        kind = node.type
        if kind == "paragraph":
            return self.paragraph(node, width)
        if kind == "heading":
            return self.heading(int(node.tag[1:]), self.inline(node), width)
        if kind in ("bullet_list", "ordered_list"):
            return self.list_block(node, width)
        if kind == "blockquote":
            inner = self.blocks(node.children, _narrower(width, 2))
            return [f"> {line}" if line else ">" for line in inner] or [">"]
        if kind in ("fence", "code_block"):
            return self.code_block(node.content, node.info.strip() if kind == "fence" else "")
        if kind == "hr":
            return [self.rule_line()]
        if kind == "table":
            return self.table(node, width)
        return self.blocks(node.children, width, tight=tight)

    def paragraph(self, node: SyntaxTreeNode, width: int | None) -> list[str]:
        """Render a paragraph, keeping the writer's line breaks, wrapped if asked."""
        lines: list[str] = []
        for line in self.inline(node).split("\n"):
            lines.extend(self.wrap(line, width))
        return lines

    def heading(self, level: int, text: str, width: int | None) -> list[str]:
        """Render a heading (a line of its own by default)."""
        return self.wrap(text, width)

    def list_block(self, node: SyntaxTreeNode, width: int | None) -> list[str]:
        """Render a bullet or ordered list; nested blocks hang under their marker."""
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1)) if ordered else 1
        tight = not any(child.type == "paragraph" and not child.hidden
                        for item in node.children for child in item.children)  # fmt: skip
        out: list[str] = []
        self._depth += 1
        try:
            for number, item in enumerate(node.children, start):
                marker = self.ordered_marker(number, node) if ordered else self.bullet_for(node)
                task = task_box(item) if self.task_boxes else None
                if task is not None:
                    shown, replaces_bullet = self.task_shown(task)
                    self._boxes[id(task.node)] = (task, shown, replaces_bullet and not ordered)
                    marker = shown if replaces_bullet and not ordered else marker
                indent = max(len(marker) + 1, self.list_indent)
                lines = self.blocks(item.children, _narrower(width, indent), tight=tight)
                inner = item.children[0] if item.children else None
                if inner is not None and inner.type == "bullet_list" and lines and \
                        _THEMATIC_BREAK.fullmatch(f"{marker} {lines[0]}"):  # fmt: skip
                    # "- * *" (lists nested on one line, the last item empty) would come out
                    # as "- - -", a horizontal rule: the nested list takes the other bullet.
                    self._forced[id(inner)] = "*" if marker.endswith("-") else "-"
                    lines = self.blocks(item.children, _narrower(width, indent), tight=tight)
                if out and not tight:
                    out.append("")
                if not lines:
                    out.append(marker)
                    continue
                out.append(f"{marker} {lines[0]}" if lines[0] else marker)
                out.extend(" " * indent + line if line else "" for line in lines[1:])
        finally:
            self._depth -= 1
        return out

    def rule_line(self) -> str:
        """Return the horizontal rule."""
        return self.rule

    def bullet_for(self, node: SyntaxTreeNode) -> str:
        """Return the bullet of list ``node``: the forced one, else :meth:`bullet`'s."""
        return self._forced.get(id(node)) or self.bullet(node)

    def bullet(self, node: SyntaxTreeNode) -> str:
        """Return the bullet for the current depth."""
        return self.bullets[min(self._depth, len(self.bullets)) - 1]

    def ordered_marker(self, number: int, node: SyntaxTreeNode) -> str:
        """Return an ordered list's marker for ``number``."""
        return f"{number}."

    def code_block(self, code: str, info: str) -> list[str]:
        """Render a code block (indented four spaces by default)."""
        return ["    " + line if line else "" for line in code.rstrip("\n").split("\n")]

    def table(self, node: SyntaxTreeNode, width: int | None) -> list[str]:
        """Render a table as a list, one item per row (chat and plain text have no tables).

        Two columns read "first: second"; wider tables "first — Header: value, ...".
        """
        header, rows = cell_rows(node)
        names = [self.inline(cell).strip() for cell in header]
        out: list[str] = []
        self._depth += 1
        try:
            marker = self.bullet(node)
            for row in rows:
                cells = [self.inline(cell).strip() for cell in row]
                line = row_line(cells, names)
                if not line:
                    continue
                indent = max(len(marker) + 1, self.list_indent)
                wrapped = self.wrap(line, _narrower(width, indent))
                out.append(f"{marker} {wrapped[0]}")
                out.extend(" " * indent + rest for rest in wrapped[1:])
        finally:
            self._depth -= 1
        return out

    def wrap(self, line: str, width: int | None) -> list[str]:
        """Wrap one line at ``width`` without ever breaking a word or a URL."""
        if width is None or len(line) <= width:
            return [line]
        return textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]

    # -- inline -----------------------------------------------------------------------

    def inline(self, node: SyntaxTreeNode) -> str:
        """Render a block's inline content as one string (a line break is a newline)."""
        out: list[str] = []
        for child in node.children:
            self.span(child, out)
        return "".join(out)

    def span(self, node: SyntaxTreeNode, out: list[str]) -> None:
        """Append one inline node's rendering to ``out``."""
        kind = node.type
        if kind == "text" and id(node) in self._boxes:
            task, shown, is_marker = self._boxes[id(node)]
            gap = " " if task.rest or node.next_sibling is not None else ""
            out.append(("" if is_marker else shown + gap) + self.text(task.rest, out))
        elif kind == "text":
            out.append(self.text(node.content, out))
        elif kind in ("softbreak", "hardbreak"):
            out.append(self.line_break(kind))
        elif kind == "code_inline":
            out.append(self.code_span(node.content))
        elif kind in ("em", "strong", "s"):
            mark = self.mark(kind)
            out.append(mark)
            for child in node.children:
                self.span(child, out)
            out.append(mark)
        elif kind == "link":
            out.append(self.link(node))
        elif kind == "image":
            out.append(self.image(node))
        else:
            for child in node.children:
                self.span(child, out)

    def text(self, text: str, out: list[str]) -> str:
        """Return literal text as this format needs it (escaped where the format says)."""
        return text

    def line_break(self, kind: str) -> str:
        """Return a line break inside a paragraph."""
        return "\n"

    def code_span(self, code: str) -> str:
        """Return inline code."""
        return code

    def mark(self, kind: str) -> str:
        """Return the mark put on both sides of ``em``, ``strong`` or ``s``.

        Plain text drops emphasis but keeps ``~~struck~~`` text marked: dropping the
        mark would turn "not ~~approved~~ reviewed" into "not approved reviewed".
        """
        return "~~" if kind == "s" else ""

    def link(self, node: SyntaxTreeNode) -> str:
        """Return a link as ``text (url)``, or the URL alone when it is its own text."""
        href = str(node.attrs.get("href", ""))
        label = link_label(node)
        shown = href.removeprefix("mailto:")
        if is_bare(node) or label in (href, shown):
            return self.text(ascii_address(label), [])  # a look-alike host shows as xn--
        return self.text(f"{label} ({ascii_address(shown)})", [])

    def image(self, node: SyntaxTreeNode) -> str:
        """Return an image as its description and address (never loaded)."""
        alt = plain_text(node) or "image"
        return self.text(f"{alt} ({node.attrs.get('src', '')})", [])


class PlainText(TextRenderer):
    """Readable plain text: no marks, links as ``text (url)``, underlined headings."""

    def heading(self, level: int, text: str, width: int | None) -> list[str]:
        """Underline a heading: ``=`` for the top level, ``-`` below it."""
        if not text.strip():
            return []
        lines = self.wrap(" ".join(text.split()), width)
        return [*lines, ("=" if level == 1 else "-") * max(columns(line) for line in lines)]


class Mrkdwn(TextRenderer):
    """Slack's mrkdwn: ``*bold*``, ``_italic_``, ``~strike~``, ``<url|text>``, bullets.

    Only ``&``, ``<`` and ``>`` are escaped (Slack has no backslash escapes). Headings,
    which Slack lacks, become bold lines; tables become lists.
    """

    bullets = ("•", "◦", "▪")
    list_indent = 4
    task_boxes = True
    rule = "───────────"

    def title(self, title: SyntaxTreeNode) -> list[str]:
        """Show the subject as a bold first line."""
        return [f"*{self.bold_inline(title)}*"]

    def heading(self, level: int, text: str, width: int | None) -> list[str]:
        """Render a heading as a bold line (its inner bold marks were dropped)."""
        return [f"*{line}*" if line.strip() else line for line in text.split("\n")]

    def block(self, node: SyntaxTreeNode, width: int | None, *, tight: bool = False) -> list[str]:
        """Render a block; inside a heading, bold marks are left out (it is all bold)."""
        if node.type != "heading":
            return super().block(node, width, tight=tight)
        self._in_bold = True
        try:
            return super().block(node, width, tight=tight)
        finally:
            self._in_bold = False

    def code_block(self, code: str, info: str) -> list[str]:
        """Fence code with triple backticks (Slack ignores a language name)."""
        return ["```", *_slack_escape(code.rstrip("\n")).split("\n"), "```"]

    def text(self, text: str, out: list[str]) -> str:
        """Escape Slack's three control characters."""
        return _slack_escape(text)

    def code_span(self, code: str) -> str:
        """Return inline code in backticks (escaped, as Slack requires)."""
        return f"`{_slack_escape(code)}`"

    def mark(self, kind: str) -> str:
        """Return Slack's single-character marks."""
        if kind == "strong":
            return "" if self._in_bold else "*"
        return {"em": "_", "s": "~"}[kind]

    def link(self, node: SyntaxTreeNode) -> str:
        """Return ``<url|text>`` for a web link; other schemes stay visible text."""
        href = web_url(str(node.attrs.get("href", "")))
        label = link_label(node)
        if href is None:
            return super().link(node)
        target = _slack_url(href)
        if is_bare(node) or label in (href, href.removeprefix("mailto:")):
            if not href.startswith("mailto:"):
                return f"<{target}>"  # Slack shows the address itself (ASCII host)
            return f"<{target}|{_slack_escape(ascii_address(label))}>"
        return f"<{target}|{_slack_escape(label)}>{self._revealed(label, href)}"

    def _revealed(self, label: str, href: str) -> str:
        """Return `` (target)`` after a link whose text names another place, else ``""``."""
        shown = revealed_target(label, href)
        return f" ({_slack_escape(shown)})" if shown else ""

    def image(self, node: SyntaxTreeNode) -> str:
        """Return an image as a link to it."""
        src = web_url(str(node.attrs.get("src", "")))
        alt = plain_text(node) or "image"
        if src is None:
            return super().image(node)
        return f"<{_slack_url(src)}|{_slack_escape(alt)}>{self._revealed(alt, src)}"


class CommonMark(TextRenderer):
    """Normalised CommonMark (with GFM tables and strikethrough) for GitHub, Notion, Confluence.

    Output parses back to the same document: ATX headings, ``-`` bullets, fenced code,
    consecutive list numbers, and a backslash before any character that would otherwise
    start markup. Line breaks stay as the writer typed them.
    """

    rule = "---"
    #: GitHub, GitLab and Obsidian read ``- [ ] …`` as a checkbox: it must stay unescaped.
    task_boxes = True

    def task_shown(self, task: TaskBox) -> tuple[str, bool]:
        """Keep the task list syntax (``[ ]`` / ``[x]``) after the bullet, as written."""
        return ("[ ]" if task.box == OPEN else "[x]"), False

    def rule_line(self) -> str:
        """Return ``---``, or ``***`` in a list (where ``- ---`` would not be a rule)."""
        return "***" if self._depth else self.rule

    def title(self, title: SyntaxTreeNode) -> list[str]:
        """Show the subject as a bold first line (a heading would change the page outline)."""
        return [f"**{self.bold_inline(title)}**"]

    def heading(self, level: int, text: str, width: int | None) -> list[str]:
        """Return an ATX heading, or a setext one for a heading written over several lines."""
        if "\n" in text and level <= 2:
            return [*text.split("\n"), "=" * 3 if level == 1 else "-" * 3]
        return [f"{'#' * level} {text.replace(chr(10), ' ').strip()}".rstrip()]

    def bullet(self, node: SyntaxTreeNode) -> str:
        """Use ``-``, or ``*`` right after another bullet list so the two stay apart."""
        before = node.previous_sibling
        return "*" if before is not None and before.type == "bullet_list" and \
            self.bullet_for(before) == "-" else "-"  # fmt: skip

    def ordered_marker(self, number: int, node: SyntaxTreeNode) -> str:
        """Use ``1.``, or ``1)`` right after another ordered list so the two stay apart."""
        before = node.previous_sibling
        delimiter = ")" if before is not None and before.type == "ordered_list" and \
            self.ordered_marker(1, before).endswith(".") else "."  # fmt: skip
        return f"{number}{delimiter}"

    def code_block(self, code: str, info: str) -> list[str]:
        """Return a fenced block, with a fence longer than any backtick run inside."""
        char = "~" if "`" in info else "`"
        longest = max((len(run) for run in re.findall(f"{re.escape(char)}+", code)), default=0)
        fence = char * max(3, longest + 1)
        body = code.split("\n")
        if body[-1] == "":
            body.pop()
        return [f"{fence}{info}", *body, fence]

    def table(self, node: SyntaxTreeNode, width: int | None) -> list[str]:
        """Return a GFM pipe table with its column alignments."""
        header, rows = cell_rows(node)

        def pipe_row(cells: list[SyntaxTreeNode]) -> str:
            texts = [self.inline(cell).replace("|", "\\|").replace("\n", " ") for cell in cells]
            return "| " + " | ".join(texts) + " |"

        rules = {"left": ":---", "center": ":---:", "right": "---:", "": "---"}
        lines = [pipe_row(header), "| " + " | ".join(rules[alignment(c)] for c in header) + " |"]
        lines.extend(pipe_row(row) for row in rows)
        return lines

    def text(self, text: str, out: list[str]) -> str:
        """Escape what would otherwise be read as markup."""
        escaped = _MD_SPECIAL.sub(r"\\\g<0>", text)
        escaped = _MD_UNDERSCORE.sub(r"\\_", escaped)
        if not out or out[-1].endswith("\n"):
            escaped = _escape_line_start(escaped)
        return escaped

    def line_break(self, kind: str) -> str:
        """Keep soft breaks as typed; a hard break keeps its backslash."""
        return "\\\n" if kind == "hardbreak" else "\n"

    def code_span(self, code: str) -> str:
        """Return a code span with enough backticks, padded where CommonMark needs it."""
        longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
        ticks = "`" * (longest + 1)
        padded = code.startswith(("`", " ")) or code.endswith(("`", " "))
        pad = " " if padded and code.strip(" ") else ""
        return f"{ticks}{pad}{code}{pad}{ticks}"

    def mark(self, kind: str) -> str:
        """Return CommonMark's marks (``*``, ``**``, ``~~``)."""
        if kind == "strong" and self._in_bold:
            return ""
        return {"em": "*", "strong": "**", "s": "~~"}[kind]

    def link(self, node: SyntaxTreeNode) -> str:
        """Return ``[text](url "title")``, ``<url>`` or the bare URL as it was written.

        The same truth rules as the other formats: only http, https and mailto links stay
        links (a ``mailto:`` with its recipients, subject and body only), a look-alike host
        is shown in ASCII, and text that names another address is followed by the real one.
        """
        href = web_url(str(node.attrs.get("href", "")))
        if href is None:
            return super().link(node)  # app links, javascript: and the like: visible text
        label = link_label(node)
        autolink = _EMAIL if href.startswith("mailto:") else _URL
        shown_label = ascii_address(label)
        if is_bare(node) and shown_label in (href, href.removeprefix("mailto:")) and \
                autolink.fullmatch(shown_label):  # fmt: skip
            return f"<{shown_label}>"
        shown = revealed_target(label, href)
        revealed = self.text(f" ({shown})", []) if shown else ""
        return f"[{self.inline(node)}]({_md_destination(href)}{_md_title(node)}){revealed}"

    def image(self, node: SyntaxTreeNode) -> str:
        """Return ``![alt](src "title")``."""
        alt = self.inline(node)
        return f"![{alt}]({_md_destination(str(node.attrs.get('src', '')))}{_md_title(node)})"


#: Characters that can start inline markup anywhere (``|`` could make a table row).
_MD_SPECIAL = re.compile(r"[\\`*\[\]|]|~(?=~)|(?<=~)~|<(?=[A-Za-z/!?]|$)|&(?=#?\w+;)|!$")
#: What CommonMark accepts between ``<`` and ``>`` as a URL, and as an email address.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*")
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)
#: An underscore that could open or close emphasis (not one inside a word).
_MD_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
#: What starts a block at the start of a line: heading, quote, list item, setext line.
_MD_LINE_START = re.compile(r"#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|=+[ \t]*$|-+[ \t]*$")
_MD_NUMBERED = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")


def _escape_line_start(text: str) -> str:
    """Escape what would start a block if it began a line (``#``, ``>``, ``- ``, ``1.``)."""
    if _MD_LINE_START.match(text):
        return "\\" + text
    m = _MD_NUMBERED.match(text)
    return f"{m.group(1)}\\{text[m.end(1) :]}" if m else text


def columns(text: str) -> int:
    """Return how many columns ``text`` takes in a monospaced font (wide characters: 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
               if not unicodedata.combining(ch))  # fmt: skip


def _narrower(width: int | None, by: int) -> int | None:
    return None if width is None else max(width - by, MIN_WRAP)


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_url(url: str) -> str:
    return url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")


def _md_destination(url: str) -> str:
    url = url.replace("\\", "\\\\").replace("&", "\\&")
    if not url or re.search(r"[\s<>()]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _md_title(node: SyntaxTreeNode) -> str:
    title = str(node.attrs.get("title") or "")
    return ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"' if title else ""
