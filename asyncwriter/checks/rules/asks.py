"""Rules ``ask.*``: does the message say what it wants from the reader.

The asks are facts (:mod:`asyncwriter.checks.facts.asks`); these rules report a message with
no ask, or with only a vague one ("Thoughts?"), unless it says it is an FYI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.checks.rule import Rule
from asyncwriter.rule_settings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options


def check(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield ``ask.missing`` and ``ask.vague`` findings."""
    asks = facts.asks
    explicit = [x for x in asks if x.kind in ("action", "question") and not x.vague]
    fyi = [x for x in asks if x.kind == "fyi"]
    vague = [x for x in asks if x.vague]
    if explicit:
        return
    if vague and not fyi:
        first = vague[0]
        yield opts.finding(
            "ask.vague",
            first.start,
            first.end,
            f"“{_clip(first.text)}” is a vague ask: say what you need and from whom, e.g. "
            "“@name, please approve option B by Thu 26 Nov, 17:00 UTC”.",
        )
        return
    if not fyi and a.word_count:
        start, end = _first_line_span(a)
        yield opts.finding(
            "ask.missing",
            start,
            end,
            "No ask: say what you need from whom (“@sam, please review the rollout plan”), "
            "or mark the message “FYI, no action needed”.",
        )


def _first_line_span(a: Analysis) -> tuple[int, int]:
    if not a.sentences:
        return 0, 0
    first = a.sentences[0]
    return first.start, first.end


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


RULES = (
    Rule("ask.missing", Severity.WARNING,
         "A message with no ask leaves the reader guessing whether anything is wanted.", check,
         absence=True),
    Rule("ask.vague", Severity.WARNING,
         "“Thoughts?” invites silence: name the decision or action and who should take it.",
         check),
)  # fmt: skip
