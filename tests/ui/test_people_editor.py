"""Settings › Time › People: add, edit and remove people by keyboard, with the zone search."""

from __future__ import annotations

import re
import tomllib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from asyncwriter import paths, settings
from asyncwriter.team import known_words
from asyncwriter.ui.settings.dialog import SettingsDialog

pytestmark = pytest.mark.gui

TEAM = """\
# kept by hand
[time]
zone = "Europe/Berlin"

[[team.people]]
name = "Aiko"  # our lead
zone = "Tokyo"
email = "aiko@example.com"

[[team.people]]
name = "Bob"
zone = "Mars/Base"
"""


@pytest.fixture
def settings_file():
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEAM, encoding="utf-8")
    return path


@pytest.fixture
def dialog(qtbot, settings_file):
    opened = SettingsDialog(settings.load(settings_file))
    qtbot.addWidget(opened)
    with qtbot.waitExposed(opened):
        opened.open()
    opened.show_page("time")
    yield opened
    for box in opened.findChildren(QMessageBox):
        box.close()


def open_form(qtbot, editor, key: Qt.Key):
    """Press ``key`` in the people list (or Alt+P for Add person…) and return the form."""
    if key == Qt.Key.Key_P:
        qtbot.keyClick(editor.list, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    else:
        qtbot.keyClick(editor.list, key)
    qtbot.waitUntil(lambda: editor.form is not None and editor.form.isVisible())
    return editor.form


def type_into(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def press_ok(qtbot, form) -> None:
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)


def save(qtbot, dialog: SettingsDialog) -> settings.Settings:
    with qtbot.waitSignal(dialog.saved, timeout=3000) as blocker:
        dialog.save_button.click()
    return blocker.args[0]


def test_the_list_shows_name_zone_local_time_and_the_broken_person(dialog) -> None:
    editor = dialog.time_page.people
    texts = [editor.list.item(i).text() for i in range(editor.list.count())]
    assert re.fullmatch(r"Aiko · Tokyo · \d\d:\d\d (Mon|Tue|Wed|Thu|Fri|Sat|Sun)", texts[0])
    assert texts[1].startswith("Bob · not used: ")
    assert "Mars/Base" in texts[1]


def test_add_edit_remove_by_keyboard_then_save(qtbot, dialog, settings_file) -> None:
    editor = dialog.time_page.people
    editor.list.setFocus()

    form = open_form(qtbot, editor, Qt.Key.Key_P)  # Alt+P: Add person…
    assert form.focusWidget() is form.name
    qtbot.keyClicks(form.name, "Lena Vogel")
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.handle, "lena")
    qtbot.keyClick(form.handle, Qt.Key.Key_Tab)
    assert form.focusWidget() is form.zone_search
    qtbot.keyClicks(form.zone_search, "Germany")
    assert form.zone_matches.count() >= 2
    assert form.zone_matches.currentRow() == -1  # a country with two zones: asked, not guessed
    assert "UTC+0" in form.zone_matches.item(0).text()
    qtbot.keyClick(form.zone_search, Qt.Key.Key_Down)  # the first match: Europe/Berlin
    qtbot.keyClicks(form.hours, "25:00-19:00")
    qtbot.keyClicks(form.holidays, "de-by")
    press_ok(qtbot, form)
    hours_message = form.messages["hours"]
    assert form.isVisible()  # a bad hours value keeps the form open, and says why
    assert hours_message.isVisible()
    assert "25:00-19:00" in hours_message.text()
    assert form.focusWidget() is form.hours
    type_into(qtbot, form.hours, "08:00-16:00")
    press_ok(qtbot, form)
    qtbot.waitUntil(lambda: editor.form is None)
    assert editor.list.count() == 3
    assert editor.list.currentItem().text().startswith("Lena Vogel · Europe/Berlin · ")

    editor.list.setCurrentRow(0)
    form = open_form(qtbot, editor, Qt.Key.Key_Return)  # Enter edits
    assert form.name.text() == "Aiko"
    type_into(qtbot, form.zone_search, "JST")
    assert form.zone_matches.currentItem().text().startswith("Asia/Tokyo · UTC+09:00")
    qtbot.keyClicks(form.days, "Sun-Thu")
    press_ok(qtbot, form)
    qtbot.waitUntil(lambda: editor.form is None)

    editor.list.setCurrentRow(1)
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)  # Delete removes Bob
    assert editor.list.count() == 2

    saved = save(qtbot, dialog)
    people = tomllib.loads(settings_file.read_text(encoding="utf-8"))["team"]["people"]
    assert people == [
        {"name": "Aiko", "zone": "Asia/Tokyo", "email": "aiko@example.com", "days": "Sun-Thu"},
        {
            "name": "Lena Vogel",
            "handle": "lena",
            "zone": "Europe/Berlin",
            "hours": "08:00-16:00",
            "holidays": "DE-BY",
        },
    ]
    assert "# our lead" in settings_file.read_text(encoding="utf-8")
    assert [(p.name, p.zone_name, str(p.hours)) for p in saved.people] == [
        ("Aiko", "Asia/Tokyo", "09:00-17:30"),
        ("Lena Vogel", "Europe/Berlin", "08:00-16:00"),
    ]
    assert saved.people[1].holidays == ("DE", "BY")
    assert "lena" in known_words(saved.people)


def test_an_ambiguous_abbreviation_asks_for_a_choice(qtbot, dialog) -> None:
    editor = dialog.time_page.people
    editor.list.setFocus()
    form = open_form(qtbot, editor, Qt.Key.Key_P)
    qtbot.keyClicks(form.name, "Ravi")
    qtbot.keyClicks(form.zone_search, "IST")
    texts = [form.zone_matches.item(i).text() for i in range(3)]
    assert texts[0].startswith("Asia/Kolkata · UTC+05:30 · IST: India Standard Time")
    assert "Irish Standard Time" in texts[1]
    press_ok(qtbot, form)
    assert form.isVisible()
    assert "can mean several zones" in form.messages["zone"].text()
    qtbot.keyClick(form.zone_search, Qt.Key.Key_Down)
    assert not form.messages["zone"].isVisible()
    press_ok(qtbot, form)
    qtbot.waitUntil(lambda: editor.form is None)
    assert editor.entries[-1].values == {"name": "Ravi", "zone": "Asia/Kolkata"}


def test_garbage_zone_and_unknown_holidays_are_named_inline(qtbot, dialog) -> None:
    editor = dialog.time_page.people
    editor.list.setFocus()
    form = open_form(qtbot, editor, Qt.Key.Key_P)
    qtbot.keyClicks(form.name, "Zed")
    qtbot.keyClicks(form.zone_search, "xyzzyq")
    qtbot.keyClicks(form.holidays, "QQ")
    press_ok(qtbot, form)
    assert form.isVisible()
    assert "No zone matches “xyzzyq”" in form.messages["zone"].text()
    assert "no public holidays are known for QQ" in form.messages["holidays"].text()
    form.holidays.selectAll()
    qtbot.keyClicks(form.holidays, "JP")  # the writer fixes it: its problem goes at once
    assert not form.messages["holidays"].isVisible()
    assert form.messages["zone"].isVisible()  # the other one stays until it is edited
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.form is None)
    assert editor.list.count() == 2


def test_a_broken_person_is_kept_when_the_writer_does_not_edit_them(
    qtbot, dialog, settings_file
) -> None:
    dialog.time_page.people.short_notice.setValue(4)
    assert dialog.time_page.people.short_notice.text() == "4 working hours"
    save(qtbot, dialog)
    text = settings_file.read_text(encoding="utf-8")
    assert 'name = "Bob"\nzone = "Mars/Base"' in text
    assert tomllib.loads(text)["time"]["short_notice_hours"] == 4


def test_bad_default_hours_block_the_save(qtbot, dialog, settings_file) -> None:
    editor = dialog.time_page.people
    type_into(qtbot, editor.work_hours, "9-5")
    assert not dialog.save()
    assert editor.work_hours_message.isVisible()
    assert "9-5" in editor.work_hours_message.text()
    assert settings_file.read_text(encoding="utf-8") == TEAM
