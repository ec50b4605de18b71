"""HTML front end: structure, decoding, safety and bad input."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from interview_parser import (
    Bucket,
    EmptyInputError,
    InputTooLargeError,
    InterviewParserError,
    MarkupError,
    ParseOptions,
    parse,
    parse_file,
)
from interview_parser.blocks import Meta
from interview_parser.lexicon import ANSWER_WORDS, QUESTION_WORDS
from interview_parser.read.html import html_blocks
from interview_parser.read.selectors import HIDDEN_CLASSES

from .helpers import FIXTURES, fixture_dirs, input_of

HTML_CASES = [p for p in fixture_dirs() if input_of(p).suffix == ".html"]


def test_there_are_enough_html_fixtures() -> None:
    assert len(HTML_CASES) >= 12


# Label words are kept on turns as labels, not in their text (drafts keep none).
LABEL_WORDS = {w.lower() for table in (QUESTION_WORDS, ANSWER_WORDS) for ws in table.values() for w in ws}


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text) if w.lower() not in LABEL_WORDS]


@pytest.mark.parametrize("folder", HTML_CASES, ids=[p.name for p in HTML_CASES])
def test_nothing_is_lost_html(folder: Path) -> None:
    """Every visible word of the body lands in exactly one bucket, in order of buckets."""
    t = parse_file(input_of(folder))
    pieces = [s.text for s in (*t.intro, *t.removed)] + [c.text for c in t.captions]
    for e in t.exchanges:
        pieces += [e.question.text, e.answer.text, *(d.text for d in e.question.drafts)]
        pieces += [*e.question.labels, *e.answer.labels, *(d.label or "" for d in e.question.drafts)]
        # Times printed by the labels are kept per paragraph, not in the text.
        pieces += [t or "" for turn in (e.question, e.answer) for t in turn.paragraph_times]
    got = Counter(_words(" ".join(pieces)))
    tree = lxml.html.fromstring(input_of(folder).read_bytes().decode(t.source.encoding))
    for bad in tree.xpath("//script|//style|//head|//noscript|//button|//input|//template"):
        bad.drop_tree()
    body = tree.find("body") if tree.find("body") is not None else tree
    everything = Counter(_words(" ".join(body.itertext())))
    # Hidden markup (screen-reader text, aria-hidden) is not visible: it need not be read,
    # though furniture read whole may carry it into chrome.
    for el in tree.xpath("//*[@hidden or @aria-hidden='true' or @class]"):
        tokens = set((el.get("class") or "").lower().split())
        if el.get("hidden") is not None or el.get("aria-hidden") == "true" or tokens & HIDDEN_CLASSES:
            el.drop_tree()
    visible = Counter(_words(" ".join(body.itertext())))
    assert visible <= got <= everything, (visible - got, got - everything)


def test_a_five_megabyte_page_parses_the_same(tmp_path: Path) -> None:
    page = (FIXTURES / "html-bold-q-labels" / "input.html").read_text(encoding="utf-8")
    filler = "<aside class='related'><ul>" + "<li><a href='#'>Another story you may like</a></li>" * 100_000
    big = page.replace("</main>", filler + "</ul></aside></main>")
    assert len(big.encode()) > 5_000_000
    small_t, big_t = parse(page), parse(big)
    assert [e.question.text for e in big_t.exchanges] == [e.question.text for e in small_t.exchanges]
    assert [e.answer.text for e in big_t.exchanges] == [e.answer.text for e in small_t.exchanges]


def test_ten_thousand_levels_deep_is_a_markup_error() -> None:
    deep = "<html><body>" + "<div>" * 10_000 + "<p>Q: Why?</p>" + "</div>" * 10_000 + "</body></html>"
    with pytest.raises(MarkupError, match="nested at most 256 levels"):
        parse(deep)


def test_a_hundred_megabyte_page_is_refused() -> None:
    with pytest.raises(InputTooLargeError):
        parse(b"<html><body>" + b"<p>x</p>" * (100 * 1024 * 1024 // 8))


def test_no_entity_expansion_or_network(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<html><body><p>Q: What is &x;?</p><p>A: Nothing at all, I promise.</p></body></html>"
    )
    t = parse(page)
    assert "TOPSECRET" not in str(t)


@pytest.mark.parametrize(
    ("page", "error"),
    [
        (b"<html><body></body></html>", EmptyInputError),
        (b"<html><body><script>var a = 1;</script></body></html>", EmptyInputError),
        (os.urandom(2048) + b"\x00", InterviewParserError),
    ],
)
def test_bad_pages_are_typed_errors(page: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse(page, options=ParseOptions(format="html"))


def test_a_page_of_only_chrome_has_a_diagnostic() -> None:
    t = parse("<html><body><nav>Home | News | Sport</nav><footer>© 2023 Site Ltd</footer></body></html>")
    assert t.exchanges == () and [d.code for d in t.diagnostics] == ["no-exchanges"]
    assert all(s.kind is Bucket.CHROME for s in t.removed)


def test_a_truncated_page_parses_with_a_diagnostic() -> None:
    t = parse("<html><body><p>Q: Why is the sky blue?</p><p>A: Because of Rayleigh scatt")
    assert [e.answer.text for e in t.exchanges] == ["Because of Rayleigh scatt"]
    assert "unclosed-document" in [d.code for d in t.diagnostics]


def test_blocks_keep_their_element_path() -> None:
    t = parse_file(FIXTURES / "html-bold-q-labels" / "input.html")
    tree = lxml.html.fromstring((FIXTURES / "html-bold-q-labels" / "input.html").read_bytes())
    (found,) = tree.getroottree().xpath(t.exchanges[0].question.span.path)
    assert found.text_content() == "Q. What does a keeper actually do all day?"
    assert all(s.path for s in t.exchanges[0].answer.spans)


def test_format_override() -> None:
    t = parse("<p>Q: Why?</p>\n\n<p>A: Because it matters to me.</p>", options=ParseOptions(format="text"))
    assert t.source.format == "text"
    assert any("<p>" in s.text for s in (*t.intro, *t.removed))


# The intro says it is an interview: two heading questions alone read as a guide's subheads.
_INTRO = (
    "<h1>Baker Tom Eld on rye</h1><p>Tom Eld has baked rye bread in Leeds for thirty years. "
    "He talked to us about it.</p>"
)
_EXPECTED = [
    ("Why rye?", "Because it keeps for a week and tastes better every day, I think."),
    ("Is it hard to bake?", "Harder than wheat. The dough is sticky and you cannot knead it."),
]


@pytest.mark.parametrize(
    "body",
    [
        # a label alone in its own element
        "<p><strong>Q:</strong></p><p>{q}</p><p><strong>A:</strong></p><p>{a}</p>",
        # the colon outside the bold run
        "<p><b>Question</b>: {q}</p><p><b>Tom Eld</b>: {a}</p>",
        # a definition list
        "<dl><dt>{q}</dt><dd>{a}</dd></dl>",
        # headings as questions
        "<h4>{q}</h4><p>{a}</p>",
        # Q and A in one paragraph, split by <br>
        "<p><strong>Q: {q}</strong><br><strong>A:</strong> {a}</p>",
    ],
    ids=["label-own-element", "colon-outside-bold", "dl", "h4", "br"],
)
def test_markup_conventions(body: str) -> None:
    page = "<html><body><article>" + _INTRO
    page += "".join(body.format(q=q, a=a) for q, a in _EXPECTED) + "</article></body></html>"
    t = parse(page)
    assert [(e.question.text, e.answer.text) for e in t.exchanges] == _EXPECTED


def test_without_article_or_main_the_densest_block_is_the_content() -> None:
    qa = "".join(f"<p><b>Q:</b> {q}</p><p><b>A:</b> {a}</p>" for q, a in _EXPECTED)
    page = (
        "<html><body><div class='col-left'><h1>Baker Tom Eld on rye</h1>"
        "<p>Tom Eld has baked rye bread in Leeds for thirty years, and he still loves it.</p>"
        f"{qa}</div><div class='col-right'><p>Our weekly letter brings the best of the city's food "
        "writing to your inbox every Friday morning.</p></div></body></html>"
    )
    t = parse(page)
    assert [(e.question.text, e.answer.text) for e in t.exchanges] == _EXPECTED
    assert any(s.reason == "outside-main" for s in t.removed)


def test_question_and_answer_classes() -> None:
    qa = "".join(
        f'<div class="qa-item"><p class="question">{q}</p><div class="answer"><p>{a}</p></div></div>'
        for q, a in [("Tell us about rye.", _EXPECTED[0][1]), *_EXPECTED[1:]]
    )
    t = parse("<html><body><article>" + _INTRO + qa + "</article></body></html>")
    assert t.quality.convention == "markup-class"
    assert [e.question.text for e in t.exchanges] == ["Tell us about rye.", _EXPECTED[1][0]]


def test_a_link_line_between_answers_is_chrome() -> None:
    (q1, a1), (q2, a2) = _EXPECTED
    page = (
        f"<html><body><article>{_INTRO}<p><b>Q:</b> {q1}</p><p><b>A:</b> {a1}</p>"
        '<p><a href="/rye">Read also: the rye revival in northern bakeries</a></p>'
        f"<p><b>Q:</b> {q2}</p><p><b>A:</b> {a2}</p></article></body></html>"
    )
    t = parse(page)
    assert [(e.question.text, e.answer.text) for e in t.exchanges] == _EXPECTED
    assert [s.reason for s in t.removed if "rye revival" in s.text] == ["link-line"]


@pytest.mark.parametrize("cls", ["video__description", "photo-credit", "media-caption", "image_text"])
def test_words_about_a_picture_are_captions(cls: str) -> None:
    (q1, a1), (q2, a2) = _EXPECTED
    page = (
        f"<html><body><article>{_INTRO}<div class='{cls}'>The baker at his oven in 2023</div>"
        f"<p><b>Q:</b> {q1}</p><p><b>A:</b> {a1}</p><p><b>Q:</b> {q2}</p><p><b>A:</b> {a2}</p>"
        "</article></body></html>"
    )
    assert [c.text for c in parse(page).captions] == ["The baker at his oven in 2023"]


def test_utf8_bytes_and_str_give_the_same_transcript() -> None:
    # From bytes, lxml reads the UTF-8 directly; from str, it reads Python's string.
    page = (
        '<html><head><meta charset="utf-8"><title>Café talk</title></head><body>'
        "<p><b>Q:</b> Où est le café — “ici”?</p><p><b>A:</b> Ici.</p></body></html>"
    )
    from_str = parse(page)
    from_bytes = parse(page.encode("utf-8"))
    assert from_str.exchanges == from_bytes.exchanges
    assert from_str.exchanges[0].question.text == "Où est le café — “ici”?"
    assert from_str.title == from_bytes.title == "Café talk"


def test_a_page_with_a_nul_character_still_parses() -> None:
    transcript = parse("<html><body><p>Q: Hi\x00 there?</p><p>A: Yes.</p></body></html>")
    assert [e.answer.text for e in transcript.exchanges] == ["Yes."]


def test_the_site_name_is_cut_from_a_title_that_carries_it() -> None:
    page = (
        '<html><head><meta property="og:title" content="Ten questions for a ferry pilot | Harbour Weekly">'
        '<meta property="og:site_name" content="Harbour Weekly"></head><body>'
        "<p>Q: How long have you sailed?</p><p>A: Twenty years.</p></body></html>"
    )
    transcript = parse(page)
    assert transcript.title == "Ten questions for a ferry pilot"
    assert transcript.publisher == "Harbour Weekly"
    # A title that merely mentions the site keeps every word.
    kept = parse(page.replace("| Harbour Weekly", "at Harbour Weekly"))
    assert kept.title == "Ten questions for a ferry pilot at Harbour Weekly"


def test_an_article_inside_dropped_markup_is_no_main_content() -> None:
    """The <article> and <main> elements are found in one pass before <noscript> and the
    like are dropped; one that went with them cannot be the page's main element."""
    page = (
        "<html><body><noscript><div><div><div><article><p>Enable scripts.</p><p>Please.</p>"
        "</article></div></div></div></noscript><main><p>Q: Why did you move?</p>"
        "<p>A: For the sea.</p></main></body></html>"
    )
    blocks = html_blocks(page, Meta(), max_depth=400, diagnostics=[])
    assert [(b.text, b.hints.main) for b in blocks] == [
        ("Q: Why did you move?", True),
        ("A: For the sea.", True),
    ]


def test_the_article_scope_around_its_body_is_the_main_content() -> None:
    # A CMS marks only the body itemprop="articleBody"; the lead and the photo stand beside
    # it inside the schema.org article. They were page furniture ("outside-main").
    page = (
        "<html><body><div class='menu'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        "<div itemscope itemtype='https://schema.org/NewsArticle'><h1>The keeper of the lock</h1>"
        "<p class='lead'>Nora Vance has kept the river lock for thirty years.</p>"
        "<figure><img src='a.jpg'><figcaption>Nora Vance at the lock. Photo: Ed Ross</figcaption></figure>"
        "<div itemprop='articleBody'><p><b>How many boats pass in a day?</b></p>"
        "<p>Forty in summer, I count every one of them.</p><p><b>Do you ever sleep?</b></p>"
        "<p>In winter I sleep a lot, the river is quiet.</p></div></div>"
        "<div class='sidebar'><p>Most read: Ten new bridges</p></div></body></html>"
    )
    t = parse(page)
    assert [c.text for c in t.captions] == ["Nora Vance at the lock. Photo: Ed Ross"]
    assert [s.text for s in t.intro if s.reason != "title"] == [
        "Nora Vance has kept the river lock for thirty years."
    ]
    assert t.interviewee is not None and t.interviewee.name == "Nora Vance"


def test_a_preformatted_document_is_read_line_by_line_and_a_code_sample_is_not() -> None:
    record = "\n\n".join(
        f"    {who}. {said}"
        for who, said in [
            (
                "Chairman HALE",
                "The committee will come to order. Ms. Price, you may begin with your statement.",
            ),
            (
                "Ms. PRICE",
                "Thank you, Mr. Chairman. We cleared forty miles of the channel this year, and more.",
            ),
            ("Chairman HALE", "What will the dredging of the lower reaches cost the authority next year?"),
            ("Ms. PRICE", "About twelve million dollars, most of it for the lower reaches of the river."),
            ("Mr. OWENS", "Why is the cost of the work going up so quickly, in your view, Ms. Price?"),
            ("Ms. PRICE", "Fuel and labour. The dredges burn more than they did, and we pay crews more."),
            ("Mr. OWENS", "Could the work on the channel be shared with the port and its own dredges?"),
            ("Ms. PRICE", "We have asked the port, and we are talking about one contract for both."),
        ]
    )
    met = "    The committee met, pursuant to notice, at 10:02 a.m., in the Harbour Building. " * 4
    t = parse(f"<html><body><p>Public Records Office</p><pre>\n{met}\n\n{record}\n</pre></body></html>")
    assert [e.question.speaker for e in t.exchanges] == [
        "Chairman HALE",
        "Chairman HALE",
        "Mr. OWENS",
        "Mr. OWENS",
    ]
    assert t.exchanges[1].question.span.start_line == t.exchanges[0].question.span.start_line + 4
    code = "def run():\n\n    return 1\n" * 20
    prose = "Some prose about the code below. " * 80
    blog = f"<html><body><article><p>{prose}</p><pre>{code}</pre></article></body></html>"
    blocks = html_blocks(blog, Meta(), max_depth=400, diagnostics=[])
    assert sum(1 for b in blocks if "def run" in b.text) == 1


def test_a_time_in_brackets_after_a_bold_name_is_the_turn_s() -> None:
    turns = [
        ("Speaker 1", "02:11", "Mayor, when will the ferries run again?"),
        ("Mayor Ida Holm", "02:15", "On Monday, if the talks hold. I would not promise more than that."),
        ("Speaker 2", "02:40", "Who pays for the extra buses on the harbour route?"),
        ("Mayor Ida Holm", "02:44", "The city does, from the transport fund, until the ferries run."),
    ]
    body = "".join(
        f"<p><strong>{who}:</strong> (<a href='#'>{at}</a>)<br>{said}</p>" for who, at, said in turns
    )
    t = parse(f"<html><body><article><h1>Ferry strike briefing</h1>{body}</article></body></html>")
    assert [(e.question.text, e.question.time, e.answer.time) for e in t.exchanges] == [
        ("Mayor, when will the ferries run again?", "02:11", "02:15"),
        ("Who pays for the extra buses on the harbour route?", "02:40", "02:44"),
    ]


_WRAPPED = (
    "<html><head><title>Ines Roth on the harbour</title></head><body><article>"
    "<h1>Ines Roth on the harbour</h1>"
    '<div class="{cls}"><p>Ines Roth has run the harbour for a decade. We met on the quay.</p>'
    "<p><b>Why the harbour?</b></p><p>Because I grew up on the quay and know every boat.</p>"
    "<p><b>What changed?</b></p><p>The channel moves every winter, and we survey it twice now.</p>"
    "<p><b>And next?</b></p><p>A new pier, if the council agrees. I am hopeful about it.</p>"
    '</div><div class="{cls}"><a href="/share">Share</a></div></article></body></html>'
)


def test_furniture_never_holds_most_of_the_main_text() -> None:
    """A share plugin names the parent of its buttons ("gigya-share-btns-2_gig_containerParent",
    seen on a staged news page): on the article's text wrapper, that class made the whole
    interview a share bar. The same class on the bar itself still marks furniture."""
    t = parse(_WRAPPED.format(cls="text-wrapper sharekit-share-2_containerParent"))
    assert [e.question.text for e in t.exchanges] == ["Why the harbour?", "What changed?", "And next?"]
    assert [s.text for s in t.removed if s.reason == "markup-share"] == ["Share"]


def test_comments_holding_most_of_the_text_stay_furniture() -> None:
    """A short interview under a long comment thread: the thread holds most paragraphs of
    <main>, and its readers ask questions, but comments are furniture whatever their size
    (only a widget's name, a share bar's or a tag list's, can misname the main text)."""
    post = (
        "<h1>Ines Roth on the harbour</h1><p>Ines Roth has run the harbour for a decade.</p>"
        "<p><b>Why the harbour?</b></p><p>Because I grew up on the quay and know every boat.</p>"
        "<p><b>What changed?</b></p><p>The channel moves every winter, and we survey it twice now.</p>"
    )
    thread = "".join(
        f"<div><p>Reader {i} says:</p><p>Did you ever think of moving the pier, Ines?</p><p>Thanks!</p></div>"
        for i in range(12)
    )
    t = parse(f"<html><body><main>{post}<section class='comments'>{thread}</section></main></body></html>")
    assert [e.question.text for e in t.exchanges] == ["Why the harbour?", "What changed?"]
    assert "Reader" not in " ".join(e.answer.text for e in t.exchanges)


def test_a_component_id_of_four_words_still_names_furniture() -> None:
    """ "most-popular-articles-list" names a box of links; "most-of-all-the-noise" is a
    section's heading made an anchor (tests/fixtures: html-section-slug-ids)."""
    page = (
        "<html><body><article><h1>Ines Roth on the harbour</h1><p>Ines Roth runs the harbour.</p>"
        "<p><b>Why the harbour?</b></p><p>Because I grew up on the quay and know every boat.</p>"
        '<div id="most-popular-articles-list"><p>Ferry fares rise again?</p><p>Quay works begin</p></div>'
        "<p><b>What changed?</b></p><p>The channel moves every winter, and we survey it twice now.</p>"
        "</article></body></html>"
    )
    t = parse(page)
    assert [e.answer.text for e in t.exchanges] == [
        "Because I grew up on the quay and know every boat.",
        "The channel moves every winter, and we survey it twice now.",
    ]
