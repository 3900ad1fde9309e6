"""Rule ``style.passive``: passive voice hides who did something.

"The migration was rolled back" leaves the reader asking who did it, and often that is what
they need to know. Passives are found on spaCy's part-of-speech tags (:func:`find_passive`),
so the rule needs a tagged pipeline; participles that read as adjectives ("we're done",
"got stuck") are not passives worth naming an actor for. The word lists are in
``vocabulary/style.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.checks.analysis import PARAGRAPH
from asyncwriter.checks.rules.style.words import vocab

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.facts import MessageFacts
    from asyncwriter.checks.model import Finding
    from asyncwriter.checks.options import Options

#: Forms of "be" and "get" that make a passive with a past participle.
_PASSIVE_AUX = frozenset(vocab("passive_auxiliaries"))
#: Words before the auxiliary that belong to the verb group ("has been decided").
_AUX_BEFORE = frozenset(vocab("aux_before"))
#: Participles that read as adjectives after "be"/"get" ("we're done", "is based on",
#: "got stuck", "get started"): naming who did them would not help the reader.
_STATIVE_PARTICIPLES = frozenset(vocab("stative_participles"))
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


def check_passive(a: Analysis, facts: MessageFacts, opts: Options) -> Iterator[Finding]:
    """Yield ``style.passive`` for each passive verb group in the writer's paragraphs."""
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
