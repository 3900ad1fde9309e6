"""``asyncwriter config [FILE]``: the settings in effect for a file, and where each came from.

Printed as TOML a reader can copy from, each value followed by a comment naming its
origin: ``default``, the user's settings file, or the project file (both, for the lists a
project adds to).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asyncwriter.project_config import Merged


def _value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def listing(merged: Merged) -> str:
    """Return the merged settings as commented TOML."""
    s = merged.settings
    project = merged.project.path if merged.project else None
    rows: list[tuple[str, str, str] | str] = [
        f"# user settings: {merged.user_path}" + ("" if merged.user_path.exists() else " (none)"),
        f"# project file:  {project if project else '(none found above the file)'}",
        "",
        "[rules]",
    ]
    for key, setting in sorted(s.rules.items()):
        shown = "off" if setting is None else str(setting)
        rows.append((_value(key), _value(shown), merged.origin("rules", key)))
    if not s.rules:
        rows.append("# every rule at its default severity (asyncwriter rules)")
    rows += ["", "[time]"]
    if s.zone:
        rows.append(("zone", _value(s.zone), merged.origin("time", "zone")))
    else:
        rows.append("# zone: not set, so the system's")
    rows.append(("team_zones", _value(s.team_zones), merged.origin("time", "team_zones")))
    rows.append(("work_hours", _value(s.work_hours), merged.origin("time", "work_hours")))
    rows.append(("short_notice_hours", _value(s.short_notice_hours),
                 merged.origin("time", "short_notice_hours")))  # fmt: skip
    rows += ["", "[templates]"]
    rows.append(("folders", _value([str(f) for f in s.template_folders]),
                 merged.origin("templates", "folders")))  # fmt: skip
    rows += ["", "[languagetool]"]
    rows.append(("mode", _value(s.languagetool.mode), merged.origin("languagetool", "mode")))
    rows.append(("words", _value(s.languagetool.words), merged.origin("languagetool", "words")))
    rows += ["", f"# [[team.people]]: {len(s.people)}, from {merged.origin('team', 'people')}"]
    for person in s.people:
        rows.append(f"#   {person.name} (@{person.handle}), {person.zone_name}")
    width = max(len(f"{r[0]} = {r[1]}") for r in rows if isinstance(r, tuple))
    out = []
    for row in rows:
        if isinstance(row, str):
            out.append(row)
        else:
            key, value, origin = row
            out.append(f"{f'{key} = {value}':<{width}}  # {origin}")
    return "\n".join(out) + "\n"
