"""Rules ``style.hedge`` and ``style.filler``: say the point plainly, and say it first.

A hedge ("I think maybe", "kind of", "sorry to bother you") makes the reader guess how sure
the writer is and what they want; filler ("just wanted to", "basically") pushes the point
further down. Both are rare, so each pattern only runs on the blocks that hold one of its
keywords (:func:`blocks_with`). The phrases that decide between a hedge and a plain use
("what kind of test", "plan for it honestly") are word lists in ``vocabulary/style.toml``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import TABLE_ROW
from asyncwriter.checks.rules.style.words import vocab, vocab_table, with_curly

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options


def blocks_with(a: Analysis, low: str, keywords: tuple[str, ...]) -> list[tuple[int, int]]:
    """Return the spans of the blocks whose prose contains one of ``keywords``.

    Finding a literal costs a fraction of trying a pattern at every position, and hedges
    and fillers are rare, so their patterns only run on the blocks that may hold one.

    Args:
        a: the analysis.
        low: ``a.prose.lower()``.
        keywords: lower-case words every match of the pattern contains.
    """
    if len(low) != len(a.prose):  # lower-casing changed offsets ("İ"): scan everything
        return [(0, len(a.prose))]
    found: set[int] = set()
    for keyword in keywords:
        i = low.find(keyword)
        while i != -1:
            b = a.block_at(i)
            if b < 0:
                i = low.find(keyword, i + 1)
                continue
            found.add(b)
            i = low.find(keyword, max(a.blocks[b].end, i + 1))
    blocks = a.blocks
    return [(blocks[b].start, blocks[b].end) for b in sorted(found) if blocks[b].kind != TABLE_ROW]


# -- style.hedge ----------------------------------------------------------------------------

_A = "['\u2019]"


#: Hedges, by kind; each kind has its own advice. Matched case-insensitively on prose.
_HEDGES = re.compile(
    rf"""\b(?:
      (?P<double>i\s+think\s+(?:maybe|perhaps|possibly)
        |(?:maybe|perhaps|possibly)\s+(?:maybe|perhaps|possibly)
        |(?:might|may)\s+possibly)
     |(?P<feel>i\s+guess|i\s+feel\s+like)
     |(?P<kind>(?:kind|sort)\s+of|kinda|sorta)
     |(?P<little>a\s+little\s+bit)(?!\s+of\b)
     |(?P<wonder>i(?:\s+was|\s+am|{_A}m)\s+(?:just\s+|really\s+)?wondering\s+(?:if|whether))
     |(?P<sense>(?:if|hope)\s+(?:that|this|it)\s+makes\s+(?:any\s+)?sense)
     |(?P<sorry>sorry\s+(?:to\s+(?:bother|bug|pester|disturb|interrupt)(?:\s+you)?
        |for\s+(?:the|any)\s+bother))
     |(?P<wrong>i\s+(?:could|might|may)\s+be\s+wrong|correct\s+me\s+if\s+i(?:{_A}m|\s+am)\s+wrong)
     |(?P<silly>(?:probably|maybe|prob)\s+a\s+(?:silly|dumb|stupid|naive)\s+question)
     |(?P<thought>just\s+a\s+thought)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: Every hedge contains one of these (lower case).
HEDGE_KEYWORDS = vocab("hedge_keywords")
#: What the finding says after the phrase, by kind (the named groups of ``_HEDGES``).
_HEDGE_ADVICE = vocab_table("hedge_advice")
if set(_HEDGE_ADVICE) != set(_HEDGES.groupindex):  # a kind without advice fails on a draft
    raise ValueError("style.toml: hedge_advice must have one entry per kind of hedge")
#: Before "kind of"/"sort of", these words make it a hedge ("it's kind of slow", "we sort of
#: agreed", "we should sort of add"); anything else makes it a noun ("what kind of test",
#: "a new sort of alert").
_HEDGE_KIND_AFTER = with_curly(vocab("hedge_kind_after"))
_PREVIOUS_WORD = re.compile(r"([\w'\u2019]+)[^\w.!?\n]*$")


def check_hedges(
    a: Analysis, facts: MessageFacts, opts: Options, windows: list[tuple[int, int]]
) -> Iterator[Finding]:
    """Yield ``style.hedge`` for each hedge in the given block spans."""
    prose = a.prose
    for m in (m for lo, hi in windows for m in _HEDGES.finditer(prose, lo, hi)):
        start, end = m.span()
        kind = m.lastgroup or "double"
        if a.is_quoted(start):
            continue
        if kind == "kind" and m.group().lower()[:4] in ("kind", "sort"):
            if m.group().lower() not in ("kinda", "sorta") and not _is_hedge_kind_of(a, start):
                continue
        phrase = " ".join(m.group().split())
        suggestions: list[str] = []
        advice = _HEDGE_ADVICE[kind]
        if kind == "double":
            first = phrase.split()
            keep = " ".join(first[:2]) if first[0].lower() == "i" else first[0]
            suggestions.append(keep)
        if kind in ("double", "feel"):
            plain = _rest_of_sentence(a, end)
            if plain:  # the writer's own point, said plainly
                advice = advice.split(" (")[0] + f" (“{plain}”)"
        yield opts.finding("style.hedge", start, end, f"“{phrase}” {advice}.", suggestions)


def _rest_of_sentence(a: Analysis, end: int) -> str:
    """Return the sentence after ``end``, capitalised, when it is short enough to quote."""
    sent = a.sentence_at(end)
    if sent is None:
        return ""
    if a.prose[end : sent.end] != a.text[end : sent.end]:
        return ""  # it holds markup, code or a URL: not quotable as it is
    rest = " ".join(a.text[end : sent.end].split()).lstrip(",;: ")
    if not rest or len(rest) > 60:
        return ""
    return rest[0].upper() + rest[1:]


def _is_hedge_kind_of(a: Analysis, start: int) -> bool:
    """Return True when "kind of" at ``start`` is a hedge, not "a kind of thing"."""
    sent = a.sentence_at(start)
    lo = sent.start if sent is not None else max(0, start - 40)
    before = a.prose[max(lo, start - 40) : start]
    m = _PREVIOUS_WORD.search(before)
    if m is None:
        return not before.strip()  # "Kind of a blocker." at the start of a sentence
    return m.group(1).lower() in _HEDGE_KIND_AFTER


# -- style.filler ---------------------------------------------------------------------------

_FILLERS = re.compile(
    rf"""\b(?:
      (?P<just>just\s+(?:
          (?:wanted|want|wanna)\s+to
         |checking\s+in|following\s+up|circling\s+back|touching\s+base|reaching\s+out
         |pinging|flagging|bumping|letting\s+(?:you|y{_A}all|everyone|folks)\s+know
         |let\s+(?:me|us)\s+know|make\s+sure|so\s+you\s+know
         |wondering|curious|confirming|double[\s-]checking
         |a\s+(?:quick|friendly|gentle)\s+(?:reminder|note|question|update|heads|ping|check
             |follow|fyi|message|one)
         |a\s+(?:reminder|heads[\s-]up|note|fyi)|an\s+fyi|fyi
         |to\s+(?:let\s+you\s+know|confirm|clarify|be\s+clear|flag|follow\s+up|check\s+in
             |remind|update)))
     |(?P<initial>(?<![\w\u2019'])just\s+(?:thought|thinking|saying)\b)
     |(?P<word>basically|literally|honestly|needless\s+to\s+say|to\s+be\s+honest|tbh)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: Every filler contains one of these (lower case).
FILLER_KEYWORDS = vocab("filler_keywords")
#: How fillers that delay the point open ("just wanted to ..."), lower case.
_FILLER_PREAMBLES = vocab("filler_preambles")
#: Words in fillers that chase a reply ("just checking in"), lower case.
_FILLER_CHASERS = vocab("filler_chasers")
#: After "honestly", words that make it an intensifier ("I honestly think", "it honestly
#: doesn't matter"); elsewhere it says how something is done ("plan for it honestly").
_HONESTLY_BEFORE = with_curly(vocab("honestly_before"))
#: "take it literally" says how to read something: not filler.
_LITERALLY_READ = re.compile(
    r"\b(?:take|taken|took|taking|read|interpret\w*)\b[^.!?\n]{0,20}$", re.IGNORECASE
)


def check_fillers(
    a: Analysis,
    facts: MessageFacts,
    opts: Options,
    windows: list[tuple[int, int]],
    hedges: list[tuple[int, int]],
) -> Iterator[Finding]:
    """Yield ``style.filler`` for each filler in the given block spans, except in hedges."""
    prose = a.prose
    for m in (m for lo, hi in windows for m in _FILLERS.finditer(prose, lo, hi)):
        start, end = m.span()
        if any(s < end and start < e for s, e in hedges) or a.is_quoted(start):
            continue
        phrase = " ".join(m.group().split())
        low = phrase.lower()
        kind = m.lastgroup
        if kind == "initial":
            sent = a.sentence_at(start)
            if sent is None or prose[sent.start : start].strip():
                continue  # "I just thought of a fix": "just" means "a moment ago"
        if low == "honestly" and not _is_intensifier(a, start, end):
            continue
        if low == "literally" and _LITERALLY_READ.search(prose, max(0, start - 30), start):
            continue
        if kind == "word":
            advice = "adds nothing: cut it, the sentence says the same without it"
        elif low.startswith(_FILLER_PREAMBLES):
            advice = "delays the point: cut it and start with the point itself"
        elif any(chaser in low for chaser in _FILLER_CHASERS):
            advice = "delays the point: say what you need (“Can you confirm X by …?”)"
        else:
            advice = "is filler: cut “just” and start with what you want to say"
        yield opts.finding("style.filler", start, end, f"“{phrase}” {advice}.")


def _is_intensifier(a: Analysis, start: int, end: int) -> bool:
    """Return True when "honestly" opens its sentence, takes a comma or qualifies a verb."""
    after = a.prose[end : end + 30]
    if after.startswith(","):
        return True
    sent = a.sentence_at(start)
    before = a.prose[sent.start if sent else max(0, start - 40) : start]
    if not before.strip(" \t\"'\u201c\u2018(*_"):
        return True
    m = _NEXT_WORD.match(after)
    return m is not None and m.group(1).lower() in _HONESTLY_BEFORE


_NEXT_WORD = re.compile(r"\s+([\w'\u2019]+)")
