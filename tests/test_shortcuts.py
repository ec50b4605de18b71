"""Every shortcut taken for speed gives what the plain computation it replaces gives."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from interview_parser import parse
from interview_parser.blocks import Block
from interview_parser.lexicon import FOLD_ODD, STOPWORDS, TITLE_SEPARATORS
from interview_parser.read.decode import normalise
from interview_parser.read.text import fold
from interview_parser.records import Span
from interview_parser.render import RenderedPage
from interview_parser.stages.drafts import _MIN_SHARED, similarity
from interview_parser.strategies import rendered_pages

# Text rich in the characters the shortcuts test for: white space of every kind,
# zero-width and control characters, and plain words.
_ODD = " \t\u00a0\u2003\u3000\u200b\u00ad\x01\x0b\x1c\x85\u2028é“"
_odd_text = st.text(alphabet=st.sampled_from([*_ODD, "a", "b", "Q", ".", "?"]), max_size=40) | st.text(
    max_size=40
)


@given(_odd_text)
def test_split_length_is_the_split_s(text: str) -> None:
    from interview_parser.lexicon import split_length

    assert split_length(text) == len(text.split())


@given(_odd_text)
def test_fold_is_split_and_join(text: str) -> None:
    assert fold(text) == " ".join(text.split())


@given(_odd_text)
def test_normalise_matches_the_three_replacements(text: str) -> None:
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    plain = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", plain)
    plain = re.sub("[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", plain)
    plain = re.sub("[\x00-\x08\x0b\x0e-\x1f\x7f]", "", plain)
    assert normalise(text) == plain


def _similarity_with_multisets(a: str, b: str) -> float:
    ta, tb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if ta == tb:
        return 1.0
    ba, bb = Counter(pairwise(ta)), Counter(pairwise(tb))
    total = sum(ba.values()) + sum(bb.values())
    dice = 2 * sum((ba & bb).values()) / total if total else 0.0
    ca = {w for w in ta if w not in STOPWORDS and len(w) > 2}
    cb = {w for w in tb if w not in STOPWORDS and len(w) > 2}
    shared, smaller = len(ca & cb), min(len(ca), len(cb))
    overlap = shared / smaller if smaller and shared >= min(_MIN_SHARED, smaller) else 0.0
    return max(dice, overlap)


_words = st.lists(st.sampled_from("the river town river bridge old the market".split()), max_size=12)


@given(_words, _words)
def test_similarity_with_sets_matches_multisets(a: list[str], b: list[str]) -> None:
    # Few distinct words, so repeated bigrams (where sets and multisets differ) are common.
    assert similarity(" ".join(a), " ".join(b)) == _similarity_with_multisets(" ".join(a), " ".join(b))


@given(rendered_pages(formats=("html",)))
def test_html_from_utf8_bytes_equals_html_from_str(page: RenderedPage) -> None:
    # From UTF-8 bytes lxml reads the bytes; from a str, Python's string.
    assume(isinstance(page.content, str))  # cp1252 pages do not take the shortcut
    assert isinstance(page.content, str)
    assert parse(page.content) == parse(page.content.encode("utf-8"))


@given(st.binary(max_size=600) | st.builds(bytes, st.lists(st.integers(0, 40), max_size=300)))
def test_control_bytes_counted_by_translate_match_a_count(data: bytes) -> None:
    from interview_parser.read.decode import _looks_binary

    plain = b"\x00" in data or sum(1 for b in data if b < 9 or 13 < b < 32) > len(data) * 0.05
    assert _looks_binary(data) == plain


_ITEMS = ["Home", "World news", "the long road home", "one two three four five", "Read this.", ""]
_menus = st.tuples(
    st.lists(st.sampled_from(_ITEMS), min_size=1, max_size=5),
    st.sampled_from([" | ", " / ", " — ", " › ", "  ", "|", " · ", " "]),
).map(lambda parts: parts[1].join(parts[0]))
_MENUISH = (
    st.text(alphabet=st.sampled_from(list("ab C.?!|·•›»>/\t–—- ,")), max_size=60)
    | _menus
    | st.lists(
        st.sampled_from(
            [
                *_ITEMS,
                "[a](https://x.example/b/c)",
                "<http://y/z/w>",
                " / ",
                "www.q/r",
                "https://x.org/y.",
                "www.q?",
            ]
        )
    ).map(" ".join)
)


def _menu_rule_splitting_every_line(text: str) -> str | None:
    """The menu rule as it stood before its prefilters: split, then judge the items."""
    from interview_parser.stages import chrome

    if "  " not in text and not re.search(r"[|·•›»>/\t–—]", text):
        return None  # a menu needs separators of its own
    text = chrome.without_addresses(text)
    if len(text) > 240 or text.rstrip().endswith(("?", "!", ".")):
        return None
    items = [i for i in chrome.ITEM_SEPARATORS.split(text.strip()) if i]
    if len(items) < 3:
        return None
    words = [len(i.split()) for i in items]
    if all(n <= 4 for n in words[:-1]) and (words[-1] <= 4 or re.search(r"[›>/]", text)):
        if any(i.endswith((".", ",")) for i in items[:-1]):
            return None
        return "menu" if words[-1] <= 4 else "breadcrumb"
    return None


@given(_MENUISH)
def test_menu_rule_matches_the_rule_without_prefilters(text: str) -> None:
    from interview_parser.stages import chrome

    assert chrome._menu_rule(text) == _menu_rule_splitting_every_line(text)


@given(_MENUISH)
def test_menu_rule_prefilter_changes_no_answer(text: str) -> None:
    """Lines without a separator skip the split; the split would have found no menu."""
    from interview_parser.stages import chrome

    items = [i for i in chrome.ITEM_SEPARATORS.split(text.strip()) if i]
    if "  " not in text and not chrome._SEPARATOR.search(text):
        assert len(items) < 3
    assert chrome._menu_rule(text) is None or len(items) >= 3


_ASKER_WORDS = "Asked ASKED answered replied by BY von Von par POR posée POSÉE".split()
_askerish = st.lists(
    st.sampled_from([*_ASKER_WORDS, "gefragt", "répondu", "respondido", "x", " ", "  ", "\t", "-"]),
    max_size=12,
).map(" ".join) | st.text(max_size=130)


@given(_askerish)
def test_asker_prefilter_changes_no_answer(text: str) -> None:
    """The four substring tests only ever skip lines the attribution pattern would refuse."""
    from interview_parser.stages import verdict

    assert verdict.names_asker(text) == (verdict._ASKED_BY.search(text[:120]) is not None)


def _is_run(ch: str) -> bool:
    return ch == "'" or (ch.isalnum() and not ch.isdecimal())  # [^\W\d_], or an apostrophe


_person_text = st.text(
    alphabet=st.sampled_from([*"ab’'_1 .Y", "é", "\u0660", "İ"]), min_size=280, max_size=330
)


@given(_person_text | st.text(max_size=30))
def test_person_words_are_the_words_of_the_opening(text: str) -> None:
    """The words of a turn's first 300 characters, the word the cut falls in read whole."""
    from interview_parser.stages import verdict

    low = text[:600].lower().replace("’", "'")
    cut = 300
    if len(low) > cut and _is_run(low[cut - 1]):
        while cut < len(low) and _is_run(low[cut]):
            cut += 1
    assert verdict._words(text) == set(verdict._WORD.findall(low[:cut]))


def test_lowered_patterns_match_as_case_blind_ones_do() -> None:
    """The lowered-line path of ``line_rule``, the label-word opening test and the sponsor
    words rely on re.I folding each letter their patterns name exactly as
    ``str.lower`` does, outside ``FOLD_ODD``: checked over every cased code point, for each
    letter of the patterns and for their one class, ``[a-z]``."""
    from interview_parser.stages import chrome, drafts, labels

    patterns = chrome._ALTERNATION + chrome._YOU_ARE_HERE.pattern + drafts._SPONSOR.pattern
    source = re.sub(r"\(\?P<\w+>|\\[a-zA-Z]", "", patterns)  # group names, escapes
    assert not re.search(r"[A-Z]", source)  # written in lower case
    # The label words are written capitalised; re.I compares their lower case.
    source += "".join(labels._WORDS).lower()
    letters = sorted({ch for ch in source if ch.isalpha()})
    checks = [(p, re.compile(re.escape(p), re.I), p) for p in letters]
    checks.append(("[a-z]", re.compile("[a-z]", re.I), ""))
    odd = set()
    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        if low == ch and ch.upper() == ch:
            continue  # uncased: re.I and lower() both leave it alone
        for _, blind, letter in checks:
            lowered = low == letter if letter else len(low) == 1 and "a" <= low <= "z"
            if (blind.fullmatch(ch) is not None) != lowered:
                odd.add(ch)
    assert odd <= set(FOLD_ODD), sorted(odd - set(FOLD_ODD))


_TWINS = {"s": "ſ", "S": "ſ", "i": "ı", "I": "İ", "k": "\u212a", "K": "\u212a"}


def _twinned(drawn: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Lines drawn, some letters swapped for the twins re.I folds with them ("ſhare",
    "lınkedin", Kelvin's K)."""
    return drawn.flatmap(
        lambda line: st.lists(st.booleans(), min_size=len(line), max_size=len(line)).map(
            lambda flips: "".join(_TWINS.get(c, c) if f else c for c, f in zip(line, flips, strict=True))
        )
    )


def _label_lines() -> st.SearchStrategy[str]:
    from interview_parser.stages import labels

    drawn = st.one_of(
        *[st.from_regex(p, fullmatch=True) for p in (labels._WORD, labels._LETTER, labels._BARE_Q)]
    )
    prose = st.text(alphabet=st.sampled_from([*"QAPRFqapr *_:.)-1 ", *FOLD_ODD, "\u212a"]), max_size=12)
    return st.one_of(drawn, _twinned(drawn), prose, st.tuples(prose, drawn).map("".join))


@given(_label_lines())
@example("Hoſt: yes")
@example("Q1. Why?")
@example("質問：なぜ")
def test_label_openings_keep_every_label(text: str) -> None:
    """The opening tests before the label patterns only ever skip lines they refuse."""
    from interview_parser.stages import labels

    opening = text.lstrip("*_")
    if labels._WORD.match(text):
        assert labels._may_open_word(opening)
    if labels._LETTER.match(text) or labels._BARE_Q.match(text):
        assert labels._may_open_letter(opening)


_SPONSORED = st.from_regex(r"(?:x )?(?:brought to you by|this podcast is supported|thanks to our sponsors)")
_SPONSOR_TEXT = st.one_of(
    _SPONSORED,
    _twinned(_SPONSORED),
    st.text(alphabet=st.sampled_from([*"sponrted ", *FOLD_ODD]), max_size=20),
)


@given(_SPONSOR_TEXT)
@example("Thanks to our ſponsors")
def test_sponsor_words_keep_every_sponsor(text: str) -> None:
    from interview_parser.stages import drafts

    if drafts._SPONSOR.search(text):
        assert drafts.may_be_sponsor(text)


def _line_rule_case_blind(text: str) -> str | None:
    from interview_parser.stages import chrome

    stripped = text.strip()
    if (here := chrome._YOU_ARE_HERE.match(stripped)) and stripped[here.end() :]:
        return "breadcrumb"
    found = chrome._LINE_PATTERN.match(stripped)
    if found and found.lastgroup:
        return chrome._RULE_NAMES[found.lastgroup]
    if stripped[-20:].lower().rstrip(".").endswith("all rights reserved") and chrome._ALL_RIGHTS.search(
        stripped
    ):  # the tail test as it stood before the lowered path
        return "copyright"
    return chrome._menu_rule(text)


def _chrome_lines() -> st.SearchStrategy[str]:
    from interview_parser.stages import chrome

    rules = [p for _, p in chrome._LINE_RULES] + [chrome._YOU_ARE_HERE.pattern + ".{0,12}"]
    drawn = st.one_of(*[st.from_regex(re.compile(p, re.I), fullmatch=True) for p in rules])
    swapped = _twinned(drawn)
    mixed = st.text(alphabet=st.sampled_from([*"sSiIkK ©(c)|:.", *FOLD_ODD, "\u212a"]), max_size=20)
    return st.one_of(drawn, swapped, st.tuples(drawn, mixed).map("".join), mixed)


@given(_chrome_lines())
def test_line_rule_matches_the_case_blind_rules(text: str) -> None:
    from interview_parser.stages import chrome

    assert chrome.line_rule(text) == _line_rule_case_blind(text)


_MARKED = ["", "**Q:** Why?", "*Aside*", "__Bold__ tail", "_x_", "# Head", "* **Why?**", "- _x_", "+ *"]
# Pages whose only white space is the plain space take the page-wide fold: spaces at every
# place, and backslashes (a Markdown hard break ends a line in one).
_spaced = st.lists(st.sampled_from([*" ab\\*#>", "<br>", "<BR/>"]), max_size=8).map("".join)
_lines = st.lists(_odd_text | st.sampled_from(_MARKED)) | st.lists(_spaced | st.sampled_from(_MARKED))


@given(_lines)
@example(["a  b ", " c", "d \\"])
@example(["**Why?**<br>  ", "<br>", "x <br />"])
def test_text_front_end_cleans_lines_as_clean_line_does(lines: list[str]) -> None:
    """The front end's inlined trimming and its emphasis test give clean_line's lines and
    the emphasis pattern's verdict."""
    from interview_parser.blocks import Meta
    from interview_parser.read import text as front

    text = "\n".join(line.replace("\n", " ") for line in lines)
    assume(not text.startswith("---"))
    expected = []
    for number, line in enumerate(text.split("\n"), start=1):
        clean = front.clean_line(line)
        if not clean:
            continue
        # A Markdown blockquote's markers go; a line of them alone stays, as markup.
        if clean.startswith(">") and not clean.startswith(">>>"):
            marks = re.match(r"(?:>[ \t]?)+", clean)
            assert marks is not None
            if marks.end() < len(clean):
                clean = clean[marks.end() :]
        wrapped = front._MD_EMPHASIS.match(clean)
        heading = front._MD_HEADING.match(clean)
        item = front._MD_EMPHASIS.match(clean[2:]) if clean[:1] in "-*+" and clean[1:2] == " " else None
        if item and item.group("mark") not in item.group("inner"):
            clean = item.group("inner")  # a list item wholly in emphasis
        elif wrapped and wrapped.group("mark") not in wrapped.group("inner"):
            clean = wrapped.group("inner")
        elif heading:
            clean = heading.group("text")
        expected.append((clean, number))
    assert [(b.text, b.span.start_line) for b in front.text_blocks(text, Meta())] == expected


@given(_words, _words)
def test_similar_is_similarity_over_the_threshold(a: list[str], b: list[str]) -> None:
    """The bounds that let ``similar`` skip the bigram count never change its answer."""
    from interview_parser.stages.drafts import DRAFT_SIMILARITY, similar, words_of

    left, right = " ".join(a), " ".join(b)
    assert similar(words_of(left), words_of(right)) == (similarity(left, right) >= DRAFT_SIMILARITY)


_TITLE_WORDS = ["Hard", "habit", "to", "Break?", "O’Neil", "1999", "—", "Ünd"]


@given(st.lists(st.sampled_from(_TITLE_WORDS), max_size=14))
def test_title_case_stops_reading_at_the_ninth_word(words: list[str]) -> None:
    from interview_parser.stages import verdict

    text = " ".join(words)
    found = verdict._WORD.findall(text)
    plain = 1 < len(found) <= 8 and sum(1 for w in found if w[0].isupper()) >= 0.6 * len(found)
    assert verdict._title_case(text) == plain


_CAPTION_HEADS = ["Photo", "photos", "PICTURE", "Vıdeo", "ımage", "Image", "Foto", "Bild", "Credit"]
_captionish = st.tuples(
    st.sampled_from(_CAPTION_HEADS),
    st.sampled_from(["", "s", " "]),
    st.sampled_from([":", " :", " by", " courtesy of", " credit", " of", ""]),
    st.text(alphabet=st.sampled_from(list("ab :.Jo")), max_size=12),
).map("".join) | st.text(max_size=30)


@given(_captionish)
def test_caption_prefix_prefilter_changes_no_answer(text: str) -> None:
    from interview_parser.stages import captions

    plain = text[:1].lower() in captions._PREFIX_INITIALS and captions._PREFIX.match(text) is not None
    assert captions.has_prefix(text) == plain


@given(_odd_text)
def test_blank_test_without_strip(text: str) -> None:
    """check_not_empty and the HTML flush test blankness with isspace(), not strip()."""
    assert (not text or text.isspace()) == (not text.strip())
    assert (text.isspace() or not text) == (fold(text) == "")


_TITLE_PARTS = st.sampled_from(["Old Town Gazette", "Interview: the clockmaker", "the clockmaker", "x y z"])


_titles = st.lists(_TITLE_PARTS | st.sampled_from(list(TITLE_SEPARATORS)), max_size=5).map("".join)


@given(_titles, _TITLE_PARTS)
def test_shown_part_reads_separators_as_the_concatenations_did(title: str, shown: str) -> None:
    from interview_parser.stages import metadata

    block = _plain_block(shown)
    framed = any(title.startswith(shown + sep) or title.endswith(sep + shown) for sep in TITLE_SEPARATORS)
    plain = shown if shown != title and len(shown.split()) >= 3 and framed else title
    assert metadata._shown_part(title, [block]) == plain


def _plain_block(text: str) -> Block:
    return Block(index=0, text=text, span=Span(start_line=1, end_line=1), para=1)


_ATTRIBUTES = st.dictionaries(
    st.sampled_from(["hidden", "aria-hidden", "style", "class", "id", "title"]),
    st.sampled_from(["", "true", "false", "display: none", "color:red", "sr-only x", "tooltip-box", "post"]),
    max_size=4,
)


@given(_ATTRIBUTES)
def test_hidden_from_keys_matches_four_gets(attributes: dict[str, str]) -> None:
    from lxml import etree

    from interview_parser.read import html

    el = etree.Element("div", attributes)
    a = el.attrib
    style, classes = a.get("style"), a.get("class")
    plain = (
        a.get("hidden") is not None
        or a.get("aria-hidden") == "true"
        or bool(style and html._HIDDEN_STYLE.search(style))
        or (classes is not None and html._hidden_classes(classes))
    )
    assert html._hidden(el) == plain


def _rule_patterns() -> list[str]:
    from interview_parser.stages import chrome

    return [pattern for _, pattern in chrome._LINE_RULES]


@pytest.mark.parametrize("pattern", _rule_patterns())
@settings(max_examples=max(60, settings().max_examples))  # each alternative drawn
@given(data=st.data())
def test_every_line_a_rule_matches_opens_as_listed(pattern: str, data: st.DataObject) -> None:
    """may_match is a necessary condition: no lowered line matching a rule fails it. One
    test per rule, with enough examples to draw each of its alternatives."""
    from interview_parser.stages import chrome

    text = data.draw(st.from_regex(re.compile(pattern, re.I), fullmatch=True))
    low = text.strip().lower()
    if chrome._LINE_PATTERN_LOWER.match(low):
        assert chrome.may_match(low), low[:40]


_CJKISH = [*"*_ aZ:", "\u3040", "\u303f", "佐", "藤", "한", "\uf900", "ー"]


@given(st.text(alphabet=st.sampled_from(_CJKISH), max_size=8))
def test_cjk_speaker_prefilter_changes_no_answer(text: str) -> None:
    from interview_parser.stages import labels

    if labels._CJK_FIRST.match(text):
        assert text.lstrip("*_")[:1] >= "\u3040"


_CLASSY = st.sampled_from(["", " ", "post", "Entry-Content", "share_bar", "a--b", "İnfo box", "\tq "])


@given(st.dictionaries(st.sampled_from(["class", "id", "role"]), _CLASSY, max_size=3))
def test_tokens_split_per_attribute_match_the_joined_split(attributes: dict[str, str]) -> None:
    from interview_parser.read import html, selectors

    raw = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".strip().lower()
    plain = [t for t in selectors.TOKEN_SPLIT.split(raw) if t] if raw else []
    assert html._tokens(attributes) == plain


_META_ATTRIBUTES = st.dictionaries(
    st.sampled_from(["property", "name", "content", "itemprop"]),
    st.sampled_from(["og:title", "author", "date", "", "Jane Roe"]),
    max_size=3,
)


@given(st.lists(st.tuples(st.sampled_from(["head", "body", "noscript"]), _META_ATTRIBUTES), max_size=6))
def test_meta_index_answers_as_the_meta_xpath(metas: list[tuple[str, dict[str, str]]]) -> None:
    from lxml import etree

    from interview_parser.read import selectors

    root = etree.fromstring("<html><head><noscript></noscript></head><body></body></html>")
    places = {"head": root[0], "noscript": root[0][0], "body": root[1]}
    for place, attributes in metas:
        etree.SubElement(places[place], "meta", attributes)
    index = selectors.meta_contents(root)
    for name in ["og:title", "author", "date", "", "Jane Roe"]:
        assert index.get(name, []) == [str(v) for v in selectors.META_PROPERTY(root, name=name)]


@given(
    st.integers(0, 5000),
    st.sampled_from(["</html", "</HTML", "</Html>", "</htm", "<html", ""]),
    st.integers(0, 6000),
    st.sampled_from(["a", "é", "字", "😀"]),
)
# Found by the default run: "</html" straddling the window's edge (the bytes path asked
# where it opens, the pattern's search where it ends).
@example(before=0, end="</html", after=4091, pad="a")
def test_early_html_end_from_bytes_matches_the_pattern(before: int, end: str, after: int, pad: str) -> None:
    from interview_parser.read import html

    text = pad * before + end + "x" * after
    limit = len(text) - html._TAIL_WINDOW
    plain = html._HTML_END.search(text, 0, limit) is not None if limit > 0 else False
    assert (html._early_html_end(text, text.encode("utf-8")) if limit > 0 else False) == plain
    assert (html._early_html_end(text, None) if limit > 0 else False) == plain


@pytest.mark.parametrize("case", [str.lower, str.upper, str.title])
def test_every_breadcrumb_phrase_passes_its_prefilter(case: Callable[[str], str]) -> None:
    from interview_parser.stages import chrome

    for phrase in chrome._HERE_PHRASES:
        assert chrome.line_rule(f"{case(phrase)}: Home › Interviews") == "breadcrumb", phrase
