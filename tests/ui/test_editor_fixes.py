"""Fixes where the text is: the context menu, the hover card, "Add link…", and Tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from tests.ui.conftest import wait_report
from tests.ui.test_main_window import type_text

pytestmark = pytest.mark.gui

PLAN = "Hi team,\n\nplease review the rollout plan by Friday 17:00 UTC.\n"
DOC = "Hi team,\n\nplease review the doc by Friday 17:00 UTC.\n"


def point_at(editor, offset):
    """Return the viewport point in the middle of the character at ``offset``."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(offset)
    left = editor.cursorRect(cursor)
    cursor.setPosition(offset + 1)
    right = editor.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def open_menu(qtbot, editor, offset):
    """Right-click the character at ``offset`` and return the menu that opens."""
    point = point_at(editor, offset)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              editor.viewport().mapToGlobal(point))  # fmt: skip
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: editor.context_menu is not None and editor.context_menu.isVisible())
    return editor.context_menu


def hover(qtbot, editor, offset):
    """Rest the mouse on the character at ``offset`` (the tooltip event) and return the card."""
    point = editor.viewport().mapTo(editor, point_at(editor, offset))
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.mapToGlobal(point))
    QApplication.sendEvent(editor, event)
    qtbot.waitUntil(editor.hover_card.isVisible)
    return editor.hover_card


def texts(actions):
    return [a.text() for a in actions if not a.isSeparator()]


def test_the_context_menu_offers_the_fix_first_and_it_edits_the_text(qtbot, window):
    type_text(qtbot, window, PLAN)
    menu = open_menu(qtbot, window.editor, PLAN.index("Friday") + 2)
    actions = menu.actions()
    assert texts(actions)[:2] == ["Replace with “Fri 4 Dec, 17:00 UTC”", "Ignore here"] or (
        texts(actions)[0].startswith("Replace with “") and texts(actions)[1] == "Ignore here"
    )
    assert actions[2].isSeparator()
    assert any("Copy" in t for t in texts(actions)[3:])  # Qt's own actions stay, below
    fix = actions[0]
    menu.hide()
    report = wait_report(qtbot, window, action=fix.trigger)
    fixed = window.editor.toPlainText()
    assert "Friday 17:00 UTC" not in fixed and "17:00 UTC." in fixed
    assert "deadline.relative" not in {f.rule for f in report.findings}
    window.editor.undo()
    assert window.editor.toPlainText() == PLAN


def test_several_findings_at_the_spot_are_each_labelled(qtbot, window):
    text = "Hi team,\n\nplease review it by Friday 5pm.\n"
    type_text(qtbot, window, text)
    menu = open_menu(qtbot, window.editor, text.index("Friday") + 1)
    shown = texts(menu.actions())
    ours = shown[: shown.index("Ignore here", shown.index("Ignore here") + 1) + 1]
    headings = [a.text() for a in menu.actions()[: len(ours) + 1] if not a.isEnabled()]
    assert len(headings) == 2
    assert "has no time zone" in headings[0] and "depends on when it is read" in headings[1]
    assert shown[0] == headings[0] and shown[1].startswith("Replace with")
    menu.hide()


def test_ignore_here_on_the_menu_hides_the_finding(qtbot, window):
    type_text(qtbot, window, DOC)
    menu = open_menu(qtbot, window.editor, DOC.index("the doc") + 4)
    assert texts(menu.actions())[:2] == ["Add link…", "Ignore here"]
    ignore = menu.actions()[1]
    menu.hide()
    ignore.trigger()
    assert "links.unlinked-reference" not in {f.rule for f in window.open_findings}
    assert window.editor.hasFocus()


def test_the_hover_card_shows_the_message_and_its_button_applies_the_fix(qtbot, window):
    type_text(qtbot, window, PLAN)
    card = hover(qtbot, window.editor, PLAN.index("Friday") + 2)
    assert [b.text() for b in card.buttons][-1] == "Ignore here"
    assert card.buttons[0].text().startswith("Replace with")
    messages = [label.text() for label in card.findChildren(QLabel)]
    assert any(m.startswith("“Friday 17:00 UTC” depends on when it is read") for m in messages)
    assert not any("deadline.relative" in m for m in messages)  # plain words, no rule ids
    report = wait_report(qtbot, window, action=lambda: qtbot.mouseClick(
        card.buttons[0], Qt.MouseButton.LeftButton))  # fmt: skip
    assert not card.isVisible()
    assert "Friday 17:00 UTC" not in window.editor.toPlainText()
    assert "deadline.relative" not in {f.rule for f in report.findings}


def test_the_hover_card_closes_on_esc_and_stays_off_the_underline_elsewhere(qtbot, window):
    type_text(qtbot, window, PLAN)
    card = hover(qtbot, window.editor, PLAN.index("Friday") + 2)
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not card.isVisible()
    assert window.editor.toPlainText() == PLAN  # Esc only closed the card
    point = window.editor.viewport().mapTo(window.editor, point_at(window.editor, 2))  # "Hi"
    QApplication.sendEvent(window.editor, QHelpEvent(QEvent.Type.ToolTip, point,
                                                     window.editor.mapToGlobal(point)))  # fmt: skip
    assert not card.isVisible()


def test_add_link_takes_the_url_from_the_clipboard_and_writes_a_markdown_link(qtbot, window):
    type_text(qtbot, window, DOC)
    QApplication.clipboard().setText("https://docs.example.com/rollout")
    menu = open_menu(qtbot, window.editor, DOC.index("the doc") + 4)
    add_link = menu.actions()[0]
    assert add_link.text() == "Add link…"
    menu.hide()
    add_link.trigger()
    dialog = window.editor_fixes.link_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.field.text() == "https://docs.example.com/rollout"
    report = wait_report(
        qtbot, window, action=lambda: qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    )
    assert window.editor.toPlainText() == DOC.replace(
        "the doc", "[the doc](https://docs.example.com/rollout)"
    )
    assert "links.unlinked-reference" not in {f.rule for f in report.findings}
    window.editor.undo()
    assert window.editor.toPlainText() == DOC  # one undo step


def test_add_link_without_a_url_on_the_clipboard_waits_for_one(qtbot, window):
    type_text(qtbot, window, DOC)
    QApplication.clipboard().setText("not a link")
    dialog = window.editor_fixes.ask_for_link(
        next(f for f in window.open_findings if f.rule == "links.unlinked-reference")
    )
    qtbot.waitUntil(dialog.isVisible)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.field.text() == "" and not ok.isEnabled()
    qtbot.keyClicks(dialog.field, "https://x.example/doc")
    assert ok.isEnabled()
    wait_report(qtbot, window, action=lambda: qtbot.mouseClick(ok, Qt.MouseButton.LeftButton))
    assert "[the doc](https://x.example/doc)" in window.editor.toPlainText()


def test_tab_indents_a_list_item_and_shift_tab_outdents_it(qtbot, window):
    keys = "Plan:\n- first\n- second"
    for i, line in enumerate(keys.split("\n")):
        if i:
            qtbot.keyClick(window.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(window.editor, line)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.toPlainText() == "Plan:\n- first\n  - second"
    assert window.editor.hasFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.toPlainText() == "Plan:\n- first\n- second"


def test_tab_in_prose_moves_the_focus_out_and_types_a_tab_only_in_code(qtbot, window):
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    qtbot.keyClicks(window.editor, "Some prose")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.toPlainText() == "Some prose"
    qtbot.waitUntil(lambda: not window.editor.hasFocus())
    window.editor.setPlainText("```\ncode\n```")
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    cursor = window.editor.textCursor()
    cursor.setPosition(4)  # the start of "code"
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.toPlainText() == "```\n\tcode\n```"
