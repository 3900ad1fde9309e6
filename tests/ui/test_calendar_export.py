"""Export › Add Deadlines to Calendar… (Ctrl+E, C): the draft's deadlines as an .ics file."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from asyncwriter.ui import clock
from asyncwriter.ui.calendar_export import file_stem
from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report

pytestmark = pytest.mark.gui

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DRAFT = (
    "# Checkout v2 rollout\n\n"
    "Lena, please review the runbook by Thu 3 Dec, 17:00 UTC.\n\n"
    "Sam, sign off by Fri 4 Dec.\n"
)


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers with a path, records what it offered."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.offered: list[str] = []

    def __call__(self, _parent, _caption, offered, _filter):
        self.offered.append(offered)
        return self.answer, "Calendar files (*.ics)"


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)


def ask_for_calendar(qtbot, win) -> None:
    qtbot.keyClick(win.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.editor, Qt.Key.Key_C)


def test_the_deadlines_go_to_the_chosen_ics_file(qtbot, window, fixed_now, monkeypatch, tmp_path):
    dialog = SaveDialog(str(tmp_path / "rollout"))  # no extension typed: .ics is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    with qtbot.waitSignal(window.calendar_export.saved, timeout=REPORT_TIMEOUT_MS) as saved:
        ask_for_calendar(qtbot, window)
    assert saved.args[0] == tmp_path / "rollout.ics"
    assert dialog.offered[0].endswith("checkout-v2-rollout.ics")
    events = Calendar.from_ical((tmp_path / "rollout.ics").read_bytes()).walk("VEVENT")
    # Titled like the email subject (the summary), named like the draft (its heading).
    title = "Lena, please review the runbook by Thu 3 Dec, 17:00 UTC"
    assert [str(e["summary"]) for e in events] == [title] * 2
    assert events[0].decoded("dtstart") == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    assert events[1].decoded("dtstart") == date(2026, 12, 4)  # a day: an all-day event
    assert window.statusBar().currentMessage().startswith("Saved 2 deadlines to ")
    assert window.statusBar().currentMessage().endswith("to add them.")
    assert [p.name for p in tmp_path.glob("*.ics")] == ["rollout.ics"]  # no temporary left


def test_a_draft_without_a_dated_deadline_says_so_and_asks_nothing(
    qtbot, window, fixed_now, monkeypatch
):
    dialog = SaveDialog("")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText("Please review soon.\n"))
    ask_for_calendar(qtbot, window)
    qtbot.waitUntil(lambda: "nothing to add" in window.statusBar().currentMessage())
    assert dialog.offered == []


def test_an_unwritable_folder_is_said_and_nothing_is_written(
    qtbot, window, fixed_now, monkeypatch, tmp_path
):
    missing = tmp_path / "no-such-folder" / "plan.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(SaveDialog(str(missing))))
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    ask_for_calendar(qtbot, window)
    qtbot.waitUntil(lambda: "Could not save the calendar" in window.statusBar().currentMessage())
    assert not missing.parent.exists()


def test_a_typed_draft_is_checked_before_its_deadlines_are_read(
    qtbot, window, fixed_now, monkeypatch, tmp_path
):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(SaveDialog(str(tmp_path / "x.ics"))))  # fmt: skip
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText("Draft.\n"))
    window.editor.setPlainText(DRAFT)  # the report on screen is for the old text
    with qtbot.waitSignal(window.calendar_export.saved, timeout=REPORT_TIMEOUT_MS):
        ask_for_calendar(qtbot, window)
    assert len(Calendar.from_ical((tmp_path / "x.ics").read_bytes()).walk("VEVENT")) == 2


def test_the_file_name_comes_from_the_title():
    assert file_stem("Q4 plan: café & 🎉 launch!") == "q4-plan-café-launch"
    assert len(file_stem("word " * 40)) <= 60
    assert file_stem("🎉 …") == "deadlines"
