"""The Markdown editor: highlighting, finding underlines with tooltips, placeholder jumps.

Spans from the checks are code point offsets into the text that was linted; they become
``QTextCursor`` selections (UTF-16 positions) once, when a report is applied. From then on
Qt moves those cursors with every edit, so the underlines and their tooltips stay on the
right words while the next lint runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from asyncwriter.draft_text import PLACEHOLDER
from asyncwriter.ui import finding_tones
from asyncwriter.ui.highlighter import MarkdownHighlighter
from asyncwriter.ui.textmap import Utf16Map

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from asyncwriter.checks.model import Finding

#: Zoom steps (points) the editor allows either way from the base size.
MAX_ZOOM = 12


class MarkdownEditor(QPlainTextEdit):
    """A plain-text Markdown editor with live finding underlines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) + 1.5)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.setPlaceholderText("Start with the bottom line: what you need, from whom, by when.")
        self.highlighter = MarkdownHighlighter(self.document())
        self._messages: list[str] = []
        self.zoom = 0

    # -- findings --------------------------------------------------------------------

    def show_findings(self, findings: Sequence[Finding], text: str) -> None:
        """Underline ``findings`` (spans into ``text``, the current text) by severity."""
        units = Utf16Map(text)
        selections: list[QTextEdit.ExtraSelection] = []
        messages: list[str] = []
        formats: dict[object, QTextCharFormat] = {}
        for finding in findings:
            if finding.end <= finding.start:
                continue
            key = finding_tones.tone(finding)  # placeholders: no red line, see finding_tones
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = finding_tones.underline_format(key, self.palette())
            cursor = QTextCursor(self.document())
            cursor.setPosition(units.to_utf16(finding.start))
            cursor.setPosition(units.to_utf16(finding.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            messages.append(f"{finding.message}  ({finding.rule})")
        self._messages = messages
        self.setExtraSelections(selections)

    def messages_at(self, position: int) -> list[str]:
        """Return the messages of the findings underlined at UTF-16 ``position``."""
        found = []
        for selection, message in zip(self.extraSelections(), self._messages, strict=False):
            cursor = selection.cursor
            if cursor.selectionStart() <= position < cursor.selectionEnd():
                found.append(message)
        return found

    def event(self, event: QEvent) -> bool:
        """Show the messages of the findings under the mouse as a tooltip."""
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()  # type: ignore[attr-defined]
            messages = self.messages_at(position)
            if messages:
                QToolTip.showText(event.globalPos(), "\n".join(messages), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- spans -----------------------------------------------------------------------

    def select_span(self, start: int, end: int) -> None:
        """Select code point span ``start..end`` of the current text and show it."""
        units = Utf16Map(self.toPlainText())
        cursor = self.textCursor()
        cursor.setPosition(units.to_utf16(start))
        cursor.setPosition(units.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def replace_span(self, start: int, end: int, replacement: str) -> None:
        """Replace code point span ``start..end`` with ``replacement`` as one undo step."""
        units = Utf16Map(self.toPlainText())
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(units.to_utf16(start))
        cursor.setPosition(units.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # -- placeholders ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Tab and Shift+Tab jump between ``{{placeholders}}`` when the draft has any."""
        key = event.key()
        shift = Qt.KeyboardModifier.ShiftModifier
        others = event.modifiers() & ~shift
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and others == Qt.KeyboardModifier.NoModifier:
            backwards = key == Qt.Key.Key_Backtab or bool(event.modifiers() & shift)
            if self.jump_to_placeholder(backwards=backwards):
                return
        super().keyPressEvent(event)

    def jump_to_placeholder(self, *, backwards: bool = False) -> bool:
        """Select the next (or previous) placeholder, wrapping around; False if none."""
        text = self.toPlainText()
        if "{{" not in text:
            return False
        spans = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
        if not spans:
            return False
        units = Utf16Map(text)
        cursor = self.textCursor()
        here = units.to_code_point(cursor.selectionEnd() if not backwards else
                                   cursor.selectionStart())  # fmt: skip
        if backwards:
            before = [s for s in spans if s[1] <= here and s[0] < here]
            target = before[-1] if before else spans[-1]
        else:
            after = [s for s in spans if s[0] >= here]
            target = after[0] if after else spans[0]
        self.select_span(*target)
        return True

    # -- zoom ------------------------------------------------------------------------

    def change_zoom(self, steps: int) -> None:
        """Zoom by ``steps`` points (0 resets), within ±``MAX_ZOOM``."""
        target = 0 if steps == 0 else max(-MAX_ZOOM, min(MAX_ZOOM, self.zoom + steps))
        delta = target - self.zoom
        if delta > 0:
            self.zoomIn(delta)
        elif delta < 0:
            self.zoomOut(-delta)
        self.zoom = target
