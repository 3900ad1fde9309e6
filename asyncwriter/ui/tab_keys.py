"""What Tab does in a draft without placeholders: what a writer of a message wants.

In prose a tab character is never what is meant (chat and mail drop or mangle it), so:

- on a list item, Tab indents the item one level and Shift+Tab outdents it (a nested
  list, as in every outliner and mail editor);
- inside a fenced code block, Tab types a tab (code keeps its indentation);
- anywhere else, Tab and Shift+Tab move the focus out of the editor, to the next or
  previous part of the window, as in any other form field.

With ``{{placeholders}}`` in the draft, the editor jumps between them first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from asyncwriter.ui.highlighter import IN_FENCE

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock
    from PySide6.QtWidgets import QPlainTextEdit

#: A list item's marker and the space after it: "- ", "* ", "12. ", "3) ".
LIST_ITEM = re.compile(r"^(\s*)((?:[-*+]|\d{1,9}[.)])\s+)")


def in_code_block(block: QTextBlock) -> bool:
    """Return True when ``block`` lies inside a fenced code block (not on its opening fence)."""
    previous = block.previous()
    return previous.isValid() and previous.userState() == IN_FENCE


def list_indent(line: str) -> int:
    """Return how far Tab indents a list item line (its marker's width), or 0 if none."""
    m = LIST_ITEM.match(line)
    return len(m.group(2)) if m else 0


def handle_tab(editor: QPlainTextEdit, *, backwards: bool) -> bool:
    """Do what Tab (or Shift+Tab) means at the cursor; False leaves the key to Qt.

    Returns:
        True when the key was handled (a list indent or a focus move), False inside a code
        block, where Qt types the tab.
    """
    cursor = editor.textCursor()
    document = editor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    if in_code_block(first):
        return backwards  # Shift+Tab in code has nothing to undo: swallow it
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    items = [b for b in blocks if list_indent(b.text())]
    if items:
        _indent(editor, items, backwards=backwards)
        return True
    # QPlainTextEdit's own override refuses while Tab types tabs: ask QWidget's.
    QWidget.focusNextPrevChild(editor, not backwards)
    return True


def _indent(editor: QPlainTextEdit, blocks: list[QTextBlock], *, backwards: bool) -> None:
    """Indent (or outdent) each list item line by its marker's width, as one undo step."""
    edit = QTextCursor(editor.document())
    edit.beginEditBlock()
    for block in blocks:
        width = list_indent(block.text())
        edit.setPosition(block.position())
        if not backwards:
            edit.insertText(" " * width)
            continue
        leading = len(block.text()) - len(block.text().lstrip(" \t"))
        if block.text().startswith("\t"):
            remove = 1
        else:
            remove = min(width, leading)
        if remove:
            edit.setPosition(block.position() + remove, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
    edit.endEditBlock()
