"""Findings as the protocol's items: diagnostics, quick fixes and hover text.

Pure functions of a report, its text and a :class:`~asyncwriter.lsp.positions.PositionMap`,
so they are tested without a client. The quick fixes are the window's: each of a finding's
suggestions (at most :data:`MAX_FIXES`, as the window shows), applied as one edit of its
span. The window's "Ignore here" has no place to live in a file, so its counterpart here is a
suppression comment (:mod:`asyncwriter.checks.suppression`) that every linter reading the
file honours. "Add link…" asks for a URL in a dialog, which a quick fix cannot do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lsprotocol import types

from asyncwriter.checks.registry import ABSENCE_RULES, RULES
from asyncwriter.checks.rule import INSERT_SUMMARY
from asyncwriter.draft_text import LEADING_MARKER
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from asyncwriter.checks.model import Finding, Report
    from asyncwriter.lsp.positions import PositionMap

#: Every diagnostic's ``source``.
SOURCE = "asyncwriter"
#: The window offers this many of a finding's suggestions; so does the server.
MAX_FIXES = 3
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_INDENT = re.compile(r"[ \t]*")
#: What a rule outside the registry is about (the spelling and grammar engines' rules).
_ENGINE_RATIONALE = {
    "spelling": "A misspelled word costs the reader a second look, and sometimes the meaning.",
    "grammar": "A grammar slip from the built-in checker (Harper) or LanguageTool.",
}


def _range(pm: PositionMap, start: int, end: int) -> types.Range:
    line, character = pm.position(start)
    end_line, end_character = pm.position(end)
    return types.Range(types.Position(line, character), types.Position(end_line, end_character))


def diagnostic(finding: Finding, pm: PositionMap) -> types.Diagnostic:
    """Return the diagnostic for one finding: its span, severity, rule id and message."""
    return types.Diagnostic(
        range=_range(pm, finding.start, finding.end),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        source=SOURCE,
    )


def diagnostics(report: Report, pm: PositionMap) -> list[types.Diagnostic]:
    """Return the report's findings as diagnostics, in the report's order."""
    return [diagnostic(f, pm) for f in report.findings]


def fix_label(finding: Finding, suggestion: str) -> str:
    """Return the quick fix's title: the window's button text for the same fix."""
    known = RULES.get(finding.rule)
    if known is not None and known.fix == INSERT_SUMMARY:
        return "Insert a TL;DR line"
    shown = " ".join(suggestion.split())
    if len(shown) > 40:
        shown = shown[:39].rstrip() + "…"
    return f"Replace with “{shown}”"


def code_actions(
    report: Report,
    pm: PositionMap,
    document: types.OptionalVersionedTextDocumentIdentifier,
    wanted: types.Range,
    *,
    versioned_edits: bool,
    silences: bool = True,
) -> list[types.CodeAction]:
    """Return the quick fixes for the findings that touch ``wanted`` (the cursor or selection).

    Args:
        report: the last lint of the document (its text is the document's text).
        pm: positions in that text.
        document: the document and the version the edits apply to.
        wanted: the range the client asks about.
        versioned_edits: the client takes ``documentChanges`` (edits that name the version
            they were made for, so a client refuses them on a newer text); else ``changes``.
        silences: offer "Silence … on this line". Not in a commit message: git keeps an
            HTML comment in the commit for good, and strips the lines it would understand
            before the message is checked.
    """
    start = pm.offset(wanted.start.line, wanted.start.character)
    end = pm.offset(wanted.end.line, wanted.end.character)
    actions: list[types.CodeAction] = []
    #: One action per rewrite: two rules on the same words ("Friday 5pm": no zone, and a
    #: relative day) offer the same text; the action lists both diagnostics.
    by_edit: dict[tuple[int, int, int, int, str], types.CodeAction] = {}
    for finding in report.findings:
        if not (finding.start <= end and start <= finding.end):
            continue
        found = diagnostic(finding, pm)
        for index, suggestion in enumerate(finding.suggestions[:MAX_FIXES]):
            edit = types.TextEdit(found.range, suggestion)
            r = found.range
            key = (r.start.line, r.start.character, r.end.line, r.end.character, suggestion)
            same = by_edit.get(key)
            if same is not None:
                same.diagnostics = [*(same.diagnostics or []), found]
                same.is_preferred = same.is_preferred or (index == 0) or None
                continue
            by_edit[key] = _action(fix_label(finding, suggestion), found, document, edit,
                                   versioned_edits, preferred=index == 0)  # fmt: skip
            actions.append(by_edit[key])
        if silences:
            label, edit = _silence(finding, report.text, pm)
            actions.append(_action(label, found, document, edit, versioned_edits, preferred=False))
    return actions


def _silence(finding: Finding, text: str, pm: PositionMap) -> tuple[str, types.TextEdit]:
    """Return the fix that silences the finding with a comment: above its line, or the file's.

    The comment's line ends as the document's do (CR LF in a Windows file).
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    if finding.rule in ABSENCE_RULES:
        head = LEADING_MARKER.match(text)
        line = pm.position(head.end())[0] if head and head.end() < len(text) else 0
        comment = f"<!-- asyncwriter-disable-file {finding.rule} -->{newline}"
        label = f"Silence {finding.rule} in this file"
    else:
        line = pm.position(finding.start)[0]
        found = _INDENT.match(text, pm.offset(line, 0))
        indent = found.group() if found else ""
        comment = f"{indent}<!-- asyncwriter-disable-next-line {finding.rule} -->{newline}"
        label = f"Silence {finding.rule} on this line"
    at = types.Position(line, 0)
    return label, types.TextEdit(types.Range(at, at), comment)


def _action(
    title: str,
    found: types.Diagnostic,
    document: types.OptionalVersionedTextDocumentIdentifier,
    edit: types.TextEdit,
    versioned_edits: bool,
    *,
    preferred: bool,
) -> types.CodeAction:
    if versioned_edits:
        change = types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=[edit])]
        )
    else:
        change = types.WorkspaceEdit(changes={document.uri: [edit]})
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[found],
        edit=change,
        is_preferred=preferred or None,
    )


def rationale(rule_id: str) -> str:
    """Return why a rule matters: its one-line doc in the registry, or its engine's."""
    known = RULES.get(rule_id)
    if known is not None:
        return known.rationale
    return _ENGINE_RATIONALE.get(rule_id.split(".")[0], "")


def hover(report: Report, pm: PositionMap, line: int, character: int) -> types.Hover | None:
    """Return what the findings under the position are and why their rules matter, or None."""
    at = pm.offset(line, character)
    here = [f for f in report.findings if f.start <= at < f.end or f.start == f.end == at]
    if not here:
        return None
    parts = []
    for finding in here:
        why = rationale(finding.rule)
        silence = (
            f"<!-- asyncwriter-disable-file {finding.rule} -->"
            if finding.rule in ABSENCE_RULES
            else f"<!-- asyncwriter-disable-next-line {finding.rule} -->"
        )
        parts.append(
            f"**{finding.rule}** ({finding.severity})\n\n{finding.message}\n\n"
            + (f"*Why it matters:* {why}\n\n" if why else "")
            + f"Silence it with `{silence}`"
        )
    first = here[0]
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
        ),
        range=_range(pm, first.start, first.end),
    )
