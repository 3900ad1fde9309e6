"""Team time in the window: the checks with people, and Edit › Insert Deadline…."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtWidgets import QApplication, QLabel

from asyncwriter import paths
from asyncwriter.times import zones
from asyncwriter.ui import clock
from asyncwriter.ui.deadline_picker import DeadlinePicker
from tests.core.test_cli_team import TEAM as CLI_TEAM
from tests.ui.conftest import wait_report

pytestmark = pytest.mark.gui

#: Tue 1 Dec 2026, 09:00 UTC: the issue's "now".
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
#: The issue's team (Tokyo, Berlin, San Francisco), with the writer in UTC.
TEAM = '[time]\nzone = "UTC"\n\n' + CLI_TEAM
ASK = "Aiko, please approve the plan by Thu 3 Dec, 17:00 UTC."


def configure(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text, encoding="utf-8")


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    return NOW


@pytest.fixture
def team_window(open_window, fixed_now):
    configure(TEAM)
    return open_window()


def team_cards(win):
    return [c for c in win.findings.cards() if c.finding.rule.startswith("deadline.")]


def test_the_window_judges_deadlines_for_the_people_in_settings(qtbot, team_window):
    win = team_window
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(ASK))
    (card,) = [c for c in team_cards(win) if c.finding.rule == "deadline.outside-hours"]
    assert card.message.text().startswith("17:00 UTC is 02:00 Fri for Aiko in Tokyo")


def test_without_people_the_team_checks_are_silent_and_return_with_settings(
    qtbot, open_window, fixed_now
):
    win = open_window()
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(ASK))
    assert not [f for f in report.findings if f.rule == "deadline.outside-hours"]
    # People added in settings apply at once: the draft is checked again.
    configure(TEAM)
    from asyncwriter import settings

    report = wait_report(qtbot, win, action=lambda: win.apply_settings(settings.load()))
    assert [f for f in report.findings if f.rule == "deadline.outside-hours"]


def open_picker(qtbot, win) -> DeadlinePicker:
    win.editor.setFocus()
    qtbot.keyClick(win.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), DeadlinePicker))
    picker = QApplication.activeModalWidget()
    assert isinstance(picker, DeadlinePicker)
    return picker


def table_text(picker: DeadlinePicker) -> list[list[str]]:
    table = picker.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def type_field(qtbot, edit, text: str) -> None:
    """Select a date or time field's text and type over it, as a writer does."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def step_hours(qtbot, picker: DeadlinePicker, hours: int) -> None:
    """Move the time's hour with the arrow keys (Home: the hour section)."""
    edit = picker.time_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    for _ in range(abs(hours)):
        qtbot.keyClick(edit, Qt.Key.Key_Up if hours > 0 else Qt.Key.Key_Down)


def test_the_picker_shows_the_moment_for_each_person_and_inserts_it(qtbot, team_window):
    win = team_window
    win.editor.setPlainText("Aiko, please approve the plan by ")
    cursor = win.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    win.editor.setTextCursor(cursor)
    picker = open_picker(qtbot, win)
    qtbot.waitUntil(picker.date_edit.hasFocus)
    # The initial moment: tomorrow 17:00 in the writer's zone (UTC in settings).
    assert picker.moment == datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
    type_field(qtbot, picker.date_edit, "Thu 3 Dec 2026")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Tab)
    assert picker.date_edit.date() == QDate(2026, 12, 3)
    line_before = picker.strips.moment_fraction()
    step_hours(qtbot, picker, -5)
    assert picker.time_edit.time() == QTime(12, 0)
    assert picker.moment == datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    assert picker.strips.moment_fraction() == pytest.approx(0.5)
    assert picker.strips.moment_fraction() != line_before
    rows = table_text(picker)
    assert rows[0][:2] == ["Aiko (Tokyo)", "Thu 3 Dec, 21:00 JST"]
    assert rows[0][3] == "outside hours"
    assert rows[1][3] == "in hours"  # 13:00 in Berlin
    assert rows[2][3] == "night"  # 04:00 in Los Angeles
    # The strips show the same day for everyone: Lena works 08:00-16:30 UTC that Thursday.
    kinds = [(s.kind, s.start) for s in picker.strips.rows[1]]
    assert ("work", 8 / 24) in kinds
    step_hours(qtbot, picker, 5)
    assert table_text(picker)[0][1:4:2] == ["Fri 4 Dec, 02:00 JST", "night"]
    assert picker.strips.moment_fraction() == pytest.approx(17 / 24)

    # The draft is addressed to Aiko: the helpers make it fair for her.
    qtbot.mouseClick(picker.next_button, Qt.MouseButton.LeftButton)
    assert picker.moment == datetime(2026, 12, 4, 1, 0, tzinfo=UTC)  # Fri 10:00 in Tokyo
    assert table_text(picker)[0][3] == "in hours"
    assert picker.time_edit.time() == QTime(1, 0)
    qtbot.mouseClick(picker.end_button, Qt.MouseButton.LeftButton)
    assert picker.moment == datetime(2026, 12, 4, 10, 0, tzinfo=UTC)  # Fri 19:00 in Tokyo
    assert "Aiko's working day" in picker.helper_note.text()

    # Written in Tokyo's zone, with UTC beside it.
    picker.zone_box.setFocus()
    tokyo = next(i for i, (label, _z) in enumerate(picker.zones) if label.startswith("Tokyo"))
    picker.zone_box.setCurrentIndex(tokyo)
    assert picker.moment == datetime(2026, 12, 4, 10, 0, tzinfo=UTC)  # the moment stays
    assert picker.time_edit.time() == QTime(19, 0)
    assert picker.deadline_text() == "Fri 4 Dec, 19:00 JST (10:00 UTC)"
    qtbot.keyClick(picker.zone_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    expected = "Aiko, please approve the plan by Fri 4 Dec, 19:00 JST (10:00 UTC)"
    assert win.editor.toPlainText() == expected
    # One undo step takes the whole deadline out.
    win.editor.undo()
    assert win.editor.toPlainText() == "Aiko, please approve the plan by "


def test_a_time_typed_over_the_field_is_taken(qtbot, team_window):
    """Select-all and type "0930", or tab in and type "1415": the time is what was typed."""
    picker = open_picker(qtbot, team_window)
    qtbot.waitUntil(picker.date_edit.hasFocus)
    type_field(qtbot, picker.time_edit, "0930")  # Ctrl+A-style: the whole text selected
    assert picker.time_edit.time() == QTime(9, 30)
    assert picker.moment == datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    picker.date_edit.setFocus()
    qtbot.waitUntil(picker.date_edit.hasFocus)
    picker.time_edit.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed into: the hour waits
    qtbot.waitUntil(lambda: picker.time_edit.lineEdit().selectedText() == "09")
    qtbot.keyClicks(picker.time_edit, "1415")
    assert picker.time_edit.time() == QTime(14, 15)


def test_with_no_shared_hours_the_helper_says_so_and_escape_cancels(qtbot, team_window):
    win = team_window
    win.editor.setPlainText("Please approve the plan by ")
    picker = open_picker(qtbot, win)
    assert [p.name for p in picker.readers] == ["Aiko", "Lena", "Sam"]
    before = picker.moment
    qtbot.mouseClick(picker.next_button, Qt.MouseButton.LeftButton)
    assert picker.moment == before
    assert "do not meet" in picker.helper_note.text()
    # End of their day with no overlap: the end of the latest reader's day (Lena's Thu).
    qtbot.mouseClick(picker.end_button, Qt.MouseButton.LeftButton)
    assert picker.moment == datetime(2026, 12, 3, 16, 30, tzinfo=UTC)
    # One reader chosen under "for": Sam.
    picker.for_box.setCurrentIndex(3)
    qtbot.mouseClick(picker.end_button, Qt.MouseButton.LeftButton)
    assert picker.moment == datetime(2026, 12, 4, 1, 30, tzinfo=UTC)  # Thu 17:30 PST
    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert win.editor.toPlainText() == "Please approve the plan by "


def test_a_click_on_the_strips_picks_that_moment(qtbot, team_window):
    picker = open_picker(qtbot, team_window)
    qtbot.mouseClick(picker.end_button, Qt.MouseButton.LeftButton)
    assert picker.helper_note.text()
    strips = picker.strips
    x = strips.width() - 8 - (strips.width() - 8 - 150) // 4  # three quarters of the day
    qtbot.mouseClick(strips, Qt.MouseButton.LeftButton, pos=QPoint(x, 30))
    assert picker.moment.hour == 18 and picker.strips.moment_fraction() == pytest.approx(0.75)
    assert picker.time_edit.time() == QTime(18, 0)
    assert picker.helper_note.text() == ""  # the helper's note no longer applies


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("Sun 31 Oct 2027", QDate(2027, 10, 31)),
        ("4 Jan", QDate(2027, 1, 4)),  # no year: the next 4 January
        ("2027-02-12", QDate(2027, 2, 12)),
        ("tomorrow", QDate(2026, 12, 2)),
        ("Fri 4 Dec", QDate(2026, 12, 4)),
    ],
)
def test_a_date_typed_whole_is_read_as_the_checks_read_it(qtbot, team_window, typed, day):
    picker = open_picker(qtbot, team_window)
    type_field(qtbot, picker.date_edit, typed)
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Tab)  # leaving the field shows the date
    assert picker.time_edit.hasFocus()  # Tab goes on to the time, not to the date's day
    assert picker.date_edit.date() == day
    assert picker.date_edit.text() == day.toString("ddd d MMM yyyy")
    assert picker.moment.date() == day.toPython()  # 17:00 UTC, the zone in settings


def test_enter_after_a_typed_date_inserts_that_date(qtbot, team_window):
    win = team_window
    picker = open_picker(qtbot, win)
    type_field(qtbot, picker.date_edit, "4 Dec")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert win.editor.toPlainText() == "Fri 4 Dec, 17:00 UTC"


def test_text_that_names_no_day_leaves_the_date_as_it_was(qtbot, team_window):
    picker = open_picker(qtbot, team_window)
    before = picker.date_edit.date()
    type_field(qtbot, picker.date_edit, "soon")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Return)  # not inserted: no day named
    assert picker.isVisible() and picker.date_edit.hasFocus()
    assert picker.date_edit.text() == before.toString("ddd d MMM yyyy")
    type_field(qtbot, picker.date_edit, "next sprint")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Tab)
    assert picker.date_edit.date() == before
    assert picker.date_edit.text() == before.toString("ddd d MMM yyyy")


def test_on_the_day_the_clocks_go_back_the_strips_cover_all_25_hours(qtbot, open_window, fixed_now):
    configure('[time]\nzone = "Europe/Berlin"\n')
    picker = open_picker(qtbot, open_window())
    # Typed whole, as a writer types it (Qt alone kept December and dropped "Oct").
    type_field(qtbot, picker.date_edit, "31 Oct 2027")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Tab)
    assert picker.date_edit.date() == QDate(2027, 10, 31)
    strips = picker.strips
    assert strips.span == timedelta(hours=25)
    assert strips.hours_label() == "Hours in CEST/CET"
    # 17:00 in Berlin (UTC+1 by then) is 18 hours after midnight (UTC+2).
    assert strips.moment_fraction() == pytest.approx(18 / 25)
    # The far right is the next midnight, not 23:00 as a 24-hour strip would make it.
    right_end = strips.moment_at(strips.width() - 8)
    assert right_end == datetime(2027, 10, 31, 23, 0, tzinfo=UTC)  # Mon 00:00 in Berlin
    qtbot.mouseClick(strips, Qt.MouseButton.LeftButton, pos=QPoint(strips.width() - 9, 30))
    assert picker.date_edit.date() == QDate(2027, 11, 1) and picker.time_edit.time() == QTime(0, 0)
    kolkata = zones.get_zone("Asia/Kolkata")
    strips.show_day(strips.people, strips.start, kolkata, strips.moment)
    assert strips.hours_label() == "Hours in IST (UTC+5:30)"
    assert strips.hours_label(short=True) == "Hours in IST"  # for the narrow column


def test_without_people_the_picker_shows_your_zone_and_the_teams(qtbot, open_window, fixed_now):
    configure('[time]\nzone = "Europe/Berlin"\nteam_zones = ["America/New_York"]\n')
    win = open_window()
    picker = open_picker(qtbot, win)
    hint = picker.findChild(QLabel, "deadlineNoPeople")
    assert hint is not None and "No people in settings" in hint.text()
    assert "Settings… › Time › Add person…" in hint.text()  # the editor, not the file
    names = [row[0] for row in table_text(picker)]
    assert names == ["You (Berlin)", "UTC", "New York"]
    assert picker.deadline_text() == "Wed 2 Dec, 17:00 CET (16:00 UTC)"
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Return)  # Enter inserts
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert win.editor.toPlainText() == "Wed 2 Dec, 17:00 CET (16:00 UTC)"


def test_the_deadline_chips_tip_is_the_team_table(qtbot, team_window):
    win = team_window
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(ASK))
    tip = win.readiness.chips["deadline"].toolTip()
    assert "“by Thu 3 Dec, 17:00 UTC”" in tip or "Thu 3 Dec, 17:00 UTC" in tip
    assert "<td>You</td><td>&nbsp;&nbsp;Thu 3 Dec, 17:00 UTC</td>" in tip
    assert (
        "<td>Aiko (Tokyo)</td><td>&nbsp;&nbsp;Fri 4 Dec, 02:00 JST</td><td>&nbsp;&nbsp;night</td>"
        in tip
    )
    assert "<td>Lena (Berlin)</td><td>&nbsp;&nbsp;Thu 3 Dec, 18:00 CET</td>" in tip
    assert "<td>&nbsp;&nbsp;in hours</td>" in tip  # Sam: 09:00 in Los Angeles


def test_with_people_the_tip_still_has_utc_and_the_team_zones(qtbot, open_window, fixed_now):
    configure('[time]\nzone = "Europe/Berlin"\nteam_zones = ["Asia/Kolkata", "Asia/Tokyo"]\n\n'
              + CLI_TEAM)  # fmt: skip
    win = open_window()
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(ASK))
    tip = win.readiness.chips["deadline"].toolTip()
    assert "<td>You (Berlin)</td><td>&nbsp;&nbsp;Thu 3 Dec, 18:00 CET</td>" in tip
    assert "<td>UTC</td><td>&nbsp;&nbsp;Thu 3 Dec, 17:00 UTC</td>" in tip
    assert "<td>Kolkata</td><td>&nbsp;&nbsp;Thu 3 Dec, 22:30 IST (UTC+5:30)</td>" in tip
    assert tip.count("JST") == 1  # Tokyo is Aiko's row, not a second one


def test_without_people_the_tip_stays_the_zone_table(qtbot, open_window, fixed_now):
    configure('[time]\nzone = "UTC"\nteam_zones = ["Asia/Tokyo"]\n')
    win = open_window()
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(ASK))
    tip = win.readiness.chips["deadline"].toolTip()
    assert "<td>Tokyo (JST)</td><td>&nbsp;&nbsp;Fri 4 Dec, 02:00</td>" in tip
    assert "night" not in tip


#: Tue 1 Dec, 17:00 UTC: 02:00 for Aiko, 18:00 for Lena, 09:00 for Sam.
EVENING = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
CLEAN = "TL;DR: the beta ships as planned.\n\nNo action needed, FYI.\n"


def test_copying_when_most_readers_are_off_says_so_after_the_copy(qtbot, team_window, monkeypatch):
    win = team_window
    monkeypatch.setattr(clock, "now", lambda: EVENING)
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(CLEAN))
    assert not win.open_findings  # no sheet: the note comes with the status message
    with qtbot.waitSignal(win.exporter.copied, timeout=15_000):
        win.exporter.format_actions["slack"].trigger()
    note = "2 of 3 readers are outside their working hours: it is 02:00 for Aiko in Tokyo"
    qtbot.waitUntil(lambda: note in win.statusBar().currentMessage())
    said = win.statusBar().currentMessage()
    assert said.startswith("Copied for Slack")
    # Right after the copy's first sentence, so a narrow status bar keeps the conclusion.
    assert said.index(note) == said.index(". ") + 2


def test_the_preflight_sheet_carries_the_note_and_does_not_block(qtbot, team_window, monkeypatch):
    win = team_window
    monkeypatch.setattr(clock, "now", lambda: EVENING)
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText("Aiko, please review the doc."))
    assert win.open_findings
    with qtbot.waitSignal(win.exporter.sheetShown, timeout=15_000) as shown:
        win.exporter.format_actions["slack"].trigger()
    sheet = shown.args[0]
    # Addressed to Aiko alone: she is the reader.
    assert sheet.note.isVisible()
    assert sheet.note.text() == "It is 02:00 for Aiko in Tokyo, outside their working hours."
    with qtbot.waitSignal(win.exporter.copied, timeout=15_000):
        qtbot.mouseClick(sheet.copy_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert "It is 02:00" not in win.statusBar().currentMessage()  # said once, in the sheet


def test_no_note_while_most_readers_are_at_work(qtbot, team_window):
    win = team_window  # 09:00 UTC: Aiko 18:00, Lena 10:00, Sam 01:00
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText("Please review the doc."))
    with qtbot.waitSignal(win.exporter.sheetShown, timeout=15_000) as shown:
        win.exporter.format_actions["slack"].trigger()
    sheet = shown.args[0]
    assert not sheet.note.isVisible()
    sheet.reject()


def test_typing_over_a_selected_part_of_the_date_changes_that_part(qtbot, team_window):
    picker = open_picker(qtbot, team_window)
    edit = picker.date_edit
    qtbot.waitUntil(edit.hasFocus)
    assert edit.text() == "Wed 2 Dec 2026"
    edit.lineEdit().setSelection(10, 4)  # "2026"
    qtbot.keyClicks(edit, "2027")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.date() == QDate(2027, 12, 2)


def test_typing_over_the_shown_date_starts_a_new_one_wherever_the_caret_is(qtbot, team_window):
    picker = open_picker(qtbot, team_window)
    edit = picker.date_edit
    qtbot.waitUntil(edit.hasFocus)
    edit.lineEdit().setCursorPosition(4)  # in "Wed 2 Dec 2026", after the weekday
    qtbot.keyClicks(edit, "7 Dec")
    assert edit.text() == "7 Dec"
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "c 2026")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.date() == QDate(2026, 12, 7)


def test_a_typed_date_is_read_when_a_click_takes_the_focus_elsewhere(qtbot, team_window):
    picker = open_picker(qtbot, team_window)
    type_field(qtbot, picker.date_edit, "4 Jan")
    qtbot.mouseClick(picker.time_edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(picker.time_edit.hasFocus)
    assert picker.date_edit.date() == QDate(2027, 1, 4)
    assert picker.date_edit.text() == "Mon 4 Jan 2027"


@pytest.fixture
def east_of_utc():
    """The machine's own zone is Berlin's (the picker's QDateEdit keeps its value in UTC).

    Only TZ is put back after (monkeypatch.undo would undo the other fixtures' patches too).
    """
    import os
    import time as clock_time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    clock_time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    clock_time.tzset()


def test_east_of_utc_the_date_shown_is_the_date_inserted(qtbot, team_window, east_of_utc):
    win = team_window
    picker = open_picker(qtbot, win)
    shown = picker.date_edit.date()
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Tab)  # leaving the field keeps its day
    assert picker.date_edit.date() == shown
    picker.date_edit.setFocus()
    type_field(qtbot, picker.date_edit, "31 Oct 2027")
    qtbot.keyClick(picker.date_edit, Qt.Key.Key_Tab)
    assert picker.date_edit.date() == QDate(2027, 10, 31)
    qtbot.keyClick(picker.time_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert win.editor.toPlainText().startswith("Sun 31 Oct 2027, 17:00")


def test_insert_puts_the_spaces_a_writer_would(qtbot, team_window):
    from asyncwriter.ui.deadline_picker import insert_at_cursor

    editor = team_window.editor
    for text, at, expected in [
        ("Reply by then.", 14, "Reply by then. Fri 4 Dec"),  # after a full stop
        ("Reply by", 8, "Reply by Fri 4 Dec"),  # after a word
        ("Reply by (", 10, "Reply by (Fri 4 Dec"),  # after an opening bracket
        ("by please", 3, "by Fri 4 Dec please"),  # a word right after
        ("by .", 3, "by Fri 4 Dec."),  # a full stop right after
    ]:
        editor.setPlainText(text)
        cursor = editor.textCursor()
        cursor.setPosition(at)
        editor.setTextCursor(cursor)
        insert_at_cursor(editor, "Fri 4 Dec")
        assert editor.toPlainText() == expected, text
