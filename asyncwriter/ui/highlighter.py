"""Light Markdown highlighting: headings, emphasis, links, lists, quotes, code, placeholders.

Rules are compiled once; ``highlightBlock`` looks at the first character before trying
any pattern and skips very long blocks (pasted data), so typing costs microseconds per
line. Finding underlines are not drawn here: the editor draws them as extra selections,
so they can arrive from the background linter without rehighlighting anything.

Qt highlights every block an edit touches before it returns to the event loop, so a 5 MB
paste (about 136,000 lines) held the window for seconds. Here one event-loop turn
highlights at most :data:`CHARS_PER_TURN` characters of blocks; the rest are left plain and
done in later turns, a slice per turn, so the window keeps answering during a big paste
(``benchmarks/paste_latency.py``). A keystroke touches one block and never waits.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from asyncwriter.draft_text import PLACEHOLDER
from asyncwriter.ui import theme
from asyncwriter.ui.textmap import Utf16Map

#: Longer blocks are left plain: highlighting them would cost more than it helps.
MAX_BLOCK_LENGTH = 5_000
#: The block state of a line inside a fenced code block (the Tab key reads it).
IN_FENCE = 1
#: Characters of blocks highlighted in one event-loop turn; the rest wait for later turns.
#: About 30 ms of highlighting on the project's 2-core machine (about 75 µs a line).
CHARS_PER_TURN = 20_000

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
        #: Blocks highlighted so far (tests and the paste benchmark read it).
        self.blocks_highlighted = 0
        self._spent = 0  # characters highlighted in this event-loop turn
        #: The deferred range: from the first block left plain to the end of the last one.
        self._pending: tuple[QTextCursor, QTextCursor] | None = None
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._next_turn)
        self.refresh_colors(rehighlight=False)

    @property
    def pending(self) -> bool:
        """Whether some blocks are still waiting to be highlighted."""
        return self._pending is not None

    def _defer(self) -> None:
        """Leave the current block plain for now and remember it for a later turn."""
        block = self.currentBlock()
        self._remember(block.position(), block.position() + block.length() - 1)

    def _remember(self, start: int, end: int) -> None:
        """Add ``start``..``end`` to the deferred range; cursors keep it right across edits."""
        if self._pending is None:
            doc = self.document()
            self._pending = (QTextCursor(doc), QTextCursor(doc))
            self._pending[0].setPosition(start)
            self._pending[1].setPosition(end)
        else:
            first, last = self._pending
            first.setPosition(min(first.position(), start))
            last.setPosition(max(last.position(), end))
        self._turn.start()

    def _next_turn(self) -> None:
        """Highlight the next slice of the deferred blocks (one event-loop turn's worth)."""
        self._spent = 0
        doc = self.document()
        if self._pending is None or doc is None:
            self._pending = None
            return
        first, last = self._pending
        block = doc.findBlock(first.position())
        end = last.position()
        self._pending = None  # blocks deferred again below are remembered afresh
        while block.isValid() and block.position() <= end:
            if self._spent >= CHARS_PER_TURN:
                self._remember(block.position(), end)
                break
            self.rehighlightBlock(block)
            block = block.next()
        self._spent = 0  # an edit later in this turn has a budget of its own: typing never waits

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
        """Format one block (line) of the document, or leave it for a later turn."""
        if self._spent >= CHARS_PER_TURN:
            self._defer()
            return
        if not self._spent:
            self._turn.start()  # the next turn starts a fresh budget
        self._spent += len(text) + 1
        self.blocks_highlighted += 1
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
