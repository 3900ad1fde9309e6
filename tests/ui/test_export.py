"""Drive the window's export: copy per format, shortcuts, pre-flight sheet, subject, mail."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu

from asyncwriter.export import render
from asyncwriter.ui import state as window_state
from asyncwriter.ui.main_window import MainWindow
from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report

pytestmark = pytest.mark.gui

CLEAN = (
    "TL;DR: **beta** ships as planned.\n\n## Changes\n"
    "- faster search, see [the PR](https://github.com/acme/shop/pull/9)\n"
    "- R&D <notes>\n\nNo action needed, FYI.\n"
)
OPEN = "Hi team,\n\nplease review the doc by Friday 5pm.\n"


def set_text(qtbot, win, text):
    return wait_report(qtbot, win, action=lambda: win.editor.setPlainText(text))


def clipboard():
    return QApplication.clipboard().mimeData()


def copy(qtbot, win, trigger):
    """Run ``trigger`` and wait until the copy it starts is made (it renders off-thread)."""
    with qtbot.waitSignal(win.exporter.copied, timeout=REPORT_TIMEOUT_MS) as blocker:
        trigger()
    return blocker.args[0]


def answer_sheet(qtbot, win, trigger, *, button):
    """Run ``trigger``, wait for the pre-flight sheet and press ``button`` ("copy"/"fix").

    Returns what the sheet showed (it is deleted once closed): rules, headline, chips.
    """
    with qtbot.waitSignal(win.exporter.sheetShown, timeout=REPORT_TIMEOUT_MS) as shown:
        trigger()
    sheet = shown.args[0]
    assert sheet.isVisible()
    seen = {
        "rules": {item.data(0, Qt.ItemDataRole.UserRole).rule for item in sheet.items()},
        "headline": sheet.headline.text(),
        "chips": dict(sheet.chips.states),
    }
    target = sheet.copy_button if button == "copy" else sheet.fix_button
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    return seen


def test_copy_for_slack_puts_both_parts_on_the_clipboard(qtbot, window):
    set_text(qtbot, window, CLEAN)
    with qtbot.waitSignal(window.exporter.copied) as copied:
        window.exporter.format_actions["slack"].trigger()
    expected = render(CLEAN, "slack")
    data = clipboard()
    assert data.text() == expected.plain
    assert data.hasHtml()
    assert data.html() == expected.html
    assert "R&amp;D &lt;notes&gt;" in data.text()
    assert copied.args[0].format == "slack"
    assert "Copied for Slack" in window.statusBar().currentMessage()


@pytest.mark.parametrize("fmt", ["markdown", "plain"])
def test_text_formats_put_text_only(qtbot, window, fmt):
    set_text(qtbot, window, CLEAN)
    copy(qtbot, window, window.exporter.format_actions[fmt].trigger)
    assert clipboard().text() == render(CLEAN, fmt).plain
    assert not clipboard().hasHtml()


def test_chord_shortcuts_copy_each_format(qtbot, window):
    set_text(qtbot, window, CLEAN)
    for key, fmt in ((Qt.Key.Key_M, "markdown"), (Qt.Key.Key_T, "teams"), (Qt.Key.Key_E, "email")):

        def chord(key=key):
            qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClick(window.editor, key)

        copy(qtbot, window, chord)
        assert clipboard().text() == render(CLEAN, fmt).plain, fmt
    assert [r.format for r in window.exporter.history] == ["markdown", "teams", "email"]
    assert window.editor.toPlainText() == CLEAN  # the chord typed nothing


def test_ctrl_shift_c_copies_for_the_templates_channel_after_the_sheet(qtbot, window):
    template = window.catalog.get("incident-report")  # channel: slack
    wait_report(qtbot, window, action=lambda: window.start_draft(template))
    assert window.exporter.default_action.text() == "&Copy for Slack (This Draft's Channel)"
    assert window.exporter.copy_button.text() == "Copy for Slack"
    press = lambda: qtbot.keyClick(window.editor, Qt.Key.Key_C,  # noqa: E731
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    seen = []
    copy(qtbot, window, lambda: seen.append(answer_sheet(qtbot, window, press, button="copy")))
    assert seen[0]["rules"] == {"structure.placeholder"}
    # Placeholders are "to fill", as in the findings panel, not errors.
    assert re.match(r"This draft still has \d+ placeholders to fill\.", seen[0]["headline"])
    assert "error" not in seen[0]["headline"]
    assert seen[0]["chips"]["summary"].state == "pending"
    assert clipboard().text() == render(window.editor.toPlainText(), "slack").plain
    assert window.exporter.history[-1].format == "slack"


@pytest.mark.slow
def test_a_huge_draft_renders_without_freezing_the_window(qtbot, window):
    huge = CLEAN + ("- another line of the changelog with a [link](https://a.example/x)\n" * 4000)
    set_text(qtbot, window, huge)
    with qtbot.waitSignal(window.exporter.copied, timeout=60_000):
        window.exporter.format_actions["slack"].trigger()
        assert "Preparing the copy" in window.statusBar().currentMessage()
        assert window.exporter.pool.activeThreadCount() == 1  # rendering off the UI thread
    assert clipboard().text().count("another line") == 4000


def test_fix_first_copies_nothing_and_goes_to_the_first_finding(qtbot, window):
    report = set_text(qtbot, window, OPEN)
    QApplication.clipboard().setText("before")
    answer_sheet(qtbot, window, window.exporter.format_actions["teams"].trigger, button="fix")
    assert clipboard().text() == "before"
    assert window.exporter.history == []
    first = window.open_findings[0]
    cursor = window.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (first.start, first.end)
    assert report.text == OPEN


def test_double_click_in_the_sheet_goes_to_that_finding(qtbot, window):
    set_text(qtbot, window, OPEN)
    with qtbot.waitSignal(window.exporter.sheetShown) as shown:
        window.exporter.format_actions["email"].trigger()
    sheet = shown.args[0]
    item = next(i for i in sheet.items()
                if i.data(0, Qt.ItemDataRole.UserRole).rule == "deadline.no-timezone")  # fmt: skip
    finding = item.data(0, Qt.ItemDataRole.UserRole)
    qtbot.waitExposed(sheet)
    rect = sheet.tree.visualItemRect(item)
    # QTest's double click sends no press first; a real one follows a click.
    qtbot.mouseClick(sheet.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(sheet.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not sheet.isVisible()
    assert window.editor.textCursor().selectedText() == OPEN[finding.start : finding.end]


def test_a_copy_right_after_typing_checks_the_new_text_first(qtbot, window):
    set_text(qtbot, window, CLEAN)
    window.linter.set_delay(60_000)  # the typing pause never ends on its own
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "Please review the doc by Friday.")
    assert not window.current()
    with qtbot.waitSignal(window.exporter.sheetShown, timeout=REPORT_TIMEOUT_MS) as shown:
        window.exporter.format_actions["plain"].trigger()
    sheet = shown.args[0]
    assert any(i.data(0, Qt.ItemDataRole.UserRole).rule.startswith("deadline.")
               for i in sheet.items())  # fmt: skip
    copy(qtbot, window, lambda: qtbot.mouseClick(sheet.copy_button, Qt.MouseButton.LeftButton))
    assert clipboard().text().rstrip().endswith("Please review the doc by Friday.")


def test_copy_subject(qtbot, window):
    set_text(qtbot, window, "Subject: Beta ships Tue\n\n" + CLEAN)
    copy(qtbot, window, window.exporter.subject_action.trigger)
    assert clipboard().text() == "[INFO] Beta ships Tue"
    assert not clipboard().hasHtml()
    assert window.exporter.history[-1].action == "subject"


def test_copy_subject_of_an_empty_draft_says_why_not(qtbot, window):
    QApplication.clipboard().setText("keep")
    window.exporter.subject_action.trigger()
    qtbot.waitUntil(lambda: "no subject yet" in window.statusBar().currentMessage())
    assert clipboard().text() == "keep"
    assert window.exporter.history == []


class MailCatcher(QObject):
    """Stands in for the mail app: the system hands mailto: links to it."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def mail_app():
    catcher = MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("mailto")


def test_plain_text_mail_passes_subject_and_plain_body(qtbot, window, mail_app):
    set_text(qtbot, window, "Subject: Beta ships\n\n" + CLEAN)
    copy(qtbot, window, window.exporter.mailto_action.trigger)
    assert len(mail_app.urls) == 1
    url = bytes(mail_app.urls[0].toEncoded()).decode("ascii")
    fields = parse_qs(urlsplit(url).query)
    expected = render(window.editor.toPlainText(), "email")
    assert fields["subject"] == [expected.subject]
    assert fields["body"] == [expected.plain.replace("\n", "\r\n")]
    assert window.exporter.history[-1].action == "mailto"  # told apart from the .eml draft
    assert window.statusBar().currentMessage() == "Opened a plain-text mail (mailto:)."


def test_a_long_mail_goes_through_the_clipboard(qtbot, window, mail_app):
    # Long for a mail link, in paragraphs short enough not to raise style.long-paragraph.
    long = CLEAN + "\n" + ("More detail about the beta and its plan. " * 10 + "\n\n") * 7
    set_text(qtbot, window, long)
    copy(qtbot, window, window.exporter.mailto_action.trigger)
    url = bytes(mail_app.urls[0].toEncoded()).decode("ascii")
    assert "body=" not in url
    assert "subject=" in url
    assert clipboard().hasHtml()
    assert "too long for a mail link" in window.statusBar().currentMessage()


def entries(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_copy_history_is_kept_per_draft_and_offers_the_other_drafts(qtbot, window):
    set_text(qtbot, window, CLEAN)
    copy(qtbot, window, window.exporter.format_actions["slack"].trigger)
    copy(qtbot, window, window.exporter.format_actions["markdown"].trigger)
    qtbot.waitUntil(lambda: len(window.keeper.recent) == 2)  # stored, in the background
    first = window.keeper.draft_id
    menu: QMenu = window.exporter.history_menu
    texts = entries(menu)
    assert texts[0].endswith("Markdown")
    assert texts[1].endswith("Slack")
    assert len(texts) == 2  # the other drafts' copies are not this draft's

    window.start_draft(None)
    texts = entries(menu)
    assert texts[0] == "No copies of this draft yet"
    assert "Markdown — " in texts[1] and "Slack — " in texts[2]
    opener = next(a for a in menu.actions() if "Markdown — " in a.text())
    with qtbot.waitSignal(window.keeper.loaded, timeout=5_000):
        opener.trigger()
    assert window.keeper.draft_id == first
    assert window.editor.toPlainText() == CLEAN
    assert [r.format for r in window.exporter.history] == ["slack", "markdown"]


def test_each_other_drafts_copy_opens_its_own_draft(qtbot, window):
    # The history menu lists stored copies of other drafts; each entry must open the draft
    # its copy was made from, not the last one listed (nor the menu's current draft).
    set_text(qtbot, window, CLEAN)
    copy(qtbot, window, window.exporter.format_actions["slack"].trigger)
    first = window.keeper.draft_id
    window.start_draft(None)
    set_text(qtbot, window, CLEAN.replace("beta", "gamma"))
    copy(qtbot, window, window.exporter.format_actions["teams"].trigger)
    second = window.keeper.draft_id
    qtbot.waitUntil(lambda: len(window.keeper.recent) == 2)
    menu: QMenu = window.exporter.history_menu
    for label, draft_id, body in (("Slack — ", first, CLEAN),
                                  ("Teams — ", second, CLEAN.replace("beta", "gamma"))):  # fmt: skip
        window.start_draft(None)  # from a blank draft, both others are listed
        texts = entries(menu)
        assert any("Slack — " in t for t in texts) and any("Teams — " in t for t in texts)
        opener = next(a for a in menu.actions() if label in a.text())
        with qtbot.waitSignal(window.keeper.loaded, timeout=5_000):
            opener.trigger()
        assert window.keeper.draft_id == draft_id
        assert window.editor.toPlainText() == body


def test_a_blank_draft_copies_in_the_last_format_used(qtbot, window, tmp_path):
    assert window.exporter.default_format() == "markdown"
    set_text(qtbot, window, CLEAN)
    copy(qtbot, window, window.exporter.format_actions["teams"].trigger)
    assert window.exporter.copy_button.text() == "Copy for Teams"
    window.save_state()
    assert window_state.load().last_format == "teams"
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.exporter.default_format() == "teams"
    other.linter.shutdown()


def test_export_menu_sits_before_help(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("E&xport") == titles.index("&Help") - 1
    assert window.exporter.format_actions["slack"].shortcut().toString() == "Ctrl+E, S"


def test_the_sheet_headline_counts_placeholders_apart_from_errors():
    from asyncwriter.checks import Severity
    from asyncwriter.checks.model import Finding
    from asyncwriter.ui.preflight import _headline

    def found(rule: str, severity: Severity) -> Finding:
        return Finding(rule, severity, 0, 1, "m", ())

    placeholder = found("structure.placeholder", Severity.ERROR)
    zone = found("deadline.no-timezone", Severity.ERROR)
    style = found("style.passive", Severity.INFO)
    assert _headline([placeholder]) == (
        "This draft still has 1 placeholder to fill. Fix them first, or copy it as it is."
    )
    assert _headline([zone], "Open in Mail App").endswith("Fix them first, or open it as it is.")
    assert _headline([zone, placeholder, placeholder, style]).startswith(
        "This draft still has 1 error, 1 note and 2 placeholders to fill."
    )
