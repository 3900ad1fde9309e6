"""The one Markdown parser configuration, and a small cache of parsed drafts.

The checks (:mod:`asyncwriter.checks.analysis`) and export (:mod:`asyncwriter.export`) both
read a draft's Markdown. They share this parser and its cache, so linting a draft and then
exporting it (what the window's Copy does, and ``asyncwriter lint`` then ``export``) parses
the text once. The cache is keyed by the text itself and holds only the last few drafts.

The configuration is CommonMark with GFM tables and ~~strikethrough~~, bare links found by
linkify, and raw HTML recognised (``html``): the checks need to know where HTML blocks and
tags are so they can leave them out of the prose. Export must show typed HTML as text, so
it uses a stream only when it holds no HTML tokens (see :attr:`Parsed.has_html`); with no
HTML token in it, a stream is exactly what a parser with ``html`` off would have produced,
and a draft that does hold HTML is parsed again with :func:`parse` ``(html=False)``.
``breaks`` only changes how a renderer writes a soft break, never the tokens.

A parse runs in three stages, each cached and each built on the one before, so a text is
read by markdown-it's block parser once whichever stages its callers need:

1. :func:`blocks`: the block structure (paragraphs, headings, lists, quotes, tables, link
   reference definitions). This is all the checks read: they find code spans, links and
   emphasis inside a block themselves, on offsets into the draft, which inline tokens do
   not carry. The inline pass costs twice the block pass, so a lint on every keystroke
   skips it.
2. :func:`parse`: the same tokens with each inline token's children parsed, on copies of
   the block tokens (the cached blocks are never changed).
3. :func:`parse` with ``linkify=True`` (export): bare links ("docs.acme.dev/plan") as link
   tokens too. markdown-it's linkify pass over every text token takes about as long as the
   rest of the parse, and only export needs it, so it runs on a copy of stage 2, once per
   text.

This module is part of the base layer: it imports markdown-it-py, linkify-it-py and the
standard library, nothing from asyncwriter.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from markdown_it import MarkdownIt
from markdown_it.rules_core.inline import inline as core_inline
from markdown_it.rules_core.linkify import linkify as core_linkify
from markdown_it.rules_core.state_core import StateCore
from markdown_it.rules_core.text_join import text_join

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

__all__ = [
    "CACHE_SIZE",
    "EXTRA_TLDS",
    "Blocks",
    "Parsed",
    "blocks",
    "clear_cache",
    "holds_html",
    "parse",
    "parser",
]

#: Newer top-level domains that a bare ``name@team.dev`` or ``docs.acme.app`` may use.
EXTRA_TLDS = ("dev", "app", "cloud", "tech", "team", "tools", "page", "site", "online",
              "works", "systems", "services", "network", "company", "email")  # fmt: skip
#: Parses kept (each stage of a text is one): the draft being typed, its export, a subject
#: or two. Each keystroke in the editor is a new text, so a larger cache would only hold
#: stale drafts.
CACHE_SIZE = 16


@dataclass(frozen=True, slots=True)
class Blocks:
    """The block structure of one text (stage 1). Shared between callers: never change a token.

    Attributes:
        tokens: markdown-it's flat block token stream. An ``inline`` token holds its raw
            ``content``; its ``children`` are not parsed (see :func:`parse` for those).
        env: what the block parse collected (``references``: label to href/title).
    """

    tokens: tuple[Token, ...]
    env: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Parsed:
    """One parse of a text. Shared between callers: read it, never change a token.

    Attributes:
        tokens: markdown-it's flat token stream (inline tokens carry their children).
        env: what the parse collected besides tokens (``references``: label to href/title).
        has_html: whether any ``html_block`` or ``html_inline`` token was made. Without
            one, the stream is the same as a parse with ``html`` off would give.
    """

    tokens: tuple[Token, ...]
    env: Mapping[str, object]
    has_html: bool


_local = threading.local()
_lock = threading.Lock()
_cache: OrderedDict[tuple[str, bool, str], Blocks | Parsed] = OrderedDict()


def parser(*, html: bool = True) -> MarkdownIt:
    """Return this thread's complete parser (``html`` on by default, see the module docstring).

    One parser per thread and setting: linkify keeps state between its test and match
    calls, so two threads must never share one.
    """
    return _thread_parser(html, complete=True)


def _thread_parser(html: bool, *, complete: bool, idle: frozenset[str] = frozenset()) -> MarkdownIt:
    """Return this thread's parser; ``complete=False`` runs the block pass only.

    ``idle`` names block rules to leave out (see :func:`_idle_rules`); only a block-pass
    parser leaves any out.
    """
    key = (html, complete, idle)
    parsers: dict[tuple[bool, bool, frozenset[str]], MarkdownIt] | None = getattr(
        _local, "parsers", None
    )
    if parsers is None:
        parsers = _local.parsers = {}
    md = parsers.get(key)
    if md is None:
        md = parsers[key] = _new_parser(html)
        if not complete:
            # Stage 1 stops after the block pass (see the module docstring); the inline,
            # linkify and text-join passes are run by the later stages, in that order.
            md.core.ruler.disable(["inline", "linkify", "text_join"])
            if idle:
                md.block.ruler.disable(sorted(idle))
    return md


#: Block rules that cannot match unless the text holds one of these strings: a table's
#: header row has a "|", a fence opens with three backticks or tildes, a link reference
#: definition has "]:", an indented code block needs four columns of indentation (four
#: spaces or a tab), a quote a ">", raw HTML a "<", an ATX heading a "#". (These are the
#: rules' own first tests in markdown-it.) A rule that cannot match changes nothing when
#: it is left out: it never opens a block nor ends a paragraph, and with no line indented
#: four columns, markdown-it's "is this line code?" test is False either way.
_RULE_MARKS: dict[str, tuple[str, ...]] = {
    "table": ("|",),
    "code": ("    ", "\t"),
    "fence": ("```", "~~~"),
    "reference": ("]:",),
    "blockquote": (">",),
    "html_block": ("<",),
    "heading": ("#",),
}


def _idle_rules(text: str) -> frozenset[str]:
    """Return the block rules that cannot match anywhere in ``text`` (see ``_RULE_MARKS``).

    markdown-it tries every block rule at the start of every block, and each one it tries
    is a Python call; a chat message rarely has a table, a fence or a reference, so
    leaving those out takes a quarter or more off the block pass.
    """
    return frozenset(
        rule for rule, marks in _RULE_MARKS.items() if not any(mark in text for mark in marks)
    )


def _new_parser(html: bool) -> MarkdownIt:
    """Build the parser: the writer sees each line break, so ``breaks`` keeps them."""
    options = {"html": html, "linkify": True, "breaks": True}
    md = MarkdownIt("commonmark", options).enable(["table", "strikethrough", "linkify"])
    linkify = md.linkify
    linkify.set({"fuzzy_ip": False})  # type: ignore[union-attr]
    # linkify-it knows the old generic TLDs and every two-letter one; teams live on these too.
    linkify.tlds(list(EXTRA_TLDS), keep_old=True)  # type: ignore[union-attr]
    md.inline.ruler.before("autolink", "slack_link", _slack_link)
    return md


#: Slack's own link, ``<https://x.example/doc|the doc>``: pasted from Slack, it is a link
#: with that text (PRODUCT.md counts it as one), not an autolink up to the first space.
_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^\s<>|]{1,2000})\|([^<>\n]{1,300})>")


def _slack_link(state: StateInline, silent: bool) -> bool:
    """Read ``<url|text>`` as a link to ``url`` with ``text`` as its words."""
    if state.src[state.pos] != "<":
        return False
    found = _SLACK_LINK.match(state.src, state.pos)
    if found is None:
        return False
    href = state.md.normalizeLink(found.group(1))
    if not state.md.validateLink(href):
        return False
    if not silent:
        opening = state.push("link_open", "a", 1)
        opening.attrs = {"href": href}
        opening.markup = "slack"
        label = state.push("text", "", 0)
        label.content = found.group(2)
        state.push("link_close", "a", -1)
    state.pos = found.end()
    return True


def blocks(text: str, *, html: bool = True) -> Blocks:
    """Return the block structure of ``text`` (stage 1), from the cache when parsed lately."""
    found = _cached((text, html, "blocks"))
    if isinstance(found, Blocks):
        return found
    env: dict[str, object] = {}
    md = _thread_parser(html, complete=False, idle=_idle_rules(text))
    tokens = tuple(md.parse(text, env))
    return _store((text, html, "blocks"), Blocks(tokens, MappingProxyType(env)))


def parse(text: str, *, html: bool = True, linkify: bool = False) -> Parsed:
    """Return the parse of ``text``, from the cache when the same text was parsed lately.

    With ``linkify``, bare links are link tokens too (what export renders). Each stage is
    built on a copy of the one before (see the module docstring), which is left as it is.
    """
    key = (text, html, "linkify" if linkify else "inline")
    found = _cached(key)
    if isinstance(found, Parsed):
        return found
    md = _thread_parser(html, complete=False)
    if linkify:
        base = parse(text, html=html)
        tokens = _linkified(text, base, md)
        parsed = Parsed(tokens, base.env, base.has_html)
    else:
        structure = blocks(text, html=html)
        tokens = _inlined(text, structure, md)
        parsed = Parsed(tokens, structure.env, html and holds_html(tokens))
    return _store(key, parsed)


def _cached(key: tuple[str, bool, str]) -> Blocks | Parsed | None:
    """Return the cached stage under ``key``, marking it recently used, or None."""
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
        return found


_Stage = TypeVar("_Stage", Blocks, Parsed)


def _store(key: tuple[str, bool, str], stage: _Stage) -> _Stage:
    """Cache ``stage`` under ``key``, dropping the least recently used beyond the size."""
    with _lock:
        _cache[key] = stage
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return stage


def _inlined(text: str, structure: Blocks, md: MarkdownIt) -> tuple[Token, ...]:
    """Return a copy of ``structure``'s tokens with markdown-it's inline pass run over them.

    The pass fills each inline token's list of children; each inline token is copied with
    a new list, so the cached block tokens never change.
    """
    tokens = [t.copy(children=[]) if t.type == "inline" else t for t in structure.tokens]
    state = StateCore(text, md, dict(structure.env))
    state.tokens = tokens
    core_inline(state)
    return tuple(state.tokens)


def _linkified(text: str, base: Parsed, md: MarkdownIt) -> tuple[Token, ...]:
    """Return a copy of ``base``'s tokens with markdown-it's linkify pass run over them.

    The pass replaces an inline token's list of children; each inline token is copied with
    its own list, so the shared tokens never change.
    """
    tokens = [t.copy(children=list(t.children)) if t.children else t for t in base.tokens]
    state = StateCore(text, md, dict(base.env))
    state.tokens = tokens
    core_linkify(state)
    text_join(state)
    return tuple(state.tokens)


def holds_html(tokens: Sequence[Token]) -> bool:
    """Return True if ``tokens`` (or an inline token's children) hold raw HTML."""
    for token in tokens:
        if token.type == "html_block":
            return True
        if token.children and any(child.type == "html_inline" for child in token.children):
            return True
    return False


def clear_cache() -> None:
    """Forget every cached parse (tests use it to count parses from a cold start)."""
    with _lock:
        _cache.clear()
