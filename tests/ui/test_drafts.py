"""Drafts in the window: autosave, session restore, the sidebar, import/export and faults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from asyncwriter.storage import Store, new_id, store_file
from asyncwriter.ui.draft_keeper import MAX_DELAY_MS
from asyncwriter.ui.main_window import MainWindow

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def stored(draft_id: str) -> str:
    """Read a draft's body straight from the file, as another process would."""
    store = Store.open(store_file()).store
    try:
        return store.get(draft_id).body
    finally:
        store.close()


def seed(*bodies: str, template_id: str | None = None) -> list[str]:
    """Store drafts before the window opens, oldest first; return their ids."""
    store = Store.open(store_file()).store
    ids = []
    for n, body in enumerate(bodies):
        draft_id = new_id()
        store.save(draft_id, body, template_id=template_id, now=T0 + timedelta(hours=n))
        ids.append(draft_id)
    store.close()
    return ids


def open_window(qtbot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        win.show()
    return win


def close_window(win: MainWindow) -> None:
    assert win.close()  # closing saves and shuts the checks, export and store down


def titles(win: MainWindow) -> list[str]:
    return [win.sidebar.display_title(row) for row in win.sidebar.model.rows]


def reload(qtbot, win: MainWindow, action=None) -> None:
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        (action or win.sidebar.reload)()


# -- autosave and restore ---------------------------------------------------------------


def test_typing_is_saved_soon_after_without_any_command(qtbot, window):
    with qtbot.waitSignal(window.keeper.saved, timeout=MAX_DELAY_MS + 2_000):
        QTest.keyClicks(window.editor, "Subject: Cobalt status")
    assert stored(window.keeper.draft_id) == "Subject: Cobalt status"
    assert not window.keeper.dirty
    assert window.windowTitle() == "Cobalt status — AsyncWriter"


@pytest.mark.slow
def test_a_long_burst_of_typing_is_saved_before_it_ends(qtbot, window):
    saves = []
    window.keeper.saved.connect(lambda saved, text: saves.append(text))
    for n in range(60):  # 60 keys, 25 ms apart: 1.5 s with no pause long enough to be idle
        QTest.keyClicks(window.editor, "ab"[n % 2])
        qtbot.wait(25)
    assert saves, "nothing was saved during 1.5 s of typing"
    assert len(saves[0]) < 60


def test_focus_leaving_the_window_saves_at_once(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClicks(window.editor, "half a thought")
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(window.keeper.saved, timeout=2_000):
        other.activateWindow()
    assert not window.keeper.idle.isActive()  # saved by the focus change, not the timer


def test_the_open_draft_and_cursor_come_back_after_a_restart(qtbot):
    first = open_window(qtbot)
    first.editor.setPlainText("Subject: Restart me\n\nSecond paragraph here.")
    cursor = first.editor.textCursor()
    cursor.setPosition(12)
    first.editor.setTextCursor(cursor)
    draft_id = first.keeper.draft_id
    close_window(first)
    second = open_window(qtbot)
    qtbot.waitUntil(lambda: second.keeper.draft_id == draft_id, timeout=5_000)
    assert second.editor.toPlainText() == "Subject: Restart me\n\nSecond paragraph here."
    assert second.editor.textCursor().position() == 12
    assert second.sidebar.model.current_id == draft_id
    close_window(second)


def test_a_blank_new_draft_is_not_stored(qtbot, window):
    window.start_draft(None)
    window.keeper.flush()
    window.store.wait()
    reload(qtbot, window)
    assert window.sidebar.model.rows == []


def test_a_template_draft_is_stored_even_before_typing(qtbot, window):
    with qtbot.waitSignal(window.keeper.saved, timeout=3_000):
        window.start_draft(window.catalog.get("incident-report"))
    reload(qtbot, window)
    assert titles(window) == ["Untitled incident report"]


# -- the sidebar -----------------------------------------------------------------------


def test_the_list_is_newest_first_and_opens_a_draft_with_its_template(qtbot):
    seed("Subject: Oldest\n\nbody", "Subject: Middle\n\nbody", template_id="status-update")
    win = open_window(qtbot)
    assert titles(win) == ["Middle", "Oldest"]
    assert win.sidebar.status.text() == "2 drafts"
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        rect = win.sidebar.list.visualRect(win.sidebar.model.index(1))
        QTest.mouseClick(win.sidebar.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())  # fmt: skip
    assert win.editor.toPlainText() == "Subject: Oldest\n\nbody"
    assert win.template is not None and win.template.id == "status-update"
    assert win.windowTitle() == "Oldest — AsyncWriter"
    close_window(win)


def test_search_finds_drafts_by_any_words_in_them(qtbot):
    seed("Subject: Gateway outage\n\nThe API gateway returned 502s.",
         "Subject: Hiring update\n\nTwo offers out.")  # fmt: skip
    win = open_window(qtbot)
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        QTest.keyClicks(win.sidebar.search, "gatew 502")
    assert titles(win) == ["Gateway outage"]
    assert win.sidebar.subtitle(win.sidebar.model.rows[0]).startswith(
        "Subject: Gateway outage The API gateway returned 502s. · "
    )
    assert win.sidebar.status.text() == "1 found"
    with qtbot.waitSignal(win.sidebar.listed, timeout=5_000):
        win.sidebar.search.clear()
    assert len(titles(win)) == 2
    close_window(win)


def test_ctrl_shift_f_goes_to_the_search_box(qtbot, window):
    QTest.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert window.sidebar.search.hasFocus()


def test_rename_in_place_and_back_to_the_derived_title(qtbot):
    (draft_id,) = seed("Subject: Derived title\n")
    win = open_window(qtbot)
    model = win.sidebar.model
    reload(qtbot, win, lambda: model.setData(model.index(0), "  My own   name "))
    assert titles(win) == ["My own name"]
    reload(qtbot, win, lambda: model.setData(model.index(0), ""))
    assert titles(win) == ["Derived title"]
    close_window(win)


def test_duplicate_opens_a_copy(qtbot):
    (draft_id,) = seed("Subject: Plan\n\nSteps.")
    win = open_window(qtbot)
    with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
        win.sidebar.duplicate(draft_id)
    assert win.keeper.draft_id != draft_id
    assert win.editor.toPlainText() == "Subject: Plan\n\nSteps."
    reload(qtbot, win)
    assert sorted(titles(win)) == ["Plan", "Plan (copy)"]
    close_window(win)


def test_trash_and_restore_the_open_draft(qtbot, window):
    with qtbot.waitSignal(window.keeper.saved, timeout=3_000):
        window.editor.setPlainText("Subject: Throw me away")
    draft_id = window.keeper.draft_id
    reload(qtbot, window, lambda: window.sidebar.trash(draft_id))
    assert window.keeper.draft_id != draft_id
    assert window.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: titles(window) == [])
    assert "trash" in window.undo_notice.label.text()
    assert window.windowTitle() == "New draft — AsyncWriter"
    reload(qtbot, window, lambda: window.sidebar.trash_button.setChecked(True))
    assert titles(window) == ["Throw me away"]
    assert "gone in 30 days" in window.sidebar.subtitle(window.sidebar.model.rows[0])
    with qtbot.waitSignal(window.keeper.loaded, timeout=5_000):
        window.sidebar.restore(draft_id, open_it=True)
    assert window.editor.toPlainText() == "Subject: Throw me away"
    assert not window.sidebar.showing_trash


def answer_when_asked(qtbot, press: str, seen: list[str]) -> None:
    """When the confirmation box opens: note its text, then press Enter or a named button."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        if press == "Enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            (button,) = [b for b in box.buttons() if b.text() == press]
            button.click()

    QTimer.singleShot(0, answer)


def test_delete_forever_asks_first_and_enter_keeps_the_draft(qtbot, window):
    (draft_id,) = seed("Subject: Gone")
    store = Store.open(store_file()).store
    store.trash(draft_id)
    store.close()
    reload(qtbot, window, lambda: window.sidebar.trash_button.setChecked(True))
    seen: list[str] = []
    answer_when_asked(qtbot, "Enter", seen)  # the default is Cancel: nothing is deleted
    window.sidebar.delete_forever(draft_id)
    window.store.wait()
    assert stored(draft_id) == "Subject: Gone"
    assert seen[0].startswith("“Gone” and its copy history will be deleted for good.")
    answer_when_asked(qtbot, "Delete for Good", seen)
    reload(qtbot, window, lambda: window.sidebar.delete_forever(draft_id))
    with pytest.raises(KeyError):
        stored(draft_id)


def test_emptying_the_trash_defaults_to_cancel_and_says_how_many(qtbot, window):
    ids = seed("Subject: One", "Subject: Two")
    store = Store.open(store_file()).store
    for draft_id in ids:
        store.trash(draft_id)
    store.close()
    reload(qtbot, window, lambda: window.sidebar.trash_button.setChecked(True))
    seen: list[str] = []
    answer_when_asked(qtbot, "Enter", seen)
    window.sidebar.empty_trash()
    window.store.wait()
    assert [stored(i) for i in ids] == ["Subject: One", "Subject: Two"]
    assert seen[0].startswith("The 2 drafts in the trash will be deleted for good.")
    with qtbot.waitSignal(window.sidebar.listed, timeout=5_000):
        qtbot.keyClicks(window.sidebar.search, "One")  # a search shows one of the two
    answer_when_asked(qtbot, "Enter", seen)
    window.sidebar.empty_trash()
    assert seen[-1].startswith("The 2 drafts")  # all of them go, and it says so
    answer_when_asked(qtbot, "Empty Trash", seen)
    reload(qtbot, window, window.sidebar.empty_trash)
    for draft_id in ids:
        with pytest.raises(KeyError):
            stored(draft_id)


def test_the_sidebar_can_be_hidden_and_stays_hidden(qtbot):
    win = open_window(qtbot)
    win.sidebar_action.trigger()
    assert win.sidebar.isHidden()
    close_window(win)
    again = open_window(qtbot)
    assert again.sidebar.isHidden()
    close_window(again)


# -- files ---------------------------------------------------------------------------------


def test_import_a_markdown_file_as_a_new_draft_and_export_it_back(qtbot, window, tmp_path):
    source = tmp_path / "incident.md"
    source.write_text("<!-- asyncwriter template: incident-report -->\nSubject: DB failover\n\n"
                      "Impact: writes failed for 4 minutes.\r\n", encoding="utf-8")  # fmt: skip
    with qtbot.waitSignal(window.keeper.loaded, timeout=5_000):
        window.import_file(source)
    assert window.editor.toPlainText().endswith("writes failed for 4 minutes.\n")
    assert window.template is not None and window.template.id == "incident-report"
    target = tmp_path / "out.md"
    assert window.export_file(target)
    assert target.read_text(encoding="utf-8") == window.editor.toPlainText()


def test_importing_a_binary_file_says_why_and_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    path = tmp_path / "photo.md"
    path.write_bytes(b"\x89PNG\x00\x00")
    window.import_file(path)
    assert "binary" in warnings[0]
    assert window.editor.toPlainText() == ""


# -- faults ------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_store_that_cannot_be_opened_is_reported_and_typing_goes_on(qtbot, tmp_path):
    blocker = tmp_path / "data" / "asyncwriter"
    blocker.write_text("a file where the data folder should be")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5_000)
    assert "cannot create the folder" in win.banner.message.text()
    QTest.keyClicks(win.editor, "still typing")
    qtbot.wait(MAX_DELAY_MS + 300)
    assert win.keeper.dirty
    assert win.editor.toPlainText() == "still typing"

    blocker.unlink()  # the writer frees the folder and presses Try Again
    with qtbot.waitSignal(win.keeper.saved, timeout=5_000):
        win.banner.retry_button.click()
    assert not win.banner.isVisible()
    assert stored(win.keeper.draft_id) == "still typing"
    close_window(win)


def test_quitting_with_unsaved_text_asks_first(qtbot, tmp_path):
    (tmp_path / "data" / "asyncwriter").write_text("blocked")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5_000)
    QTest.keyClicks(win.editor, "precious")
    asked = []
    win._confirm_quit = lambda: asked.append(True) or False
    assert not win.close()
    assert asked and win.isVisible()
    win._confirm_quit = lambda: True
    assert win.close()


def test_a_damaged_store_is_moved_aside_and_said_so(qtbot, tmp_path):
    path = store_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage, not SQLite" * 50)
    win = open_window(qtbot)
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5_000)
    assert "moved to" in win.banner.message.text()
    assert list(path.parent.glob("drafts.sqlite3.damaged-*"))
    with qtbot.waitSignal(win.keeper.saved, timeout=3_000):
        QTest.keyClicks(win.editor, "fresh start")
    close_window(win)


def test_two_windows_editing_one_draft_keep_both_texts(qtbot):
    (draft_id,) = seed("Subject: Shared\n\nbase")
    first = open_window(qtbot)
    second = open_window(qtbot)
    for win in (first, second):
        with qtbot.waitSignal(win.keeper.loaded, timeout=5_000):
            win.open_draft(draft_id)
    with qtbot.waitSignal(second.keeper.saved, timeout=3_000):
        second.editor.setPlainText("Subject: Shared\n\nsecond window's text")
    with qtbot.waitSignal(first.keeper.forked, timeout=3_000):
        first.editor.setPlainText("Subject: Shared\n\nfirst window's text")
    assert first.keeper.draft_id != draft_id
    assert stored(draft_id) == "Subject: Shared\n\nsecond window's text"
    qtbot.waitUntil(lambda: not first.keeper.dirty, timeout=3_000)
    assert stored(first.keeper.draft_id) == "Subject: Shared\n\nfirst window's text"
    assert "another window" in first.banner.message.text()
    for win in (first, second):
        close_window(win)
    store = Store.open(store_file()).store
    assert store.integrity_check() == "ok"
    store.close()
