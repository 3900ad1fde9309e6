"""The findings panel as a fix queue, driven in the real window by keyboard and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from asyncwriter import settings
from asyncwriter.ui.finding_card import FindingCard
from asyncwriter.ui.fix_queue import step_from
from tests.ui.conftest import wait_report

pytestmark = pytest.mark.gui

MESSAGE = "Hi team,\n\nplease review the doc by Friday 5pm.\n"
UNLINKED = "links.unlinked-reference"


def show_message(qtbot, win, text=MESSAGE):
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(text))
    win.editor.setFocus()
    qtbot.waitUntil(win.editor.hasFocus)
    return report


def card_of(win, rule):
    return next(c for c in win.findings.cards() if c.finding.rule == rule)


def spans(win):
    """The open findings' texts in the order of the text (what F8 walks through)."""
    text = win.editor.toPlainText()
    ordered = sorted(win.open_findings, key=lambda f: (f.start, f.end))
    return [text[f.start : f.end] for f in ordered]


def selected_text(win):
    return win.editor.textCursor().selectedText()


def test_f8_selects_the_next_findings_span_from_the_cursor(qtbot, window):
    show_message(qtbot, window)
    order = spans(window)
    assert order[0] == "the doc" and "Friday 5pm" in order
    qtbot.keyClick(window.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert selected_text(window) == "the doc"
    assert window.findings.current_finding().rule == UNLINKED
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert selected_text(window) == "Friday 5pm"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert selected_text(window) == "the doc"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert selected_text(window) == "Friday 5pm", "Shift+F8 wraps around to the last one"


def test_f8_works_from_the_drafts_search_and_goes_to_the_editor(qtbot, window):
    show_message(qtbot, window)
    qtbot.keyClick(window.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    search = window.sidebar.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, Qt.Key.Key_F8)
    assert selected_text(window) == "the doc"
    assert QApplication.focusWidget() is window.editor
    assert search.text() == ""


def test_after_ignore_the_editor_keeps_focus_and_the_next_finding_is_selected(qtbot, window):
    show_message(qtbot, window)
    queue = [c.finding for c in window.findings.cards()]
    assert len(queue) >= 3
    first = window.findings.cards()[0]
    qtbot.mouseClick(first.ignore_button, Qt.MouseButton.LeftButton)
    assert queue[0] not in window.open_findings
    assert QApplication.focusWidget() is window.editor
    assert window.findings.current_finding() == queue[1]
    text = window.editor.toPlainText()
    assert selected_text(window) == text[queue[1].start : queue[1].end]
    qtbot.keyClicks(window.editor, "X")  # typing goes to the draft, not to a search box
    assert "X" in window.editor.toPlainText()


def test_after_a_fix_from_the_keyboard_focus_stays_in_the_queue(qtbot, window):
    show_message(qtbot, window)
    card = card_of(window, "deadline.no-timezone")
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)
    qtbot.keyClick(card, Qt.Key.Key_Tab)
    fix = card.fix_buttons[0]
    assert QApplication.focusWidget() is fix
    wait_report(qtbot, window, action=lambda: qtbot.keyClick(fix, Qt.Key.Key_Space))
    focused = QApplication.focusWidget()
    assert focused is not None and window.findings.isAncestorOf(focused)
    current = window.findings.current_finding()
    assert current is not None and current.rule != "deadline.no-timezone"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # "EOD tomorrow" has no zone (error) and depends on the day (warning): one fix
        # settles both; the queue goes on to "The doc", not past it to the ticket.
        ("Team, please decide by EOD tomorrow.\n\nThe doc lists the three blockers.\n\n"
         "The ticket has the rest.\n", "deadline.relative"),
        # Errors come first in the queue: after the fixed error the next card is "The doc",
        # above it in the text (its place does not move), not the ticket further down.
        ("The doc lists the three blockers.\n\nTeam, please decide by EOD tomorrow.\n\n"
         "The ticket has the rest.\n", "deadline.no-timezone"),
    ],
)  # fmt: skip
def test_after_a_fix_the_queue_goes_on_to_the_finding_that_followed(qtbot, window, text, fixed):
    show_message(qtbot, window, text)
    card = card_of(window, fixed)
    wait_report(qtbot, window, action=lambda: card.fix_buttons[0].click())
    qtbot.waitUntil(lambda: window.findings.current_finding() is not None)
    assert window.findings.current_finding().rule == UNLINKED
    assert selected_text(window) == "The doc"


def open_menu_and_turn_off(qtbot, win, card):
    """Open the card's ⋯ menu with the mouse, choose Turn Off, confirm in the dialog."""

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is card.menu
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(100, choose)
    qtbot.mouseClick(card.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "every draft" in box.text()
    confirm = next(b for b in box.buttons() if b.text() == "Turn Off")
    return wait_report(qtbot, win,
                       action=lambda: qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton))  # fmt: skip


def test_turn_off_rule_is_undone_with_ctrl_z_in_the_editor(qtbot, window):
    show_message(qtbot, window)
    report = open_menu_and_turn_off(qtbot, window, card_of(window, UNLINKED))
    assert settings.load().rules[UNLINKED] is None
    assert UNLINKED not in {f.rule for f in report.findings}
    assert window.rule_off.notice.isVisible()
    assert "Undo" in window.rule_off.notice.button.text()
    window.activateWindow()  # offscreen gives the window no activation back after a dialog
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    text = window.editor.toPlainText()
    report = wait_report(qtbot, window, action=lambda: qtbot.keyClick(
        window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))  # fmt: skip
    assert UNLINKED not in settings.load().rules
    assert UNLINKED in {f.rule for f in report.findings}
    assert window.editor.toPlainText() == text, "the text was not undone"


def test_undo_after_typing_takes_back_the_typing_first(qtbot, window):
    show_message(qtbot, window)
    window.editor.setPlainText(MESSAGE)  # no text undo history before the turn-off
    wait_report(qtbot, window)
    window.finding_actions.turn_off_rule(card_of(window, UNLINKED).finding)
    assert settings.load().rules[UNLINKED] is None
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor, "Thanks")
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == MESSAGE
    assert settings.load().rules[UNLINKED] is None, "the typing was the last action"
    edit_undo = next(a for a in window.menuBar().actions()[1].menu().actions()
                     if a.text() == "&Undo")  # fmt: skip
    edit_undo.trigger()
    assert UNLINKED not in settings.load().rules
    assert window.editor.toPlainText() == MESSAGE


def test_the_status_message_undo_button_turns_the_rule_back_on(qtbot, window):
    show_message(qtbot, window)
    window.finding_actions.turn_off_rule(card_of(window, UNLINKED).finding)
    notice = window.rule_off.notice
    assert notice.isVisible() and "Settings…." not in notice.label.text()
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert UNLINKED not in settings.load().rules
    assert not notice.isVisible()


def test_tab_order_on_a_card_is_the_fix_then_ignore(qtbot, window):
    show_message(qtbot, window)
    card = card_of(window, "deadline.no-timezone")
    fixes = [b for b in card.fix_buttons if not b.isHidden()]
    assert fixes and fixes[0].text().startswith("Replace with")
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)
    stops = []
    for _ in range(len(fixes) + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops == [*fixes, card.ignore_button]
    assert card.more_button.menu().actions()[0].text().startswith("Turn Off")


def test_arrow_keys_go_from_card_to_card_across_severity_groups(qtbot, window):
    show_message(qtbot, window)
    cards = window.findings.cards()
    assert len({c.finding.severity for c in cards}) > 1, "the message has two groups"
    cards[0].setFocus()
    qtbot.waitUntil(cards[0].hasFocus)
    visited = [cards[0]]
    text = window.editor.toPlainText()
    for card in cards[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        visited.append(QApplication.focusWidget())
        # Each card's words are shown in the editor as the keyboard reaches it.
        assert selected_text(window) == text[card.finding.start : card.finding.end]
    assert visited == cards
    assert all(isinstance(w, FindingCard) for w in visited)
    assert window.findings.current_finding() is cards[-1].finding
    text = window.editor.toPlainText()
    last = cards[-1].finding
    assert selected_text(window) == text[last.start : last.end]


def test_escape_on_a_card_goes_back_to_the_editor(qtbot, window):
    show_message(qtbot, window)
    card = window.findings.cards()[0]
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.editor.hasFocus)


def test_the_whole_message_is_on_the_card_wrapped(qtbot, window):
    show_message(qtbot, window)
    card = card_of(window, UNLINKED)
    assert card.message.wordWrap()
    assert card.message.text() == card.finding.message


def test_step_from_visits_findings_on_the_same_words_one_by_one(window):
    from asyncwriter.checks import Severity
    from asyncwriter.checks.model import Finding

    a = Finding("a.x", Severity.ERROR, 5, 9, "a")
    b = Finding("b.x", Severity.WARNING, 5, 9, "b")
    c = Finding("c.x", Severity.INFO, 20, 22, "c")
    assert step_from([c, b, a], 0, 0, None, 1) in (a, b)
    first = step_from([c, b, a], 0, 0, None, 1)
    second = step_from([c, b, a], 5, 9, first, 1)
    assert {first, second} == {a, b}
    assert step_from([c, b, a], 5, 9, second, 1) is c
    assert step_from([c, b, a], 21, 21, None, 1) in (a, b), "wraps to the first"


def test_a_link_cards_add_link_button_writes_the_clipboards_url(qtbot, window):
    show_message(qtbot, window)
    QApplication.clipboard().setText("https://docs.example.com/plan")
    card = card_of(window, UNLINKED)
    assert card.link_button.isVisibleTo(card)
    assert not card_of(window, "deadline.no-timezone").link_button.isVisibleTo(card)
    qtbot.mouseClick(card.link_button, Qt.MouseButton.LeftButton)
    dialog = window.editor_fixes.link_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.field.text() == "https://docs.example.com/plan"
    report = wait_report(
        qtbot, window, action=lambda: qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    )
    assert "[the doc](https://docs.example.com/plan)" in window.editor.toPlainText()
    assert UNLINKED not in {f.rule for f in report.findings}


def test_tab_reads_the_window_toolbar_chips_editor_then_the_findings(qtbot, window):
    show_message(qtbot, window)
    mail = window.exporter.toolbar.widgetForAction(window.exporter.mail_action)
    mail.setFocus()
    qtbot.waitUntil(mail.hasFocus)
    reached = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    chips = list(window.readiness.chips.values())
    assert reached[:5] == [*chips, window.editor]
    assert isinstance(reached[5], FindingCard)  # Tab in the editor's prose goes on to them
