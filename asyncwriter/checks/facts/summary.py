"""Whether the top of a message gives its point: the summary verdict, read once per lint.

The point is what the message is about plus its bottom line: the status, the decision
sought, the impact, the ask. It must be readable from a title that states it, from a
``TL;DR:``/``Summary:`` line near the top, or from the first one or two sentences after a
greeting. A message of a few short lines is its own summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import HEADING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.checks.analysis import Analysis, Sentence
    from asyncwriter.checks.model import Ask, Deadline

#: Messages up to this many words are their own summary.
SHORT_WORDS = 50
#: ... and so are messages of at most this many prose lines and ``SHORT_LINES_WORDS`` words.
SHORT_LINES, SHORT_LINES_WORDS = 3, 70

_LABEL = re.compile(
    r"^\W{0,4}(?:(?:tl;?\s?dr|tldr|bluf)(?=\W)|[\w .\-/]{1,40}\sstatus(?=\s?:)|tl;?\s?dr"
    r"|tl/dr|tldr|summary|bluf|bottom\sline|in\sshort|short\sversion"
    r"|executive\ssummary|the\sshort\sversion|headline|key\spoints?|status|decision\sneeded"
    r"|ask|the\sask|what\si\sneed|long\sstory\sshort|net\snet)\b\W{0,4}(?:[:\-\u2013\u2014]|$)",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^(?:hi|hey|hello|hiya|howdy|morning|good\s(?:morning|afternoon|evening|day)|dear|greetings"
    r"|yo|ciao|hallo|hola|salut|hej|moin|ahoy|all|team|folks|everyone)\b|^(?:@[\w.\-]+[\s,]*)+$",
    re.IGNORECASE,
)
#: Greetings are a few words; pleasantries ("Hope you had a good weekend!") a few more.
GREETING_WORDS, PLEASANTRY_WORDS = 5, 14
_PLEASANTRY = re.compile(
    r"^(?:hope\s(?:you|everyone|all|y'all|this|your)|i\shope|happy\s(?:monday|tuesday|wednesday"
    r"|thursday|friday|new\syear|holidays)|thanks\s(?:all|everyone|team|folks)\b|thank\syou\sall"
    r"|quick\snote|a\squick\snote|quick\supdate(?:\sfrom\sme)?\W*$|long\stime)",
    re.IGNORECASE,
)
_BACKSTORY = re.compile(
    r"^(?:so,?\s|as\syou\s(?:all\s)?(?:know|may\sknow|might\sknow|remember)|some\s(?:background"
    r"|context)|a\sbit\sof\s(?:background|context)|background|context|a\s(?:while|few\s\w+)\sago"
    r"|back\sin|last\s(?:quarter|year|month|week)|over\sthe\s(?:past|last)|i(?:'ve|\shave)\sbeen"
    r"\s(?:thinking|looking|working)|i\swanted\sto\s(?:share|give|write|talk|follow|start|reach"
    r"|touch)|this\sis\sa\slong\sone|following\sup\son|to\sgive\s(?:some\s)?(?:context|background)"
    r"|first,?\ssome|let\sme\sstart|for\sthose\swho)",
    re.IGNORECASE,
)
_BOTTOM_LINE = re.compile(
    r"\b(?:on\strack|off\strack|at\srisk|delayed|delays|behind\sschedule|ahead\sof\sschedule"
    r"|blocked|blocker|blockers|unblocked|shipped|launched|released|rolled\sout|deployed|done"
    r"|completed?|finished|resolved|mitigated|fixed|investigating|degraded|outage|incident"
    r"|(?:is|are|was|were|went)\sdown|failing|failed|broken|postponed|cancell?ed|slipped"
    r"|slipping|will\smiss|missed|no\schanges?|unchanged|status\s(?:is\s)?(?:green|yellow|amber"
    r"|red)|decide|decision|approve|approval|sign[- ]off|choose|recommend(?:ation)?"
    r"|propos(?:e|al|ing)|vote|voting|go/no-go|impact(?:ed|ing)?|affected|affecting|errors?"
    r"|error\srate|breach|regression|data\sloss|latency|double-charged|we(?:'re|\sare|\swill)"
    r"\s(?:be\s)?(?:moving|switching|changing|migrating|deprecating|sunsetting|replacing|adopting"
    r"|pausing|freezing|hiring|rolling\sout|launching|introducing|removing|retiring|turning\soff)"
    r"|will\sbe\s(?:down|unavailable|offline|read-only|deprecated|removed|retired|turned\soff"
    r"|switched\soff)|starting\s(?:on\s|from\s)?(?:today|tomorrow|monday|tuesday|wednesday"
    r"|thursday|friday|next|\d)|will\s(?:merge|move|change|switch|become|join|leave|close"
    r"|launch|ship|stop|end|replace)|effective|heads[- ]up|fyi|no\saction|reminder(?=\s?:)"
    r"|announc\w*|congrat\w*"
    r"|(?:is|are)\s(?:up|live|out|ready|available|done)|now\savailable|landed|merged"
    r"|action\s(?:needed|required)|handoff|handing\s(?:off|over)|taking\sover|out\sof\soffice|ooo|sev\s?[0-4]|p[0-2]"
    r"|can(?:'t|not|\snot)\s(?:log\s?in|access|sign\s?in|connect|load|use|see|send|receive)"
    r"|unable\sto|locked\sout|root\scause)\b"
    r"|[\U0001F534\U0001F7E0\U0001F7E1\U0001F7E2\u2705\u274C]",
    re.IGNORECASE,
)
_EMOJI_END = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\W*$")
_SUBJECT = re.compile(r"^(?:subject|title|re|fwd?)\s?:\s*(.+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SummaryVerdict:
    """Whether the message has a summary up front, what it is, and where the opening is."""

    ok: bool
    text: str | None
    opening: tuple[int, int] | None


def read_summary(
    a: Analysis, asks: Sequence[Ask] = (), deadlines: Sequence[Deadline] = ()
) -> SummaryVerdict:
    """Decide whether ``a`` states its point up front, and return the summary text."""
    sentences = [s for s in a.sentences if not a.is_quoted(s.start)]
    if not sentences:
        return SummaryVerdict(True, None, None)
    text_of = a.sentence_text
    short = a.word_count <= SHORT_WORDS or (
        a.non_empty_lines() <= SHORT_LINES and a.word_count <= SHORT_LINES_WORDS
    )
    # A "## Summary" / "## TL;DR" heading among the first few blocks.
    for s in sentences[:6]:
        if s.block > 3:
            break
        if a.blocks[s.block].kind == HEADING and _LABEL.match(_flat(text_of(s))):
            body = _label_body(a, s)
            if body:
                return SummaryVerdict(True, body, None)
    title = _title(a, sentences)
    content: list[Sentence] = []
    for s in sentences:
        if len(content) == 2:
            break
        block = a.blocks[s.block]
        flat = _flat(text_of(s))
        if block.kind == HEADING or (title and s is title[0]):
            continue
        if not content and _is_greeting(flat):
            continue
        content.append(s)
    opening_text = " ".join(_flat(a.text[s.start : s.end]) for s in content)
    for s in content:  # a "TL;DR:" line opening the message
        if _LABEL.match(_flat(text_of(s))):
            body = _label_body(a, s)
            if body:
                return SummaryVerdict(True, body, None)
    if short:
        first = content[0] if content else sentences[0]
        return SummaryVerdict(True, _flat(a.text[first.start : first.end]), None)
    if title and (_BOTTOM_LINE.search(title[1]) or _states_point(a, title[0], asks, deadlines)):
        return SummaryVerdict(True, title[1], None)
    if not content:
        return SummaryVerdict(True, None, None)
    opening = (content[0].start, content[-1].end)
    first = text_of(content[0])
    if _BACKSTORY.match(_flat(first)) and not _states_point(a, content[0], asks, deadlines):
        return SummaryVerdict(False, None, opening)
    if any(_states_point(a, s, asks, deadlines) for s in content):
        return SummaryVerdict(True, opening_text, opening)
    return SummaryVerdict(False, None, opening)


def _states_point(
    a: Analysis, s: Sentence, asks: Sequence[Ask], deadlines: Sequence[Deadline] = ()
) -> bool:
    """Return True when a sentence carries a bottom line: status, decision, impact, ask, date."""
    if _BOTTOM_LINE.search(a.sentence_text(s)):
        return True
    if any(s.start <= x.start < s.end and not x.vague for x in asks):
        return True
    return any(s.start <= d.start < s.end for d in deadlines)


def _title(a: Analysis, sentences: list[Sentence]) -> tuple[Sentence, str] | None:
    first = sentences[0]
    block = a.blocks[first.block]
    flat = _flat(a.text[first.start : first.end])
    if block.kind == HEADING and first.block == 0:
        return first, flat
    m = _SUBJECT.match(flat)
    if m:
        return first, m.group(1)
    return None


def _label_body(a: Analysis, s: Sentence) -> str | None:
    """Return the text after a "TL;DR:" label, or the next block's text for a heading."""
    flat = _flat(a.text[s.start : s.end])
    m = _LABEL.match(_flat(a.sentence_text(s)))
    assert m is not None
    body = flat[m.end() :].strip(" *_") if len(flat) >= m.end() else ""
    block = a.blocks[s.block]
    if body and len(body.split()) >= 2:
        return body
    # "## Summary" heading or a label alone on its line: the summary is what follows.
    following = [x for x in a.sentences if x.block > s.block or (x.block == s.block and
                 x.start > s.end)]  # fmt: skip
    if following and (block.kind == HEADING or not body):
        nxt = following[0]
        return _flat(a.text[nxt.start : nxt.end])
    return None


def _is_greeting(flat: str) -> bool:
    words = len(flat.split())
    addressed = flat.endswith((",", "!", ":")) or bool(_EMOJI_END.search(flat))
    return bool(
        (_GREETING.match(flat) and (words <= GREETING_WORDS or (addressed and words <= 10)))
        or (_PLEASANTRY.match(flat) and words <= PLEASANTRY_WORDS)
    )


def _flat(text: str) -> str:
    return " ".join(text.split())
