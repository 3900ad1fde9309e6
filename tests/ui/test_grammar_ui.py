"""Grammar in the window: underlines from LanguageTool, quick fixes, and every way it asks.

LanguageTool is the stand-in server from tests/lt_fake.py; settings.toml points at it.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from asyncwriter import paths, settings
from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.languagetool import local, server
from asyncwriter.ui import state as window_state
from asyncwriter.ui.settings.dialog import SettingsDialog
from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report

pytestmark = pytest.mark.gui


def configure(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text, encoding="utf-8")


def grammar_report(qtbot, win, text: str):
    """Set the text and return the first report that has LanguageTool's answer in it."""
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(text))
    while report.grammar is None or report.grammar.pending:
        report = wait_report(qtbot, win)
    return report


def grammar_cards(win):
    return [
        card
        for card in win.findings.cards()
        if card.finding.rule.startswith(("grammar.", "spelling."))
    ]


TEXT = "TL;DR: teh rollout is done, nothing needed from you.\n\nFYI, no action needed.\n"


def test_grammar_underlines_and_quick_fix(qtbot, open_window, lt_server):
    configure(f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    win = open_window()
    assert win.grammar_status.text() == "Grammar on"
    assert not win.grammar_bar.isVisible()
    report = grammar_report(qtbot, win, TEXT)
    (spelling,) = [f for f in report.findings if f.rule.startswith(("grammar.", "spelling."))]
    assert TEXT[spelling.start : spelling.end] == "teh"
    assert lt_server.requests[-1]["level"] == "default"
    underlined = [r for r in win.editor.extraSelections() if r.cursor.selectedText() == "teh"]
    assert underlined, "the misspelling is underlined in the editor"
    (card,) = grammar_cards(win)
    win.findings.queue_area.ensureWidgetVisible(card)
    qtbot.mouseClick(card.message, Qt.MouseButton.LeftButton)
    assert win.findings.current_finding() is card.finding
    assert not card.add_word_button.isHidden()
    assert card.fix_buttons[0].text() == "Replace with “the”"
    report = wait_report(qtbot, win, action=lambda: qtbot.mouseClick(
        card.fix_buttons[0], Qt.MouseButton.LeftButton))  # fmt: skip
    assert win.editor.toPlainText().startswith("TL;DR: the rollout")
    assert not [f for f in report.findings if f.rule.startswith(("grammar.", "spelling."))]


def test_only_the_edited_paragraph_is_sent_again(qtbot, open_window, lt_server):
    configure(f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    win = open_window()
    grammar_report(qtbot, win, TEXT)
    before = len(lt_server.requests)
    edited = TEXT.replace("FYI,", "FYI: teh")
    report = grammar_report(qtbot, win, edited)
    assert len(lt_server.requests) == before + 1
    assert "TL;DR" not in lt_server.requests[-1]["data"]
    assert len([f for f in report.findings if f.rule.startswith(("grammar.", "spelling."))]) == 2


def test_add_to_dictionary_and_turn_off_rule_are_saved(qtbot, open_window, lt_server):
    configure(f'# mine\n[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    win = open_window()
    report = grammar_report(qtbot, win, TEXT + "\nWe could of waited.\n")
    spelling = next(f for f in report.findings if f.rule == "spelling.misspelling")
    report = wait_report(qtbot, win, action=lambda: win.finding_actions.add_to_dictionary(spelling))
    assert settings.load().languagetool.words == ["teh"]
    assert all(f.rule != "spelling.misspelling" for f in report.findings)
    # Harper (built in) and LanguageTool both find "could of": one finding, Harper's id.
    (could,) = [f for f in report.findings if f.rule in ("grammar.ModalOf", "grammar.COULD_OF")]
    assert could.rule == "grammar.ModalOf" and "could have" in could.suggestions
    report = wait_report(qtbot, win, action=lambda: win.finding_actions.turn_off_rule(could))
    assert settings.load().rules["grammar.ModalOf"] is None  # LanguageTool's twin is off too
    assert all(not f.rule.startswith(("grammar.", "spelling.")) for f in report.findings)
    assert paths.settings_file().read_text(encoding="utf-8").startswith("# mine\n")


def test_a_broken_settings_file_is_reported_and_never_rewritten(qtbot, open_window, lt_server):
    text = (f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n'
            '[time]\nzone = "Mars/Base"\n')  # fmt: skip
    configure(text)
    win = open_window()
    assert win.banner.isVisible()
    assert "settings.toml:5" in win.banner.message.text()
    assert "Mars/Base" in win.banner.message.text()
    report = grammar_report(qtbot, win, TEXT)
    spelling = next(f for f in report.findings if f.rule.startswith(("grammar.", "spelling.")))
    report = wait_report(qtbot, win, action=lambda: win.finding_actions.turn_off_rule(spelling))
    assert all(
        not f.rule.startswith(("grammar.", "spelling.")) for f in report.findings
    )  # this session
    assert "session only" in win.rule_off.notice.label.text()  # the message with Undo
    assert paths.settings_file().read_text(encoding="utf-8") == text


def test_local_mode_asks_before_downloading(qtbot, open_window):
    configure('[languagetool]\nmode = "local"\n')
    win = open_window()  # local LanguageTool, not downloaded here
    assert win.grammar.state == "needs-download"
    assert not win.grammar_bar.isVisible()  # it asks once the writer has written
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(TEXT))
    assert report.grammar is None  # nothing asked, everything else checked
    assert report.findings is not None
    assert win.grammar_bar.isVisible()
    assert win.grammar_bar.buttons["download"].isVisible()
    assert "download LanguageTool" in win.grammar_bar.message.text()
    win.grammar_bar.buttons["later"].click()
    assert not win.grammar_bar.isVisible()
    assert win.grammar_status.text() == "Grammar: not set up"


def test_turn_off_grammar_from_the_bar(qtbot, open_window):
    win = open_window()
    win.grammar_bar.buttons["off"].click()
    assert settings.load().languagetool.mode == "off"
    assert win.grammar.state == "off" and not win.grammar_bar.isVisible()
    assert win.grammar_status.text() == "Grammar off"


def test_download_shows_progress_then_grammar_starts(qtbot, open_window, monkeypatch):
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    def fake_download(progress):
        progress(50_000_000, 200_000_000)
        (local.use_download_folder() / f"LanguageTool-{LTP_DOWNLOAD_VERSION}").mkdir(parents=True)

    monkeypatch.setattr(local, "download", fake_download)
    configure('[languagetool]\nmode = "local"\n')
    win = open_window()
    progress = []
    win.grammar.downloadProgress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(win.grammar.stateChanged, timeout=REPORT_TIMEOUT_MS,
                          check_params_cb=lambda state, _m: state != "downloading"):  # fmt: skip
        win.grammar_bar.buttons["download"].click()
    assert progress == [(50_000_000, 200_000_000)]
    assert local.installed()
    assert win.grammar.state in ("ready", "starting", "checking", "failing", "needs-java")


def test_a_failed_download_says_what_to_do(qtbot, open_window, monkeypatch):
    def offline(progress):
        raise GrammarError("LanguageTool could not be downloaded (connection refused); "
                           "check the connection")  # fmt: skip

    monkeypatch.setattr(local, "download", offline)
    win = open_window()
    with qtbot.waitSignal(win.grammar.stateChanged, timeout=REPORT_TIMEOUT_MS,
                          check_params_cb=lambda state, _m: state == "download-failed"):  # fmt: skip
        win.grammar_bar.buttons["download"].click()
    assert "could not be downloaded" in win.grammar_bar.message.text()
    assert win.grammar_bar.buttons["download"].isVisible()  # try again
    assert win.grammar_bar.buttons["server"].isVisible()


def test_missing_java_is_explained_in_the_window(qtbot, open_window, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    win = open_window()
    with qtbot.waitSignal(win.grammar.stateChanged, timeout=REPORT_TIMEOUT_MS,
                          check_params_cb=lambda state, _m: state == "needs-java"):  # fmt: skip
        win.grammar_bar.buttons["download"].click()
    assert "needs Java" in win.grammar_bar.message.text()
    assert "openjdk-17" in win.grammar_bar.message.text()


def test_public_service_waits_for_consent(qtbot, open_window, lt_server, monkeypatch):
    monkeypatch.setattr(server, "PUBLIC_URL", lt_server.url)
    configure('[languagetool]\nmode = "public"\n')
    win = open_window()
    assert win.grammar.state == "needs-consent"
    assert "receive the text of your drafts" in win.grammar_bar.message.text()
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(TEXT))
    assert report.grammar is None and lt_server.requests == []
    win.grammar_bar.buttons["allow"].click()
    assert window_state.load().public_consent
    report = grammar_report(qtbot, win, TEXT + " ")
    assert any(f.rule.startswith(("grammar.", "spelling.")) for f in report.findings)


def test_an_unreachable_server_never_stops_typing(qtbot, open_window, lt_server):
    url = lt_server.url
    lt_server.close()
    configure(f'[languagetool]\nmode = "server"\nurl = "{url}"\n')
    win = open_window()
    with qtbot.waitSignal(win.grammar.stateChanged, timeout=REPORT_TIMEOUT_MS,
                          check_params_cb=lambda state, _m: state == "failing"):  # fmt: skip
        win.editor.setPlainText(TEXT)
    assert win.grammar_status.text() == "Grammar: not reachable"
    assert "trying again in 2 s" in win.grammar_status.toolTip()
    win.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(win.editor, "Thoughts?")
    assert win.editor.toPlainText().endswith("Thoughts?")
    report = wait_report(qtbot, win)  # the other checks go on
    assert report.text.endswith("Thoughts?")


def test_a_slow_server_times_out_and_other_checks_are_not_held_up(
    qtbot, open_window, lt_server, monkeypatch
):
    monkeypatch.setattr(server, "READ_TIMEOUT", 0.5)
    lt_server.fake.mode = "slow"
    configure(f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    win = open_window()
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(
        "Please review teh doc by Friday.\n"))  # fmt: skip
    assert any(f.rule.startswith("deadline.") for f in report.findings)
    with qtbot.waitSignal(win.grammar.stateChanged, timeout=REPORT_TIMEOUT_MS,
                          check_params_cb=lambda state, _m: state == "failing"):  # fmt: skip
        pass
    assert "did not answer in time" in win.grammar_status.toolTip()


def test_closing_the_window_never_waits_on_a_hanging_request(qtbot, open_window, lt_server):
    """A server that drips its answer holds the request; quitting must not wait for it."""
    lt_server.fake.mode = "drip"
    lt_server.fake.drip, lt_server.fake.hold = 1.0, 60.0
    configure(f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    win = open_window()
    win.editor.setPlainText(TEXT)
    qtbot.waitUntil(lambda: bool(lt_server.requests), timeout=REPORT_TIMEOUT_MS)
    assert win.grammar.state == "checking"
    # The request would hold until the server lets go or the request's deadline passes.
    held = min(lt_server.fake.hold, server.TOTAL_TIMEOUT)
    started = time.monotonic()
    win.close()
    took = time.monotonic() - started
    assert took < held / 3, f"closing waited {took:.1f} s on a request held {held:.0f} s"
    assert lt_server.fake.drip_ended.wait(held / 3)  # the connection was dropped at once


def test_settings_dialog_from_the_window_applies_at_once(qtbot, open_window, lt_server):
    win = open_window()
    assert win.grammar.state == "builtin"  # the default: no LanguageTool to set up
    dialog = win.open_settings("grammar")
    assert dialog.tabs.currentWidget() is dialog.grammar_page
    dialog.time_page.zone.setEditText("Asia/Tokyo")
    dialog.time_page.team_input.setEditText("America/New_York")
    dialog.time_page.team_add.click()
    dialog.grammar_page.mode_buttons["server"].click()
    dialog.grammar_page.url.setText(lt_server.url)
    dialog.save_button.click()
    assert str(win.tz) == "Asia/Tokyo"
    assert win.readiness.team_zones == ["America/New_York"]
    assert win.grammar.state == "ready" and not win.grammar_bar.isVisible()
    text = "Please approve the plan by 2026-11-24 17:00 JST. Teh details follow.\n"
    report = grammar_report(qtbot, win, text)
    assert any(f.rule.startswith(("grammar.", "spelling.")) for f in report.findings)
    tip = win.readiness.chips["deadline"].toolTip()
    assert "<td>New York (" in tip and "<td>You, Tokyo (JST)</td>" in tip
    assert settings.load().zone == "Asia/Tokyo"


def test_settings_shortcut_opens_the_dialog(qtbot, open_window):
    win = open_window()
    assert win.settings_action.shortcut().toString() == "Ctrl+,"
    win.settings_action.trigger()
    dialog = win.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
