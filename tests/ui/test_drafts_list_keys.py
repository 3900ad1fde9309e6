"""The drafts list by keyboard and mouse: trash and undo, the next draft, the trash preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from asyncwriter.storage import Store, store_file
from asyncwriter.ui.drafts_sidebar import TRASH_SHORTCUT, neighbour
from tests.ui.test_drafts import close_window, open_window, reload, seed, titles

CTRL = Qt.KeyboardModifier.ControlModifier


def trashed_ids() -> set[str]:
    store = Store.open(store_file()).store
    try:
        return {row.id for row in store.drafts(trashed=True)}
    finally:
        store.close()


def click_row(qtbot, win, row: int, *, wait_load: bool = True) -> None:
    """Click a row of the list with the mouse (and wait for its draft to load)."""
    view = win.sidebar.list
    rect = view.visualRect(win.sidebar.model.index(row))
    if not wait_load:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def activate(qtbot, win) -> None:
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)


def open_at_row(qtbot, row: int, *bodies: str):
    """Open a window over ``bodies`` (the last is listed first) and click ``row``."""
    seed(*bodies)
    win = open_window(qtbot)
    activate(qtbot, win)
    click_row(qtbot, win, row)
    return win


def trash_row(qtbot, row: int, *bodies: str):
    """Open a window over ``bodies``, click ``row`` and press Delete; return the window."""
    win = open_at_row(qtbot, row, *bodies)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.keyClick(win.sidebar.list, Qt.Key.Key_Delete)
    return win


def test_neighbour_is_the_next_row_or_the_one_above_the_last():
    assert neighbour(["a", "b", "c"], "a") == "b"
    assert neighbour(["a", "b", "c"], "b") == "c"
    assert neighbour(["a", "b", "c"], "c") == "b"
    assert neighbour(["a"], "a") is None
    assert neighbour(["a", "b"], "x") is None


def test_delete_in_the_list_trashes_the_clicked_draft_and_ctrl_z_brings_it_back(qtbot):
    seed("Subject: Third\n\nc", "Subject: Second\n\nb", "Subject: First\n\na")
    win = open_window(qtbot)
    activate(qtbot, win)
    assert titles(win) == ["First", "Second", "Third"]
    click_row(qtbot, win, 1)
    second = win.keeper.draft_id
    assert win.editor.toPlainText() == "Subject: Second\n\nb"
    assert win.sidebar.list.hasFocus(), "a click must leave the keyboard in the list"

    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.keyClick(win.sidebar.list, Qt.Key.Key_Delete)
    assert win.editor.toPlainText() == "Subject: Third\n\nc"  # the next one, not a blank draft
    assert trashed_ids() == {second}
    qtbot.waitUntil(lambda: titles(win) == ["First", "Third"])
    assert win.windowTitle() == "Third — AsyncWriter"
    assert win.sidebar.selected_id() == win.keeper.draft_id
    assert win.undo_notice.isVisible() and "“Second”" in win.undo_notice.label.text()
    assert win.sidebar.list.hasFocus()

    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.keyClick(win.sidebar.list, Qt.Key.Key_Z, CTRL)
    assert win.keeper.draft_id == second
    assert win.editor.toPlainText() == "Subject: Second\n\nb"
    assert trashed_ids() == set()
    qtbot.waitUntil(lambda: titles(win) == ["First", "Second", "Third"])
    assert win.sidebar.selected_id() == second
    assert win.windowTitle() == "Second — AsyncWriter"
    assert "Restored “Second”" in win.statusBar().currentMessage()
    close_window(win)


def test_the_undo_button_in_the_status_bar_restores_the_draft(qtbot):
    (only,) = seed("Subject: Only one\n\nx")
    win = open_window(qtbot)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        win.open_draft(only)
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        win.sidebar.trash_open()
    qtbot.waitUntil(lambda: titles(win) == [])
    assert win.editor.toPlainText() == ""  # nothing left: a blank draft
    assert win.windowTitle() == "New draft — AsyncWriter"
    qtbot.waitUntil(win.undo_notice.button.isVisible)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.mouseClick(win.undo_notice.button, Qt.MouseButton.LeftButton)
    assert win.keeper.draft_id == only
    assert win.windowTitle() == "Only one — AsyncWriter"
    assert not win.undo_notice.isVisible()
    close_window(win)


def test_trashing_the_last_row_opens_the_one_above(qtbot):
    win = trash_row(qtbot, 1, "Subject: Old\n\nb", "Subject: New\n\na")
    assert win.editor.toPlainText() == "Subject: New\n\na"
    close_window(win)


def test_move_to_trash_is_in_the_file_menu_and_works_from_the_editor(qtbot):
    win = open_at_row(qtbot, 0, "Subject: Keep\n\nb", "Subject: Bin me\n\na")
    doomed = win.keeper.draft_id
    file_menu = win.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "Move Draft to &Trash")
    assert action.shortcut() == QKeySequence(TRASH_SHORTCUT)
    win.editor.setFocus()
    QTest.keyClick(win.editor, Qt.Key.Key_End, CTRL)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.keyClick(win.editor, Qt.Key.Key_Delete, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert trashed_ids() == {doomed}
    assert win.editor.toPlainText() == "Subject: Keep\n\nb"
    assert win.editor.hasFocus()
    close_window(win)


def test_a_click_in_the_trash_previews_and_restore_is_a_button(qtbot):
    (gone,) = seed("Subject: In the bin\n\nthe whole text")
    store = Store.open(store_file()).store
    store.trash(gone)
    store.close()
    win = open_window(qtbot)
    reload(qtbot, win, lambda: win.sidebar.trash_button.setChecked(True))
    assert titles(win) == ["In the bin"]
    preview = win.sidebar.preview
    click_row(qtbot, win, 0, wait_load=False)
    qtbot.waitUntil(preview.isVisible)
    assert preview.text.toPlainText() == "Subject: In the bin\n\nthe whole text"
    assert preview.text.isReadOnly()
    assert "gone in 30 days" in preview.info.text()
    assert trashed_ids() == {gone}  # looking did not restore it
    assert win.keeper.draft_id != gone
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.mouseClick(preview.restore_button, Qt.MouseButton.LeftButton)
    assert trashed_ids() == set()
    assert win.editor.toPlainText() == "Subject: In the bin\n\nthe whole text"
    assert not win.sidebar.showing_trash
    assert win.windowTitle() == "In the bin — AsyncWriter"
    close_window(win)


def test_escape_clears_the_search_then_returns_to_the_editor(qtbot):
    seed("Subject: Alpha\n\na", "Subject: Beta\n\nb")
    win = open_window(qtbot)
    activate(qtbot, win)
    search = win.sidebar.search
    QTest.keyClick(win, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        QTest.keyClicks(search, "zzz")
    assert titles(win) == []
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        QTest.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert titles(win) == ["Beta", "Alpha"]
    assert search.hasFocus()
    QTest.keyClick(search, Qt.Key.Key_Escape)
    assert win.editor.hasFocus()
    close_window(win)


def test_the_highlight_follows_the_open_draft(qtbot):
    first, second = seed("Subject: One\n\na", "Subject: Two\n\nb")
    win = open_window(qtbot)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        win.open_draft(first)  # opened another way than the list (Copy History, say)
    assert win.sidebar.selected_id() == first
    assert win.sidebar.model.current_id == first
    win.start_draft(None)
    assert win.sidebar.selected_id() is None
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        win.open_draft(second)
    assert win.sidebar.selected_id() == second
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        QTest.keyClicks(win.sidebar.search, "two")
    assert titles(win) == ["Two"]
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        win.open_draft(first)  # not in the list the search shows: no row may look open
    assert win.sidebar.selected_id() is None
    close_window(win)


def test_the_highlight_stays_on_the_open_draft_when_a_save_moves_it_to_the_top(qtbot):
    win = open_at_row(qtbot, 1, "Subject: Lower\n\nb", "Subject: Upper\n\na")
    lower = win.keeper.draft_id
    assert win.sidebar.selected_id() == lower
    win.editor.setFocus()
    win.editor.moveCursor(win.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(win.keeper.saved, timeout=10_000):
        QTest.keyClicks(win.editor, "x")
    assert titles(win) == ["Lower", "Upper"]  # newest first
    assert win.sidebar.selected_id() == lower  # the highlight moved with it
    win.sidebar.list.setFocus()
    QTest.keyClick(win.sidebar.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: lower in trashed_ids())
    assert trashed_ids() == {lower}  # Delete trashes the open draft, not the other one
    close_window(win)


def test_arrow_keys_open_the_draft_and_keep_the_keyboard_in_the_list(qtbot):
    seed("Subject: Lower\n\nb", "Subject: Upper\n\na")
    win = open_window(qtbot)
    activate(qtbot, win)
    click_row(qtbot, win, 0)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.keyClick(win.sidebar.list, Qt.Key.Key_Down)
    assert win.editor.toPlainText() == "Subject: Lower\n\nb"
    assert win.sidebar.list.hasFocus()
    QTest.keyClick(win.sidebar.list, Qt.Key.Key_Return)
    assert win.editor.hasFocus()
    close_window(win)


def test_ctrl_z_in_the_editor_after_trashing_brings_the_draft_back(qtbot):
    (only,) = seed("Subject: Only one\n\nx")
    win = open_window(qtbot)
    activate(qtbot, win)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        win.open_draft(only)
    win.editor.setFocus()
    qtbot.waitUntil(win.editor.hasFocus)
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        QTest.keySequence(win.editor, QKeySequence(TRASH_SHORTCUT))
    qtbot.waitUntil(lambda: titles(win) == [])
    assert win.editor.toPlainText() == ""
    # The blank draft that opened is not stored, so the status bar does not say "Saving…".
    assert win.status_line.save_status.text() == ""
    win.editor.setFocus()
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        QTest.keyClick(win.editor, Qt.Key.Key_Z, CTRL)
    assert win.keeper.draft_id == only
    assert trashed_ids() == set()
    close_window(win)


def test_ctrl_z_in_the_editor_undoes_typing_before_it_reaches_the_trash(qtbot):
    (only,) = seed("Subject: Only one\n\nx")
    win = open_window(qtbot)
    activate(qtbot, win)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        win.open_draft(only)
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        win.sidebar.trash_open()
    win.editor.setFocus()
    QTest.keyClicks(win.editor, "new")
    QTest.keyClick(win.editor, Qt.Key.Key_Z, CTRL)
    assert win.editor.toPlainText() == ""  # the typing went first
    assert only in trashed_ids()
    close_window(win)


def test_undo_after_the_trash_was_emptied_says_so_instead_of_failing(qtbot):
    from tests.ui.test_drafts import answer_when_asked

    win = trash_row(qtbot, 0, "Subject: Keep\n\nk", "Subject: Drop\n\nd")
    assert win.undo_notice.offered
    answer_when_asked(qtbot, "Empty Trash", [])
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        win.sidebar.empty_trash()
    win.store.wait()
    win.undo_notice.button.click()
    qtbot.waitUntil(lambda: "no longer in the trash" in win.statusBar().currentMessage())
    assert "Error" not in win.statusBar().currentMessage()
    close_window(win)
