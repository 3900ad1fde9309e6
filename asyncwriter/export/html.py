"""The HTML renderer: safe by construction, styled per destination.

Every piece of the writer's text goes through :func:`html.escape`; the only attributes
written are ``href`` (after :func:`~asyncwriter.export.message.web_url` allowed it),
``start`` on ordered lists, ``dir`` and ``style`` values that come from this module's own
tables. No ``<img>``, ``<script>``, ``<style>`` or external stylesheet is ever emitted, so
nothing in an export can run or fetch anything in a mail client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
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
from asyncwriter.export.task_items import task_box

if TYPE_CHECKING:
    from collections.abc import Mapping

    from markdown_it.tree import SyntaxTreeNode

    from asyncwriter.export.message import Message
    from asyncwriter.export.task_items import TaskBox

_FONT = '-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif'
_MONO = 'ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace'
_CELL = "border:1px solid #d0d7de;padding:6px 10px;vertical-align:top"

#: Inline styles for email: Gmail and Outlook drop <style> blocks and external CSS, so
#: every element carries its own. Sizes in px, since Outlook's Word engine ignores rem.
EMAIL_STYLES: dict[str, str] = {
    "body": f"font-family:{_FONT};font-size:15px;line-height:1.5;color:#1f2328",
    "p": "margin:0 0 12px 0",
    "h1": "font-size:22px;line-height:1.3;margin:20px 0 10px 0;font-weight:600",
    "h2": "font-size:18px;line-height:1.3;margin:18px 0 8px 0;font-weight:600",
    "h3": "font-size:16px;line-height:1.3;margin:16px 0 6px 0;font-weight:600",
    "h4": "font-size:15px;margin:14px 0 6px 0;font-weight:600",
    "h5": "font-size:14px;margin:12px 0 6px 0;font-weight:600",
    "h6": "font-size:13px;margin:12px 0 6px 0;font-weight:600;color:#59636e",
    "ul": "margin:0 0 12px 0;padding:0 0 0 26px",
    "ol": "margin:0 0 12px 0;padding:0 0 0 26px",
    "ul ul": "margin:4px 0 0 0;padding:0 0 0 22px",  # a list inside a list item
    "ul ol": "margin:4px 0 0 0;padding:0 0 0 22px",
    "li": "margin:0 0 4px 0",
    "blockquote": "margin:0 0 12px 0;padding:0 0 0 12px;border-left:3px solid #d0d7de;"
                  "color:#59636e",
    "pre": f"margin:0 0 12px 0;padding:10px 12px;background:#f6f8fa;border:1px solid #e1e4e8;"
           f"font-family:{_MONO};font-size:13px;line-height:1.45;white-space:pre-wrap",
    "code": f"font-family:{_MONO};font-size:13px;background:#eff1f3;padding:1px 4px",
    "a": "color:#0969da;text-decoration:underline",
    "table": "border-collapse:collapse;margin:0 0 12px 0",
    "th": f"{_CELL};background:#f6f8fa;font-weight:600",
    "td": _CELL,
    "hr": "border:0;border-top:1px solid #d0d7de;margin:16px 0",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class HtmlStyle:
    """What one destination keeps, and how it should look.

    Attributes:
        styles: inline style per tag (``body`` styles the wrapping ``<div>``).
        headings: ``"tags"`` for ``<h1>``..``<h6>``, ``"bold"`` for bold paragraphs.
        bold_from: headings of this level and deeper are bold paragraphs (Teams shows a
            pasted ``<h3>`` and below smaller than its body text).
        tables: ``"table"`` or ``"list"`` (one bullet per row, as in the text formats).
        title: ``"bold"`` shows the subject as a bold first paragraph, ``None`` omits it.
        task_boxes: list items starting ``[ ]`` or ``[x]`` start with ☐ or ☑ instead.
    """

    styles: Mapping[str, str] = field(default_factory=dict)
    headings: str = "tags"
    bold_from: int = 7
    tables: str = "table"
    title: str | None = "bold"
    task_boxes: bool = False


class HtmlRenderer:
    """Renders a :class:`Message` to an HTML fragment in one :class:`HtmlStyle`."""

    def __init__(self, style: HtmlStyle) -> None:
        self.style = style
        self._dir = ""
        self._in_bold = False
        self._lists = 0
        self._boxes: dict[int, TaskBox] = {}

    def render(self, message: Message, title: str | None) -> str:
        """Return the body (and the title where the style shows it) as an HTML fragment."""
        self._dir = ' dir="auto"' if message.rtl else ""
        parts: list[str] = []
        if title and self.style.title == "bold":
            self._in_bold = True
            inner = self.inline(title_inline(message, title))
            self._in_bold = False
            parts.append(f"<p{self._attrs('p')}><strong>{inner}</strong></p>")
        parts.extend(self.block(node) for node in message.root.children)
        body = "\n".join(part for part in parts if part)
        wrapper = self.style.styles.get("body")
        if wrapper:
            return f'<div style="{escape(wrapper)}"{self._dir}>\n{body}\n</div>\n'
        return body + "\n" if body else ""

    # -- blocks -----------------------------------------------------------------------

    def block(self, node: SyntaxTreeNode, *, tight: bool = False) -> str:
        """Render one block node."""
        kind = node.type
        if kind == "paragraph":
            inner = self.inline(node)
            return inner if tight else f"<p{self._attrs('p')}>{inner}</p>"
        if kind == "heading":
            self._in_bold = self._bold_heading(int(node.tag[1:]))
            inner = self.inline(node)
            self._in_bold = False
            return self.heading(int(node.tag[1:]), inner)
        if kind in ("bullet_list", "ordered_list"):
            return self.list_block(node)
        if kind == "blockquote":
            inner = "\n".join(self.block(child) for child in node.children)
            return f"<blockquote{self._attrs('blockquote')}>\n{inner}\n</blockquote>"
        if kind in ("fence", "code_block"):
            code = escape(node.content.rstrip("\n"), quote=False)
            return f"<pre{self._attrs('pre', rtl=False)}><code>{code}</code></pre>"
        if kind == "hr":
            return f"<hr{self._attrs('hr', rtl=False)}>"
        if kind == "table":
            return self.table(node)
        return "\n".join(self.block(child) for child in node.children)

    def heading(self, level: int, inner: str) -> str:
        """Render a heading as a tag, or as a bold paragraph where headings are not kept."""
        if self._bold_heading(level):
            return f"<p{self._attrs('p')}><strong>{inner}</strong></p>"
        tag = f"h{level}"
        return f"<{tag}{self._attrs(tag)}>{inner}</{tag}>"

    def _bold_heading(self, level: int) -> bool:
        return self.style.headings == "bold" or level >= self.style.bold_from

    def list_block(self, node: SyntaxTreeNode) -> str:
        """Render a list; a tight list's items hold their text without ``<p>``."""
        tag = "ol" if node.type == "ordered_list" else "ul"
        tight = not any(child.type == "paragraph" and not child.hidden
                        for item in node.children for child in item.children)  # fmt: skip
        start = int(node.attrs.get("start", 1)) if tag == "ol" else 1
        extra = f' start="{start}"' if start != 1 else ""
        items = []
        style = f"ul {tag}" if self._lists else tag
        self._lists += 1
        try:
            for item in node.children:
                task = task_box(item) if self.style.task_boxes else None
                if task is not None:
                    self._boxes[id(task.node)] = task
                inner = "\n".join(self.block(child, tight=tight) for child in item.children)
                items.append(f"<li{self._attrs('li')}>{inner}</li>")
        finally:
            self._lists -= 1
        opening = f"<{tag}{extra}{self._attrs(style, rtl=False)}>"
        return opening + "\n" + "\n".join(items) + f"\n</{tag}>"

    def table(self, node: SyntaxTreeNode) -> str:
        """Render a table, or a bullet list of its rows where tables are not kept."""
        header, rows = cell_rows(node)
        if self.style.tables == "list":
            names = [plain_text(cell).strip() for cell in header]
            items = []
            for row in rows:
                line = row_line([self.inline(cell).strip() for cell in row],
                                 [escape(name, quote=False) for name in names])  # fmt: skip
                if line:
                    items.append(f"<li{self._attrs('li')}>{line}</li>")
            return f"<ul{self._attrs('ul', rtl=False)}>\n" + "\n".join(items) + "\n</ul>"

        def cells(row: list[SyntaxTreeNode], tag: str) -> str:
            return "".join(f"<{tag}{self._attrs(tag, align=alignment(c))}>{self.inline(c)}</{tag}>"
                           for c in row)  # fmt: skip

        head = f"<thead><tr>{cells(header, 'th')}</tr></thead>"
        body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
        return f"<table{self._attrs('table', rtl=False)}>{head}<tbody>{body}</tbody></table>"

    # -- inline -----------------------------------------------------------------------

    def inline(self, node: SyntaxTreeNode) -> str:
        """Render inline content; every piece of text is escaped."""
        return "".join(self.span(child) for child in node.children)

    def span(self, node: SyntaxTreeNode) -> str:
        """Render one inline node."""
        kind = node.type
        if kind == "text":
            task = self._boxes.get(id(node))
            if task is not None:
                gap = " " if task.rest or node.next_sibling is not None else ""
                return f"{task.box}{gap}{escape(task.rest, quote=False)}"
            return escape(node.content, quote=False)
        if kind in ("softbreak", "hardbreak"):
            return "<br>\n"
        if kind == "code_inline":
            code = escape(node.content, quote=False)
            return f"<code{self._attrs('code', rtl=False)}>{code}</code>"
        if kind == "strong" and self._in_bold:
            return self.inline(node)
        if kind in ("em", "strong", "s"):
            return f"<{kind}>{self.inline(node)}</{kind}>"
        if kind == "link":
            return self.link(node)
        if kind == "image":
            return self.image(node)
        return self.inline(node)

    def link(self, node: SyntaxTreeNode) -> str:
        """Render a web link as ``<a>``; any other scheme as visible, inert text.

        A bare link shows its address with the host in ASCII (punycode); a link whose text
        names another place than its target is followed by the real target, as plain text
        shows it (:mod:`asyncwriter.export.link_truth`).
        """
        raw = str(node.attrs.get("href", ""))
        href = web_url(raw)
        label = link_label(node)
        if href is None:
            if is_bare(node):
                return escape(ascii_address(label), quote=False)
            shown = label if label == raw else f"{label} ({ascii_address(raw)})"
            return escape(shown, quote=False)
        opening = f'<a href="{escape(href)}"{self._attrs("a", rtl=False)}>'
        if is_bare(node):
            return f"{opening}{escape(ascii_address(label), quote=False)}</a>"
        return f"{opening}{self.inline(node)}</a>{_revealed(label, href)}"

    def image(self, node: SyntaxTreeNode) -> str:
        """Render an image as a link to it: a mail client never fetches it on opening."""
        alt = plain_text(node) or "image"
        src = web_url(str(node.attrs.get("src", "")))
        if src is None:
            return escape(alt, quote=False)
        shown = escape(alt, quote=False)
        opening = f'<a href="{escape(src)}"{self._attrs("a", rtl=False)}>'
        return f"{opening}{shown}</a>{_revealed(alt, src)}"

    def _attrs(self, tag: str, *, rtl: bool = True, align: str = "") -> str:
        style = self.style.styles.get(tag, "")
        if align:
            style = f"{style};text-align:{align}" if style else f"text-align:{align}"
        out = f' style="{escape(style)}"' if style else ""
        return out + (self._dir if rtl else "")


def _revealed(label: str, href: str) -> str:
    """Return `` (target)`` after a link whose text names another place, else ``""``."""
    target = revealed_target(label, href)
    return f" ({escape(target, quote=False)})" if target else ""
