"""Find a time zone the way people name one: a city, a nickname, a country, an abbreviation.

The people editor asks "where is Aiko?", and people answer "Tokyo", "NYC", "Germany" or
"PST", rarely "Asia/Tokyo". Everything here comes from the zone database itself where it
can: city names are the last part of each ``Area/City`` id, and country names come from
``iso3166.tab`` with each country's zones from ``zone.tab`` (or ``zone1970.tab``), read from
the system's zoneinfo folder or the ``tzdata`` package. Only nicknames and abbreviations the
database lacks come from the hand-kept ``vocabulary/zones.toml`` (via :mod:`.zones`). An
abbreviation with several meanings (IST) yields all of them, so the caller offers a choice
instead of guessing. Without the ``.tab`` files, country names are simply not found.
"""

from __future__ import annotations

import functools
import unicodedata
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from asyncwriter.times import zones

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: How many matches a search returns at most: a list longer than this is not read.
LIMIT = 40

_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})


@dataclass(frozen=True, slots=True)
class ZoneMatch:
    """One zone a search found, and why.

    Attributes:
        zone: the IANA id to store ("Asia/Tokyo").
        why: what the text matched, for the list ("Japan", "NYC", "India Standard Time").
        exact: the whole text named this zone (not just a part of a name).
    """

    zone: str
    why: str
    exact: bool

    def offset(self, now: datetime | None = None) -> str:
        """Return the zone's UTC offset at ``now`` (default: this moment), "UTC+09:00"."""
        moment = now or datetime.now(UTC)
        delta = moment.astimezone(zones.get_zone(self.zone)).utcoffset() or timedelta(0)
        return offset_text(delta)

    def label(self, now: datetime | None = None) -> str:
        """Return "Asia/Tokyo · UTC+09:00 · Japan" for a list of matches."""
        parts = [self.zone, self.offset(now)]
        if self.why and _fold(self.why) not in (_fold(_city(self.zone)), _fold(self.zone)):
            parts.append(self.why)
        return " · ".join(parts)


def offset_text(delta: timedelta) -> str:
    """Return "UTC+05:30" / "UTC-08:00": a fixed width, so a list of them lines up."""
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def decisive(matches: list[ZoneMatch]) -> bool:
    """Return True when the first match is clearly the one meant and may be chosen for the user.

    It is when it is the only match, or the only exact one among guesses ("New York" also
    finds "New Salem" by a part of its name). Several exact matches (IST; a country with
    several zones) are a question for the user, never a silent guess.
    """
    if len(matches) == 1:
        return True
    exact = {m.zone for m in matches if m.exact}
    return bool(matches) and matches[0].exact and len(exact) == 1


def search(text: str, limit: int = LIMIT) -> list[ZoneMatch]:
    """Return the zones ``text`` may name, best first, each zone once.

    Exact answers come first: an IANA id, an abbreviation (every meaning of an ambiguous
    one), a city or nickname, a country's zones, a region word ("Pacific"). Then, for
    two or more characters, zones whose city, country or id contains the text. Case and
    accents do not matter ("zurich" finds Europe/Zurich).
    """
    key = _fold(text)
    if not key:
        return []
    found: dict[str, ZoneMatch] = {}
    legacy = _legacy_ids().get(key)
    for match in _matches(text.strip(), key):
        if legacy is not None and not match.exact:
            # "US/Pacific" is valid, but "CET" or "Japan" mean what people mean by them.
            if not found:
                found[legacy] = ZoneMatch(legacy, "", True)
            legacy = None
        if match.zone not in found and _known(match.zone):
            found[match.zone] = match
            if len(found) >= limit:
                break
    if legacy is not None and not found:
        found[legacy] = ZoneMatch(legacy, "", True)
    return list(found.values())


def _matches(text: str, key: str) -> Iterator[ZoneMatch]:
    ids = _ids()
    if key in ids:
        yield ZoneMatch(ids[key], "", True)
    offset = zones.parse_offset(text.upper())
    if offset is not None:
        yield ZoneMatch(zones.offset_label(offset), "fixed offset", True)
    abbrev = text.upper()
    for meaning in zones.AMBIGUOUS.get(abbrev, ()):
        yield ZoneMatch(meaning.zone, f"{abbrev}: {meaning.label}", True)
    if abbrev in zones.UNAMBIGUOUS and abbrev not in ("UTC", "GMT", "Z"):
        yield ZoneMatch(zones.UNAMBIGUOUS[abbrev], abbrev, True)
    if key in ("gmt", "z"):
        yield ZoneMatch("UTC", text.upper(), True)
    named = _names().get(key)
    if named is not None:
        yield ZoneMatch(named, _nickname(key, named), True)
    for code in _country_codes().get(key, ()):
        for zone, comment in _country_zones().get(code, ()):
            yield ZoneMatch(zone, _country_label(code, comment), True)
    region = zones.REGIONS.get(key)
    if region is not None:
        yield ZoneMatch(region, text.title(), True)
    if len(key) < 2:
        return
    for name, zone in _names().items():
        if key in name:
            yield ZoneMatch(zone, _nickname(name, zone), False)
    for country, codes in _country_codes().items():
        if key in country:
            for code in codes:
                for zone, comment in _country_zones().get(code, ()):
                    yield ZoneMatch(zone, _country_label(code, comment), False)
    for folded, zone in ids.items():
        if key in folded:
            yield ZoneMatch(zone, zone, False)


def _nickname(name: str, zone: str) -> str:
    """Return the name as shown: a nickname in capitals ("NYC"), a city titled."""
    if _fold(_city(zone)) == name:
        return _city(zone)
    return name.upper() if len(name) <= 3 else name.title()


def _country_label(code: str, comment: str) -> str:
    country = _countries().get(code, code)
    return f"{country} ({comment})" if comment else country


def _city(zone: str) -> str:
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def _fold(text: str) -> str:
    """Return ``text`` for comparing: case and accents dropped, "_" read as a space."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold().replace("_", " "))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _known(zone: str) -> bool:
    try:
        zones.get_zone(zone)
    except ValueError:
        return False
    return True


#: The areas of the ids of places ("Asia/Tokyo"); others are links kept for old systems.
_AREAS = frozenset(
    ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia")
    + ("Europe", "Indian", "Pacific")
)


@functools.cache
def _ids() -> dict[str, str]:
    """Return folded ids of places ("america/new york") mapped to the id, and UTC."""
    ids = {_fold(n): n for n in sorted(zones.zone_names()) if n.split("/")[0] in _AREAS}
    ids["utc"] = "UTC"
    return ids


@functools.cache
def _legacy_ids() -> dict[str, str]:
    """Return the other ids ("US/Pacific", "Japan", "CET"), folded, mapped to the id."""
    places = _ids()
    return {
        _fold(name): name
        for name in sorted(zones.zone_names())
        if _fold(name) not in places
        and name not in _NOT_ZONES
        and not name.startswith(("posix/", "right/"))
    }


@functools.cache
def _names() -> dict[str, str]:
    """Return folded city names and nicknames mapped to their zone (the database first)."""
    names: dict[str, str] = {}
    for name in sorted(zones.zone_names()):
        if name.split("/")[0] in _AREAS:
            names.setdefault(_fold(_city(name)), name)
    for alias, zone in zones.CITY_ALIASES.items():
        names.setdefault(_fold(alias), zone)
    return names


# -- the database's country tables ------------------------------------------------------------


def _tab_lines(name: str, folders: Iterable[Path] | None = None) -> list[str] | None:
    """Return the lines of ``name`` (e.g. ``zone.tab``) from the zone database, or None.

    The system's folders (``zoneinfo.TZPATH``) first, as :mod:`zoneinfo` reads zones; then
    the ``tzdata`` package, which pip installs where the system has none.
    """
    for folder in folders if folders is not None else map(Path, zoneinfo.TZPATH):
        try:
            return (folder / name).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
    if folders is not None:
        return None
    try:
        package = resources.files("tzdata").joinpath("zoneinfo", name)
        return package.read_text(encoding="utf-8").splitlines()
    except (ImportError, OSError, UnicodeDecodeError):
        return None


def parse_countries(lines: Iterable[str]) -> dict[str, str]:
    """Parse ``iso3166.tab``: country code to name ("JP" → "Japan")."""
    countries: dict[str, str] = {}
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        code, name = line.split("\t", 1)
        countries[code.strip()] = name.strip()
    return countries


def parse_zone_tab(lines: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Parse ``zone.tab`` or ``zone1970.tab``: country code to its (zone, comment) rows.

    ``zone1970.tab`` lists several codes per row ("DE,DK,NO"); each gets the zone.
    """
    table: dict[str, list[tuple[str, str]]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        comment = fields[3].strip() if len(fields) > 3 else ""
        for code in fields[0].split(","):
            table.setdefault(code.strip(), []).append((fields[2].strip(), comment))
    return table


@functools.cache
def _countries() -> dict[str, str]:
    return parse_countries(_tab_lines("iso3166.tab") or [])


@functools.cache
def _country_zones() -> dict[str, list[tuple[str, str]]]:
    lines = _tab_lines("zone.tab") or _tab_lines("zone1970.tab") or []
    return parse_zone_tab(lines)


@functools.cache
def _country_codes() -> dict[str, tuple[str, ...]]:
    """Return folded country names ("japan", "united states") mapped to their codes."""
    codes: dict[str, list[str]] = {}
    for code, name in _countries().items():
        codes.setdefault(_fold(name), []).append(code)
        if "(" in name:  # "Korea (South)" and "Korea (North)" are both found by "Korea"
            codes.setdefault(_fold(name.split("(")[0]), []).append(code)
    return {name: tuple(found) for name, found in codes.items()}


def clear_caches() -> None:
    """Forget the tables read (for tests that swap the database's files)."""
    for cached in (_ids, _legacy_ids, _names, _countries, _country_zones, _country_codes):
        cached.cache_clear()
