"""Rule ``style.shouting``: capitals and stacked exclamation marks read as shouting.

A run of capitals is shouting when it holds a word that shouts on its own ("NOT",
"URGENT"), or several capitalised words; acronyms ("API", "SLOs"), SQL written in prose
("NOT NULL"), RFC 2119 keywords in a spec that cites it, headings, tables and quoted lines
are not. The word lists are in ``vocabulary/style.toml``. The fix is the run in sentence
case, acronyms kept, with advice to put **bold** on the one thing that matters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import HEADING, TABLE_ROW
from asyncwriter.checks.rules.style.words import vocab, with_curly

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options

#: Acronyms and initialisms: in capitals by right, never shouting.
ACRONYMS = frozenset(vocab("acronyms"))
#: Common words that are shouting on their own in capitals.
SHOUTED_WORDS = with_curly(vocab("shouted_words"))
#: Short words that are words, not acronyms, when written in capitals ("THE API IS DOWN").
#: Other two- to four-letter capitals are taken for acronyms the list above lacks.
COMMON_SHORT_WORDS = frozenset(vocab("common_short_words"))
#: RFC 2119 keywords: in a spec that says it follows RFC 2119, capitals are the convention.
_RFC2119 = frozenset(vocab("rfc2119_keywords"))
_RFC2119_CITED = re.compile(r"(?:R(?<!\wR)FC\s?(?:2119|8174)|B(?<!\wB)CP\s?14)\b")
#: SQL and HTTP keywords and log levels, which engineers write in capitals in prose.
SQL_WORDS = frozenset(vocab("sql_words"))
#: The SQL words that are not also common English: one of them makes a run SQL.
_SQL_ONLY = SQL_WORDS - SHOUTED_WORDS - COMMON_SHORT_WORDS
#: A word of two or more capitals and digits, perhaps with an apostrophe ("DON'T", "EC2").
#: (It starts with a character class, not the look-behind, so the scan can skip fast.)
_CAPS_WORD = re.compile(r"[A-Z](?<![\w'\u2019][A-Z])[A-Z0-9]+(?:['\u2019][A-Z]+)?(?![\w'\u2019])")
_CASE_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
#: Between two words of one capitalised run: spaces and punctuation, or "A" or "I" ("READ
#: A BOOK"), never a line break.
_RUN_GAP = re.compile(r"[^\w\n]{1,4}(?:[AI][^\w\n]{1,4})?")
#: A run of "!" and "?" (counted as shouting when it holds two or more "!").
_EXCLAIM = re.compile(r"[!?\uff01\uff1f]{2,}")
#: How strongly a capitalised word shouts.
_NEUTRAL, _WORD_, _STRONG = 0, 1, 2


def check_shouting(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield ``style.shouting`` for runs of capitals and stacked "!!" in the writer's prose."""
    prose = a.prose
    # The citation pattern holds "RFC" or "BCP" literally; most drafts have neither.
    rfc = ("RFC" in prose or "BCP" in prose) and _RFC2119_CITED.search(prose) is not None
    caps = list(_CAPS_WORD.finditer(prose))
    i, n = 0, len(caps)
    while i < n:
        j = i
        while j + 1 < n and _RUN_GAP.fullmatch(prose, caps[j].end(), caps[j + 1].start()):
            j += 1
        if j == i and _weight(caps[i].group(), rfc) != _STRONG:
            i += 1  # most runs are one acronym; one word alone shouts only if it is strong
            continue
        run = [m.group() for m in caps[i : j + 1]]
        first = i
        i = j + 1
        weights = [_weight(word, rfc) for word in run]
        loud = [k for k, w in enumerate(weights) if w]
        counted = len(loud)
        if not loud or not (
            _STRONG in weights
            or counted >= 3
            or (counted >= 2 and any(len(run[k]) >= 5 for k in loud))
        ):
            continue
        if all(word in SQL_WORDS for word in run) and any(word in _SQL_ONLY for word in run):
            continue  # "NOT NULL", "ACCESS EXCLUSIVE lock": SQL written in prose
        start, end = caps[first + loud[0]].start(), caps[first + loud[-1]].end()
        block = a.blocks[a.block_at(start)]
        if block.kind in (HEADING, TABLE_ROW) or a.is_quoted(start):
            continue
        shown = a.text[start:end]
        cased = _sentence_case(a, start, end, rfc)
        if counted == 1:
            suggestions = [cased] if opts.channel == "plain" else [cased, f"**{cased}**"]
            message = (
                f"“{shown}” in capitals reads as shouting: write “{cased}”"
                f"{_emphasis(facts, opts, ' and put ', ' on it if it really matters')}."
            )
        else:
            suggestions = [cased]
            message = (
                f"“{_clip(shown)}” in capitals reads as shouting: write it in sentence case"
                f"{_emphasis(facts, opts, ' and put ', ' on the one thing that matters')}."
            )
        yield opts.finding("style.shouting", start, end, message, suggestions)
    stacked = any(marks in prose for marks in ("!!", "?!", "!?", "\uff01"))
    for m in _EXCLAIM.finditer(prose) if stacked else ():
        start, end = m.span()
        marks = m.group()
        if marks.count("!") + marks.count("\uff01") < 2:
            continue
        if a.blocks[a.block_at(start)].kind == HEADING or a.is_quoted(start):
            continue
        one = "?" if "?" in marks else "!"
        yield opts.finding(
            "style.shouting",
            start,
            end,
            f"“{marks}” reads as shouting: end with one “{one}” (or a full stop)"
            f"{_emphasis(facts, opts, ' and put ', ' on the one thing that matters')}.",
            [one, "."] if one == "!" else [one],
        )


def _weight(word: str, rfc: bool) -> int:
    """Return how much a capitalised word shouts: not at all, as a word, or on its own."""
    if rfc and word in _RFC2119:
        return _NEUTRAL
    if word in SHOUTED_WORDS:
        return _STRONG
    if any(ch.isdigit() for ch in word) or _is_acronym(word):
        return _NEUTRAL
    if word in COMMON_SHORT_WORDS or len(word) >= 5:
        return _WORD_
    return _NEUTRAL  # "SRE", "OKRs": an acronym we do not list


def _is_acronym(word: str) -> bool:
    """Return True for a listed acronym or its plural ("APIs" written "APIS")."""
    return word in ACRONYMS or (len(word) > 3 and word.endswith("S") and word[:-1] in ACRONYMS)


def _sentence_case(a: Analysis, start: int, end: int, rfc: bool) -> str:
    """Return ``text[start:end]`` in sentence case, acronyms kept ("Please read the API doc")."""
    text = a.text
    sent = a.sentence_at(start)
    capital = sent is None or not a.prose[sent.start : start].strip(" \t\"'“‘(*_")
    out: list[str] = []
    pos = start
    for m in _CASE_WORD.finditer(text, start, end):
        gap = text[pos : m.start()]
        out.append(gap)
        if re.search(r"[.!?]", gap):
            capital = True
        word = m.group()
        keep = word == "I" or (_weight(word, rfc) == _NEUTRAL and 1 < len(word) <= 3)
        keep = keep or _is_acronym(word) or any(ch.isdigit() for ch in word)
        cased = word if keep else word.lower()
        if capital:
            cased = cased[0].upper() + cased[1:]
            capital = False
        out.append(cased)
        pos = m.end()
    out.append(text[pos:end])
    return "".join(out)


def _emphasis(facts: MessageFacts, opts: Options, before: str, after: str) -> str:
    """Return the "put **bold** on it" advice, or plain-text advice where there is no bold."""
    if opts.channel == "plain":
        return "; say in words what matters most (plain text has no bold)"
    return f"{before}**bold**{after}"


def _clip(text: str, limit: int = 40) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters with "…"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
