"""Hypothesis strategies for the records, and a renderer that writes them as pages.

Public, for users testing their own pipelines (needs the ``hypothesis`` extra)::

    from interview_parser.strategies import transcripts, rendered_pages

``transcripts()`` draws arbitrary valid records (for export round trips); ``rendered_pages()``
draws a page in a chosen labelling convention, optionally wrapped in noise (chrome,
captions, drafts, CRLF, NBSP, cp1252), together with what it must parse back to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import attrs

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as exc:  # an optional extra: say how to get it
    raise ModuleNotFoundError(
        "interview_parser.strategies needs hypothesis: pip install 'interview-parser[hypothesis]'",
        name=exc.name,
    ) from exc

from . import render
from .records import (
    Bucket,
    Caption,
    Diagnostic,
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

# Text from every Unicode plane, minus surrogates (not encodable) — JSON and Arrow must
# carry all of it.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


def spans() -> st.SearchStrategy[Span]:
    return st.builds(
        lambda a, n, p: Span(start_line=a, end_line=a + n, path=p),
        st.integers(0, 2**31 - 1000),
        st.integers(0, 100),
        st.none() | any_text,
    )


def turns(*, text: st.SearchStrategy[str] = any_text, max_drafts: int = 2) -> st.SearchStrategy[Turn]:
    def build(
        paragraphs: list[str],
        speaker: str | None,
        label: str | None,
        time: str | None,
        span: Span,
        spans_: list[Span],
        drafts: list[Draft],
    ) -> Turn:
        return Turn(
            text="\n\n".join(paragraphs),
            paragraphs=tuple(paragraphs),
            speaker=speaker,
            label=label,
            labels=(label,) if label else (),
            paragraph_speakers=tuple(speaker for _ in paragraphs),
            time=time,
            paragraph_times=tuple(time if i == 0 else None for i in range(len(paragraphs))),
            span=span,
            spans=tuple(spans_),
            drafts=tuple(drafts),
        )

    draft = st.builds(
        lambda t, lab, s: Draft(text=t, label=lab, span=s, spans=(s,)), text, st.none() | text, spans()
    )
    return st.builds(
        build,
        st.lists(text, max_size=3),
        st.none() | text,
        st.none() | text,
        st.none() | st.just("00:12:03"),
        spans(),
        st.lists(spans(), max_size=3),
        st.lists(draft, max_size=max_drafts),
    )


def exchanges(
    *, max_size: int = 5, text: st.SearchStrategy[str] = any_text
) -> st.SearchStrategy[tuple[Exchange, ...]]:
    """Exchange tuples with consecutive indexes."""
    return st.lists(st.tuples(turns(text=text), turns(text=text, max_drafts=0)), max_size=max_size).map(
        lambda pairs: tuple(
            Exchange(index=i, question=q, answer=attrs.evolve(a, drafts=())) for i, (q, a) in enumerate(pairs)
        )
    )


def segments(kinds: tuple[Bucket, ...]) -> st.SearchStrategy[Segment]:
    return st.builds(
        lambda k, r, t, s, who: Segment(kind=k, reason=r, text=t, span=s, speaker=who),
        st.sampled_from(kinds),
        any_text,
        any_text,
        spans(),
        st.none() | any_text,
    )


def transcripts(
    *,
    max_exchanges: int = 5,
    text: st.SearchStrategy[str] = any_text,
) -> st.SearchStrategy[Transcript]:
    """Arbitrary valid transcripts: every field drawn, strings from every Unicode plane."""
    sources = st.builds(
        lambda uri, fmt, data: Source(
            uri=uri, format=fmt, sha256=hashlib.sha256(data).hexdigest(), encoding="utf-8"
        ),
        st.none() | any_text,
        st.sampled_from(["text", "html"]),
        st.binary(max_size=16),
    )
    participants = st.builds(
        lambda n, r, al, af, c: Participant(name=n, role=r, aliases=tuple(al), affiliation=af, confidence=c),
        any_text,
        st.sampled_from(list(Role)),
        st.lists(any_text, max_size=2),
        st.none() | any_text,
        st.floats(0, 1),
    )
    captions = st.builds(lambda t, r, s: Caption(text=t, rule=r, span=s), any_text, any_text, spans())
    diagnostics = st.builds(
        lambda c, m, w: Diagnostic(code=c, message=m, where=w),
        any_text,
        any_text,
        st.none() | any_text,
    )
    quality = st.builds(
        lambda s, u, c, i: Quality(exchange_share=s, unclassified_blocks=u, convention=c, is_interview=i),
        st.floats(0, 1),
        st.integers(0, 10_000),
        any_text,
        st.floats(0, 1),
    )

    def build(source: Source, **kw: Any) -> Transcript:
        return Transcript(doc_id=source.sha256[:32], source=source, **kw)

    return st.builds(
        build,
        source=sources,
        title=st.none() | text,
        published=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
        publisher=st.none() | any_text,
        language=st.none() | st.sampled_from(["en", "de", "fr", "es", "it", "pt", "nl"]),
        participants=st.lists(participants, max_size=3).map(tuple),
        intro=st.lists(segments((Bucket.INTRO,)), max_size=2).map(tuple),
        exchanges=exchanges(max_size=max_exchanges, text=text),
        captions=st.lists(captions, max_size=2).map(tuple),
        removed=st.lists(segments((Bucket.CHROME, Bucket.UNCLASSIFIED)), max_size=3).map(tuple),
        diagnostics=st.lists(diagnostics, max_size=2).map(tuple),
        quality=quality,
    )


# --- rendered pages -------------------------------------------------------------------

_word = st.sampled_from(render.WORDS)


@st.composite
def _sentence(draw: st.DrawFn, lo: int = 6, hi: int = 14) -> str:
    words = draw(st.lists(_word, min_size=lo, max_size=hi))
    return " ".join(words).capitalize() + "."


@st.composite
def _question(draw: st.DrawFn) -> str:
    opener = draw(st.sampled_from(("What", "How", "Why", "When", "Where")))
    return f"{opener} {' '.join(draw(st.lists(_word, min_size=3, max_size=10)))}?"


@st.composite
def _answer(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        body = " ".join(draw(st.lists(_sentence(), min_size=1, max_size=3)))
        paragraphs.append(f"We {draw(_word)} {body[0].lower()}{body[1:]}")
    return "\n\n".join(paragraphs)


@st.composite
def interviews(
    draw: st.DrawFn,
    *,
    min_exchanges: int = 1,
    max_exchanges: int = 6,
    drafts: bool = True,
    captions: bool = True,
) -> render.Interview:
    """Interview content: ``?``-ending questions, first-person answers, optional drafts and a caption."""
    n = draw(st.integers(min_exchanges, max_exchanges))
    items = []
    for _ in range(n):
        question = draw(_question())
        found: tuple[str, ...] = ()
        if drafts and draw(st.booleans()):
            repeat = draw(st.booleans())
            found = (question,) if repeat else (draw(_question())[:-1] + " " + question,)
        items.append(render.Exchange(question=question, answer=draw(_answer()), drafts=found))
    caption: tuple[tuple[int, str], ...] = ()
    if captions and draw(st.booleans()):
        caption = (
            (draw(st.integers(0, n - 1)), f"Photo: Ana Lind at the {draw(_word)} market. (Gazette/K. Berg)"),
        )
    return render.Interview(
        title=f"Ana Lind on the {draw(_word)} and the {draw(_word)}",
        interviewer="Tom Reyes",
        interviewee="Ana Lind",
        intro="Ana Lind spoke to us about " + " ".join(draw(_sentence(20, 30)).lower().split()),
        exchanges=tuple(items),
        captions=caption,
        captions_inside=bool(caption) and draw(st.booleans()),
    )


@st.composite
def rendered_pages(
    draw: st.DrawFn,
    *,
    conventions: tuple[render.Convention, ...] = render.CONVENTIONS,
    formats: tuple[str, ...] = ("text", "html"),
    noise: bool = True,
) -> render.RenderedPage:
    """A page in a drawn convention and format, with drawn noise, and what it must parse to."""
    interview = draw(interviews())
    fmt = draw(st.sampled_from(formats))
    flags = {k: noise and draw(st.booleans()) for k in ("chrome", "crlf", "nbsp", "cp1252")}
    return render.render_page(
        interview,
        convention=draw(st.sampled_from(conventions)),
        fmt="html" if fmt == "html" else "text",
        **flags,
    )
