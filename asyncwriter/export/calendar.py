"""A message's deadlines as an iCalendar file (``asyncwriter export --format ics``).

A reader who keeps deadlines in a calendar should not retype them: each resolved deadline
becomes one event at its moment in UTC (calendar apps show it in the reader's own zone), or
an all-day event when the text names only a day, titled with the message's subject or
summary and described by the deadline's sentence.
The file is made with the ``icalendar`` library, so it is valid RFC 5545 that Thunderbird
and GNOME Calendar import; no line of it is written by hand.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from asyncwriter import __version__
from asyncwriter.checks import suppression
from asyncwriter.export.message import parse

if TYPE_CHECKING:
    from asyncwriter.checks.model import Report

#: A title longer than this is cut at a word: calendar views show one line.
MAX_TITLE = 80
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)")
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_MARKUP = re.compile(r"^\s*(?:#+\s*|[-*+]\s+|>\s*|(?:tl;?dr|summary|subject)\s*:\s*)", re.I)


def calendar(text: str, report: Report, *, stamp: datetime, subject: str | None = None) -> bytes:
    """Return an iCalendar with one event per resolved deadline in ``report``.

    Args:
        text: the draft the report is of (for the deadlines' sentences).
        report: its lint report; deadlines that did not resolve are left out.
        stamp: when the file is made (its DTSTAMP), as the lint's "now".
        subject: a title chosen by the writer; else the draft's subject line or summary.

    Returns:
        The calendar, as the bytes of an ``.ics`` file (CRLF lines).
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//AsyncWriter//AsyncWriter {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    title = event_title(text, report, subject)
    for deadline in report.facts.deadlines:
        if deadline.datetime is None:
            continue
        written = datetime.fromisoformat(deadline.datetime)
        when = written.astimezone(UTC)
        sentence = sentence_at(text, deadline.start, deadline.end)
        event = Event()
        digest = hashlib.sha256(f"{title}\0{sentence}\0{when.isoformat()}".encode()).hexdigest()
        event.add("uid", f"{digest[:32]}@asyncwriter")
        event.add("dtstamp", stamp.astimezone(UTC))
        if deadline.date_only:
            # "By Thu 3 Dec" names a day, not 23:59 in some zone: an all-day event on the
            # day as written, which every reader's calendar shows on that date (RFC 5545
            # DATE values; DTEND is the next day, exclusive).
            day = written.date()
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")  # a whole-day deadline does not make anyone busy
        else:
            # A deadline is a moment: with no DTEND the event ends when it starts (RFC 5545).
            event.add("dtstart", when)
        event.add("summary", title)
        event.add("description", sentence)
        cal.add_component(event)
    return bytes(cal.to_ical())


def sentence_at(text: str, start: int, end: int) -> str:
    """Return the sentence holding ``text[start:end]``, on one line, without list markup."""
    text = suppression.blanked(text)  # a suppression comment is not part of the sentence
    head = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        head = m.end()
    tail = _SENTENCE_END.search(text, end)
    stop = tail.end() if tail is not None and not tail.group().isspace() else len(text)
    if tail is not None and tail.group().isspace():
        stop = tail.start()
    sentence = " ".join(text[head:stop].split())
    return _MARKUP.sub("", sentence)


def event_title(text: str, report: Report, subject: str | None = None) -> str:
    """Return the events' title: the chosen subject, the draft's title, else its summary."""
    base = subject or parse(text).title or report.facts.summary or "Deadline"
    flat = _MARKUP.sub("", " ".join(base.split()))
    first = _FIRST_SENTENCE.split(flat, maxsplit=1)[0].rstrip(" .")
    if len(first) > MAX_TITLE:
        first = first[: MAX_TITLE + 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return first or "Deadline"
