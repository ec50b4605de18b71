"""Question candidates among open blocks, and the decode that picks the questions.

Evidence per unit (a paragraph, or a run of one emphasis inside it): whole emphasis in the
style the page's asking paragraphs use, a CSS class that the page's questions share, a
short paragraph ending in ``?`` that does not read as a reply, and the labelled turns
around it. A small state machine (intro, question, answer) decoded with Viterbi over the
whole sequence of labelled turns and units chooses the most consistent reading, so labels,
emphasis and ``?`` may all speak in one page: no convention switches the others off.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..blocks import Block, State
from ..lexicon import ends_asking, is_prompt

_MAX_QUESTION_CHARS = 400
_PASTE_MIN_LINES = 6
_PASTE_SHARE = 0.8


_TRANSITION = re.compile(
    r"^(?:let's|let us|now,? (?:let's|to|on to|about)|turning to|moving on|on to|one (?:last|more|final)|"
    r"finally|lastly|to (?:finish|close|end)|back to|and now|speaking of|changing (?:the )?subject)\b",
    re.I,
)
_TRANSITION_WORDS = 15


def _with_transitions(chosen: list[list[Block]], paragraphs: dict[int, list[Block]]) -> list[list[Block]]:
    """ "Let us talk about the future." standing alone before a question is the
    interviewer's, part of that question, not the end of the answer before it."""
    units = list(paragraphs.values())
    picked = {id(p) for p in chosen}
    out: list[list[Block]] = []
    for i, unit in enumerate(units):
        if id(unit) in picked:
            before = units[i - 1] if i else None
            if (
                before is not None
                and id(before) not in picked
                and len(" ".join(b.text for b in before).split()) <= _TRANSITION_WORDS
                and _TRANSITION.match(before[0].text)
                and not _FIRST_PERSON.search(" ".join(b.text for b in before))
            ):
                out.append(before)
            out.append(unit)
    return out


def units(state: State, skip: set[int] | None = None) -> dict[int, list[Block]]:
    """The open (unlabelled, unplaced) blocks by paragraph: the units a question can be."""
    paragraphs: dict[int, list[Block]] = defaultdict(list)
    for block in state.blocks:
        if block.kind is None and block.label is None and (skip is None or block.index not in skip):
            paragraphs[block.para].append(block)
    if not paragraphs:
        return {}
    open_count = sum(len(p) for p in paragraphs.values())
    if open_count >= _PASTE_MIN_LINES and max(map(len, paragraphs.values())) >= _PASTE_SHARE * open_count:
        # A paste without blank lines: one "paragraph" holds the page, so lines are the units.
        return {b.index: [b] for p in paragraphs.values() for b in p}
    return _split_run_in(paragraphs)


def _style(para: list[Block]) -> str | None:
    first = para[0].hints
    if not (first.bold or first.italic or first.heading):
        return None  # most paragraphs: plain from their first line
    if all(b.hints.heading for b in para):
        return "heading"
    if all(b.hints.bold for b in para):
        return "bold"
    if all(b.hints.italic for b in para):
        return "italic"
    if all(b.hints.bold or b.hints.italic or b.hints.heading for b in para):
        return "mixed"
    return None


_SENTENCE_STOPS = frozenset('.!…:"”’)')


def emphasis_questions(paragraphs: dict[int, list[Block]]) -> list[list[Block]]:
    """Whole bold, italic or heading paragraphs, when the page has enough of them and most
    ask something; only in the style the asking ones use (answers set in italics under
    bold questions are no questions)."""
    styled = [(p, style) for p in paragraphs.values() if (style := _style(p))]
    asking = [(p, style) for p, style in styled if _asks(p)]
    if len(asking) < 2:
        return []
    style = Counter(style for _, style in asking).most_common(1)[0][0]
    if len(asking) < max(2, len(styled) // 3):
        # Many emphasised paragraphs, few asking: the asking style alone may still carry them.
        styled = [(p, s) for p, s in styled if s == style]
        if len(asking) < max(2, len(styled) // 3):
            return []
    # A bold standfirst or the headline before the first question is not one; a request
    # after the intro is ("Tell us about the week prices jumped." opens many interviews).
    first = asking[0][0][0].index
    plain_seen = False
    for p in paragraphs.values():
        if p[0].index >= first:
            break
        if not _style(p):
            # An intro's sentence, not the headline's words above a standfirst.
            plain_seen = plain_seen or p[-1].text.rstrip()[-1:] in _SENTENCE_STOPS
        elif plain_seen and _style(p) == style and is_prompt(" ".join(b.text for b in p)):
            first = p[0].index
            break
    return [p for p, s in styled if s == style and p[0].index >= first and not _is_section_heading(p)]


_CLASS_SHARE = 0.7


def _class_questions(marked: list[list[Block]], paragraphs: dict[int, list[Block]]) -> list[list[Block]]:
    """Questions set apart only by a CSS class (``<p class="iv-q">``): most ``?``
    paragraphs share one class that no other paragraph has."""
    classes = Counter(p[0].hints.css for p in marked if p[0].hints.css)
    if not classes or len(marked) < 2:
        return []
    css, n = classes.most_common(1)[0]
    if n < 2 or n < _CLASS_SHARE * len(marked):
        return []
    carrying = [p for p in paragraphs.values() if p[0].hints.css == css]
    if sum(1 for p in carrying if _asks(p)) < _CLASS_SHARE * len(carrying):
        return []  # the class is the site's paragraph style, not a question style
    return carrying


def _emphasised(b: Block) -> bool:
    return b.hints.bold or b.hints.italic


_RUN_IN_LEADS = 2


def _lead(para: list[Block]) -> list[Block]:
    """The paragraph's opening run of wholly emphasised lines."""
    for i, b in enumerate(para):
        if not _emphasised(b):
            return para[:i]
    return para


def _split_run_in(paragraphs: dict[int, list[Block]]) -> dict[int, list[Block]]:
    """A bold question and its answer in one paragraph (``<p><b>Why?</b><br>Because
    ...</p>``), or a later question starting after an answer's last line: each run of
    whole-emphasis lines that asks, and each run of plain lines, is a unit of its own."""
    units: list[list[Block]] = []
    # Where emphasised leads ask on several paragraphs ("**Why?**<br>" then the answer), a
    # lead that does not ask is the interviewer's too ("**That is a lot of homework.**").
    leads_ask = (
        sum(
            1
            for para in paragraphs.values()
            if len(para) > 1 and _emphasised(para[0]) and not _emphasised(para[-1]) and _asks(_lead(para))
        )
        >= _RUN_IN_LEADS
    )
    for para in paragraphs.values():
        mixed = len(para) > 1 and (
            any(_emphasised(b) and _asks([b]) for b in para) or (leads_ask and _emphasised(para[0]))
        )
        if not mixed or all(_emphasised(b) for b in para):
            units.append(para)
            continue
        run: list[Block] = []
        for b in para:
            if run and _emphasised(b) != _emphasised(run[-1]):
                units.append(run)
                run = []
            run.append(b)
        units.append(run)
    return dict(enumerate(units))


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?\s")


def _not_replies(marked: list[list[Block]], paragraphs: dict[int, list[Block]]) -> list[list[Block]]:
    """Drop the ``?``-ending paragraphs that answer the one before ("... Who else would do
    it?"): straight after another candidate, in several sentences, in the first person and
    not addressing anyone. Questions address "you"; a reply ending on a question does not."""
    # Keyed by the paragraph lists themselves: a paste without blank lines keys its
    # one-line "paragraphs" by block index, not by ``para``.
    order = [id(p) for p in paragraphs.values()]
    position = {key: i for i, key in enumerate(order)}
    candidates = {id(p) for p in marked}
    kept = []
    for p in marked:
        i = position[id(p)]
        text = " ".join(b.text for b in p)
        reply = (
            i > 0
            and order[i - 1] in candidates
            and _SENTENCE_END.search(text) is not None
            and _FIRST_PERSON.search(text) is not None
            and _SECOND_PERSON.search(text) is None
        )
        if reply:
            candidates.discard(id(p))
        else:
            kept.append(p)
    return kept


def _asks(para: list[Block]) -> bool:
    return ends_asking(para[-1].text)


def _is_section_heading(para: list[Block]) -> bool:
    text = " ".join(b.text for b in para)
    return bool(para[0].hints.heading) and not ends_asking(text) and len(text) < 60


# Scores are log-odds-like points; a unit becomes a question when its evidence beats the
# cost of switching from an answer to a new question.
_EMPHASIS = 3.0  # whole bold/italic/heading paragraph in the page's asking style
_CLASS = 3.0  # the CSS class the page's questions share
_MARK = 2.0  # a short "?" paragraph where no other convention explains the page
_MARK_EXPLAINED = 0.5  # the same among labelled or emphasised turns: usually rhetorical
_SWITCH = 1.0  # answer -> new question
_REPEAT = 1.5  # question -> another question paragraph (a long question, a draft)
_LABELLED_REPLY = 1.0  # a question followed at once by a labelled answer
_TAIL_MARKS = 2  # "?" paragraphs after the last labelled turn that make a convention
_NEVER = float("-inf")
_I, _Q, _A = 0, 1, 2


class _Entry:
    """One step of the decode: a labelled block (fixed side) or an open unit."""

    __slots__ = ("fixed", "rule", "score", "unit")

    def __init__(self, unit: list[Block], fixed: str | None, score: float = 0.0, rule: str = "") -> None:
        self.unit = unit
        self.fixed = fixed
        self.score = score
        self.rule = rule


def decode(state: State, labelled: dict[int, str]) -> str | None:
    """Mark the open units the decode reads as questions; return the rule most of them used.

    ``labelled`` maps the labelled blocks' indexes to their side ("q" or "a")."""
    paragraphs = units(state, skip=set(labelled))
    if not paragraphs:
        return None
    marked = [
        p
        for p in paragraphs.values()
        if ends_asking(p[-1].text)
        and sum(len(b.text) for b in p) <= _MAX_QUESTION_CHARS
        and not _list_like(p)
    ]
    emphasis = {id(p) for p in emphasis_questions(paragraphs)}
    classed = {id(p) for p in _class_questions(marked, paragraphs)} if not emphasis else set()
    marks = _not_replies(marked, paragraphs)
    # Where labels, emphasis or a class already carry the turns, a plain "?" paragraph is
    # weak evidence; after the last of them (labels on the first pair only) it speaks again.
    strong = list(labelled) + [
        p[0].index for p in paragraphs.values() if id(p) in emphasis or id(p) in classed
    ]
    last = max(strong, default=-1)
    # Labels that stop after the first pairs: more interviewer-like "?" paragraphs after
    # the last label than labelled questions before it.
    asked = sum(1 for side in labelled.values() if side == "q")
    tail = [p for p in marks if p[0].index > last and _interviewer_like(p)]
    free_tail = {id(p) for p in tail} if len(tail) >= _TAIL_MARKS and len(tail) > asked else set()
    mark_ids = {id(p) for p in marks}
    reply_bonus = _LABELLED_REPLY if not asked else 0.0
    weak = strong and not (emphasis or classed or free_tail) and _MARK_EXPLAINED < _SWITCH
    if weak and not reply_bonus:
        # Labelled questions and weak "?" evidence only: a unit would pay more to ask than
        # it brings, so the decode would pick none (see weak_units_never_ask in the tests).
        return None
    entries: list[_Entry] = []
    for index, side in labelled.items():
        entries.append(_Entry([state.blocks[index]], side))
    for p in paragraphs.values():
        score, rule = 0.0, ""
        if id(p) in emphasis:
            score, rule = _EMPHASIS, "emphasis-paragraph"
        elif id(p) in classed:
            score, rule = _CLASS, "question-class"
        if id(p) in mark_ids:
            score += _MARK if not strong or id(p) in free_tail else _MARK_EXPLAINED
            rule = rule or "question-mark"
        entries.append(_Entry(p, None, score, rule))
    if not any(e.score for e in entries if e.fixed is None):
        return None  # nothing but labels: no unlabelled unit can ask
    entries.sort(key=lambda e: e.unit[0].index)
    steps = collapse(entries)
    # Answers labelled and questions not: a "?" paragraph just before a labelled answer asks.
    picked = _viterbi(steps, reply_bonus)
    chosen = [e.unit for e, is_q in zip(steps, picked, strict=True) if is_q and e.fixed is None]
    chosen = _with_transitions(chosen, paragraphs)
    rules = {id(e.unit): e.rule for e in entries}
    used: Counter[str] = Counter()
    for unit in chosen:
        rule = rules.get(id(unit)) or "question-mark"
        used[rule] += 1
        for block in unit:
            block.side = "q"
            block.rule = rule
    return used.most_common(1)[0][0] if used else None


_LIST_LINES = 3
_WRAPPED_WORDS = 6


def _list_like(para: list[Block]) -> bool:
    """Three lines or more that are items, not a hard-wrapped sentence (a chapter list,
    "03:12 What happened?", a menu): its last line's "?" asks nobody anything."""
    if len(para) < _LIST_LINES:
        return False
    return any(
        len(b.text.split()) < _WRAPPED_WORDS or b.text.rstrip().endswith((".", "?", "!", ":"))
        for b in para[:-1]
    )


_SHORT_QUESTION_WORDS = 30


def _interviewer_like(para: list[Block]) -> bool:
    """Short, or addressing someone, and not speaking in the first person."""
    text = " ".join(b.text for b in para)
    words = len(text.split())
    personal = _FIRST_PERSON.search(text) is not None
    return not personal and (words <= _SHORT_QUESTION_WORDS or _SECOND_PERSON.search(text) is not None)


def collapse(entries: list[_Entry]) -> list[_Entry]:
    """A run of units without evidence decodes as one such unit (none of them can ask: the
    path stays in the intro or the answer), so the decode walks only the steps that matter."""
    return [
        e
        for i, e in enumerate(entries)
        if e.fixed is not None
        or e.score
        or i == 0
        or entries[i - 1].fixed is not None
        or entries[i - 1].score
    ]


def _viterbi(entries: Sequence[_Entry], reply_bonus: float) -> list[bool]:
    """The best path through intro -> (question -> answer)*; True where it asks."""
    best = [0.0, _NEVER, _NEVER]  # the scores of the paths ending in I, Q, A
    back: list[tuple[int, int, int]] = []
    for e in entries:
        emit = (
            (0.0 if e.fixed is None else _NEVER),
            # A unit with no evidence never asks.
            ((e.score or _NEVER) if e.fixed is None else 0.0 if e.fixed == "q" else _NEVER),
            (0.0 if e.fixed is None or e.fixed == "a" else _NEVER),
        )
        reply = reply_bonus if e.fixed == "a" else 0.0
        from_i = best[_I]
        to_q = max((best[_I] - _SWITCH, _I), (best[_Q] - _REPEAT, _Q), (best[_A] - _SWITCH, _A))
        # An opening statement (a labelled answer before any question) may leave the intro.
        to_a = max(
            (best[_Q] + reply, _Q),
            (best[_A], _A),
            (best[_I] if e.fixed == "a" else _NEVER, _I),
        )
        back.append((_I, to_q[1], to_a[1]))
        best = [from_i + emit[_I], to_q[0] + emit[_Q], to_a[0] + emit[_A]]
    state = max(range(3), key=lambda s: best[s])
    path = []
    for pointers in reversed(back):
        path.append(state == _Q)
        state = pointers[state]
    path.reverse()
    return path
