"""Time zone words people write next to times, and what each one means.

A reader in another zone can only act on a time whose zone is unambiguous, so this module
knows three kinds of zone word: unambiguous ones (mapped to an IANA zone or a fixed
offset), ambiguous abbreviations (with their candidate meanings, for suggestions), and city
or region words ("London time", "Pacific"). Zone words are only ever matched next to a time
by the caller, so "get" or "eat" in prose never look like zones.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from asyncwriter import vocabulary

#: The zone words live in ``vocabulary/zones.toml``, to be read and extended without code.

#: Abbreviations with one common meaning, mapped to the IANA zone people mean by them.
#: PST in July still means "Pacific time" to the writer, so the zone, not the fixed offset.
UNAMBIGUOUS: dict[str, str] = vocabulary.table("zones", "unambiguous")


@dataclass(frozen=True, slots=True)
class Meaning:
    """One reading of an ambiguous abbreviation.

    Attributes:
        label: the zone's full name ("Irish Standard Time").
        zone: the IANA zone that uses the abbreviation in this meaning.
        offset: the one UTC offset the abbreviation stands for in this meaning. A zone with
            daylight saving time uses the abbreviation only part of the year: Irish Standard
            Time is UTC+1, Ireland's summer time.
        when: the part of the year the zone uses it ("in summer"), or "" for all year.
    """

    label: str
    zone: str
    offset: timedelta
    when: str = ""

    def in_use(self, moment: datetime) -> bool:
        """Return True when the zone is on this offset at ``moment``."""
        return moment.astimezone(get_zone(self.zone)).utcoffset() == self.offset


def _offset(text: str) -> timedelta:
    """Return the offset a vocabulary entry writes as "+05:30" or "-04:00"."""
    zone = parse_offset(text)
    if zone is None:
        raise ValueError(f"zones.toml: {text!r} is not a UTC offset")
    return zone.utcoffset(None)


#: Region words used as "5pm Pacific" or "9:00 Eastern time".
REGIONS: dict[str, str] = vocabulary.table("zones", "regions")

#: Everyday city names and nicknames that are not the last part of an IANA name.
CITY_ALIASES: dict[str, str] = vocabulary.table("zones", "city_aliases")

AOE = timezone(timedelta(hours=-12), "AoE")

#: An offset written as "+02:00", "+0200", "UTC+2", "GMT-5:30"; the sign may be U+2212.
OFFSET_RE = re.compile(r"(?:UTC|GMT)?\s?([+\-\u2212])(\d{1,2})(?::?(\d{2}))?")


@functools.cache
def city_zones() -> dict[str, str]:
    """Return lower-case city names (``"new york"``) mapped to their IANA zone.

    Built once from the zone database, so every ``Area/City`` name is known, plus
    everyday aliases such as "SF" or "Bangalore".
    """
    cities: dict[str, str] = {}
    for key in available_timezones():
        if "/" not in key or key.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        city = key.rsplit("/", 1)[1].replace("_", " ").lower()
        cities.setdefault(city, key)
    cities.update(CITY_ALIASES)
    return cities


@functools.cache
def zone_names() -> frozenset[str]:
    """Return every IANA zone name this machine knows."""
    return frozenset(available_timezones())


def closest_zone_name(text: str) -> str | None:
    """Return the IANA name ``text`` was most likely meant to be ("Europe/Londn"), or None."""
    import difflib  # only for a misspelt zone

    folded = {name.casefold(): name for name in zone_names()}
    match = difflib.get_close_matches(text.casefold(), list(folded), n=1, cutoff=0.8)
    return folded[match[0]] if match else None


def parse_offset(text: str) -> timezone | None:
    """Return a fixed-offset zone for "+02:00", "UTC+2" or "GMT-5:30", or None."""
    m = OFFSET_RE.fullmatch(text.strip())
    if not m:
        return None
    sign = -1 if m.group(1) in "-\u2212" else 1
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


#: Abbreviations that name several zones; the first meaning is the most common one.
AMBIGUOUS: dict[str, tuple[Meaning, ...]] = {
    abbrev: tuple(
        Meaning(m["label"], m["zone"], _offset(m["offset"]), m.get("when", "")) for m in meanings
    )
    for abbrev, meanings in vocabulary.table("zones", "ambiguous").items()
}


def offset_label(tz: timezone) -> str:
    """Return "+02:00" style text for a fixed offset."""
    delta = tz.utcoffset(None)
    total = int(delta.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    total = abs(total)
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def get_zone(name: str) -> tzinfo:
    """Return the zone for an IANA name, "UTC" or an offset.

    Raises:
        ValueError: the name is not a zone this machine knows.
    """
    if name.upper() in ("UTC", "Z", "GMT"):
        return UTC
    offset = parse_offset(name)
    if offset is not None:
        return offset
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r} (use an IANA name such as Europe/Berlin)"
        ) from None


def local_zone() -> tzinfo:
    """Return the writer's system zone, by IANA name where the system says it.

    ``TZ`` wins, then the ``/etc/localtime`` link; otherwise the current fixed offset.
    """
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        try:
            return get_zone(env)
        except ValueError:
            pass
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    return datetime.now().astimezone().tzinfo or UTC


def zone_key(tz: tzinfo) -> str:
    """Return the name this project writes for ``tz`` (IANA key, "UTC", offset or "AoE")."""
    if tz is UTC:
        return "UTC"
    if tz is AOE:
        return "AoE"
    if isinstance(tz, ZoneInfo):
        return "UTC" if tz.key in ("UTC", "Etc/UTC") else tz.key
    if isinstance(tz, timezone):
        return offset_label(tz)
    return str(tz)


def utc_offset_text(offset: timedelta) -> str:
    """Return an offset as people write it: "UTC+5:30", "UTC\u22123", "UTC+1" ("UTC" for 0)."""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def display_zone(tz: tzinfo, when: datetime) -> str:
    """Return the zone as a person writes it next to a time on that date; never an IANA id.

    A reader elsewhere recognises an abbreviation ("CET", "PDT", "GMT") but not
    "Europe/Berlin" in a sentence, so the zone's own abbreviation for that date is used
    when it has one meaning and that meaning's offset is the zone's on that date (Manila's
    "PST" is not Pacific time). An abbreviation with several meanings is kept for the
    people who know it and pinned by its offset ("IST (UTC+5:30)"); a zone the database
    names only by a number ("+04") is written "UTC+4".
    """
    key = zone_key(tz)
    if key in ("UTC", "AoE"):
        return key
    local = when.astimezone(tz)
    offset = local.utcoffset() or timedelta(0)
    abbrev = local.tzname() or ""
    if abbrev.isalpha():
        if abbrev in AMBIGUOUS:
            return f"{abbrev} ({utc_offset_text(offset)})"
        meant = UNAMBIGUOUS.get(abbrev)
        if meant is not None and local.astimezone(get_zone(meant)).utcoffset() == offset:
            return abbrev
    return utc_offset_text(offset)


def needs_utc_equivalent(tz: tzinfo, when: datetime) -> bool:
    """Return True when a time in ``tz`` should also be given in UTC for readers elsewhere.

    Not for a zone on UTC's offset at that moment ("17:00 GMT" is 17:00 UTC), nor when the
    zone's label already states its offset ("IST (UTC+5:30)").
    """
    offset = when.astimezone(tz).utcoffset() or timedelta(0)
    return offset != timedelta(0) and "(" not in display_zone(tz, when)
