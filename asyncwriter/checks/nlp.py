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
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

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
    nlp = spacy.blank("en")
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
    doc = nlp.make_doc(prose)
    if len(doc):
        idx = [t.idx for t in doc]
        for start in set(sentence_starts):
            i = bisect.bisect_left(idx, start)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
    return doc
