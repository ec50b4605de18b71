"""Verdict stage: is this page an interview at all?

Reads the turns the earlier stages built and weighs evidence that interviews share and
other pages lack: labels that recur and alternate, questions that address someone
("you"), answers in the first person, a page that calls itself an interview; against
the marks of look-alikes: questions set as section headings (guides, FAQs), quoted
dialogue (fiction, news copy), one-off ``Term:`` lead-ins (specs, glossaries), lone
question headlines. The evidence is combined by a logistic model whose weights were
fitted on invented fixtures and staged real pages (see ``docs/architecture.md``).

Below ``ParseOptions.min_interview_score`` the page has no exchanges: every turn block
goes back to the ledger with rule ``not-an-interview`` (the candidate questions stay
visible there) and a ``not-an-interview`` diagnostic says why.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter

import attrs

from ..blocks import State, TurnDraft, pair_turns
from ..lexicon import (
    ASKING_WORDS,
    FAQ_CUES,
    FIRST_PERSON_WORDS,
    INTERVIEW_CUES,
    SECOND_PERSON_WORDS,
    SINGULAR_WORDS,
    STOPWORDS,
)
from ..records import Bucket, Diagnostic
from .labels import key_for
from .turns import CJK_CHARS, is_prose, text_width

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTE_OPEN = frozenset("\"“”„«‘'‹「『")
_DIALOGUE = re.compile(r"[”\"»』」],?\s+(?:said|asked|says|asks|replied|whispered|shouted)\b", re.I)
_LABELLED = frozenset({"letter", "word", "speaker"})
_LONG_QUESTION = 300
_LONG_ANSWER = 3000
_TERSE_ANSWER = 40
_MINOR_SHARE = 0.15  # turns holding less of the page than this are a sidebar, not the page


@attrs.frozen(kw_only=True)
class Evidence:
    """What the verdict weighed, each a share in [0, 1] unless it says otherwise."""

    pairs: int  # question turns answered by the next turn
    labelled: float  # 1 when labels carry the turns (Q:/A:, speaker names, Question:)
    explicit: bool  # Q:/A: letters or label words (Question:, Antwort:) carry the turns
    recurring: float  # share of labelled turns whose speaker label is seen at least twice
    markup: float  # 1 when the markup's own question/answer classes carry the turns
    emphasis: float  # 1 when whole bold or italic paragraphs ask, alternating with answers
    asks_you: float  # questions addressing someone
    first_person: float  # answers speaking as I / we
    quoted: float  # questions that are quoted dialogue or open with a quotation mark
    headings: float  # questions set as section headings or in Title Case, not answered as "I"
    repeated: float  # questions that are the page's title, or a reply's subject ("Re: ...")
    readers: float  # questions a reader asks ("How do I ...?": I or my, no you)
    long_questions: float  # questions over 300 characters
    long_answers: float  # answers over 3,000 characters (whole article sections)
    fragments: float  # unlabelled questions that ask with no question word and address no
    # one ("Nerves?", "A Borrowed Habit?"): a writer's subheads, not a person's questions
    plain: float  # questions of an HTML page that the markup does not set apart (no label,
    # no emphasis, no heading, no question class): bare "?" sentences of prose
    askers: float  # pairs with an "Asked by ... / Answered by ..." line: a shop's or a
    # forum's community questions, each from another reader, not one conversation
    cue: float  # 1 when the title or the page's opening calls it an interview
    faq: float  # 1 when it calls itself an FAQ ("Frequently asked questions", "Q&A" is not)
    declared_faq: float  # 1 when its metadata does (a schema.org FAQPage or QAPage): weaker,
    # as SEO plugins offer their FAQ block for any list of questions
    to_reader: float  # answers that address "you" and never speak as "I": a help text
    silent: float  # 1 when no label carries the turns, and in a language the lexicon reads no
    # question addresses anyone and no answer speaks as I or we: an explainer's subheads
    share: float  # share of the page's text in turns
    median_answer: float  # characters of an answer's first paragraph; one-liners are jokes or chat

    def features(self) -> dict[str, float]:
        """The model's inputs, by name (``_WEIGHTS`` holds one weight per name)."""
        return {
            "pairs (log)": math.log1p(self.pairs),
            "one unlabelled pair": 1.0 if self.pairs == 1 and not self.labelled else 0.0,
            "labelled": self.labelled,
            "recurring labels carry the page": self.labelled * self.recurring * self.share,
            "one-off labels": self.labelled * (1.0 - self.recurring),
            "markup classes": self.markup,
            "emphasis": self.emphasis,
            "asks you": self.asks_you,
            "answers as I or we": self.first_person,
            "quoted dialogue": self.quoted,
            "headline questions": self.headings,
            "repeated questions": self.repeated,
            "reader questions": self.readers,
            "long questions": self.long_questions,
            "whole-section answers": self.long_answers,
            "bare questions in HTML": self.plain,
            "headline fragments": self.fragments,
            "community questions": self.askers,
            "calls itself an interview": self.cue,
            "calls itself an FAQ": self.faq,
            "declares itself an FAQ": self.declared_faq,
            "answers address the reader": self.to_reader,
            "nobody speaks": self.silent,
            "share in turns": self.share,
            "a sidebar's share": 1.0 if self.share < _MINOR_SHARE else 0.0,
            "one-liner answers": (
                1.0 if self.pairs > 1 and self.median_answer < _TERSE_ANSWER and not self.explicit else 0.0
            ),
        }


# Set by hand, guided by an L2 logistic fit over the same features (docs/architecture.md).
_WEIGHTS: dict[str, float] = {
    "pairs (log)": 1.2,
    "one unlabelled pair": -1.5,
    "labelled": 0.5,
    "recurring labels carry the page": 4.0,
    "one-off labels": -2.5,
    "markup classes": 2.0,
    "emphasis": 1.0,
    "asks you": 2.0,
    "answers as I or we": 2.0,
    "quoted dialogue": -4.0,
    "headline questions": -2.0,
    "repeated questions": -3.0,
    "reader questions": -2.0,
    "long questions": -1.5,
    "whole-section answers": -2.0,
    "bare questions in HTML": -2.0,
    "headline fragments": -3.0,
    "community questions": -4.0,
    "calls itself an interview": 2.0,
    "calls itself an FAQ": -3.0,
    "declares itself an FAQ": -2.0,
    "answers address the reader": -2.5,
    "nobody speaks": -2.5,
    "share in turns": 1.0,
    "a sidebar's share": -2.0,
    "one-liner answers": -3.0,
}
_INTERCEPT = -3.0


def score(evidence: Evidence) -> float:
    """The probability-like interview score of a page, in [0, 1]."""
    if evidence.pairs == 0:
        return 0.0
    z = _INTERCEPT + sum(_WEIGHTS[name] * x for name, x in evidence.features().items())
    return 1.0 / (1.0 + math.exp(-z))


_PERSON_SAMPLE = 300  # characters of a turn: who speaks to whom shows in its opening


_SAMPLE_PAIRS = 12  # shares over a dozen pairs spread across the page say what all would


# _WORD for text whose ’ became ': a literal apostrophe, not a class, scans a third faster.
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


# A run of letters and apostrophes: the word a sample's cut falls in is read to its end
# ("you|ng" is "young", not "you").
_RUN = re.compile(r"(?:[^\W\d_]|')+")


def _words(text: str) -> set[str]:
    low = text[: 2 * _PERSON_SAMPLE].lower().replace("’", "'")
    cut = _PERSON_SAMPLE
    if len(low) > cut and (run := _RUN.match(low, cut - 1)):
        cut = run.end()
    return set(_PLAIN_WORD.findall(low, 0, cut))


def _text(turn: TurnDraft) -> str:
    """The turn's opening words (enough for person and length tests, cheap on long turns)."""
    out: list[str] = []
    size = 0
    for b in turn.blocks:
        piece = b.body or b.text
        out.append(piece)
        size += len(piece)
        if size > _PERSON_SAMPLE:
            break
    return " ".join(out)


def _title_case(text: str) -> bool:
    """A headline ("Hard Habit to Break?"), not a sentence a person asks."""
    words: list[str] = []
    for found in _WORD.finditer(text):  # a long question is settled by its ninth word
        words.append(found.group())
        if len(words) > 8:
            return False
    if len(words) < 2:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals >= 0.6 * len(words)


_REPLY = re.compile(r"^(?:re|aw|sv|antw)\s*:\s*", re.I)


def _repeated(questions: list[str], title: str | None) -> float:
    """Forum threads repeat their subject on every post ("Re: ..."), the page title; an
    interview's questions are its own (a short "Why?" may come twice, so repeats among
    the questions alone do not count)."""
    head = " ".join(_REPLY.sub("", title or "").lower().split())
    return _share(
        [bool(_REPLY.match(q)) or (bool(head) and " ".join(q.lower().split()) == head) for q in questions]
    )


def _plain(turn: TurnDraft) -> bool:
    return not any(
        b.label
        or b.hints.bold
        or b.hints.italic
        or b.hints.heading
        or b.hints.qa
        or b.hints.term
        or b.rule == "question-class"
        for b in turn.blocks
    )


def _fragment(words: set[str], text: str) -> bool:
    """No question word, no one addressed (scripts without spaces are not judged)."""
    if not text.isascii() and CJK_CHARS.search(text):
        return False
    return words.isdisjoint(ASKING_WORDS) and words.isdisjoint(SECOND_PERSON_WORDS)


def _share(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def gather(state: State) -> Evidence:
    """The evidence of one parsed page (reads the turns, changes nothing)."""
    all_pairs = [(q, a) for q, a in pair_turns(state.turns) if a is not None]
    step = max(1, len(all_pairs) // _SAMPLE_PAIRS)
    pairs = all_pairs[::step]
    questions = [q for q, _ in pairs]
    answers = [a for _, a in pairs]
    convention = state.meta.convention
    who = [key_for(state, t.speaker) if t.speaker else t.label for t in state.turns if t.label]
    seen = Counter(who)
    # Q/A letters and label words are a convention by themselves; names must recur.
    explicit = convention in ("letter", "word")
    recurring = 1.0 if explicit else _share([seen[k] >= 2 for k in who])
    q_all = [_text(q) for q in questions]
    a_all = [_text(a) for a in answers]
    q_words = [_words(t) for t in q_all]
    a_words = [_words(t) for t in a_all]
    q_you = [not w.isdisjoint(SECOND_PERSON_WORDS) for w in q_words]
    q_me = [not w.isdisjoint(SINGULAR_WORDS) for w in q_words]
    a_me = [not w.isdisjoint(SINGULAR_WORDS) for w in a_words]
    a_we = [not w.isdisjoint(FIRST_PERSON_WORDS) for w in a_words]
    q_text = [" ".join(b.body or b.text for b in q.blocks) for q in questions]
    # Furniture the markup names (related links, menus) is no part of the page's text.
    total = askers = 0
    for b in state.blocks:  # one pass over the page for the two features that read it all
        text = b.text
        if b.hints.chrome is None:
            total += len(text)
        if names_asker(text):
            askers += 1
    total = total or 1
    in_turns = sum(len(b.text) for t in state.turns for b in t.blocks)
    # The page's own words before the first question: its title, headings and intro.
    opening: list[str] = []
    for b in state.blocks:
        if b.side == "q" or len(opening) >= 8:
            break
        if b.kind is Bucket.INTRO or b.rule == "header-line" or (b.hints.heading and not b.hints.chrome):
            opening.append(b.text)
    head = " ".join([state.meta.title or "", *opening]).lower()
    return Evidence(
        pairs=len(all_pairs),
        labelled=1.0 if convention in _LABELLED and who else 0.0,
        explicit=explicit,
        recurring=recurring,
        markup=1.0 if convention in ("markup-class", "question-class") else 0.0,
        emphasis=1.0 if convention == "emphasis-paragraph" else 0.0,
        asks_you=_share(q_you),
        first_person=_share(a_we),
        quoted=_share(
            [t.lstrip("*_ ^")[:1] in _QUOTE_OPEN or _DIALOGUE.search(t) is not None for t in q_text]
        ),
        headings=_share(
            [
                _title_case(t) or (all(b.hints.heading for b in q.blocks) and not me)
                for q, t, me in zip(questions, q_text, a_me, strict=True)
            ]
        ),
        repeated=_repeated(q_text, state.meta.title),
        readers=_share([me and not you for me, you in zip(q_me, q_you, strict=True)]),
        long_questions=_share([len(t) > _LONG_QUESTION for t in q_text]),
        long_answers=_share([sum(len(b.text) for b in a.blocks) > _LONG_ANSWER for a in answers]),
        plain=_share([_plain(q) for q in questions]) if state.format == "html" else 0.0,
        fragments=0.0
        if convention in _LABELLED
        else _share([_fragment(w, t) for w, t in zip(q_words, q_all, strict=True)]),
        askers=min(1.0, askers / max(1, len(all_pairs))),
        cue=1.0 if any(c in head for c in INTERVIEW_CUES) else 0.0,
        faq=1.0 if any(c in head for c in FAQ_CUES) else 0.0,
        declared_faq=1.0 if state.meta.declares_faq else 0.0,
        to_reader=_share(
            [not w.isdisjoint(SECOND_PERSON_WORDS) and not me for w, me in zip(a_words, a_me, strict=True)]
        ),
        silent=1.0
        if convention not in _LABELLED
        and convention not in ("markup-class", "question-class")
        and not any(q_you)
        and not any(a_we)
        # A page of a language the lexicon does not know says nothing either way.
        and any(not w.isdisjoint(STOPWORDS) for w in a_words)
        else 0.0,
        share=min(1.0, in_turns / total),
        median_answer=statistics.median(
            text_width(" ".join(b.body or b.text for b in a.paragraphs()[0])) for a in answers
        )
        if answers
        else 0.0,
    )


# "Asked by Dev R. · Answered by Northway Support", "Gefragt von Jana": a line that says who
# asked, at its start or as a short line of its own (an answer's "I was asked by my editor
# to ..." is neither).
_ASKED_BY = re.compile(
    r"\b(?:asked|answered|replied) by\b|\b(?:gefragt|beantwortet) von\b|\b(?:posée|répondu) par\b"
    r"|\b(?:preguntado|respondido) por\b",
    re.I,
)
# Each of those phrases holds " by", " von", " par" or " por"; a line holding none (nearly
# every line) is settled by four substring tests instead of the case-blind alternation.


def names_asker(text: str) -> bool:
    """Whether the opening of a line says who asked or answered ("Asked by ...")."""
    head = text[:120]
    low = head.lower()
    return (" by" in low or " von" in low or " par" in low or " por" in low) and _ASKED_BY.search(
        head
    ) is not None


def run(state: State) -> None:
    if not any(answer is not None for _, answer in pair_turns(state.turns)):
        state.interview_score = 0.0  # what score() gives a page without pairs: no evidence read
        return
    evidence = gather(state)
    value = score(evidence)
    state.interview_score = value
    threshold = state.min_interview_score
    if evidence.pairs and value < threshold:
        state.diagnostics.append(
            Diagnostic(
                code="not-an-interview",
                message=(
                    f"{evidence.pairs} question/answer candidate(s) scored {value:.2f} as an interview "
                    f"(threshold {threshold}); kept in the ledger as 'not-an-interview'"
                ),
            )
        )
        for turn in state.turns:
            for b in turn.blocks:
                if turn.side == "q" or not is_prose(b.text):
                    b.mark(Bucket.UNCLASSIFIED, "not-an-interview")
                else:
                    b.mark(Bucket.INTRO, "not-an-interview")
            for draft in turn.drafts:
                for b in draft:
                    b.mark(Bucket.UNCLASSIFIED, "not-an-interview")
        state.turns = []
