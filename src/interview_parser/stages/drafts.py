"""Drafts stage: earlier versions of a question standing before its answer.

Reads the question turns the turns stage built, between two answers. Decides: a moderator's
hand-over (a questioner turn that asks nothing, followed by another speaker's question) is
not part of the question; of consecutive question paragraphs that say nearly the same thing
(a revised wording or an exact repeat), all but the last are drafts. Paragraphs that say
different things (context then question, a genuine two-part question) stay one question.
Comparison is bounded to one question's paragraphs, so the stage is linear in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ..blocks import Block, State, TurnDraft
from ..lexicon import FOLD_ODD, MODERATOR_WORDS, STOPWORDS, ends_asking, has_question_mark
from ..records import Bucket
from .labels import speaker_key

_TOKEN = re.compile(r"\w+")
DRAFT_SIMILARITY = 0.5
_MIN_SHARED = 3


def similarity(a: str, b: str) -> float:
    """How far two paragraphs say the same thing, from 0 to 1.

    The larger of: Dice over word bigrams (rewordings keep phrases), and the overlap
    coefficient of content words (a revision keeps the nouns and verbs even when it
    rewrites the phrasing). A two-part question shares few content words, so it stays low.
    """
    wa, wb = words_of(a), words_of(b)
    if wa.tokens == wb.tokens:
        return 1.0
    return max(_dice(wa, wb), _overlap(wa.content, wb.content))


class Words:
    """A paragraph read once for comparisons: its words in order, its content words, and
    (when a comparison needs them) its distinct bigrams."""

    __slots__ = ("_bigrams", "content", "tokens")

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.content = {w for w in tokens if w not in STOPWORDS and len(w) > 2}
        self._bigrams: set[tuple[str, str]] | None = None

    @property
    def bigrams(self) -> set[tuple[str, str]]:
        if self._bigrams is None:
            self._bigrams = set(pairwise(self.tokens))
        return self._bigrams


def words_of(text: str) -> Words:
    return Words(_TOKEN.findall(text.lower()))


def similar(a: Words, b: Words) -> bool:
    """``similarity(a, b) >= DRAFT_SIMILARITY``, the bigrams counted only when the content
    words do not settle it and the shorter paragraph could share enough of them."""
    if a.tokens == b.tokens or _overlap(a.content, b.content) >= DRAFT_SIMILARITY:
        return True
    total = max(0, len(a.tokens) - 1) + max(0, len(b.tokens) - 1)
    # At most every bigram of the shorter paragraph is shared.
    if not total or 2 * min(max(0, len(a.tokens) - 1), max(0, len(b.tokens) - 1)) / total < DRAFT_SIMILARITY:
        return False
    return _dice(a, b) >= DRAFT_SIMILARITY


def _dice(a: Words, b: Words) -> float:
    total = max(0, len(a.tokens) - 1) + max(0, len(b.tokens) - 1)
    common = a.bigrams & b.bigrams
    if not common:
        return 0.0
    if len(a.bigrams) + len(b.bigrams) == total:  # no repeated bigram: sets count as multisets
        shared = len(common)
    else:
        ca, cb = Counter(pairwise(a.tokens)), Counter(pairwise(b.tokens))
        shared = sum(min(ca[k], cb[k]) for k in common)
    return 2 * shared / total


def _overlap(ca: set[str], cb: set[str]) -> float:
    shared = len(ca & cb)
    smaller = min(len(ca), len(cb))
    # Short questions have few content words; all of them shared is enough.
    return shared / smaller if smaller and shared >= min(_MIN_SHARED, smaller) else 0.0


def _asks(turn: TurnDraft) -> bool:
    for b in turn.blocks:
        text = b.text
        if "?" in text or (not text.isascii() and has_question_mark(text)):
            return True
    return False


def run(state: State) -> None:
    merged: list[TurnDraft] = []
    group: list[TurnDraft] = []
    # Who holds each question turn, and whether they are a moderator: computed once.
    who = {id(t): _who(t) for t in state.turns if t.side == "q"}
    moderating = {key for key, name in who.items() if _is_moderator(name, state)}
    # A moderator who asks most of the questions is the interviewer; one who mostly hands
    # over to others (a briefing, a press conference) asks nothing that counts.
    asking = [t for t in state.turns if t.side == "q" and _asks(t)]
    by_moderator = sum(1 for t in asking if id(t) in moderating)
    others_ask = len(asking) - by_moderator > by_moderator
    # The host's last turn, when it thanks the guest, is the sign-off, not a hand-over.
    last_q = next((t for t in reversed(state.turns) if t.side == "q"), None)
    sign_off = (
        id(last_q)
        if last_q is not None and _THANKS.search(_text(last_q.blocks)) and not _asks(last_q)
        else None
    )
    for turn in [*state.turns, None]:
        if turn is not None and turn.side == "q":
            group.append(turn)
            continue
        if group:
            # A sponsor read between the turns belongs to nobody's question.
            for t in [t for t in group if _is_sponsor(t)] if len(group) > 1 else []:
                group.remove(t)
                for b in t.blocks:
                    b.mark(Bucket.CHROME, "sponsor")
            # The host's opening monologue before the first question is intro.
            while not merged and len(group) > 1 and not _asks(group[0]) and _asks(group[-1]):
                for b in group.pop(0).blocks:
                    b.mark(Bucket.INTRO, "host-intro")
            if not merged and group and asking and _greeting(group, turn):
                # "Welcome ... Oskar, thanks for joining." / "Thanks for having me.": the
                # show's greeting, before its first question, is intro on both sides.
                for t in group:
                    for b in t.blocks:
                        b.mark(Bucket.INTRO, "host-intro")
                group = []
        if group:
            # A moderator opening or handing over starts no exchange and joins no question.
            kept = [t for t in group if id(t) not in moderating or (_asks(t) and not others_ask)]
            if (
                turn is not None
                and turn is state.turns[-1]
                and id(group[-1]) == sign_off
                and sign_off in moderating
                and len(_text(turn.blocks).split()) <= _SIGN_OFF_WORDS
            ):
                # The host thanks the guest, the guest thanks back: the show's ending.
                for t in (*group[-1:], turn):
                    for b in t.blocks:
                        b.mark(Bucket.UNCLASSIFIED, "closing-thanks")
                group = group[:-1]
                kept = [t for t in kept if t in group]
                turn = None
            if len(kept) < len(group):
                for t in group:
                    if t not in kept:
                        for b in t.blocks:
                            b.mark(Bucket.UNCLASSIFIED, "handover")
            if kept:
                merged.append(_resolve(kept, who))
            group = []
        if turn is None:
            continue
        if merged and merged[-1].side == "a":
            merged[-1].blocks.extend(turn.blocks)
        elif not merged:
            for b in turn.blocks:
                b.mark(Bucket.INTRO, "opening-statement")
        else:
            merged.append(turn)
    _closing_thanks(merged)
    state.turns = merged


_SPONSOR = re.compile(
    r"\b(?:brought to you by|sponsored by|this (?:episode|show|podcast) is (?:sponsored|supported)|"
    r"thanks to our sponsors?|our sponsors? (?:this week|today)|a word from our sponsors?)\b",
    re.I,
)
_THANKS = re.compile(r"\b(?:thank you|thanks|thank u|merci|danke|gracias|grazie|obrigad[oa])\b", re.I)
_SIGN_OFF_WORDS = 25


_GREETING = re.compile(
    r"\b(?:welcome|thanks? (?:you )?(?:so much )?for (?:joining|coming|being|making the time|taking the time)"
    r"|(?:good|great|nice) to "
    r"(?:have|see) you|joining (?:me|us)|with me (?:today|this week|now)|my guests? (?:today|this week))\b",
    re.I,
)
_GREETING_REPLY_WORDS = 40
# Questions that greet rather than ask: the roll call of a panel show.
_PHATIC = re.compile(
    r"\b(?:what'?s up|how are you(?: doing)?|how(?:'s| is) it going|how have you been|how are things)\b",
    re.I,
)
_LAST_SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def _greeting(group: list[TurnDraft], reply: TurnDraft | None) -> bool:
    """A named host's opening turns that end on a greeting, not a question ("... Andrew,
    welcome back to the show." after a monologue; "Nick is here. What's up, Nick?" in a
    roll call), and a short reply."""
    if reply is None or reply.side != "a" or any(not t.speaker for t in group):
        return False
    if len(_text(reply.blocks).split()) > _GREETING_REPLY_WORDS:
        return False
    for t in group:
        text = _text(t.blocks)
        last = _LAST_SENTENCE.split(text.rstrip())[-1]
        if ends_asking(text) and not _PHATIC.search(last):
            return False
    return any(_GREETING.search(_text(t.blocks)) or _PHATIC.search(_text(t.blocks)) for t in group)


# Every sponsor phrase holds one of these, once lowered (FOLD_ODD letters aside).
_SPONSOR_WORDS = ("sponsor", "brought to you by", "supported")


def may_be_sponsor(text: str) -> bool:
    """Whether a text may hold a sponsor phrase: a few substring tests before the pattern."""
    low = text.lower()
    return any(w in low for w in _SPONSOR_WORDS) or any(ch in text for ch in FOLD_ODD)


def _is_sponsor(turn: TurnDraft) -> bool:
    if _asks(turn):
        return False
    text = _text(turn.blocks)
    return may_be_sponsor(text) and _SPONSOR.search(text) is not None


def _closing_thanks(turns: list[TurnDraft]) -> None:
    """ "Theo, thank you so much for coming on." / "Thanks for having me.": a sign-off that
    asks nothing, after the last real answer, is no exchange."""
    while len(turns) >= 4 and turns[-2].side == "q" and turns[-1].side == "a":
        question, answer = _text(turns[-2].blocks), _text(turns[-1].blocks)
        # A briefing's bare "Q  Thank you." is transcribed as an exchange like any other;
        # a host's named sign-off to the guest is the show's ending.
        if (
            not turns[-2].speaker
            or _asks(turns[-2])
            or len(question.split()) > _SIGN_OFF_WORDS
            or len(answer.split()) > _SIGN_OFF_WORDS
        ):
            return
        if not (_THANKS.search(question) or _THANKS.search(answer)):
            return
        for t in turns[-2:]:
            for b in [*t.blocks, *(b for d in t.drafts for b in d)]:
                b.mark(Bucket.UNCLASSIFIED, "closing-thanks")
        del turns[-2:]


def _is_moderator(who: str, state: State) -> bool:
    if who.lower() in MODERATOR_WORDS:
        return True
    return bool(state.moderators) and bool(who) and speaker_key(who) in state.moderators


def _resolve(group: list[TurnDraft], who: dict[int, str]) -> TurnDraft:
    """One question from the questioner turns that stand between two answers."""
    if len(group) == 1 and group[0].blocks[0].para == group[0].blocks[-1].para:
        return group[0]  # one paragraph: nothing to compare (the common case)
    last_speaker = who[id(group[-1])]
    kept: list[TurnDraft] = []
    for turn in group[:-1]:
        if who[id(turn)] != last_speaker and not _asks(turn):
            for b in turn.blocks:
                b.mark(Bucket.UNCLASSIFIED, "handover")
        else:
            kept.append(turn)
    kept.append(group[-1])
    drafts: list[list[Block]] = []
    # A question of several paragraphs (context, then the question) printed twice: the
    # earlier whole turn is one draft, which paragraph by paragraph would look unrelated.
    whole: list[TurnDraft] = []
    for turn in kept:
        if whole and _several_paragraphs(whole[-1], turn) and _turn_similarity(whole[-1], turn):
            drafts.append(whole.pop().blocks)
        whole.append(turn)
    question = TurnDraft(
        side="q",
        blocks=[b for t in whole for b in t.blocks],
        speaker=kept[-1].speaker,
        label=whole[0].label,
    )
    # Compared piece by piece: a paragraph, or a turn, whichever is smaller (a paste without
    # blank lines holds several labelled turns in one paragraph).
    paragraphs = [para for turn in whole for para in turn.paragraphs()]
    current: list[list[Block]] = []
    previous: Words | None = None  # the words of current[-1], the paragraph before
    for para in paragraphs:
        words = words_of(_text(para)) if len(paragraphs) > 1 else None
        if current and previous is not None and words is not None and similar(previous, words):
            drafts.extend(current[-1:])
            current = current[:-1]
        current.append(para)
        previous = words
    # A draft is only a draft if something canonical follows it.
    question.blocks = [b for p in current for b in p]
    question.drafts = drafts
    for para in drafts:
        for b in para:
            b.mark(Bucket.DRAFT, "revised-question")
    return question


def _several_paragraphs(a: TurnDraft, b: TurnDraft) -> bool:
    return a.blocks[0].para != a.blocks[-1].para or b.blocks[0].para != b.blocks[-1].para


def _turn_similarity(a: TurnDraft, b: TurnDraft) -> bool:
    return similar(words_of(_text(a.blocks)), words_of(_text(b.blocks)))


def _text(para: list[Block]) -> str:
    return " ".join(b.body or b.text for b in para)


def _who(turn: TurnDraft) -> str:
    """Who holds a turn: the speaker, else the label word (``Q``, ``INTERVIEWER``)."""
    return (turn.speaker or turn.label or "").strip(" .:)-–—*").upper()
