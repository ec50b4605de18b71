"""Turns stage: groups labelled and hinted blocks into turns, and finds where the interview runs.

Reads each open block's side (from the labels stage). A labelled block opens a turn; an
unlabelled one continues the current turn (labelled conventions) or, with no labels,
question candidates open question turns and what follows opens the answer. Decides the
interview's extent too: what stands before the first question is intro (prose, an opening
statement) or header furniture; what follows the last answer's own words (a closing note,
related links, an address) is footer. An editor's note between the turns belongs to
neither side.
"""

from __future__ import annotations

import re

from ..blocks import Block, State, TurnDraft
from ..lexicon import PERSONAL_WORDS, ends_asking, split_length
from ..records import Bucket, Diagnostic
from .chrome import without_addresses
from .drafts import similar, words_of
from .labels import speaker_key

_WORD = re.compile(r"[\w']+")
_CLOSING = (".", "?", "!", "…", '"', "”", "’", ")", "»", "]", ":", "？", "。", "！", "」")
_NOTE_MAX_WORDS = 60
_NOTE_MIN_WORDS = 6  # below this, a closing line needs a name or a date to be a note


CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Words, counting two characters a word in scripts written without spaces (CJK)."""
    words = split_length(text)
    if not text.isascii():
        words = max(words, len(CJK_CHARS.findall(text)) // 2)
    return words


def is_prose(text: str) -> bool:
    words = split_length(text)
    if words >= 20:
        return True  # word_count is at least this: no need to count CJK characters
    words = word_count(text)
    return words >= 20 or (words >= 6 and text.rstrip().endswith(_CLOSING))


_WRAPPED_MIN_WORDS = 6
# A line with the next word and a fifth of the column to spare was ended by its writer
# (the column is only estimated, and tools count it one or two characters apart).
_ROOM_LEFT = 0.8
_CJK_WIDTH = 3  # a character of a script written without spaces says about as much as three
_WORD_WIDTH = 6  # characters of a word of Latin script, with its space


def text_width(text: str) -> int:
    """A text's length in characters of Latin script: "最后一周，每个团队都想再加一个变更。" is a
    full sentence, as long as one in English."""
    return len(text) if text.isascii() else len(text) + (_CJK_WIDTH - 1) * len(CJK_CHARS.findall(text))


def _line_words(line: str) -> int:
    """Words of a line as wrapping sees them: a line holding a link's address, or written
    without spaces, is wrapped by its width ("[Ana Sorensen](https://...)（Tidewater Labs）")."""
    words = split_length(line)
    if words >= _WRAPPED_MIN_WORDS or (line.isascii() and "](" not in line and "://" not in line):
        return words
    return max(word_count(line), text_width(without_addresses(line)) // _WORD_WIDTH)


def is_wrapped(lines: list[str]) -> bool:
    """Lines of one hard-wrapped paragraph: every line but the last a run of words that
    stops mid-sentence (no menu item, button or headline among them)."""
    if len(lines) == 2 and len(lines[1].split()) <= 2:
        return False  # a headline over a one-word line ("Transcript"), not wrapped prose
    if not (
        len(lines) > 1
        and all(
            _line_words(line) >= _WRAPPED_MIN_WORDS and not line.endswith((".", "!", "?", ":"))
            for line in lines[:-1]
        )
    ):
        return False
    # Wrapping breaks a line only where the next word would not fit: a first line with room
    # to spare for the next line's first word ended where its writer ended it (a headline
    # over the standfirst). The widest line is no wider than the wrapping column. Lines
    # holding link addresses, or script written without spaces, are wrapped by widths not
    # measured here.
    below = lines[1].split(maxsplit=1)[:1]
    if below and len(lines[0]) + 1 + len(below[0]) <= _ROOM_LEFT * max(map(len, lines)):
        joined = "".join(lines)
        if "](" not in joined and "://" not in joined and (joined.isascii() or not CJK_CHARS.search(joined)):
            return False
    return True


def run(state: State) -> None:
    open_blocks = [b for b in state.blocks if b.kind is None]
    first_q = next((i for i, b in enumerate(open_blocks) if b.side == "q"), None)
    if first_q is None:
        state.diagnostics.append(
            Diagnostic(code="no-exchanges", message="found no question label or question-like paragraph")
        )
        for b in open_blocks:
            b.mark(Bucket.INTRO if is_prose(b.text) else Bucket.UNCLASSIFIED, "no-interview")
        return
    # Prose is judged by paragraph when the paragraph is hard-wrapped prose: no line of it
    # is prose on its own. (A paste without blank lines is no such paragraph.)
    header_paragraphs: dict[int, list[str]] = {}
    for b in open_blocks[:first_q]:
        header_paragraphs.setdefault(b.para, []).append(b.text)
    for b in open_blocks[:first_q]:
        lines = header_paragraphs[b.para]
        if b.side == "a" or b.label is not None:
            b.mark(Bucket.INTRO, "opening-statement")
        elif is_prose(b.text) or (is_wrapped(lines) and is_prose(" ".join(lines))):
            b.mark(Bucket.INTRO, "intro")
        else:
            b.mark(Bucket.CHROME, "header-line")

    labelled = state.meta.convention in ("letter", "word", "speaker")
    # Only the questions carry labels ("Q. ...?" then plain answer paragraphs): a question
    # runs to its first paragraph ending in "?", and what follows is the answer.
    questions_only = labelled and not any(b.label is not None and b.side == "a" for b in open_blocks)
    turns: list[TurnDraft] = []
    notes = _editorial_notes(open_blocks[first_q:])
    for b in open_blocks[first_q:]:
        cur = turns[-1] if turns else None
        if b.index in notes:
            b.mark(Bucket.UNCLASSIFIED, "editorial-note")  # neither side said it
            continue
        if b.label is not None:
            turns.append(TurnDraft(side=b.side or "a", blocks=[b], speaker=b.speaker, label=b.label))
        elif labelled and b.side == "q":
            # An unlabelled (bold) question among labelled turns.
            if cur is not None and cur.side == "q" and cur.label is None:
                cur.blocks.append(b)
            else:
                turns.append(TurnDraft(side="q", blocks=[b]))
        elif labelled and cur is not None and cur.side == "q" and cur.label is None:
            turns.append(TurnDraft(side="a", blocks=[b]))  # its answer, unlabelled too
        elif questions_only and cur is not None and cur.side == "q" and _asked(cur, b):
            turns.append(TurnDraft(side="a", blocks=[b]))
        elif labelled or cur is None:
            if cur is None:
                turns.append(TurnDraft(side=b.side or "q", blocks=[b]))
            else:
                cur.blocks.append(b)
        elif b.side == "q":
            if cur.side == "q":
                cur.blocks.append(b)
            else:
                turns.append(TurnDraft(side="q", blocks=[b]))
        elif cur.side == "q":
            turns.append(TurnDraft(side="a", blocks=[b]))
        else:
            cur.blocks.append(b)
    _trim_tail(state, turns)
    state.turns = turns


_NOTE_INITIALS = frozenset("[(EeNn")
_NOTE_START = re.compile(r"^[\[(]?(?:editor[’']?s note|ed\. note|note from the editor)\b", re.I)


def _editorial_notes(blocks: list[Block]) -> set[int]:
    """Blocks of paragraphs the editors put between the turns (``[Editor's note: ...]``).

    Only notes that say so: a stage direction in brackets (``(The officials nod.)``,
    ``[laughs]``) is part of the transcript and stays in its turn."""
    notes: set[int] = set()
    para, in_note = None, False
    for b in blocks:
        if b.para != para:
            para = b.para
            in_note = b.text[:1] in _NOTE_INITIALS and _NOTE_START.match(b.text) is not None
        if in_note and b.label is None:
            notes.add(b.index)
    return notes


def _asked(question: TurnDraft, block: Block) -> bool:
    """Whether ``question`` is complete before ``block``: it ended in "?" a paragraph ago,
    and ``block`` is not a revised version of it (a draft stays with its question)."""
    last = question.blocks[-1]
    if block.para == last.para or not ends_asking(last.text):
        return False
    return not similar(words_of(last.body or last.text), words_of(block.text))


def _trim_tail(state: State, turns: list[TurnDraft]) -> None:
    """Cut closing notes and footer lines off the last answer, and unanswered questions."""
    while turns and turns[-1].side == "q":
        for b in turns.pop().blocks:
            b.mark(Bucket.UNCLASSIFIED, "unanswered-question")
    # "Ruth Adeyemi: Fourteen Springs runs until 30 June." after ADEYEMI's last answer: the
    # same speaker labelled again, with a note about the piece rather than an answer.
    while (
        len(turns) >= 2
        and turns[-1].side == turns[-2].side == "a"
        and turns[-1].speaker
        and turns[-2].speaker
        and speaker_key(turns[-1].speaker) == speaker_key(turns[-2].speaker)
        and all(_is_tail(p) for p in turns[-1].paragraphs())
    ):
        for b in turns.pop().blocks:
            b.mark(Bucket.UNCLASSIFIED if is_prose(b.text) else Bucket.CHROME, "closing-note")
    if not turns:
        return
    last = turns[-1]
    footer = _footer_start(state, last)
    if footer is not None:
        for b in last.blocks:
            if b.index >= footer:
                b.mark(Bucket.UNCLASSIFIED if is_prose(b.text) else Bucket.CHROME, "after-footer")
        last.blocks = [b for b in last.blocks if b.index < footer]
    paragraphs = last.paragraphs()
    keep = len(paragraphs)
    while keep > 1 and _is_tail(paragraphs[keep - 1]):
        keep -= 1
    for para in paragraphs[keep:]:
        for b in para:
            if is_prose(b.text):
                b.mark(Bucket.UNCLASSIFIED, "closing-note")
            else:
                b.mark(Bucket.CHROME, "footer-line")
    # A paste without blank lines: the closing line naming the site or station itself
    # ("Riverbank Radio is run by volunteers.") shares the last answer's paragraph.
    names = _site_names(state)
    closing = paragraphs[keep - 1]
    while names and len(closing) > 1 and _names_site(closing[-1].text, names):
        b = closing.pop()
        b.mark(Bucket.UNCLASSIFIED if is_prose(b.text) else Bucket.CHROME, "closing-note")
    last.blocks = [b for para in paragraphs[:keep] for b in para]


def _site_names(state: State) -> list[str]:
    """Short capitalised chrome lines above the interview (``RIVERBANK RADIO``), and the
    publisher the page names: what the site calls itself."""
    names = [state.meta.publisher.lower()] if state.meta.publisher else []
    for b in state.blocks:
        if b.side == "q":
            break
        words = b.text.split()
        if b.kind is Bucket.CHROME and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            names.append(b.text.lower())
    return names


def _names_site(text: str, names: list[str]) -> bool:
    low = text.lower()
    words = {w.lower() for w in _WORD.findall(text.replace("’", "'"))}
    return not words & PERSONAL_WORDS and any(re.search(rf"\b{re.escape(n)}\b", low) for n in names)


# Chrome that only stands below an article: once one shows up after the last answer has
# begun, the interview is over.
_FOOTER_RULES = frozenset(
    {
        "related",
        "tags",
        "comments",
        "share",
        "follow",
        "copyright",
        "legal",
        "newsletter",
        "print",
        "search",
        "menu",
    }
)


def _footer_start(state: State, last: TurnDraft) -> int | None:
    """Where the page's furniture begins after the last turn's start; a section heading
    inside the last answer ("## Final thoughts") also ends the interview: no question
    follows it."""
    start = last.blocks[0].index
    for b in state.blocks[start + 1 :]:
        if b.kind is Bucket.CHROME and (
            b.rule in _FOOTER_RULES or b.rule.startswith("markup-") or b.rule == "section-heading"
        ):
            return b.index
    return None


# After the last answer, what the page says about itself: a series note, a promotion,
# the interviewer's thanks by name ("Thanks, Jane!").
_CLOSING_LINE = re.compile(
    r"^(?:want to (?:know|read|learn|see) more\b|find out more\b|(?:read|see|browse|discover|shop)\b.{0,60}"
    r"\b(?:our|the) (?:shop|store|archive|series)\b|get (?:stories|articles|more|updates)\b.{0,40}\b"
    r"(?:inbox|newsletter|letter)|sign up\b|subscribe\b|follow (?:us|her|him|them)\b)"
    r"|\bis (?:a|an|our) (?:weekly|monthly|fortnightly|regular|occasional|new|ongoing) "
    r"(?:series|column|feature)\b"
    r"|^(?:thanks|thank you|many thanks)(?: (?:so|very) much)?,? "
    r"(?-i:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)[.!]*$"
    # The show's word to its audience: "Thanks for listening", no guest's.
    r"|^(?:thanks|thank you)(?: (?:so|very) much)?,? (?:all |everyone )?for (?:listening|reading|watching"
    r"|tuning in)\b",
    re.I,
)
# The interviewer's unlabelled thanks after the last answer ("Thank you both for the
# conversation", "Thank you so much for your time and insights"): addressed to the guests,
# which no guest says of themselves.
_GUEST_THANKS = re.compile(
    r"^(?:thanks|thank you|many thanks)\b.{0,40}?(?:\bboth\b|\bfor your time\b"
    r"|\bfor (?:taking|making) the time\b"
    r"|\bfor (?:joining|talking to|talking with|speaking to|speaking with) us\b)",
    re.I,
)
_GUEST_THANKS_WORDS = 30
_HOSTED = re.compile(r"\bfor (?:having|inviting|hosting) (?:me|us)\b", re.I)


def _is_tail(para: list[Block]) -> bool:
    """A closing paragraph that is not the speaker's: a note about the piece, or furniture."""
    text = " ".join(b.text for b in para)
    words = [w.lower() for w in _WORD.findall(text.replace("’", "'"))]
    if not words or any(b.hints.chrome for b in para):
        return True
    if _CLOSING_LINE.search(text):
        return True
    if len(words) <= _GUEST_THANKS_WORDS and _GUEST_THANKS.match(text) and not _HOSTED.search(text):
        return True  # the guest's "Thank you both for having me" stays theirs
    personal = any(w in PERSONAL_WORDS for w in words)
    spoken = text.rstrip().endswith((".", "!", "?", "…", "—"))
    if len(words) < _NOTE_MIN_WORDS:
        if not spoken:
            return True  # a footer line ("Most read")
        # "Thank you." is a sign-off; "Carmen runs until 30 April." is a note.
        return not personal and _specific(text)
    if not is_prose(text):
        return True
    return len(words) <= _NOTE_MAX_WORDS and not personal


def _specific(text: str) -> bool:
    """Names a date, number or proper noun past its first word."""
    rest = text.split(maxsplit=1)[1] if len(text.split()) > 1 else ""
    return any(ch.isdigit() for ch in text) or any(w[:1].isupper() for w in rest.split())
