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

from asyncwriter.checks import nlp
from asyncwriter.checks.analysis import HEADING, TABLE_ROW, Analysis, Sentence
from asyncwriter.checks.model import Ask

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_WHO = ["you", "u", "someone", "somebody", "anyone", "anybody", "y'all", "ya", "everyone",
        "folks", "one"]  # fmt: skip
_NEED_OBJECTS = ["your", "you", "someone", "somebody", "approval", "sign-off", "signoff",
                 "reviewers", "help", "input", "volunteers", "feedback", "eyes", "review",
                 "reviews", "decisions", "owners", "answers", "a", "an", "one"]  # fmt: skip
_NEED_A = {"decision", "reviewer", "volunteer", "owner", "answer", "call", "second", "go",
           "yes", "no", "hand", "sign", "review", "quick", "final", "green", "thumbs"}  # fmt: skip
_MODALS = ["can", "could", "would", "will", "can't", "couldn't", "won't", "cannot"]
_FULFILLED = ["in", "submitted", "filed", "approved", "signed", "sent", "entered", "booked",
              "completed", "done", "returned", "uploaded", "reviewed"]  # fmt: skip

#: Token sequences that make an ask, as slots of alternatives; a phrase matches when each
#: token (lower-cased) is one of its slot's words. ``^`` marks a phrase that must open its
#: sentence. They run through one spaCy ``PhraseMatcher`` (hash lookups, no predicates).
_PHRASES: dict[str, list[tuple[list[str], ...]]] = {
    "PLEASE": [(["please", "pls", "plz", "kindly", "pleeease"],)],
    "MODAL_YOU": [
        (_MODALS, _WHO),
        (["ca", "wo"], ["n't"], _WHO),
        (["if"], ["you", "someone", "anyone", "somebody"], ["could", "can", "would"]),
        (["need", "want", "like"], ["you"], ["to"]),
    ],
    "NEED": [
        (["need", "needs", "needed", "require", "requires"], _NEED_OBJECTS),
        (["looking"], ["for"], ["a", "an", "someone", "somebody", "volunteers", "reviewers",
                                "feedback", "input", "help", "eyes", "owners", "approval"]),
        (["would", "'d"], ["appreciate", "love", "like"],
         ["your", "a", "some", "any", "it", "help", "feedback", "input", "eyes", "if"]),
        (["i'd", "we'd"], ["appreciate", "love"],
         ["your", "a", "some", "any", "it", "help", "feedback", "input", "eyes", "if"]),
        (["need", "needs", "must", "should"], ["to"], ["be"], _FULFILLED),
        (["requesting", "request"], ["your", "a", "an", "review", "approval", "sign-off",
                                     "input", "feedback", "for"]),
    ],
    "LABEL": [
        (["^"], ["ask", "asks", "request", "requests", "action", "actions", "todo", "to-do",
                 "decision", "cta", "needed", "need"], [":", "-", "—", "–"]),
        (["action", "decision", "approval", "review", "input", "sign-off", "response",
          "reply", "answer", "help"], ["required", "needed", "requested", "wanted"]),
        (["action"], ["item", "items"], [":"]),
    ],
    "VOTE": [
        (["voting", "poll", "vote", "votes"], ["open", "opens", "closes", "close", "ends", "due"]),
        (["voting", "poll", "vote", "votes"], ["is", "are", "now", "will"],
         ["open", "opens", "closes", "close", "ends", "due"]),
        (["cast", "add", "leave", "drop"], ["your"], ["vote", "votes"]),
        (["react"], ["with"]),
        (["^"], ["poll", "survey"]),
        (["quick"], ["poll", "survey", "vote"]),
    ],
    "LET_KNOW": [(["let"], ["me", "us"], ["know"])],
}  # fmt: skip

#: Base-form verbs that open an imperative ask ("Review the plan", "@sam merge it").
IMPERATIVE_VERBS = frozenset(
    """approve review vote reply respond confirm sign comment check take look add update send
    share merge deploy fill submit join read test try verify pick choose decide make ensure
    hold stop pause avoid remember ping reach schedule book register complete file open close
    assign triage drop leave give tell grant ack acknowledge upvote rsvp accept decline fix
    rerun run restart rollback revert upgrade migrate install rotate move delete remove archive
    create prepare bring save mark ship go help weigh chime flag raise escalate own follow put
    write draft document record post email call loop reserve keep use switch stay block clear
    pull push rebase unblock rename lock freeze cancel rollback roll respond answer sync
    double-check patch release tag label backport cherry-pick publish announce invite
    resolve finish start do don't""".split()
)
#: Words after a would-be imperative that show it was a noun or a statement instead.
_NOT_IMPERATIVE_NEXT = frozenset(
    """: is are was were has have had will went looks looked seems seemed got came shows showed
    passed failed - – — 's ’s = + ( team teams meeting notes results result went status
    process plan plans went date dates time times window of""".split()
)
_LEAD_INS = frozenset(
    """also and so then ok okay btw pls please quick one last finally but oh hey hi folks
    team all everyone y'all guys, , - – — : a couple of things""".split()
)

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
_FYI_HINTS = ("fyi", "f.y.i", "for your", "awareness", "visibility", "no action", "nothing",
              "no need", "no response", "no repl", "no ack", "heads", "psa", "just sharing",
              "just letting", "sharing", "informational", "for info")  # fmt: skip


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
_DECISION_WORDS = re.compile(
    r"\b(?:approve|approval|ok(?:ay)? (?:to|with)|good to|go ahead|sign[- ]off|agree|objections?"
    r"|prefer|option|vote|decide|decision|green[- ]?light|go/no-go|ship|merge|roll ?back|proceed"
    r"|review|take|own|cover|join|volunteer|help|can you|could you|would you|will you)\b",
    re.IGNORECASE,
)
_ACTION_MODAL_START = re.compile(
    r"^(?:@[\w.\-]+[\s,]*)*(?:can|could|would|will|should|shall|may|mind|is it ok|are we ok|"
    r"ok to|okay to|any objections?)\b",
    re.IGNORECASE,
)
_RHETORICAL_START = re.compile(r"^(?:why|what|how|who|where|when)\b", re.IGNORECASE)
_ASK_SECTION = re.compile(
    r"\b(?:asks?|requests?|action items?|actions?|to ?dos?|what i need|what we need|"
    r"need from you|help wanted|next steps for you|for you)\b",
    re.IGNORECASE,
)
_DIRECT_REQUEST = re.compile(
    r"\b(?:please|pls|can you|could you|would you|will you|need you|let me know)\b", re.I
)
#: Chat bullets (and emoji-led poll options) that are not Markdown lists but read as items.
_CHAT_BULLET = re.compile(
    r"[\u2022\u25e6\u25aa\u2023\u2043\u2013\u2014\u00b7\U0001F300-\U0001FAFF\u2600-\u27BF]"
)
#: Nouns often used as titles: "Update on X", "Review of Y" are not commands.
_TITLE_NOUNS = frozenset(
    "update review release call test check plan record draft post document "
    "report sync follow file".split()
)
_FINITE = frozenset("is are was were has have had will went looks seems shows".split())
_STATEMENT_LABELS = frozenset(
    "proposal idea plan option suggestion recommendation decision context background goal "
    "goals summary tl;dr tldr status update why what problem fix cause impact timeline next "
    "done".split()
)
#: Words that follow a real imperative after a dash or colon ("— react by Wed").
_AFTER_DASH_OBJECT = frozenset(
    "the a an your this that these those it them by with to on in for "
    "all any my our his her their".split()
)
#: "All staff must submit ...", "every site needs to return ...": a directive to readers.
_DIRECTIVE = re.compile(
    r"\b(?:you|everyone|everybody|all\s[\w-]+|each\s[\w-]+|every\s[\w-]+|staff|teams|members"
    r"|leads|owners|reviewers|managers|engineers|colleagues|contributors|participants)"
    r"\s(?:[\w-]+\s){0,5}?(?:must|need\sto|needs\sto|have\sto|has\sto|are\srequired\sto"
    r"|is\srequired\sto)\s(?!be\saware)\w+",
    re.IGNORECASE,
)
_DIRECTIVE_HINTS = ("must", "need to", "needs to", "have to", "has to", "required to")
_MENTION = re.compile(r"(?<![\w.])@[\w.\-]+|<@\w+>")
_LET_KNOW_EXPLICIT = frozenset("whether which when who how by where asap if your what".split())


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
            anchored = shape[0] == ["^"]
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
    tagged = nlp.has_tagger(nlp.load())
    asks: list[Ask] = []
    for index, sent in enumerate(a.sentences):
        if a.is_quoted(sent.start):
            continue
        block = a.blocks[sent.block]
        raw = a.sentence_text(sent)
        flat = " ".join(raw.split())
        low = flat.lower()
        shown = " ".join(a.text[sent.start : sent.end].split())[:300]
        labels = hits.get(sent.start, set())
        if any(hint in low for hint in _FYI_HINTS) and _FYI.search(flat):
            asks.append(Ask(shown, sent.start, sent.end, kind="fyi"))
            if not _QUESTION_END.search(flat) and not _DIRECT_REQUEST.search(flat):
                continue
        core = _trim_edges(low)
        if block.kind == HEADING and "LABEL" not in labels:
            continue
        if core and _VAGUE_WITH_TIME.fullmatch(core):
            asks.append(Ask(shown, sent.start, sent.end, vague=True, kind="question"))
            continue
        kind = _explicit_kind(a, index, sent, flat, low, labels, let_know.get(sent.start), tagged)
        if kind == "vague":
            asks.append(Ask(shown, sent.start, sent.end, vague=True, kind="question"))
        elif kind:
            asks.append(Ask(shown, sent.start, sent.end, kind=kind))
    return asks


def _explicit_kind(  # noqa: C901 - a flat list of ask shapes, each one line
    a: Analysis,
    index: int,
    sent: Sentence,
    flat: str,
    low: str,
    labels: set[str],
    let_know: int | None,
    tagged: bool,
) -> str | None:
    """Return "action", "question", "vague" or None for one sentence."""
    block = a.blocks[sent.block]
    is_question = bool(_QUESTION_END.search(flat))
    if let_know is not None:
        return _let_me_know(a.doc, let_know)
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
    if any(word in low for word in _DIRECTIVE_HINTS) and _DIRECTIVE.search(flat):
        return "action"
    if block.kind == TABLE_ROW or a.prose[sent.start : sent.end].rstrip(" x\t").endswith(":"):
        return None  # table cells and "Open PRs on the milestone: <link>" labels
    if _is_imperative(a, sent, flat, tagged):
        listed = block.in_list or _CHAT_BULLET.match(a.text, sent.start) is not None
        if listed and not _list_item_is_ask(a, sent, flat):
            return None
        return "action"
    return None


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
    return not follow.startswith(
        ("note", "find", "see", "be aware", "feel free", "enjoy", "welcome", "excuse",
         "forgive", "bear", "ignore", "disregard", "don't hesitate", "do not hesitate",
         "let me know if you have", "let us know if you have", "reach out if")
    )  # fmt: skip


def _need_is_ask(low: str) -> bool:
    """Return True when a "need ..." phrase asks the reader rather than states a plan."""
    m = re.search(r"\b(?:need|needs|needed|require|requires)\s(a|an|one)\s(\S+)", low)
    if m:
        return m.group(2).strip(".,!?") in _NEED_A
    return not re.search(
        r"\b(?:we|they|it|this|that|he|she)\s(?:will\s)?(?:need|needs)\s(?:a|an"
        r"|to)\b",
        low,
    )


def _is_rhetorical(a: Analysis, index: int, sent: Sentence, flat: str) -> bool:
    """Return True for a question the writer answers themselves, or a section label."""
    if not _RHETORICAL_START.match(flat):
        return False
    nxt = a.sentences[index + 1] if index + 1 < len(a.sentences) else None
    if nxt is None:
        return False
    if nxt.block == sent.block:
        return not _QUESTION_END.search(a.sentence_text(nxt))
    # A whole-line question followed by a list or paragraph that answers it.
    block = a.blocks[sent.block]
    line_is_question = a.prose[block.start : block.end].strip().endswith("?")
    return line_is_question and len(flat) < 60 and a.blocks[nxt.block].kind != HEADING


def _is_imperative(a: Analysis, sent: Sentence, flat: str, tagged: bool) -> bool:
    """Return True when the sentence opens with a command to the reader."""
    words = re.findall(r"@[\w.\-]+|<@\w+>|[\w'’\-]+|[:\-–—=+(]", flat)
    i = 0
    while i < len(words) and (words[i].startswith(("@", "<@")) or words[i].lower() in _LEAD_INS):
        i += 1
    if i >= len(words):
        return False
    verb = words[i].lower()
    if tagged:
        span = a.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None:
            content = [
                t for t in span if not t.is_space and not t.is_punct and not t.text.startswith("@")
            ]
            if content and content[0].tag_ == "VB":
                nxt = words[i + 1].lower() if i + 1 < len(words) else ""
                return nxt not in _NOT_IMPERATIVE_NEXT
    if verb not in IMPERATIVE_VERBS:
        return _imperative_after_dash(words[i:])
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    after = words[i + 2].lower() if i + 2 < len(words) else ""
    if after in _FINITE:
        return False  # "Test evidence is in the record": a noun phrase, then its verb
    if verb in _TITLE_NOUNS and nxt in ("on", "for", "from", "of", "about", "re", "regarding"):
        return False
    if verb in ("do", "don't") and nxt not in ("not", "n't", "merge", "deploy", "push", "forget"):
        return verb == "don't"
    return nxt not in _NOT_IMPERATIVE_NEXT and nxt != ""


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


def _list_item_is_ask(a: Analysis, sent: Sentence, flat: str) -> bool:
    """Return True for an imperative list item that names someone or sits under "Asks"."""
    if _MENTION.search(a.text[sent.start : sent.end]) or re.search(r"\byou\b", flat, re.I):
        return True
    block_index = sent.block
    for j in range(block_index - 1, max(block_index - 12, -1), -1):
        prev = a.blocks[j]
        if prev.in_list:
            continue
        label = a.prose[prev.start : prev.end]
        return bool(_ASK_SECTION.search(label))
    return False
