"""Properties: rendered pages parse back, nothing is lost, only our errors escape."""

from __future__ import annotations

import re

from hypothesis import assume, example, given
from hypothesis import strategies as st

from interview_parser import InterviewParserError, Transcript, parse
from interview_parser.read.text import clean_line
from interview_parser.render import Exchange, Interview, RenderedPage, render_page
from interview_parser.strategies import rendered_pages

from .helpers import line_buckets


def _summary(page: RenderedPage) -> list[tuple[str, tuple[str, ...], str]]:
    return [(e.question, e.drafts, e.answer) for e in page.interview.exchanges]


def _river_interview(*exchanges: Exchange) -> Interview:
    """The minimal interview hypothesis shrank its failures to."""
    return Interview(
        title="Ana Lind on the river and the river",
        interviewer="Tom Reyes",
        interviewee="Ana Lind",
        intro="Ana Lind spoke to us about " + " ".join(["river"] * 20) + ".",
        exchanges=exchanges,
    )


_ANSWER = "We river river river river river river river."

# Found by hypothesis: a revision sharing one content word with a short question was missed.
_SHORT_DRAFT = render_page(
    _river_interview(
        Exchange(question="What river river river?", answer=_ANSWER),
        Exchange(
            question="What river river river?",
            answer=_ANSWER,
            drafts=("What river river river river river river What river river river?",),
        ),
    )
)

# Found by hypothesis: one exchange whose question (with its draft) outweighs the answer
# made the asking speaker look like the interviewee.
_ONE_EXCHANGE_SPEAKERS = render_page(
    _river_interview(
        Exchange(
            question="What river river river?",
            answer=_ANSWER,
            drafts=("What river river river What river river river?",),
        )
    ),
    convention="speaker",
)


@given(rendered_pages())
@example(_SHORT_DRAFT)
@example(_ONE_EXCHANGE_SPEAKERS)
def test_rendered_pages_parse_back(page: RenderedPage) -> None:
    # One exchange with a one-line answer amid a page of chrome sits on the verdict's
    # threshold (0.4999: it reads as a teaser as much as an interview; without the chrome,
    # the example above, it passes), so that corner is not asserted.
    exchanges = page.interview.exchanges
    assume(not page.chrome or len(exchanges) > 1 or any(len(e.answer.split()) >= 12 for e in exchanges))
    t = parse(page.content)
    got = [(e.question.text, tuple(d.text for d in e.question.drafts), e.answer.text) for e in t.exchanges]
    assert got == _summary(page)
    assert [c.text for c in t.captions] == [c for _, c in page.interview.captions]
    assert t.title == page.interview.title


@given(rendered_pages(formats=("text",)))
def test_nothing_is_lost_on_rendered_text(page: RenderedPage) -> None:
    t = parse(page.content)
    raw = page.content if isinstance(page.content, str) else page.content.decode(t.source.encoding)
    lines = re.split(r"\r\n|\r|\n", raw)
    non_blank = {n for n, line in enumerate(lines, start=1) if clean_line(line.replace("\u00a0", " "))}
    claims = line_buckets(t)
    assert set(claims) == non_blank
    assert all(len(b) == 1 for b in claims.values())


@given(rendered_pages(noise=False))
def test_line_endings_do_not_matter(page: RenderedPage) -> None:
    assert isinstance(page.content, str)
    a = parse(page.content)
    b = parse(page.content.replace("\n", "\r\n"))
    assert a.exchanges == b.exchanges and a.captions == b.captions


@given(rendered_pages())
def test_parsing_is_deterministic(page: RenderedPage) -> None:
    assert parse(page.content) == parse(page.content)


_HTMLISH = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "<div class='share'>",
            "</div>",
            "<br>",
            "Q:",
            "A:",
            "<h2>",
            "&amp;",
            "&#xD800;",
            "<!--",
            "-->",
            "<script>",
            "\n",
            "Why?",
            "Yes.",
            "<",
        ]
    ),
    max_size=40,
).map("".join)


@given(st.one_of(st.text(), st.binary(), _HTMLISH, _HTMLISH.map(lambda s: "<html><body>" + s)))
@example("\x00")
@example(b"\xff\xfe")
@example("<html><body><p>Q:</p><p>A:</p>")
def test_only_our_errors_escape(data: str | bytes) -> None:
    """Anything else (a bare ValueError, an lxml error, a RecursionError) fails the test."""
    try:
        result = parse(data)
    except InterviewParserError as exc:
        assert str(exc)  # every error says what was expected and found
        return
    assert isinstance(result, Transcript)
