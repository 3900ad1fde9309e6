"""One match of LanguageTool's answer, read only if it has the shape LanguageTool gives it.

A server is someone else's program (a team's, the public one, or whatever answers at a
mistyped URL), so nothing in its answer is taken on trust: an offset of ``1e999``, a
string where a list belongs or a rule that is a number would otherwise raise out of the
checker. A match that is not well formed is dropped (and logged), never guessed at; the
answer as a whole is checked by the server that read it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TypeGuard

logger = logging.getLogger(__name__)

#: Suggestions kept per match (LanguageTool may list dozens; the card shows a few).
MAX_REPLACEMENTS = 5
#: Longest message, rule id or suggestion kept (LanguageTool's are a line at most).
MAX_TEXT = 1_000


@dataclass(frozen=True, slots=True)
class RawMatch:
    """A well-formed match, still in UTF-16 offsets into the text a request sent."""

    offset: int
    length: int
    rule_id: str
    message: str
    replacements: tuple[str, ...]
    issue_type: str
    description: str


def read_match(item: object) -> RawMatch | None:
    """Return a match if ``item`` has LanguageTool's shape, or None to drop it.

    Required: a non-negative integer ``offset`` and positive ``length`` (JSON numbers
    that are whole; not floats, strings or booleans) and a ``rule`` with a string ``id``.
    Optional fields of the wrong type are treated as absent.
    """
    match = _parse(item)
    if match is None:
        # Only the type is logged: the item may be nested deep enough to break repr().
        logger.debug("skipping a malformed LanguageTool match (a %s)", type(item).__name__)
    return match


def _parse(item: object) -> RawMatch | None:
    if not isinstance(item, dict):
        return None
    offset, length, rule = item.get("offset"), item.get("length"), item.get("rule")
    if not (_count(offset) and _count(length) and length > 0 and isinstance(rule, dict)):
        return None
    rule_id = rule.get("id")
    if not isinstance(rule_id, str) or not rule_id or len(rule_id) > MAX_TEXT:
        return None
    description = _text(rule.get("description"))
    return RawMatch(
        offset=offset,
        length=length,
        rule_id=rule_id,
        message=_text(item.get("message")) or description or rule_id,
        replacements=_replacements(item.get("replacements")),
        issue_type=_text(rule.get("issueType")),
        description=description,
    )


def _count(value: object) -> TypeGuard[int]:
    # bool is an int in Python, and JSON's true is not an offset.
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _text(value: object) -> str:
    return value[:MAX_TEXT] if isinstance(value, str) else ""


def _replacements(value: object) -> tuple[str, ...]:
    """Return the first suggestions' values (LanguageTool: ``[{"value": ...}, ...]``)."""
    if not isinstance(value, list):
        return ()
    out: list[str] = []
    for entry in value[:MAX_REPLACEMENTS]:
        text = entry.get("value") if isinstance(entry, dict) else None
        if isinstance(text, str) and len(text) <= MAX_TEXT:
            out.append(text)
    return tuple(out)
