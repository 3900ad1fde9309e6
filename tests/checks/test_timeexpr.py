"""Time expressions: scanning, zones, resolution, and no catastrophic backtracking."""

from __future__ import annotations

import faulthandler
from datetime import UTC, datetime

import pytest

from asyncwriter.checks import lint
from asyncwriter.times import expressions as timeexpr

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def scan(text):
    return timeexpr.scan(text)


@pytest.mark.parametrize(
    ("text", "kinds", "zone"),
    [
        ("by Thursday 26 Nov, 17:00 UTC", ["weekday", "mdate", "clock24"], "UTC"),
        ("before 2026-12-03 17:00 CET", ["iso"], "Europe/Paris"),
        ("EOD Friday PT", ["eod", "weekday"], "America/Los_Angeles"),
        ("by Dec 3 AoE", ["mdate"], "AoE"),
        ("5pm Pacific time", ["clock12"], "America/Los_Angeles"),
        ("17:00 London time", ["clock24"], "Europe/London"),
        ("9:30 Europe/Berlin", ["clock24"], "Europe/Berlin"),
        ("14:30 UTC+5:30", ["clock24"], "+05:30"),
        ("1700Z", ["clock4"], "UTC"),
        ("3pm IST", ["clock12"], None),
    ],
)
def test_scan_groups_units_and_zone(text, kinds, zone):
    (expr,) = scan(text)
    assert [u.kind for u in expr.units] == kinds
    assert (expr.zone.key if expr.zone else None) == zone


@pytest.mark.parametrize("word", ["get", "eat", "ET phone home", "PT boat", "Sat down", "may be"])
def test_zone_and_weekday_lookalikes_alone_are_not_times(word):
    assert scan(f"We {word} later.") == [] or all(
        u.kind not in ("zone",) for e in scan(f"We {word} later.") for u in e.units
    )


def test_ambiguous_zone_has_candidate_meanings():
    (expr,) = scan("17:00 CST")
    assert expr.zone is not None
    assert [m.zone for m in expr.zone.ambiguous][:2] == ["America/Chicago", "Asia/Shanghai"]


def test_ranges_are_marked():
    (expr,) = scan("from 22:00 to 23:30 UTC")
    assert expr.is_range


def test_resolution_of_weekday_date_mismatch_is_vague():
    (expr,) = scan("Friday 26 Nov")
    res = timeexpr.resolve(expr, NOW, UTC, None)
    assert res.vague and "Thursday" in res.vague[0]


def test_declared_zone():
    zone = timeexpr.find_declared_zone("Timeline below. All times are in UTC.")
    assert zone is not None and zone.key == "UTC"


PATHOLOGICAL = [
    " " * 100_000,
    "1" * 100_000,
    "1:" * 50_000,
    "12/" * 30_000,
    "." * 100_000,
    "by " * 30_000,
    "Mon " * 25_000,
    "`" * 10_000 + "a" + "``" * 10_000,
    "[" * 30_000 + "](" * 30_000,
    "<" * 50_000 + "http://" * 1_000,
    "@a " * 30_000,
    "17:00 " * 15_000,
    "-" * 50_000 + "\n" + "#" * 50_000,
    "[ " * 50_000,
    "_a " * 30_000,
    "1: " * 30_000,
    "http://x.io/" + "a/" * 50_000,
]


@pytest.mark.slow
@pytest.mark.parametrize("text", PATHOLOGICAL, ids=[repr(t[:8]) for t in PATHOLOGICAL])
def test_pathological_input_finishes(text):
    # A hang guard, not a speed goal: benchmarks/lint_speed.py reports real timings.
    faulthandler.dump_traceback_later(60, exit=True)
    try:
        report = lint(text, now=NOW, tz="UTC")
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert isinstance(report.findings, list)
