"""The TL;DR line the ``summary.missing`` fix offers: what it says and where it goes.

A TL;DR is read before anything else, so it must be the bottom line in a few words, not
the closing ask pasted again: "@sam, could you please approve the budget by Friday, so we
can order?" becomes "TL;DR: I need @sam to approve the budget by Friday." It goes above the
writer's opening but below the lines that name the draft (the template marker comment, a
``Subject:`` line, a ``# Title`` or a short first line that reads as a title): a TL;DR put
above those would become the draft's title and the email's subject.

Pure text work, no Qt, so the command line, the language server and the editor share it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from asyncwriter.checks.facts.asks import IMPERATIVE_VERBS
from asyncwriter.english import series

if TYPE_CHECKING:
    from asyncwriter.checks.model import Ask

#: A first line of at most this many words without closing punctuation reads as a title.
TITLE_WORDS = 14

_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_LABELLED_TITLE = re.compile(r"^\s*(?:subject|title)\s*:", re.IGNORECASE)
_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s")
_MENTION = re.compile(r"(?:@[\w.\-]+|<@\w+>)")
_MENTIONS_LEAD = re.compile(
    r"^(?:(?:hi|hey|hello)\s+)?((?:@[\w.\-]+|<@\w+>)(?:\s*(?:,|and|&)?\s*(?:@[\w.\-]+|<@\w+>))*)"
    r"[\s,:!\-]*",
    re.IGNORECASE,
)
#: Politeness and framing before the action itself ("please", "could you", "I'd like you to").
_LEAD_IN = re.compile(
    r"^(?:(?:hi|hey|hello|so|also|and|ok|okay|just to clarify)[\s,]+|please[\s,]+|kindly\s+"
    r"|(?:the\s+)?(?:ask|action|request|(?:action|decision|input)\s+needed)\s*:\s*"
    r"|(?:could|can|would|will)\s+(?:you|one\sof\syou|someone|somebody|you\sall|y'all)"
    r"(?:\s+please)?[\s,]+"
    r"|would\s+you\s+mind\s+|(?:i|we)(?:'d|\s+would)\s+like\s+(?:you|someone)\s+to\s+"
    r"|(?:i|we)\s+need\s+(?:you|someone)\s+to\s+)",
    re.IGNORECASE,
)
#: Where the reasons start: kept out of a TL;DR ("..., so that we can start on Monday").
_TAIL = re.compile(
    r"(?:,?\s+(?:so\s+that|so\s+we|so\s+i|because|since|as\s+we|as\s+i|otherwise|which)\b"
    r"|;|\s[\u2013\u2014-]\s|:\s*(?:https?://|<https?://|\[)|\.\s).*$",
    re.IGNORECASE | re.DOTALL,
)
_ASIDE = re.compile(r"\s*\([^()]*\)")
_TRAILING = re.compile(r"[\s,;:.!?\u2026]*(?:\bplease\b)?[\s,;:.!?\u2026]*$", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
#: "Can we ship on Friday?" -> "whether we can ship on Friday".
_YES_NO = re.compile(
    r"^(can|could|should|shall|will|would|may|is|are|was|were|do|does|did)\s+"
    r"(we|i|you|it|they|he|she)\s+(.+)$",
    re.IGNORECASE,
)
_PRONOUNS = {"i": "I", "you": "you"}


def tldr_text(ask: Ask) -> str:
    """Return a TL;DR line that gives an ask's bottom line in a few words.

    Who is asked (the leading mentions), the action or question without the politeness
    around it, and the deadline when the ask's clause holds it; the reasons after it ("so
    that ...", "because ...") and links are left to the message below.

    Args:
        ask: the ask the message buries (an action or a question).

    Returns:
        The line, beginning ``TL;DR:``, on one line.
    """
    flat = _EMPHASIS.sub("", " ".join(ask.text.split()))
    names: list[str] = []
    previous = None
    while previous != flat:
        previous = flat
        lead = _MENTIONS_LEAD.match(flat)
        if lead and lead.group(1):
            names += _MENTION.findall(lead.group(1))
            flat = flat[lead.end() :]
        flat = _LEAD_IN.sub("", flat, count=1)
    who = series(names, "or")
    question = flat.rstrip().endswith("?") or ask.kind == "question"
    clause = _TAIL.sub("", _ASIDE.sub("", flat))
    clause = _TRAILING.sub("", clause).strip()
    if not clause:
        clause = _TRAILING.sub("", flat).strip()
    reader = who or "you"
    yes_no = _YES_NO.match(clause) if question else None
    if not yes_no and clause.split(" ", 1)[0].lower() in IMPERATIVE_VERBS:
        return f"TL;DR: I need {reader} to {_lower_first(clause)}."
    if yes_no:
        aux, subject, rest = yes_no.groups()
        subject = _PRONOUNS.get(subject.lower(), subject)
        verb = "" if aux.lower() in ("do", "does", "did") else f"{aux.lower()} "
        return f"TL;DR: I need an answer from {reader} on whether {subject} {verb}{rest}."
    if question:
        return f"TL;DR: I need an answer from {reader}: {_lower_first(clause)}?"
    return f"TL;DR: Action needed from {reader}: {_lower_first(clause)}."


def insertion_point(text: str, start: int, end: int) -> int:
    """Return where a TL;DR line goes for the opening at ``text[start:end]``.

    At the opening, but never above the lines that name the draft: the template marker,
    a ``Subject:``/``Title:`` line, a first ``# heading``, or a short first line without
    closing punctuation that more text follows (a plain-text title).
    """
    head_end = 0
    seen_title = False
    position = 0
    for line in text[:end].splitlines(keepends=True):
        stripped = line.strip()
        line_end = position + len(line)
        if not stripped or _COMMENT_LINE.match(stripped):
            head_end = line_end
        elif not seen_title and (
            _LABELLED_TITLE.match(stripped)
            or _HEADING_LINE.match(line)
            or (
                len(stripped.split()) <= TITLE_WORDS
                and stripped[-1] not in ".!?:,;"
                and line.endswith("\n")
                and text[line_end:].strip() != ""
            )
        ):
            seen_title = True
            head_end = line_end
        else:
            break
        position = line_end
    return min(max(start, head_end), end)


def tldr_fix(text: str, start: int, end: int, ask: Ask) -> str:
    """Return the replacement for ``text[start:end]`` (the opening) that adds the TL;DR.

    The fix stays one edit of the finding's span, so applying it is one undo step in the
    editor and one text edit in the language server, wherever the line itself lands.
    """
    at = insertion_point(text, start, end)
    before, after = text[start:at], text[at:end]
    if before and not before.endswith("\n\n"):
        before += "\n" if before.endswith("\n") else "\n\n"
    line = tldr_text(ask)
    if not after:
        return f"{before}{line}"
    return f"{before}{line}\n\n{after}"


def _lower_first(clause: str) -> str:
    """Lower-case a sentence's first letter unless the word is a name or an acronym."""
    word = clause.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:].islower() and word != "I":
        return clause[0].lower() + clause[1:]
    return clause
