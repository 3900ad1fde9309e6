"""The Qt binding must not leak references to None (PySide6 6.12.0 did, on every void call).

On Python 3.11 None is an ordinary object with a reference count. A binding that drops one
reference per call of a Qt method returning void (``setFormat``, ``setFontWeight``…)
brings that count to zero after a few thousand calls, and the interpreter aborts with
"deallocating None": the editor died after a few thousand keystrokes, or on a 5 MB paste.
``pyproject.toml`` excludes that release; this test catches a release with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest

from asyncwriter.ui.editor import MarkdownEditor


def none_refs() -> int:
    return sys.getrefcount(None)


def test_void_qt_calls_keep_their_reference_to_none(qapp):
    fmt = QTextCharFormat()
    before = none_refs()
    for _ in range(2_000):
        fmt.setFontWeight(700)
    assert abs(none_refs() - before) < 50


def test_typing_and_highlighting_keep_their_reference_to_none(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.show()
    before = none_refs()
    QTest.keyClicks(editor, "- a **bold** `code` {{placeholder}} line " * 10)
    editor.setPlainText("# heading\n\n- item with `code`\n" * 2_000)
    assert abs(none_refs() - before) < 200
