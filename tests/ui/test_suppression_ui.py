"""The window honours suppression comments typed into the draft (the engine applies them)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import wait_report
from tests.ui.test_main_window import keys, type_text

pytestmark = pytest.mark.gui

DOC = "Hi team,\n\nplease review the doc by Friday 17:00 UTC.\n"
MARKER = "<!-- asyncwriter-disable-next-line links.unlinked-reference -->\n"


def test_typing_a_disable_comment_above_a_line_silences_its_finding(qtbot, window):
    type_text(qtbot, window, DOC)
    before = {f.rule for f in window.open_findings}
    assert "links.unlinked-reference" in before
    # Put the cursor at the start of the "please" line and type the comment there.
    cursor = window.editor.textCursor()
    cursor.setPosition(DOC.index("please"))
    window.editor.setTextCursor(cursor)
    report = wait_report(qtbot, window, action=lambda: keys(qtbot, window.editor, MARKER))
    assert report.text == DOC.replace("please", MARKER + "please")
    after = {f.rule for f in window.open_findings}
    assert after == before - {"links.unlinked-reference"}
