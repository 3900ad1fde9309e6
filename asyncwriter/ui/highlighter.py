"""Light Markdown highlighting: headings, emphasis, links, lists, quotes, code, placeholders.

Rules are compiled once; ``highlightBlock`` looks at the first character before trying
any pattern and skips very long blocks (pasted data), so typing costs microseconds per
line. Finding underlines are not drawn here: the editor draws them as extra selections,
so they can arrive from the background linter without rehighlighting anything.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontDatabase, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from asyncwriter.draft_text import PLACEHOLDER
from asyncwriter.ui import theme
from asyncwriter.ui.textmap import Utf16Map

#: Longer blocks are left plain: highlighting them would cost more than it helps.
MAX_BLOCK_LENGTH = 5_000
#: The block state of a line inside a fenced code block (the Tab key reads it).
IN_FENCE = 1

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_QUOTE = re.compile(r"^\s*>")
_INLINE = (
    ("code", re.compile(r"`[^`\n]+`")),
    ("bold", re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")),
    ("italic", re.compile(r"(?<![*\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")),
    ("link", re.compile(r"\[[^\[\]\n]*\]\([^()\s]*\)|<https?://[^>\s]+>|https?://[^\s<>()]+")),
    ("placeholder", PLACEHOLDER),
)


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights Markdown in a document; call :meth:`refresh_colors` after a palette change."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self.refresh_colors(rehighlight=False)

    def refresh_colors(self, *, rehighlight: bool = True) -> None:
        """Build the formats from the current palette."""
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        def fmt(fg: str | None = None, *, bold: bool = False, italic: bool = False,
                bg: str | None = None, fixed: bool = False) -> QTextCharFormat:  # fmt: skip
            f = QTextCharFormat()
            if fg:
                f.setForeground(theme.color(fg))
            if bg:
                f.setBackground(theme.color(bg))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            if fixed:
                f.setFontFamilies(mono.families())
            return f

        self._formats = {
            "heading": fmt("heading", bold=True),
            "marker": fmt("marker", bold=True),
            "quote": fmt("quote", italic=True),
            "code": fmt("code", bg="code_bg", fixed=True),
            "fence": fmt("code", fixed=True),
            "bold": fmt(bold=True),
            "italic": fmt(italic=True),
            "link": fmt("link"),
            "placeholder": fmt("placeholder", bg="placeholder_bg"),
        }
        # "To fill", not "wrong": a dotted line in the placeholder's own colour, where a
        # finding would have a red wave (see finding_tones).
        placeholder = self._formats["placeholder"]
        placeholder.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        placeholder.setUnderlineColor(theme.color("placeholder"))
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        """Format one block (line) of the document."""
        previous = self.previousBlockState()
        fence = _FENCE.match(text) if text[:4].lstrip()[:1] in ("`", "~") else None
        if previous == IN_FENCE or fence:
            self.setFormat(0, len(text.encode("utf-16-le")) // 2, self._formats["fence"])
            closing = previous == IN_FENCE and fence is not None
            self.setCurrentBlockState(-1 if closing else IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        if not text or len(text) > MAX_BLOCK_LENGTH:
            return
        # Qt counts UTF-16 units, Python code points: they differ after an emoji.
        units = Utf16Map(text)

        def paint(start: int, end: int, name: str) -> None:
            s16 = units.to_utf16(start)
            self.setFormat(s16, units.to_utf16(end) - s16, self._formats[name])

        first = text.lstrip()[:1]
        if first == "#" and _HEADING.match(text):
            paint(0, len(text), "heading")
        elif first == ">" and _QUOTE.match(text):
            paint(0, len(text), "quote")
        elif first and first in "-*+0123456789":
            m = _LIST.match(text)
            if m:
                paint(0, m.end(), "marker")
        for name, pattern in _INLINE:
            if name == "code" and "`" not in text:
                continue
            if name == "placeholder" and "{{" not in text:
                continue
            for m in pattern.finditer(text):
                paint(m.start(), m.end(), name)
