"""Assemble: the labelled blocks and turns into one frozen ``Transcript``.

Every block lands in exactly one place: a question, draft or answer of an exchange, the
intro, a caption, or ``removed`` (chrome and unclassified, with the rule that decided).
"""

from __future__ import annotations

import re

from .blocks import Block, State, TurnDraft, pair_turns
from .dates import parse_iso
from .lexicon import UNNAMED_SPEAKER, has_question_mark
from .records import (
    Bucket,
    Caption,
    Draft,
    Exchange,
    Participant,
    Quality,
    Role,
    Segment,
    Source,
    Span,
    Transcript,
    Turn,
)
from .stages.labels import display_name, key_for, speaker_key


def span_of(blocks: list[Block]) -> Span:
    first = blocks[0].span
    if len(blocks) == 1:
        return first
    start, end, path = first.start_line, first.end_line, first.path
    for b in blocks:
        span = b.span
        if span.start_line < start:
            start = span.start_line
        if span.end_line > end:
            end = span.end_line
        path = path or span.path
    if start == first.start_line and end == first.end_line and path == first.path:
        return first
    return Span(start_line=start, end_line=end, path=path)


_BOLD_MARKS = ("**", "__")
_LIST_NUMBER = re.compile(r"\d{1,2}[.)] +")


def unwrapped(text: str, line: str) -> str:
    """A paragraph wholly in Markdown bold loses its markers, as a whole bold line does in
    the front end: "**Why now?**", or "**AP: Why now?**" with its label inside the bold
    (``line`` is the paragraph's first line as printed), reads "Why now?"."""
    for mark in _BOLD_MARKS:
        if text.endswith(mark):
            count = text.count(mark)
            # "1. **What ...?**": a numbered question in bold, its number a label.
            number = _LIST_NUMBER.match(text) if count == 2 and text[:1].isdigit() else None
            if number and text.startswith(mark, number.end()) and len(text) > number.end() + 4:
                return text[number.end() + 2 : -2].strip()
            if count == 2 and text.startswith(mark) and len(text) > 4:
                return text[2:-2].strip()
            if count == 1 and line.startswith(mark) and len(text) > 2:
                return text[:-2].rstrip()
    return text


_MARK_ENDS = frozenset("*_")  # how every text unwrapped may change ends


def _joined(lines: list[str], opening: str) -> str:
    """A paragraph's lines, one per line, unwrapped of bold that holds them all."""
    text = "\n".join(lines)
    return unwrapped(text, opening) if text[-1:] in _MARK_ENDS else text


def _paragraph_texts(blocks: list[Block]) -> tuple[str, ...]:
    """Lines of one paragraph joined by a newline; labels left out (``body`` is label-free)."""
    out: list[str] = []
    lines: list[str] = []
    opening = ""
    last = blocks[0].para if blocks else None
    for b in blocks:
        if b.para != last:
            if lines:
                out.append(_joined(lines, opening))
                lines = []
            last = b.para
        piece = b.body.strip()
        if piece:
            if not lines:
                opening = b.text
            lines.append(piece)
    if lines:
        out.append(_joined(lines, opening))
    return tuple(out)


def _turn(draft: TurnDraft, kind: Bucket, default_rule: str) -> Turn:
    blocks = draft.blocks
    if len(blocks) == 1 and not draft.drafts:  # most questions, many answers: no joins
        b = blocks[0]
        b.kind = kind
        if not b.rule:
            b.rule = default_rule
        body = b.body.strip()
        if body[-1:] in _MARK_ENDS:
            body = unwrapped(body, b.text)
        return Turn(
            text=body,
            paragraphs=(body,) if body else (),
            speaker=_speaker_name(draft.speaker),
            label=draft.label,
            labels=(b.label,) if b.label is not None else (),
            paragraph_speakers=(_speaker_name(draft.speaker),) if body else (),
            time=b.time or None,
            paragraph_times=(b.time or None,) if body else (),
            span=b.span,
            spans=(b.span,),
        )
    # One pass over the turn's blocks for everything a Turn holds (the ledger marks, labels,
    # time, paragraphs and who said each, spans): a long answer has hundreds of lines.
    labels: list[str] = []
    time: str | None = None
    paragraphs: list[str] = []
    speakers: list[str | None] = []
    times: list[str | None] = []
    stamp: str | None = None  # the time printed in the paragraph being read
    lines: list[str] = []
    opening = ""  # the first line of the paragraph in lines, as printed
    spans: list[Span] = []
    current = _speaker_name(draft.speaker)
    said_by = current
    para = blocks[0].para
    first = blocks[0].span
    start, end, path = first.start_line, first.end_line, first.path
    for b in blocks:
        b.kind = kind
        if not b.rule:
            b.rule = default_rule
        if b.para != para:
            if lines:
                paragraphs.append(_joined(lines, opening))
                speakers.append(said_by)
                times.append(stamp)
                lines = []
            para, said_by, stamp = b.para, current, None
        if b.label is not None:
            labels.append(b.label)
            if b.speaker:
                current = _speaker_name(b.speaker)
                if not lines:
                    said_by = current
        if b.time:
            time = time or b.time
            stamp = stamp or b.time
        piece = b.body.strip()
        if piece:
            if not lines:
                opening = b.text
            lines.append(piece)
        span = b.span
        spans.append(span)
        if span.start_line < start:
            start = span.start_line
        if span.end_line > end:
            end = span.end_line
        path = path or span.path
    if lines:
        paragraphs.append(_joined(lines, opening))
        speakers.append(said_by)
        times.append(stamp)
    if start != first.start_line or end != first.end_line or path != first.path:
        first = Span(start_line=start, end_line=end, path=path)
    return Turn(
        text="\n\n".join(paragraphs),
        paragraphs=tuple(paragraphs),
        speaker=_speaker_name(draft.speaker),
        label=draft.label,
        labels=tuple(labels),
        paragraph_speakers=tuple(speakers),
        time=time,
        paragraph_times=tuple(times),
        span=first,
        spans=tuple(spans),
        drafts=tuple(
            Draft(
                text="\n\n".join(_paragraph_texts(d)),
                label=next((b.label for b in d if b.label is not None), None),
                span=span_of(d),
                spans=tuple([b.span for b in d]),
            )
            for d in draft.drafts
        )
        if draft.drafts
        else (),
    )


def _speaker_name(label: str | None) -> str | None:
    return label.strip() if label else None


def doc_id_for(sha256: str) -> str:
    """A short stable id: the first 128 bits of the source bytes' sha256."""
    return sha256[:32]


def build(state: State, *, source: Source) -> Transcript:
    exchanges: list[Exchange] = []
    for first, answer_turn in pair_turns(state.turns):
        if answer_turn is not None:
            question = _turn(first, Bucket.QUESTION, "question-turn")
            answer = _turn(answer_turn, Bucket.ANSWER, "answer-turn")
            exchanges.append(Exchange(index=len(exchanges), question=question, answer=answer))
            continue
        # A question nobody answers, with its drafts: kept in the ledger, not dropped.
        for b in [*first.blocks, *(b for d in first.drafts for b in d)]:
            if b.kind is None or b.kind is Bucket.DRAFT:
                b.mark(Bucket.UNCLASSIFIED, "orphan-turn")

    intro: list[Segment] = []
    captions: list[Caption] = []
    removed: list[Segment] = []
    total = in_exchanges = unclassified = 0
    # Identity tests against local names: an Enum hashes in Python, reading a member off
    # its class costs a descriptor call (Python 3.11), and this loop runs once per block.
    q_kind, a_kind, d_kind, i_kind, c_kind, unplaced = (
        Bucket.QUESTION,
        Bucket.ANSWER,
        Bucket.DRAFT,
        Bucket.INTRO,
        Bucket.CAPTION,
        Bucket.UNCLASSIFIED,
    )
    for b in state.blocks:  # one pass: buckets and quality counts together
        kind = b.kind
        total += len(b.text)
        if kind is q_kind or kind is a_kind or kind is d_kind:
            in_exchanges += len(b.text)
            continue
        if kind is None:
            b.mark(unplaced, "unplaced")
            kind = unplaced
        if kind is i_kind:
            intro.append(Segment(kind=i_kind, reason=b.rule, text=b.text, span=b.span, speaker=b.speaker))
        elif kind is c_kind:
            captions.append(Caption(text=b.text, rule=b.rule, span=b.span))
        else:
            unclassified += kind is unplaced
            removed.append(Segment(kind=kind, reason=b.rule, text=b.text, span=b.span))
    share = round(in_exchanges / (total or 1), 4)
    score = round(state.interview_score, 4)  # also for a page the verdict refused
    published = parse_iso(state.meta.published) if state.meta.published else None
    return Transcript(
        doc_id=doc_id_for(source.sha256),
        source=source,
        title=state.meta.title,
        published=published,
        publisher=state.meta.publisher,
        author=state.meta.author,
        language=state.meta.language,
        participants=_participants(state, exchanges),
        intro=tuple(intro),
        exchanges=tuple(exchanges),
        captions=tuple(captions),
        removed=tuple(removed),
        diagnostics=tuple(state.diagnostics),
        quality=Quality(
            exchange_share=share,
            unclassified_blocks=unclassified,
            convention=state.meta.convention,
            is_interview=score,
        ),
    )


_ROLE_WORDS = {
    "interviewer": Role.INTERVIEWER,
    "q": Role.INTERVIEWER,
    "question": Role.INTERVIEWER,
    "moderator": Role.MODERATOR,
    "host": Role.MODERATOR,
    "audience member": Role.AUDIENCE,
    "audience": Role.AUDIENCE,
    "caller": Role.AUDIENCE,  # a call-in show's listeners, each asking once
    "operator": Role.MODERATOR,  # a conference call's operator hands the line to each caller
}


_AFFILIATION = re.compile(r"[\[(]([^\])\[(]+)[\])]")  # no opener inside: linear


def _participants(state: State, exchanges: list[Exchange]) -> tuple[Participant, ...]:
    """One participant per speaker key (``JANE DOE``, ``Doe``, ``Ms Doe`` are one person).

    The role comes from the label word (Q, INTERVIEWER, MODERATOR), else from the side the
    labels stage gave the speaker. ``confidence`` is the share of the speaker's turns that
    look like their role (questions asking, answers not), or 0.95 for an explicit word.
    A page with no exchanges (no interview, or one the verdict refused) has none: names
    guessed from its prose or its one-off labels would be noise.
    """
    if not exchanges:
        return ()
    people: dict[str, list[str]] = {}
    keys: dict[str, str] = {}  # speaker as printed -> key, computed once
    affiliation: dict[str, str] = {}
    turns: dict[str, list[TurnDraft]] = {}
    for t in state.turns:
        if t.speaker:
            turns.setdefault(key_for(state, t.speaker), []).append(t)
    for b in state.blocks:
        if b.speaker and b.kind in (Bucket.QUESTION, Bucket.ANSWER, Bucket.INTRO, Bucket.DRAFT):
            key = keys.get(b.speaker) or keys.setdefault(b.speaker, key_for(state, b.speaker))
            names = people.setdefault(key, [])
            label = (b.label or "").rstrip(" :")
            if label.endswith(".") and label[:-1] == b.speaker:
                label = b.speaker  # "Elsa Nyberg." labels a turn; the stop is no part of her name
            for form in (b.speaker, label):
                if form and form not in names:
                    names.append(form)
            found = _AFFILIATION.search(b.label or "")
            if found:
                affiliation.setdefault(key, found.group(1).strip())
    hint = state.meta.interviewee_hint
    # The hint may be the full name of a label's speaker ("THE PRESIDENT" is Donald J. Trump).
    named = {name: key for key, name in state.meta.full_names.items()}
    interviewee_key = (named.get(hint) or speaker_key(hint)) if hint else None
    # Who answers: the interviewee is the person answering the questions, not an official who
    # only opens a briefing before others take them.
    printed = {s for e in exchanges for s in (e.answer.speaker, *e.answer.paragraph_speakers) if s}
    answering = {key_for(state, s) for s in printed}
    out: list[Participant] = []
    for key, forms in people.items():
        bare = [f for f in forms if not _AFFILIATION.search(f)] or forms
        word_role = _ROLE_WORDS.get(bare[0].lower())
        side = state.speakers.get(key) or ("a" if key == interviewee_key else "q")
        if side == "a" and word_role is None and all(UNNAMED_SPEAKER.match(f) for f in bare):
            # "SENIOR ADMINISTRATION OFFICIAL" answers, but the page names nobody: no
            # interviewee by that name (the turns keep the label as printed).
            continue
        if key in state.moderators:
            role = Role.MODERATOR
        elif word_role is not None:
            role = word_role
        elif side == "a":
            role = Role.INTERVIEWEE if key in answering or key == interviewee_key else Role.UNKNOWN
        else:
            role = Role.INTERVIEWER
        if hint and key == interviewee_key:
            name = display_name(hint) if hint.isupper() else hint  # "ACTING ADMINISTRATOR SLAVITT"
        else:
            name = state.meta.full_names.get(key) or display_name(max(bare, key=len))
        out.append(
            Participant(
                name=name,
                role=role,
                aliases=tuple(f for f in forms if f != name),
                affiliation=affiliation.get(key),
                confidence=0.95 if word_role is not None else _consistency(turns.get(key, []), role),
            )
        )
    if (
        hint
        and interviewee_key not in people
        and not any(speaker_key(p.name) == interviewee_key for p in out)
    ):
        # Named only in the intro or captions: likely, not certain.
        out.insert(0, Participant(name=hint, role=Role.INTERVIEWEE, confidence=0.7 if exchanges else 0.3))
    # The interviewee first, so a reader taking the first interviewee gets the main one.
    out.sort(
        key=lambda p: (
            p.role is not Role.INTERVIEWEE,
            p.name != hint and speaker_key(p.name) != interviewee_key,
        )
    )
    return tuple(out)


def _consistency(turns: list[TurnDraft], role: Role) -> float:
    if not turns:
        return 0.5
    # One joined string per turn: a question mark anywhere in it is one in some line.
    asking = sum(1 for t in turns if has_question_mark("".join([b.text for b in t.blocks])))
    agree = asking if role in (Role.INTERVIEWER, Role.AUDIENCE) else len(turns) - asking
    return round(min(0.99, max(0.5, agree / len(turns))), 2)
