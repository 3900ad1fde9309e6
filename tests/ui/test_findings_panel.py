"""The findings panel: a fix labelled by its rule's fix kind, and cards that fit the column."""

from __future__ import annotations

from asyncwriter.checks import RULES, Severity
from asyncwriter.checks.model import Finding
from asyncwriter.checks.rule import INSERT_SUMMARY, REPLACE
from asyncwriter.ui.finding_card import fix_kind, fix_label


def finding(rule: str) -> Finding:
    return Finding(rule, Severity.WARNING, 0, 4, "message", ("TL;DR: ship it\n\nText",))


def test_every_registry_rule_is_labelled_by_its_fix_kind():
    for rule in RULES.values():
        label = fix_label(finding(rule.id), "TL;DR: ship it\n\nText")
        assert fix_kind(finding(rule.id)) == rule.fix
        if rule.fix == INSERT_SUMMARY:
            assert label == "Insert a TL;DR line"
        else:
            assert label == "Replace with “TL;DR: ship it Text”"
    assert any(rule.fix == INSERT_SUMMARY for rule in RULES.values())


def test_grammar_findings_are_plain_replacements():
    grammar = finding("grammar.MORFOLOGIK_RULE_EN_US")
    assert fix_kind(grammar) == REPLACE
    assert fix_label(grammar, "their") == "Replace with “their”"


def test_a_long_suggestion_is_shortened_on_its_button():
    label = fix_label(finding("grammar.X"), "word " * 20)
    assert label.startswith("Replace with “word word") and label.endswith("…”")
    assert len(label) < 60


def test_a_card_with_a_long_fix_fits_the_window_findings_column(qtbot, open_window):
    from asyncwriter import paths
    from tests.ui.conftest import wait_report

    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text('[time]\nzone = "Europe/Berlin"\n', encoding="utf-8")
    win = open_window()
    win.resize(1280, 720)
    many = "".join(f"Item {i}: please check {{{{placeholder {i}}}}}.\n\n" for i in range(12))
    text = "Team, please decide by Friday 5pm for everyone on the platform team.\n\n" + many
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(text))
    (card,) = [c for c in win.findings.cards() if c.finding.rule == "deadline.no-timezone"]
    viewport = win.findings.queue_area.viewport()
    qtbot.waitUntil(lambda: win.findings.queue_area.verticalScrollBar().isVisible())
    qtbot.wait(50)
    right = card.mapTo(viewport, card.rect().topRight()).x()
    # The card (and its "⋯" button) ends inside the column, its fix label cut to fit ...
    assert right < viewport.width()
    button = card.fix_buttons[0]
    assert button.shown_text() != button.text() and button.shown_text().endswith("…")
    # ... and it is as tall as its message wrapped at that width.
    assert card.message.height() >= card.message.heightForWidth(card.message.width())
    # Fixed, the cards are reused for shorter findings: each is as tall as it needs, with
    # no gap left from the finding it showed before.
    fixed = text.replace("Friday 5pm", "Friday 5pm CET")
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(fixed))
    qtbot.wait(50)
    for shown in win.findings.cards()[:4]:
        assert shown.height() == shown.heightForWidth(shown.width()), shown.finding.rule
