"""Bare URLs ("docs.acme.dev/plan", "https://…") found as linkify-it finds them, in linear time.

The analysis asks one question of every URL-shaped start in a run of text without spaces:
which link, if any, does linkify-it find *at* this start? Asking linkify itself means
giving it the rest of the run each time, and it reads all of it (the path of a URL may run
to the end of the run), so a run of 2,000 ``a.co,`` took seconds and each doubling cost 4–8×
(issue 17).

:class:`BareUrlReader` answers the same question with linkify's own patterns for the
scheme, the host and the port (they end within a few hundred characters), and walks a
URL's path itself, one step of linkify's path pattern at a time. The path pattern is a
greedy loop with nothing after it, so where it ends depends only on where a step starts:
each step's end is remembered, and a position of the run is walked once however many
URLs start before it. The steps that find a closing bracket or quote look it up in a list
made once per run, instead of reading ahead each time.

The result is linkify's, character for character (``tests/checks/test_bare_urls.py``
compares the two on generated runs), except for a host longer than
:data:`HOST_WINDOW` characters, which no real host is. If linkify's patterns ever change
shape, the reader notices at first use and asks linkify directly, as before.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linkify_it import LinkifyIt
    from linkify_it.main import Match

#: How far past a URL's start its scheme, user, host and port are looked for: a host name
#: has at most 253 characters, a user and password linkify allows at most 50, a port 6.
HOST_WINDOW = 320
#: How near the window's end a host may end and still be known to end there (linkify looks
#: a character or two past a host, and the window's end would look like the run's).
_HOST_MARGIN = 8

#: A bracket or quote that opens part of a path, and the character that closes it.
_CLOSERS = {"[": "]", "(": ")", "{": "}", '"': '"', "'": "'"}


@dataclass(frozen=True, slots=True)
class _Patterns:
    """linkify's patterns, split where a URL's path begins."""

    #: A scheme linkify knows ("https:", "mailto:"), at the start.
    schema: re.Pattern[str]
    #: What follows "http:", "https:" or "ftp:" up to the path: "//", a user, host, port.
    http_head: re.Pattern[str]
    #: What follows "mailto:": the whole address.
    mailto: re.Pattern[str]
    #: A link without a scheme up to its path: host, top-level domain, port.
    fuzzy_head: re.Pattern[str]
    #: One step of a path that looks no further than the next character.
    step: re.Pattern[str]
    #: Where a bracketed or quoted part of a path can end: its closer, or a space or control.
    stops: re.Pattern[str]
    #: Where a host without a scheme can end: a dot, a top-level domain, a port and a
    #: character that ends a host. A link without a scheme needs one after its start.
    fuzzy_end: re.Pattern[str]


def _path_steps(zcc: str, separators: str, pseudo_letter: str) -> list[str]:
    """Return linkify's path steps in their order (``linkify_it.ucre``'s path pattern)."""
    return [
        "(?!" + zcc + "|" + separators + "|[()[\\]{}.,\"'?!\\-;]).",
        "\\[(?:(?!" + zcc + "|\\]).)*\\]",
        "\\((?:(?!" + zcc + "|[)]).)*\\)",
        "\\{(?:(?!" + zcc + "|[}]).)*\\}",
        '\\"(?:(?!' + zcc + '|["]).)+\\"',
        "\\'(?:(?!" + zcc + "|[']).)+\\'",
        "\\'(?=" + pseudo_letter + "|[-])",
        "\\.{2,}[a-zA-Z0-9%/&]",
        "\\.(?!" + zcc + "|[.]|$)",
        "\\-+",
        ",(?!" + zcc + "|$)",
        ";(?!" + zcc + "|$)",
        "\\!+(?!" + zcc + "|[!]|$)",
        "\\?(?!" + zcc + "|[?]|$)",
    ]


def _patterns(linkify: LinkifyIt) -> _Patterns | None:
    """Return linkify's patterns split at the path, or None if they are not shaped as expected."""
    from linkify_it import ucre

    src = linkify.re
    steps = _path_steps(src["src_ZCc"], ucre.TEXT_SEPARATORS, src["src_pseudo_letter"])
    path = "(?:[/?#](?:" + "|".join(steps) + ")+|\\/)?"
    # linkify compiles its validators on first use.
    linkify.test_schema_at("http://a.co", "http:", 5)
    linkify.test_schema_at("mailto:a@a.co", "mailto:", 7)
    http_head = "\\/\\/" + src["src_auth"] + src["src_host_port_strict"]
    fuzzy_lead = "(^|(?![.:/\\-_@])(?:[$+<=>^`|\uff5c]|" + src["src_ZPCc"] + "))("
    schema_lead = "(^|(?!_)(?:[><\uff5c]|" + src["src_ZPCc"] + "))("
    fuzzy, schemas = src["link_no_ip_fuzzy"], src["schema_search"]
    expected = (
        src["src_path"] == path
        and src["http"].pattern == http_head + path
        and fuzzy.startswith(fuzzy_lead)
        and fuzzy.endswith(path + ")")
        and schemas.startswith(schema_lead)
        and schemas.endswith(")")
        and "(?<" not in fuzzy + http_head
        and set(linkify._compiled) == {"http:", "https:", "ftp:", "//", "mailto:", ""}
        and not linkify._opts.get("fuzzy_email")
        and not linkify._opts.get("fuzzy_ip")
    )
    if not expected:
        return None
    short_steps = [steps[0], *steps[6:]]  # the bracket and quote steps are looked up instead
    return _Patterns(
        schema=re.compile("(?:" + schemas[len(schema_lead) : -1] + ")", re.IGNORECASE),
        http_head=re.compile(http_head, re.IGNORECASE),
        mailto=src["mailto"],
        fuzzy_head=re.compile(fuzzy[len(fuzzy_lead) : -len(path) - 1], re.IGNORECASE),
        step=re.compile("|".join(short_steps), re.IGNORECASE),
        stops=re.compile("[\\]\\)\\}\"']|" + src["src_ZCc"], re.IGNORECASE),
        fuzzy_end=re.compile(
            "\\.(?:"
            + src["src_tlds"]
            + ")"
            + src["src_port"]
            + "(?=$|"
            + ucre.TEXT_SEPARATORS
            + "|"
            + src["src_ZPCc"]
            + ")",
            re.IGNORECASE,
        ),  # fmt: skip
    )


@functools.cache
def linkify() -> LinkifyIt:
    """Return the linkify-it the checks use: fuzzy links on, fuzzy e-mails and IPs off."""
    from linkify_it import LinkifyIt

    return LinkifyIt(options={"fuzzy_email": False, "fuzzy_ip": False})


@functools.cache
def _split_patterns() -> _Patterns | None:
    return _patterns(linkify())


def match_at_start(token: str) -> Match | None:
    """Return linkify's match of ``token`` (a run without spaces) that starts at its start.

    This is linkify read directly (it reads the whole token): the reference that
    :class:`BareUrlReader` agrees with, and its fallback.
    """
    lk = linkify()
    found = lk.match_at_start(token)
    if found is not None and found.index == 0:
        return found
    return next((m for m in lk.match(token) or () if m.index == 0), None)


@dataclass(frozen=True, slots=True)
class Found:
    """A link linkify finds: its scheme ("" for none, else lower case, "https:") and span."""

    schema: str
    start: int
    end: int


#: No top-level domain is longer (the longest in use has 24 letters).
_LONGEST_TLD = 63


class BareUrlReader:
    """Finds linkify's link at a start in a draft's runs without spaces, in linear time.

    Starts must come in increasing order; a run's path steps are remembered until a
    start in another run is asked about.
    """

    __slots__ = ("_dots", "_fuzzy_ends", "_memo", "_patterns", "_run_start", "_slashes", "_stop",
                 "_stops", "_text")  # fmt: skip

    def __init__(self, text: str) -> None:
        self._text = text
        self._patterns = _split_patterns()
        self._stop = -1
        self._run_start = -1
        self._memo: dict[int, int] = {}
        self._stops: dict[str, list[int]] | None = None
        self._fuzzy_ends: list[int] | None = None
        self._slashes: list[int] | None = None
        self._dots: list[int] | None = None

    def match_at(self, start: int, stop: int) -> Found | None:
        """Return the link linkify finds at ``start`` in ``text[start:stop]``, or None.

        The link's text is not copied out (a URL that is not taken may run to the end of
        a long run, and copying it for every start was quadratic): see :meth:`url` and
        :meth:`slash_and_tld`.

        Args:
            start: where a URL may start: an ASCII letter or digit (a scheme or a host).
            stop: the end of the run without spaces that ``start`` is in.
        """
        text, patterns = self._text, self._patterns
        if stop != self._stop:
            self._stop, self._run_start = stop, start
            self._memo = {}
            self._stops = self._fuzzy_ends = self._slashes = self._dots = None
        if patterns is None:
            linkified = match_at_start(text[start:stop])
            if linkified is None:
                return None
            return Found(linkified.schema, start, start + linkified.last_index)
        limit = min(stop, start + HOST_WINDOW)
        found = patterns.schema.match(text, start, stop)
        if found is not None:
            name = found.group().lower()
            end = self._schema_end(name, found.end(), limit)
            if end:
                return Found(name, start, end)
        if not self._may_end_host(start, limit):
            return None
        head = self._head(patterns.fuzzy_head, start, limit)
        if head == -1:
            return None
        return Found("", start, self._path_end(head))

    def url(self, found: Found) -> str:
        """Return the URL of a link found here, as linkify writes it ("http://" added)."""
        from linkify_it.main import Match

        match = Match(self._text[found.start : found.end], found.schema, 0, found.end - found.start)
        linkify().normalize(match)
        return str(match.url)

    def slash_and_tld(self, found: Found) -> tuple[bool, str]:
        """Return whether a link holds a "/", and its host's last label (before any "/").

        The label is "" when it is longer than any top-level domain. Positions of "/" and
        "." are listed once per run, so asking costs no more for a long link.
        """
        if self._slashes is None or self._dots is None:
            run = self._text[self._run_start : self._stop]
            self._slashes = [self._run_start + i for i, c in enumerate(run) if c == "/"]
            self._dots = [self._run_start + i for i, c in enumerate(run) if c == "."]
        i = bisect.bisect_left(self._slashes, found.start)
        slash = self._slashes[i] if i < len(self._slashes) else found.end
        host_end = min(slash, found.end)
        j = bisect.bisect_left(self._dots, host_end) - 1
        label_start = self._dots[j] + 1 if j >= 0 and self._dots[j] >= found.start else found.start
        if host_end - label_start > _LONGEST_TLD:
            return host_end < found.end, ""
        return host_end < found.end, self._text[label_start:host_end]

    def _may_end_host(self, start: int, limit: int) -> bool:
        """Return False when no host without a scheme can start at ``start``.

        Such a host ends in a dot, a top-level domain, perhaps a port, and a character
        that may follow a host; where those are is read once per run. Without the test, a
        run of host-like words joined by "|" (a character a host may hold) had every start
        read a whole window of it.
        """
        if self._fuzzy_ends is None:
            assert self._patterns is not None
            found = self._patterns.fuzzy_end.finditer(self._text, self._run_start, self._stop)
            self._fuzzy_ends = [m.start() for m in found]
        ends = self._fuzzy_ends
        bound = limit - _HOST_MARGIN if limit < self._stop else self._stop
        i = bisect.bisect_right(ends, start)
        return i < len(ends) and ends[i] < bound

    def _head(self, pattern: re.Pattern[str], pos: int, limit: int) -> int:
        """Return where ``pattern`` (a host and what comes before it) ends at ``pos``, or -1.

        A host that runs on to the end of a window shorter than the run is not read as one:
        it would be longer than any host name, and where it ends could depend on the window.
        """
        found = pattern.match(self._text, pos, limit)
        if found is None or (limit < self._stop and found.end() > limit - _HOST_MARGIN):
            return -1
        return found.end()

    def _schema_end(self, name: str, pos: int, limit: int) -> int:
        """Return where a link with scheme ``name`` ending at ``pos`` ends, or 0 if it is none."""
        patterns = self._patterns
        assert patterns is not None
        if name == "mailto:":
            end = self._head(patterns.mailto, pos, limit)
            return end if end > pos else 0
        if name in ("http:", "https:", "ftp:"):
            end = self._head(patterns.http_head, pos, limit)
            return self._path_end(end) if end != -1 else 0
        return 0  # "//" needs a character before it, and a run's URL starts with a letter

    def _path_end(self, pos: int) -> int:
        """Return where linkify's optional path, starting at ``pos``, ends."""
        text, stop = self._text, self._stop
        if pos >= stop or text[pos] not in "/?#":
            return pos
        end = self._walk(pos + 1)
        if end > pos + 1:
            return end
        return pos + 1 if text[pos] == "/" else pos

    def _walk(self, pos: int) -> int:
        """Return where the path's greedy loop of steps, starting at ``pos``, ends."""
        memo, stop = self._memo, self._stop
        chain: list[int] = []
        while True:
            known = memo.get(pos)
            if known is not None:
                end = known
                break
            after = self._step(pos) if pos < stop else None
            if after is None:
                end = pos
                break
            chain.append(pos)
            pos = after
        memo[pos] = end
        for p in chain:
            memo[p] = end
        return end

    def _step(self, pos: int) -> int | None:
        """Return where one path step starting at ``pos`` ends, or None if none starts there."""
        text = self._text
        char = text[pos]
        closer = _CLOSERS.get(char)
        if closer is not None:
            at = self._next_stop(closer, pos + 1)
            # Brackets may be empty ("[]"); quotes hold at least one character.
            if at != -1 and text[at] == closer and (char in "[({" or at > pos + 1):
                return at + 1
            if char != "'":
                return None
        assert self._patterns is not None
        found = self._patterns.step.match(text, pos, self._stop)
        return found.end() if found else None

    def _next_stop(self, closer: str, pos: int) -> int:
        """Return the first ``closer``, space or control at or after ``pos`` in the run, or -1."""
        if self._stops is None:
            assert self._patterns is not None
            stops: dict[str, list[int]] = {c: [] for c in "])}\"'"}
            spaces: list[int] = []
            for m in self._patterns.stops.finditer(self._text, self._run_start, self._stop):
                stops.get(m.group(), spaces).append(m.start())
            stops[""] = spaces
            self._stops = stops
        best = -1
        for positions in (self._stops[closer], self._stops[""]):
            i = bisect.bisect_left(positions, pos)
            if i < len(positions) and (best == -1 or positions[i] < best):
                best = positions[i]
        return best
