"""How times and zones are written for readers elsewhere: labels, meanings, restatements."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import wording, zones

WINTER = datetime(2026, 11, 26, 16, 0, tzinfo=UTC)
SUMMER = datetime(2026, 7, 16, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "when", "label"),
    [
        ("UTC", WINTER, "UTC"),
        ("Europe/Berlin", WINTER, "CET"),  # CET is listed as Paris's: same offset, same name
        ("Europe/Berlin", SUMMER, "CEST"),
        ("America/New_York", SUMMER, "EDT"),
        ("Europe/London", WINTER, "GMT"),
        ("Europe/London", SUMMER, "BST (UTC+1)"),  # BST is also Bangladesh
        ("Asia/Kolkata", WINTER, "IST (UTC+5:30)"),
        ("Europe/Dublin", SUMMER, "IST (UTC+1)"),
        ("Europe/Dublin", WINTER, "GMT"),
        ("Asia/Dubai", WINTER, "UTC+4"),  # the database names it "+04"
        ("America/Sao_Paulo", WINTER, "UTC\u22123"),
        ("Asia/Manila", WINTER, "UTC+8"),  # its "PST" is not Pacific time
        ("+05:30", WINTER, "UTC+5:30"),
        ("AoE", WINTER, "AoE"),
    ],
)
def test_display_zone_is_what_a_person_writes_never_an_iana_id(zone, when, label):
    tz = zones.AOE if zone == "AoE" else zones.get_zone(zone)
    assert zones.display_zone(tz, when) == label
    assert "/" not in label


def test_a_label_the_scanner_reads_back_as_the_same_offset():
    for key in (
        "Asia/Kolkata",
        "Europe/London",
        "Asia/Dubai",
        "America/Sao_Paulo",
        "Europe/Berlin",
    ):
        tz = zones.get_zone(key)
        for when in (WINTER, SUMMER):
            text = f"at 17:00 {zones.display_zone(tz, when)} on Thu 26 Nov"
            (expr,) = timeexpr.scan(text)
            assert expr.zone is not None and not expr.zone.ambiguous, text
            assert expr.zone.tz is not None
            assert expr.zone.tz.utcoffset(when) == tz.utcoffset(when), text


@pytest.mark.parametrize(
    ("abbrev", "meaning"), [(a, m) for a, ms in zones.AMBIGUOUS.items() for m in ms]
)
def test_each_ambiguous_meaning_states_its_zones_real_offset(abbrev, meaning):
    tz = ZoneInfo(meaning.zone)
    year = [datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=d) for d in range(0, 365, 7)]
    offsets = {t.astimezone(tz).utcoffset() for t in year}
    assert meaning.offset in offsets, (abbrev, meaning)
    # "when" is said exactly for the zones that use this offset only part of the year.
    assert bool(meaning.when) == (len(offsets) > 1), (abbrev, meaning)
    for t in year:  # where the database writes the abbreviation, it is this offset
        local = t.astimezone(tz)
        if local.tzname() == abbrev:
            assert local.utcoffset() == meaning.offset, (abbrev, meaning, t)


def test_irish_standard_time_is_irelands_summer_time():
    (_india, ireland, israel) = zones.AMBIGUOUS["IST"]
    assert ireland.label == "Irish Standard Time"
    assert ireland.offset == timedelta(hours=1)
    assert ireland.in_use(SUMMER) and not ireland.in_use(WINTER)
    assert israel.offset == timedelta(hours=2)
    assert israel.in_use(WINTER) and not israel.in_use(SUMMER)


@pytest.mark.parametrize(
    ("when", "tz", "text"),
    [
        (datetime(2026, 12, 2, 16, 0, tzinfo=UTC), "Europe/Berlin",
         "Wed 2 Dec, 17:00 CET (16:00 UTC)"),
        (datetime(2026, 12, 2, 11, 30, tzinfo=UTC), "Asia/Kolkata", "Wed 2 Dec, 17:00 IST (UTC+5:30)"),
        (datetime(2026, 12, 2, 17, 0, tzinfo=UTC), "UTC", "Wed 2 Dec, 17:00 UTC"),
        (datetime(2026, 12, 2, 17, 0, tzinfo=UTC), "Europe/London", "Wed 2 Dec, 17:00 GMT"),
        (datetime(2026, 12, 1, 23, 30, tzinfo=UTC), "Europe/Berlin",
         "Wed 2 Dec, 00:30 CET (Tue 1 Dec, 23:30 UTC)"),
    ],
)  # fmt: skip
def test_for_readers_gives_the_date_time_zone_and_utc(when, tz, text):
    assert wording.for_readers(when, zones.get_zone(tz)) == text


@pytest.mark.parametrize(
    ("text", "tz", "fixed"),
    [
        ("at 3pm on Wednesday", "Europe/Berlin", "3pm CET (14:00 UTC) on Wednesday"),
        ("at 17:00", "UTC", "17:00 UTC"),
        ("at 00:30", "Europe/Berlin", "00:30 CET (23:30 UTC the day before)"),
        ("from 09:00 to 11:00", "Europe/Berlin", "09:00 to 11:00 CET (UTC+1)"),
        ("at 10:00, Thu 26 Nov", "Asia/Kolkata", "10:00 IST (UTC+5:30), Thu 26 Nov"),
    ],
)
def test_with_zone_puts_the_zone_after_the_clock_time(text, tz, fixed):
    zone = zones.get_zone(tz)
    (expr,) = timeexpr.scan(text)
    res = timeexpr.resolve(expr, WINTER, zone, None)
    local = wording.local_moment(expr, res.when, zone, WINTER.date())
    assert wording.with_zone(text, expr, local, zone) == fixed


@pytest.mark.parametrize(
    ("text", "zone", "iso"),
    [
        # A restatement for readers elsewhere is the same moment, read in the first zone.
        ("Thu 26 Nov, 17:00 CET (16:00 UTC)", "Europe/Paris", "2026-11-26T17:00:00+01:00"),
        ("Thu 26 Nov, 00:30 CET (Wed 25 Nov, 23:30 UTC)", "Europe/Paris",
         "2026-11-26T00:30:00+01:00"),
        ("3pm CET (14:00 UTC) on Wed 25 Nov", "Europe/Paris", "2026-11-25T15:00:00+01:00"),
        # An offset after an ambiguous abbreviation says which one it is.
        ("Thu 26 Nov, 17:00 IST (UTC+5:30)", "+05:30", "2026-11-26T17:00:00+05:30"),
        # After an ambiguous abbreviation, the UTC time is what says which zone.
        ("Thu 26 Nov, 17:00 IST (11:30 UTC)", "UTC", "2026-11-26T11:30:00+00:00"),
    ],
)  # fmt: skip
def test_a_parenthesised_restatement_is_one_expression(text, zone, iso):
    (expr,) = timeexpr.scan(text)
    assert expr.end == len(text)
    assert expr.zone is not None and expr.zone.key == zone
    res = timeexpr.resolve(expr, WINTER, UTC, None)
    assert res.when == datetime.fromisoformat(iso)
    assert not res.vague


def test_a_declared_ambiguous_zone_pinned_by_its_offset_is_that_offset():
    zone = timeexpr.find_declared_zone("All times IST (UTC+5:30) below.")
    assert zone is not None and not zone.ambiguous and zone.key == "+05:30"
    plain = timeexpr.find_declared_zone("All times IST below.")
    assert plain is not None and plain.ambiguous


def test_anywhere_on_earth_in_words_is_aoe():
    (expr,) = timeexpr.scan("by 23:59 on 3 Dec, anywhere on Earth")
    assert expr.zone is not None and expr.zone.key == "AoE"


def test_a_full_weekday_name_leaves_the_sentences_full_stop():
    (expr,) = timeexpr.scan("The load test is at 3pm on Wednesday.")
    assert expr.units[-1].text == "Wednesday"
    (abbr,) = timeexpr.scan("on Wed. 25 Nov")
    assert abbr.units[0].text == "Wed."


def test_a_hyphen_glued_to_a_time_is_a_range_and_a_sign_an_offset():
    (window,) = timeexpr.scan("Sat 28 Nov 02:00-04:00")
    assert window.is_range and window.zone is None
    assert [u.kind for u in window.units][-2:] == ["clock24", "clock24"]
    for text, key in (("17:00+02:00", "+02:00"), ("17:00 -05:00", "-05:00")):
        (expr,) = timeexpr.scan(text)
        assert expr.zone is not None and expr.zone.key == key


NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles"])
@pytest.mark.parametrize("days", [1, 30, 150, 200, 330, 366])
def test_a_moment_written_for_readers_reads_back_as_itself(zone: str, days: int) -> None:
    # A day and month without a year read as the nearest such date, so "Sun 31 Oct" written
    # in December for next October was read as this October (and "a Saturday").
    from asyncwriter.checks import lint

    tz = zones.get_zone(zone)
    when = (NOW + timedelta(days=days)).replace(hour=17, minute=0)
    text = wording.for_readers(when, tz, NOW)
    report = lint(f"Please approve it by {text}.", now=NOW, tz=tz, fetch_grammar=False,
                  fetch_spelling=False)  # fmt: skip
    (deadline,) = report.facts.deadlines
    assert deadline.datetime is not None
    assert datetime.fromisoformat(deadline.datetime) == when
    assert not [f.rule for f in report.findings if f.rule.startswith("deadline")]


def test_the_year_is_written_only_when_the_day_would_read_as_another_year() -> None:
    tz = zones.get_zone("UTC")
    assert wording.for_readers(datetime(2027, 1, 4, 17, tzinfo=UTC), tz, NOW) == (
        "Mon 4 Jan, 17:00 UTC"
    )
    assert wording.for_readers(datetime(2027, 10, 31, 17, tzinfo=UTC), tz, NOW) == (
        "Sun 31 Oct 2027, 17:00 UTC"
    )
    assert timeexpr.format_day(datetime(2027, 3, 2).date(), NOW.date()) == "Tue 2 Mar"
    assert timeexpr.format_day(datetime(2026, 3, 2).date(), NOW.date()) == "Mon 2 Mar 2026"
    assert timeexpr.format_day(datetime(2025, 12, 1).date(), NOW.date()) == "Mon 1 Dec 2025"


def test_in_the_hour_the_clocks_go_back_the_written_abbreviation_picks_the_hour() -> None:
    from asyncwriter.checks import lint

    def read(text: str) -> datetime:
        report = lint(text, now=NOW, tz="UTC", fetch_grammar=False, fetch_spelling=False)
        (deadline,) = report.facts.deadlines
        assert deadline.datetime is not None
        return datetime.fromisoformat(deadline.datetime).astimezone(UTC)

    # 31 Oct 2027: Paris goes from 03:00 CEST back to 02:00 CET; 02:30 happens twice.
    assert read("Please approve it by Sun 31 Oct 2027, 02:30 CEST.") == datetime(
        2027, 10, 31, 0, 30, tzinfo=UTC
    )
    assert read("Please approve it by Sun 31 Oct 2027, 02:30 CET.") == datetime(
        2027, 10, 31, 1, 30, tzinfo=UTC
    )
