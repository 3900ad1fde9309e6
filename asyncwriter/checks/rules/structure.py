"""Template structure: unfilled ``{{placeholders}}`` and required sections.

A template lists the sections a message of its kind needs ("Impact", "Root cause", "Next
update"). A section is found by its heading (``## Impact``) or by a label line, the shape
chat messages use because Slack has no headings (``**Impact:** ...``, ``Impact: ...``,
``*Done*``). A section that holds only a placeholder is reported once, as a placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import HEADING
from asyncwriter.checks.rule import Rule
from asyncwriter.rule_settings import Severity
from asyncwriter.times import zones

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.sections import Section

#: A line's container prefix: quote markers, a list bullet or number, a task box.
_LINE_PREFIX = re.compile(
    r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?"
)
#: An emphasised label: "**Impact:** text", "**Impact**: text", "*Done*" alone on its line.
_EMPHASIS_LABEL = re.compile(r"(\*\*|__|\*|_)([^\s*_][^*_\n]{0,60}?)\1")
#: A plain label: "Impact: text" or "Next update:" (the colon ends the label).
_PLAIN_LABEL = re.compile(r"([^\W\d_][^:\n*_]{0,60}?):(?=\s|$)")
_COLON = re.compile(r"[ \t]*:")
_LIST_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])?[ \t]*(?:\[[ xX]\])?", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MAX_LABEL_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Marker:
    """Where a heading or label line starts a section, and where its content begins."""

    start: int
    end: int
    content: int
    label: str
    level: int  # heading level, or 7 for a label line


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield unfilled placeholders, then sections that are missing or incomplete."""
    for start, end in a.placeholders:
        prompt = " ".join(a.text[start + 2 : end - 2].split())
        yield opts.finding(
            "structure.placeholder",
            start,
            end,
            f"Fill in this placeholder: {prompt}"
            if prompt
            else "Fill in or delete this placeholder.",
        )
    if opts.sections:
        yield from _section_findings(a, facts, opts)


def _section_findings(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    markers = _markers(a)
    first_line = (a.sentences[0].start, a.sentences[0].end) if a.sentences else (0, 0)
    for section in opts.sections:
        found = next((i for i, m in enumerate(markers) if section.matches(m.label)), None)
        if found is None:
            yield opts.finding(
                "structure.missing-section",
                *first_line,
                f"The template asks for a “{section.name}” section and this message has none: "
                f"add a “{section.name}” heading or a “{section.name}:” line.",
            )
            continue
        marker = markers[found]
        end = _section_end(markers, found, len(a.text))
        body = a.text[marker.content : end]
        if any(marker.content <= s < end for s, _e in a.placeholders):
            continue  # reported once, as the placeholder
        if not _has_content(body):
            yield opts.finding(
                "structure.missing-section",
                marker.start,
                marker.end,
                f"The “{section.name}” section is empty: fill it in or say why it does not apply.",
            )
            continue
        if section.needs == "link":
            if not any(marker.content <= link.start < end for link in a.links):
                yield opts.finding(
                    "structure.missing-section",
                    marker.start,
                    marker.end,
                    f"The “{section.name}” section needs a link: add the URL.",
                )
        elif section.needs == "time":
            yield from _time_findings(a, facts, opts, section, marker, end)


def _time_findings(
    a: Analysis, facts: MessageFacts, opts: Options, section: Section, marker: _Marker, end: int
) -> Iterator[Finding]:
    times = [e for e in facts.times if marker.content <= e.start < end and (e.has_day or
             e.has_clock)]  # fmt: skip
    if not times:
        yield opts.finding(
            "structure.missing-section",
            marker.start,
            marker.end,
            f"The “{section.name}” section should say when, with a time zone (e.g. "
            f"“{_example_time(facts, opts)}”).",
        )
        return
    if facts.declared_zone is not None:
        return
    for expr in times:
        if expr.has_clock and (expr.zone is None or expr.zone.ambiguous):
            text = a.text[expr.start : expr.end].strip()
            label = zones.display_zone(opts.tz, opts.now)
            if expr.zone is not None:
                continue  # timezone.ambiguous reports it, with the zones to choose from
            yield opts.finding(
                "structure.missing-section",
                expr.start,
                expr.end,
                f"“{' '.join(text.split())}” in “{section.name}” has no time zone: readers "
                f"elsewhere will read it in their own. Add one (e.g. “{text} {label}”).",
                [f"{text} {label}"],
            )


def _example_time(facts: MessageFacts, opts: Options) -> str:
    return f"15:30 {zones.display_zone(opts.tz, opts.now)}"


def _markers(a: Analysis) -> list[_Marker]:
    """Return every heading and label line in the draft, in order.

    Label lines inside lists ("- Fix alerting: @sam") are items, not sections, and quoted
    lines are someone else's words; neither starts a section.
    """
    markers: list[_Marker] = []
    text = a.text
    for block in a.blocks:
        if block.quoted:
            continue
        if block.kind == HEADING:
            content = text.find("\n", block.end)
            content = len(text) if content == -1 else content + 1
            label = a.prose[block.start : block.end]
            markers.append(_Marker(block.start, block.end, content, label, block.level))
            continue
        if block.in_list:
            continue
        line_start = text.rfind("\n", 0, block.start) + 1
        while line_start < block.end:
            line_end = text.find("\n", line_start, block.end)
            line_end = block.end if line_end == -1 else line_end
            prefix = _LINE_PREFIX.match(text, line_start, line_end)
            found = _label_at(text, prefix.end() if prefix else line_start, line_end)
            if found is not None:
                markers.append(_Marker(*found, 7))
            line_start = line_end + 1
    return markers


def _label_at(text: str, start: int, end: int) -> tuple[int, int, int, str] | None:
    """Return (start, end, content start, label) when the line at ``start`` is a label."""
    m = _EMPHASIS_LABEL.match(text, start, end)
    if m is not None:
        label, content = m.group(2).rstrip(), m.end()
        if label.endswith(":"):
            label = label[:-1].rstrip()
        else:
            colon = _COLON.match(text, content, end)
            if colon is not None:
                content = colon.end()
            elif text[content:end].strip():
                return None  # "*really* important" is emphasis, not a label
        label_start = m.start(2)
    else:
        m = _PLAIN_LABEL.match(text, start, end)
        if m is None:
            return None
        label, content, label_start = m.group(1).rstrip(), m.end(), m.start(1)
    if not _is_label(label):
        return None
    return label_start, label_start + len(label), content, label


def _is_label(label: str) -> bool:
    words = label.split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and not label.rstrip().endswith(("?", "."))


def _section_end(markers: list[_Marker], index: int, limit: int) -> int:
    """Return where a section's content ends.

    A heading's section runs to the next heading of the same or a higher level (its
    subheadings and label lines are part of it); a label line's runs to the next marker.
    """
    level = markers[index].level
    for m in markers[index + 1 :]:
        if m.level <= level or level == 7:
            return m.start
    return limit


def _has_content(body: str) -> bool:
    """Return True when a section body holds any words (code and links count)."""
    body = _HTML_COMMENT.sub(" ", body)
    body = _LIST_MARKER.sub(" ", body)
    return bool(re.search(r"[^\W_]", body))


__all__ = ["RULES", "check"]


RULES = (
    Rule(
        "structure.placeholder",
        Severity.ERROR,
        "A template placeholder ({{...}}) is still in the message.",
        check,
    ),
    Rule(
        "structure.missing-section",
        Severity.WARNING,
        "A section the template requires is missing, empty, or lacks what it needs.",
        check,
    ),
)
