"""Drive the real window: type, see findings, click, fix, ignore, pick a template, tab."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from asyncwriter.times import expressions as timeexpr
from asyncwriter.ui import linting
from asyncwriter.ui import state as window_state
from asyncwriter.ui.main_window import MainWindow
from asyncwriter.ui.template_picker import TemplatePicker
from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report

pytestmark = pytest.mark.gui

MESSAGE = "Hi team,\n\nplease review the doc by Friday 5pm.\n"


def keys(qtbot, widget, text):
    """Type ``text`` key by key (QTest cannot type a newline, so press Return for it)."""
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def type_text(qtbot, win, text):
    return wait_report(qtbot, win, action=lambda: keys(qtbot, win.editor, text))


def click_row(qtbot, panel, rule):
    """Click the card of the first finding of ``rule``; return the card."""
    card = next(c for c in panel.cards() if c.finding.rule == rule)
    panel.queue_area.ensureWidgetVisible(card)
    qtbot.mouseClick(card.message, Qt.MouseButton.LeftButton)
    return card


def selected(win):
    return win.editor.textCursor().selectedText()


def test_the_window_has_its_named_parts(window):
    for name in ("editor", "findings", "readiness"):
        assert window.findChild(QWidget, name) is not None, name


def test_typing_shows_findings_underlines_and_chips(qtbot, window):
    report = type_text(qtbot, window, MESSAGE)
    rules = {f.rule for f in report.findings}
    assert {"deadline.no-timezone", "deadline.relative", "links.unlinked-reference"} <= rules
    cards = window.findings.cards()
    assert len(cards) == len(report.findings)
    assert any("has no time zone" in c.message.text() for c in cards)
    assert len(window.editor.extraSelections()) == len(report.findings)
    chips = window.readiness.states
    assert chips["deadline"].state == "fail" and chips["deadline"].count == 2
    assert chips["links"].state == "fail"
    assert chips["ask"].state == "pass"
    assert "words" in window.word_count.text()


def test_a_tooltip_gives_the_message_under_the_mouse(qtbot, window):
    type_text(qtbot, window, MESSAGE)
    position = MESSAGE.index("Friday")
    messages = window.editor.messages_at(position)
    assert any("depends on when it is read" in m for m in messages)


def test_clicking_a_finding_selects_its_span(qtbot, window):
    type_text(qtbot, window, MESSAGE)
    card = click_row(qtbot, window.findings, "links.unlinked-reference")
    assert selected(window) == "the doc"
    assert card.message.text().startswith("“the doc” is mentioned")
    assert window.findings.current_finding() is card.finding


def test_a_quick_fix_replaces_the_span_and_the_finding_goes(qtbot, window):
    type_text(qtbot, window, MESSAGE)
    card = click_row(qtbot, window.findings, "deadline.relative")
    finding, button = card.finding, card.fix_buttons[0]
    assert button.isVisible()
    assert button.text() == f"Replace with “{finding.suggestions[0]}”"
    report = wait_report(qtbot, window,
                         action=lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))  # fmt: skip
    assert finding.suggestions[0] in window.editor.toPlainText()
    assert "deadline.relative" not in {f.rule for f in report.findings}
    window.editor.undo()
    assert window.editor.toPlainText() == MESSAGE  # one undo step


def test_the_tldr_quick_fix_puts_the_ask_on_top(qtbot, window):
    text = (
        "Hello everyone,\n\nLast quarter we moved the billing jobs to the new cluster and since then "
        "the nightly runs have been slower than before, mostly because of the shared disks, "
        "and the team has been looking at options for a few weeks now without a clear answer "
        "about the cost or the timeline of any of them. We compared three vendors in the "
        "end and wrote up what each would cost us over two years.\n\n"
        "@sam, please approve the budget for the faster disks by Thu 26 Nov, 17:00 UTC: "
        "https://docs.example.com/disks\n"
    )
    type_text(qtbot, window, text)
    card = click_row(qtbot, window.findings, "summary.missing")
    assert card.fix_buttons[0].text() == "Insert a TL;DR line"
    report = wait_report(qtbot, window, action=lambda: qtbot.mouseClick(
        card.fix_buttons[0], Qt.MouseButton.LeftButton))  # fmt: skip
    fixed = window.editor.toPlainText()
    assert fixed.startswith("Hello everyone,\n\nTL;DR: I need @sam to approve the budget")
    assert fixed.index("TL;DR") < fixed.index("Last quarter")
    assert "summary.missing" not in {f.rule for f in report.findings}


def test_the_tldr_quick_fix_keeps_the_subject_line_first(qtbot, window):
    text = (
        "Subject: Faster disks for billing\n\nLast quarter we moved the billing jobs to the new "
        "cluster and since then the nightly runs have been slower than before, mostly because "
        "of the shared disks, and the team has been looking at options for a few weeks now "
        "without a clear answer about the cost or the timeline of any of them. We compared "
        "three vendors in the end and wrote up what each would cost us over two years.\n\n"
        "@sam, please approve the budget for the faster disks by Thu 26 Nov, 17:00 UTC: "
        "https://docs.example.com/disks\n"
    )
    type_text(qtbot, window, text)
    card = click_row(qtbot, window.findings, "summary.missing")
    wait_report(qtbot, window, action=lambda: qtbot.mouseClick(
        card.fix_buttons[0], Qt.MouseButton.LeftButton))  # fmt: skip
    fixed = window.editor.toPlainText()
    assert fixed.splitlines()[0] == "Subject: Faster disks for billing"
    assert fixed.index("TL;DR") < fixed.index("Last quarter")
    window.editor.undo()
    assert window.editor.toPlainText() == text


def test_ignore_for_this_draft_hides_the_finding_across_edits(qtbot, window):
    type_text(qtbot, window, MESSAGE)
    card = click_row(qtbot, window.findings, "links.unlinked-reference")
    qtbot.mouseClick(card.ignore_button, Qt.MouseButton.LeftButton)
    assert "links.unlinked-reference" not in {f.rule for f in window.open_findings}
    qtbot.keyClick(window.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    report = type_text(qtbot, window, "Thanks!")
    assert "links.unlinked-reference" in {f.rule for f in report.findings}
    assert "links.unlinked-reference" not in {f.rule for f in window.open_findings}
    assert window.readiness.states["links"].state == "pass"


def test_results_for_older_text_are_never_applied(qtbot, window):
    window.linter.set_delay(0)
    applied = []
    window.reportApplied.connect(lambda r: applied.append(r.text))
    for ch in "Please approve it by Friday.":
        qtbot.keyClick(window.editor, ch)
    qtbot.waitUntil(lambda: bool(applied) and applied[-1] == window.editor.toPlainText(),
                    timeout=REPORT_TIMEOUT_MS)  # fmt: skip
    current = window.editor.toPlainText()
    assert all(text == current for text in applied[-1:])
    assert window.report.text == current


def test_a_failing_check_is_reported_and_typing_goes_on(qtbot, window, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(linting, "lint", broken)
    with qtbot.waitSignal(window.linter.failed, timeout=REPORT_TIMEOUT_MS):
        qtbot.keyClicks(window.editor, "hello")
    assert "RuntimeError: boom" in window.lint_status.text()
    qtbot.keyClicks(window.editor, " world")
    assert window.editor.toPlainText() == "hello world"


def test_emoji_before_a_finding_do_not_shift_its_span(qtbot, window):
    text = "🚀🇩🇪 Please review the plan by 17:00 tomorrow."
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(text))
    click_row(qtbot, window.findings, "deadline.no-timezone")
    assert selected(window).startswith("17:00")


# -- templates ---------------------------------------------------------------------------


def open_picker(qtbot, win) -> TemplatePicker:
    qtbot.keyClick(win.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    picker = win.findChild(TemplatePicker, "templatePicker")
    assert picker is not None and picker.isVisible()
    return picker


def test_ctrl_n_opens_a_searchable_picker_with_a_preview(qtbot, window):
    picker = open_picker(qtbot, window)
    assert picker.list.count() == 1 + len(window.catalog.templates)
    qtbot.keyClicks(picker.search, "incid")
    visible = [picker.list.item(i).text() for i in range(picker.list.count())
               if not picker.list.item(i).isHidden()]  # fmt: skip
    assert visible == ["Incident report", "Incident resolved / postmortem summary"]
    assert picker.list.currentItem().text() == "Incident report"
    assert picker.preview.toPlainText().startswith("Subject: INCIDENT")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.list.currentItem().text().startswith("Incident resolved")
    assert picker.preview.toPlainText().startswith("Subject: Resolved:")
    picker.reject()


def test_the_search_selects_a_template_named_by_the_words_first(qtbot, window):
    picker = open_picker(qtbot, window)
    qtbot.keyClicks(picker.search, "status")
    visible = [picker.list.item(i).text() for i in range(picker.list.count())
               if not picker.list.item(i).isHidden()]  # fmt: skip
    assert "Incident report" in visible  # its description mentions status pages
    assert picker.list.currentItem().text() == "Status update"  # but its name says status
    picker.search.clear()
    qtbot.keyClicks(picker.search, "update")
    assert picker.list.currentItem().text() == "Status update"
    picker.reject()


def test_enter_starts_a_draft_with_the_first_placeholder_selected(qtbot, window):
    picker = open_picker(qtbot, window)
    qtbot.keyClicks(picker.search, "decision")
    report = wait_report(qtbot, window,
                         action=lambda: qtbot.keyClick(picker.search, Qt.Key.Key_Return))  # fmt: skip
    assert not any(p.isVisible() for p in window.findChildren(TemplatePicker))
    text = window.editor.toPlainText()
    assert text.startswith("Subject: Decision needed by {{")
    assert selected(window) == "{{day and date}}"
    assert window.template.id == "decision-proposal"
    assert "Decision proposal" in window.template_label.text()
    assert {f.rule for f in report.findings} == {"structure.placeholder"}
    assert window.readiness.states["ask"].state in ("pass", "pending")


def test_tab_and_shift_tab_walk_the_placeholders(qtbot, window):
    template = window.catalog.get("async-standup")
    window.start_draft(template)
    first = selected(window)
    assert first.startswith("{{one line")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert selected(window) == "{{what you finished, with a link to the PR or ticket}}"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)  # wraps to the first
    assert selected(window) == first
    qtbot.keyClick(window.editor, Qt.Key.Key_Backtab)  # Shift+Tab: back to the last
    assert selected(window).startswith("{{what is in your way")
    qtbot.keyClicks(window.editor, "None.")
    assert "None." in window.editor.toPlainText()
    assert "{{what is in your way" not in window.editor.toPlainText()


def test_a_filled_template_applies_its_sections(qtbot, window):
    window.start_draft(window.catalog.get("incident-report"))
    window.editor.selectAll()
    report = type_text(qtbot, window, "TL;DR: checkout is down since 14:05 UTC. No action needed.")
    missing = [f for f in report.findings if f.rule == "structure.missing-section"]
    assert len(missing) == 6


# -- the rest of the editor ----------------------------------------------------------------


def test_find_selects_the_next_match_and_wraps(qtbot, window):
    window.editor.setPlainText("alpha beta alpha")
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "alpha")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    first = window.editor.textCursor().selectionStart()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    second = window.editor.textCursor().selectionStart()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert (first, second, window.editor.textCursor().selectionStart()) == (0, 11, 0)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_zoom_shortcuts_change_the_font_size(qtbot, window):
    size = window.editor.font().pointSizeF()
    qtbot.keyClick(window.editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.zoom == 1 and window.editor.font().pointSizeF() > size
    qtbot.keyClick(window.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.zoom == 0 and window.editor.font().pointSizeF() == size


def test_undo_and_redo(qtbot, window):
    qtbot.keyClicks(window.editor, "hello")
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == ""
    qtbot.keyClick(window.editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert window.editor.toPlainText() == "hello"


def test_a_large_paste_is_linted_and_the_editor_keeps_working(qtbot, window):
    text = ("Please review the rollout plan by Thu 26 Nov, 17:00 UTC. " * 1200).strip()
    report = wait_report(qtbot, window, action=lambda: window.editor.setPlainText(text))
    assert report.text == text
    qtbot.keyClicks(window.editor, "x")  # the cursor is at the start after a paste-in
    assert window.editor.toPlainText() == "x" + text


def test_window_state_persists_and_a_corrupt_file_means_defaults(qtbot, window):
    window.resize(1000, 700)
    window.splitter.setSizes([700, 300])
    window.editor.change_zoom(2)
    window.close()
    saved = json.loads(window_state.state_file().read_text(encoding="utf-8"))
    assert saved["zoom"] == 2 and saved["started_before"] is True
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.editor.zoom == 2
    assert again.state.splitter == saved["splitter"]
    again.linter.shutdown()
    window_state.state_file().write_text("{not json", encoding="utf-8")
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    assert fresh.editor.zoom == 0 and not fresh.state.started_before
    fresh.linter.shutdown()


def future_deadline() -> tuple[str, datetime]:
    """A deadline a month from today (the window checks against the real clock)."""
    day = date.today() + timedelta(days=30)
    when = datetime(day.year, day.month, day.day, 17, 0, tzinfo=UTC)
    return f"{day:%a} {day.day} {day:%b %Y}, 17:00 UTC", when


def test_the_readiness_tooltip_shows_deadlines_as_a_zone_time_table(qtbot, window):
    tokyo = ZoneInfo("Asia/Tokyo")
    window.tz = tokyo
    text, when = future_deadline()
    type_text(qtbot, window, f"@sam, please approve the plan by {text}.")
    tip = window.readiness.chips["deadline"].toolTip()
    local = when.astimezone(tokyo)
    assert "<table" in tip and "Passes." not in tip
    assert (
        f"<td>You, Tokyo (JST)</td><td>&nbsp;&nbsp;{timeexpr.format_day(local.date())}, 02:00</td>"
        in tip
    )
    assert f"<td>UTC</td><td>&nbsp;&nbsp;{timeexpr.format_day(when.date())}, 17:00</td>" in tip


def test_nothing_is_ready_before_there_is_text_or_while_placeholders_remain(qtbot, window):
    wait_report(qtbot, window, action=window.linter.lint_now)
    assert {s.state for s in window.readiness.states.values()} == {"pending"}
    assert window.readiness.verdict.text() == ""
    assert window.findings.title.text() == "Findings appear here as you write."
    wait_report(
        qtbot, window, action=lambda: window.start_draft(window.catalog.get("status-update"))
    )
    assert "pass" not in {s.state for s in window.readiness.states.values()}


def test_a_clean_message_reads_ready_to_send(qtbot, window):
    deadline, _when = future_deadline()
    type_text(qtbot, window, f"TL;DR: @sam, please approve the plan by {deadline}: "
                             "https://docs.example.com/plan")  # fmt: skip
    assert {s.state for s in window.readiness.states.values()} == {"pass"}
    assert window.readiness.verdict.text() == "Ready to send"


def test_the_windows_catalog_reports_rule_typos_and_is_the_one_lints_resolve(qtbot, tmp_path):
    from asyncwriter import paths, templates

    folder = paths.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.md").write_text(
        '+++\nid = "mine"\nname = "Mine"\n\n[rules]\n"ask.mising" = "off"\n+++\nHello {{who}}\n'
    )
    win = MainWindow()
    qtbot.addWidget(win)
    try:
        reasons = [p.reason for p in win.catalog.problems]
        assert any("unknown rule 'ask.mising'" in r and "ask.missing" in r for r in reasons)
        assert templates.shared_catalog() is win.catalog
        marked = templates.marker("mine") + "\nHello"
        assert templates.resolve(None, marked) is win.catalog.templates["mine"]
    finally:
        win.shutdown()


def test_the_bars_turn_dark_with_the_application(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from asyncwriter.ui import theme
    from asyncwriter.ui.banner import Banner

    app = QApplication.instance()
    light = app.palette()
    bars = window.findChildren(Banner)
    assert bars
    try:
        app.setPalette(theme.dark_palette())
        qtbot.waitUntil(lambda: all("#45331a" in b.styleSheet() or "#4a1c1a" in b.styleSheet()
                                    or "#1b2b47" in b.styleSheet() for b in bars))  # fmt: skip
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: all(b.styleSheet() == theme.banner_style(b.objectName(), b.kind)
                                for b in bars))  # fmt: skip
    assert not theme.is_dark()
