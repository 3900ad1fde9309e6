"""``summary.missing``: can the reader get the point from the top of the message?

The point is what the message is about plus its bottom line: the status, the decision
sought, the impact, the ask. It must be readable from a title that states it, from a
``TL;DR:``/``Summary:`` line near the top, or from the first one or two sentences after a
greeting. A message of a few short lines is its own summary.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import HEADING
from asyncwriter.checks.model import Finding, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis, Sentence
    from asyncwriter.checks.context import LintContext

RULES = (
    Rule("summary.missing", Severity.WARNING,
         "Readers skim: if the first lines don't carry the point, it gets missed."),
)  # fmt: skip

#: Messages up to this many words are their own summary.
SHORT_WORDS = 50
#: ... and so are messages of at most this many prose lines and ``SHORT_LINES_WORDS`` words.
SHORT_LINES, SHORT_LINES_WORDS = 3, 70

_LABEL = re.compile(
    r"^\W{0,4}(?:tl;?\s?dr|tl/dr|tldr|summary|bluf|bottom\sline|in\sshort|short\sversion"
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
    r"\b(?:on\strack|off\strack|at\srisk|delay(?:ed|s)?|behind|ahead\sof\sschedule|blocked"
    r"|blockers?|unblocked|shipped|shipping|ship|launch(?:ed|ing)?|release[ds]?|rolled\sout"
    r"|rolling\sout|deployed|live|done|complete[ds]?|finished|green|yellow|amber|red|slip(?:ped"
    r"|ping|s)?|resolved|mitigated|fixed|investigating|down|degraded|outage|incident|failing"
    r"|failed|broken|postponed|cancell?ed|moved|moving|no\schange|unchanged|decide|decision"
    r"|approve|approval|sign[- ]off|choose|recommend(?:ation)?|propos(?:e|al|ing)|vote|voting"
    r"|go/no-go|impact(?:ed|ing)?|affect(?:ed|ing|s)?|errors?|breach|regression|migrat(?:e|ed"
    r"|ing|ion)|switch(?:ing)?|deprecat(?:e|ed|ing)|sunset(?:ting)?|replac(?:e|ing)|paus(?:e"
    r"|ed|ing)|freez(?:e|ing)|unavailable|offline|read-only|retir(?:e|ed|ing)|need(?:s|ed)?"
    r"|ask(?:ing)?|request(?:ing)?|please|can\syou|could\syou|fyi|heads[- ]up|no\saction"
    r"|reminder|announc\w*|welcome|congrat\w*|starting|effective|deadline|due|handoff"
    r"|hand(?:ing)?\s(?:off|over)|taking\sover|out\sof\soffice|ooo|ready|review|merged|hired"
    r"|joining|leaving|promoted|won|lost|closed|opened|slower|faster|up|increased|decreased"
    r"|dropped|grew|missed|hit|exceeded|budget|cost|late|early|wrapped|summary|recap|update:"
    r"|reverted|rollback|rolled\sback|paging|sev\s?\d|p[0-4])\b"
    r"|\d+(?:\.\d+)?\s?%|[\U0001F534\U0001F7E0\U0001F7E1\U0001F7E2\u2705\u274C\u26A0]",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^(?:subject|title|re|fwd?)\s?:\s*(.+)$", re.IGNORECASE)


def check(a: Analysis, ctx: LintContext) -> Iterator[Finding]:
    """Yield ``summary.missing`` when the top of a longer message has no bottom line."""
    verdict = read_summary(a)
    if verdict.ok or verdict.opening is None:
        return
    start, end = verdict.opening
    later = next((x for x in ctx.asks if x.kind == "action" and not x.vague), None)
    where = ""
    suggestions: list[str] = []
    if later is not None and later.start > end:
        line, _col = a.lines.line_col(later.start)
        where = f" Your ask only appears on line {line}."
        suggestions.append(f"TL;DR: {later.text}\n\n{a.text[start:end]}")
    yield ctx.finding(
        "summary.missing",
        start,
        end,
        "The opening doesn't give the point: start with the bottom line (the status, the "
        f"decision you need, the impact) or a “TL;DR:” line.{where}",
        suggestions,
    )


class SummaryVerdict:
    """Whether the message has a summary up front, what it is, and where the opening is."""

    __slots__ = ("ok", "opening", "text")

    def __init__(self, ok: bool, text: str | None, opening: tuple[int, int] | None) -> None:
        self.ok = ok
        self.text = text
        self.opening = opening


def read_summary(a: Analysis) -> SummaryVerdict:
    """Decide whether ``a`` states its point up front, and return the summary text."""
    sentences = [s for s in a.sentences if not a.is_quoted(s.start)]
    if not sentences:
        return SummaryVerdict(True, None, None)
    text_of = a.sentence_text
    short = a.word_count <= SHORT_WORDS or (
        a.non_empty_lines() <= SHORT_LINES and a.word_count <= SHORT_LINES_WORDS
    )
    # A TL;DR-style line (or heading) among the first few blocks.
    for s in sentences[:8]:
        if s.block > 3:
            break
        flat = _flat(text_of(s))
        if _LABEL.match(flat):
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
    if short:
        first = content[0] if content else sentences[0]
        return SummaryVerdict(True, _flat(a.text[first.start : first.end]), None)
    if title and _BOTTOM_LINE.search(title[1]):
        return SummaryVerdict(True, title[1], None)
    if not content:
        return SummaryVerdict(True, None, None)
    signals = [
        s for s in content
        if not _BACKSTORY.match(_flat(text_of(s))) and _BOTTOM_LINE.search(text_of(s))
    ]  # fmt: skip
    opening = (content[0].start, content[-1].end)
    if signals:
        return SummaryVerdict(True, opening_text, opening)
    return SummaryVerdict(False, None, opening)


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
    return bool(
        (_GREETING.match(flat) and words <= GREETING_WORDS)
        or (_PLEASANTRY.match(flat) and words <= PLEASANTRY_WORDS)
    )


def _flat(text: str) -> str:
    return " ".join(text.split())
