"""The window's chrome: bar colours, window size, pane keys, shortcut list, first-start offers.

Offers (the LanguageTool download, the trained pipeline) wait for the writer's first words,
come one at a time and remember Not Now; the pipeline offer is made to appear here by
naming no pipeline and none installed, as in test_pipeline_offer.py.
"""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from asyncwriter.checks import nlp
from asyncwriter.ui import state as window_state
from asyncwriter.ui import theme
from asyncwriter.ui.chord_hint import hint_text
from asyncwriter.ui.shortcut_list import ShortcutsDialog, typeable
from asyncwriter.ui.template_picker import TemplatePicker
from tests.ui.conftest import wait_report

pytestmark = pytest.mark.gui

KINDS = ("fault", "notice", "info")


@pytest.fixture
def both_offers(monkeypatch):
    """No trained pipeline named or installed, so the pipeline is offered too."""
    monkeypatch.delenv(nlp.MODEL_ENV, raising=False)
    monkeypatch.delenv(nlp.SENTENCES_ENV, raising=False)
    monkeypatch.setattr(nlp, "TRAINED_PIPELINES", ("asyncwriter_test_no_such_pipeline",))
    monkeypatch.setattr(nlp, "_pipeline", nlp._pipeline)


def use_local_languagetool() -> None:
    """Choose LanguageTool on this computer (not the default), so its download is offered."""
    from asyncwriter import paths

    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text('[languagetool]\nmode = "local"\n', encoding="utf-8")


def focus_in(pane: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is pane or pane.isAncestorOf(focus))


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` where the focus is, as the writer would."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


# -- banner colours -----------------------------------------------------------------------


def test_banner_colours_follow_light_and_dark_and_stay_readable(qtbot, window):
    app = QApplication.instance()
    light = app.palette()
    assert not theme.is_dark(light)
    dark = theme.dark_palette()
    for kind in KINDS:
        light_bg, light_fg = theme.banner_colors(kind, light)
        dark_bg, dark_fg = theme.banner_colors(kind, dark)
        assert light_bg != dark_bg and light_fg != dark_fg
        assert light_bg.lightness() > 128 > dark_bg.lightness()
        for background, text in ((light_bg, light_fg), (dark_bg, dark_fg)):
            assert theme.contrast_ratio(background, text) >= theme.READABLE, kind

    # As drawn: the grammar bar in a dark window is dark, with its text readable on it.
    bar = window.grammar_bar
    bar.present("needs-download", "Check grammar?")
    bar.show()
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: bar.grab().toImage().pixelColor(3, 3).lightness() < 80)
        drawn = bar.grab().toImage().pixelColor(3, 3)
        background, text = theme.banner_colors("info")
        assert drawn.name() == background.name()
        assert text.name() in bar.styleSheet()
        assert theme.contrast_ratio(drawn, text) >= theme.READABLE
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: bar.grab().toImage().pixelColor(3, 3).lightness() > 128)


def test_high_contrast_uses_the_system_colours_with_a_border(monkeypatch):
    monkeypatch.setattr(theme, "high_contrast", lambda: True)
    for palette in (QApplication.instance().palette(), theme.dark_palette()):
        for kind in KINDS:
            background, text = theme.banner_colors(kind, palette)
            assert background == palette.color(palette.ColorRole.Window)
            assert theme.contrast_ratio(background, text) >= theme.READABLE
            assert "border: 2px solid" in theme.banner_style("bar", kind, palette)


def test_contrast_ratio_is_wcag():
    from PySide6.QtGui import QColor

    assert theme.contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21)
    assert theme.contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


# -- window size --------------------------------------------------------------------------


def test_the_window_fits_the_screen_and_a_saved_size_that_does_not_is_dropped(qtbot, open_window):
    win = open_window()
    available = win.screen().availableGeometry()
    assert available.width() < 1200 or available.height() < 780  # the offscreen screen is small
    assert available.contains(win.geometry())

    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, available.width() + 600, available.height() + 400)
    state = window_state.load()
    state.geometry = base64.b64encode(big.saveGeometry().data()).decode("ascii")
    window_state.save(state)
    again = open_window()
    assert available.contains(again.geometry())

    small = QWidget()
    qtbot.addWidget(small)
    small.setGeometry(available.x() + 20, available.y() + 30, 500, 400)
    state.geometry = base64.b64encode(small.saveGeometry().data()).decode("ascii")
    window_state.save(state)
    kept = open_window()
    assert (kept.width(), kept.height()) == (500, 400)  # a saved size that fits is kept
    assert QByteArray(base64.b64decode(state.geometry))


# -- keyboard -----------------------------------------------------------------------------


def test_f6_cycles_focus_through_the_visible_panes(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    press(qtbot, Qt.Key.Key_F6)
    assert focus_in(window.findings)
    press(qtbot, Qt.Key.Key_F6)
    assert window.sidebar.list.hasFocus()
    press(qtbot, Qt.Key.Key_F6)
    assert window.editor.hasFocus()
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.sidebar.list.hasFocus()
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focus_in(window.findings)

    window.sidebar_action.trigger()  # the sidebar is hidden: F6 skips it
    assert not window.sidebar.isVisible()
    assert window.editor.hasFocus()
    press(qtbot, Qt.Key.Key_F6)
    assert focus_in(window.findings)
    press(qtbot, Qt.Key.Key_F6)
    assert window.editor.hasFocus()
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focus_in(window.findings)


def open_shortcut_list(qtbot, win) -> ShortcutsDialog:
    entry = next(a for a in win.help_menu.actions() if "Keyboard Shortcuts" in a.text())
    entry.trigger()
    dialog = win.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_shortcut_list_has_every_action_shortcut_of_the_window(qtbot, window):
    # An action another part adds (the next-finding key, say) is listed without telling it.
    next_finding = QAction("Next Finding", window)
    next_finding.setShortcut(QKeySequence("F8"))
    window.addAction(next_finding)
    dialog = open_shortcut_list(qtbot, window)
    table = dialog.table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    listed_keys = " | ".join(keys for _command, keys in rows)
    actions = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(actions) > 20
    for action in actions:
        assert any(typeable(s) for s in action.shortcuts()), action.text()
        for shortcut in filter(typeable, action.shortcuts()):
            text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            assert text in listed_keys, f"{action.text()!r}: {text} is not listed"
    assert ("Next Finding", "F8") in rows
    assert ("Next Pane", "F6") in rows and ("Previous Pane", "Shift+F6") in rows
    assert ("Copy for Slack", "Ctrl+E, S") in rows
    undo = dict(rows)["Undo"]
    assert undo.startswith("Ctrl+Z") and "F14" not in undo  # no keys of a Sun keyboard
    assert ("Next Placeholder", "Tab") in rows  # keys the editor handles, named in a menu
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is None)


def test_a_waiting_chord_says_so_until_it_completes_or_is_abandoned(qtbot, window):
    status = window.statusBar()
    window.editor.setFocus()
    hint = hint_text(QKeySequence("Ctrl+E")[0])
    assert hint == "Ctrl+E … (waiting for the second key)"
    qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage() == hint
    qtbot.keyClick(window.editor, Qt.Key.Key_Q)  # not a second key of any chord
    assert status.currentMessage() == ""
    assert window.editor.toPlainText() == ""  # Qt drops the abandoning key

    copied = []
    window.exporter.format_actions["plain"].triggered.connect(lambda: copied.append(1))
    qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage() == hint
    qtbot.keyClick(window.editor, Qt.Key.Key_P)
    assert copied == [1]
    assert status.currentMessage() != hint


def test_the_chips_and_open_in_mail_app_take_focus(qtbot, window):
    mail = window.exporter.toolbar.widgetForAction(window.exporter.mail_action)
    assert mail.focusPolicy() & Qt.FocusPolicy.TabFocus
    chip = window.readiness.chips["ask"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert chip.hasFocus()


# -- first start --------------------------------------------------------------------------


def type_words(qtbot, win, text: str = "Rollout is done") -> None:
    wait_report(qtbot, win, action=lambda: qtbot.keyClicks(win.editor, text))


@pytest.mark.usefixtures("both_offers")
def test_offers_wait_for_text_come_one_at_a_time_and_not_now_is_remembered(qtbot, open_window):
    use_local_languagetool()
    win = open_window()
    grammar, pipeline = win.grammar_bar, win.pipeline.bar
    assert win.grammar.state == "needs-download"
    qtbot.waitUntil(lambda: pipeline.state == "offer")
    assert not grammar.isVisible() and not pipeline.isVisible()

    win.open_template_picker()  # what a first start shows, alone
    picker = win.findChild(TemplatePicker)
    qtbot.waitUntil(picker.isVisible)
    qtbot.keyClicks(picker.search, "status update")
    wait_report(qtbot, win, action=lambda: qtbot.keyClick(picker.search, Qt.Key.Key_Return))
    assert "{{" in win.editor.toPlainText()
    assert not grammar.isVisible() and not pipeline.isVisible()  # a fresh template: no text yet

    type_words(qtbot, win)
    qtbot.waitUntil(grammar.isVisible)
    assert grammar.state == "needs-download" and not pipeline.isVisible()  # never two stacked
    qtbot.mouseClick(grammar.buttons["later"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pipeline.isVisible)  # the next offer takes its place
    assert not grammar.isVisible()
    assert window_state.load().grammar_not_now == ["needs-download"]

    win.shutdown()
    again = open_window()  # a restart with the same config dir
    type_words(qtbot, again, "Deploy finished on time")
    qtbot.waitUntil(again.pipeline.bar.isVisible)
    assert again.grammar.state == "needs-download"
    assert not again.grammar_bar.isVisible() and not again.grammar_bar.held


def test_a_returning_draft_with_text_gets_the_offer_without_typing(qtbot, open_window):
    use_local_languagetool()
    win = open_window()
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText("Shipped the fix.\n"))
    qtbot.waitUntil(win.grammar_bar.isVisible)
