"""Finding dates, times, zones and durations in prose, and resolving them to moments.

The scanner works in two steps. One compiled regex finds small temporal *units* ("Thursday",
"26 Nov", "17:00", "UTC", "in 3 days", "ASAP"); units that sit next to each other, joined
only by words like "at", "on" or a comma, form one *expression* ("Thursday 26 Nov, 17:00
UTC"). Every quantifier in the unit regex is bounded and no alternative can nest, so long
runs of digits, spaces or punctuation cost linear time.

Resolution turns an expression into an aware ``datetime`` relative to "now" and the
writer's zone, and records what about it is relative, vague or unzoned, so the deadline
checks only have to decide which expressions are deadlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from asyncwriter import vocabulary
from asyncwriter.times import zones

#: Day and month names live in ``vocabulary/times.toml``, as language rather than logic.

WEEKDAYS = vocabulary.words("times", "weekdays")
WEEKDAY_ABBR = vocabulary.words("times", "weekday_abbr")
MONTH_ABBR = vocabulary.words("times", "month_abbr")
_MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(MONTH_ABBR, 1)} | vocabulary.table(
    "times", "month_aliases"
)
_NUMBER_WORDS: dict[str, int] = vocabulary.table("times", "number_words")
_WEEKDAY_INDEX: dict[str, int] = {name: i for i, name in enumerate(WEEKDAYS)} | vocabulary.table(
    "times", "weekday_abbreviations"
)

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
#: A full weekday name never takes the full stop after it ("on Wednesday."): that ends the
#: sentence. An abbreviation may ("Wed. 25 Nov").
_WEEKDAY = (
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?)"
)
_ABBREVIATIONS = sorted([*zones.UNAMBIGUOUS, *zones.AMBIGUOUS], key=lambda a: (-len(a), a))
_ZONE = (
    # An offset is at most 14 hours: "UTC - 2026-12-14" is a zone and a range, not UTC-20:26.
    r"(?:(?:UTC|GMT|(?i:utc|gmt))\s?[+\-\u2212]\s?(?:1[0-4]|0?\d)(?::?[0-5]\d)?(?!\d)"
    # An offset right after a time: "17:00+02:00", "17:00 -05:00", "IST (+05:30)". A hyphen
    # glued to a time is a range ("02:00-04:00"), as people write a window; a glued offset
    # is "+" or U+2212.
    r"|(?:(?<=\d)[+\u2212]|(?<=\d )[+\-\u2212]|(?<=\()[+\-\u2212])\d{2}:?\d{2}(?!\d)"
    r"|(?<=\d)Z(?![\w/])|(?<![\w/])(?:" + "|".join(_ABBREVIATIONS) + r"|AoE|(?i:utc|gmt)"
    # "Anywhere on Earth" and "any time zone on earth", spelled out.
    r"|(?i:anywhere\son\searth|any\s(?:time\s?)?zone\son\searth))"
    # "CET/UTC+2" names one zone twice; "Europe/Paris" is an IANA name, read below.
    r"(?!\w|/(?![A-Z]{2,5}\b))"
    r"|(?i:" + "|".join(zones.REGIONS) + r")(?:\s(?i:standard\s|daylight\s)?(?i:time))?\b"
    r"|[A-Z][a-z]{1,14}/[A-Z][A-Za-z_\-]{1,30}(?:/[A-Z][A-Za-z_\-]{1,30})?)"
)
_UNIT = re.compile(
    # Every unit starts at a word boundary or right after a digit ("17:00+02:00", "1700Z"):
    # checking that once first lets most positions fail fast instead of trying each unit.
    r"(?:\b|(?<=\d)|(?<=\d )|(?<=\())(?:"
    r"(?P<iso>\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?"
    r"(?:Z\b|[+\-]\d{2}:?\d{2}(?!\d))?)"
    r"|(?P<clock12>\b\d{1,2}(?:[:.]\d{2}){0,2}\s?(?i:[ap]m\b|[ap]\.m\.))"
    r"|(?P<clock24>(?<!\([+\-\u2212])\b(?:(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?|[hH][0-5]\d)|24:00)(?!\d|:\d))"
    # "1700Z", "0930 UTC", and a bare hour before UTC/GMT ("before 12 UTC").
    r"|(?P<clock4>\b(?:(?:[01]\d|2[0-3])[0-5]\d(?=\s?(?:UTC|GMT|Z\b|(?i:hrs?)\b))"
    r"|(?:[01]?\d|2[0-3])(?=\s(?:UTC|GMT)\b)))"
    r"|(?P<named>\b(?i:noon|midday|midnight)\b)"
    r"|(?P<eod>\b(?:(?i:close|end) of(?=\s" + _WEEKDAY + r")"
    r"|EOD|EOB|COB|EOP|(?i:eod|cob)|(?i:close|end) of (?:(?i:the|your|my|our) )?"
    r"(?i:business )?"
    r"(?i:day|play|today))\b)"
    r"|(?P<period>\b(?:EOW|EOM|EOQ|EOY|(?i:end) of (?:the |this |next )?"
    r"(?i:week|month|quarter|year|sprint)"
    # "by the end of June", "end of Q2 2027": a named month or quarter.
    r"|(?i:end) of (?:(?i:the) )?(?:" + _MONTH + r"|Q[1-4])(?:,?\s\d{4})?)\b)"
    r"|(?P<relday>\b(?i:(?:the )?day after tomorrow|tomorrow|tmrw|tonight|today"
    r"|(?:later|earlier) today|this (?:morning|afternoon|evening))\b"
    r"(?:\s(?i:morning|afternoon|evening|night)\b)?)"
    r"|(?P<relweek>\b(?i:(?:this|next|the coming|coming) (?:week|month|quarter|sprint|weekend"
    r"|year))\b)"
    r"|(?P<weekday>\b(?:(?i:next|this|coming|the coming|last)\s)?" + _WEEKDAY + r")"
    # "Jul\n   22": a date wrapped across lines in a mail.
    r"|(?P<mdate>\b" + _MONTH + r"\.?\s{1,4}\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s\d{4}\b)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?(?:\sof)?\s" + _MONTH + r"\b(?:,?\s\d{4}\b)?"
    r"|\b\d{1,2}-" + _MONTH + r"\b(?:-\d{4}\b)?"
    # "by the 14th": a day of this month or the next.
    r"|\b(?i:the)\s(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)\b(?!\s(?:(?i:of)\s)?" + _MONTH + r"))"
    r"|(?P<sdate>\b\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?\b(?!/))"
    # "have 24 hours to object": a window given to someone.
    r"|(?P<duration>\b(?:(?i:in|within|for|over|open for)"
    r"|(?i:ha(?:ve|s))(?=\s[^.?!\n]{1,30}\sto\b))"
    r"\s(?:(?i:at least|at most|another|only|just)\s)?"
    r"(?:(?i:the)\s)?(?:(?i:next|coming)\s)?"
    r"(?:\d{1,3}(?:\s?[-\u2013]\s?\d{1,3})?|(?i:" + "|".join(_NUMBER_WORDS) + r"))[\s-]?"
    r"(?i:hours?|hrs?|h|days?|business days?|working days?|weeks?|minutes?|mins?)\b)"
    r"|(?P<vague>\b(?:ASAP|(?i:asap|a\.s\.a\.p\.?|as soon as (?:possible|you can|humanly possible)"
    r"|soon(?:ish)?|at your (?:earliest )?convenience|when(?:ever)? you (?:get|have|find) "
    r"(?:a )?(?:chance|moment|minute|sec|second|time)|when you can|whenever (?:you can|possible)"
    r"|sometime(?: soon)?|in the coming (?:days|weeks)|shortly|in a bit|at some point"
    r"|later this (?:week|month)))\b)"
    r"|(?P<zone>" + _ZONE + r"))"
)
#: Words a unit can start with (lower case). Trying the unit regex only at these words and
#: around digits is ten times faster than letting it try every alternative at every word.
_STARTS = frozenset(
    [*vocabulary.words("times", "unit_start_words"), *WEEKDAYS, *_WEEKDAY_INDEX, *_MONTHS]
    + list(vocabulary.words("times", "month_names"))
    + [z.lower() for z in zones.UNAMBIGUOUS]
    + [z.lower() for z in zones.AMBIGUOUS]
)
_WORD_OR_NUMBER = re.compile(r"[A-Za-z]+|\d+")
#: Common words that start a unit only before certain words: "the" only in "the day after
#: tomorrow", "the coming week" and "the 14th", "for" only in a duration ("for 72 hours").
#: Trying the unit pattern only there keeps the scan from paying for every "the" and "for"
#: (measured: none of 650 "the"s in the corpus started a unit).
_DURATION_FOLLOWS = re.compile(
    r"[^.?!\n]{0,45}?\b(?i:hours?|hrs?|h|days?|business|working|weeks?|minutes?|mins?|bit)\b"
)
#: What follows the digits that start a unit: a separator ("17:00", "3/1", "2026-12-01",
#: "00H00"), am/pm, an ordinal, a zone ("0930 UTC", "1700Z") or a month ("3 March"). A bare
#: number ("42 files") starts none, and most numbers in a draft are bare.
_DIGIT_FOLLOWS = re.compile(
    r"[:./\-hH]|\s?(?i:[ap]\.?m\b|st\b|nd\b|rd\b|th\b|utc\b|gmt\b|hrs?\b)|Z\b"
    r"|(?i:st|nd|rd|th)?\s{1,4}(?:(?i:of)\s)?" + _MONTH + r"\b"
)
_FOLLOWS: dict[str, re.Pattern[str]] = {
    "the": re.compile(r"\s+(?:(?i:day\s+after|coming)\b|\d)"),
    "a": re.compile(r"\."),
    "as": re.compile(r"\s+(?i:soon)\b"),
    "at": re.compile(r"\s+(?i:your|some)\b"),
    "any": re.compile(r"\s+(?i:time\s?zone|time\s+zone|zone)\b"),
    "day": re.compile(r"\s+(?i:after)\b"),
    "for": _DURATION_FOLLOWS,
    "in": _DURATION_FOLLOWS,
    "over": _DURATION_FOLLOWS,
    "have": _DURATION_FOLLOWS,
    "has": _DURATION_FOLLOWS,
}


def _candidates(prose: str) -> list[int]:
    """Return the sorted positions where a unit may start."""
    found: list[int] = []
    size = len(prose)
    for m in _WORD_OR_NUMBER.finditer(prose):
        token = m.group()
        if token[0].isdigit():
            if (
                m.start() >= 2
                and prose[m.start() - 1] in "+-\u2212"
                and prose[m.start() - 2] == "("
            ):
                found.append(m.start() - 1)  # "(+05:30)" after a zone name
            end = m.end()
            if _DIGIT_FOLLOWS.match(prose, end) is not None:
                found.append(m.start())
            # An offset or "Z" right after a time: "17:00+02:00", "17:00 -05:00", "1700Z".
            if end < size and prose[end] in "+-\u2212Z":
                found.append(end)
            elif end + 1 < size and prose[end] == " " and prose[end + 1] in "+-\u2212":
                found.append(end + 1)
        elif token.lower() in _STARTS:
            follow = _FOLLOWS.get(token.lower())
            if follow is not None and follow.match(prose, m.end()) is None:
                continue
            found.append(m.start())
    return found


_GAP = re.compile(r"[\s,()]{0,4}(?:(?i:at|on|the|of|around|@|~|at around)[\s,()]{1,4}){0,2}")
_RANGE_GAP = re.compile(r"\s{0,2}(?:-|\u2013|\u2014|(?i:to|until|till))\s{0,2}")
#: A zone written after the time as a city: "17:00 Berlin", "5pm London time", "(SF)".
_CITY_ZONE = re.compile(
    r"[ \t]?\(?((?:[A-Z][\w'\-\u00c0-\u024f]{1,20})(?:[ _][A-Z][\w'\-\u00c0-\u024f]{1,20}){0,2})"
    r"(?:[ \t](?i:time))?\)?"
)
_LOCAL_ZONE = re.compile(
    r"[ \t]?\(?(?i:(?:your|their|his|her|our|my) (?:local )?time|local time"
    r"|in your time ?zone)\)?(?:[ \t]?\((?P<z>" + _ZONE + r")\))?"
)

#: The time an "end of day" means, and the time a date-only deadline resolves to.
END_OF_DAY = time(17, 0)
LAST_MINUTE = time(23, 59)


@dataclass(slots=True)
class Unit:
    """One temporal unit found by the scanner."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Zone:
    """A zone written in the text, resolved where it is unambiguous."""

    start: int
    end: int
    text: str
    tz: tzinfo | None
    key: str | None
    ambiguous: tuple[zones.Meaning, ...] = ()
    local: bool = False

    @property
    def unknown(self) -> bool:
        """True for a zone written in a form no zone has ("Europe/Londn", "Mars/Base")."""
        return self.tz is None and not self.ambiguous and not self.local


@dataclass(slots=True)
class TimeExpression:
    """A group of adjacent units that names one moment, day, period or duration."""

    start: int
    end: int
    units: list[Unit]
    zone: Zone | None = None
    is_range: bool = False

    def kinds(self) -> set[str]:
        """Return the kinds of unit in this expression."""
        return {u.kind for u in self.units}

    def unit(self, *kinds: str) -> Unit | None:
        """Return the first unit of one of ``kinds``, if any."""
        return next((u for u in self.units if u.kind in kinds), None)

    @property
    def has_clock(self) -> bool:
        """True when the expression names a time of day (or end of day)."""
        if self.kinds() & {"clock12", "clock24", "clock4", "named", "eod"}:
            return True
        iso = self.unit("iso")
        return iso is not None and len(iso.text) > 10

    @property
    def has_day(self) -> bool:
        """True when the expression says which day."""
        return bool(self.kinds() & {"iso", "mdate", "sdate", "weekday", "relday", "period"})


@dataclass(slots=True)
class Resolution:
    """What an expression means relative to now, and what is wrong with how it says it."""

    when: datetime | None = None
    #: True when only a relative reading exists ("tomorrow", a bare weekday, "in 3 days").
    relative: bool = False
    #: The absolute form to suggest for a relative expression.
    absolute: str | None = None
    #: Reasons the expression is vague, each a sentence for the writer.
    vague: list[str] = field(default_factory=list)
    date_only: bool = False


#: Full-width brackets, as East Asian keyboards type them: "7 August（GMT+8）".
_FULL_WIDTH = str.maketrans("\uff08\uff09\uff3b\uff3d", "()[]")


def scan(prose: str) -> list[TimeExpression]:
    """Return the time expressions in ``prose``, in order."""
    if "\uff08" in prose or "\uff3b" in prose:
        prose = prose.translate(_FULL_WIDTH)  # one character each way: offsets stay
    units: list[Unit] = []
    pos = 0
    for start in _candidates(prose):
        if start < pos:
            continue
        m = _UNIT.match(prose, start)
        if m is not None and m.end() > m.start():
            units.append(Unit(m.lastgroup or "", m.start(), m.end(), m.group()))
            pos = m.end()
    groups: list[TimeExpression] = []
    skip_to = -1
    for i, unit in enumerate(units):
        if unit.start < skip_to:
            continue  # inside a restatement already taken into the expression before it
        if groups:
            last = groups[-1]
            if (
                last.zone is None
                and not any(u.kind == "zone" for u in last.units)
                and (last.has_clock or last.unit("mdate", "iso", "weekday"))
            ):
                city = _trailing_zone(prose, last.end)
                if city is not None and city.end <= unit.start:
                    last.zone = city
                    last.end = city.end
            close = _restatement_end(prose, last, units, i)
            if close is not None:
                last.end = skip_to = close
                continue
            gap = prose[last.end : unit.start]
            prev = last.units[-1]
            if (
                len(last.units) < _MAX_UNITS
                and len(gap) <= 14
                and _GAP.fullmatch(gap)
                and _joinable(prev, unit)
            ):
                last.units.append(unit)
                last.end = unit.end
                continue
            if (
                len(gap) <= 9
                and len(last.units) < _MAX_UNITS
                and _RANGE_GAP.fullmatch(gap)
                and unit.kind in _CLOCKS | {"mdate", "weekday", "iso", "zone"}
                and prev.kind in _CLOCKS | {"mdate", "weekday", "iso", "zone"}
            ):
                last.units.append(unit)
                last.end = unit.end
                last.is_range = True
                continue
        groups.append(TimeExpression(unit.start, unit.end, [unit]))
    result: list[TimeExpression] = []
    for group in groups:
        zone_units = [u for u in group.units if u.kind == "zone"]
        group.units = [u for u in group.units if u.kind != "zone"]
        if not group.units:
            continue
        if zone_units:
            group.zone = _zone_from_text(zone_units[-1].start, zone_units[-1].text)
            if prose.startswith(")", group.end) and "(" in prose[group.start : group.end]:
                group.end += 1
        elif group.zone is not None:
            pass
        elif group.has_clock or group.unit("mdate", "iso", "weekday", "sdate"):
            group.zone = _trailing_zone(prose, group.end)
            if group.zone is not None:
                group.end = group.zone.end
        if group.unit("sdate") and not _sdate_plausible(group, prose):
            continue
        result.append(group)
    return result


_CLOCKS = {"clock12", "clock24", "clock4", "named", "eod"}
#: No real expression has more units than this ("Thu 26 Nov 2026, 17:00 UTC" has four).
_MAX_UNITS = 6


_OPEN_PAREN = re.compile(r"[ \t]?\(")
_CLOSE_PAREN = re.compile(r"[^()\n]{0,40}?\)")


def _restatement_end(prose: str, last: TimeExpression, units: list[Unit], i: int) -> int | None:
    """Return where "(16:00 UTC)" after a zoned time ends, when ``units[i]`` opens one.

    "17:00 CET (16:00 UTC)" names one moment twice, the second time for readers elsewhere:
    the parenthesis is part of the expression but not more of its units, so the moment
    is read once, in the zone written first (even when the UTC date is another day). After
    an ambiguous abbreviation the UTC time is what says which zone was meant
    ("17:00 IST (11:30 UTC)"), so there it stays a unit, as does a zone alone ("(UTC+1)").
    """
    unit = units[i]
    zone_unit = last.units[-1] if last.units[-1].kind == "zone" else None
    if unit.kind == "zone" or (zone_unit is None and last.zone is None):
        return None
    if zone_unit is not None and _zone_from_text(zone_unit.start, zone_unit.text).ambiguous:
        return None
    if not _OPEN_PAREN.fullmatch(prose, last.end, unit.start):
        return None
    m = _CLOSE_PAREN.match(prose, unit.start)
    if m is None:
        return None
    inside = [u for u in units[i:] if u.end <= m.end()]
    if not any(u.kind == "zone" for u in inside) or not all(
        u.kind in _CLOCKS | {"zone", "mdate", "iso", "weekday"} for u in inside
    ):
        return None
    return m.end()


def _joinable(prev: Unit, unit: Unit) -> bool:
    """Return True when two units separated by a connector describe one moment."""
    if unit.kind == "zone" or prev.kind == "zone":
        return True
    if "duration" in (prev.kind, unit.kind) or "vague" in (prev.kind, unit.kind):
        return False
    return prev.kind != unit.kind


def _sdate_plausible(group: TimeExpression, prose: str) -> bool:
    """Accept a slash date with a year, next to another time unit, or after "by"/"until"."""
    unit = group.unit("sdate")
    assert unit is not None
    if unit.text.count("/") == 2 or len(group.units) > 1:
        return True
    before = prose[max(0, unit.start - 12) : unit.start].lower()
    return bool(re.search(r"\b(?:by|until|till|before|due|on|deadline:?)\s+$", before))


def _zone_from_text(start: int, text: str) -> Zone:
    raw = text.strip()
    bare = raw.strip("()").strip()
    upper = bare.upper()
    if upper in zones.AMBIGUOUS:
        return Zone(start, start + len(text), bare, None, None, zones.AMBIGUOUS[upper])
    if bare == "AoE" or bare.lower().endswith("on earth"):
        return Zone(start, start + len(text), bare, zones.AOE, "AoE")
    if upper in zones.UNAMBIGUOUS:
        key = zones.UNAMBIGUOUS[upper]
        return Zone(start, start + len(text), bare, zones.get_zone(key), key)
    offset = zones.parse_offset(bare)
    if offset is not None:
        if offset.utcoffset(None) == timedelta(0):
            return Zone(start, start + len(text), bare, zones.get_zone("UTC"), "UTC")
        return Zone(start, start + len(text), bare, offset, zones.offset_label(offset))
    region = bare.lower().split()[0]
    if region in zones.REGIONS:
        key = zones.REGIONS[region]
        return Zone(start, start + len(text), bare, zones.get_zone(key), key)
    if bare in zones.zone_names():
        return Zone(start, start + len(text), bare, zones.get_zone(bare), bare)
    return Zone(start, start + len(text), bare, None, None)


#: "Anywhere on Earth" in words, after the time: "23:59, any time zone on Earth" is AoE.
_AOE_WORDS = re.compile(
    r"[ \t]?,?[ \t]?\(?(?i:anywhere on earth|(?:in )?any time ?zone on earth)\)?"
)


def _trailing_zone(prose: str, end: int) -> Zone | None:
    """Return a city, "your time" or "anywhere on Earth" zone written right after ``end``."""
    m = _AOE_WORDS.match(prose, end)
    if m:
        return Zone(end, m.end(), m.group().strip(" \t,()"), zones.AOE, "AoE")
    m = _LOCAL_ZONE.match(prose, end)
    if m:
        if m.group("z"):
            zone = _zone_from_text(m.start("z"), m.group("z"))
            zone.start, zone.end = end, m.end()
            return zone
        return Zone(end, m.end(), m.group().strip(" ()"), None, "local", local=True)
    m = _CITY_ZONE.match(prose, end)
    if m:
        city = m.group(1).replace("_", " ").lower()
        key = zones.city_zones().get(city)
        if key is None and " " in city:  # "Berlin Friday": only the first word is the city
            first = city.split()[0]
            key = zones.city_zones().get(first)
            if key is not None:
                return Zone(
                    end, m.start(1) + len(first), m.group(1).split()[0], zones.get_zone(key), key
                )
        if key is not None:
            return Zone(end, m.end(), m.group().strip(" ()"), zones.get_zone(key), key)
    return None


def find_declared_zone(prose: str) -> Zone | None:
    """Return the zone of an "All times UTC" style declaration, if the message has one.

    An ambiguous abbreviation pinned by its offset ("All times IST (UTC+5:30)") is that
    offset.
    """
    m = _DECLARATION.search(prose)
    if not m:
        return None
    zone = _zone_from_text(m.start("z"), m.group("z"))
    pinned = _PINNED.match(prose, m.end())
    if zone.ambiguous and pinned is not None:
        offset = _zone_from_text(pinned.start("z"), pinned.group("z"))
        zone = Zone(zone.start, pinned.end(), zone.text, offset.tz, offset.key)
    return zone


_PINNED = re.compile(r"[ \t]?\((?P<z>(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?\d{2})?)\)")


_DECLARATION = re.compile(
    r"(?i:\ball\s(?:times?|timestamps?)|\b(?:times?|timestamps?)(?=\s(?:are|in|below|above|listed)))"
    r"(?:\s(?i:are|listed|below|above|here|shown|given|in|ae)){0,3}[\s:]{0,3}\(?(?P<z>"
    + _ZONE
    + r")"
)


def parse_clock(unit: Unit) -> time | None:
    """Return the time of day a clock unit names ("5pm" -> 17:00; "EOD" -> 17:00), or None."""
    text = unit.text.lower().replace(" ", "").rstrip(".")
    if unit.kind == "named":
        return time(12, 0) if text in ("noon", "midday") else LAST_MINUTE
    if unit.kind == "eod":
        return END_OF_DAY
    if unit.kind == "clock12":
        m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?(?:[:.]\d{2})?([ap])", text)
        if not m:
            return None
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if m.group(3) == "p" else 0)
        return time(hour, minute)
    if unit.kind == "clock24":
        hours, minutes = re.split(r"[:h]", text)[:2]
        if hours == "24":  # "24:00", the end of the day written as a deadline
            return LAST_MINUTE
        return time(int(hours), int(minutes))
    if unit.kind == "clock4":
        if len(text) <= 2:  # a bare hour before UTC: "12 UTC"
            return time(int(text), 0)
        return time(int(text[:2]), int(text[2:4]))
    return None


def _year_for(month: int, day: int, today: date) -> int:
    """Return the year that puts month/day nearest to ``today``."""
    best = today.year
    best_gap: int | None = None
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            gap = abs((date(year, month, day) - today).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _written_fold(when: datetime, zone: Zone | None) -> datetime:
    """Return ``when`` as the zone written with it says, in the hour the clocks go back.

    "02:30 CET" on the night Paris goes from CEST to CET happens twice; Python reads the
    first (CEST). The abbreviation says which: the second, an hour later.
    """
    if zone is None or not zone.text.isalpha() or not zone.text.isupper():
        return when
    later = when.replace(fold=1)
    if later.utcoffset() == when.utcoffset() or when.tzname() == zone.text:
        return when
    return later if later.tzname() == zone.text else when


def parse_mdate(text: str, today: date) -> tuple[date | None, bool]:
    """Return the date and whether the year was written."""
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)?", text)
    month_m = re.search(r"[A-Za-z]{3,9}", text.replace(" of ", " "))
    year_m = re.search(r"\b(\d{4})\b", text)
    if m and re.match(r"(?i)the\s", text):  # "the 14th": the next such day
        dom = int(m.group(1))
        this_month, this_year = today.month, today.year
        if dom < today.day:
            this_month, this_year = (
                (1, this_year + 1) if this_month == 12 else (this_month + 1, this_year)
            )
        try:
            return date(this_year, this_month, dom), False
        except ValueError:
            return None, False
    if not m or not month_m:
        return None, False
    month = _MONTHS.get(month_m.group().lower()[:4], _MONTHS.get(month_m.group().lower()[:3]))
    if month is None:
        return None, False
    day = int(m.group(1))
    year = int(year_m.group(1)) if year_m else _year_for(month, day, today)
    try:
        return date(year, month, day), year_m is not None
    except ValueError:
        return None, year_m is not None


def weekday_index(text: str) -> int | None:
    """Return 0-6 for the weekday a phrase names ("next Fri." -> 4), or None."""
    words = text.lower().rstrip(".").split()
    return _WEEKDAY_INDEX.get(words[-1]) if words else None


def _weekday_date(text: str, today: date) -> tuple[date, str]:
    """Return the date a weekday phrase means and its modifier ("", "next", "this")."""
    words = text.lower().rstrip(".").split()
    modifier = words[0] if len(words) > 1 else ""
    target = _WEEKDAY_INDEX[words[-1]]
    ahead = (target - today.weekday()) % 7
    if modifier == "last":
        return today - timedelta(days=(today.weekday() - target) % 7 or 7), modifier
    if modifier == "next":
        # "next Friday": the Friday of next week.
        monday_next = today + timedelta(days=7 - today.weekday())
        return monday_next + timedelta(days=target), modifier
    return today + timedelta(days=ahead), modifier


def format_day(day: date, today: date | None = None) -> str:
    """Return "Thu 26 Nov"; with ``today``, "Sun 31 Oct 2027" when the year is needed.

    Text the writer keeps must read back as the same day: a day and month without a year
    are read as the nearest such date, so a date further off than that (31 Oct, written in
    December for next October) carries its year.
    """
    text = f"{WEEKDAY_ABBR[day.weekday()]} {day.day} {MONTH_ABBR[day.month - 1]}"
    if today is not None and _year_for(day.month, day.day, today) != day.year:
        text += f" {day.year}"
    return text


def format_moment(
    when: datetime,
    tz: tzinfo,
    *,
    with_time: bool = True,
    with_utc: bool = False,
    now: datetime | None = None,
) -> str:
    """Return "Thu 26 Nov, 17:00 CET" for a moment shown in ``tz``.

    With ``with_utc``, as a message for readers elsewhere gives it: with the UTC time when
    the zone is not on UTC, "Thu 26 Nov, 17:00 CET (16:00 UTC)". With ``now``, the year is
    written when the day would otherwise read back as another year's (see ``format_day``).
    """
    local = when.astimezone(tz)
    day = format_day(local.date(), None if now is None else now.astimezone(tz).date())
    if not with_time:
        return day
    text = f"{day}, {local:%H:%M} {zones.display_zone(tz, local)}"
    if with_utc and zones.needs_utc_equivalent(tz, local):
        text += f" ({utc_equivalent(local, dated=True)})"
    return text


def utc_equivalent(local: datetime, *, dated: bool) -> str:
    """Return a moment in UTC for the parenthesis after a local time: "16:00 UTC".

    When the UTC date is another day, it says which: with the date when the local time is
    dated ("Wed 25 Nov, 23:30 UTC"), else relative to it ("23:30 UTC the day before").
    """
    utc = local.astimezone(UTC)
    clock = f"{utc:%H:%M} UTC"
    shift = (utc.date() - local.date()).days
    if shift == 0:
        return clock
    if dated:
        return f"{format_day(utc.date())}, {clock}"
    return f"{clock} the day before" if shift < 0 else f"{clock} the next day"


def resolve(  # one branch per kind of unit reads best as one
    expr: TimeExpression, now: datetime, writer_tz: tzinfo, default_tz: tzinfo | None
) -> Resolution:
    """Resolve ``expr`` to a moment relative to ``now``.

    Args:
        expr: the expression to resolve.
        now: the reference moment (aware).
        writer_tz: the writer's zone, for relative days when the text names no zone.
        default_tz: a zone the message declares for all its times, if any.

    Returns:
        The resolution; ``when`` is None for vague or ambiguous expressions.
    """
    res = Resolution()
    zone = expr.zone
    if zone is not None and (zone.ambiguous or zone.local or zone.unknown):
        tz: tzinfo | None = None  # no one moment: not the writer's zone either
    elif zone is not None and zone.tz is not None:
        tz = zone.tz
    else:
        tz = default_tz or writer_tz
    today = now.astimezone(tz or writer_tz).date()
    day: date | None = None
    clock: time | None = None
    explicit_day = False

    # Dates first, so a weekday can be checked against the date it sits next to.
    ordered = sorted(expr.units, key=lambda u: u.kind == "weekday")
    for unit in ordered:
        kind, low = unit.kind, unit.text.lower()
        if kind == "vague":
            res.vague.append(f"“{unit.text}” is not a time a reader can plan around")
            return res
        if kind == "duration":
            res.relative = True
            delta = _parse_duration(unit.text)
            if delta is None:
                return res
            res.when = now + delta
            word = low.split()[0]
            shown = format_moment(res.when, tz or writer_tz, now=now)
            res.absolute = f"until {shown}" if word in ("for", "over", "open") else f"by {shown}"
            return res
        if kind == "iso":
            parsed = parse_iso(unit.text)
            if parsed is None:
                return res
            if parsed.tzinfo is not None and zone is None:
                tz = parsed.tzinfo
                if parsed.utcoffset() == timedelta(0):
                    tz = zones.get_zone("UTC")
                expr.zone = Zone(unit.start, unit.end, unit.text, tz, zones.zone_key(tz))
            day, explicit_day = parsed.date(), True
            if len(unit.text) > 10:
                clock = parsed.time().replace(tzinfo=None)
        elif kind == "mdate":
            day, _year_given = parse_mdate(unit.text, today)
            explicit_day = True
            if day is None:
                res.vague.append(f"“{unit.text}” is not a real date")
                return res
        elif kind == "sdate":
            parts = [int(p) for p in unit.text.split("/")]
            a, b = parts[0], parts[1]
            if a > 12 and b <= 12:
                month, dom = b, a
            elif b > 12 and a <= 12:
                month, dom = a, b
            elif a == b:
                month, dom = a, b
            else:
                res.vague.append(
                    f"“{unit.text}” could be {dom_name(a, b)} or {dom_name(b, a)}: "
                    "write the month as a word"
                )
                return res
            year = parts[2] if len(parts) > 2 else _year_for(month, dom, today)
            if year < 100:
                year += 2000
            try:
                day, explicit_day = date(year, month, dom), True
            except ValueError:
                return res
        elif kind == "weekday":
            wday, modifier = _weekday_date(unit.text, today)
            if day is not None and explicit_day:
                if day.weekday() != wday.weekday():
                    res.vague.append(
                        f"{format_day(day)[4:]} is a {WEEKDAYS[day.weekday()].title()}, "
                        f"not a {WEEKDAYS[wday.weekday()].title()}"
                    )
                continue
            day = wday
            if not any(u.kind in ("mdate", "iso", "sdate") for u in expr.units):
                res.relative = True
        elif kind == "relday":
            res.relative = True
            if "day after" in low:
                day = today + timedelta(days=2)
            elif low.startswith(("tomorrow", "tmr", "tmrw")):
                day = today + timedelta(days=1)
            else:
                day = today
                if "tonight" in low or "evening" in low:
                    clock = clock or time(20, 0)
        elif kind == "relweek":
            res.relative = True
            monday = today - timedelta(days=today.weekday())
            if "week" in low and "weekend" not in low:
                day = monday + timedelta(days=7 if "next" in low or "coming" in low else 4)
            elif "weekend" in low:
                day = monday + timedelta(days=12 if "next" in low else 5)
            else:
                res.vague.append(f"“{unit.text}” spans weeks: name the day")
                return res
        elif kind == "period" and (named_end := _named_period_end(unit.text, today)):
            day = named_end  # "end of June", "end of Q2": a date, not a relative one
        elif kind == "period":
            res.relative = True
            monday = today - timedelta(days=today.weekday())
            if "week" in low or low == "eow":
                day = monday + timedelta(days=11 if "next" in low else 4)
                clock = clock or END_OF_DAY
            elif "month" in low or low == "eom":
                first_next = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
                day = first_next - timedelta(days=1)
            else:
                res.vague.append(f"“{unit.text}” is weeks away: name the date")
                return res
        elif kind in _CLOCKS:
            parsed_clock = parse_clock(unit)
            if parsed_clock is None:
                return res
            clock = parsed_clock
            if kind == "named" and "midnight" in low:
                res.vague.append("“midnight” is ambiguous about the day: write 23:59")
            if kind == "eod" and not expr.has_day:
                res.vague.append(f"“{unit.text}” with no day: whose day, and which one?")
                return res

    if day is None and clock is None:
        return res
    if day is None:
        day = today
        res.relative = True
    res.date_only = clock is None
    if zone is not None and zone.text == "AoE" and clock is None:
        clock = LAST_MINUTE
    if tz is None:
        # An ambiguous or reader-local zone: no moment, but a relative day still has a date.
        if res.relative:
            res.absolute = format_day(day, today)
        return res
    when = _written_fold(datetime.combine(day, clock or LAST_MINUTE, tzinfo=tz), zone)
    res.when = when
    if res.relative:
        res.absolute = format_moment(when, tz, with_time=not res.date_only, now=now)
        if not res.date_only and (zone is None and default_tz is None):
            # The text names no zone: suggest the day only; the zone is a separate fix.
            res.absolute = format_day(day, today)
    return res


def dom_name(month: int, dom: int) -> str:
    """Return "3 Dec" for month 12, day 3 (or the raw numbers if invalid)."""
    if 1 <= month <= 12:
        return f"{dom} {MONTH_ABBR[month - 1]}"
    return f"{month}/{dom}"


def parse_iso(text: str) -> datetime | None:
    # "2002-9-22": people drop the leading zeros that ISO 8601 requires.
    text = re.sub(r"^(\d{4})-(\d{1,2})-(\d{1,2})", _pad_date, text)
    try:
        return datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        return None


def _named_period_end(text: str, today: date) -> date | None:
    """Return the last day of "end of June" or "end of Q2 2027", or None for other periods."""
    low = text.lower()
    year_m = re.search(r"\b(\d{4})\b", low)
    quarter = re.search(r"\bq([1-4])\b", low)
    month = None
    if quarter:
        month = int(quarter.group(1)) * 3
    else:
        name = re.search(r"end of (?:the )?([a-z]{3,9})", low)
        if name:
            month = _MONTHS.get(name.group(1)[:4], _MONTHS.get(name.group(1)[:3]))
    if month is None:
        return None
    year = int(year_m.group(1)) if year_m else _year_for(month, 28, today)
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _pad_date(m: re.Match[str]) -> str:
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _parse_duration(text: str) -> timedelta | None:
    # "24-48 hours" lasts up to its upper end; "three-day" is "three day".
    text = re.sub(r"\d{1,3}\s?[-\u2013]\s?(?=\d)", "", text).replace("-", " ")
    words = text.lower().split()
    # Drop the lead-in ("in", "within", "open for", "the next" ...).
    while words and words[0] in (
        "in",
        "within",
        "for",
        "over",
        "open",
        "the",
        "next",
        "coming",
        "at",
        "least",
        "most",
        "another",
        "have",
        "has",
        "only",
        "just",
    ):
        words = words[1:]
    joined = " ".join(words)
    m = re.match(r"(\d{1,3}|[a-z\-]+)\s?(.*)$", joined)
    if not m:
        return None
    amount_text, unit = m.group(1), m.group(2).strip()
    amount = int(amount_text) if amount_text.isdigit() else _NUMBER_WORDS.get(amount_text)
    if amount is None:
        return None
    if unit.startswith(("hour", "hr", "h")):
        return timedelta(hours=amount)
    if unit.startswith(("min",)):
        return timedelta(minutes=amount)
    if unit.startswith("week"):
        return timedelta(weeks=amount)
    if "business" in unit or "working" in unit:
        return timedelta(days=amount + 2 * (amount // 5))
    return timedelta(days=amount)
