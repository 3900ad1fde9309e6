"""Rules ``links.*``: every doc, PR, ticket or dashboard a message mentions needs a link.

"See the doc" without a link is a dead end for a reader in another time zone. A mention
counts only when it points at a specific artefact, a thing a reader would open (a doc, PR,
ticket, dashboard, runbook, thread, sheet, design file), not any noun: a definite
determiner ("the doc", "this PR"), a number ("PR #482", "OPS-1234") or "attached". A form
or a survey is one only when the reader is asked to fill it in ("please fill in the
form"); "the payment form" in a bug report is part of a product. It is linked when a link
sits in the same paragraph or list item, in the block right after it, inside the mention's
own link text, or anywhere in the message when that link is plainly of the same kind (a
GitHub pull request URL for "the PR", a Grafana URL for "the dashboard", a Google Forms URL
for "the survey").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.checks.rule import Rule
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options

#: Messages with at most this many words do not need a link at all.
LINKLESS_WORDS = 60

#: The artefact nouns live in ``vocabulary/links.toml``, to be read and extended without code.
_alternatives = functools.partial(vocabulary.alternatives, "links")


#: Artefact nouns and the kind of link that satisfies them.
_KINDS: dict[str, str] = vocabulary.table("links", "kinds")
#: Words that name a link's kind only as its label ("Notes: https://miro.com/...").
_LABEL_KINDS: dict[str, str] = vocabulary.table("links", "label_kinds")
#: Nouns that are an artefact only when the reader is asked to fill them in.
_FILL_NOUNS = frozenset(vocabulary.words("links", "fill_nouns"))
_NOUNS = "|".join(sorted((re.escape(k) for k in [*_KINDS, *_FILL_NOUNS]), key=len, reverse=True))
#: "your PR" / "their doc" is the reader's own artefact: they know where it is.
_DETERMINERS = _alternatives("determiners")
#: Words that end a noun phrase: "the fix in PR #912" does not mention "the ... PR".
_PHRASE_BREAKS = _alternatives("phrase_breaks")
_DET_NOUN = re.compile(
    rf"(?P<det>{_DETERMINERS})\s(?:(?!(?:{_PHRASE_BREAKS})\s)[\w\-\u00c0-\u024f]+\s){{0,2}}?"
    rf"(?P<noun>{_NOUNS})\b(?!-)",
    re.IGNORECASE,
)
_NUMBERED = re.compile(
    r"(?P<numbered>(?:" + _alternatives("numbered_artefacts") + r")\s?#?\d+)\b",
    re.IGNORECASE,
)
_HASH = re.compile(r"(?<![\w#&/])(?P<hash>#\d{2,7})\b")
_KEY = re.compile(r"\b(?P<key>[A-Z][A-Z0-9]{1,9}-\d{1,6})\b")
_ATTACHED = re.compile(
    r"\b(?P<attached>(?:see|find|is|are|have|has|the|I've|I\shave|please\sfind)\s(?:\w+\s)?"
    r"attached|(?:see|the|in\sthe|my|our)\s(?:\w+\s)?attachments?)\b",
    re.IGNORECASE,
)
#: A request to fill something in, ending right before the mention's determiner; it opens
#: its sentence or line, or follows "please", "can you" ...
_FILL_REQUEST = re.compile(
    r"(?:^|[:\-\u2013\u2014(]\s*|\b(?:" + _alternatives("fill_request_leads") + r")\s+)"
    r"(?:" + _alternatives("fill_requests") + r")\s$",
    re.IGNORECASE,
)
#: "the main thread" of a program: an artefact noun after these modifiers is ordinary.
_ORDINARY = frozenset(vocabulary.words("links", "ordinary_compounds"))
_NUMBERED_STARTS = frozenset(vocabulary.words("links", "numbered_starts"))
_DETERMINER_SET = frozenset(_DETERMINERS.split("|"))
_WORD = re.compile(r"[A-Za-z]+")


def _mentions(prose: str) -> list[re.Match[str]]:
    """Return artefact mentions in order, without overlaps.

    Determiner and numbered mentions are only tried at the words that can start them.
    """
    found: list[re.Match[str]] = []
    for w in _WORD.finditer(prose.lower()):  # one lower-casing, then set lookups per word
        word = w.group()
        if word in _DETERMINER_SET:
            m = _DET_NOUN.match(prose, w.start())
        elif word in _NUMBERED_STARTS:
            m = _NUMBERED.match(prose, w.start())
        else:
            continue
        if m is not None:
            found.append(m)
    found.extend(_HASH.finditer(prose))
    found.extend(_KEY.finditer(prose))
    if "attach" in prose.lower():
        found.extend(_ATTACHED.finditer(prose))
    found.sort(key=lambda m: (m.start(), -m.end()))
    result: list[re.Match[str]] = []
    end = -1
    for m in found:
        if m.start() >= end:
            result.append(m)
            end = m.end()
    return result


#: Mentions the writer is asking someone to produce, send or find: nothing to link yet.
_WANTED = re.compile(
    r"\b(?:" + _alternatives("wanted") + r")(?:\s(?:over|me|us|out|up|along))?\s$",
    re.IGNORECASE,
)
_KEY_CASE = re.compile(r"[A-Z][A-Z0-9]{1,9}-\d{1,6}")
#: Upper-case prefixes of standards and names that look like ticket keys but are not.
_NOT_KEYS = frozenset(vocabulary.words("links", "not_keys"))
#: URL fragments that make a link one of each kind (a pull request, a dashboard ...).
_URL_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile("|".join(fragments), re.I))
    for kind, fragments in vocabulary.table("links", "url_kinds").items()
)


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield unlinked references, and ``links.missing`` for longer messages with no link."""
    urls = [link.url for link in a.links] + list(a.reference_urls)
    kinds = {kind for url in urls for kind in _url_kinds(url)}
    kinds |= _labelled_kinds(a)
    unlinked = list(_unlinked(a, kinds, urls))
    for start, end, mention in unlinked:
        yield opts.finding(
            "links.unlinked-reference",
            start,
            end,
            f"“{mention}” is mentioned without a link: add it so the reader can open it "
            "without asking.",
        )
    if urls or unlinked:
        return
    if a.word_count > LINKLESS_WORDS or (opts.require_links and a.word_count):
        first = a.sentences[0] if a.sentences else None
        start, end = (first.start, first.end) if first else (0, 0)
        yield opts.finding(
            "links.missing",
            start,
            end,
            "No links: add the doc, PR, ticket, dashboard or thread this message is about.",
        )


@functools.lru_cache(maxsize=4096)
def _url_kinds(url: str) -> frozenset[str]:
    """Return the kinds of artefact a URL is (a pull request, a dashboard ...).

    Cached: a draft's links are the same from one keystroke's lint to the next.
    """
    return frozenset(kind for kind, pattern in _URL_KINDS if pattern.search(url))


def _labelled_kinds(a: Analysis) -> set[str]:
    """Return artefact kinds named on a link's own line ("Cutover plan and sheet: https://...").

    Each line that holds a link is read once, however many links it holds.
    """
    kinds: set[str] = set()
    lines = {a.lines.line_col(link.start)[0] for link in a.links}
    for line in sorted(lines):
        start = a.lines.line_start(line)
        end = a.text.find("\n", start)
        label = a.prose[start : end if end != -1 else len(a.prose)].lower()
        for word in _WORD.findall(label):
            kind = _KINDS.get(word) or _LABEL_KINDS.get(word)
            if kind:
                kinds.add(kind)
    return kinds


def _unlinked(a: Analysis, kinds: set[str], urls: list[str]) -> Iterator[tuple[int, int, str]]:
    prose = a.prose
    seen: set[str] = set()
    own_start, own_kind = _own_name(a)
    near = _Nearby(a)
    url_keys = _UrlKeys(urls)
    for m in _mentions(prose):
        start, end = m.start(), m.end()
        if a.is_quoted(start) or start == own_start:
            continue
        kind = _kind_of(m)
        if kind is None or not _opens(a, m):
            continue
        mention = " ".join(m.group().split())
        if m.groupdict().get("det", "").lower() == "this" and kind in ("thread", own_kind):
            continue  # "this thread" is the one it is posted in; "this RFC" in RFC 9 is RFC 9
        key_text = m.groupdict().get("key")
        if key_text and (not _KEY_CASE.fullmatch(key_text) or key_text.split("-")[0] in _NOT_KEYS):
            continue  # ticket keys are upper case; "covid-19" is not one
        if key_text and key_text in url_keys.get():
            continue
        if kind in kinds or _linked_nearby(a, near, start):
            continue
        if _WANTED.search(prose, max(0, start - 40), start):
            continue  # "send over the mockups", "the link to that thread": they ask for it
        key = mention.lower()
        if key in seen:
            continue
        seen.add(key)
        yield start, end, mention


#: A title that opens with the artefact it is: "# RFC 009: Tagging", "Subject: ADR 12 — Queues".
_OWN_TITLE = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+|(?i:subject)[ \t]*:[ \t]*)(?P<name>(?:"
    + _alternatives("numbered_artefacts")
    + r")\s?#?\d+)[ \t]*[:\u2013\u2014\-]",
    re.IGNORECASE,
)


def _own_name(a: Analysis) -> tuple[int, str | None]:
    """Return where the message names itself in its title, and its kind, if it does.

    An RFC or ADR posted as a message is titled with its own number: that mention, and
    "this RFC" below it, are the message itself, not something else to link.
    """
    m = _OWN_TITLE.match(a.text)
    own = _NUMBERED.match(a.text, m.start("name")) if m is not None else None
    if own is None:
        return -1, None
    return own.start(), _kind_of(own)


def _opens(a: Analysis, m: re.Match[str]) -> bool:
    """Return False when a determiner mention's noun is not a thing to open here.

    "The main thread" is a program's; a form or a survey is one only when the reader is
    asked to fill it in, in the same sentence and line.
    """
    noun = (m.groupdict().get("noun") or "").lower()
    if not noun:
        return True
    before = a.prose[max(0, m.start() - 60) : m.start("noun")].lower().split()
    if before and f"{before[-1]} {noun}" in _ORDINARY:
        return False
    if noun not in _FILL_NOUNS:
        return True
    sentence = a.sentence_at(m.start())
    start = sentence.start if sentence is not None else 0
    line_start = a.lines.line_start(a.lines.line_col(m.start())[0])
    lo = max(start, line_start)
    if m.start() - lo <= _LEAD_MAX:
        return bool(_FILL_REQUEST.search(a.prose[lo : m.start()].lstrip()))
    # A request is a few words right before the mention: on a long line read only its
    # tail (reading from the line's start cost line length × mentions). The cut is moved to
    # a space and marked with a character that no request starts with, so it cannot pass
    # for the start of the sentence.
    cut = a.prose.find(" ", m.start() - _LEAD_MAX, m.start())
    return cut != -1 and bool(_FILL_REQUEST.search("\0" + a.prose[cut : m.start()]))


#: How much of a long line before a form or survey is read for the request to fill it in.
_LEAD_MAX = 300


def _kind_of(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if groups.get("noun"):
        noun = " ".join(groups["noun"].lower().split())
        return "form" if noun in _FILL_NOUNS else _KINDS.get(noun)
    if groups.get("numbered"):
        word = groups["numbered"].lower()
        if word.startswith(("pr", "mr", "pull", "merge")):
            return "pr"
        return "doc" if word.startswith(("rfc", "adr")) else "ticket"
    if groups.get("hash") or groups.get("key"):
        return "ticket"
    if groups.get("attached"):
        return "attachment"
    return None


def _linked_nearby(a: Analysis, near: _Nearby, start: int) -> bool:
    """Return True when a link is in the mention's sentence or the one after it.

    A label ending in ":" ("Links:") before the mention's line also counts, as does a link
    whose own text contains the mention.
    """
    if near.in_link_text(start):
        return True
    sent = a.sentence_at(start)
    if sent is None:
        return False
    index = a.sentence_index(sent)
    lo = sent.start
    hi = a.sentences[index + 1].end if index + 1 < len(a.sentences) else sent.end
    # The link may follow on the same line after the sentence ends ("PR #5 (https://...)").
    hi = max(hi, near.line_end(sent.end))
    return near.link_starts_between(lo, hi)


class _UrlKeys:
    """Every ticket-key-shaped piece of the draft's URLs ("OPS-12" in ".../OPS-123"), made once.

    A key mentioned in a URL is linked. Searching every URL for every key cost keys × URLs;
    the pieces are found once, when the first key is asked about.
    """

    __slots__ = ("_keys", "_urls")

    def __init__(self, urls: list[str]) -> None:
        self._urls = urls
        self._keys: set[str] | None = None

    def get(self) -> set[str]:
        """Return each substring of a URL shaped as a ticket key (letters, a dash, digits)."""
        if self._keys is None:
            keys: set[str] = set()
            for url in self._urls:
                for dash in _DASH.finditer(url):
                    j = dash.start()
                    prefix = _KEY_PREFIX.search(url, max(0, j - 10), j)
                    digits = _KEY_DIGITS.match(url, j + 1)
                    if prefix is None or digits is None:
                        continue
                    for i in range(prefix.start(), j - 1):
                        if "A" <= url[i] <= "Z":
                            for k in range(j + 2, digits.end() + 1):
                                keys.add(url[i:k])
            self._keys = keys
        return self._keys


_DASH = re.compile("-")
#: The letters and digits right before a dash (a key's prefix is the tail of them).
_KEY_PREFIX = re.compile(r"[A-Z0-9]+$")
_KEY_DIGITS = re.compile(r"\d{1,6}")


class _Nearby:
    """Where a draft's links are, sorted once so each mention asks in logarithmic time.

    Asking every link about every mention cost links × mentions: a long line of bare
    links and ticket keys took seconds (issue 17).
    """

    __slots__ = ("_lines", "_starts", "_text", "_text_ends_max", "_text_starts")

    def __init__(self, a: Analysis) -> None:
        self._starts = sorted(link.start for link in a.links)
        spans = sorted((link.text_start, link.text_end) for link in a.links)
        self._text_starts = [s for s, _e in spans]
        # The furthest a link's text reaches among those starting at or before each one.
        self._text_ends_max = list(itertools.accumulate((e for _s, e in spans), max))
        self._lines = a.lines
        self._text = a.text

    def in_link_text(self, offset: int) -> bool:
        """Return True when ``offset`` is inside some link's own text."""
        i = bisect.bisect_right(self._text_starts, offset) - 1
        return i >= 0 and self._text_ends_max[i] > offset

    def link_starts_between(self, lo: int, hi: int) -> bool:
        """Return True when a link starts at or after ``lo`` and before ``hi``."""
        i = bisect.bisect_left(self._starts, lo)
        return i < len(self._starts) and self._starts[i] < hi

    def line_end(self, offset: int) -> int:
        """Return the offset of the newline ending ``offset``'s line, or the text's length."""
        line, _col = self._lines.line_col(offset)
        if line >= self._lines.line_count:
            return len(self._text)
        return self._lines.line_start(line + 1) - 1


RULES = (
    Rule("links.missing", Severity.INFO,
         "A longer message with no link at all usually talks about something the reader "
         "can't open.", check, absence=True),
    Rule("links.unlinked-reference", Severity.WARNING,
         "“See the doc” without a link costs the reader a round trip across time zones.", check),
)  # fmt: skip
