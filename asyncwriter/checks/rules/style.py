"""Rules ``style.*``: prose a busy reader in another time zone can take in at one skim.

A message read hours later, often in a second language, works when its sentences are short,
its paragraphs fit on a phone screen, and it says the point plainly: no hedges that make
the reader guess how sure the writer is, no filler before the point, no capitals that read
as shouting. These checks read the shared :class:`~asyncwriter.checks.analysis.Analysis`
(prose view, blocks, sentences, spaCy doc) and cost about a millisecond per thousand words:
one word scan and a few compiled regular expressions, run on every keystroke.

What is not the writer's own prose is never checked: code and URLs are blanked in the prose
view, quoted lines (``> ...``) are someone else's words, table rows are data, and headings
are labels (they are exempt from the sentence, paragraph and capitals rules).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import HEADING, PARAGRAPH, TABLE_ROW
from asyncwriter.checks.rule import POS_TAGS, REPLACE, Rule
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options

# -- thresholds ---------------------------------------------------------------------------

#: A sentence over this many words of prose is long. Plain-language guides put the limit
#: for easy reading at 20-25 words; past 30 even native readers go back to the start.
LONG_SENTENCE_WORDS = 30
#: Sentences longer than this are checked for breaks the segmenter missed (cheaper than
#: checking every sentence, and a shorter one is neither long nor much harder to read).
SPLIT_CHECK_WORDS = 20
#: What the message asks a long sentence to be split into.
SENTENCE_TARGET_WORDS = 25
#: A sentence with at least this many commas or semicolons whose items average at most
#: ``ENUMERATION_ITEM_WORDS`` words is a run-in list ("Attendees: Ana, Bo, ..."), read by
#: scanning rather than parsing, so its length is not a problem.
ENUMERATION_SEPARATORS, ENUMERATION_ITEM_WORDS = 5, 4

#: Channels read in a chat pane, where a paragraph over ~80 words fills a laptop screen's
#: message column (and a phone screen), and where a few lines is the norm.
CHAT_CHANNELS = frozenset({"slack", "teams"})
#: Paragraph limits in chat: words, or sentences. A paragraph of at most
#: ``CHAT_PARAGRAPH_MIN_WORDS`` words is never long, in any channel: a stack of one-line
#: updates ("Done. Deployed. Green.") is not a wall of text.
CHAT_PARAGRAPH_WORDS, CHAT_PARAGRAPH_SENTENCES, CHAT_PARAGRAPH_MIN_WORDS = 80, 5, 50
#: Paragraph limit elsewhere (email, docs): about ten lines of a page.
PARAGRAPH_WORDS = 150

#: Flesch-Kincaid grade above which a message is hard reading. Grade 12 is the end of
#: secondary school; plain-language guides aim for 8-10 for a general adult audience.
READABILITY_MAX_GRADE = 12
#: The grade the message points the writer at.
READABILITY_TARGET_GRADE = 10
#: The formula is noise on a few sentences; it only says something about longer prose.
READABILITY_MIN_WORDS, READABILITY_MIN_SENTENCES = 80, 3
#: The hardest sentence is chosen among sentences at least this long: a short heading-like
#: line of long words ("Infrastructure modernisation update") scores high but reads fine.
HARDEST_MIN_WORDS = 8

#: Words of prose above which a message is too long for its channel: about one screen of a
#: chat pane (Slack collapses long messages behind "Show more"), and the ~2-3 minutes of
#: reading a busy reader gives an email.
MESSAGE_WORDS = {"slack": 300, "teams": 300, "email": 600}

_CHANNEL_NAMES = {"slack": "Slack", "teams": "Teams", "email": "email"}
#: A line that starts with a label ("What:", "Not in scope:") or a symbol (an emoji, "•").
_LABEL_LINE = re.compile(
    r"\n[ \t]*(?:[^\W\d_][\w'\u2019/&+-]*(?:[ \t]+[\w'\u2019/&+-]+){0,4}[ \t]*:(?!//)|[^\w\s])"
)

# -- words ----------------------------------------------------------------------------------

#: A word as a reader counts it: "INC-2302", "14:45" and "20k/min" are one word each.
_TOKEN = re.compile(r"(?<!\S)\S*?[^\W_x]\S*")


def _with_curly(words: str) -> frozenset[str]:
    """Return the words as a set, each with a straight and a curly apostrophe."""
    return frozenset(w for word in words.split() for w in (word, word.replace("'", "\u2019")))


class _Words:
    """The writer's words in the prose view, in order, as a reader counts them.

    Code spans and URLs are blanked with "x" in the prose view, so a token counts as a word
    only when it holds a letter or digit other than a lower-case "x" (which also drops the
    rare real word "x"); dashes, bullets and emoji are not words either.
    """

    __slots__ = ("ends", "prose", "starts")

    def __init__(self, a: Analysis) -> None:
        self.prose = a.prose
        spans = [m.span() for m in _TOKEN.finditer(a.prose)]
        starts_ends: tuple[tuple[int, ...], ...] = tuple(zip(*spans, strict=True)) or ((), ())
        self.starts, self.ends = starts_ends

    def texts(self, lo: int, hi: int) -> list[str]:
        """Return the words with indices in ``[lo, hi)``."""
        prose = self.prose
        return [prose[s:e] for s, e in zip(self.starts[lo:hi], self.ends[lo:hi], strict=True)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the index range of the words inside ``[start, end)``."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def count(self, start: int, end: int) -> int:
        """Return how many words start inside ``[start, end)``."""
        lo, hi = self.span(start, end)
        return hi - lo


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield the style findings of one draft (only for rules that are on)."""
    words = _Words(a)
    own = _own_sentences(a, words)
    if opts.enabled("style.long-sentence"):
        yield from _long_sentences(a, facts, opts, words, own)
    if opts.enabled("style.long-paragraph"):
        yield from _long_paragraphs(a, facts, opts, words)
    if opts.enabled("style.readability"):
        yield from _readability(a, facts, opts, words, own)
    low = a.prose.lower()
    hedges: list[tuple[int, int]] = []
    if opts.enabled("style.hedge"):
        for finding in _hedges(a, facts, opts, _blocks_with(a, low, _HEDGE_KEYWORDS)):
            hedges.append((finding.start, finding.end))
            yield finding
    if opts.enabled("style.filler"):
        yield from _fillers(a, facts, opts, _blocks_with(a, low, _FILLER_KEYWORDS), hedges)
    if opts.enabled("style.shouting"):
        yield from _shouting(a, facts, opts)
    if opts.enabled("style.passive"):
        yield from _passive(a, facts, opts)
    if opts.enabled("style.message-length"):
        yield from _message_length(a, facts, opts, words)


def _blocks_with(a: Analysis, low: str, keywords: tuple[str, ...]) -> list[tuple[int, int]]:
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


def _own_sentences(a: Analysis, words: _Words) -> list[tuple[int, int]]:
    """Return the spans of the sentences of the writer's running prose.

    Headings, table rows and quoted lines are left out. A sentence the segmenter left too
    long is cut where a reader sees a break (see :func:`_pieces`), and a label that opens it
    ("TL;DR:", "**Context:**") is not part of it.
    """
    blocks, prose = a.blocks, a.prose
    spans: list[tuple[int, int]] = []
    for s in a.sentences:
        block = blocks[s.block]
        if block.kind != PARAGRAPH or (block.quoted and a.is_quoted(s.start)):
            continue
        if words.count(s.start, s.end) > SPLIT_CHECK_WORDS:
            for start, end in _pieces(prose, s.start, s.end):
                label = _LABEL.match(prose, start, end)  # "TL;DR:", "Context:" are not prose
                spans.append((label.end() if label else start, end))
        else:
            spans.append((s.start, s.end))
    return spans


def _pieces(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the parts of a sentence span that a reader sees as separate sentences.

    Two kinds of break reach the sentencizer unmarked. A chat update without full stops
    ("✅ Done: ..." then "🔨 Doing: ...") has a line break before anything but a lower-case
    letter (a hard-wrapped line goes on in lower case). And a full stop after an
    abbreviation that follows a number ends a sentence ("... on Wed 25 Nov. The next"),
    which the abbreviation list (for "Dr. Ng", "e.g. UTC") keeps whole.
    """
    spans: list[tuple[int, int]] = []
    for m in _PIECE_BREAK.finditer(prose, start, end):
        if m.group().startswith("\n") or _NUMBER_AND_ABBREVIATION.search(
            prose, max(start, m.start() - 24), m.start()
        ):
            if prose[start : m.start()].strip():
                spans.append((start, m.start()))
            start = m.end()
    spans.append((start, end))
    return spans


# -- style.long-sentence --------------------------------------------------------------------

#: Where a sentence may break unmarked: a line break before anything but a lower-case
#: letter, or a full stop and a capital (checked against ``_NUMBER_AND_ABBREVIATION``).
_PIECE_BREAK = re.compile(r"\n[ \t]*(?=[^\sa-z])|(?<=\.)[ \t]+(?=[A-Z])")
#: A label of up to four words before a colon ("TL;DR:", "Not in scope:", "Self-host X:").
_LABEL = re.compile(r"[^\W\d_][\w'\u2019;/&+-]*(?:[ \t]+[\w'\u2019;/&+-]+){0,3}[ \t]*:[ \t]+(?=\w)")
_NUMBER_AND_ABBREVIATION = re.compile(r"(?:\d\s+[A-Za-z]{1,5}|\b\d+)\.$")
#: Places where a long sentence splits naturally.
_SPLIT_POINTS = re.compile(
    r";|\s[\u2014\u2013]\s|\s--\s|,\s(?:and|but|so|which|because|while|although|whereas)\b"
)


def _long_sentences(
    a: Analysis, facts: MessageFacts, opts: Options, words: _Words, own: list[tuple[int, int]]
) -> Iterator[Finding]:
    prose = a.prose
    for start, end in own:
        n = words.count(start, end)
        if n <= LONG_SENTENCE_WORDS:
            continue
        body = prose[start:end]
        separators = body.count(",") + body.count(";")
        if separators >= ENUMERATION_SEPARATORS and n / (separators + 1) <= ENUMERATION_ITEM_WORDS:
            continue  # a run-in list: scanned, not parsed
        yield opts.finding(
            "style.long-sentence",
            start,
            end,
            f"This sentence has {n} words: split it in two (aim for under "
            f"{SENTENCE_TARGET_WORDS}){_split_hint(body)}.",
        )


def _split_hint(body: str) -> str:
    """Return ", for example at “, but”" for the split point nearest the middle, or ""."""
    middle = len(body) / 2
    best = min(_SPLIT_POINTS.finditer(body), key=lambda m: abs(m.start() - middle), default=None)
    if best is None:
        return ""
    return f", for example at “{' '.join(best.group().split())}”"


# -- style.long-paragraph -------------------------------------------------------------------


def _long_paragraphs(
    a: Analysis, facts: MessageFacts, opts: Options, words: _Words
) -> Iterator[Finding]:
    chat = opts.channel in CHAT_CHANNELS
    sentence_starts = [s.start for s in a.sentences]
    for block in a.blocks:
        if block.kind != PARAGRAPH or block.quoted:
            continue
        for start, end in _paragraph_units(a.prose, block.start, block.end):
            n = words.count(start, end)
            if n <= CHAT_PARAGRAPH_MIN_WORDS:
                continue
            lo = bisect.bisect_left(sentence_starts, start)
            k = max(bisect.bisect_left(sentence_starts, end) - lo, 1)
            if chat:
                too_long = n > CHAT_PARAGRAPH_WORDS or k > CHAT_PARAGRAPH_SENTENCES
            else:
                too_long = n > PARAGRAPH_WORDS
            if not too_long:
                continue
            # The first sentence marks the paragraph without underlining all of it.
            first = a.sentences[lo] if lo < len(a.sentences) else None
            if first is not None and first.start < end:
                start, end = first.start, min(first.end, end)
                label = _LABEL.match(a.prose, start, end)
                start = label.end() if label else start
            size = f"{n} words in {k} sentences" if k > 1 else f"{n} words"
            if chat:
                advice = (
                    f"too long to read in {_CHANNEL_NAMES[str(opts.channel)]}. Break it into "
                    "paragraphs of 2-3 sentences, put parallel items in a bulleted list, or "
                    "move the details to a linked doc"
                )
            else:
                advice = (
                    "a wall of text. Break it into paragraphs of one point each, and put "
                    "parallel items in a bulleted list"
                )
            yield opts.finding(
                "style.long-paragraph", start, end, f"This paragraph has {size}: {advice}."
            )


def _paragraph_units(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the parts of a paragraph a reader sees as separate: one per labelled line.

    Chat and email keep line breaks, so "**What:** ...", "**Why:** ..." on consecutive lines
    read as separate fields, not one block (the prose view has the ``**`` blanked).
    """
    units: list[tuple[int, int]] = []
    for m in _LABEL_LINE.finditer(prose, start, end):
        units.append((start, m.start()))
        start = m.start() + 1
    units.append((start, end))
    return units


# -- style.readability ----------------------------------------------------------------------


def _readability(
    a: Analysis, facts: MessageFacts, opts: Options, words: _Words, own: list[tuple[int, int]]
) -> Iterator[Finding]:
    spans: list[tuple[tuple[int, int], int, int]] = []
    for sent in own:
        lo, hi = words.span(*sent)
        if hi > lo:
            spans.append((sent, lo, hi))
    if len(spans) < READABILITY_MIN_SENTENCES:
        return
    if sum(hi - lo for _s, lo, hi in spans) < READABILITY_MIN_WORDS:
        return
    # Syllables per word, in one pass over the words from the first sentence to the last.
    base = spans[0][1]
    syllables = list(map(word_syllables, words.texts(base, spans[-1][2])))
    scored: list[tuple[tuple[int, int], int, int]] = []  # sentence, words, syllables
    for sent, lo, hi in spans:
        counts = syllables[lo - base : hi - base]
        n = len(counts) - counts.count(0)  # numbers and times are not read as words
        if n:
            scored.append((sent, n, sum(counts)))
    total_words = sum(row[1] for row in scored)
    total_syllables = sum(row[2] for row in scored)
    if total_words < READABILITY_MIN_WORDS or len(scored) < READABILITY_MIN_SENTENCES:
        return
    grade = flesch_kincaid_grade(total_words, len(scored), total_syllables)
    if grade <= READABILITY_MAX_GRADE:
        return
    candidates = [row for row in scored if row[1] >= HARDEST_MIN_WORDS] or scored
    start, end = max(candidates, key=lambda row: flesch_kincaid_grade(row[1], 1, row[2]))[0]
    lo, hi = words.span(start, end)
    long_words = sorted(
        {w.strip(_EDGE_PUNCTUATION) for w in words.texts(lo, hi) if word_syllables(w) >= 3},
        key=lambda w: (-word_syllables(w), w.lower()),
    )[:3]
    examples = " (here: " + ", ".join(f"“{w}”" for w in long_words) + ")" if long_words else ""
    yield opts.finding(
        "style.readability",
        start,
        end,
        f"Reading grade {grade:.0f} (Flesch-Kincaid) is hard for a skimming or non-native "
        f"reader; aim for {READABILITY_TARGET_GRADE} or lower: split long sentences and "
        f"swap long words for short ones{examples}. This is the hardest sentence.",
    )


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Return the Flesch-Kincaid grade level for the given counts (US school grade)."""
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


#: Vowel groups, each one syllable before the adjustments below.
_VOWEL_GROUP = re.compile(r"[aeiouyàáâäåæèéêëìíîïòóôöøùúûüý]+")
#: Vowel pairs usually spoken as two syllables ("me-di-a", "pe-ri-od", "ac-tu-al",
#: "vid-e-o", "be-ing"), except where they make one sound ("so-cial", "ac-tion",
#: "qual-i-ty", "peo-ple", "de-li-cious").
_SPLIT_VOWELS = re.compile(
    r"(?<![ctx])iou|(?<![ct])ia|(?<![tscx])io(?!n)|(?<![qg])ua|eo(?![pu])|iu|[aeiouy](?=ing$)"
)
_EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?*_~\u2018\u2019\u201c\u201d\u2026"
_LETTERS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@functools.lru_cache(maxsize=16384)
def word_syllables(word: str) -> int:
    """Return an estimate of the syllables in an English word.

    Vowel groups are counted after dropping silent endings (a final "e" as in "make", "es"
    as in "times", "ed" as in "shipped"), then vowel pairs that are usually two syllables
    add one each. Acronyms count as one syllable: a reader knows them at a glance. Like
    every such heuristic it is right for most words and close for the rest, which is all a
    readability score needs. A token without letters ("14:45") has none: it is not read as
    a word.
    """
    parts = [p.replace("'", "").replace("\u2019", "") for p in _LETTERS.findall(word)]
    if len(parts) > 1:  # "follow-up", "source-of-wealth", "CI/CD"
        return sum(word_syllables(part) for part in parts)
    if not parts:
        return 0  # "14:45", "~20k": read at a glance, not as a word
    w = parts[0]
    if w.isupper() and len(w) <= 5:
        return 1
    w = w.lower()
    if len(w) <= 3:
        return 1
    if w.startswith("y"):
        w = w[1:]  # "yes", "year": a consonant here
    if w.endswith("es") and not w.endswith(("ses", "zes", "xes", "ches", "shes", "ges", "ces")):
        w = w[:-2]
    elif w.endswith("ed") and not w.endswith(("ted", "ded")):
        w = w[:-2]
    elif w.endswith("e") and not (w.endswith("le") and w[-3:-2] not in "aeiouy"):
        w = w[:-1]
    count = len(_VOWEL_GROUP.findall(w)) + len(_SPLIT_VOWELS.findall(w))
    if len(w) > 4 and w.endswith("ely") and w[-4] not in "aeiouy":
        count -= 1  # "likely", "completely": the e is silent
    return max(count, 1)


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
_HEDGE_KEYWORDS = tuple(
    "maybe perhaps possibly guess feel kind sort little wondering sense sorry wrong question "
    "thought".split()
)
_HEDGE_ADVICE = {
    "double": "stacks hedges: keep one at most, or better, state the point plainly "
    "(“We should ship on Friday”)",
    "feel": "makes a claim sound like a mood: state it and give the reason "
    "(“Search is slow: p95 is 900 ms”)",
    "kind": "blurs the point: cut it, or say how much (“about half”, “2 of 5 tests”)",
    "little": "softens the point: cut it, or give the number (“10 minutes late”)",
    "wonder": "buries the ask: ask directly (“Can you review the plan by …?”)",
    "sense": "undercuts what you wrote: cut it; if a part is unclear, add an example there",
    "sorry": "apologises for asking: cut it and make the ask; a clear ask respects their time",
    "wrong": "pre-apologises: say what you know and what you are unsure of",
    "silly": "undercuts your question: cut it and ask",
    "thought": "undercuts the suggestion: cut it, the idea stands on its own",
}
#: Before "kind of"/"sort of", these words make it a hedge ("it's kind of slow", "we sort of
#: agreed", "we should sort of add"); anything else makes it a noun ("what kind of test",
#: "a new sort of alert").
_HEDGE_KIND_AFTER = _with_curly(
    "is was are were be been being am 'm 're it it's that's i i'm we we're you you're they "
    "they're he he's she she's just also still really all only seems seem seemed feels feel "
    "felt looks look looked sounds sound sounded and but so should would could can will "
    "might may must shall 'll 'd do does did has have had"
)
_PREVIOUS_WORD = re.compile(r"([\w'\u2019]+)[^\w.!?\n]*$")


def _hedges(
    a: Analysis, facts: MessageFacts, opts: Options, windows: list[tuple[int, int]]
) -> Iterator[Finding]:
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
_FILLER_KEYWORDS = ("just", "basically", "literally", "honest", "needless", "tbh")
#: After "honestly", words that make it an intensifier ("I honestly think", "it honestly
#: doesn't matter"); elsewhere it says how something is done ("plan for it honestly").
_HONESTLY_BEFORE = _with_curly(
    "think thought believe feel felt don't doesn't didn't can't cannot won't wouldn't isn't "
    "wasn't aren't weren't haven't do does did have had am is was were are would want hope "
    "expected expect say not never no just wonder prefer love like hate see"
)
#: "take it literally" says how to read something: not filler.
_LITERALLY_READ = re.compile(
    r"\b(?:take|taken|took|taking|read|interpret\w*)\b[^.!?\n]{0,20}$", re.IGNORECASE
)


def _fillers(
    a: Analysis,
    facts: MessageFacts,
    opts: Options,
    windows: list[tuple[int, int]],
    hedges: list[tuple[int, int]],
) -> Iterator[Finding]:
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
        elif low.startswith(("just wanted", "just want", "just wanna")):
            advice = "delays the point: cut it and start with the point itself"
        elif "checking in" in low or "following up" in low or "circling" in low or "bump" in low:
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


# -- style.shouting -------------------------------------------------------------------------

#: Acronyms and initialisms: in capitals by right, never shouting.
ACRONYMS = frozenset(
    """
    API APIS SDK CLI GUI IDE UI UX URL URI UUID HTTP HTTPS HTML CSS JSON JSONL YAML TOML XML
    CSV PDF PNG SVG GIF JPEG JPG ZIP EOF ASCII UTF ANSI POSIX UNIX SQL NOSQL DNS CDN VPN VPC
    IAM AWS GCP GCS EKS ECS EC2 RDS SQS SNS SSO MFA OTP TOTP TLS SSL SSH REST GRPC JWT OIDC
    OAUTH SAML SCIM RBAC LDAP PII PHI GDPR CCPA HIPAA SOX PCI DSS SOC ISO NIST FEDRAMP CVE
    CVSS OWASP XSS CSRF CORS DDOS WAF CPU GPU RAM SSD HDD IOPS QPS RPS TPS LLM GPT NLP OCR ML
    AI QA PR PRS MR MRS CI CD CICD OS IOS SMTP IMAP SFTP FTP TCP UDP IP IPV4 IPV6 CIDR DHCP
    BGP NGINX MQTT AMQP CUDA NVME GRAPHQL WEBRTC CMS CRM ERP HR PM EM TPM SRE SWE IC VP SVP
    EVP CEO CTO CFO COO CPO CISO CIO OKR OKRS KPI KPIS ROI NPS CSAT ARR MRR GMV CAC LTV DAU
    MAU WAU SLA SLAS SLO SLOS SLI MTTR MTTD MTBF RTO RPO DR BCP RCA ETA EOD EOW EOM EOQ EOY
    COB OOO PTO WFH FYI ASAP TBD TBA TBC TLDR BLUF AMA QBR EBR SOW MSA NDA DPA RFP RFQ RFI
    LOI RFC ADR PRD ERD MVP POC GA RC LTS EOL ETL ELT BI UTC GMT PST PDT PT ET CT MT EST EDT
    CST CDT MST MDT CET CEST EET EEST WET BST IST JST KST HKT SGT AEST AEDT NZST NZDT AOE
    SEV USD EUR GBP JPY CHF CAD AUD INR CNY USA UK EU UAE EMEA APAC LATAM NAMER AMER DACH
    ANZ NYSE NASDAQ IBM SAP README TODO FIXME WIP LGTM PTAL IMO IMHO AFAIK IANAL NB PS
    FAQ FAQS QR SMS MMS NFC RFID GPS AR VR XR PWA SPA SSR SEO SEM CTA CTR CPC CPM B2B B2C
    SAAS PAAS IAAS K8S DB DBA DBS ORM CRUD JS TS PHP CPP MSVC JVM JDK JRE NPM PIP GCC LLVM
    WASM ARM X86 AMD RISC CISC USB HDMI LCD LED OLED HVAC EHR EMR ICU ER NHS FDA EMA CE
    KYC AML IBAN SWIFT SEPA ACH BACS NASA NATO UN MIT UCLA NYU ETH EPFL CERN
    """.split()
)
#: Common words that are shouting on their own in capitals.
SHOUTED_WORDS = _with_curly(
    """
    NOT NEVER PLEASE URGENT URGENTLY IMPORTANT MUST STOP NOW EVERYONE EVERYBODY
    ANYONE NOBODY ALWAYS IMMEDIATELY REQUIRED MANDATORY DONT DON'T CANNOT CAN'T
    ATTENTION TODAY REALLY VERY HUGE ONLY NOTHING EVERYTHING
    """
)
#: Short words that are words, not acronyms, when written in capitals ("THE API IS DOWN").
#: Other two- to four-letter capitals are taken for acronyms the list above lacks.
COMMON_SHORT_WORDS = frozenset(
    """
    ALL AM AN AND ANY ARE AS ASK AT AWAY BACK BAD BE BEEN BEST BIG BUG BUGS BUT BY CAN CALL
    CARE CODE COME DATA DAY DAYS DEAD DID DO DOCS DOES DONE DOWN EACH EASY EVEN EVER FAST
    FEW FILE FIND FINE FIX FOR FREE FROM FULL GET GIVE GO GOES GOOD GOT HAD HAS HATE HAVE HE
    HELP HER HERE HIM HIS HOLD HOW IF IN INTO IS IT ITS JUST KEEP KNOW LAST LATE LEFT LESS
    LET LIKE LIVE LONG LOOK LOST LOVE MADE MAKE MANY ME MORE MOST MOVE MUCH MY NEED NEW NEXT
    NICE NO NONE NOTE OF OFF OH OK OKAY OLD ON ONCE ONE OPEN OR OUR OUT OVER PART PLAN PUT READ
    REAL RISK RUN SAFE SAID SAME SAVE SAY SEE SEND SET SHE SO SOME SOON STAY SURE TAKE TALK
    TEAM TELL TEST THAN THAT THE THEM THEN THEY THIS TIME TO TOO TRY TURN TWO UP US USE WAIT
    WANT WAS WAY WE WELL WENT WERE WHAT WHEN WHO WHY WILL WITH WORK YES YET YOU YOUR WOW YAY
    """.split()
)
#: RFC 2119 keywords: in a spec that says it follows RFC 2119, capitals are the convention.
_RFC2119 = frozenset("MUST NOT SHALL SHOULD MAY REQUIRED RECOMMENDED OPTIONAL".split())
_RFC2119_CITED = re.compile(r"(?:R(?<!\wR)FC\s?(?:2119|8174)|B(?<!\wB)CP\s?14)\b")
#: SQL and HTTP keywords and log levels, which engineers write in capitals in prose.
SQL_WORDS = frozenset(
    """
    SELECT INSERT UPDATE DELETE FROM WHERE JOIN ORDER GROUP BY NULL NOT PRIMARY KEY FOREIGN
    ALTER TABLE DROP CREATE INDEX CONCURRENTLY VACUUM ANALYZE EXPLAIN ACCESS EXCLUSIVE SHARE
    ROW LOCK CASCADE TRUNCATE COMMIT ROLLBACK UNIQUE CONSTRAINT DEFAULT VALUES INTO LIMIT
    DISTINCT HAVING UNION EXISTS GRANT REVOKE VARCHAR INTEGER BIGINT TIMESTAMP TIMESTAMPTZ
    BOOLEAN JSONB SERIAL SEQUENCE TRIGGER VIEW MATERIALIZED REFRESH RETURNING CONFLICT ON IN
    IS AS AND OR SET GET POST PUT PATCH HEAD OPTIONS ERROR WARN INFO DEBUG FATAL TRACE
    """.split()
)
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


def _shouting(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    prose = a.prose
    rfc = _RFC2119_CITED.search(prose) is not None
    caps = list(_CAPS_WORD.finditer(prose))
    i, n = 0, len(caps)
    while i < n:
        j = i
        while j + 1 < n and _RUN_GAP.fullmatch(prose, caps[j].end(), caps[j + 1].start()):
            j += 1
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
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# -- style.passive --------------------------------------------------------------------------

#: Forms of "be" and "get" that make a passive with a past participle.
_PASSIVE_AUX = frozenset(
    "am is are was were be been being get gets got gotten getting 're 'm \u2019re \u2019m".split()
)
#: Words before the auxiliary that belong to the verb group ("has been decided").
_AUX_BEFORE = frozenset(
    "has have had having will would shall should can could may might must 's \u2019s".split()
)
#: Participles that read as adjectives after "be"/"get" ("we're done", "is based on",
#: "got stuck", "get started"): naming who did them would not help the reader.
_STATIVE_PARTICIPLES = frozenset(
    """
    done gone based located supposed used interested involved concerned excited pleased
    tired married finished required expected scheduled blocked stuck closed aligned set
    prepared equipped committed dedicated convinced surprised worried confused satisfied
    disappointed impressed focused called named born started rid lost paid known
    """.split()
)
_ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})


def find_passive(doc: Doc) -> list[tuple[int, int, str]]:
    """Return ``(start, end, participle)`` for each passive verb group in a tagged ``doc``.

    A passive is a form of "be" or "get", optional adverbs ("was quickly rolled back"), and
    a token tagged ``VBN`` ("was deployed", "has been decided", "were being reviewed").
    Offsets are character offsets into the doc's text. A doc without part-of-speech tags
    (the blank pipeline) has none: guessing participles from "-ed" would flag every past
    tense.
    """
    if not doc.has_annotation("TAG"):
        return []
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    i = 0
    while i < n:
        aux = doc[i]
        if aux.lower_ not in _PASSIVE_AUX or not aux.tag_.startswith(("VB", "MD")):
            i += 1
            continue
        j = i + 1
        while j < n and (doc[j].tag_ in _ADVERB_TAGS or doc[j].lower_ in ("been", "being")):
            j += 1
        if (
            j < n
            and doc[j].tag_ == "VBN"
            and doc[j].lower_ not in _PASSIVE_AUX
            and doc[j].lower_ not in _STATIVE_PARTICIPLES
        ):
            first = i - 1 if i > 0 and doc[i - 1].lower_ in _AUX_BEFORE else i
            participle = doc[j]
            found.append((doc[first].idx, participle.idx + len(participle), participle.text))
            i = j + 1
        else:
            i += 1
    return found


def _passive(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    for start, end, participle in find_passive(a.doc):
        index = a.block_at(start)
        if index < 0 or a.blocks[index].kind != PARAGRAPH or a.is_quoted(start):
            continue
        phrase = " ".join(a.text[start:end].split())
        if participle.lower().endswith("ed"):
            example = f"(“The team {participle.lower()} …”, not “… {phrase}”)"
        else:
            example = f"(“Dana …” or “We …”, not “… {phrase}”)"
        yield opts.finding(
            "style.passive",
            start,
            end,
            f"“{phrase}” hides who did it: name them and make them the subject {example}.",
        )


# -- style.message-length -------------------------------------------------------------------


def _message_length(
    a: Analysis, facts: MessageFacts, opts: Options, words: _Words
) -> Iterator[Finding]:
    limit = MESSAGE_WORDS.get(opts.channel or "")
    if limit is None or len(words.starts) <= limit:
        return
    where = _CHANNEL_NAMES[str(opts.channel)]
    line, _col = a.lines.line_col(words.starts[limit])
    # The first sentence is where the summary goes, and what the writer keeps.
    first = next((s for s in a.sentences if not a.is_quoted(s.start)), None)
    start, end = (first.start, first.end) if first else (0, 0)
    readers = "email readers" if where == "email" else f"{where} readers"
    yield opts.finding(
        "style.message-length",
        start,
        end,
        f"This message is {len(words.starts)} words; {readers} skim past about {limit} "
        f"(reached on line {line}). Post the summary and the ask here, and put the details "
        "in a linked doc or a thread reply.",
    )


RULES = (
    Rule(
        "style.long-sentence",
        Severity.INFO,
        "Long sentences are the first thing a skimming or non-native reader loses.",
        check,
    ),
    Rule(
        "style.long-paragraph",
        Severity.INFO,
        "A wall of text in chat gets skimmed past; short paragraphs and lists get read.",
        check,
    ),
    Rule(
        "style.readability",
        Severity.INFO,
        "Hard prose costs a reader in a second language a dictionary and a re-read.",
        check,
    ),
    Rule(
        "style.hedge",
        Severity.INFO,
        "Hedges make the reader guess how sure you are, and what you actually want.",
        check,
        fix=REPLACE,
    ),
    Rule(
        "style.filler",
        Severity.INFO,
        "Filler words push the point further down the message.",
        check,
    ),
    Rule(
        "style.shouting",
        Severity.WARNING,
        "Capitals and stacked exclamation marks read as shouting, and numb readers to "
        "the one thing that is urgent.",
        check,
        fix=REPLACE,
    ),
    Rule(
        "style.passive",
        Severity.INFO,
        "Passive voice hides who did something, which is often what the reader needs to know.",
        check,
        needs=frozenset({POS_TAGS}),
    ),
    Rule(
        "style.message-length",
        Severity.WARNING,
        "A chat message longer than a screen or two gets skimmed; details belong in a "
        "linked doc or a thread.",
        check,
    ),
)
