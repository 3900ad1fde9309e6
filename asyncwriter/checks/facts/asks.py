"""The asks a message makes: what it wants from the reader, and of what kind.

An explicit ask is an action or decision wanted from the reader ("Please approve option B",
"@sam can you review the rollout plan", "Can we ship on Friday?"). A vague ask has no object
("Thoughts?", "Any feedback welcome"). An FYI statement ("FYI, no action needed") says that
nothing is wanted, and satisfies the check. Quoted text and code are someone else's words
or not prose, and never count.

Token patterns run through one spaCy ``Matcher`` over the shared ``Doc``; whole-sentence
shapes (vague asks, FYI statements) are short anchored regexes over one sentence.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from asyncwriter import vocabulary
from asyncwriter.checks.analysis import HEADING, TABLE_ROW, Analysis, Sentence
from asyncwriter.checks.model import Ask
from asyncwriter.draft_text import SUBJECT_LABEL

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


def _words(key: str) -> tuple[str, ...]:
    """Return list ``key`` of ``asks.toml``: the ask words live there, not in this code."""
    return vocabulary.words("asks", key)


def _set(key: str) -> frozenset[str]:
    """Return list ``key`` of ``asks.toml`` as a set, for membership tests."""
    return frozenset(_words(key))


#: Who can need something from the reader ("we need a reviewer"); a thing's need is a fact.
_NEEDERS = frozenset("i we still really urgently also just you team project pr this".split())
#: After "need a"/"need an"/"need one": the nouns that make it an ask, not a plan.
_NEED_A = _set("need_a")
#: A phrase shape: its slots of alternative words. A slot written in the file as a string
#: names another list of the file ("modals", "who"), so shared lists are written once.
_Shape = tuple[tuple[str, ...], ...]


def _phrases() -> dict[str, list[_Shape]]:
    """Return the ask phrase shapes by label, with named slots replaced by their lists."""
    table: dict[str, list[list[str | list[str]]]] = vocabulary.table("asks", "phrases")
    return {
        label: [
            tuple(_words(slot) if isinstance(slot, str) else tuple(slot) for slot in shape)
            for shape in shapes
        ]
        for label, shapes in table.items()
    }


#: Token sequences that make an ask, as slots of alternatives; a phrase matches when each
#: token (lower-cased) is one of its slot's words. ``^`` marks a phrase that must open its
#: sentence. They run through one spaCy ``PhraseMatcher`` (hash lookups, no predicates).
_PHRASES = _phrases()

#: Base-form verbs that open an imperative ask ("Review the plan", "@sam merge it").
IMPERATIVE_VERBS = _set("imperative_verbs")
#: Verbs that open a title that commands ("Pin protobuf to 4.25"): the above and more.
TITLE_VERBS = IMPERATIVE_VERBS | _set("title_verbs")
#: Bracketed tags before a title's words: "[DISCUSSION] ", "[nova][ptg] ".
TITLE_TAGS = r"(?:[\[(][^\])]{0,30}[\])]\s*)*"
#: "ADR-012: Use PostgreSQL", "RFC 9 - Drop the v1 API": a document number before the title.
DOC_NUMBER = re.compile(
    r"^" + TITLE_TAGS + r"(?:(?:adr|rfc|kep|pep|mep|proposal|spec|decision)"
    r"[\s\-_#]?\d+\s*[:.\-\u2013\u2014]\s*)?",
    re.IGNORECASE,
)
#: Words after a would-be imperative that show it was a noun or a statement instead.
_NOT_IMPERATIVE_NEXT = _set("not_imperative_next")
_LEAD_INS = _set("lead_ins")

_VAGUE = re.compile(
    r"(?:(?:any|your|other|all)\s)?(?:thoughts|feedback|comments|questions|ideas|opinions|input"
    r"|suggestions|concerns|takes|reactions)(?:\s(?:anyone|all|folks|everyone|y'all|team"
    r"|welcome|appreciated|are welcome|is welcome|very welcome|most welcome|much appreciated"
    r"|encouraged|please|as always))*"
    r"|wdyt|thoughts\?|what do (?:you|y'all|people|folks|we|you all) think"
    r"|what are (?:your|people's|everyone's) thoughts|how does (?:this|that) sound|sounds? good"
    r"|makes? sense|does (?:this|that|it) (?:make sense|sound (?:good|ok|okay|right|reasonable))"
    r"|(?:all |any )?(?:feedback|comments|thoughts|input|questions|suggestions|ideas)"
    r" (?:are |is )?(?:very |more than |always |most )?(?:welcome|appreciated|encouraged)"
    r"|happy to (?:discuss|chat|talk|answer(?: any)? questions|hear (?:any )?(?:thoughts|feedback)"
    r"|jump on a call|hop on a call)"
    r"(?: (?:if|as) needed| if (?:you|anyone) (?:has|have) questions)?"
    r"|open to (?:any )?(?:feedback|thoughts|suggestions|ideas|input)"
    r"|(?:please )?let (?:me|us) know(?: what you think| your thoughts| if you have (?:any )?"
    r"(?:questions|concerns|thoughts|feedback|comments|objections)| if (?:anything|something)"
    r" (?:is unclear|comes up|looks off|is missing)| if you need anything| if i missed anything"
    r"| if (?:there's|there is) anything)?"
    r"|(?:please )?(?:feel free to|don't hesitate to|do not hesitate to) (?:reach out|ask|comment"
    r"|ping(?: me)?|share|chime in|drop a comment|leave a comment|respond)"
    r"(?: (?:with|if you have) (?:any )?(?:questions|thoughts|feedback|concerns|comments))?"
    r"|(?:please )?(?:share|send|leave|drop) (?:your |any )?(?:thoughts|feedback|comments)"
    r"|(?:ping|dm|message) me (?:if|with) (?:you have )?(?:any )?(?:questions|thoughts|feedback)"
    r"|reach out (?:if|with) (?:you have )?(?:any )?(?:questions|concerns)"
    r"|(?:comments|feedback) welcome|(?:would )?love (?:to hear )?(?:your |any )?"
    r"(?:thoughts|feedback|input)|curious (?:what|how) (?:you|people|folks) think"
)
#: A vague ask stays vague with a deadline attached: "thoughts before I merge tomorrow?".
_VAGUE_WITH_TIME = re.compile(
    r"(?:" + _VAGUE.pattern + r")(?:[\s,]+(?:before|by|until|ahead of|prior to)\b.{0,80})?"
)
_FYI = re.compile(
    r"\bfyi\b|\bf\.y\.i\b|\bfor your (?:information|awareness|reference)\b"
    r"|\bfor (?:awareness|visibility|your awareness)\b"
    r"|\bno action(?: item)?s? (?:is |are )?(?:needed|required|necessary|expected)"
    r"|\bno action (?:needed|required) (?:from|on) \w+|\bnothing (?:is )?(?:needed|required"
    r"|to do) (?:from|for|on) (?:you|anyone|your side|your end)"
    r"|\bno need to (?:reply|respond|do anything|act|take (?:any )?action)"
    r"|\bno (?:response|reply|replies|acknowledg(?:e)?ment) (?:is )?(?:needed|required|necessary"
    r"|expected)|\bheads[- ]up\b|\bpsa\b|\bjust (?:sharing|letting (?:you|everyone|folks|y'all"
    r"|you all|the team) know)"
    r"|\bsharing (?:this )?(?:for|as) (?:visibility|awareness|context|an fyi)"
    r"|\b(?:purely|just) informational|\bno action from you|\bfor info\b|\binformational only\b",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"(?:(?:@[\w.\-]+|<@\w+>|so|and|also|oh|ok|okay|anyway|hey|hi|any|all|team|folks"
    r"|everyone|y'all)(?:[\s,:!\-]+|$))+",
    re.IGNORECASE,
)
_TRAILING_PUNCT = " \t\n.!?,:;)\u2026\ufe0f\u200d"
_FYI_HINTS = _words("fyi_hints")
#: Cheap substring tests, one scan each: a sentence without them needs no further regex.
_FYI_HINT = re.compile("|".join(re.escape(h) for h in _FYI_HINTS))
_NO_LABELS: frozenset[str] = frozenset()
_PERMISSION_HINT = re.compile(r"free|welcome|you\smay|go\sahead")
_REQUEST_HINT = re.compile(r"ask|request|invite|urge|encourage|need|want|beg")
#: Words every vague ask has ("thoughts", "feedback", "let me know", "sounds good" ...): a
#: sentence without any is not tried against the long vague-ask pattern.
_VAGUE_HINT = re.compile(
    r"thought|feedback|comment|question|idea|opinion|input|suggestion|concern|take|reaction"
    r"|wdyt|think|sound|sense|happy\sto|open\sto|let\s(?:me|us)|free\sto|hesitate|share"
    r"|send|leave|drop|ping|dm|message|reach\sout|love|curious|welcome|appreciated"
)


def _trim_edges(low: str) -> str:
    """Strip greetings and mentions in front, and punctuation and emoji behind."""
    m = _LEADING.match(low)
    core = low[m.end() :] if m else low
    end = len(core)
    while end and (core[end - 1] in _TRAILING_PUNCT or _is_emoji(core[end - 1])):
        end -= 1
    return core[:end].strip()


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return 0x1F300 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF


_QUESTION_END = re.compile(r"\?[\s)\"'\u201d]*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f]\s*)*$")
_DECISION_WORDS = re.compile(r"\b(?:" + "|".join(_words("decision_words")) + r")\b", re.IGNORECASE)
_ACTION_MODAL_START = re.compile(
    r"^(?:@[\w.\-]+[\s,]*)*(?:can|could|would|will|should|shall|may|mind|is it ok|are we ok|"
    r"ok to|okay to|any objections?|(?:are|is) (?:you|anyone|anybody|someone) (?:able|willing"
    r"|available|ok|okay|happy) to)\b",
    re.IGNORECASE,
)
#: The words that make a question of a title: a question word, an auxiliary or modal, or a
#: verb ("Move the sync to Thursday?").
_QUESTION_FORM = re.compile(
    r"\b(?:how|what|why|when|where|which|who|whom|whose|is|are|was|were|am|do|does|did|can"
    r"|could|would|will|should|shall|may|might|must|has|have|any|anyone|anybody|ok|okay)\b"
    # "Changing the telecon day?" proposes a change; "Hiring budget?" names a topic
    r"|^(?:" + TITLE_TAGS + r")?\W*\w+ing\s(?:the|our|a|an|to|from|this|that|it|them|all|some)\b"
    r"|^(?:" + TITLE_TAGS + r")?\W*(?:" + "|".join(map(re.escape, sorted(TITLE_VERBS))) + r")\b",
    re.IGNORECASE,
)
_RHETORICAL_START = re.compile(r"^(?:" + "|".join(_words("question_words")) + r")\b", re.I)
_ASK_SECTION = re.compile(r"\b(?:" + "|".join(_words("ask_sections")) + r")\b", re.IGNORECASE)
_DIRECT_REQUEST = re.compile(r"\b(?:" + "|".join(_words("direct_requests")) + r")\b", re.I)
#: Chat bullets (and emoji-led poll options) that are not Markdown lists but read as items.
_CHAT_BULLET = re.compile(
    r"[\u2022\u25e6\u25aa\u2023\u2043\u2013\u2014\u00b7\U0001F300-\U0001FAFF\u2600-\u27BF]"
)
#: After the first word of a title: "Update on X", "Review of Y" name, not command.
TITLE_NOUN_NEXT = frozenset("on for from of about re regarding to and is are in at".split())
#: Nouns often used as titles: "Update on X", "Review of Y" are not commands.
_TITLE_NOUNS = _set("title_nouns")
_FINITE = _set("finite_verbs")
_STATEMENT_LABELS = _set("statement_labels")
#: Words that follow a real imperative after a dash or colon ("— react by Wed").
_AFTER_DASH_OBJECT = _set("after_dash_object")
#: "All staff must submit ...", "every site needs to return ...": a directive to readers.
_DIRECTIVE = re.compile(
    r"\b(?:" + "|".join(_words("directive_subjects")) + r")"
    # "Everybody who needs to work in AWS gets ...": a relative clause describes, not directs.
    r"\s(?:(?!who\b|that\b|which\b|might\b|may\b|could\b)(?:\d+(?:\.\d+)+|[\w-]+)\s){0,5}?"
    r"(?:also\s)?"
    r"(?:must|need\sto|needs\sto|have\sto|has\sto|(?:are|is)\s(?:strongly\s)?(?:required"
    r"|expected|asked|advised|encouraged|requested)\sto|should)\s(?!be\saware)\w+",
    re.IGNORECASE,
)
#: "We ask that the group coordinate", "I would ask any of you to ...": a request in the
#: first person, addressed to the readers.
_FIRST_PERSON_REQUEST = re.compile(
    r"\b(?:i|we)(?:\s(?:would|'d|\u2019d)(?:\slike\sto)?|\s(?:want|wish)\sto|\skindly)?\s(?:"
    + "|".join(_words("first_person_requests"))
    + r")\s(?:that\s|you\b|everyone\b|everybody\b|all\b|any\sof\syou\b|the\s\w+|folks\b)",
    re.IGNORECASE,
)
#: "Feel free to ...", "you are welcome to ...": permission, which asks for nothing.
_PERMISSION = re.compile(
    r"^(?:[\w\s,!]{0,60}[,!]\s)?(?:please\s)?(?:feel\sfree|you(?:'re|\sare)\s(?:welcome|free)"
    r"|you\smay|go\sahead\sand)\s(?:to\b)?|\b(?:please\s)?feel\sfree\sto\s\w+(?:\s\w+){0,3}[.!]?$",
    re.IGNORECASE,
)
#: A reply's subject or a patch title: "Re: ...", "[PATCH v2] net: fix ...".
_NOT_ASK_SUBJECT = re.compile(r"^subject:\s*(?:(?:re|fwd?|aw)\s?:|.{0,40}\[patch)", re.IGNORECASE)
#: The prompts GitHub issue templates leave behind: "A clear and concise description of ...".
_TEMPLATE_PROMPT = re.compile(
    r"^(?:a\sclear\sand\sconcise\sdescription|add\sany\sother\scontext|if\sapplicable,\sadd"
    r"|steps\sto\sreproduce\sthe\sbehaviou?r|describe\sthe\s(?:bug|solution|alternatives)"
    r"|tell\sus\swhat|please\scomplete\sthe\sfollowing|provide\sa\sgeneral\ssummary)",
    re.IGNORECASE,
)
#: "this is not a request for help", "no need to review yet": the opposite of an ask.
_NEGATED_REQUEST = re.compile(
    r"\bnot\s(?:a|an)\s(?:request|ask|call)\b|\bno\sneed\sto\s(?:review|reply|respond|look|act)",
    re.IGNORECASE,
)
#: Sections whose questions are a design's open points, not questions to the reader.
_DESIGN_QUESTIONS = re.compile(
    r"\b(?:unresolved|open|outstanding|remaining|future)\s(?:questions|issues|points|problems)"
    r"|\bfaq\b|\bquestions\sfor\slater\b|\bnon-?goals\b",
    re.IGNORECASE,
)
#: Sections that describe the situation ("## Context", "## Background"): their "must" and
#: "should" state how things are, not what the reader is asked to do.
_CONTEXT_SECTION = re.compile(
    r"^\W*(?:context|background|problem(?:\sstatement)?|motivation|history|current\sstate"
    r"|status\squo|introduction|preamble|decision\sdrivers)\b",
    re.IGNORECASE,
)
#: Sections whose commands describe the proposal ("## Proposal" / "Create a committee ...").
_PROPOSAL_SECTION = re.compile(
    r"\b(?:proposal|proposed\s(?:solution|change|design)|solution|decision|design|approach"
    r"|implementation|detailed\sdesign|alternatives?|consequences|changes)\b",
    re.IGNORECASE,
)
#: "To announce your candidacy, send ...", "When you're done, send ...": a clause before
#: the command.
_PURPOSE_CLAUSE = re.compile(
    r"^(?:(?:in\sorder\s)?to|when|once|after|before|as\ssoon\sas|if|whenever)\s[^,]{1,80},\s",
    re.IGNORECASE,
)
#: "Let's hold off merging": a proposal the readers are asked to act on. Not "let's see".
_LETS = re.compile(
    r"^(?:\W*\w+,\s)?let(?:'s|\u2019s|\sus)\s(?!(?:"
    + vocabulary.alternatives("summary", "rhetorical_lets")
    + r")\b)\w+",
    re.IGNORECASE,
)
#: A pull request's own description: its imperative title describes the change.
_PR_BODY = re.compile(
    r"^\s*(?:this|the\sfollowing)\s(?:pr|pull\srequest|change|patch|commit|diff|mr)\b"
    r"(?!\s(?:in|of|to)\b)"
    r"|^#{1,3}\s*(?:changes|what\sthis\spr\sdoes|description|summary\sof\schanges)\b"
    r"|\b(?:fixes|closes|resolves)\s#\d+"
    # "I have added the missing items", "This updates the docs", "I am proposing to add":
    # the writer reports or offers the change itself.
    r"|(?:^|[.!]\s)\s*(?:i|we)(?:'ve|\u2019ve|\shave)\s(?:now\s|also\s)?(?:added|updated|fixed|removed"
    r"|changed|replaced|moved|renamed|bumped|refactored|implemented|rewritten|reworded|clarified)\b"
    r"|(?:^|[.!]\s)\s*(?:this|it)\s(?:also\s)?(?:updates|adds|fixes|removes|changes|replaces|moves|bumps"
    r"|implements|introduces|clarifies|documents)\b"
    r"|\b(?:i|we)(?:'m|\u2019m|\sam|\sare|'re|\u2019re)\sproposing\sto\s(?:add|change|remove"
    r"|update|replace|move|rename|drop)\b",
    re.IGNORECASE | re.MULTILINE,
)
#: A commit-style title names an area, then the change in lower case: "docs: add the FAQ",
#: "kernelci.org: add a two-week window". It describes a pull request; it asks nothing.
_COMMIT_TITLE = re.compile(r"^#\s+[\w./\-]+(?:\([\w./\-]+\))?!?:\s+[a-z]")
_DIRECTIVE_HINTS = _words("directive_hints")
_DIRECTIVE_HINT = re.compile("|".join(re.escape(h) for h in _DIRECTIVE_HINTS))
_MENTION = re.compile(r"(?<![\w.])@[\w.\-]+|<@\w+>")
_LET_KNOW_EXPLICIT = _set("let_know_explicit")
#: After "please": openings that are politeness, not an ask ("please note", "please see").
_PLEASE_NOT_ASKS = _words("please_not_asks")


@functools.cache
def _matcher(vocab: Vocab) -> PhraseMatcher:
    """Return the phrase matcher; labels ending in ``^`` must open their sentence."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="LOWER")
    for label, shapes in _PHRASES.items():
        free: list[Doc] = []
        opening: list[Doc] = []
        for shape in shapes:
            anchored = shape[0] == ("^",)
            slots = shape[1:] if anchored else shape
            for words in itertools.product(*slots):
                (opening if anchored else free).append(Doc(vocab, words=list(words)))
        if free:
            matcher.add(label, free)
        if opening:
            matcher.add(f"{label}^", opening)
    return matcher


def find_asks(a: Analysis) -> list[Ask]:
    """Return every explicit ask, vague ask and FYI statement, in document order."""
    doc = a.doc
    hits: dict[int, set[str]] = {}
    let_know: dict[int, int] = {}  # sentence start -> token index of "let me know"
    matcher = _matcher(doc.vocab)
    for match_id, start, _end in matcher(doc):
        label = doc.vocab.strings[match_id]
        pos = doc[start].idx
        if _is_name(doc, start, _end):
            continue  # "the Request Approval feature" names a feature; it requests nothing
        sent = a.sentence_at(pos)
        if sent is None:
            continue
        if label.endswith("^"):
            if a.prose[sent.start : pos].strip(" *_"):
                continue  # an "Ask:" label only counts where it opens the sentence
            label = label[:-1]
        if label == "LET_KNOW":
            let_know.setdefault(sent.start, start)
        else:
            hits.setdefault(sent.start, set()).add(label)
    asks: list[Ask] = []
    sections = _section_headings(a)
    change = _describes_change(a)
    first_body = next((i for i, b in enumerate(a.blocks) if b.kind != HEADING), -1)
    for index, sent in enumerate(a.sentences):
        if a.is_quoted(sent.start):
            continue
        block = a.blocks[sent.block]
        raw = a.sentence_text(sent)
        flat = " ".join(raw.split())
        low = flat.lower()
        labels = hits.get(sent.start, _NO_LABELS)
        if _FYI_HINT.search(low) and _FYI.search(flat):
            asks.append(Ask(_shown(a, sent), sent.start, sent.end, kind="fyi"))
            if not _QUESTION_END.search(flat) and not _DIRECT_REQUEST.search(flat):
                continue
        if low.startswith("subject"):
            if _NOT_ASK_SUBJECT.match(flat):
                continue
            subject = SUBJECT_LABEL.match(flat)
            if subject:  # a mail's subject asks as a title does, or with "action needed"
                if "LABEL" in labels or _title_asks(a, sent, flat[subject.end() :]):
                    asks.append(Ask(_shown(a, sent), sent.start, sent.end, kind="action"))
                continue
        if block.kind == HEADING and "LABEL" not in labels:
            if sent.block == 0 and _title_asks(a, sent, flat):
                asks.append(Ask(_shown(a, sent), sent.start, sent.end, kind="action"))
            continue
        if _VAGUE_HINT.search(low):
            core = _trim_edges(low)
            if core and _VAGUE_WITH_TIME.fullmatch(core):
                asks.append(Ask(_shown(a, sent), sent.start, sent.end, vague=True, kind="question"))
                continue
        kind = _explicit_kind(a, index, sent, flat, low, labels, let_know.get(sent.start), sections)
        if kind == "action" and change and sent.block == first_body and "PLEASE" not in labels:
            # A pull request's first paragraph says what it changes, often as a command
            # ("Add a paragraph on the TSC page ..."); a request would name the reader.
            if _is_imperative(a, sent, flat) and not _addresses_reader(a, sent, flat):
                kind = None
        if kind == "vague":
            asks.append(Ask(_shown(a, sent), sent.start, sent.end, vague=True, kind="question"))
        elif kind:
            asks.append(Ask(_shown(a, sent), sent.start, sent.end, kind=kind))
    return asks


def _is_name(doc: Doc, start: int, end: int) -> bool:
    """Return True for a phrase written as a name inside a sentence ("Request Approval")."""
    if end - start < 2 or start == 0 or doc[start].is_sent_start:
        return False
    if doc[start - 1].is_punct or doc[start - 1].is_space:
        return False  # after a colon or a dash the phrase may open a clause of its own
    return all(t.text[:1].isupper() and not t.is_upper for t in doc[start:end])


def _shown(a: Analysis, sent: Sentence) -> str:
    """Return a sentence's text as an ask shows it (built only for the sentences that are)."""
    return " ".join(a.text[sent.start : sent.end].split())[:300]


def _explicit_kind(  # a flat list of ask shapes, each one line
    a: Analysis,
    index: int,
    sent: Sentence,
    flat: str,
    low: str,
    labels: AbstractSet[str],
    let_know: int | None,
    sections: list[str | None],
) -> str | None:
    """Return "action", "question", "vague" or None for one sentence."""
    block = a.blocks[sent.block]
    is_question = "?" in flat and bool(_QUESTION_END.search(flat)) and not _quoted_question(flat)
    # Each pattern is tried only where its words occur (substring tests cost next to nothing).
    if (
        (_PERMISSION_HINT.search(low) and _PERMISSION.search(flat))
        or _TEMPLATE_PROMPT.match(flat)
        or (("not a" in low or "no need" in low) and _NEGATED_REQUEST.search(flat))
    ):
        return None
    if block.kind == TABLE_ROW and is_question:
        return None  # a question in a table cell is data ("runner load?")
    heading = sections[sent.block]
    if is_question and heading is not None and _DESIGN_QUESTIONS.search(heading):
        return None  # "## Unresolved questions" lists the design's open points
    if let_know is not None:
        kind = _let_me_know(a.doc, let_know)
        # "If you still use it, move your jobs and let us know when you're done."
        if kind == "vague" and (_is_imperative(a, sent, flat) or _CONDITIONAL_OBJECT.match(flat)):
            return "action"
        return kind
    strong = labels & {"MODAL_YOU", "NEED", "LABEL", "VOTE"}
    if strong and ("NEED" not in labels or _need_is_ask(low)):
        return "action"
    if "PLEASE" in labels and _please_is_ask(low):
        return "action"
    if is_question:
        if _is_rhetorical(a, index, sent, flat):
            return None
        if _ACTION_MODAL_START.search(flat) or _DECISION_WORDS.search(flat):
            return "action"
        return "question"
    if _DIRECTIVE_HINT.search(low) and _is_directive(flat):
        if heading is not None and _CONTEXT_SECTION.search(heading):
            return None  # an ADR's "## Context": "Teams must keep feedback fast" is background
        return "action"
    if _REQUEST_HINT.search(low) and _FIRST_PERSON_REQUEST.search(flat):
        return "action"
    if "let" in low and _LETS.search(flat):
        return "action"
    if block.kind == TABLE_ROW or a.prose[sent.start : sent.end].rstrip(" x\t").endswith(":"):
        return None  # table cells and "Open PRs on the milestone: <link>" labels
    if _is_imperative(a, sent, flat):
        if heading is not None and _PROPOSAL_SECTION.search(heading) and "PLEASE" not in labels:
            return None  # "## Proposal / Create a committee of five": what is proposed
        listed = block.in_list or _CHAT_BULLET.match(a.text, sent.start) is not None
        if listed and not _list_item_is_ask(a, sent, flat):
            return None
        return "action"
    return None


#: A question that doubts rather than asks: "Do we really need another config flag?"
_DOUBTING = re.compile(r"^(?:do|does|is|are|should|would)\s(?:we|it|this|that)\sreally\b", re.I)
#: "If you have updates to share, please let me know": a condition that names what is
#: wanted makes "let me know" an ask; "if you have any questions" stays an invitation.
_CONDITIONAL_OBJECT = re.compile(
    r"^(?:\W*\w+,\s)?if\s(?:you|anyone|someone|anybody)\s(?:have|has|want|need|plan|are|use|run"
    r"|maintain|own|see|find)\s(?!(?:any\s|other\s|further\s)?(?:questions|concerns|thoughts"
    r"|feedback|comments|issues|objections|problems|ideas|suggestions)\b)",
    re.IGNORECASE,
)
#: A statement of the writer's own plan with a question mark at its end: "I'll run the
#: script every 10 minutes, and turn on the banner because why not?"
_STATEMENT_QUESTION = re.compile(
    r"^(?:i|we)(?:'ll|\u2019ll|\swill|'m|\u2019m|\sam)\s(?![^?]*\byou\b)|\b(?:because|and)\swhy\snot\W*$",
    re.IGNORECASE,
)
#: The writer's own answer right after a yes/no question.
_ANSWERED = re.compile(r"\s*(?:no|nope|yes|yep|not\sreally|probably\snot)\b[,.!]", re.IGNORECASE)


def _section_headings(a: Analysis) -> list[str | None]:
    """Return, for each block, the text of the nearest heading above it (its section's name)."""
    names: list[str | None] = []
    current: str | None = None
    for block in a.blocks:
        names.append(current)
        if block.kind == HEADING:
            current = a.prose[block.start : block.end]
    return names


def _is_directive(flat: str) -> bool:
    """Return True for "Contributors should rebase ...", "you must sign ...".

    "You should ..." alone is advice ("you should be able to see ..."), so a directive to
    "you" needs a stronger modal than "should".
    """
    for m in _DIRECTIVE.finditer(flat):
        said = m.group(0).lower()
        if not (said.startswith("you ") and " should " in said):
            return True
    return False


def _quoted_question(flat: str) -> bool:
    """Return True when the closing "?" sits inside a quotation ('a warning saying "retry?"').

    The question is someone else's words, reported, not one put to the reader.
    """
    body = flat.rstrip(" )\u201d\"'")
    head = body[: body.rfind("?")]
    return head.count('"') % 2 == 1 or head.count("\u201c") > head.count("\u201d")


def _title_asks(a: Analysis, sent: Sentence, flat: str) -> bool:
    """Return True for a title that asks: "Move the sync to Thursday?", "Rotate the keys".

    Only the message's first heading is its title; a question or a command there is put to
    every reader. Section headings ("## Next steps") are labels, not asks.
    """
    if a.blocks[sent.block].level > 1 or len(flat.split()) > 12:
        return False
    if DOC_NUMBER.match(flat).end():  # type: ignore[union-attr]
        # "ADR-012: Use PostgreSQL" states a decision, it asks nothing; nor does a title
        # behind a tag ("[RFC] ...").
        return False
    if _QUESTION_END.search(flat):
        # "How do I set a proxy?" asks; "Travel fund - deadlines and reconciliation?" only
        # names a topic with a question mark after it.
        return bool(_QUESTION_FORM.search(flat))
    # "# Upgrade the runners to Ubuntu 24.04" asks; a pull request's title describes it.
    if _describes_change(a):
        return False
    if re.match(r"(?i)(?:please|pls|kindly)\s\w", flat):
        return True  # "# Please publish arm64 wheels"
    words = flat.split()
    if len(words) < 2 or words[0].lower() not in TITLE_VERBS:
        return False
    second = words[1]
    if second.lower() in TITLE_NOUN_NEXT:
        return False
    # "Release cleanup" and "Review process" are noun compounds; "Use ADRs", "Drop Python
    # 3.8" and "Rotate the keys" command.
    if len(words) == 2 and not (second.endswith("s") or second[:1].isupper()):
        return False
    return second.lower() not in _NOT_IMPERATIVE_NEXT


def _describes_change(a: Analysis) -> bool:
    """Return True when the message is a pull request's description of its own change."""
    return bool(_PR_BODY.search(a.text) or _COMMIT_TITLE.match(a.text))


def _let_me_know(doc: Doc, start: int) -> str:
    """Classify "let me know ..." as "action" or "vague" by what follows it."""
    tokens = doc[start + 3 : start + 9]
    words = [t.lower_ for t in tokens if not t.is_space]
    if not words or words[0] in (".", "!", ",", "?", ":", ")", "x"):
        return "vague"
    first = words[0]
    if first == "if":
        rest = " ".join(words[1:5])
        if re.match(
            r"(?:you|anyone|someone) (?:have|has) (?:any )?(?:questions|concerns|thoughts"
            r"|feedback|comments|issues|objections)",
            rest,
        ) or rest.startswith(("anything", "something", "there", "i missed", "you need")):
            return "vague"
        return "action"
    if first == "what" and " ".join(words[1:3]) in ("you think", "y'all think"):
        after = words[3] if len(words) > 3 else "."
        return "action" if after in ("of", "about", "on", "regarding") else "vague"
    if first == "your" and len(words) > 1 and words[1] in ("thoughts", "feedback", "comments"):
        after = words[2] if len(words) > 2 else "."
        return "action" if after in ("on", "about", "regarding", "by") else "vague"
    if first in _LET_KNOW_EXPLICIT:
        return "action"
    return "vague"


def _please_is_ask(low: str) -> bool:
    """Return False for "please note", "please see attached" and friends."""
    m = re.search(r"\b(?:please|pls|plz|kindly)\b[\s,]*(\w+(?:\s\w+)?)", low)
    if not m:
        return True
    follow = m.group(1)
    return not follow.startswith(_PLEASE_NOT_ASKS)


def _need_is_ask(low: str) -> bool:
    """Return True when a "need ..." phrase asks the reader rather than states a plan."""
    m = re.search(r"(\w+\s)?\b(?:need|needs|needed|require|requires)\s(a|an|one)\s(\S+)", low)
    if m:
        # "We need a second reviewer", "Need a decision": an ask. "The installer needs a
        # second code path": a thing's need, a statement.
        who = (m.group(1) or "").strip()
        if who and who not in _NEEDERS:
            return False
        return m.group(3).strip(".,!?") in _NEED_A
    return not re.search(
        r"\b(?:we|they|it|this|that|he|she)\s(?:will\s)?(?:need|needs)\s(?:a|an"
        r"|to)\b",
        low,
    )


def _is_rhetorical(a: Analysis, index: int, sent: Sentence, flat: str) -> bool:
    """Return True for a question the writer answers themselves, or a section label."""
    nxt = a.sentences[index + 1] if index + 1 < len(a.sentences) else None
    if _DOUBTING.search(flat) or _STATEMENT_QUESTION.search(flat):
        return True  # "Do we really need another flag?", "I'll do it, because why not?"
    if nxt is not None and nxt.block == sent.block and _ANSWERED.match(a.sentence_text(nxt)):
        return True  # "Is anyone still using the bridge? No, ..."
    if not _RHETORICAL_START.match(flat):
        return False
    if nxt is None:
        return False
    if nxt.block == sent.block:
        return not _QUESTION_END.search(a.sentence_text(nxt))
    # A whole-line question followed by a list or paragraph that answers it.
    block = a.blocks[sent.block]
    line_is_question = a.prose[block.start : block.end].strip().endswith("?")
    return line_is_question and len(flat) < 60 and a.blocks[nxt.block].kind != HEADING


def _is_imperative(a: Analysis, sent: Sentence, flat: str) -> bool:
    """Return True when the sentence opens with a command to the reader."""
    purpose = _PURPOSE_CLAUSE.match(flat)
    if purpose:
        flat = flat[purpose.end() :]
    words: list[str] = re.findall(r"@[\w.\-]+|<@\w+>|[\w'’\-]+|[:\-–—=+(]", flat)
    i = 0
    while i < len(words) and (
        words[i].startswith(("@", "<@")) or words[i].lower() in _LEAD_INS or words[i].isdigit()
    ):
        i += 1
    if i >= len(words):
        return False
    verb = words[i].lower()
    if ":" in words[i + 1 : i + 3]:
        return _imperative_after_dash(words[i:])  # "Open points: ...", "Next steps: ..."
    if verb not in IMPERATIVE_VERBS:
        return _imperative_after_dash(words[i:])
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    after = words[i + 2].lower() if i + 2 < len(words) else ""
    if verb == "vote" and nxt in ("+", "-") and after in ("1", "0"):
        return True  # "Vote +1 if you agree"
    if after in _FINITE:
        return False  # "Test evidence is in the record": a noun phrase, then its verb
    if len(words) - i <= 5 and words[-1].lower() in _FINITE:
        return False  # "Call with instructions follows": a short noun phrase and its verb
    if verb in _TITLE_NOUNS and nxt in ("on", "for", "from", "of", "about", "re", "regarding"):
        return False
    if verb in ("do", "don't") and nxt not in ("not", "n't", "merge", "deploy", "push", "forget"):
        # "Don't panic if it doesn't": reassurance, which asks nothing of the reader.
        return verb == "don't" and nxt not in _REASSURANCES
    return nxt not in _NOT_IMPERATIVE_NEXT and nxt != ""


#: "Don't worry", "don't panic", "don't be alarmed": comfort, not a request.
_REASSURANCES = frozenset("worry panic fret be stress freak".split())


def _imperative_after_dash(words: list[str]) -> bool:
    """Return True for "Quick poll for the slot — react by Wed" (a command after a dash).

    Not after a label such as "Proposal:", where the command is the thing proposed.
    """
    if words and words[0].lower() in _STATEMENT_LABELS:
        return False
    for k, word in enumerate(words[:-2]):
        if word in ("\u2014", "\u2013", "-", ":"):
            verb, nxt = words[k + 1].lower(), words[k + 2].lower()
            # "Ward pharmacists: reconcile ...": a short addressee label, then the command.
            addressed = (
                word == ":"
                and k <= 6
                and not any(w.lower() in _STATEMENT_LABELS for w in words[:k])
            )
            after = words[k + 3].lower() if k + 3 < len(words) else ""
            if verb in IMPERATIVE_VERBS and (nxt in _AFTER_DASH_OBJECT or addressed):
                return nxt not in _FINITE and after not in _FINITE
    return False


def _addresses_reader(a: Analysis, sent: Sentence, flat: str) -> bool:
    """Return True when a sentence names its reader: an @mention or "you"."""
    return bool(_MENTION.search(a.text[sent.start : sent.end]) or re.search(r"\byou\b", flat, re.I))


def _list_item_is_ask(a: Analysis, sent: Sentence, flat: str) -> bool:
    """Return True for an imperative list item that names someone or sits under "Asks"."""
    if _addresses_reader(a, sent, flat):
        return True
    block_index = sent.block
    for j in range(block_index - 1, max(block_index - 12, -1), -1):
        prev = a.blocks[j]
        if prev.in_list:
            continue
        label = a.prose[prev.start : prev.end]
        return bool(_ASK_SECTION.search(label))
    return False
