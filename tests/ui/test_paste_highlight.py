"""A big paste does not hold the window while it is highlighted; typing is highlighted at once.

Structural, never timed: right after the paste returns (the paste's event-loop turn) only
a small slice of the pasted lines may carry highlighting, and after the event loop has run
every line does, code fences included (their state runs on from line to line).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor

from asyncwriter.ui.editor import MarkdownEditor
from asyncwriter.ui.highlighter import IN_FENCE

pytestmark = pytest.mark.gui

LINES = 20_000  # about 0.7 MB


def _paste_text() -> str:
    lines = ["```", "# not a heading: inside the fence", "```"]
    for i in range(LINES):
        lines.append(f"# Heading {i}" if i % 4 == 0 else f"- item {i} with **bold** text")
    return "\n".join(lines)


def _formatted(editor: MarkdownEditor) -> int:
    count, block = 0, editor.document().begin()
    while block.isValid():
        count += bool(block.layout().formats())
        block = block.next()
    return count


def _paste(editor: MarkdownEditor, text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    editor.insertFromMimeData(mime)  # what Ctrl+V does with the clipboard's data


def test_a_big_paste_is_highlighted_over_several_turns(qtbot) -> None:
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.show()
    text = _paste_text()
    blocks = text.count("\n") + 1
    _paste(editor, text)
    in_the_paste_turn = _formatted(editor)
    assert 0 < in_the_paste_turn < blocks // 10
    qtbot.waitUntil(lambda: not editor.highlighter.pending, timeout=60_000)
    assert _formatted(editor) == blocks
    doc = editor.document()
    assert doc.findBlockByNumber(1).userState() == IN_FENCE
    assert doc.findBlockByNumber(3).userState() != IN_FENCE
    last = doc.lastBlock()
    assert last.text().startswith("- item") and last.layout().formats()


def test_a_key_typed_during_the_slices_is_highlighted_at_once(qtbot) -> None:
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.show()
    _paste(editor, _paste_text())
    assert editor.highlighter.pending
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.wait(1)  # a new event-loop turn
    editor.insertPlainText("\n**typed**")
    assert editor.document().lastBlock().layout().formats()
    qtbot.waitUntil(lambda: not editor.highlighter.pending, timeout=60_000)
