"""One shared reading of a draft: Markdown structure, links, a prose view and sentences.

Every check reads the same :class:`Analysis`, so the Markdown is parsed once and the prose
is segmented once per lint. The prose view is the draft with everything that is not the
writer's own prose (code, URLs, markup, HTML) blanked out *in place*: it has exactly the
same length, so an index into it is an index into the draft, and no check ever has to map
offsets back.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown_it.common.utils import normalizeReference

from asyncwriter import markdown, vocabulary
from asyncwriter.checks import nlp
from asyncwriter.checks.bare_urls import BareUrlReader
from asyncwriter.checks.lines import LineIndex, normalize_lone_cr
from asyncwriter.draft_text import PLACEHOLDER, without_surrogates

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Blocks the parser hands us, and the ones that hold the writer's prose.
HEADING, PARAGRAPH, TABLE_ROW = "heading", "paragraph", "table_row"

_BLOCK_PREFIX = re.compile(
    r"[ \t]{0,16}(?:>[ \t]?){0,8}[ \t]{0,16}"
    r"(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?"
)
_HEADING_PREFIX = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_SUFFIX = re.compile(r"[ \t]+#+[ \t]*$|[ \t]+$")
_BACKTICKS = re.compile(r"`+")
_INLINE_LINK = re.compile(
    r"(!?)\[([^\[\]]{0,500})\]\([ \t]*<?([^\s()<>]{1,2000})>?"
    r"(?:[ \t]+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'))?[ \t]*\)"
)
_REF_LINK = re.compile(r"(!?)\[([^\[\]]{1,500})\](?:\[([^\[\]]{0,500})\])?")
_SLACK_LINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>|]{1,2000})\|([^<>\n]{0,300})>")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]{1,2000})>")
_HTML_ANCHOR = re.compile(
    r"<a\s[^<>]{0,500}?href\s*=\s*[\"']([^\"'<>]{1,2000})[\"'][^<>]{0,500}>", re.IGNORECASE
)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]{0,20}(?:\s[^<>]{0,500})?/?>")
#: Emphasis markers ("**", "_", "~~") that open (not after a word, before a non-space) or
#: close (after a non-space, not before a word). Each branch starts with its marker and
#: checks the character before it with a look-behind that includes the marker, so the
#: scan skips straight from one "*", "_" or "~" to the next instead of testing two
#: look-behinds at every position (same matches as the look-behind-first form).
_EMPHASIS = re.compile(
    r"\*(?:(?<![\w\\*_~]\*)\*{0,2}(?=[^\s*_~])|(?<=[^\s*_~]\*)\*{0,2}(?!\w))"
    r"|_(?:(?<![\w\\*_~]_)_{0,2}(?=[^\s*_~])|(?<=[^\s*_~]_)_{0,2}(?!\w))"
    r"|~(?:(?<![\w\\*_~]~)~(?=[^\s*_~])|(?<=[^\s*_~]~)~(?!\w))"
)
#: Top-level domains a scheme-less host ("status.example.com") must end in to count as a link,
#: so that file names such as "config.py" or "README.md" never do.
_FUZZY_TLDS = frozenset(
    "com org net io dev app ai co so sh cloud tech me gg ly us uk de eu fr ca in jp au nz ch nl "
    "se no fi dk es it pl br site page link tools".split()
)
#: Cheap test for a block that may hold a bare URL, so linkify only sees those.
#: ("://", "www." or "host.tld"; it starts at the "." or ":" so the scan skips from one to the
#: next. A block never starts right after a letter, digit or "www", so the look-behinds
#: find what the same strings inside the block would.)
_URL_HINT = re.compile(
    r"\.(?:(?<=[A-Za-z0-9-]\.)(?:" + "|".join(sorted(_FUZZY_TLDS)) + r")\b|(?<=www\.))|:(?=//)"
)
#: Where a bare URL can start: a scheme, "www." or a host name with a common TLD.
_URL_START = re.compile(
    r"(?<![\w@.\-/])(?:[A-Za-z][A-Za-z0-9+.\-]{1,20}://|www\.|[A-Za-z0-9][A-Za-z0-9\-]{0,62}"
    r"(?:\.[A-Za-z0-9\-]{1,63}){0,5}\.[a-z]{2,6}\b)"
)
_SENTENCE_END = re.compile(r"[.!?:;,)\]]\s*$|[\U0001F300-\U0001FAFF\u2600-\u27BF]\s*$")
#: "please approve the plan by\nFri 4 Dec": a line that cannot end there goes on.
_UNFINISHED_LINE = re.compile(
    r"(?<![\w'])(?:" + vocabulary.alternatives("sentences", "unfinished_line_endings") + r")\s*$",
    re.IGNORECASE,
)
_LINE_START_CAPITAL = re.compile(r"\s*(?:[A-Z0-9@#>*\-\u2022]|[\U0001F300-\U0001FAFF])")
_WRAP_WIDTH = 60
#: "... for organising the series,\nwhich ...": a comma at a wrapped line's end, not a break.
_WRAPPED_COMMA = re.compile(r",[ \t]*\n[ \t]*[a-z]")
_QUOTED_LINE = re.compile(r"[ \t]{0,16}(?:[-*+][ \t]+)?>")
_URL_AT_END = re.compile(r"(?:https?://\S+|[>)\]])\s*$")
_LONG_RUN_MIN = 200
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{_LONG_RUN_MIN},}}")
_NON_SPACE = re.compile(r"\S*")
_NOT_NEWLINE = re.compile(r"[^\n]")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of the writer's prose: a paragraph, heading, list item paragraph or table row."""

    kind: str
    start: int
    end: int
    first_line: int
    quoted: bool = False
    in_list: bool = False
    level: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    """A link in the draft: the URL, the span of its whole syntax and of its visible text."""

    url: str
    start: int
    end: int
    text_start: int
    text_end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of prose, with the block it belongs to."""

    start: int
    end: int
    block: int


@dataclass(slots=True)
class _Masks:
    """Spans of the draft to blank out in the prose view (in any order)."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, start: int, end: int, fill: str = " ") -> None:
        if end > start:
            self.spans.append((start, end, fill))


class Analysis:
    r"""Everything the checks need to know about one draft, computed once.

    Attributes:
        text: the draft as given, with a leading byte-order mark made a space and each lone
            "\r" made "\n" and each surrogate U+FFFD (the same length, so offsets are the
            caller's).
        prose: ``text`` with non-prose blanked out, same length.
        lines: line index of ``text``.
        blocks: prose blocks in document order.
        links: links in document order.
        placeholders: spans of unfilled ``{{placeholders}}`` in prose, in order.
        masked: spans blanked in the prose view, sorted, as ``(start, end, fill)``: fill
            ``"x"`` stands for content that is not prose (code, a URL), ``" "`` for markup
            (and placeholders); spans may overlap.
        sentences: sentences of the prose, in order.
        doc: the spaCy ``Doc`` over ``prose``.
    """

    def __init__(self, text: str) -> None:
        # A leading byte-order mark would hide a first-line heading from the parser; a space
        # keeps every offset where it was.
        self.text = " " + text[1:] if text.startswith("\ufeff") else text
        # A lone "\r" ends a line for the parser; made "\n" (same offsets), it does for
        # every line-by-line reading here too. A surrogate (only an API caller's str holds
        # one) would stop spaCy; U+FFFD takes its place.
        self.text = without_surrogates(normalize_lone_cr(self.text))
        self.lines = LineIndex(self.text)
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.placeholders: list[tuple[int, int]] = []
        #: URLs of embedded images ("![chart](chart.png)"): a reader can open them too.
        self.images: list[str] = []
        self._parse_markdown()
        self.links.sort(key=lambda link: link.start)
        self.placeholders.sort()
        self.prose = self._build_prose()
        self.doc: Doc = nlp.segment(self.prose, self._sentence_starts())
        self.sentences = self._collect_sentences()
        self._sentence_starts_index = [s.start for s in self.sentences]
        self._block_starts = [b.start for b in self.blocks]
        self.word_count = len(_WORD.findall(self.prose))

    def drop_doc(self) -> None:
        """Forget the spaCy ``Doc`` (made in a memory zone, it is invalid once that ends).

        Everything the checks keep is in offsets and strings; a use of ``doc`` after this
        raises AttributeError instead of reading freed strings.
        """
        del self.doc

    # -- parsing -------------------------------------------------------------------------

    def _parse_markdown(self) -> None:
        # The shared parse's block stage: an export of the same text builds on it, and the
        # inline pass it would add is never read here (see asyncwriter.markdown).
        parsed = markdown.blocks(self.text)
        tokens, env = parsed.tokens, parsed.env
        references = env.get("references", {})
        assert isinstance(references, dict)  # markdown-it's env: label -> {"href", "title"}
        self._references: dict[str, str] = {key: ref["href"] for key, ref in references.items()}
        self.reference_urls = list(self._references.values())
        self._masks = _Masks()
        quote_depth = list_depth = 0
        pending_kind, pending_level = PARAGRAPH, 0
        seen_rows: set[int] = set()
        for tok in tokens:
            kind = tok.type
            if kind == "blockquote_open":
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth -= 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
            elif kind == "heading_open":
                pending_kind, pending_level = HEADING, int(tok.tag[1])
            elif kind == "tr_open":
                pending_kind = TABLE_ROW
            elif kind == "inline" and tok.map:
                first, last = tok.map
                if pending_kind == TABLE_ROW:
                    if first in seen_rows:
                        continue
                    seen_rows.add(first)
                self._add_block(
                    pending_kind, first, last, quote_depth > 0, list_depth > 0, pending_level
                )
                if pending_kind != TABLE_ROW:
                    pending_kind, pending_level = PARAGRAPH, 0
            elif kind in ("table_close",):
                pending_kind = PARAGRAPH

    def _add_block(
        self, kind: str, first: int, last: int, quoted: bool, in_list: bool, level: int
    ) -> None:
        text, lines = self.text, self.lines
        start = lines.line_start(first + 1)
        end = lines.line_start(last + 1) if last < lines.line_count else len(text)
        if kind == HEADING and last - first > 1:  # setext: the underline is not prose
            end = lines.line_start(last)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        # Blank each line's container prefix ("> ", "- ", "1. ", "# ") in the prose view.
        prose_start = -1
        line_start = start
        while line_start < end:
            line_end = text.find("\n", line_start, end)
            if line_end == -1:
                line_end = end
            prefix = (_HEADING_PREFIX if kind == HEADING else _BLOCK_PREFIX).match(
                text, line_start, line_end
            )
            body = prefix.end() if prefix else line_start
            if kind == HEADING and prefix is None:
                m = _BLOCK_PREFIX.match(text, line_start, line_end)
                body = m.end() if m else line_start
            if prose_start < 0:
                prose_start = body
            self._masks.add(line_start, body)
            if kind == HEADING:
                tail = _HEADING_SUFFIX.search(text, body, line_end)
                if tail:
                    self._masks.add(tail.start(), line_end)
            line_start = line_end + 1
        if prose_start < 0 or prose_start >= end:
            return
        self.blocks.append(Block(kind, prose_start, end, first + 1, quoted, in_list, level))
        self._scan_inline(prose_start, end, kind == TABLE_ROW)

    def _scan_inline(self, start: int, end: int, table_row: bool) -> None:
        """Find code spans, links and inline HTML in one block, and mask them."""
        text, masks = self.text, self._masks
        segment = text[start:end]
        has_ticks, has_braces = "`" in segment, "{{" in segment
        has_bracket, has_angle = "[" in segment, "<" in segment
        has_url = "." in segment and _URL_HINT.search(text, start, end) is not None
        has_emphasis = "*" in segment or "_" in segment or "~" in segment
        if (
            not (has_ticks or has_braces or has_bracket or has_angle or has_url or has_emphasis)
            and not table_row
        ):
            return  # plain prose, most blocks: nothing to find or mask
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            i = bisect.bisect_right(taken, (s, 1 << 62)) - 1
            if i >= 0 and taken[i][1] > s:
                return False
            return not (i + 1 < len(taken) and taken[i + 1][0] < e)

        def take(s: int, e: int) -> None:
            bisect.insort(taken, (s, e))

        # Code spans first: nothing inside them is a link or prose.
        runs: dict[int, list[int]] = {}
        order = (
            [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, end)]
            if has_ticks
            else []
        )
        for s, e in order:
            runs.setdefault(e - s, []).append(s)
        pos = 0
        for s, e in order:
            if s < pos:
                continue
            candidates = runs[e - s]
            k = bisect.bisect_right(candidates, s)
            if k < len(candidates):
                close = candidates[k]
                close_end = close + (e - s)
                take(s, close_end)
                masks.add(s, close_end, "x")
                pos = close_end
        # Placeholders next: a prompt such as "{{by Thu 3 Dec 17:00 UTC}}" is not a deadline,
        # and "[doc]({{link}})" is not a link yet.
        for m in PLACEHOLDER.finditer(text, start, end) if has_braces else ():
            if free(m.start(), m.end()):
                take(m.start(), m.end())
                masks.add(m.start(), m.end())
                self.placeholders.append((m.start(), m.end()))
        links: list[Link] = []
        for m in _INLINE_LINK.finditer(text, start, end) if has_bracket else ():
            if not free(m.start(), m.end()):
                continue
            take(m.start(), m.end())
            t0, t1 = m.start(2), m.end(2)
            masks.add(m.start(), t0)
            masks.add(t1, m.end())
            if not m.group(1):
                links.append(Link(m.group(3), m.start(), m.end(), t0, t1))
            else:
                self.images.append(m.group(3))
        for m in _REF_LINK.finditer(text, start, end) if has_bracket and self._references else ():
            label = m.group(3) or m.group(2)
            key = normalizeReference(label) if label.strip() else ""
            if key not in self._references or not free(m.start(), m.end()):
                continue
            take(m.start(), m.end())
            t0, t1 = m.start(2), m.end(2)
            masks.add(m.start(), t0)
            masks.add(t1, m.end())
            url = self._references[key]
            if not m.group(1):
                links.append(Link(url, m.start(), m.end(), t0, t1))
            else:
                self.images.append(url)
        for m in _SLACK_LINK.finditer(text, start, end) if has_angle else ():
            if free(m.start(), m.end()):
                take(m.start(), m.end())
                masks.add(m.start(), m.start(2))
                masks.add(m.end(2), m.end())
                links.append(Link(m.group(1), m.start(), m.end(), m.start(2), m.end(2)))
        for m in _AUTOLINK.finditer(text, start, end) if has_angle else ():
            if free(m.start(), m.end()):
                take(m.start(), m.end())
                masks.add(m.start(), m.end(), "x")
                url = m.group(1).split("|", 1)[0]
                links.append(Link(url, m.start(), m.end(), m.start(1), m.end(1)))
        for m in _HTML_ANCHOR.finditer(text, start, end) if has_angle else ():
            if free(m.start(), m.end()):
                take(m.start(), m.end())
                masks.add(m.start(), m.end())
                close = text.find("</a>", m.end(), end)
                label_end = close if close != -1 else m.end()
                links.append(Link(m.group(1), m.start(), label_end, m.end(), label_end))
        for m in _HTML_TAG.finditer(text, start, end) if has_angle else ():
            if free(m.start(), m.end()):
                take(m.start(), m.end())
                masks.add(m.start(), m.end())
        # Bare URLs: linkify validates each URL-shaped token (it is slow on whole lines).
        if has_url:
            links.extend(self._bare_urls(start, end, free, take))
        for m in _EMPHASIS.finditer(text, start, end) if has_emphasis else ():
            if free(m.start(), m.end()):
                masks.add(m.start(), m.end())
        if table_row:
            i = text.find("|", start, end)
            while i != -1:
                if free(i, i + 1):
                    masks.add(i, i + 1)
                i = text.find("|", i + 1, end)
        self.links.extend(links)

    def _bare_urls(self, start: int, end: int, free: object, take: object) -> list[Link]:
        found: list[Link] = []
        text = self.text
        reader = BareUrlReader(text)
        stop = -1
        for candidate in _URL_START.finditer(text, start, end):
            s = candidate.start()
            if not free(s, s + 1):  # type: ignore[operator]
                continue
            if s >= stop:  # a new run without spaces: where does it end?
                run = _NON_SPACE.match(text, s, end)
                stop = run.end() if run else s
            # linkify's reading: it trims trailing punctuation and validates the host.
            match = reader.match_at(s, stop)
            if match is None:
                continue
            e = match.end
            if not free(s, e):  # type: ignore[operator]
                continue
            if not match.schema:
                slash, tld = reader.slash_and_tld(match)
                # A bare host ("build.example.org") is a name written as a word; a
                # reader opens "www.example.org" or "example.org/page".
                www = e - s > 4 and text[s : s + 4].lower() == "www."
                if not (www or (slash and tld in _FUZZY_TLDS)):
                    continue
            take(s, e)  # type: ignore[operator]
            self._masks.add(s, e, "x")
            found.append(Link(reader.url(match), s, e, s, e))
        return found

    def _build_prose(self) -> str:
        """Return the prose view: only block text survives, minus masked spans.

        The gaps between blocks are blanked first, then the masks in the order they were
        added (a later mask wins where two overlap). Newlines always survive.
        """
        text = self.text
        gaps: list[tuple[int, int, str]] = []
        pos = 0
        for b in self.blocks:
            if b.start > pos:
                gaps.append((pos, b.start, " "))
            pos = b.end
        if pos < len(text):
            gaps.append((pos, len(text), " "))
        prose = _blank(text, gaps + self._masks.spans)
        # No word is this long; such runs are pasted data, and spaCy's tokenizer splits
        # punctuation off them one character at a time (quadratic), so blank them. Splitting
        # on whitespace (as the pattern does) finds whether there is one at a third of the
        # pattern's cost, and there almost never is.
        long_runs = (
            [(m.start(), m.end(), "x") for m in _LONG_RUN.finditer(prose)]
            if max(map(len, prose.split()), default=0) >= _LONG_RUN_MIN
            else []
        )
        self.masked = sorted(self._masks.spans + long_runs)
        if long_runs:
            prose = _LONG_RUN.sub(lambda m: " " * len(m.group()), prose)
        return prose

    def _sentence_starts(self) -> list[int]:
        """Return offsets that must begin a sentence: block starts and chat-style line breaks."""
        starts: list[int] = []
        text = self.prose
        for b in self.blocks:
            starts.append(b.start)
            if b.kind != PARAGRAPH:
                continue
            pos = text.find("\n", b.start, b.end)
            prev = b.start
            while pos != -1:
                line = text[prev:pos]
                nxt = pos + 1
                if nxt < b.end and (
                    (_SENTENCE_END.search(line) and not _WRAPPED_COMMA.search(text, prev, nxt + 1))
                    or _URL_AT_END.search(self.text, prev, pos)
                    or (
                        b.quoted
                        and bool(_QUOTED_LINE.match(self.text, prev))
                        != bool(_QUOTED_LINE.match(self.text, nxt))
                    )
                    or (
                        len(line.strip()) < _WRAP_WIDTH
                        and _LINE_START_CAPITAL.match(text, nxt)
                        and not _UNFINISHED_LINE.search(line)
                    )
                ):
                    while nxt < b.end and text[nxt] in " \t":
                        nxt += 1
                    starts.append(nxt)
                prev = pos + 1
                pos = text.find("\n", prev, b.end)
        return starts

    def _collect_sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        block_starts = [b.start for b in self.blocks]
        prose = self.prose
        for sent in self.doc.sents:
            s, e = sent.start_char, sent.end_char
            while s < e and prose[s].isspace():
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if e <= s or not prose[s:e].strip(" x"):
                continue
            block = max(bisect.bisect_right(block_starts, s) - 1, 0)
            # A sentence never crosses a block boundary.
            if block + 1 < len(block_starts) and block_starts[block + 1] < e:
                e = self.blocks[block].end
            sentences.append(Sentence(s, e, block))
        return sentences

    # -- queries ---------------------------------------------------------------------------

    def block_at(self, offset: int) -> int:
        """Return the index of the block containing (or preceding) ``offset``, or -1."""
        return bisect.bisect_right(self._block_starts, offset) - 1

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing ``offset``, if any."""
        i = bisect.bisect_right(self._sentence_starts_index, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_index(self, sentence: Sentence) -> int:
        """Return the position of ``sentence`` in :attr:`sentences`."""
        return bisect.bisect_left(self._sentence_starts_index, sentence.start)

    def sentence_text(self, sentence: Sentence) -> str:
        """Return a sentence's prose text (code and URLs blanked)."""
        return self.prose[sentence.start : sentence.end]

    def is_quoted(self, offset: int) -> bool:
        """Return True when ``offset`` is on a quoted line (someone else's words).

        Quoting is by line, as in Slack and email replies: a line without ``>`` after a quote
        is the writer's reply, not CommonMark's lazy continuation of the quote.
        """
        i = self.block_at(offset)
        if i < 0 or not self.blocks[i].quoted or offset >= self.blocks[i].end:
            return False
        line, _col = self.lines.line_col(offset)
        start = self.lines.line_start(line)
        return _QUOTED_LINE.match(self.text, start) is not None

    def non_empty_lines(self) -> int:
        """Return how many lines hold any prose."""
        return sum(1 for line in self.prose.splitlines() if line.strip(" x\t"))


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Return ``text`` with each ``(start, end, fill)`` span blanked to ``fill``, newlines kept.

    Where spans overlap, the later one in ``spans`` wins. Spans that overlap almost always
    share their fill (a block's first-line marker lies in the blank gap before the block),
    so the spans are merged in order and the result is joined from a few hundred pieces.
    Only when an overlap mixes fills are they written one by one, in their own order, into
    a list of the draft's characters.
    """
    merged: list[tuple[int, int, str]] = []
    for s, e, fill in sorted(spans):
        if merged and s < merged[-1][1]:
            last_start, last_end, last_fill = merged[-1]
            if fill != last_fill:
                return _blank_in_order(text, spans)
            merged[-1] = (last_start, max(last_end, e), fill)
        else:
            merged.append((s, e, fill))
    pieces: list[str] = []
    pos = 0
    for s, e, fill in merged:
        pieces.append(text[pos:s])
        pieces.append(_filled(text, s, e, fill))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


def _blank_in_order(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Return what :func:`_blank` does, writing the spans one by one in their order."""
    chars = list(text)
    for s, e, fill in spans:
        chars[s:e] = _filled(text, s, e, fill)
    return "".join(chars)


def _filled(text: str, start: int, end: int, fill: str) -> str:
    """Return ``text[start:end]`` with every character but newlines replaced by ``fill``."""
    if text.find("\n", start, end) == -1:
        return fill * (end - start)
    return _NOT_NEWLINE.sub(fill, text[start:end])
