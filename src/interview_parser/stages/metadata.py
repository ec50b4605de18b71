"""Metadata stage: title, publication date and the people, from what the page shows.

Reads the header blocks (before the first question), the page metadata the front end
found (``<title>``, JSON-LD, front matter), the intro and captions, and the speakers the
labels stage saw. Decides the title (headline, else the breadcrumb's last part), the date
(the first date in the header), and the interviewee: the answering speaker, resolved to
the fullest spelling of their name found in the title, intro or captions (by surname, or
by initials for labels like ``TN:``); without speakers, the person the intro names, not a
place (``at Gull Point``) nor the asker (``Peter Hale asked``).
"""

from __future__ import annotations

import re
from collections import Counter

from ..blocks import Block, State
from ..dates import find_date
from ..lexicon import CAPITALS, ORGANISATION_WORDS, SMALL_LETTERS, TITLE_SEPARATORS
from ..records import Bucket, Diagnostic
from .chrome import ITEM_SEPARATORS
from .labels import OFFICE_WORDS, display_name, key_for
from .turns import is_wrapped, word_count

_WORD_OF_NAME = rf"[{CAPITALS}][{SMALL_LETTERS}]+(?:-[{CAPITALS}][{SMALL_LETTERS}]+)?"
# A particle is a word of its own ("de Wit", not the "de" of "den Leuchtturm").
_NAME = re.compile(
    rf"(?<![\w’'])((?:{_WORD_OF_NAME})(?:\s+(?:{_WORD_OF_NAME}|(?:de|van|von|da|del)\b)){{1,3}})"
)
# Job titles are no given names: "Implementation Coordinator Mitch Landrieu" is Mitch
# Landrieu, and "ADMINISTRATOR CRISWELL" names one word of her.
_JOB_WORDS = frozenset(
    """
    coordinator advisor adviser administrator envoy spokesman spokeswoman spokesperson
    officer counselor counsellor attorney surgeon commissioner chairman chairwoman
    chancellor founder ceo cfo coo cto commander lieutenant colonel sergeant inspector
    """.split()
)
# Words that start or end a capitalised run without being part of a name.
_NOT_NAME = _JOB_WORDS | frozenset(
    """
    the a an and of in on at for with by to from dr doctor mr mrs ms prof professor sir dame
    secretary general minister president ambassador special representative governor
    chief executive director manager captain coach mayor senator deputy foreign prime
    consultant head editor correspondent reporter interview interviews conversation
    photo video picture host presenter anchor moderator interviewer guest hon
    frau herr herrn madame monsieur mme mlle señor señora sr sra signor signora sig pan pani
    """.split()
)
_PROSE_WORDS = 20
_LINK_LINE = re.compile(r"^[*_]*\[[^\]]*\]\([^)]*\)")
_BYLINE = re.compile(r"^(?:by|words by|interview by|interviewed by|von|par|por|di|door)\s", re.I)


def run(state: State) -> None:
    if state.detect_language and state.meta.language is None:
        _detect_language(state)
    blocks = state.blocks
    header = _header(blocks)
    if state.meta.title is None:
        state.meta.title = _title(header)
    else:
        # "Old Town Gazette - Interview: the clockmaker" in <title>, and the page shows
        # "Interview: the clockmaker": the headline is what the page shows.
        state.meta.title = _shown_part(state.meta.title, header)
    if state.meta.title:
        for b in header:
            if b.text == state.meta.title and b.kind is Bucket.CHROME:
                b.mark(Bucket.INTRO, "title")
    if state.meta.published is None:
        for b in header:
            found = find_date(b.text)
            if found is not None:
                state.meta.published = found.isoformat()
                if b.kind is Bucket.CHROME and b.rule == "header-line":
                    b.mark(Bucket.INTRO, "date")
                break
        else:
            state.meta.published = state.meta.url_date
    if state.meta.interviewee_hint is None and state.turns:
        # A page with no exchanges (no interview, or one the verdict refused) has no
        # interviewee: a name guessed from its prose would be noise.
        state.meta.interviewee_hint = _interviewee(state, header)
    texts = [state.meta.title or "", *(b.text for b in header if b.kind is Bucket.INTRO)]
    # A host who introduces the guest in the first question ("Today I'm talking to Dev Okoro").
    texts += _first_question(state)
    tried: set[str] = set()
    bylines: _Names | None = None  # read only when a short label needs expanding
    intro_names: _Names | None = None
    surnames: dict[str, Counter[str]] | None = None
    for b in state.blocks:
        if b.speaker and b.label is not None and b.speaker not in tried:
            tried.add(b.speaker)
            last = b.speaker.split()[-1].strip(".")
            office = office_of(b.speaker)
            if office:
                # "THE PRESIDENT:" is the page's "President Donald J. Trump", never the
                # "Vice President" a name index reads for the word "President".
                spelled = office_holder(office, state)
            elif last.isupper():
                # "RP:" is the Rosa Pérez of the byline; "DOE:" the Jane Doe of the intro.
                bylines = bylines if bylines is not None else _runs([h.text for h in header])
                spelled = _expand(b.speaker, bylines)
                if not spelled:
                    surnames = surnames if surnames is not None else _surname_index(texts)
                    spelled = _spelled_out(last, texts, surnames)
            elif _CJK_NAME.fullmatch(b.speaker):
                # "佐藤:" is the intro's 佐藤健一さん (no spaces: longer, not more words).
                if spelled := _cjk_full_name(b.speaker, texts):
                    state.meta.full_names.setdefault(key_for(state, b.speaker), spelled)
                continue
            elif len(b.speaker.split()) == 1:
                intro_names = intro_names if intro_names is not None else _runs(texts)
                spelled = _expand(b.speaker, intro_names)  # "Tom:" is the intro's Tom Becker
            else:
                continue
            if spelled and (office or len(spelled.split()) > _name_words(b.speaker)):
                state.meta.full_names.setdefault(key_for(state, b.speaker), spelled)


_CJK_NAME = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff]{1,4}")
# A Japanese name is given in full once, with an honorific after it: "佐藤健一さん", "田中氏".
_JAPANESE_HONORIFIC = r"(?:さん|氏|様|先生|教授|選手|監督)"


def _cjk_full_name(surname: str, texts: list[str]) -> str | None:
    """The full name a CJK label's surname has in the page's opening ("佐藤" -> "佐藤健一")."""
    full = re.compile(rf"{re.escape(surname)}([\u4e00-\u9fff]{{1,3}}){_JAPANESE_HONORIFIC}")
    for text in texts:
        if surname in text and (m := full.search(text)):
            return surname + m.group(1)
    return None


def _first_question(state: State) -> list[str]:
    """The first paragraph of the first turn when it asks, every line of it: a host names
    the guest there ("Today I'm talking to Dev Okoro"), anywhere in a hard-wrapped line."""
    for t in state.turns[:1]:
        if t.side == "q":
            para = t.blocks[0].para
            return [" ".join(b.body or b.text for b in t.blocks if b.para == para)]
    return []


def _name_words(speaker: str) -> int:
    """Words of a label that name the person ("Chairman HALE", "Ms. PRICE": one each)."""
    return sum(1 for w in speaker.split() if w.lower().strip(".") not in _TITLE_WORDS)


_TITLE_WORDS = OFFICE_WORDS | _JOB_WORDS | {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "hon"}


def office_of(speaker: str) -> str | None:
    """The office a label names instead of a person ("THE VICE PRESIDENT" -> "Vice
    President"), or None."""
    words = speaker.split()
    if len(words) < 2 or words[0].lower() != "the":
        return None
    return " ".join(w.capitalize() for w in words[1:])


_UPPER = CAPITALS
_OFFICE_WORDS_BEFORE = frozenset({"vice", "deputy", "acting", "first", "former", "assistant", "under"})


def office_holder(office: str, state: State) -> str | None:
    """The person the page names with an office: the surname the title gives ("Remarks by
    President Trump"), or the page's first such mention, in the fullest spelling that
    follows the office anywhere on the page ("President Donald J. Trump", its menu too)."""
    texts = [state.meta.title or "", *(b.text for b in state.blocks)]
    first = re.compile(rf"\b{re.escape(office)}\s+([{_UPPER}][\w'’-]+)")
    surname = None
    for text in texts:
        for m in first.finditer(text) if office in text else ():
            before = text[: m.start()].split()[-1:]
            if not (before and before[0].lower() in _OFFICE_WORDS_BEFORE):  # "Vice President X"
                surname = m.group(1)
                break
        if surname:
            break
    if surname is None:
        return None
    full = re.compile(rf"\b{re.escape(office)}\s+((?:[{_UPPER}][\w.'’-]*\s+){{0,3}}?{re.escape(surname)})\b")
    best = surname
    for text in texts:
        if surname in text:
            for m in full.finditer(text):
                before = text[: m.start()].split()[-1:]
                if len(m.group(1)) > len(best) and not (before and before[0].lower() in _OFFICE_WORDS_BEFORE):
                    best = m.group(1)
    return best


_DATE_WORDS = re.compile(
    r"\b(?:\d{1,4}(?:st|nd|rd|th)?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|"
    r"sep\w*|oct\w*|nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|"
    r"published|posted|updated|on|at|am|pm)\b",
    re.I,
)


_POSTED = re.compile(r"\b(?:published|posted|updated|first published|date)\b", re.I)


def _date_line(text: str) -> bool:
    """A line that is a date with little else ("Published 3 April 2024, 10:00"), not a
    headline that mentions one ("Interview with Ada Whitfield, recorded 3 April 1996")."""
    if find_date(text) is None:
        return False
    if _POSTED.search(text) or any(sep in text for sep in "|·•"):
        return True  # "Posted 3 July 2023 · Recorded live ...", "(posted 18 March 2024)"
    rest = [w for w in _DATE_WORDS.sub(" ", text).split() if any(ch.isalpha() for ch in w)]
    return len(rest) < 4


def _shown_part(title: str, header: list[Block]) -> str:
    """The part of ``Site - Headline`` (or ``Headline - Site``) that a header line shows."""
    for b in header:
        text = b.text.strip()
        # Every test below needs the line inside the title: most lines are not (a cheap
        # substring search before the word count).
        if text == title or text not in title or len(text.split()) < 3:
            continue
        # title.startswith(text + sep) or title.endswith(sep + text), without building the
        # two strings per separator for every header line (a page with no question is all
        # header).
        if title.startswith(text) and title[len(text) :].startswith(TITLE_SEPARATORS):
            return text
        if title.endswith(text) and title[: len(title) - len(text)].endswith(TITLE_SEPARATORS):
            return text
        # "Rosa Ibáñez: Why I left the city - Ocean Notes" above an <h1> "Why I left the
        # city": a name or kicker before a colon, maybe the site after a separator.
        if b.hints.heading == 1 and (
            title.endswith(": " + text) or any(": " + text + sep in title for sep in TITLE_SEPARATORS)
        ):
            return text
    return title


def _header(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        if b.kind in (Bucket.QUESTION, Bucket.DRAFT) or (b.side == "q" and b.kind is None):
            break
        if b.side == "q" and b.kind is not Bucket.INTRO and b.rule != "not-an-interview":
            # A host's greeting set aside as intro still introduces the guest; a question the
            # verdict refused (a headline ending in "?") starts nothing.
            break
        out.append(b)
    return out


def _title(header: list[Block]) -> str | None:
    candidates: list[tuple[bool, bool, int, int, str]] = []
    # A line of a hard-wrapped paragraph is no headline; a line of a paste without blank
    # lines may well be.
    # A dateline or byline under the headline, without a blank line, is no wrapped prose:
    # it ends a run of lines (the headline above it is not wrapped into the intro below),
    # as a menu or share line the chrome stage found does.
    lines: dict[tuple[int, int], list[str]] = {}
    run_of: dict[int, tuple[int, int]] = {}
    cut = 0
    for b in header:
        furniture = b.kind is Bucket.CHROME and b.rule != "header-line"
        if furniture or _BYLINE.match(b.text) or _date_line(b.text):
            cut += 1
            continue
        run_of[b.index] = (b.para, cut)
        lines.setdefault((b.para, cut), []).append(b.text)
    wrapped = {key for key, texts in lines.items() if is_wrapped(texts)}
    prose_seen = False
    for b in header:
        text = b.text.strip()
        words = word_count(text)
        if prose_seen and not b.hints.heading:
            continue  # a headline stands above the prose, not among its paragraphs
        if words >= _PROSE_WORDS and b.kind is not Bucket.CHROME:
            prose_seen = True
        if b.kind is Bucket.CHROME and b.rule == "breadcrumb":
            last = [i for i in ITEM_SEPARATORS.split(text) if i][-1]
            if len(last.split()) >= 4:
                candidates.append((False, True, len(last.split()) - 1, -b.index, last))
            continue
        if b.kind is Bucket.CHROME and b.rule not in ("header-line", "section-heading"):
            continue
        if b.kind is Bucket.CAPTION or run_of.get(b.index) in wrapped or not 3 <= words <= 40:
            continue
        if _BYLINE.match(text) or _date_line(text) or text.endswith((".", "。", ":")):
            continue
        if (b.label is not None and text[:1] in "*_") or _LINK_LINE.match(text):
            continue  # a bold-labelled turn, or a Markdown link opening an item, is no headline
        if b.rule == "not-an-interview" and b.label is not None:
            continue  # a refused candidate question ("Q: Who can apply?") heads nothing
        # An all-capitals line is the site's name more often than the headline: last resort.
        # A Markdown "# Title" is the headline, when there is one.
        # Words, not dashes: "City of Brenner — Parking" is no longer than a headline of five.
        real_words = sum(1 for w in text.split() if any(c.isalnum() for c in w))
        candidates.append((b.hints.heading == 1, not text.isupper(), real_words, -b.index, text))
    if not candidates:
        return None
    return max(candidates)[4]


def _interviewee(state: State, header: list[Block]) -> str | None:
    answering: Counter[str] = Counter()
    captions: list[str] = []
    headings: list[str] = []
    chrome, caption = Bucket.CHROME, Bucket.CAPTION  # local: read once per block below
    for b in state.blocks:  # one pass for the answerers, the captions and section headings
        kind = b.kind
        if kind is chrome:
            # "Greta Holm, Holm & Daughters" heading each interviewee's part of the page.
            if b.rule == "section-heading":
                headings.append(b.text)
            continue
        if kind is caption:
            captions.append(b.text)
        if b.side == "a" and b.speaker:
            answering[b.speaker] += 1
    # The intro's prose, not its byline or date line: those name the writer.
    texts = [
        b.text
        for b in header
        if b.kind is Bucket.INTRO and b.rule not in ("title", "date") and not _BYLINE.search(b.text)
    ]
    texts += captions
    texts += _first_question(state)
    texts += headings[:4]
    # "[Priya Nair](https://...) interviews Tomas Lindqvist": a Markdown link reads as its words.
    texts = [_LINK.sub(r" \1 ", t) if "](" in t else t for t in texts]
    names = _Names()
    title = state.meta.title or ""
    # "Tagus Pension Fund CIO Leonor Vaz: ..." names its interviewee before the colon.
    before_colon = _NAME.findall(title.split(":")[0]) if ":" in title else []
    if before_colon:
        words = _trim(before_colon[-1]).split()
        for k in range(len(words) - 1):
            if words[k][:1].isupper():
                names[" ".join(words[k:])] += 2
    for text in [title, *texts]:
        for m in _NAME.finditer(text):
            # "the Western Balkans", "The Glass Orchard": an article marks a thing, not a person;
            # "at Gull Point", "in Brno": a place.
            if _THING_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            # "Peter Hale asked her a few questions": the interviewer, not the interviewee.
            if _ASKER_AFTER.match(text, m.end()):
                continue
            words = _trim(m.group(1)).split()
            if m.group(1).split()[0].lower() == "the" or not words:
                continue
            if words[-1].lower() in ORGANISATION_WORDS:
                continue
            # Count every tail of the run too: "Singer Maya Tolland" also vouches for
            # "Maya Tolland", which the title may spell without the job.
            for k in range(len(words) - 1):
                if words[k][:1].isupper():  # "de Wit" is no name without "Pieter"
                    names[" ".join(words[k:])] += 1
    holders = {sp: h for sp in answering if (office := office_of(sp)) and (h := office_holder(office, state))}
    named = [(title.find(h.split()[-1]), h) for h in holders.values() if h.split()[-1] in title]
    if named:
        # "Remarks by President Trump, Vice President Pence, and ...": offices answering
        # together; the title names its principal first.
        return min(named)[1]
    if answering:
        speaker = answering.most_common(1)[0][0]
        if speaker in holders:
            return holders[speaker]
        surname = speaker.split()[-1].strip(".").lower()
        matching = [n for n in names if n.split()[-1].lower() == surname]
        if matching:
            return max(matching, key=lambda n: (names[n], -len(n)))
        # "TN:" or "Tom:" answering, and the intro names Tomas Novak or Tom Becker.
        expanded = _expand(speaker, names)
        if expanded:
            return expanded
        if _CJK_NAME.fullmatch(speaker):
            spelled = _cjk_full_name(speaker, [title, *texts])
        else:
            spelled = _spelled_out(speaker.split()[-1].strip("."), [title, *texts])
        return spelled or display_name(speaker)
    if not names:
        return None
    lowered = title.lower()
    return max(names, key=lambda n: (n.split()[-1].lower() in lowered, names[n], -len(n)))


_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
# Only the verbs that make their subject the asker ("X spoke to the Daily" names the guest).
_ASKER_AFTER = re.compile(r"(?<!\s)\s++(?:asked|asks|interviewed|interviews)\b", re.I)
_THING_BEFORE = re.compile(r"\b(?:the|at|in|near|inside|outside|across|around|into|onto|towards)\s+$", re.I)


def _initials(label: str, *, of_words: bool = False) -> str | None:
    """``TN`` (or ``T.N.``) for a label made of initials; with ``of_words``, a name's initials."""
    if of_words:
        return "".join(w[0] for w in label.split()).upper()
    letters = label.replace(".", "").strip()
    return letters if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper() else None


def _stands_for(label: str, name: str) -> bool:
    """Whether a short label names this person: ``TN:`` Tomas Novak, ``Tom:`` Tom Becker."""
    initials = _initials(label)
    if initials is not None and _initials(name, of_words=True) == initials:
        return True
    words = name.split()
    return len(label.split()) == 1 and len(words) > 1 and words[0].lower() == label.strip(" .").lower()


class _Names(Counter[str]):
    """Name runs with their counts, indexed by initials and given name on first lookup
    (a page with many speakers looks each label up instead of scanning every name)."""

    _index: dict[str, list[str]] | None = None

    def lookup(self, key: str) -> list[str]:
        if self._index is None:
            self._index = {}
            for name in self:
                words = name.split()
                if len(words) > 1:
                    self._index.setdefault("i:" + "".join(w[0] for w in words).upper(), []).append(name)
                    self._index.setdefault("w:" + words[0].lower(), []).append(name)
        return self._index.get(key, [])


def _expand(label: str, names: _Names) -> str | None:
    """The most-mentioned name that a short label stands for."""
    initials = _initials(label)
    candidates = names.lookup("i:" + initials) if initials is not None else []
    if len(label.split()) == 1:
        candidates = candidates + names.lookup("w:" + label.strip(" .").lower())
    found = [n for n in dict.fromkeys(candidates) if _stands_for(label, n)]
    return max(found, key=lambda n: (names[n], -len(n))) if found else None


def _runs(texts: list[str]) -> _Names:
    """Capitalised name runs in the page's own words, each tail counted too ("Reporter Rosa
    Pérez" also vouches for "Rosa Pérez")."""
    found = _Names()
    for text in texts:
        for m in _NAME.finditer(text):
            words = _trim(m.group(1)).split()
            for k in range(len(words) - 1):
                found[" ".join(words[k:])] += 1
    return found


def _trim(run: str) -> str:
    words = run.split()
    while words and words[0].lower() in _NOT_NAME:
        words.pop(0)
    while words and words[-1].lower() in _NOT_NAME:
        words.pop()
    return " ".join(words)


_TOKEN_WORD = re.compile(r"[\w'’.-]+")
_WORD_END = re.compile(r"\w\b")


def _surname_index(texts: list[str]) -> dict[str, Counter[str]]:
    """Every "Given Surname" spelling in the page's words, keyed by the surname in lower
    case: read once per page, so a page with many speakers stays linear."""
    index: dict[str, Counter[str]] = {}
    for text in texts:
        tokens = text.split()
        for i, token in enumerate(tokens):
            if i == 0 or not token[:1].isupper():
                continue
            # The given names: up to three capitalised words right before, up to a title.
            given: list[str] = []
            for word in reversed(tokens[max(0, i - 3) : i]):
                low = word.lower().strip(".")
                if not _TOKEN_WORD.fullmatch(word) or low in _NOT_NAME or low in ORGANISATION_WORDS:
                    break  # "Environmental Protection Agency Michael Regan": up to the agency
                if not word[:1].isupper():
                    break
                given.insert(0, word)
            if not given:
                continue
            # "O'Brien's" may spell the surname "O'Brien" (or "O"): every prefix ending a word.
            for m in _WORD_END.finditer(token):
                surname = token[: m.end()]
                index.setdefault(surname.lower(), Counter())[" ".join([*given, surname])] += 1
    return index


def _spelled_out(surname: str, texts: list[str], index: dict[str, Counter[str]] | None = None) -> str | None:
    """The fullest "Given Surname" spelling of a label's surname in the page's own words."""
    if len(surname) < 2:
        return None
    found = (index if index is not None else _surname_index(texts)).get(surname.lower())
    if not found:
        return None
    return max(found, key=lambda n: (found[n], len(n)))


def _detect_language(state: State) -> None:
    """The language of the exchanges (or, with none, of the page's prose), when clear."""
    from ..language import detect

    pieces = [b.body or b.text for t in state.turns for b in t.blocks]
    if not pieces:
        pieces = [b.text for b in state.blocks if b.kind is not Bucket.CHROME]
    found = detect(" ".join(pieces))
    if found is not None:
        state.meta.language = found[0]
        state.diagnostics.append(
            Diagnostic(
                code="language-detected",
                message=f"the page states no language; detected {found[0]!r} (p={found[1]:.2f})",
            )
        )
