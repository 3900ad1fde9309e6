"""A time written with a zone no one can look up: "17:00 Europe/Londn".

A misspelt zone name used to pass as a zone: the no-timezone checks stayed silent and the
time was read in the writer's own zone, while a reader in London reads 17:00 London. Such a
time has no zone a reader can use, so it gets the no-timezone finding of its kind
(deadline or event), saying what was not understood and, when one zone's name is close,
offering that zone as a person writes it ("GMT"), never as an IANA id in prose.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from asyncwriter.times import expressions as timeexpr
from asyncwriter.times import zones

if TYPE_CHECKING:
    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options
    from asyncwriter.times.expressions import TimeExpression


def finding(a: Analysis, opts: Options, expr: TimeExpression, rule: str) -> Finding | None:
    """Return ``rule``'s finding for ``expr`` when its zone is unknown, else None."""
    zone = expr.zone
    if zone is None or not zone.unknown:
        return None
    start = a.text.find(zone.text, zone.start, zone.end + 2)
    start = zone.start if start == -1 else start
    end = start + len(zone.text)
    meant = zones.closest_zone_name(zone.text)
    fixes: list[str] = []
    advice = "Write a zone readers know (“UTC”, “CET”, “17:00 London time”)."
    if meant is not None:
        tz = zones.get_zone(meant)
        # Named for the moment meant (GMT in December), not for today (BST in July).
        guess = dataclasses.replace(expr, zone=dataclasses.replace(zone, tz=tz, key=meant))
        when = timeexpr.resolve(guess, opts.now, opts.tz, tz).when or opts.now
        fixes = [zones.display_zone(tz, when.astimezone(tz))]
        advice = f"Did you mean {meant} (“{fixes[0]}”)?"
    return opts.finding(
        rule,
        start,
        end,
        f"“{zone.text}” is not a time zone: readers cannot tell which moment "
        f"“{' '.join(a.text[expr.start : expr.end].split())}” is. {advice}",
        fixes,
    )
