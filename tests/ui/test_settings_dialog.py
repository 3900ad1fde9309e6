"""The settings dialog: edits land in settings.toml in place, and nothing else does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from asyncwriter import paths, settings
from asyncwriter.checks import Severity
from asyncwriter.ui.settings.dialog import SettingsDialog
from asyncwriter.ui.settings.zone_field import canonical_zone

pytestmark = pytest.mark.gui

COMMENTED = """\
# AsyncWriter settings, kept by hand
[rules]
# the team wants vague asks called out
"ask.vague" = "warning"
deadline = "off"  # we do not do deadlines
"grammar.EN_QUOTES" = "off"

[time]
zone = "Europe/Berlin"  # home

[languagetool]
mode = "local"

[extra]
kept = 1  # a key this version does not know
"""


@pytest.fixture
def settings_file():
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def open_dialog(qtbot):
    opened: list[SettingsDialog] = []

    def open_(config, **kwargs) -> SettingsDialog:
        dialog = SettingsDialog(config, **kwargs)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.open()
        opened.append(dialog)
        return dialog

    yield open_
    for dialog in opened:
        for box in dialog.findChildren(QMessageBox):
            box.close()


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def save(qtbot, dialog: SettingsDialog) -> settings.Settings:
    with qtbot.waitSignal(dialog.saved, timeout=2000) as blocker:
        dialog.save_button.click()
    return blocker.args[0]


def test_round_trip_keeps_comments_and_unknown_keys(qtbot, open_dialog, settings_file):
    settings_file.write_text(COMMENTED, encoding="utf-8")
    dialog = open_dialog(settings.load(settings_file))
    assert dialog.time_page.zone.currentText() == "Europe/Berlin"
    assert dialog.problems is None

    dialog.time_page.zone.setEditText("america/chicago")  # any case; saved as the IANA name
    dialog.time_page.team_input.setEditText("Asia/Kolkata")
    dialog.time_page.team_add.click()
    grammar = dialog.grammar_page
    grammar.mode_buttons["server"].click()
    grammar.url.setText("https://lt.example.com")
    grammar.word_input.setText("Kubernetes")
    grammar.word_add.click()
    grammar.picky.setChecked(True)
    choose(dialog.rules_page.combo("ask.vague"), "off")
    choose(dialog.rules_page.combo("links.missing"), "error")
    reloaded = save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.kept_broken_file is None
    text = settings_file.read_text(encoding="utf-8")
    for comment in (
        "# AsyncWriter settings, kept by hand",
        "# the team wants vague asks",
        "# we do not do deadlines",
        "# home",
        "# a key this version does not know",
    ):
        assert comment in text
    assert "kept = 1" in text
    again = settings.load(settings_file)
    assert again.problems == []
    assert again.zone == "America/Chicago"
    assert again.team_zones == ["Asia/Kolkata"]
    assert again.languagetool.mode == "server"
    assert again.languagetool.url == "https://lt.example.com"
    assert again.languagetool.level == "picky"
    assert again.languagetool.words == ["Kubernetes"]
    assert again.rules == {
        "ask.vague": None,
        "deadline": None,
        "grammar.EN_QUOTES": None,
        "links.missing": Severity.ERROR,
    }
    assert reloaded.zone == again.zone and reloaded.rules == again.rules


def test_cancel_leaves_the_file_byte_identical(qtbot, open_dialog, settings_file):
    settings_file.write_bytes(COMMENTED.encode("utf-8"))
    before = settings_file.read_bytes()
    dialog = open_dialog(settings.load(settings_file))
    dialog.time_page.zone.setEditText("Asia/Tokyo")
    choose(dialog.rules_page.combo("summary.missing"), "off")
    dialog.grammar_page.word_input.setText("Qt")
    dialog.grammar_page.add_word()
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert settings_file.read_bytes() == before


def test_no_file_yet_saves_a_new_one(qtbot, open_dialog, settings_file):
    dialog = open_dialog(settings.load(settings_file))
    assert dialog.time_page.zone.zone() is None  # "System (...)"
    assert dialog.time_page.zone.currentText().startswith("System (")
    save(qtbot, dialog)
    assert settings.load(settings_file).problems == []
    assert settings.load(settings_file).zone is None


def test_broken_toml_is_shown_and_kept_until_save(qtbot, open_dialog, settings_file):
    broken = b'[time]\nzone = "Europe/Berlin\n# unterminated string above\n'
    settings_file.write_bytes(broken)
    dialog = open_dialog(settings.load(settings_file))
    assert dialog.problems is not None and dialog.problems.isVisible()
    shown = dialog.problems.label.text()
    assert "settings.toml:2" in shown and "not valid TOML" in shown
    assert "settings.toml.broken" in shown
    assert settings_file.read_bytes() == broken

    dialog.time_page.zone.setEditText("UTC")
    save(qtbot, dialog)
    assert dialog.kept_broken_file == settings_file.with_name("settings.toml.broken")
    assert dialog.kept_broken_file.read_bytes() == broken
    again = settings.load(settings_file)
    assert again.problems == [] and again.zone == "UTC"


def test_semantic_problems_are_shown_and_the_file_untouched(qtbot, open_dialog, settings_file):
    source = '[time]\nzone = "Mars/Olympus"\nteam_zones = ["Asia/Tokyo", "Nowhere"]\n'
    settings_file.write_text(source, encoding="utf-8")
    dialog = open_dialog(settings.load(settings_file))
    shown = dialog.problems.label.text()
    assert "settings.toml:2" in shown and "Mars/Olympus" in shown
    assert "settings.toml:3" in shown and "Nowhere" in shown
    assert "replaces them" in shown and ".broken" not in shown
    assert dialog.time_page.zone.zone() is None  # the system zone is used meanwhile
    assert dialog.time_page.team.values() == ["Asia/Tokyo"]
    assert settings_file.read_text(encoding="utf-8") == source

    save(qtbot, dialog)
    again = settings.load(settings_file)
    assert again.problems == []
    assert again.zone is None and again.team_zones == ["Asia/Tokyo"]
    assert dialog.kept_broken_file is None


def test_http_server_refused_unless_on_this_machine(qtbot, open_dialog, settings_file):
    settings_file.write_text(COMMENTED, encoding="utf-8")
    before = settings_file.read_bytes()
    dialog = open_dialog(settings.load(settings_file))
    grammar = dialog.grammar_page
    dialog.tabs.setCurrentWidget(grammar)
    assert not grammar.url.isEnabled()  # only with the server mode
    grammar.mode_buttons["server"].click()
    assert grammar.url.isEnabled()
    grammar.url.setText("http://lt.example.com")
    assert grammar.url_message.isVisible()  # live, before any save
    assert "https" in grammar.url_message.text()

    dialog.tabs.setCurrentWidget(dialog.time_page)
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    assert dialog.isVisible()
    assert settings_file.read_bytes() == before
    assert dialog.tabs.currentWidget() is grammar
    assert dialog.error.isVisible() and "https" in dialog.error.text()

    grammar.url.setText("http://localhost:8081")
    assert not grammar.url_message.isVisible()
    save(qtbot, dialog)
    lt = settings.load(settings_file).languagetool
    assert (lt.mode, lt.url) == ("server", "http://localhost:8081")


def test_public_service_asks_and_declining_keeps_the_mode(
    qtbot, open_dialog, settings_file, monkeypatch
):
    settings_file.write_text('[languagetool]\nmode = "off"\n', encoding="utf-8")
    asked: list[tuple] = []

    def decline(parent, title, text, *_args):
        asked.append((title, text))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    dialog = open_dialog(settings.load(settings_file))
    grammar = dialog.grammar_page
    assert not dialog.public_consent
    grammar.mode_buttons["public"].click()
    assert len(asked) == 1 and "languagetool.org" in asked[0][1]
    assert "sent" in asked[0][1]
    assert grammar.mode == "off"
    assert grammar.mode_buttons["off"].isChecked()
    assert not grammar.mode_buttons["public"].isChecked()
    assert not dialog.public_consent
    save(qtbot, dialog)
    assert settings.load(settings_file).languagetool.mode == "off"


def test_public_service_accepted_is_remembered(qtbot, open_dialog, settings_file, monkeypatch):
    answers = iter([True])
    monkeypatch.setattr(SettingsDialog, "ask_public_consent", lambda self: next(answers))
    dialog = open_dialog(settings.load(settings_file))
    grammar = dialog.grammar_page
    grammar.mode_buttons["public"].click()
    assert dialog.public_consent and grammar.mode == "public"
    grammar.mode_buttons["local"].click()
    grammar.mode_buttons["public"].click()  # asked once per dialog: no second answer needed
    save(qtbot, dialog)
    assert settings.load(settings_file).languagetool.mode == "public"


def test_public_mode_on_open_counts_as_consent(open_dialog, settings_file, monkeypatch):
    settings_file.write_text('[languagetool]\nmode = "public"\n', encoding="utf-8")
    monkeypatch.setattr(SettingsDialog, "ask_public_consent", lambda self: pytest.fail("asked"))
    dialog = open_dialog(settings.load(settings_file))
    assert dialog.public_consent
    assert dialog.grammar_page.mode_buttons["public"].isChecked()


def test_turning_a_grammar_rule_back_on_removes_it(qtbot, open_dialog, settings_file):
    settings_file.write_text(COMMENTED, encoding="utf-8")
    dialog = open_dialog(settings.load(settings_file))
    off = dialog.grammar_page.off_rules
    assert off.values() == ["grammar.EN_QUOTES"]
    off.list.setCurrentRow(0)
    off.remove_button.click()
    assert off.values() == []
    save(qtbot, dialog)
    rules = settings.load(settings_file).rules
    assert "grammar.EN_QUOTES" not in rules
    assert rules["deadline"] is None  # the rest of [rules] is as it was


def test_prefix_setting_survives_and_governs_its_rules(qtbot, open_dialog, settings_file):
    source = '[rules]\ndeadline = "off"\n"style.passive" = "info"\n"grammar" = "warning"\n'
    settings_file.write_text(source, encoding="utf-8")
    dialog = open_dialog(settings.load(settings_file))
    page = dialog.rules_page
    assert page.combo("deadline").currentData() == "off"
    assert page.combo("deadline.past").currentText() == "As “deadline” (off)"
    choose(page.combo("deadline"), "error")
    assert page.combo("deadline.past").currentText() == "As “deadline” (error)"
    choose(page.combo("ask.missing"), "info")
    save(qtbot, dialog)
    assert settings.load(settings_file).rules == {
        "deadline": Severity.ERROR,
        "style.passive": Severity.INFO,
        "grammar": Severity.WARNING,
        "ask.missing": Severity.INFO,
    }


def test_rules_table_lists_every_rule_with_rationale(open_dialog, settings_file):
    from asyncwriter.checks import RULES

    dialog = open_dialog(settings.load(settings_file))
    page = dialog.rules_page
    assert list(page.combos) == list(RULES)
    for row, rule in enumerate(RULES.values()):
        assert page.table.item(row, 0).text() == rule.id
        assert page.table.item(row, 1).text() == str(rule.severity)
        assert page.table.item(row, 0).toolTip() == rule.rationale
        assert page.combo(rule.id).currentText() == f"Default ({rule.severity})"
    page.filter.setText("vague")
    visible = [key for row, key in enumerate(page.combos) if not page.table.isRowHidden(row)]
    assert visible == ["ask.vague", "deadline.vague"]


def test_a_rules_mapping_can_be_given(open_dialog, settings_file):
    from asyncwriter.checks.rule import Rule

    rules = {"demo.rule": Rule("demo.rule", Severity.INFO, "Shows up.", check=lambda *_: ())}
    dialog = open_dialog(settings.load(settings_file), rules=rules)
    assert list(dialog.rules_page.combos) == ["demo.rule"]


def test_write_error_keeps_the_dialog_open_with_the_edits(qtbot, open_dialog, tmp_path):
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("", encoding="utf-8")
    config = settings.Settings(path=blocker_file / "settings.toml")
    dialog = open_dialog(config)
    dialog.time_page.zone.setEditText("Asia/Tokyo")
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    box = dialog.warning_box
    assert box is not None and box.isVisible()
    assert "could not be saved" in box.text()
    assert dialog.time_page.zone.zone() == "Asia/Tokyo"
    box.close()


def test_team_zones_refuse_unknown_names_and_duplicates(open_dialog, settings_file):
    dialog = open_dialog(settings.load(settings_file))
    page = dialog.time_page
    page.team_input.setEditText("Mars/Olympus")
    assert not page.add_team_zone()
    assert page.team_message.isVisible() and "Mars/Olympus" in page.team_message.text()
    page.team_input.setEditText("europe/london")
    assert page.add_team_zone()
    assert not page.team_message.isVisible()
    page.team_input.setEditText("Europe/London")
    assert not page.add_team_zone()
    assert "already" in page.team_message.text()
    assert page.team.values() == ["Europe/London"]
    page.team.list.setCurrentRow(0)
    page.team.remove_button.click()
    assert page.team.values() == []


def test_unknown_own_zone_stops_the_save(qtbot, open_dialog, settings_file):
    dialog = open_dialog(settings.load(settings_file))
    dialog.tabs.setCurrentWidget(dialog.rules_page)
    dialog.time_page.zone.setEditText("Atlantis")
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    assert not settings_file.exists()
    assert dialog.tabs.currentWidget() is dialog.time_page
    assert "Atlantis" in dialog.error.text()
    assert dialog.time_page.zone_message.isVisible()
    assert "Atlantis" in dialog.time_page.zone_message.text()
    dialog.time_page.zone.set_zone(None)
    save(qtbot, dialog)
    assert settings.load(settings_file).zone is None


def test_enter_in_an_add_field_adds_instead_of_saving(qtbot, open_dialog, settings_file):
    dialog = open_dialog(settings.load(settings_file))
    dialog.tabs.setCurrentWidget(dialog.grammar_page)
    field = dialog.grammar_page.word_input
    field.setFocus()
    qtbot.keyClicks(field, "Kubernetes")
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.grammar_page.words.values() == ["Kubernetes"]
    assert field.text() == ""
    assert not settings_file.exists()


def test_keyboard_team_zone_and_rule_settings(qtbot, open_dialog, settings_file):
    dialog = open_dialog(settings.load(settings_file))
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.tabs.setCurrentWidget(dialog.rules_page)
    page = dialog.rules_page
    page.filter.setFocus()
    qtbot.keyClicks(page.filter, "deadline.")
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)  # into the first setting that is shown
    assert dialog.focusWidget() is page.combo("deadline.missing")
    assert "deadline.missing" in page.about.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # setting to setting, not cell to cell
    assert dialog.focusWidget() is page.combo("deadline.vague")

    dialog.tabs.setCurrentWidget(dialog.time_page)
    combo = dialog.time_page.team_input
    combo.setFocus()
    combo.setEditText("Asia/Tokyo")  # typing would open the completer's popup
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.time_page.team.values() == ["Asia/Tokyo"]
    assert combo.currentText() == ""


def test_template_folders_added_through_the_file_dialog(
    qtbot, open_dialog, settings_file, tmp_path
):
    team = tmp_path / "team-templates"
    team.mkdir()
    settings_file.write_text('[templates]\nfolders = ["shared"]\n', encoding="utf-8")
    dialog = open_dialog(settings.load(settings_file))
    page = dialog.templates_page
    assert page.folders.values() == ["shared"]
    assert "not found" in page.folders.list.item(0).text()
    page.choose_folder()
    chooser = page.folder_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.fileSelected.emit(str(team))
    chooser.reject()
    assert page.folders.values() == ["shared", str(team)]
    assert not page.add_folder(team)  # no duplicates
    page.folders.list.setCurrentRow(0)
    page.folders.remove_button.click()
    save(qtbot, dialog)
    again = settings.load(settings_file)
    assert again.template_folder_entries == [str(team)]
    assert again.template_folders == [team]


def test_invalid_language_code_stops_the_save(qtbot, open_dialog, settings_file):
    dialog = open_dialog(settings.load(settings_file))
    dialog.grammar_page.language.setEditText("english please")
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    assert dialog.grammar_page.language_message.isVisible()
    dialog.grammar_page.language.setEditText("en-GB")
    save(qtbot, dialog)
    assert settings.load(settings_file).languagetool.language == "en-GB"


def test_canonical_zone():
    assert canonical_zone(" asia/KOLKATA ") == "Asia/Kolkata"
    assert canonical_zone("+02:00") == "+02:00"
    with pytest.raises(ValueError, match="not a time zone"):
        canonical_zone("Nowhere/Land")


def test_the_built_in_checker_is_the_default_and_can_be_chosen_again(
    qtbot, open_dialog, settings_file
):
    dialog = open_dialog(settings.load(settings_file))
    grammar = dialog.grammar_page
    assert grammar.mode == "builtin" and grammar.mode_buttons["builtin"].isChecked()
    assert "no Java, no download" in grammar.mode_buttons["builtin"].text()
    grammar.mode_buttons["local"].click()
    assert save(qtbot, dialog).languagetool.mode == "local"
    dialog = open_dialog(settings.load(settings_file))
    dialog.grammar_page.mode_buttons["builtin"].click()
    save(qtbot, dialog)
    assert settings.load(settings_file).languagetool.mode == "builtin"


def test_with_many_problems_the_dialog_fits_the_screen_and_its_fields_keep_their_height(
    open_dialog, settings_file, qtbot
):
    # Eleven problems on a small screen: the list scrolls, the pages scroll, Save stays on
    # the screen, and the LanguageTool URL field is not squeezed to a strip.
    bad = "\n".join(f'"rule.{i}" = "loud"' for i in range(11))
    settings_file.write_text(f"[rules]\n{bad}\n", encoding="utf-8")
    dialog = open_dialog(settings.load())
    assert dialog.problems is not None
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    assert dialog.problems.height() <= 200
    dialog.tabs.setCurrentWidget(dialog.grammar_page)
    qtbot.wait(50)
    url = dialog.grammar_page.url
    assert url.height() >= url.minimumSizeHint().height()
    save = dialog.save_button
    bottom = save.mapTo(dialog, save.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
