"""The spaCy pipeline: loaded once, lazily, and shared by every lint.

``import spacy`` costs about half a second, so nothing imports it until the first lint
needs a sentence split. The embedded default is ``spacy.blank("en")`` with a sentencizer,
which needs no download. When a trained English pipeline is installed (``en_core_web_sm``
or the one named by ``ASYNCWRITER_SPACY_MODEL``) it is used instead, for better sentence
boundaries and part-of-speech tags.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

#: Trained pipelines tried in order when no model is named in the environment.
TRAINED_PIPELINES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")
#: Components a lint never needs; excluding them keeps a trained pipeline fast.
_EXCLUDE = ("ner", "lemmatizer", "textcat", "entity_linker", "entity_ruler")

_lock = threading.Lock()
_pipeline: Language | None = None


def load() -> Language:
    """Return the shared pipeline, loading it on first use (thread-safe).

    ``ASYNCWRITER_SPACY_MODEL=blank`` forces the embedded pipeline; any other value names
    a pipeline package to load.
    """
    global _pipeline
    if _pipeline is not None:
        return _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = _load_pipeline()
    return _pipeline


def _load_pipeline() -> Language:
    import spacy
    from spacy.util import is_package

    wanted = os.environ.get("ASYNCWRITER_SPACY_MODEL", "").strip()
    names = () if wanted == "blank" else ((wanted,) if wanted else TRAINED_PIPELINES)
    for name in names:
        if not is_package(name):
            if wanted:
                logger.warning("spaCy pipeline %r is not installed; using the blank one", name)
            continue
        try:
            nlp = spacy.load(name, exclude=list(_EXCLUDE))
        except (OSError, ValueError) as exc:
            logger.warning("could not load spaCy pipeline %r: %s", name, exc)
            continue
        logger.info("using spaCy pipeline %s", name)
        return nlp
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("en")
    # The tokenizer's ~1,300 special cases (contractions, emoticons) cost more than the rest
    # of a lint together and defeat its cache; sentences only need abbreviations kept whole,
    # which ``segment`` does.
    assert isinstance(nlp.tokenizer, Tokenizer)
    nlp.tokenizer.rules = {}
    nlp.add_pipe("sentencizer")
    return nlp


def has_tagger(nlp: Language) -> bool:
    """Return True when the pipeline assigns part-of-speech tags."""
    return "tagger" in nlp.pipe_names or "morphologizer" in nlp.pipe_names


def segment(prose: str, sentence_starts: Iterable[int]) -> Doc:
    """Tokenise ``prose`` and split it into sentences, forcing a start at each offset.

    Block boundaries (paragraphs, list items, headings) are known from the Markdown, so
    they are set before the sentencizer or parser runs; both respect preset boundaries.
    """
    nlp = load()
    if len(prose) >= nlp.max_length:
        # spaCy's guard (1,000,000 characters) is for the parser and NER, which are never
        # loaded here; a 5 MB paste must still be checked.
        nlp.max_length = len(prose) + 1
    doc = nlp.make_doc(prose)
    if len(doc):
        from spacy.attrs import IDX, SENT_START

        # Set every boundary in one array: Token.is_sent_start's setter rescans the whole
        # doc on each call, which is quadratic on long drafts.
        idx = doc.to_array([IDX]).tolist()
        marks = doc.to_array([SENT_START]).astype("int64")
        for start in set(sentence_starts):
            i = bisect.bisect_left(idx, start)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if 0 < i < len(doc):
                marks[i] = 1
        if not getattr(nlp.tokenizer, "rules", None):  # the embedded pipeline's tokenizer
            _keep_abbreviations(prose, idx, marks)
        doc.from_array([SENT_START], marks.astype("uint64"))  # type: ignore[arg-type]
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
    return doc


#: Abbreviations whose full stop does not end a sentence ("e.g. UTC", "Dr. Ng").
ABBREVIATIONS = frozenset(
    "e.g i.e eg ie vs cf viz approx incl esp etc mr mrs ms dr prof st no nos fig jr sr inc ltd "
    "co corp dept est min max avg jan feb mar apr jun jul aug sep sept oct nov dec mon tue "
    "wed thu fri sat sun a.m p.m u.s u.k".split()
)
_DOTTED_WORD = re.compile(r"\b([A-Za-z][A-Za-z.]{0,5})\.(?=[ \t]+(\S))")


def _keep_abbreviations(prose: str, idx: list[int], marks: numpy.ndarray) -> None:
    """Stop the sentencizer from ending a sentence at "e.g." or "Dr." (set before it runs)."""
    for m in _DOTTED_WORD.finditer(prose):
        word = m.group(1).lower()
        if word not in ABBREVIATIONS or (word == "etc" and m.group(2).isupper()):
            continue  # "..., etc. Then" ends the sentence
        i = bisect.bisect_left(idx, m.start(2))
        if i < len(idx) and idx[i] == m.start(2) and marks[i] == 0:
            marks[i] = -1
