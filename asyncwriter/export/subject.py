"""The email subject: the point of the message, prefixed with what the reader must do.

A reader triages mail by subject. ``[ACTION]`` says "you have to do something",
``[DECISION]`` "you have to decide", ``[INCIDENT]`` "something is broken", ``[INFO]``
"read when you can". The prefix comes from the template's kind where it says (incident,
decision) and otherwise from the asks the checks found in the draft.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from asyncwriter.export.message import parse_inline, plain_text, title_inline, walk

if TYPE_CHECKING:
    from asyncwriter.checks.model import Report
    from asyncwriter.export.message import Message

ACTION, DECISION, INFO, INCIDENT = "ACTION", "DECISION", "INFO", "INCIDENT"
PREFIXES = (ACTION, DECISION, INFO, INCIDENT)
#: A subject derived from the summary is cut here (at a word): mail clients show ~70-90.
MAX_DERIVED = 90

#: A subject that already opens with one of these words needs no prefix.
_SAYS_ALREADY = {
    ACTION: re.compile(r"\[?(?:action|action required|please)\b", re.IGNORECASE),
    DECISION: re.compile(r"\[?(?:decision|decide)\b", re.IGNORECASE),
    INFO: re.compile(r"\[?(?:info|fyi)\b", re.IGNORECASE),
    INCIDENT: re.compile(r"\[?(?:incident|outage)\b", re.IGNORECASE),
}
_KIND_PREFIX = {"incident": INCIDENT, "decision": DECISION}
#: Without a template, words in the subject that say what the message is.
_INCIDENT_WORDS = re.compile(r"\b(?:incident|outage|sev ?[0-4])\b", re.IGNORECASE)
_DECISION_WORDS = re.compile(r"\b(?:decision|decide|approve|approval)\b", re.IGNORECASE)
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
#: Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): in a subject
#: they can make "gpj.exe" read as "exe.jpg" in the mail list; the subject needs none.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def prefix_for(kind: str | None, report: Report | None, subject: str) -> str:
    """Return the prefix for a message of template ``kind`` (None: no template)."""
    if kind in _KIND_PREFIX:
        return _KIND_PREFIX[kind]
    asks = report.facts.asks if report is not None else []
    # A "Questions?" under an explicit "No action needed" invites, it does not ask.
    said_fyi = any(a.kind == "fyi" for a in asks)
    asking = any(a.kind == "action" or (a.kind == "question" and not said_fyi) for a in asks)
    if kind is None and _INCIDENT_WORDS.search(subject):
        return INCIDENT
    if asking and kind is None and _DECISION_WORDS.search(subject):
        return DECISION
    return ACTION if asking else INFO


def email_subject(
    message: Message,
    *,
    subject: str | None = None,
    kind: str | None = None,
    report: Report | None = None,
) -> str | None:
    """Return the email subject line, or None for a draft with nothing to say.

    Args:
        message: the parsed draft.
        subject: a subject chosen by the writer (wins over the draft's ``Subject:`` line).
        kind: the template's kind, if the draft came from one.
        report: the lint report for the draft: its asks choose ACTION or INFO, and its
            summary becomes the subject when the draft has no ``Subject:`` line.
    """
    base = subject or message.title
    if base:
        text = _flat(plain_text(title_inline(message, base)))
    else:
        text = _derived(message, report)
    text = _flat(_BIDI_CONTROLS.sub("", text))
    if not text:
        return None
    if any(says.match(text) for says in _SAYS_ALREADY.values()):
        return text  # the writer labelled it already ("FYI: ...", "INCIDENT SEV2: ...")
    return f"[{prefix_for(kind, report, text)}] {text}"


def _derived(message: Message, report: Report | None) -> str:
    """Shorten the summary (or the first paragraph) to its first sentence, as a subject."""
    source = report.facts.summary if report is not None and report.facts.summary else None
    if source:
        text = _whole_sentence(message, _flat(plain_text(parse_inline(source))))
    else:
        text = next((_flat(plain_text(node)) for node in walk(message.root)
                     if node.type == "inline" and plain_text(node).strip()), "")  # fmt: skip
    text = _FIRST_SENTENCE.split(text, maxsplit=1)[0].rstrip(" .")
    if len(text) > MAX_DERIVED:
        text = text[: MAX_DERIVED + 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return text[:1].upper() + text[1:]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _whole_sentence(message: Message, summary: str) -> str:
    """Return ``summary`` run on to the end of its sentence in the draft's own paragraph.

    The checks split sentences at any "!" or "?" token, so a summary may stop inside
    markup: "[INFO] <!here> the deploy is done." gives "[INFO] <!". Here a sentence ends
    only at ".", "!" or "?" followed by a space and a capital or digit (the rule the
    subject is cut by anyway), read in the paragraph that holds the summary. A summary
    found in no paragraph (one made of several blocks) is kept as it is.
    """
    if not summary:
        return summary
    for node in walk(message.root):
        if node.type != "inline":
            continue
        flat = _flat(plain_text(node))
        at = flat.find(summary)
        if at >= 0:
            return _FIRST_SENTENCE.split(flat[at:], maxsplit=1)[0]
    return summary
