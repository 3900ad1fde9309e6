"""The ``[[team.people]]`` tables as the file holds them, for editing and writing back.

The checks need :class:`asyncwriter.team.Person` values, but an editor needs more: the text
each person was written with ("Tokyo", not a zone object), keys this version does not know
(``email = …``), and the people the loader had to skip. A broken person must be shown to the
writer, not dropped, and must survive a save untouched unless they edit it. So the loader keeps
every table here as a :class:`PersonEntry`, and :func:`write_people` puts the list back into the
tomlkit document, reusing each table (with its comments) that is still there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The keys a person has; others in a table are kept as they are.
PERSON_KEYS = ("name", "handle", "zone", "hours", "days", "holidays")


@dataclass(slots=True)
class PersonEntry:
    """One ``[[team.people]]`` table.

    Attributes:
        values: the table's keys and values as in the file (unknown keys too).
        source: its position among the file's tables, or None for a person added since.
        problem: why the loader skipped it ("'Mars/Base' is not a time zone …"), or None.
        raw: the file's value when it is not a table at all (``people = [1]``), else None.
            It is kept while the list is not edited; once it is, only tables are written.
    """

    values: dict[str, Any] = field(default_factory=dict)
    source: int | None = None
    problem: str | None = None
    raw: Any = None

    @property
    def name(self) -> str:
        """Return the name to show; a broken table may have none (or not a string)."""
        name = self.values.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else "(no name)"


def write_people(doc: Any, entries: list[PersonEntry]) -> None:
    """Make ``doc``'s ``[[team.people]]`` tables hold ``entries``, changing nothing else.

    A table that keeps its place is edited in place, so its comments stay; an unchanged
    list leaves the document alone.
    """
    import tomlkit

    team = doc.get("team")
    old = team.get("people") if isinstance(team, dict) else None
    old_tables = list(old) if isinstance(old, list) else []
    as_written = [e.values if e.raw is None else e.raw for e in entries]
    if old is not None and [_plain(t) for t in old_tables] == as_written:
        return
    if old is None and not entries:
        return
    if not isinstance(team, dict):
        if team is not None:
            del doc["team"]  # not a table: reported on load; the editor's people win
        team = tomlkit.table(is_super_table=True)
        doc["team"] = team
    if not entries:
        del team["people"]
        if not team:
            del doc["team"]
        return
    tables = []
    for entry in (e for e in entries if e.raw is None):
        reuse = entry.source is not None and entry.source < len(old_tables)
        table = old_tables[entry.source] if reuse else None  # type: ignore[index]
        if isinstance(table, dict):
            _sync(table, entry.values)
        else:
            table = tomlkit.table()
            _sync(table, entry.values)
            table.add(tomlkit.nl())  # a blank line before whatever follows, as people write
        tables.append(table)
    if isinstance(old, tomlkit.items.AoT):
        # Edited in place: the tables keep their comments and the file its blank lines.
        for index in reversed(range(len(old))):
            del old[index]
        for table in tables:
            old.append(table)
        return
    aot = tomlkit.aot()
    for table in tables:
        aot.append(table)
    team["people"] = aot


def _plain(value: Any) -> Any:
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if callable(unwrap) else value


def _sync(table: Any, values: dict[str, Any]) -> None:
    """Set ``table``'s keys to ``values``: changed keys only, so comments on others stay."""
    for key in [k for k in table if k not in values]:
        del table[key]
    for key, value in values.items():
        if key not in table or _plain(table[key]) != value:
            table[key] = value
