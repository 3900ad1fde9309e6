"""The built-in spelling checker in the window: typing "teh", its fix, and a broken engine.

No settings file: the built-in checker is the default, with no Java and no download.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report

pytestmark = pytest.mark.gui


def spelling_report(qtbot, win):
    """Return the first report for the current text whose spelling is checked."""
    report = wait_report(qtbot, win)
    while report.spelling is None or report.spelling.pending:
        report = wait_report(qtbot, win)
    return report


def test_typing_teh_is_underlined_and_its_fix_applies(qtbot, open_window):
    win = open_window()
    assert win.grammar_status.text() == "Grammar on"
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(
        "FYI, no action needed: the rollout is done.\n\nWe shipped "))  # fmt: skip
    win.editor.setFocus()
    win.editor.moveCursor(win.editor.textCursor().MoveOperation.End)
    QTest.keyClicks(win.editor, "teh fix.")
    report = spelling_report(qtbot, win)
    text = report.text
    (teh,) = [f for f in report.findings if f.rule == "spelling.misspelling"]
    assert text[teh.start : teh.end] == "teh" and teh.suggestions[0] == "the"
    qtbot.waitUntil(lambda: any(
        s.cursor.selectedText() == "teh" for s in win.editor.extraSelections()))  # fmt: skip
    (card,) = [c for c in win.findings.cards() if c.finding.rule == "spelling.misspelling"]
    assert not card.add_word_button.isHidden()  # Add to Dictionary, as for LanguageTool
    assert card.fix_buttons[0].text() == "Replace with “the”"
    win.findings.queue_area.ensureWidgetVisible(card)
    qtbot.mouseClick(card.fix_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.editor.toPlainText().endswith("We shipped the fix."))
    report = spelling_report(qtbot, win)
    assert not [f for f in report.findings if f.rule == "spelling.misspelling"]


def test_add_to_dictionary_applies_to_the_built_in_checker(qtbot, open_window):
    from asyncwriter import settings

    win = open_window()
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(
        "FYI, no action needed: the zorblax rollout is done.\n"))  # fmt: skip
    report = spelling_report(qtbot, win)
    (word,) = [f for f in report.findings if f.rule == "spelling.misspelling"]
    report = wait_report(qtbot, win, action=lambda: win.finding_actions.add_to_dictionary(word))
    assert settings.load().languagetool.words == ["zorblax"]
    assert not [f for f in report.findings if f.rule == "spelling.misspelling"]


def test_an_engine_that_fails_to_load_is_said_once_and_the_rest_works(
    qtbot, open_window, monkeypatch
):
    monkeypatch.setitem(sys.modules, "harper", None)  # the import fails
    win = open_window()
    messages: list[str] = []
    win.spelling.failed.connect(messages.append)
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText("Please reviw teh plan.\n"))
    qtbot.waitUntil(lambda: bool(messages), timeout=REPORT_TIMEOUT_MS)
    assert "could not load" in win.statusBar().currentMessage()
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(
        "Please reviw teh plan, thanks.\n"))  # fmt: skip
    assert "deadline.missing" in {f.rule for f in report.findings}  # the other checks run
    assert not [f for f in report.findings if f.rule.startswith("spelling.")]
    assert report.spelling is None  # the window lints on without it
    assert len(messages) == 1
