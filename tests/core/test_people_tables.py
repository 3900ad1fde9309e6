"""[[team.people]] as the file holds them: read with the broken ones, written back in place."""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING

from asyncwriter import settings
from asyncwriter.people_tables import PersonEntry

if TYPE_CHECKING:
    from pathlib import Path

TEAM = """\
# kept by hand
[time]
zone = "Europe/Berlin"

[[team.people]]
name = "Aiko"  # our lead
zone = "Tokyo"
email = "aiko@example.com"  # a key this version does not know

[[team.people]]
name = "Bob"
zone = "Mars/Base"

[extra]
kept = 1
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_table_is_kept_for_the_editor_broken_ones_with_the_reason(tmp_path: Path) -> None:
    loaded = settings.load(write(tmp_path, TEAM))
    assert [p.name for p in loaded.people] == ["Aiko"]
    entries = loaded.people_entries
    assert entries is not None
    assert [(e.name, e.source) for e in entries] == [("Aiko", 0), ("Bob", 1)]
    assert entries[0].problem is None
    assert entries[0].values["email"] == "aiko@example.com"
    assert entries[1].problem is not None
    assert "Mars/Base" in entries[1].problem


def test_a_save_that_edits_no_person_leaves_their_tables_as_they_were(tmp_path: Path) -> None:
    path = write(tmp_path, TEAM)
    loaded = settings.load(path)
    loaded.zone = "Asia/Tokyo"
    settings.save(loaded, path)
    text = path.read_text(encoding="utf-8")
    people = TEAM[TEAM.index("[[team.people]]") : TEAM.index("[extra]")]
    assert people in text


def test_edits_keep_comments_unknown_keys_and_the_broken_person(tmp_path: Path) -> None:
    path = write(tmp_path, TEAM)
    loaded = settings.load(path)
    assert loaded.people_entries is not None
    loaded.people_entries[0].values["hours"] = "10:00-19:00"
    loaded.people_entries.append(
        PersonEntry({"name": "Lena", "zone": "Europe/Berlin", "holidays": "DE-BY"})
    )
    settings.save(loaded, path)
    text = path.read_text(encoding="utf-8")
    assert 'name = "Aiko"  # our lead' in text
    assert "# a key this version does not know" in text
    assert 'zone = "Mars/Base"' in text
    assert "# kept by hand" in text
    people = tomllib.loads(text)["team"]["people"]
    assert people == [
        {
            "name": "Aiko",
            "zone": "Tokyo",
            "email": "aiko@example.com",
            "hours": "10:00-19:00",
        },
        {"name": "Bob", "zone": "Mars/Base"},
        {"name": "Lena", "zone": "Europe/Berlin", "holidays": "DE-BY"},
    ]
    assert tomllib.loads(text)["extra"] == {"kept": 1}


def test_removing_and_reordering_people(tmp_path: Path) -> None:
    path = write(tmp_path, TEAM)
    loaded = settings.load(path)
    assert loaded.people_entries is not None
    loaded.people_entries.reverse()
    settings.save(loaded, path)
    assert [p["name"] for p in tomllib.loads(path.read_text())["team"]["people"]] == [
        "Bob",
        "Aiko",
    ]
    loaded = settings.load(path)
    loaded.people_entries = []
    settings.save(loaded, path)
    assert "team" not in tomllib.loads(path.read_text())


def test_people_added_to_a_file_without_any(tmp_path: Path) -> None:
    path = write(tmp_path, "[time]\nzone = 'UTC'\n")
    loaded = settings.load(path)
    assert loaded.people_entries == []
    loaded.people_entries = [PersonEntry({"name": "Aiko", "zone": "Asia/Tokyo"})]
    settings.save(loaded, path)
    again = settings.load(path)
    assert [(p.name, p.zone_name) for p in again.people] == [("Aiko", "Asia/Tokyo")]


def test_a_person_that_is_not_a_table_survives_saves_that_do_not_edit_people(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "[team]\npeople = [1, { name = 'Aiko', zone = 'UTC' }]\n")
    loaded = settings.load(path)
    assert loaded.people_entries is not None
    assert loaded.people_entries[0].problem is not None
    settings.save(loaded, path)
    assert tomllib.loads(path.read_text())["team"]["people"][0] == 1


def test_work_hours_and_short_notice_are_written_once_they_differ(tmp_path: Path) -> None:
    path = write(tmp_path, "[time]\nzone = 'UTC'\n")
    loaded = settings.load(path)
    settings.save(loaded, path)
    assert "work_hours" not in path.read_text()
    loaded.work_hours = "08:00-16:00"
    loaded.short_notice_hours = 4.0
    settings.save(loaded, path)
    time = tomllib.loads(path.read_text())["time"]
    assert time["work_hours"] == "08:00-16:00"
    assert time["short_notice_hours"] == 4
    assert settings.load(path).short_notice_hours == 4.0
