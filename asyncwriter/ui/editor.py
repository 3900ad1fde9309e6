"""The Markdown editor: highlighting, finding underlines with their fixes, placeholder jumps.

Spans from the checks are code point offsets into the text that was linted; they become
``QTextCursor`` selections (UTF-16 positions) once, when a report is applied. From then on
Qt moves those cursors with every edit, so the underlines and their tooltips stay on the
right words while the next lint runs.

Where an underline is, its fixes are: first on the context menu (above Undo, Cut, Copy …)
and on a hover card (:mod:`asyncwriter.ui.hover_card`). The editor only reports the choice
(``fixChosen``); :mod:`asyncwriter.ui.editor_fixes` carries it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFontDatabase, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from asyncwriter.draft_text import PLACEHOLDER
from asyncwriter.ui import finding_tones, tab_keys
from asyncwriter.ui.fix_choices import add_to_menu
from asyncwriter.ui.highlighter import MarkdownHighlighter
from asyncwriter.ui.hover_card import HoverCard
from asyncwriter.ui.textmap import Utf16Map

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from asyncwriter.checks.model import Finding

#: Zoom steps (points) the editor allows either way from the base size.
MAX_ZOOM = 12


class MarkdownEditor(QPlainTextEdit):
    """A plain-text Markdown editor with live finding underlines.

    Signals:
        fixChosen(FixChoice): the writer chose a fix on the context menu or hover card.
    """

    fixChosen = Signal(object)

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
        self._findings: list[Finding] = []
        self.zoom = 0
        #: The context menu while it is open (tests read it).
        self.context_menu: QMenu | None = None
        self.hover_card = HoverCard(self)
        self.hover_card.chosen.connect(self.fixChosen)
        self.hover_card.still_over = lambda pos: bool(self.findings_at_point(pos))
        self.hover_card.watch(self, self.viewport())
        self.viewport().setMouseTracking(True)
        self.textChanged.connect(self.hover_card.hide)

    # -- findings --------------------------------------------------------------------

    def show_findings(self, findings: Sequence[Finding], text: str) -> None:
        """Underline ``findings`` (spans into ``text``, the current text) by severity."""
        units = Utf16Map(text)
        selections: list[QTextEdit.ExtraSelection] = []
        shown: list[Finding] = []
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
            shown.append(finding)
        self._findings = shown
        self.setExtraSelections(selections)

    def messages_at(self, position: int) -> list[str]:
        """Return the messages of the findings underlined at UTF-16 ``position``."""
        return [f.message for f in self.findings_at(position)]

    def findings_at(self, position: int) -> list[Finding]:
        """Return the findings underlined at UTF-16 ``position`` (where the text is now)."""
        found = []
        for selection, finding in zip(self.extraSelections(), self._findings, strict=False):
            cursor = selection.cursor
            if cursor.selectionStart() <= position < cursor.selectionEnd():
                found.append(finding)
        return found

    def findings_at_point(self, point: QPoint) -> list[Finding]:
        """Return the findings under viewport point ``point`` (none past a line's end)."""
        cursor = self.cursorForPosition(point)
        if not self.cursorRect(cursor).adjusted(-8, -2, 8, 2).contains(point):
            return []  # the mouse is in the margin or past the end of the line
        position = cursor.position()
        # cursorForPosition rounds to the nearest gap: look at the characters on both sides.
        return self.findings_at(position) or self.findings_at(position - 1)

    def event(self, event: QEvent) -> bool:
        """Show a hover card with the fixes of the findings under the mouse."""
        if event.type() == QEvent.Type.ToolTip:
            point = self.viewport().mapFrom(self, event.pos())  # type: ignore[attr-defined]
            findings = self.findings_at_point(point)
            if findings:
                self.hover_card.show_for(findings, event.globalPos())  # type: ignore[attr-defined]
            else:
                event.ignore()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Qt's menu with the fixes of the findings at the spot on top.

        From the mouse, the spot is where it was clicked; from the keyboard (the Menu key,
        Shift+F10), it is the text cursor.
        """
        self.hover_card.hide()
        menu = self.createStandardContextMenu(event.pos())
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            cursor = self.textCursor()
            findings = self.findings_at(cursor.position()) or self.findings_at(
                cursor.position() - 1
            )
        else:
            findings = self.findings_at_point(event.pos())  # the viewport's coordinates
        add_to_menu(menu, findings, self.fixChosen.emit)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.aboutToHide.connect(self._menu_closed)
        self.context_menu = menu
        menu.popup(event.globalPos())

    def _menu_closed(self) -> None:
        self.context_menu = None

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
        """Tab and Shift+Tab: the next placeholder, else what :mod:`tab_keys` decides."""
        key = event.key()
        shift = Qt.KeyboardModifier.ShiftModifier
        others = event.modifiers() & ~shift
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and others == Qt.KeyboardModifier.NoModifier:
            backwards = key == Qt.Key.Key_Backtab or bool(event.modifiers() & shift)
            if self.jump_to_placeholder(backwards=backwards):
                return
            if tab_keys.handle_tab(self, backwards=backwards):
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
