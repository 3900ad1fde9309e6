"""The people editor's zone search: cities, nicknames, countries, abbreviations and ids."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from asyncwriter.times import zone_search
from asyncwriter.times.zone_search import decisive, search

if TYPE_CHECKING:
    from pathlib import Path

WINTER = datetime(2026, 12, 1, 12, tzinfo=UTC)


def zones_of(text: str) -> list[str]:
    return [m.zone for m in search(text)]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("New York", "America/New_York"),
        ("NYC", "America/New_York"),
        ("nyc", "America/New_York"),
        ("new york", "America/New_York"),
        ("Tokyo", "Asia/Tokyo"),
        ("TOKYO", "Asia/Tokyo"),
        ("Japan", "Asia/Tokyo"),
        ("PST", "America/Los_Angeles"),
        ("pst", "America/Los_Angeles"),
        ("CET", "Europe/Paris"),
        ("JST", "Asia/Tokyo"),
        ("SF", "America/Los_Angeles"),
        ("LA", "America/Los_Angeles"),
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("asia/kolkata", "Asia/Kolkata"),
        ("zurich", "Europe/Zurich"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("+05:30", "+05:30"),
    ],
)
def test_a_clear_name_finds_its_zone_first_and_decides(text: str, zone: str) -> None:
    matches = search(text)
    assert matches[0].zone == zone
    assert decisive(matches)


def test_a_country_with_several_zones_offers_them_all_and_does_not_guess() -> None:
    germany = zones_of("Germany")
    assert germany[:2] == ["Europe/Berlin", "Europe/Busingen"]
    assert not decisive(search("Germany"))
    us = search("United States")
    assert {"America/New_York", "America/Chicago", "America/Los_Angeles"} <= {m.zone for m in us}
    assert not decisive(us)
    assert "United States" in us[0].label(WINTER)


def test_ist_is_ambiguous_so_every_meaning_is_offered() -> None:
    matches = search("IST")
    assert [m.zone for m in matches[:3]] == ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]
    assert all(m.exact for m in matches[:3])
    assert not decisive(matches)
    assert "India Standard Time" in matches[0].label(WINTER)


def test_each_match_shows_its_offset_at_that_moment() -> None:
    (tokyo,) = search("Tokyo")
    assert tokyo.label(WINTER) == "Asia/Tokyo · UTC+09:00"
    assert search("NYC")[0].label(WINTER) == "America/New_York · UTC-05:00 · NYC"
    summer = datetime(2026, 7, 1, 12, tzinfo=UTC)
    assert search("New York")[0].offset(summer) == "UTC-04:00"
    assert search("Kolkata")[0].offset(WINTER) == "UTC+05:30"


def test_garbage_finds_nothing() -> None:
    assert search("xyzzyq") == []
    assert search("   ") == []
    assert not decisive([])


def test_part_of_a_name_finds_it_but_does_not_decide_among_many() -> None:
    assert "America/Los_Angeles" in zones_of("angel")
    assert not decisive(search("new"))  # New York, New Salem, …: a question
    assert len(search("a")) <= zone_search.LIMIT


def test_legacy_ids_come_after_what_people_mean() -> None:
    assert zones_of("CET") == ["Europe/Paris"]  # not the legacy "CET" zone as well
    assert zones_of("US/Pacific") == ["US/Pacific"]  # still found when typed as such


def test_without_the_database_tables_countries_are_not_found_and_nothing_breaks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(zone_search, "_tab_lines", lambda name, folders=None: None)
    zone_search.clear_caches()
    try:
        assert search("United States") == []
        assert zones_of("Tokyo") == ["Asia/Tokyo"]
        assert zones_of("IST")[:3] == ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]
    finally:
        monkeypatch.undo()
        zone_search.clear_caches()


def test_the_tables_come_from_the_tzdata_package_when_the_system_has_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert zone_search._tab_lines("zone.tab", [tmp_path]) is None
    monkeypatch.setattr(zone_search.zoneinfo, "TZPATH", (str(tmp_path),))
    lines = zone_search._tab_lines("iso3166.tab")
    assert lines is not None
    assert zone_search.parse_countries(lines)["JP"] == "Japan"


def test_zone1970_rows_with_several_countries_give_each_its_zone() -> None:
    table = zone_search.parse_zone_tab(
        [
            "# comment",
            "DE,DK,NO\t+5230+01322\tEurope/Berlin\tmost of Germany",
            "JP\t+35\tAsia/Tokyo",
        ]
    )
    assert table["NO"] == [("Europe/Berlin", "most of Germany")]
    assert table["JP"] == [("Asia/Tokyo", "")]
