"""The spaCy pipeline: loaded once, lazily, and shared by every lint.

``import spacy`` costs about half a second, so nothing imports it until the first lint
needs a sentence split. The embedded default is ``spacy.blank("en")`` with a sentencizer,
which needs no download. When a trained English pipeline is installed (``en_core_web_sm``
or the one named by ``ASYNCWRITER_SPACY_MODEL``) its tagger is used too, for the checks that
need parts of speech (``style.passive``).

Of a trained pipeline only the tagger (``Token.tag_``) and the ``tok2vec`` it listens to are
loaded. Sentences still come from the rules (the sentencizer, this module's abbreviations
and the Markdown's block starts): measured on the labelled real messages and the project's
own sets, the trained ``senter`` and the parser scored no better and on some checks worse
(README, "The trained pipeline"), and the parser takes about six times as long as
``senter``. So a trained pipeline adds tags and changes no sentence the judgement checks
read. NER and the lemmatizer are not read at all; ``attribute_ruler`` only maps tags to
coarse ``pos_`` values, which no check reads, and is left out, so ``pos_`` is empty. Set
``ASYNCWRITER_SPACY_SENTENCES=senter`` or ``=parser`` to take sentences from a trained
component instead (how they were compared).
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import importlib.util
import logging
import os
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    import numpy
    from spacy.language import Language
    from spacy.pipeline import Sentencizer
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

logger = logging.getLogger(__name__)

#: Names a pipeline package (or ``blank``, the embedded one) for every lint in the process.
MODEL_ENV = "ASYNCWRITER_SPACY_MODEL"
#: ``rules`` (the default), ``senter`` or ``parser``: what finds a trained pipeline's
#: sentences. The rules (spaCy's sentencizer plus this module's abbreviations and the
#: Markdown's block starts) scored as well as or better than ``senter`` and the parser on
#: every labelled set (README, "The trained pipeline"), so a trained pipeline adds its tags
#: and changes no sentence the checks judge.
SENTENCES_ENV = "ASYNCWRITER_SPACY_SENTENCES"
#: Trained pipelines tried in order when no model is named in the environment.
TRAINED_PIPELINES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")
#: The pipeline the window offers to download: the smallest, about 12 MB.
OFFERED_PIPELINE = "en_core_web_sm"
#: Components of a trained pipeline that give the checks their tags.
_TAGGING = ("tok2vec", "tagger", "morphologizer")
#: A trained pipeline's components run on pieces of at most this many tokens (about 3,500
#: words): its ``tok2vec`` holds about 12 KB per token at once. Linting a 30,000-word draft
#: whole took 564 MB more memory at its peak, in pieces of 5,000 tokens 90 MB (2,000: 39
#: MB, but copying out each piece then costs more). Pieces end where a block starts.
CHUNK_TOKENS = 5_000
#: Prose longer than this (about 30,000 words, far beyond any message) is split by the
#: rules instead: the trained components take about 20 s per 1,000,000 characters, which
#: the window would pay after every pause in typing. Such a text gets no tags, so the
#: checks judge it as they would with the embedded pipeline.
TRAINED_MAX_CHARS = 200_000

_lock = threading.Lock()
_pipeline: Language | None = None
_sentencizer: Sentencizer | None = None
#: Held through every lint's use of the pipeline (see :func:`text_zone`): a memory zone is
#: the vocabulary's state, so two lints may not be in one at once, and :func:`reload` swaps
#: the pipeline only between two lints.
_zone_lock = threading.RLock()
_zone_depth = threading.local()
#: The pipeline that has had its first lint outside a zone (see :func:`text_zone`).
_warmed: Language | None = None
#: How many strings the vocabulary may learn before lints run in memory zones. Words seen
#: outside a zone stay cached (a keystroke's lint re-tokenizes nothing it has seen: 9 ms for
#: 1,000 words); inside a zone every lint re-creates the draft's words (25 ms). So a window
#: learns its writer's words freely up to this bound (a few MB), and only past it pays the
#: zone's cost to stay bounded.
ZONE_AFTER_STRINGS = 50_000
#: The string store's size when the pipeline was loaded (the bound counts from here).
_loaded_strings: dict[int, int] = {}


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


def reload() -> Language:
    """Load whichever pipeline is installed now and make it the shared one; return it.

    For a pipeline installed while the app runs (the window's download). The new pipeline
    is loaded first and swapped in at once, so a concurrent :func:`load` gets the old or
    the new one, never none. A lint calls :func:`load` more than once (for sentences, then
    for tags), so a swap in the middle of a lint could mix two pipelines in one report:
    call this only between lints (the window runs it on the lint thread, between two).
    """
    global _pipeline
    importlib.invalidate_caches()  # a package installed since start-up must be found
    fresh = _load_pipeline()
    with _zone_lock, _lock:  # never in the middle of a lint's zone
        _pipeline = fresh
    return fresh


@contextlib.contextmanager
def text_zone() -> Iterator[None]:
    """Run a lint's use of the pipeline in a spaCy memory zone, so its words are forgotten.

    spaCy keeps every string it sees in the vocabulary's string store, so a window open
    for days would grow with every new word typed (RSS 250 to 264 MB over 5,000 edits).
    Inside ``nlp.memory_zone()`` (spaCy 3.8) the strings and lexemes of the text are
    transient and freed when the zone ends. So every ``Doc`` made inside is invalid after
    it: the caller must stop using it before leaving the block (the engine drops the
    analysis' doc there; the report keeps offsets and strings, no spaCy object).

    Zones cost speed (every lint re-creates the draft's words), so they start only once the
    vocabulary has learned :data:`ZONE_AFTER_STRINGS` strings: a normal session stays fast,
    a window open for weeks stays bounded. The first lint on a pipeline runs outside a zone:
    it builds what is kept across lints (the ask phrase matcher, the sentence-final
    characters), whose strings must stay.
    Zones are held one at a time (a lock), may be re-entered on the same thread (the inner
    one adds nothing), and are skipped on spaCy without memory zones.
    """
    global _warmed
    with _zone_lock:
        depth = getattr(_zone_depth, "value", 0)
        pipeline = load()
        strings = len(pipeline.vocab.strings)
        learned = strings - _loaded_strings.setdefault(id(pipeline), strings)
        if (
            depth
            or _warmed is not pipeline
            or not hasattr(pipeline, "memory_zone")
            or learned < ZONE_AFTER_STRINGS
        ):
            _zone_depth.value = depth + 1
            try:
                yield
            finally:
                _zone_depth.value = depth
                if not depth:
                    _warmed = pipeline
            return
        _zone_depth.value = 1
        try:
            with pipeline.memory_zone():
                yield
        finally:
            _zone_depth.value = 0


def wanted_pipeline() -> str:
    """Return what ``ASYNCWRITER_SPACY_MODEL`` names: a package, ``blank``, or ``""``."""
    return os.environ.get(MODEL_ENV, "").strip()


def _candidates() -> tuple[str, ...]:
    wanted = wanted_pipeline()
    if wanted == "blank":
        return ()
    return (wanted,) if wanted else TRAINED_PIPELINES


def installed_pipeline() -> str | None:
    """Return the trained pipeline a lint would load, or None for the embedded one.

    Cheap (it imports neither spaCy nor the pipeline), so the window can ask before spaCy
    is loaded. A package that is installed but fails to load is found here all the same.
    """
    for name in _candidates():
        module = name.replace("-", "_")
        if module.isidentifier() and importlib.util.find_spec(module) is not None:
            return name
    return None


def _load_pipeline() -> Language:
    import spacy
    from spacy.util import is_package

    wanted = wanted_pipeline()
    for name in _candidates():
        if not is_package(name):
            if wanted:
                logger.warning("spaCy pipeline %r is not installed; using the blank one", name)
            continue
        try:
            nlp = _load_trained(name)
        except (OSError, ValueError, KeyError, ImportError) as exc:
            logger.warning("could not load spaCy pipeline %r: %s", name, exc)
            continue
        logger.info("using spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
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


def _load_trained(name: str) -> Language:
    """Load the package ``name`` with only the components the checks read (see above)."""
    import spacy
    from spacy.util import get_package_path, load_meta

    meta = load_meta(get_package_path(name) / "meta.json")
    components = [str(c) for c in meta.get("components") or meta.get("pipeline") or []]
    prefer = os.environ.get(SENTENCES_ENV, "").strip() or "rules"
    sentences = prefer if prefer in ("senter", "parser") and prefer in components else None
    keep = {c for c in components if c in _TAGGING or c == sentences}
    nlp = spacy.load(name, exclude=[c for c in components if c not in keep])
    for component in list(nlp.disabled):
        nlp.enable_pipe(component)  # senter ships disabled; it is the one asked for here
    if sentences is None:
        nlp.add_pipe("sentencizer")
    return nlp


def has_tagger(nlp: Language) -> bool:
    """Return True when the pipeline assigns part-of-speech tags."""
    return "tagger" in nlp.pipe_names or "morphologizer" in nlp.pipe_names


def describe(nlp: Language) -> str:
    """Name the pipeline and what runs, e.g. ``en_core_web_sm 3.8.0 (tagger, senter)``."""
    if not has_tagger(nlp):
        return "the embedded pipeline (rule-based sentences, no tags)"
    meta = nlp.meta
    name = f"{meta.get('lang') or nlp.lang}_{meta.get('name') or 'pipeline'}"
    parts = ", ".join(c for c in nlp.pipe_names if c != "tok2vec")
    return f"{name} {meta.get('version') or ''} ({parts})".replace("  (", " (")


def segment(prose: str, sentence_starts: Iterable[int]) -> Doc:
    """Tokenise ``prose`` and split it into sentences, forcing a start at each offset.

    Block boundaries (paragraphs, list items, headings) are known from the Markdown, so
    they are set before the sentencizer, ``senter`` or parser runs; all three keep a preset
    start (``tests/checks/test_trained_pipeline.py`` checks the trained ones).
    """
    nlp = load()
    if len(prose) >= nlp.max_length:
        # spaCy's guard (1,000,000 characters) is for the memory of a whole-document
        # parse; trained components run in pieces here (CHUNK_TOKENS), and a 5 MB paste
        # must still be checked.
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
        rules = "sentencizer" in nlp.pipe_names
        if rules:  # rule-based sentences, found here rather than by the component
            _keep_abbreviations(prose, idx, marks)
            _sentencize(doc, marks)
        doc.from_array([SENT_START], marks.astype("uint64"))  # type: ignore[arg-type]
        if not has_tagger(nlp):
            for name, proc in nlp.pipeline:
                if name != "sentencizer":
                    doc = proc(doc)
        elif len(prose) > TRAINED_MAX_CHARS:
            doc = _rule_sentences()(doc)
        else:
            _run_trained(nlp, doc, marks)
    return doc


def _sentencize(doc: Doc, marks: numpy.ndarray) -> None:
    """Mark sentence starts as spaCy's ``Sentencizer`` does, where none is preset yet.

    The same rule: a token that is a sentence-final character ends a sentence at the next
    token that is neither punctuation nor sentence-final. It is computed on the doc's arrays
    (the first such token after a final one, found by counting finals between two plain
    tokens) instead of walking ``Token`` objects, which took a third of a 1,000-word lint.
    Preset starts (1) and non-starts (-1) are kept, as the component keeps them.
    """
    import numpy as np
    from spacy.attrs import IS_PUNCT, ORTH

    values = doc.to_array([ORTH, IS_PUNCT])
    final = np.isin(values[:, 0], _punct_orths(doc.vocab))
    plain = np.flatnonzero(~final & (values[:, 1] == 0))
    finals_before = np.concatenate(([0], np.cumsum(final)))  # finals among tokens [0, i)
    guesses = np.zeros(len(values), dtype=bool)
    if len(plain):
        seen = finals_before[plain] - np.concatenate(([0], finals_before[plain[:-1] + 1]))
        guesses[plain[seen > 0]] = True
    guesses[0] = True
    unset = marks == 0
    marks[unset & guesses] = 1
    marks[unset & ~guesses] = -1


def _punct_orths(vocab: Vocab) -> numpy.ndarray:
    """Return the string hashes of the characters that end a sentence (the Sentencizer's).

    A string's hash is the same in every vocabulary, so the set is built once.
    """
    global _PUNCT_ORTHS
    if _PUNCT_ORTHS is None:
        import numpy as np
        from spacy.pipeline import Sentencizer

        hashes = sorted({vocab.strings.add(c) for c in Sentencizer.default_punct_chars})
        _PUNCT_ORTHS = np.array(hashes, dtype="uint64")
    return _PUNCT_ORTHS


_PUNCT_ORTHS: numpy.ndarray | None = None


def _rule_sentences() -> Sentencizer:
    """Return a rule-based sentencizer (for prose too long for the trained components)."""
    global _sentencizer
    if _sentencizer is None:
        from spacy.pipeline import Sentencizer

        _sentencizer = Sentencizer()
    return _sentencizer


def _run_trained(nlp: Language, doc: Doc, marks: numpy.ndarray) -> None:
    """Tag ``doc`` and find its sentences with the trained components, piece by piece.

    Each piece starts at a preset sentence start (a block boundary), so no sentence is cut
    and the context a piece lacks at its edges is the text of another block.
    """
    if len(doc) <= CHUNK_TOKENS:
        for name, proc in nlp.pipeline:
            if name != "sentencizer":  # sentences are already set (see segment)
                doc = proc(doc)
        return
    from spacy.attrs import SENT_START, TAG

    starts = [int(i) for i in (marks == 1).nonzero()[0]]
    bounds = [0]
    for i in starts:
        if i - bounds[-1] >= CHUNK_TOKENS:
            bounds.append(i)
    # A block longer than a piece is cut anyway, between two tokens; its sentence may be
    # split there, which is the price of bounded memory on a text with no paragraphs.
    cut = [bounds[0]]
    for b in [*bounds[1:], len(doc)]:
        while b - cut[-1] > CHUNK_TOKENS:
            cut.append(cut[-1] + CHUNK_TOKENS)
        cut.append(b)
    cut = sorted(set(cut))
    result = doc.to_array([TAG, SENT_START])
    for a, b in zip(cut, cut[1:], strict=False):
        piece = doc[a:b].as_doc()
        for name, proc in nlp.pipeline:
            if name != "sentencizer":
                piece = proc(piece)
        values = piece.to_array([TAG, SENT_START])
        if a > 0:
            values[0, 1] = 1  # a piece's first token starts a sentence in the whole, too
        result[a:b] = values
    doc.from_array([TAG, SENT_START], result)  # type: ignore[arg-type]  # spaCy: Ints2d


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
