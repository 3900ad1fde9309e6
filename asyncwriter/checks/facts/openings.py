"""What each opening sentence of a message does: give the point, lead up to it, or neither.

A careful reader decides whether a message states its point up front by reading the title
and the writer's first one or two sentences, and asking of each what it does. Some lead up
to the point: an apology, thanks, a story of what happened, background ("As you know ..."),
statistics, the context section of an ADR. Some give it: an ask, a deadline, a status ("the
window is now open"), a decision or proposal ("This RFC proposes ..."), an answer ("Yes,
..."). A plan in the future tense ("We will freeze on Friday") gives the point when it opens
the message, but not after a lead-up, where it is usually a detail of the story.

The roles are read from the words alone, so the blank pipeline (no tagger) decides the same.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.times import expressions as timeexpr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.checks.analysis import Analysis, Sentence
    from asyncwriter.checks.model import Ask, Deadline

_alternatives = functools.partial(vocabulary.alternatives, "summary")


class Role(enum.Enum):
    """What an opening sentence does for the reader."""

    POINT = "point"  #: states the bottom line: status, decision, ask, deadline, answer
    PLAN = "plan"  #: a plan or a lead-in that is the point only when it opens the message
    LEAD_UP = "lead-up"  #: apology, thanks, story, background, statistics, context
    OTHER = "other"  #: neither


def _words_re(key: str, prefix: str = r"\b", suffix: str = r"\b") -> re.Pattern[str]:
    return re.compile(prefix + r"(?:" + _alternatives(key) + r")" + suffix, re.IGNORECASE)


#: Words that carry a bottom line: a status, decision, impact or change ("blocked").
BOTTOM_LINE = re.compile(
    r"\b(?:" + _alternatives("bottom_line") + r")\b"
    r"|[\U0001F534\U0001F7E0\U0001F7E1\U0001F7E2\u2705\u274C]",
    re.IGNORECASE,
)
_PERFORMATIVE = _words_re("performatives")
_STATUS = _words_re("status_predicates")
_ANSWER = re.compile(r"^(?:" + _alternatives("answers") + r")\b\W", re.IGNORECASE)
_LETS = re.compile(
    r"\blet(?:'s|\u2019s|\sus)\s(?!(?:" + _alternatives("rhetorical_lets") + r")\b)\w+",
    re.IGNORECASE,
)
_BACKSTORY = re.compile(r"^(?:" + _alternatives("backstory_openers") + r")", re.IGNORECASE)
_COURTESY = re.compile(r"^(?:[\w\s]{0,20},\s)?(?:" + _alternatives("courtesies") + r")\b", re.I)
_NARRATIVE = re.compile(
    r"^(?:[\w'\u2019]+[\s,]+){0,3}?(?:i|we)\s(?:(?:just|also|then|first|recently|already)\s)?"
    r"(?:" + _alternatives("narrative_verbs") + r")\b"
    r"|^[\w\s]{0,30}\s(?:has|have)\sannounced\b",
    re.IGNORECASE,
)
#: A plan in the main clause: "We will freeze ...", "There will be no release ...",
#: "Hi, so for the reminder, we are going to ...". Not "... the changes that will ...".
_PLAN = re.compile(
    r"(?:^|[,;:]\s|\bso\s)(?:(?i:we|i|you|they|there|it|this|that)|(?i:the|our|next|a|an)\s"
    r"[\w-]+(?:\s[\w-]+)?|[A-Z][\w.-]+(?:\s[A-Z][\w.-]+){0,2})"
    r"(?:\s(?:will|shall|won't)|'ll|\u2019ll|\s(?:am|is|are)\s(?:now\s)?(?:going|starting|about"
    r"|planning)\sto|(?:'m|\u2019m|'re|\u2019re)\s(?:now\s)?(?:going|starting|about|planning)\sto"
    r"|\s(?:is|are)\s(?:now\s)?(?:scheduled|planned|set)\s(?:to|for))\b"
)
#: A plan whose subject is a longer noun phrase: "Database servers 1-3 and 6-10 will halt
#: traffic this weekend". The subject holds no clause of its own ("The people who will ...")
#: and the verb is not one of remembering ("Some of you will recall ...").
_PLAN_LONG_SUBJECT = re.compile(
    r"^(?![Ii]f\b|[Ww]hen\b|[Oo]nce\b|[Aa]s\b|[Bb]ecause\b|[Ww]hile\b|[Uu]nless\b)[A-Z][\w.-]*"
    r"(?:[\s,]+(?!(?i:who|that|which|where|if|when)\b)[\w.&/-]+){1,8}?"
    r"(?:\s(?:will|shall)|\s(?:is|are)\s(?:scheduled|planned|set)\sto)\s"
    r"(?!(?i:recall|remember|know|notice|see|find|have\s(?:seen|noticed|heard)))"
)
_HISTORY_OPENER = re.compile(r"^(?:" + _alternatives("history_openers") + r")", re.IGNORECASE)
#: "Hi Bob, " or "Dear all, " before a sentence's own words.
_GREETING_PREFIX = re.compile(
    r"^(?:hi|hello|hey|dear|morning|good\s(?:morning|afternoon|evening))\b[\w\s]{0,30},\s",
    re.IGNORECASE,
)
#: Pleasantries before the point ("Hope you had a good weekend!").
PLEASANTRY = re.compile(r"^(?:" + _alternatives("pleasantries") + r")", re.IGNORECASE)
#: A lead-up clause before the main one: "As discussed in the thread, ...", "Since v2, ...".
_LEAD_CLAUSE = re.compile(
    r"^(?:as|since|following|after|given|now\sthat|with|per|according\sto|based\son)\b"
    r"[^,;:.!?]{0,100},\s",
    re.IGNORECASE,
)
#: A standalone figure ("212", "9%", "1,200"), not the digits of "gpu-03" or "A100".
_NUMBER = re.compile(r"(?<![\w.\-])\d[\d,.:]*%?(?![\w\-])")
#: History: "has been part of the project since 2014", "back in 2019".
_HISTORY = re.compile(r"\b(?:since|in|back\sin|until)\s(?:19|20)\d\d\b", re.IGNORECASE)


def role_of(
    a: Analysis,
    s: Sentence,
    asks: Sequence[Ask],
    deadlines: Sequence[Deadline],
    *,
    in_context_section: bool = False,
) -> Role:
    """Return what sentence ``s`` does, given the asks and deadlines found in the message."""
    flat = " ".join(a.sentence_text(s).split())
    label = flat.rstrip().endswith(":")  # "Here is the schedule:" introduces, it does not say
    if in_context_section:  # the context of an ADR or an issue template: only an ask counts
        return Role.POINT if _asks(s, asks) else Role.LEAD_UP
    if _HISTORY_OPENER.match(_GREETING_PREFIX.sub("", flat)):
        return Role.POINT if _asks(s, asks) else Role.LEAD_UP
    if _says_now(a, s, flat, asks, deadlines):
        return Role.PLAN if label else Role.POINT
    clause = _LEAD_CLAUSE.match(flat)
    if clause:  # "As discussed last week, we're moving the docs to MkDocs": judge the main clause
        rest = flat[clause.end() :]
        if BOTTOM_LINE.search(rest):
            return Role.PLAN if label else Role.POINT
        planned = _PLAN.search(rest) or _PLAN_LONG_SUBJECT.match(rest[:1].upper() + rest[1:])
        return Role.PLAN if planned else Role.LEAD_UP
    if _is_lead_up(flat):
        return Role.LEAD_UP
    if BOTTOM_LINE.search(flat):
        return Role.PLAN if label else Role.POINT
    if _PLAN.search(flat) or _PLAN_LONG_SUBJECT.match(flat):
        return Role.PLAN
    return Role.OTHER


def _says_now(
    a: Analysis, s: Sentence, flat: str, asks: Sequence[Ask], deadlines: Sequence[Deadline]
) -> bool:
    """Return True for what states the point even inside a lead-up ("As promised, here is")."""
    if _asks(s, asks) or any(s.start <= d.start < s.end for d in deadlines):
        return True
    return bool(
        _PERFORMATIVE.search(flat)
        or _STATUS.search(flat)
        or _ANSWER.match(flat)
        or _LETS.search(flat)
    )


def _asks(s: Sentence, asks: Sequence[Ask]) -> bool:
    return any(s.start <= x.start < s.end and not x.vague and x.kind != "fyi" for x in asks)


def _is_lead_up(flat: str) -> bool:
    """Return True for an apology, thanks, a story, background or a run of statistics."""
    if _BACKSTORY.match(flat) or _COURTESY.match(flat) or _NARRATIVE.match(flat):
        return True
    bare = _GREETING_PREFIX.sub("", flat)  # "Hi Bob, hope the move went well!"
    if bare is not flat and (_COURTESY.match(bare) or PLEASANTRY.match(bare)):
        return True
    # Statistics: many figures for the words. Dates and times are not figures ("Next call
    # is Tue 6 Oct, 18:00 CEST (16:00 UTC, 12:00 EDT)" announces an event).
    spans = [(e.start, e.end) for e in timeexpr.scan(flat)]
    figures = [m for m in _NUMBER.finditer(flat) if not any(s <= m.start() < e for s, e in spans)]
    if len(figures) >= 2 and len(figures) * 12 >= len(flat.split()):
        return True
    return bool(_HISTORY.search(flat))


def states_status(text: str) -> bool:
    """Return True when ``text`` states a status ("has expired", "is now open", "too slow")."""
    return bool(_STATUS.search(text))
