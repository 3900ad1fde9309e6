"""Inline suppression: HTML comments that silence findings where the writer put them.

Four forms, each an HTML comment on one line (Markdown renderers hide it, export drops it):

- ``<!-- asyncwriter-disable-next-line RULE … -->``: findings that start on the next
  non-blank line after the comment's line;
- ``<!-- asyncwriter-disable RULE … -->`` … ``<!-- asyncwriter-enable [RULE …] -->``: findings
  that start between the two (to the end of the text when no enable follows);
- ``<!-- asyncwriter-disable-file RULE … -->``: every finding of those rules, wherever the
  comment stands.

RULE is a rule id or a family prefix (``deadline`` covers ``deadline.*``), separated by
spaces or commas; none means every rule. An enable without ids ends every open disable; with
ids it ends them for those rules only. A marker inside a code block or a code span is an
example of the syntax, not a marker: it silences nothing and export keeps it.

Findings about the whole message (the absence rules: no summary, ask, deadline or link) have
no line of their own to point at, so only the file form or a disable that covers the whole
message (opened before any text and never closed) silences them: a next-line comment above
the first paragraph must not hide that the message has no ask.

The checks never see the comments: :func:`blank` turns each into spaces (same length, so
every offset holds) before the analysis, so a comment is not content, not a summary and not
a misspelling. :func:`strip` removes them for export. Nothing here imports the registry; the
engine says which ids are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter import markdown
from asyncwriter.checks.lines import LineIndex

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from asyncwriter.checks.model import Finding

__all__ = ["MARKER", "Suppressions", "UnknownId", "blank", "blanked", "markers", "read", "strip"]

#: One marker comment, on one line. ``kind`` is what it does, ``ids`` the rules it names.
MARKER = re.compile(
    r"<!--[ \t]*asyncwriter-(?P<kind>disable-next-line|disable-file|disable|enable)"
    r"(?P<ids>(?:[ \t,]+[^\s,]+?)*?)[ \t,]*-->"
)
_LINE_END = re.compile(r"\r\n|\r|\n")
#: Any HTML comment (a template marker, another marker): not text before a disable.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = ("fence", "code_block")
_SEPARATORS = re.compile(r"[ \t,]+")
_NEXT_LINE = re.compile(r"[^\n\r]*(?:\r\n|\r|\n)")


@dataclass(frozen=True, slots=True)
class UnknownId:
    """A rule id in a marker that names no rule: reported, never silently ignored."""

    rule_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Silence:
    """Findings of ``ids`` (None: every rule) starting in ``start..end`` are silenced."""

    start: int
    end: int
    ids: frozenset[str] | None
    #: Rules an enable took back out of ``ids`` (``deadline`` but ``deadline.past``).
    but: frozenset[str] = frozenset()
    #: Opened before any text and never closed: it silences message-wide findings too.
    whole: bool = False

    def names(self, rule_id: str) -> bool:
        """Return True when this silence covers ``rule_id`` (wherever the finding is)."""
        return _names(self.ids, rule_id) and not (self.but and _names(self.but, rule_id))


#: An open disable: where it starts, its ids (None: all), the ids taken back out of it, and
#: whether it opened before any text.
_Open = tuple[int, frozenset[str] | None, frozenset[str], bool]


@dataclass(frozen=True, slots=True)
class Suppressions:
    """The markers of one text, read once: what they silence and which ids they got wrong."""

    silences: tuple[_Silence, ...] = ()
    #: Each marker's span, for :func:`blank`.
    spans: tuple[tuple[int, int], ...] = ()
    unknown: tuple[UnknownId, ...] = ()

    def silenced(self, finding: Finding, *, message_wide: bool) -> bool:
        """Return True when a marker silences ``finding``.

        Args:
            finding: a finding of the text the markers were read from.
            message_wide: the finding is about the whole message (an absence rule), so only
                a file-level marker or a disable covering the whole message silences it.
        """
        for silence in self.silences:
            if not silence.names(finding.rule):
                continue
            if message_wide:
                if silence.whole:
                    return True
            elif silence.start <= finding.start < silence.end:
                return True
        return False


def _names(ids: frozenset[str] | None, rule_id: str) -> bool:
    """Return True when ``ids`` (None: all) names ``rule_id`` or a dotted prefix of it."""
    if ids is None:
        return True
    parts = rule_id.split(".")
    return any(".".join(parts[:n]) in ids for n in range(1, len(parts) + 1))


def read(text: str, known: Callable[[str], bool]) -> Suppressions:
    """Read every marker in ``text``.

    Args:
        text: the draft.
        known: says whether a rule id or prefix names a rule; unknown ones are listed in
            ``unknown`` and silence nothing.
    """
    if "asyncwriter-" not in text:  # the common case costs one scan
        return Suppressions()
    silences: list[_Silence] = []
    spans: list[tuple[int, int]] = []
    unknown: list[UnknownId] = []
    open_: list[_Open] = []
    end_of_text = len(text) + 1  # past the end: a finding at the very end is inside
    for m in markers(text):
        spans.append((m.start(), m.end()))
        ids = _ids(m, known, unknown)
        if ids is not None and not ids:
            continue  # every id it named is unknown: it silences nothing
        kind = m.group("kind")
        if kind == "disable-file":
            silences.append(_Silence(0, end_of_text, ids, whole=True))
        elif kind == "disable-next-line":
            line = _next_line(text, m.end())
            if line is not None:
                silences.append(_Silence(line[0], line[1], ids))
        elif kind == "disable":
            opening = not _COMMENT.sub("", text[: m.start()]).strip()
            open_.append((m.end(), ids, frozenset(), opening))
        else:
            open_ = _enable(open_, ids, m.start(), m.end(), silences)
    silences.extend(
        _Silence(start, end_of_text, ids, but, whole) for start, ids, but, whole in open_
    )
    return Suppressions(tuple(silences), tuple(spans), tuple(unknown))


def _ids(
    m: re.Match[str], known: Callable[[str], bool], unknown: list[UnknownId]
) -> frozenset[str] | None:
    """Return the ids a marker names (None: all of them), listing the unknown ones."""
    raw = m.group("ids")
    if not raw.strip(" \t,"):
        return None
    found: set[str] = set()
    offset = m.start("ids")
    position = 0
    for token in _SEPARATORS.split(raw):
        start = raw.find(token, position) if token else position
        position = start + len(token)
        if not token:
            continue
        if known(token):
            found.add(token)
        else:
            unknown.append(UnknownId(token, offset + start, offset + start + len(token)))
    return frozenset(found)


def _enable(open_: list[_Open], ids: frozenset[str] | None, at: int, after: int,
            silences: list[_Silence]) -> list[_Open]:  # fmt: skip
    """Close the open disables at an enable (``at``); return what stays open after it.

    Without ids the enable ends every disable. With ids, each open disable ends for them
    and goes on for the rest: a disable of everything enabled again for ``deadline`` goes on
    as "everything but deadline", and one of ``deadline`` enabled again for
    ``deadline.past`` as "deadline but deadline.past".
    """
    still: list[_Open] = []
    for start, open_ids, but, _whole in open_:
        silences.append(_Silence(start, at, open_ids, but, whole=False))
        if ids is None:
            continue
        rest = (
            open_ids if open_ids is None else frozenset(i for i in open_ids if not _names(ids, i))
        )
        if rest is None or rest:
            still.append((after, rest, but | ids, False))
    return still


def _next_line(text: str, after: int) -> tuple[int, int] | None:
    """Return the span of the first non-blank line after the one ``after`` is on."""
    m = _NEXT_LINE.match(text, after)
    position = m.end() if m else len(text)
    while position < len(text):
        m = _NEXT_LINE.match(text, position)
        end = m.end() if m else len(text)
        if text[position:end].strip():
            return position, end
        position = end
    return None


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return ``text`` with each marker span made spaces: the same length, the same lines."""
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def markers(text: str) -> list[re.Match[str]]:
    """Return the markers in ``text`` that are markers: not inside code.

    A fenced or indented code block, or a code span (an odd number of backticks before the
    comment on its line), shows the syntax rather than uses it, as a README does.
    """
    if "asyncwriter-" not in text:
        return []
    found = list(MARKER.finditer(text))
    if not found:
        return found
    code = [t.map for t in markdown.blocks(text).tokens if t.type in _CODE and t.map]
    lines = LineIndex(text)
    live = []
    for m in found:
        line, column = lines.line_col(m.start())
        in_block = any(start <= line - 1 < end for start, end in code)
        if not in_block and text.count("`", m.start() - column + 1, m.start()) % 2 == 0:
            live.append(m)
    return live


def blanked(text: str) -> str:
    """Return ``text`` with every marker made spaces (offsets hold): for reading sentences."""
    return blank(text, (m.span() for m in markers(text)))


def strip(text: str) -> str:
    """Return ``text`` without its markers: a marker alone on its line goes with the line."""
    pieces: list[str] = []
    last = 0
    for m in markers(text):
        start, end = m.start(), m.end()
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        after = _LINE_END.search(text, end)
        line_end = after.start() if after else len(text)
        if not text[line_start:start].strip(" \t") and not text[end:line_end].strip(" \t"):
            start, end = line_start, after.end() if after else len(text)
        else:
            while start > last and text[start - 1] in " \t":
                start -= 1  # the space before an inline marker goes with it
        pieces.append(text[last:start])
        last = max(last, end)
    pieces.append(text[last:])
    return "".join(pieces)
