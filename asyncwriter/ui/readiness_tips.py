"""What a readiness chip's tooltip says: what is missing, where, and when a deadline falls.

A tooltip that says "2 open findings" sends the writer looking; one that says "“the doc”
has no link, line 5" is the fix queue at a glance. Deadlines are a small zone | time table
(one row per zone, the same form in every row) rather than one long mixed line; with people
in settings, the team's table: each person's local time and whether it is in their hours,
their night or their day off. The tips are Qt rich text, so everything taken from the
draft (and from settings) is escaped.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING

from asyncwriter import team_table, team_times
from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import zones

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from asyncwriter.checks.model import Deadline, Finding, LineIndex
    from asyncwriter.team import Person

#: At most this many problems are listed in one tooltip.
MAX_LISTED = 5
#: Quoted draft text is cut to this many characters.
MAX_QUOTE = 40
#: What a chip says when its area passes.
PASSES = {
    "summary": "The point is up front.",
    "ask": "Says what it asks, and of whom (or that nothing is asked).",
    "deadline": "Every deadline has a date, a time and a time zone.",
    "links": "What it mentions is linked.",
}
#: The last line of a tip whose chip goes somewhere.
GO_HINT = "<i>Click, Enter or Space: go to the first</i>"
#: Short forms for rules whose message does not start with one ("{span}": the text).
_SHORT = {
    "links.unlinked-reference": "“{span}” has no link",
}


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def _head(message: str) -> str:
    """Return the part of a message before its first ": " or ". " outside “quotes”."""
    depth = 0
    for i, char in enumerate(message):
        if char == "“":
            depth += 1
        elif char == "”":
            depth = max(0, depth - 1)
        elif depth == 0 and char in ":." and message[i + 1 : i + 2] in (" ", ""):
            return message[:i]
    return message


def short_problem(finding: Finding, text: str, lines: LineIndex) -> str:
    """Return "“the doc” has no link, line 5" for ``finding`` in ``text`` (plain text)."""
    template = _SHORT.get(finding.rule)
    if template is not None:
        what = template.format(span=_quote(text[finding.start : finding.end]))
    else:
        what = _head(finding.message)
    line = lines.line_col(finding.start)[0]
    return f"{what}, line {line}"


def problems_tip(label: str, findings: Sequence[Finding], text: str, lines: LineIndex) -> str:
    """Return the rich-text tip of a failing chip: its problems in text order."""
    ordered = sorted(findings, key=lambda f: (f.start, f.end))
    items = [html.escape(short_problem(f, text, lines)) for f in ordered[:MAX_LISTED]]
    if len(ordered) > MAX_LISTED:
        items.append(f"and {len(ordered) - MAX_LISTED} more")
    count = len(ordered)
    head = f"<b>{html.escape(label)}</b>: {count} to fix"
    return "<br>".join([head, *items])


def _place(tz: tzinfo) -> str:
    """Return a zone as a place: "Berlin", "New York", "UTC", "UTC+4"."""
    key = zones.zone_key(tz)
    return key.rsplit("/", 1)[-1].replace("_", " ")


def _row(zone_label: str, when: datetime, tz: tzinfo) -> tuple[str, str]:
    local = when.astimezone(tz)
    zone = f"{zone_label} ({zones.display_zone(tz, local)})"
    if zone_label == zones.display_zone(tz, local):
        zone = zone_label
    return zone, f"{timeexpr.format_day(local.date())}, {local:%H:%M}"


def deadline_rows(deadline: Deadline, tz: tzinfo,
                  team_zones: Sequence[str] = ()) -> list[tuple[str, str]]:  # fmt: skip
    """Return (zone, time) rows for a resolved deadline: the writer's, UTC, then the team's.

    Each zone appears once; the time column is the same form in every row ("Thu 26 Nov,
    17:00"), the zone and its abbreviation for that date are in the zone column. An
    unresolved deadline has no rows.
    """
    if deadline.datetime is None:
        return []
    when = datetime.fromisoformat(deadline.datetime)
    rows = [_row(f"You, {_place(tz)}" if _place(tz) != "UTC" else "You", when, tz)]
    seen = {zones.zone_key(tz)}
    for zone in _zones(["UTC", *team_zones]):
        key = zones.zone_key(zone)
        if key not in seen:
            seen.add(key)
            rows.append(_row(_place(zone), when, zone))
    return rows


def _zones(names: Sequence[str]) -> list[tzinfo]:
    """Return the zones ``names`` name, leaving out what names none."""
    found = []
    for name in names:
        try:
            found.append(zones.get_zone(name))
        except ValueError:
            continue
    return found


def team_rows(deadline: Deadline, tz: tzinfo, people: Sequence[Person],
              team_zones: Sequence[str] = ()) -> list[tuple[str, ...]]:  # fmt: skip
    """Return (who, local time, status) rows: yours, UTC and the team zones, then each person's.

    The status says what the moment is for a person: "in hours", "outside hours", "night",
    "weekend" or "holiday: …" (:func:`asyncwriter.team_times.status`). A zone row has none.
    An unresolved deadline has no rows.
    """
    if deadline.datetime is None:
        return []
    when = datetime.fromisoformat(deadline.datetime)
    you = f"You ({_place(tz)})" if _place(tz) != "UTC" else "You"
    rows: list[tuple[str, ...]] = [(you, timeexpr.format_moment(when, tz), "")]
    # UTC and each team zone once; not a zone a person's own row already shows.
    seen = {zones.zone_key(tz)} | {zones.zone_key(p.zone) for p in people}
    for zone in _zones(["UTC", *team_zones]):
        key = zones.zone_key(zone)
        if key not in seen:
            seen.add(key)
            rows.append((_place(zone), timeexpr.format_moment(when, zone), ""))
    for person, row in zip(people, team_table.rows(people, when), strict=True):
        rows.append((f"{row.name} ({row.place})", row.local, team_times.status(person, when)))
    return rows


def deadline_tip(deadlines: Sequence[Deadline], tz: tzinfo, team_zones: Sequence[str] = (),
                 people: Sequence[Person] = ()) -> str:  # fmt: skip
    """Return rich text with each deadline's quote and its table.

    Zone | time rows for the writer, UTC and ``team_zones`` (:func:`deadline_rows`); with
    ``people``, each person's local time and status follows (:func:`team_rows`).
    """
    parts = []
    for deadline in deadlines:
        quote = f"<b>“{html.escape(_quote(deadline.text))}”</b>"
        rows = (
            team_rows(deadline, tz, people, team_zones)
            if people
            else [(zone, time) for zone, time in deadline_rows(deadline, tz, team_zones)]
        )
        if not rows:
            parts.append(f"{quote}: not a moment a reader elsewhere can act on")
            continue
        cells = "".join(
            "<tr>"
            + "".join(
                f"<td>{'&nbsp;&nbsp;' if i else ''}{html.escape(cell)}</td>"
                for i, cell in enumerate(row)
            )
            + "</tr>"
            for row in rows
        )
        parts.append(f"{quote}<table cellspacing='0' cellpadding='1'>{cells}</table>")
    return "<br>".join(["<b>Deadlines</b>", *parts]) if parts else ""
