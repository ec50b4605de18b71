"""Labels stage: reads each block's opening words, decides its turn label and side.

Recognises letter labels (``Q.``, ``A:``, ``Q)``, ``A -``, ``P.``/``R.``...), label words
in several languages (``Question:``, ``Frage:``, ``Réponse :``), and speaker names
(``SMITH:``, ``Jane Doe [Outlet]:``, ``MR. DOE:``, a bold name in HTML). Then picks the
document's convention and gives every speaker a side (asking or answering). Documents
with no labels get question candidates from hints: a whole bold, italic or heading
paragraph (HTML, Markdown), or a short paragraph ending in ``?`` that does not read as
the reply to the one before it (first person, several sentences, addressing no one).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from typing import NamedTuple

from ..blocks import Block, State
from ..lexicon import (
    ANSWER_WORDS,
    AUDIENCE_WORDS,
    CAPITALS,
    FOLD_ODD,
    GENERIC_QUESTION_WORDS,
    LABEL_LANGUAGE,
    MODERATOR_WORDS,
    NOT_SPEAKERS,
    QUESTION_WORDS,
    SMALL_LETTERS,
    ends_asking,
    split_length,
)
from .questions import decode, emphasis_questions, units

_SEP = r"(?:\s*[.:)]|\s+[-–—]|\s*$)"
_LETTERS = "".join(
    sorted({w for t in (QUESTION_WORDS, ANSWER_WORDS) for ws in t.values() for w in ws if len(w) == 1})
)
# "Q1:", "A1." in numbered email interviews: the number is part of the label, not the text.
_LETTER = re.compile(
    rf"^[*_]{{0,2}}(?P<label>(?P<letter>[{_LETTERS}])\d{{0,3}}){_SEP}[*_]{{0,2}}\s*(?P<body>.*)$"
)
# A bare "Q" before a capital (briefing transcripts: "Q    Yesterday, ..."). Only Q: a bare
# "A" opens ordinary sentences.
_BARE_Q = re.compile(r"^(?P<label>Q)\s+(?P<body>[A-Z“\"‘'\[(¿¡—–].*)$")
_WORDS = sorted(
    {w for t in (QUESTION_WORDS, ANSWER_WORDS) for ws in t.values() for w in ws if len(w) > 1},
    key=len,
    reverse=True,
)
_WORD_INITIALS = frozenset(w[0].upper() for w in _WORDS)
_WORD = re.compile(
    r"^[*_]{0,2}(?P<label>(?P<word>" + "|".join(re.escape(w) for w in _WORDS) + r")"
    r"(?:\s+(?:no\.?\s*)?\d{1,3})?)"  # "Question 1:", "Question no. 2:"
    r"(?:\s*[:.：]|\s*$)[*_]{0,2}\s*(?P<body>.*)$",
    re.I,
)
# A line can open with a label word only if its lowered opening is some word's opening
# (tested before the case-blind alternation; FOLD_ODD letters go to the pattern).
_WORD_HEADS = frozenset(w[:3].lower() for w in _WORDS)
_UP = CAPITALS
_HONORIFIC = r"(?:(?:MR|MRS|MS|DR|PROF|Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+)"
_CAPS_NAME = rf"{_HONORIFIC}?[{_UP}][{_UP}'’.\-]*(?:\s+[{_UP}][{_UP}'’.\-]*){{0,3}}"
_LOWER_PARTICLE = r"(?:de|da|van|von|der|del|la|le|bin|al|ter|dos|du)"
_TITLE_NAME = rf"{_HONORIFIC}?[{_UP}][\w'’\-]*(?:\s+(?:[{_UP}][\w'’.\-]*|{_LOWER_PARTICLE})){{0,3}}"
# Automatic transcripts that do not know the names: "Speaker 1:", "SPEAKER 2:".
_NUMBERED = r"(?:[Ss]peaker|SPEAKER|[Pp]articipant|PARTICIPANT|[Gg]uest|GUEST) ?\d{1,2}"
_NUMBERED_RE = re.compile(rf"^{_NUMBERED}$")
# After the colon a space, or none before words in a script written without spaces
# ("**Mina**:こんにちは" on a Japanese page).
_UNSPACED = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
# An outlet, a role or a time may follow the name, inside its bold or after it: "Ana Ruiz
# [Radio Bay]:", "**Mara Lind** [00:00:05]:".
_SPEAKER = re.compile(
    rf"^[*_]{{0,2}}(?P<label>(?P<name>{_NUMBERED}|{_CAPS_NAME}|{_TITLE_NAME})"
    r"(?:(?P<shut>[*_]{0,2})\s*[\[(](?P<aff>[^\])\n]{1,80})[\])])?)[*_]{0,2}\s*[:：][*_]{0,2}"
    rf"(?:\s+|$|(?=[{_UNSPACED}]))(?P<body>.*)$"
)
_CLOCK_ONLY = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?")
# Names in scripts without capitals (Japanese, Chinese, Korean), with an ASCII or a
# full-width colon; "佐藤/田中/鈴木:" is a joint answer.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_SPEAKER = re.compile(
    rf"^[*_]{{0,2}}(?P<label>(?P<name>[{_CJK}][{_CJK}A-Za-z・/／、&＆ ]{{0,11}}?)[*_]{{0,2}}\s*[:：])"
    rf"[*_]{{0,2}}\s*(?P<body>.*)$"
)
# Japanese interviews open each question with a double dash ("――灯台守になって何年ですか。")
# and may name the answerer with an ideographic space after the name ("佐藤　今年で二十年です。").
_DASHES = "―—─"
# The words after either open in CJK script or a CJK bracket (tested by _cjk_words: the
# CJK class compiled into every pattern costs milliseconds at import).
_DASH_QUESTION = re.compile(rf"^(?P<label>[{_DASHES}]{{2}})\s*(?P<body>\S.*)$")
_CJK_SPACED_SPEAKER = re.compile(r"^(?P<label>(?P<name>(?:[^\W\d_]|・){1,8}))[ \u3000]+(?P<body>\S.*)$")
_CJK_FIRST = re.compile(rf"[*_]*[{_CJK}]")


def _cjk_words(body: str) -> bool:
    return body[:1] in "「『（(" or _CJK_FIRST.match(body) is not None


# Two people answering together: "**Ana (AS) and Ben (BO)**:", "Han(HK) and Elana (EH):",
# "KOVAC & NUNES:". Each name as a speaker label spells it, with its own optional outlet.
_ONE_OF_TWO = rf"(?:{_CAPS_NAME}|{_TITLE_NAME})(?:\s*[\[(][^\])\n]{{1,40}}[\])])?"
_JOINT = re.compile(
    rf"^[*_]{{0,2}}(?P<label>(?P<first>{_ONE_OF_TWO})\s+(?:and|&)\s+(?P<second>{_ONE_OF_TWO}))"
    r"[*_]{0,2}\s*[:：][*_]{0,2}(?:\s+|$)(?P<body>.*)$"
)
_JOINED = re.compile(r"(?<!\s)\s++(?:and|&)\s+")
# Automatic transcripts put the speaker and a time on a line of their own, the words below:
# "Ben Adler  0:04", and transcription services' "Speaker 2: (02:40)" or "Jo Lee: [01:02:03]".
_STAMP_LINE = re.compile(
    rf"^(?P<label>(?P<name>{_NUMBERED}|{_CAPS_NAME}|{_TITLE_NAME}))(?:\s*:)?\s+"
    r"(?:\((?P<time>\d{1,2}:\d{2}(?::\d{2})?)\)|\[(?P<bracketed>\d{1,2}:\d{2}(?::\d{2})?)\]"
    r"|(?P<bare>\d{1,2}:\d{2}(?::\d{2})?))$"
)
_STAMP_CLOSE = frozenset(")]")
_CLOCK = r"(?P<a>\d{1,2}:\d{2}(?::\d{2})?)"
_BARE_CLOCK = r"(?P<b>\d{1,2}:\d{2}:\d{2})"
_TIME_START = frozenset("[0123456789 ")
_TIME = re.compile(rf"^\s*(?:\[{_CLOCK}\]|{_BARE_CLOCK})\s+")
# "**[00:00:05] Mara Lind:**": a bracketed time just inside the bold (matched at 2).
_MARKED_TIME = frozenset({"**[", "__["})
_BRACKETED_TIME = re.compile(rf"\[{_CLOCK}\]\s+")
_LABEL_TIME_START = frozenset("[(0123456789 \\")
# After a label, Markdown's escaped "\[03:59\]" (podcast transcripts) is the turn's time too,
# and a transcription service's "(02:11)" after a bold name, the words on the next line.
_LABEL_TIME = re.compile(
    rf"^\s*(?:\\?\[{_CLOCK}(?:\.\d+)?\\?\]|\((?P<p>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)\)|{_BARE_CLOCK})(?:\s+|$)"
)
_QUESTION_LETTERS = {w for ws in QUESTION_WORDS.values() for w in ws if len(w) == 1}
_QUESTION_WORDS = {w.lower() for ws in QUESTION_WORDS.values() for w in ws}
_ANSWER_WORDS = {w.lower() for ws in ANSWER_WORDS.values() for w in ws}
_LABEL_WORDS = frozenset(_QUESTION_WORDS | _ANSWER_WORDS)
# Label words that name who speaks (so two of them in a row are two people).
_ROLE_LABELS = {
    w.lower() for ws in QUESTION_WORDS.values() for w in ws if len(w) > 3
} - GENERIC_QUESTION_WORDS
_BOLD_NAME = re.compile(r"(?<!\s)\s*+[\[(][^\])\[(]*[\])]|[\[(][^\])\[(]*[\])]|[*_:]", re.S)
_HONORIFIC_RE = re.compile(rf"^{_HONORIFIC}", re.I)


class _Found(NamedTuple):
    """A label read off a block (a NamedTuple: one is built for most labelled lines)."""

    kind: str  # "letter", "word" or "speaker"
    label: str
    name: str
    body: str
    key: str  # the speaker key for names, else the name itself
    hinted: bool = False  # the markup set it apart (a bold run), so once is enough
    affiliation: str | None = None
    time: str | None = None  # "Ben Adler  0:04": the time a transcript prints by the name


def _find(block: Block) -> _Found | None:
    text = block.text
    hinted = block.hints.label
    if hinted is not None and not block.hints.list_item:
        body = text[len(hinted) :].lstrip(" :.-–—") if text.startswith(hinted) else text
        name = hinted.strip(" :.-–—*")
        if len(name) == 1 or name.lower() in _LABEL_WORDS:
            kind = "letter" if len(name) == 1 else "word"
            return _Found(kind, hinted.strip(), name, body, name, hinted=True)
        # A bold name is a label only with its colon ("Morning light." leads a list).
        if hinted.rstrip().endswith(":"):
            m = _SPEAKER.match(hinted.rstrip() + " ")
            name = m.group("name") if m else _BOLD_NAME.sub("", hinted).strip()
            label = hinted.strip()
            if m and m.group("body").strip():
                # "<b>Tom: Why now:</b>": the label is "Tom:", the rest of the run is said.
                label = hinted[: m.start("body")].strip()
                body = text[len(label) :].lstrip(" ") if text.startswith(label) else body
            # A bold run may carry a longer title ("President of Russia Vladimir Putin:").
            # ... but a name ends on a name's word: "Makali wrote:", "Various people wrote:"
            # introduce quoted mail, not a turn.
            last = name.split()[-1:] or [""]
            if (
                _speaker_ok(name)
                and name[:1].isupper()
                and len(name.split()) <= 6
                and not last[0][:1].islower()
            ):
                return _Found("speaker", label, name, body, speaker_key(name), hinted=True)
    # Cheap tests first: most lines are prose that no label pattern can match.
    opening = text.lstrip("*_")
    first = opening[:1]
    if first in _LETTERS and _may_open_letter(opening):
        if m := _LETTER.match(text):
            letter = m.group("letter").upper()
            return _Found("letter", m.group("label"), letter, m.group("body"), letter)
        if m := _BARE_Q.match(text):
            return _Found("letter", "Q", "Q", m.group("body"), "Q")
    # A label word is capitalised ("Question:", "QUESTION:"); a hard-wrapped line that
    # happens to start "question. I get most often ..." is prose.
    if (
        first.upper() in _WORD_INITIALS
        and not first.islower()
        and _may_open_word(opening)
        and (m := _WORD.match(text))
    ):
        return _Found("word", m.group("label"), m.group("word"), m.group("body"), m.group("word"))
    # The line ends in its time: a digit, or a digit and the bracket closing it.
    last = text[-1:]
    if (
        (last.isdigit() or (last in _STAMP_CLOSE and text[-2:-1].isdigit()))
        and (m := _STAMP_LINE.match(text))
        and _speaker_ok(m.group("name"))
    ):
        name = m.group("name")
        time = m.group("time") or m.group("bracketed") or m.group("bare")
        return _Found("speaker", m.group("label"), name, "", speaker_key(name), time=time)
    head = text[:120]
    colon = ":" in head or (not head.isascii() and "：" in head)
    if colon and (m := _SPEAKER.match(text)) and _speaker_ok(m.group("name")):
        name, label, aff = m.group("name"), m.group("label"), m.group("aff")
        if aff is not None and _CLOCK_ONLY.fullmatch(aff):
            # "Mara Lind [00:00:05]:": the time printed by the name is the turn's.
            return _Found("speaker", name, name, m.group("body"), speaker_key(name), time=aff)
        if m.group("shut"):
            label = label.replace(m.group("shut"), "", 1)  # "**Ana** (AP):" is "Ana (AP)"
        return _Found("speaker", label, name, m.group("body"), speaker_key(name), affiliation=aff)
    if (
        colon
        and (" and " in head or " & " in head)
        and (m := _JOINT.match(text))
        and _speaker_ok(first_name := _BOLD_NAME.sub("", m.group("first")).strip())
        and _speaker_ok(second_name := _BOLD_NAME.sub("", m.group("second")).strip())
        and len(first_name) > 1
        and len(second_name) > 1
    ):
        name = f"{first_name} and {second_name}"
        return _Found("speaker", m.group("label"), name, m.group("body"), speaker_key(name))
    if first in _DASHES and (m := _DASH_QUESTION.match(text)) and _cjk_words(m.group("body")):
        return _Found("letter", m.group("label"), "Q", m.group("body"), "Q")
    # Every script the CJK pattern names lies at or above U+3040: a cheap test first.
    if first >= "\u3040" and _CJK_FIRST.match(text) and not block.hints.heading:
        if m := _CJK_SPEAKER.match(text):
            name = m.group("name").strip()
            return _Found("speaker", m.group("label"), name, m.group("body"), name)
        if (
            (" " in text[:9] or "\u3000" in text[:9])
            and (m := _CJK_SPACED_SPEAKER.match(text))
            and all(_CJK_FIRST.match(ch) or ch == "・" for ch in m.group("name"))
            and _cjk_words(m.group("body"))
        ):
            name = m.group("name")
            return _Found("speaker", m.group("label"), name, m.group("body"), name)
    return None


def _may_open_letter(opening: str) -> bool:
    """Whether a line opening with a label letter may hold a letter label: the letter
    stands alone, and a letter after it opens a word ("And", "Paris")."""
    return not opening[1:2].isalpha()


def _may_open_word(opening: str) -> bool:
    """Whether a line's opening (past emphasis markers) may be a label word's, in any case."""
    head = opening[:3]
    low = head.lower()
    return (
        low in _WORD_HEADS
        or low[:2] in _WORD_HEADS
        or (not head.isascii() and any(ch in head for ch in FOLD_ODD))
    )


@functools.lru_cache(maxsize=4096)  # a page repeats its few speaker names on every turn
def _speaker_ok(name: str) -> bool:
    words = name.split()
    if not words or len(name) > 60:
        return False
    if words[0].lower().strip(".") in NOT_SPEAKERS:
        return False
    # Digits or a trailing full stop mean a date or a sentence, not a name ("Speaker 2" aside).
    return not any(ch.isdigit() for ch in name) or _NUMBERED_RE.match(name) is not None


@functools.lru_cache(maxsize=4096)
def speaker_key(name: str) -> str:
    """A key under which ``JANE DOE``, ``Doe`` and ``Ms Doe`` fall together: the surname.

    Two people speaking together (``Ana and Ben``, ``KOVAC & NUNES``) have a key of their
    own, ``ANA & BEN``: neither one's turns."""
    if " and " in name or " & " in name:
        parts = _JOINED.split(name.strip())
        if len(parts) == 2 and all(p[:1].isupper() for p in parts):
            return " & ".join(speaker_key(p) for p in parts)
    bare = _HONORIFIC_RE.sub("", name.strip()).strip(" .")
    words = bare.split()
    if len(words) > 1 and words[0].lower() == "the":
        # An office, not a name: "THE VICE PRESIDENT" is not "THE PRESIDENT".
        return " ".join(words[1:]).upper().strip(".")
    return (words[-1] if words else bare).upper().strip(".")


def key_for(state: State, name: str) -> str:
    """The key of a speaker as printed on this page (the labels stage's, where it joined the
    name to another's turns)."""
    return state.speaker_keys.get(name) or speaker_key(name)


def _joint_keys(key: str) -> list[str]:
    """The two speakers of a joint key (``ANA & BEN``), or none."""
    return key.split(" & ") if " & " in key else []


def _side_of_word(word: str) -> str | None:
    low = word.lower()
    if low in _QUESTION_WORDS:
        return "q"
    if low in _ANSWER_WORDS:
        return "a"
    return None


def run(state: State) -> None:
    found: dict[int, _Found] = {}
    # Open blocks with no label that may be a name alone ("MARA LIND", "**Mara Lind**"), and
    # those that may open with a hearing record's title ("Chairman HALE."): the later passes
    # look only at these.
    capped: list[int] = []
    titled: list[int] = []
    for block in state.blocks:
        if block.kind is not None:
            continue
        text = block.text
        first = text[:1]
        if first in _TIME_START and (t := _TIME.match(text)):
            block.time = t.group("a") or t.group("b")
            text = block.text = text[t.end() :]
            first = text[:1]
        elif first in _MARK_ENDS and text[:3] in _MARKED_TIME and (t := _BRACKETED_TIME.match(text, 2)):
            # "**[00:00:05] Mara Lind:** ...": the time inside the bold that holds the name.
            block.time = t.group("a")
            text = block.text = text[:2] + text[t.end() :]
        hit = _find(block)
        if hit is None and first in _BULLETS and text[1:2] == " " and state.format == "text":
            # "- **Q:** How long ...?": a label inside a Markdown list item.
            block.text = text[2:]
            hit = _find(block)
            if hit is None:
                block.text = text
        if hit is not None:
            found[block.index] = hit
            continue
        last = text[-1:]
        if last.isupper() or last in _MARK_ENDS or block.hints.bold:
            capped.append(block.index)
        if first in _RECORD_INITIALS:
            titled.append(block.index)

    _bare_q_dashes(state, found)
    if len(capped) >= 4:
        _name_lines(state, found, capped)
    _titled_labels(state, found)
    _period_labels(state, found)
    if len(titled) >= _RECORD_MIN:
        _record_labels(state, found, titled)
    _given_name_keys(found)
    letters = Counter(f.name for f in found.values() if f.kind == "letter")
    words = Counter(f.name.lower() for f in found.values() if f.kind == "word")
    speakers = Counter(f.key for f in found.values() if f.kind == "speaker")
    if _initials_keys(state, found, speakers):
        speakers = Counter(f.key for f in found.values() if f.kind == "speaker")

    # Letter labels count only as a pair seen in the document (Q with A, P with R ...).
    q_letters = {k for k in letters if k in _QUESTION_LETTERS}
    a_letters = {k for k in letters if k in {w for ws in ANSWER_WORDS.values() for w in ws}}
    letters_ok = bool(q_letters) and (bool(a_letters) or sum(letters.values()) >= 2)
    if letters and not letters_ok and any(n >= 2 for n in speakers.values()):
        # "A:" among recurring "AP:" and "KN:" labels, with no "Q:": a speaker's initial,
        # not the answer letter.
        for index, f in list(found.items()):
            if f.kind == "letter":
                found[index] = f._replace(kind="speaker")
        letters = Counter()
        speakers = Counter(f.key for f in found.values() if f.kind == "speaker")
    # A letter that is both (A in English, and nothing else) is fine; P/R need each other.
    # Label words carry the questions when they are a convention of the page, not three
    # "Question:" lines among three hundred named turns (a call-in show read by its hosts).
    qa_hits = sum(n for w, n in words.items() if w not in _ROLE_LABELS)
    qa_words = qa_hits > 0 and qa_hits >= _QA_WORD_SHARE * sum(speakers.values())
    real_speakers = {k for k, n in speakers.items() if n >= 2}
    # A bold name seen once is a label only beside other turns: with recurring labels, or
    # with other one-off bold names in paragraphs of their own. One bold "Science:" kicker,
    # or "Dress: ... Boots: ..." credits in one line, is no convention.
    once = {(f.key, state.blocks[i].para) for i, f in found.items() if f.kind == "speaker" and f.hinted}
    if real_speakers or letters_ok or qa_words or len({para for _, para in once}) >= 2:
        real_speakers |= {key for key, _ in once}
    if any(n >= 2 for w, n in words.items() if w in _ROLE_LABELS):
        # "Interviewer:" on every question: the names that answer label turns, seen once or not.
        real_speakers |= {f.key for f in found.values() if f.kind == "speaker"}
    caps = {f.key for f in found.values() if f.kind == "speaker" and f.name.isupper() and len(f.name) > 2}
    # A name with an outlet or role attached ("Ana Ruiz [Radio Bay]:") is label-shaped too.
    caps |= {f.key for f in found.values() if f.kind == "speaker" and f.affiliation}
    # A name with the time beside it on a line of its own is label-shaped too ("Speaker 2:
    # (02:40)", each reporter of a briefing numbered once), when the page prints two or more.
    stamped = [f.key for f in found.values() if f.kind == "speaker" and f.time is not None]
    if len(stamped) >= 2:
        caps |= set(stamped)
    if len(real_speakers) >= 2 or len(caps) >= 2 or (real_speakers and caps - real_speakers):
        # Capitalised names label turns even when seen once ("SURGEON GENERAL ADAMS:" stepping
        # up in a briefing; a one-question interview), once two of them, or two names, do.
        real_speakers |= caps
    if not real_speakers and not letters_ok and not qa_words:
        real_speakers = _first_pair(state, found)
    # Two speakers of the page answering together label a turn, seen once or not.
    joint = {
        f.key
        for f in found.values()
        if " & " in f.key and f.kind == "speaker" and all(k in real_speakers for k in _joint_keys(f.key))
    }
    real_speakers |= joint
    sides = _speaker_sides(state, found, real_speakers, letters_ok or qa_words)
    if words:
        _answering_remarks(found, sides)
    for key in joint:
        # They speak for the side both of them take.
        pair_sides = {sides.get(k) for k in _joint_keys(key)}
        if len(pair_sides) == 1 and (shared := pair_sides.pop()) is not None:
            sides[key] = shared
    # Named speakers, and bold questions nobody labels ("Marta:" and "Jonas:" answering
    # unlabelled bold questions; "Magazine:" / "Jane Doe:" on the first pair only): the
    # bold questions ask, and the names answer unless their own turns ask.
    if (
        real_speakers
        and not letters_ok
        and not qa_words
        and len(emphasis_questions(units(state, skip=set(found)))) >= 2
    ):
        for key, asking in _asking_share(state, found, real_speakers).items():
            if key not in MODERATOR_WORDS and key.lower() not in _QUESTION_WORDS:
                sides[key] = "q" if asking >= 0.5 else "a"
    # Not where "Q" letters or label words ask: a briefing's officials hand over to each
    # other inside one answer ("Dr. Fauci, anything you'd add?").
    asking_turns = set() if letters_ok or qa_words else _answerers_asking(state, found, sides, real_speakers)
    conventions = []
    labelled: dict[int, str] = {}
    for index, hit in found.items():
        block = state.blocks[index]
        side: str | None = None
        if hit.kind == "letter" and letters_ok:
            side = "q" if hit.name in q_letters else "a"
            if hit.name in q_letters and hit.name in a_letters:
                side = "q"
        elif hit.kind == "word":
            side = _side_of_word(hit.name)
        elif hit.kind == "speaker":
            key = hit.key
            # A name that is a label word says its side ("Interviewer:"); a lone initial
            # ("A:" among "AP:" and "KN:") does not.
            word_side = _side_of_word(hit.name) if len(hit.name) > 1 else None
            if key in real_speakers or word_side or hit.name.lower() in AUDIENCE_WORDS:
                side = word_side or ("q" if index in asking_turns else sides.get(key))
        if side is None:
            continue
        block.side = side
        labelled[index] = side
        block.label = hit.label
        if hit.time and block.time is None:
            block.time = hit.time
        block.body = hit.body
        if hit.body[:1] in _LABEL_TIME_START and (t := _LABEL_TIME.match(hit.body)):
            # "HALE: [00:01:05] Your views?": the time printed after the label is the turn's.
            block.time = block.time or t.group("a") or t.group("p") or t.group("b")
            block.body = hit.body[t.end() :]
        block.rule = f"label-{hit.kind}"
        if hit.kind == "speaker" or (hit.kind == "word" and hit.name.lower() in _ROLE_LABELS):
            block.speaker = hit.name
            if hit.kind == "speaker" and hit.key != speaker_key(hit.name):
                state.speaker_keys[hit.name] = hit.key
        conventions.append(hit.kind)
        lang = LABEL_LANGUAGE.get(hit.name.lower())
        if lang and state.meta.language is None:
            state.meta.language = lang
    if letters_ok and q_letters & {"P"} and a_letters & {"R"} and state.meta.language is None:
        state.meta.language = "es"
    if conventions:
        state.speakers = sides
    elif _markup_classes(state):
        return
    # Labels, emphasis and "?" together: the decode reads the questions nobody labelled.
    rule = decode(state, labelled)
    if conventions:
        state.meta.convention = Counter(conventions).most_common(1)[0][0]
    else:
        state.meta.convention = rule or "none"


def _markup_classes(state: State) -> bool:
    """The site's own question and answer classes (``<p class="question">``), both present:
    they are the labels of the page."""
    marked_up = [b for b in state.blocks if b.kind is None and b.hints.qa]
    if not (any(b.hints.qa == "q" for b in marked_up) and any(b.hints.qa == "a" for b in marked_up)):
        return False
    for b in marked_up:
        b.side = b.hints.qa
        b.rule = "markup-class"
    state.meta.convention = "markup-class"
    return True


def _first_pair(state: State, found: dict[int, _Found]) -> set[str]:
    """ "Courier: How many ...?" / "Varga: I worked it out ..." on the first exchange only,
    the rest unlabelled: two labels seen once are the two sides when they are the page's
    only labels, open consecutive paragraphs, the first asks and the second does not, and
    the intro names the second ("Olek Varga has run the ferry ...")."""
    hits = [(i, f) for i, f in found.items() if f.kind == "speaker"]
    if len(hits) != 2 or len(found) != 2:
        return set()
    (i, asker), (j, replier) = hits
    first, second = state.blocks[i], state.blocks[j]
    if second.para != first.para + 1 or asker.key == replier.key:
        return set()
    if not ends_asking(asker.body) or ends_asking(replier.body) or len(replier.body.split()) < 6:
        return set()
    before = " ".join(b.text for b in state.blocks[:i] if b.kind is None)
    if re.search(rf"\b{re.escape(replier.name)}\b", before) is None:
        return set()
    return {asker.key, replier.key}


def _asking_share(state: State, found: dict[int, _Found], keys: set[str]) -> dict[str, float]:
    """For each labelled speaker, the share of their turns whose labelled line asks."""
    asked: dict[str, list[bool]] = defaultdict(list)
    for index, hit in found.items():
        if hit.kind == "speaker" and hit.key in keys:
            asked[hit.key].append(ends_asking(state.blocks[index].text))
    return {k: sum(v) / len(v) for k, v in asked.items()}


def _given_name_keys(found: dict[int, _Found]) -> None:
    """ "Jane Doe:" on the first turn and "Jane:" after are one speaker: a one-word label
    that is the given name of exactly one full-name label takes that speaker's key."""
    given: dict[str, set[str]] = defaultdict(set)
    for f in found.values():
        words = f.name.split()
        if f.kind == "speaker" and len(words) >= 2 and not f.name.isupper() and not _joint_keys(f.key):
            given[words[0].lower()].add(f.key)
    if not given:
        return
    for index, f in found.items():
        if f.kind == "speaker" and " " not in f.name:
            keys = given.get(f.name.lower().strip("."))
            if keys and len(keys) == 1:
                found[index] = f._replace(key=next(iter(keys)))


_FULL_NAME = re.compile(rf"\b([{_UP}][{SMALL_LETTERS}]+)\s+([{_UP}][{SMALL_LETTERS}'’\-]+)\b")


def _initials_keys(state: State, found: dict[int, _Found], counts: Counter[str]) -> bool:
    """ "Amira:" on the first turn and "AP:" after, the page naming Amira Patel (its author,
    or its intro): a one-off given name whose full name's initials label recurring turns is
    that speaker; so is a name given with the initials that label other turns ("Frederico
    (FSM):" then "FSM:"). Whether any key changed (``counts``: the speaker keys' counts)."""
    changed = False
    # "Frederico (FSM):" then "FSM:": the initials given beside the name on its first turn.
    for index, f in list(found.items()) if any(_is_initials(k) for k in counts) else ():
        aff = f.affiliation
        if f.kind == "speaker" and aff and aff != f.key and _is_initials(aff) and aff in counts:
            found[index] = f._replace(key=aff)
            changed = True
    if changed:
        counts = Counter(f.key for f in found.values() if f.kind == "speaker")
    initials = {k for k, n in counts.items() if n >= 2 and 2 <= len(k) <= 3 and k.isalpha()}
    if not initials:
        return changed
    once = [i for i, f in found.items() if f.kind == "speaker" and counts[f.key] == 1 and " " not in f.name]
    if not once:
        return changed
    first = min(found)
    texts = [state.meta.author or "", *(b.text for b in state.blocks[:first] if b.kind is None)]
    given: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in _FULL_NAME.finditer(text):
            given[m.group(1).lower()].add((m.group(1)[0] + m.group(2)[0]).upper())
    for index in once:
        f = found[index]
        keys = given.get(f.name.lower().strip("."), set()) & initials
        if len(keys) == 1:
            found[index] = f._replace(key=keys.pop())
            changed = True
    return changed


def _is_initials(key: str) -> bool:
    return 2 <= len(key) <= 4 and key.isalpha() and key.isupper()


_LONG_LABEL_WORDS = 12
_QA_WORD_SHARE = 0.05


def _titled_labels(state: State, found: dict[int, _Found]) -> None:
    """ "Chief editor of Meridian Media Group Paul Okonjo: ..." on the first question, and
    "Paul Okonjo:" after: a long label that ends with a name labelling other turns is that
    speaker's label (the title has lower-case words no name pattern takes)."""
    counts = Counter(f.key for f in found.values() if f.kind == "speaker")
    names = {
        f.name.lower(): f
        for f in found.values()
        if f.kind == "speaker" and counts[f.key] >= 2 and " " in f.name
    }
    if not names:
        return
    for block in state.blocks:
        if block.kind is not None or block.index in found:
            continue
        colon = block.text.find(":", 0, 160)
        if colon < 0:
            continue
        prefix = block.text[:colon].strip(" *_")
        words = prefix.split()
        if not 2 < len(words) <= _LONG_LABEL_WORDS or not words[0][:1].isupper():
            continue
        for k in (3, 2):
            hit = names.get(" ".join(words[-k:]).lower())
            if hit is not None:
                body = block.text[colon + 1 :].lstrip(" *_")
                found[block.index] = _Found("speaker", block.text[: colon + 1], hit.name, body, hit.key)
                break


_PERIOD_NAME = re.compile(rf"^(?P<name>[{_UP}][\w'’\-]+(?:\s+[{_UP}][\w'’\-]+){{1,2}})\.\s+(?P<body>\S.*)$")


# A hearing's record names each speaker by title and capitalised surname, then a full stop:
# "Chairman HALE.", "Ms. PRICE.", "Senator OWENS.", "The CHAIRMAN.".
_RECORD_TITLES = (
    "Mr. ", "Mrs. ", "Ms. ", "Miss ", "Dr. ", "Chairman ", "Chairwoman ", "Chair ", "Senator ",
    "Representative ", "Secretary ", "Ambassador ", "General ", "Admiral ", "Governor ", "Mayor ",
    "Director ", "Commissioner ", "Judge ", "Justice ", "The ",
)  # fmt: skip
_RECORD_LABEL = re.compile(
    rf"^(?P<name>(?:{'|'.join(t.strip().replace('.', '[.]') for t in _RECORD_TITLES)})\s+"
    rf"[{_UP}]{{2,}}(?:[-'’][{_UP}]+)*)\.\s+(?P<body>\S.*)$"
)
_RECORD_MIN = 3  # turns, by two speakers at least
_RECORD_INITIALS = frozenset(t[0] for t in _RECORD_TITLES)


def _record_labels(state: State, found: dict[int, _Found], titled: list[int]) -> None:
    """ "Chairman HALE. What will that cost?" / "Ms. PRICE. About twelve million.": the
    record of a hearing labels each turn by title, surname in capitals and a full stop.
    Only where the page does so three times or more, for two speakers or more. ``titled``:
    the open unlabelled blocks opening with a title's first letter."""
    hits: dict[int, _Found] = {}
    for index in titled:
        block = state.blocks[index]
        text = block.text
        if not text.startswith(_RECORD_TITLES) or index in found:
            continue
        if m := _RECORD_LABEL.match(text):
            name = m.group("name")
            hits[block.index] = _Found(
                "speaker", name + ".", name, m.group("body"), speaker_key(name), hinted=True
            )
    if len(hits) >= _RECORD_MIN and len({f.key for f in hits.values()}) >= 2:
        found.update(hits)


def _period_labels(state: State, found: dict[int, _Found]) -> None:
    """ "Elsa Nyberg. We agreed ...": in a transcript whose questions are labelled, a name
    and a full stop opening the paragraph after a question labels its answer (news
    conferences of two leaders print them so). Only when it happens at least twice."""
    kinds = {(f.kind, _side_of_word(f.name)) for f in found.values() if f.kind in ("letter", "word")}
    if ("letter", "q") not in kinds and ("word", "q") not in kinds:
        return  # only after labelled questions
    asked = False
    hits: dict[int, _Found] = {}
    para = None
    for block in state.blocks:
        if block.kind is not None:
            continue
        hit = found.get(block.index)
        if hit is not None:
            asked = hit.kind in ("letter", "word") and _side_of_word(hit.name) == "q"
            para = block.para
            continue
        if asked and block.para != para:
            m = _PERIOD_NAME.match(block.text)
            words = m.group("name").split() if m else []
            if m and 2 <= len(words) <= 3 and _speaker_ok(m.group("name")):
                name = m.group("name")
                hits[block.index] = _Found(
                    "speaker", name + ".", name, m.group("body"), speaker_key(name), hinted=True
                )
            asked = False
    if len(hits) >= 2:
        found.update(hits)


_MARK_ENDS = frozenset("*_")
_BULLETS = frozenset("-*+•")
_NAME_LINE = re.compile(rf"^[*_]{{0,2}}(?P<name>{_CAPS_NAME})[*_]{{0,2}}$")
_BOLD_NAME_LINE = re.compile(rf"^(?P<mark>[*_]{{2}})(?P<name>{_TITLE_NAME})(?P=mark)$")
_NAME_ALONE = re.compile(rf"^(?P<name>{_TITLE_NAME})$")


def _name_lines(state: State, found: dict[int, _Found], capped: list[int]) -> None:
    """ "MARA LIND", or a bold "Mara Lind", on a line of its own and the words below it: a
    script's or a transcript's speaker, when two or more such names recur on the page (a
    heading is seldom printed twice, and never alternates with another). ``capped``: the
    open unlabelled blocks ending in a capital, an emphasis mark or in bold, the only ones
    that can be such."""
    blocks = state.blocks
    hits: dict[int, _Found] = {}
    for n in capped:
        block = blocks[n]
        text = block.text
        if n + 1 >= len(blocks) or len(text) > 60 or block.hints.heading or blocks[n + 1].kind is not None:
            continue
        m = _NAME_LINE.match(text) or _BOLD_NAME_LINE.match(text)
        if m is None and block.hints.bold:
            m = _NAME_ALONE.match(text)
        if m and len(m.group("name")) > 2 and _speaker_ok(name := m.group("name")):
            hits[n] = _Found("speaker", name, name, "", speaker_key(name), hinted=block.hints.bold)
    # A name says who speaks the words below it; a run of them is a list or a chart's legend.
    hits = {n: f for n, f in hits.items() if n + 1 not in hits and n - 1 not in hits}
    counts = Counter(f.key for f in hits.values())
    if sum(1 for c in counts.values() if c >= 2) >= 2:
        found.update((i, f) for i, f in hits.items() if counts[f.key] >= 2)


def _bare_q_dashes(state: State, found: dict[int, _Found]) -> None:
    """In a briefing whose questions open with a bare ``Q`` (``Q    Mr. President ...``),
    ``Q — in that regard?`` is a bare Q before an interrupted question: the dash is its
    first word, not a separator (``Q — What ...`` pages use the dash on every label)."""
    styles: dict[str, list[int]] = {"bare": [], "dash": [], "punct": []}
    for index, hit in found.items():
        if hit.kind != "letter" or hit.name != "Q" or hit.hinted:
            continue
        after = state.blocks[index].text.lstrip("*_")[1:].lstrip()[:1]
        if after:  # a Q alone on its line says nothing about the style
            styles["dash" if after in "-–—" else "punct" if after in ".:)" else "bare"].append(index)
    if len(styles["bare"]) >= 2 and not styles["punct"] and len(styles["dash"]) * 2 <= len(styles["bare"]):
        for index in styles["dash"]:
            body = state.blocks[index].text.lstrip("*_")[1:].lstrip()
            found[index] = found[index]._replace(body=body)


_FORUM_SPEAKERS = 4
_FORUM_REPLIED = 0.6
_FORUM_HANDED = 0.5
_FORUM_MAIN_SHARE = 0.33


def _forum_askers(found: dict[int, _Found], sides: dict[str, str]) -> None:
    """A forum or call-in with one main answerer (an answering speaker with a third of the
    named turns or more): each participant talks with them in turn, their exchanges running
    over several turns that seldom end on "?". A speaker whose turns the main answerer
    replies to (most of them, and at least two) and whom no asker hands the word to asks,
    if the page then reads as more questions answered."""
    hits = [found[i] for i in sorted(found)]
    named = Counter(f.key for f in hits if f.kind == "speaker")
    main, most = named.most_common(1)[0] if named else ("", 0)
    if sides.get(main) != "a" or most < _FORUM_MAIN_SHARE * sum(named.values()):
        return
    replied: Counter[str] = Counter()
    handed: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    for before, f, after in zip([None, *hits[:-1]], hits, [*hits[1:], None], strict=True):
        if f.kind == "speaker":
            turns[f.key] += 1
            replied[f.key] += after is not None and after.kind == "speaker" and after.key == main
            handed[f.key] += before is not None and _hit_side(before, sides) == "q"
    flipped = dict(sides)
    for key, side in sides.items():
        if (
            side == "a"
            and key != main
            and replied[key] >= 2
            and replied[key] >= _FORUM_REPLIED * turns[key]
            and handed[key] <= _FORUM_HANDED * turns[key]
        ):
            flipped[key] = "q"
    if flipped != sides and _answered(hits, flipped) > _answered(hits, sides):
        sides.update(flipped)


def _hit_side(hit: _Found, sides: dict[str, str]) -> str | None:
    return sides.get(hit.key) if hit.kind == "speaker" else _side_of_word(hit.name)


def _answered(hits: list[_Found], sides: dict[str, str]) -> int:
    """How many labelled turns that ask are answered by the next labelled turn."""
    marks = [_hit_side(h, sides) for h in hits]
    return sum(1 for a, b in itertools.pairwise(marks) if a == "q" and b == "a")


_SHORT_ASKING_WORDS = 30


def _answerers_asking(
    state: State, found: dict[int, _Found], sides: dict[str, str], real: set[str]
) -> set[int]:
    """The turns in which an answering speaker asks another ("(To Ilya Seredyuk.) How long
    have you been mayor?" from the leader, the mayor answering): short, one paragraph,
    ending on "?", straight after no question and straight before another answerer's turn.
    One side per speaker would make them answers, and the reply an answer to nothing."""
    order = sorted(found)
    blocks = state.blocks
    out: set[int] = set()
    for n, index in enumerate(order):
        hit = found[index]
        if hit.kind != "speaker" or hit.key not in real or sides.get(hit.key) != "a":
            continue
        after = found[order[n + 1]] if n + 1 < len(order) else None
        if after is None or after.kind != "speaker" or after.key == hit.key or sides.get(after.key) != "a":
            continue
        before = found[order[n - 1]] if n else None
        if before is not None and _hit_side(before, sides) == "q":
            continue  # the answer to a question, asking back
        end = order[n + 1]
        lines = [hit.body] + [b.text for b in blocks[index + 1 : end] if b.kind is None]
        if any(b.para != blocks[index].para for b in blocks[index + 1 : end] if b.kind is None):
            continue  # several paragraphs: an answer, whatever its end
        text = " ".join(lines)
        if ends_asking(text) and split_length(text) <= _SHORT_ASKING_WORDS:
            out.add(index)
    return out


def _answering_remarks(found: dict[int, _Found], sides: dict[str, str]) -> None:
    """A named speaker who asks the officials in a meeting's first minutes, then mostly
    answers the floor ("Remark: ...", "Question: ..."): half their turns or more reply to
    an asking label word, so they answer (both asking, nothing was answered)."""
    replies: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    before: _Found | None = None
    for index in sorted(found):
        f = found[index]
        if f.kind == "speaker":
            turns[f.key] += 1
            if (
                before is not None
                and before.kind == "word"
                and _side_of_word(before.name) == "q"
                and before.name.lower() not in MODERATOR_WORDS  # a hand-over asks nothing
            ):
                replies[f.key] += 1
        before = f
    for key, side in list(sides.items()):
        if side == "q" and replies[key] and 2 * replies[key] >= turns[key]:
            sides[key] = "a"


def _speaker_sides(
    state: State, found: dict[int, _Found], real: set[str], have_qa_words: bool
) -> dict[str, str]:
    """Decide which speakers ask and which answer, from label words, ``?`` and turn length."""
    sides: dict[str, str] = {}
    if not real:
        return sides
    # Each real speaker's turns, as (words, last line): the last line says whether it asks.
    # A turn runs from its label to the next one; found holds open blocks only.
    names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    before_question: Counter[str] = Counter()
    current: str | None = None
    blocks = state.blocks
    order = sorted(found)
    for n, index in enumerate(order):
        hit = found[index]
        if current is not None and hit.kind != "speaker" and _side_of_word(hit.name) == "q":
            before_question[current] += 1
        current = hit.key if hit.kind == "speaker" and hit.key in real else None
        if current is None:
            continue
        words, last = split_length(hit.body), hit.body
        for i in range(index + 1, order[n + 1] if n + 1 < len(order) else len(blocks)):
            block = blocks[i]
            if block.kind is None:
                words += block.text.count(" ") + 1  # folded text: words are one space apart
                last = block.text
        names[current].append((words, last))
    if not names:
        return sides
    volume = {k: sum(t[0] for t in v) for k, v in names.items()}
    # Who speaks first among the named speakers: on a show, the host.
    opener = next(f.key for f in found.values() if f.kind == "speaker" and f.key in names)
    asking = {k: sum(1 for t in v if ends_asking(t[1])) / len(v) for k, v in names.items()}
    # The main answerer: the most words among those who ask least (a host who reads the
    # intro, the sponsor and the outro may speak most, and ask in under half the turns).
    least = min(asking.values())
    top = max(asking.values())
    answering = [
        k for k in names if asking[k] < 0.5 and (top < 0.3 or asking[k] < top / 2 or asking[k] == least)
    ]
    answering = answering or list(names)
    interviewee = max(answering, key=lambda k: volume[k])
    top_avg = volume[interviewee] / max(1, len(names[interviewee]))
    for key, texts in names.items():
        low = key.lower()
        if low in _QUESTION_WORDS or low in MODERATOR_WORDS or low in AUDIENCE_WORDS:
            sides[key] = "q"
            continue
        if have_qa_words:
            # Questions carry Q labels, so named speakers answer; except a moderator, who
            # speaks briefly and is mostly followed by the next question, and a named
            # journalist whose turns ask ("Ines Carvalho (Valdor Daily): Minister, ...?").
            avg = volume[key] / len(texts)
            if key != interviewee and asking[key] >= 0.5:
                sides[key] = "q"
                continue
            if (
                key != interviewee
                and len(texts) >= 2
                and before_question[key] >= len(texts) / 2
                and avg < min(80, 0.4 * top_avg)
            ):
                sides[key] = "q"
                state.moderators.add(key)
            else:
                sides[key] = "a"
            continue
        if key == interviewee:
            sides[key] = "a"
            continue
        avg = volume[key] / len(texts)
        # Brief turns ask when they ever ask, or open the show; a panelist's short replies
        # never end on "?".
        brief = avg < 0.5 * top_avg and (asking[key] > 0 or key == opener)
        sides[key] = "q" if asking[key] >= 0.3 or brief else "a"
    if len(names) >= 3 and not have_qa_words:
        # A panel of hosts and a guest: the guest the hosts introduce ("our special guest
        # today is Francesc Campoy") answers, the hosts ask, even those who mostly chat.
        guest = _introduced_guest(state, found, set(names))
        if guest is not None:
            sides = {k: "a" if k == guest or (asking[k] == 0 and k != opener) else "q" for k in names}
    if (
        len(names) >= 2
        and not have_qa_words
        and "q" not in sides.values()
        and asking[opener] > 0
        and asking[opener] == top
        and sum(a == top for a in asking.values()) == 1
    ):
        # A conversational show whose host seldom ends a turn on "?": nobody came out as
        # the asker. The host opens the show and asks more than anyone else.
        sides[opener] = "q"
    if not have_qa_words and len(names) >= _FORUM_SPEAKERS:
        _forum_askers(found, sides)
    return sides


_GUEST_CUE = re.compile(
    r"\b(?:special guest|our guest|my guest|guest (?:today|this week)|joined by|joining us|"
    r"with us (?:today|this week)|talking (?:to|with)|speaking (?:to|with))\b",
    re.I,
)
_GUEST_TURNS = 8


def _introduced_guest(state: State, found: dict[int, _Found], keys: set[str]) -> str | None:
    """The speaker whose name follows a guest cue in the first turns of the show."""
    seen = 0
    for hit in found.values():
        if hit.kind != "speaker" or hit.key not in keys:
            continue
        seen += 1
        if seen > _GUEST_TURNS:
            break
        cue = _GUEST_CUE.search(hit.body)
        if cue is None:
            continue
        after = hit.body[cue.end() :]
        for word in re.findall(r"[A-Z][\w'’-]+", after)[:12]:
            key = str(word).upper()
            if key in keys and key != hit.key:
                return key
    return None


def display_name(label: str) -> str:
    """``MR. JOHN DOE`` -> ``John Doe``; mixed-case names are kept as written."""
    bare = _HONORIFIC_RE.sub("", label.strip())
    words = bare.split()
    # "Governor Hana Sato" is Hana Sato; "MINISTER ALVES" keeps the title it is known by.
    if len(words) > 2 and words[0].lower() in OFFICE_WORDS:
        bare = " ".join(words[1:])
    elif len(words) == 2 and words[0].lower() in OFFICE_WORDS and words[1].isupper() and not bare.isupper():
        return f"{words[0]} {words[1].title()}"  # a hearing's "Chairman HALE"
    return bare.title() if bare.isupper() else bare


OFFICE_WORDS = frozenset(
    """
    governor minister president senator secretary ambassador mayor chancellor professor
    general admiral commissioner chairman chairwoman chair director councillor councilor
    judge justice premier deputy representative rep sen gov
    """.split()
)
