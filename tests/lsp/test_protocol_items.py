"""Findings as diagnostics, quick fixes and hover text, without a client."""

from __future__ import annotations

from datetime import UTC, datetime

from lsprotocol import types

from asyncwriter.checks import Finding, Severity, lint
from asyncwriter.lsp import protocol_items
from asyncwriter.lsp.positions import PositionMap
from tests.lsp.client import apply_edits

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
DOC = types.OptionalVersionedTextDocumentIdentifier(uri="file:///m.md", version=3)
LONG = (
    "<!-- asyncwriter template: status-update -->\n"
    "We have been looking at the migration for a while and met several times about it.\n\n"
    "The database will move in three steps and the orders table goes first, then the rest.\n"
)


def actions_at(text, rule_id, *, versioned=False):
    report = lint(text, now=NOW, tz="UTC")
    pm = PositionMap(text)
    finding = next(f for f in report.findings if f.rule == rule_id)
    wanted = protocol_items.diagnostic(finding, pm).range
    return report, protocol_items.code_actions(report, pm, DOC, wanted, versioned_edits=versioned)


def edits(action):
    return [
        {"range": {"start": {"line": e.range.start.line, "character": e.range.start.character},
                   "end": {"line": e.range.end.line, "character": e.range.end.character}},
         "newText": e.new_text}
        for e in action.edit.changes[DOC.uri]
    ]  # fmt: skip


def test_every_suggestion_the_window_offers_is_a_quick_fix():
    text = "Please send the numbers by 17:00 IST tomorrow.\n"
    report, actions = actions_at(text, "timezone.ambiguous")
    finding = next(f for f in report.findings if f.rule == "timezone.ambiguous")
    assert len(finding.suggestions) >= 2
    replaced = [a for a in actions if a.title.startswith("Replace with")
                and a.diagnostics[0].code == "timezone.ambiguous"]  # fmt: skip
    assert len(replaced) == min(len(finding.suggestions), protocol_items.MAX_FIXES)
    assert [a.is_preferred for a in replaced][:2] == [True, None]
    assert apply_edits(text, edits(replaced[0])).count(finding.suggestions[0]) == 1


def test_fixes_are_labelled_as_the_window_labels_them():
    tldr = Finding("summary.missing", Severity.WARNING, 0, 5, "m", ("TL;DR: x\n\nWe",))
    assert protocol_items.fix_label(tldr, tldr.suggestions[0]) == "Insert a TL;DR line"
    long = Finding("deadline.relative", Severity.WARNING, 0, 5, "m", ("x" * 50,))
    assert protocol_items.fix_label(long, long.suggestions[0]) == f"Replace with “{'x' * 39}…”"


def test_message_wide_findings_are_silenced_for_the_file_below_the_template_marker():
    _report, actions = actions_at(LONG, "ask.missing")
    silence = next(a for a in actions if a.title == "Silence ask.missing in this file")
    fixed = apply_edits(LONG, edits(silence))
    assert fixed.splitlines()[1] == "<!-- asyncwriter-disable-file ask.missing -->"
    assert "ask.missing" not in {f.rule for f in lint(fixed, now=NOW, tz="UTC").findings}


def test_the_silence_comment_keeps_a_lines_indent():
    text = "FYI, notes:\n\n  Please review the doc by Thu 26 Nov, 17:00 UTC.\n"
    _report, actions = actions_at(text, "links.unlinked-reference")
    silence = next(a for a in actions if a.title.startswith("Silence"))
    fixed = apply_edits(text, edits(silence))
    assert "  <!-- asyncwriter-disable-next-line links.unlinked-reference -->\n  Please" in fixed


def test_one_rewrite_offered_by_two_rules_is_one_quick_fix_for_both():
    # "Friday 5pm": no zone (error) and a relative day (warning), the same rewrite.
    text = "Please send the numbers by Friday 5pm.\n"
    _report, actions = actions_at(text, "deadline.no-timezone")
    replaced = [a for a in actions if a.title.startswith("Replace with")]
    assert len({a.title for a in replaced}) == len(replaced)  # no duplicate in the menu
    both = [a for a in replaced if len(a.diagnostics or []) == 2]
    assert both and {d.code for d in both[0].diagnostics} == {
        "deadline.no-timezone",
        "deadline.relative",
    }


def test_the_silence_comment_ends_its_line_as_the_document_does():
    text = "FYI, notes:\r\n\r\nPlease review the doc by Thu 26 Nov, 17:00 UTC.\r\n"
    _report, actions = actions_at(text, "links.unlinked-reference")
    silence = next(a for a in actions if a.title.startswith("Silence"))
    assert edits(silence)[0]["newText"].endswith("-->\r\n")


def test_versioned_edits_name_the_document_version():
    _report, actions = actions_at("Please review the doc. FYI.\n", "links.unlinked-reference",
                                  versioned=True)  # fmt: skip
    (change,) = actions[0].edit.document_changes
    assert change.text_document.version == 3


def test_no_actions_away_from_findings_and_no_hover_there():
    text = "Please review the doc.\n\nFYI, the rest is fine.\n"
    report = lint(text, now=NOW, tz="UTC")
    pm = PositionMap(text)
    away = types.Range(types.Position(2, 0), types.Position(2, 3))
    assert protocol_items.code_actions(report, pm, DOC, away, versioned_edits=False) == []
    assert protocol_items.hover(report, pm, 2, 1) is None


def test_hover_explains_engine_rules_too():
    assert "misspelled" in protocol_items.rationale("spelling.misspelling")
    assert protocol_items.rationale("grammar.EN_QUOTES")
    assert protocol_items.rationale("deadline.relative")


def test_severities_map_to_the_protocols():
    text = "Please review the doc by Friday 5pm.\n"
    report = lint(text, now=NOW, tz="UTC")
    found = {d.code: d for d in protocol_items.diagnostics(report, PositionMap(text))}
    assert found["deadline.no-timezone"].severity == types.DiagnosticSeverity.Error
    assert found["deadline.relative"].severity == types.DiagnosticSeverity.Warning
    assert all(d.source == "asyncwriter" for d in found.values())


def test_fix_titles_match_the_windows_buttons_for_every_rule():
    from asyncwriter.checks import RULES
    from asyncwriter.ui.finding_card import fix_label as window_label

    for rule_id in [*RULES, "grammar.EN_QUOTES", "spelling.misspelling"]:
        for suggestion in ("17:00 UTC", "TL;DR: ship it\n\nText", "word " * 20):
            found = Finding(rule_id, Severity.WARNING, 0, 4, "m", (suggestion,))
            assert protocol_items.fix_label(found, suggestion) == window_label(found, suggestion)
