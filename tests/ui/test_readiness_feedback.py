"""Chips that go to findings, placeholders shown as "to fill", and the editor's feedback.

Each test drives the real window by mouse and keyboard (issue 16: chips, placeholders,
"Checking…", "Saved", the find bar's count).
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from asyncwriter.checks import lint
from asyncwriter.checks.model import LineIndex
from asyncwriter.ui import linting
from asyncwriter.ui.draft_feedback import SAVE_MESSAGE
from asyncwriter.ui.readiness_tips import short_problem
from asyncwriter.ui.status_line import CHECKING
from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report
from tests.ui.test_main_window import MESSAGE, future_deadline, type_text

pytestmark = pytest.mark.gui


def selected(win):
    return win.editor.textCursor().selectedText()


def current_finding(win):
    return win.findings.current_finding()


def headings(win):
    return win.findings.headings()


# -- chips -----------------------------------------------------------------------------


def test_a_chip_click_selects_the_first_finding_of_its_area(qtbot, window):
    report = type_text(qtbot, window, MESSAGE)
    qtbot.mouseClick(window.readiness.chips["links"], Qt.MouseButton.LeftButton)
    assert selected(window) == "the doc"
    assert current_finding(window).rule == "links.unlinked-reference"
    assert window.editor.hasFocus()
    qtbot.mouseClick(window.readiness.chips["deadline"], Qt.MouseButton.LeftButton)
    first = min((f for f in report.findings if f.rule.startswith("deadline.")),
                key=lambda f: f.start)  # fmt: skip
    assert selected(window) == "Friday 5pm"
    assert current_finding(window).start == first.start


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_a_focused_chip_goes_to_its_finding_by_keyboard(qtbot, window, key):
    type_text(qtbot, window, MESSAGE)
    chip = window.readiness.chips["links"]
    assert chip.focusPolicy() & Qt.FocusPolicy.TabFocus
    chip.setFocus()
    qtbot.waitUntil(chip.hasFocus)
    qtbot.keyClick(chip, key)
    assert selected(window) == "the doc"


def test_chip_tooltips_name_what_is_missing_and_where(qtbot, window):
    type_text(qtbot, window, MESSAGE)
    tip = window.readiness.chips["links"].toolTip()
    assert "“the doc” has no link, line 3" in tip
    assert "open finding" not in tip and "”." not in tip


def test_a_short_problem_quotes_the_text_and_gives_the_line():
    text = "Hi all,\n\nSee the doc, then please approve it by Friday 5pm IST.\n"
    findings = {f.rule: f for f in lint(text).findings}
    lines = LineIndex(text)
    assert short_problem(findings["links.unlinked-reference"], text, lines) == (
        "“the doc” has no link, line 3"
    )
    assert short_problem(findings["timezone.ambiguous"], text, lines) == (
        "“IST” is ambiguous, line 3"
    )


def test_a_clean_message_gets_a_ready_badge(qtbot, window):
    deadline, _when = future_deadline()
    type_text(qtbot, window, f"TL;DR: @sam, please approve the plan by {deadline}: "
                             "https://docs.example.com/plan")  # fmt: skip
    badge = window.readiness.verdict
    assert badge.isVisible() and badge.text() == "Ready to send"
    assert "background" in badge.styleSheet()


# -- placeholders --------------------------------------------------------------------------


def test_a_fresh_template_shows_what_is_to_fill_not_errors(qtbot, window):
    template = window.catalog.get("status-update")
    report = wait_report(qtbot, window, action=lambda: window.start_draft(template))
    slots = [f for f in report.findings if f.rule == "structure.placeholder"]
    assert slots
    assert headings(window) == [f"To fill ({len(slots)})"]
    assert window.findings.title.text() == f"{len(slots)} to fill"
    assert not any(h.startswith("Errors") for h in headings(window))
    assert window.readiness.verdict.text() == f"To fill ({len(slots)})"
    waves = [s for s in window.editor.extraSelections()
             if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]  # fmt: skip
    assert waves == []
    # What the writer writes is still an error: a clock time with no zone.
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window, "\nPlease review it by Friday 5pm.")
    assert any(h.startswith("Errors (") for h in headings(window))
    assert headings(window)[-1] == f"To fill ({len(slots)})"


# -- feedback ------------------------------------------------------------------------------


def test_the_find_bar_counts_matches_and_says_which_one(qtbot, window):
    window.editor.setPlainText("alpha beta Alpha gamma alpha")
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "alpha")
    assert window.find_bar.status.text() == "3 matches"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.status.text() == "1 of 3"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.status.text() == "2 of 3"
    assert selected(window) == "Alpha"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.status.text() == "1 of 3"
    qtbot.keyClicks(window.find_bar.field, "x")
    assert window.find_bar.status.text() == "Not found"


def test_ctrl_s_saves_and_says_that_drafts_save_themselves(qtbot, window):
    type_text(qtbot, window, "Hello there")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert SAVE_MESSAGE in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.status_line.save_status.text() == "Saved",
                    timeout=REPORT_TIMEOUT_MS)  # fmt: skip
    assert not window.keeper.dirty


def test_checking_shows_while_a_slow_check_is_pending(qtbot, window, monkeypatch):
    wait_report(qtbot, window, action=window.linter.lint_now)
    release = threading.Event()
    real_lint = linting.lint

    def slow_lint(text, **kwargs):
        release.wait(30)
        return real_lint(text, **kwargs)

    monkeypatch.setattr(linting, "lint", slow_lint)
    try:
        window.editor.insertPlainText("A long paste of words. " * 200)
        qtbot.waitUntil(lambda: window.word_count.text() == CHECKING, timeout=5_000)
        assert window.linter.busy
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.word_count.text() == "1000 words", timeout=REPORT_TIMEOUT_MS)
