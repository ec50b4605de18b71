"""Render interviews as pages in a chosen convention, with the noise real pages carry.

The inverse of parsing, for tests and benchmarks: ``render_page`` writes exchanges as a
pasted-text or HTML page (labels ``Q.``/``Q:``/``Question:``, speaker names, or bold and
``?``-ending questions), optionally with page chrome, photo captions, duplicated question
drafts, CRLF line ends, non-breaking spaces and cp1252 bytes, and returns the page with
what it must parse back to. ``random_interview`` draws plausible content from a seeded
``random.Random`` (the benchmark corpus); ``interview_parser.strategies`` draws it with
hypothesis.
"""

from __future__ import annotations

import html
import random
from collections.abc import Sequence
from typing import Literal

import attrs

Convention = Literal["q-dot", "q-colon", "question-word", "speaker", "unlabelled"]
CONVENTIONS: tuple[Convention, ...] = ("q-dot", "q-colon", "question-word", "speaker", "unlabelled")

# Plain words that no chrome, caption or label rule reacts to.
WORDS = tuple(
    """
    river harbour village market winter summer season garden orchard valley bridge school
    project money time people family music record album water field farm station ferry
    council street town forest season island road morning evening reason change plan
    idea budget tour team club match stage light sound story teacher doctor nurse builder
    careful quiet strong early late simple honest slow quick local small large old young
    built changed started opened learned planned moved kept found asked helped grew
    """.split()
)
_OPENERS = ("What", "How", "Why", "When", "Where", "Who")
_FILLER = ("about", "with", "for", "after", "before", "during", "across")


@attrs.frozen(kw_only=True)
class Exchange:
    """What one rendered exchange must parse back to."""

    question: str
    answer: str
    drafts: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Interview:
    title: str
    interviewer: str
    interviewee: str
    intro: str
    exchanges: tuple[Exchange, ...]
    # (exchange index, caption text): after that exchange's answer, or inside it, after its
    # first paragraph, when ``captions_inside`` is set and the answer has several.
    captions: tuple[tuple[int, str], ...] = ()
    captions_inside: bool = False


@attrs.frozen(kw_only=True)
class RenderedPage:
    content: str | bytes
    format: Literal["text", "html"]
    convention: Convention
    interview: Interview
    chrome: bool = False  # page furniture (menus, share lines, footer) around the interview


def _sentence(rng: random.Random, lo: int = 6, hi: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words.insert(rng.randint(1, len(words) - 1), rng.choice(_FILLER))
    return " ".join(words).capitalize() + "."


def _question(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 10))]
    return f"{rng.choice(_OPENERS)} {' '.join(words)}?"


def _answer_paragraph(rng: random.Random) -> str:
    # Answers speak in the first person, as interviewees do.
    body = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
    return f"We {rng.choice(WORDS)} {body[0].lower()}{body[1:]}"


def random_interview(
    rng: random.Random, *, exchanges: int = 6, drafts: bool = False, captions: bool = False
) -> Interview:
    """Plausible content for a page: questions end in ``?``, answers talk in the first person."""
    items = []
    for i in range(exchanges):
        question = _question(rng)
        found: tuple[str, ...] = ()
        if drafts and i % 3 == 1:
            found = (question,) if rng.random() < 0.5 else (_question(rng)[:-1] + " " + question,)
        answer = "\n\n".join(_answer_paragraph(rng) for _ in range(rng.randint(1, 3)))
        items.append(Exchange(question=question, answer=answer, drafts=found))
    cap = ((exchanges // 2, f"Photo: Ana Lind at the {rng.choice(WORDS)} market. (Gazette/K. Berg)"),)
    return Interview(
        title=f"Ana Lind on the {rng.choice(WORDS)} and the {rng.choice(WORDS)}",
        interviewer="Tom Reyes",
        interviewee="Ana Lind",
        intro=f"Ana Lind spoke to us about {' '.join(_sentence(rng, 20, 30).lower().split())}",
        exchanges=tuple(items),
        captions=cap if captions else (),
    )


_TEXT_LABELS = {
    "q-dot": ("Q. ", "A. "),
    "q-colon": ("Q: ", "A: "),
    "question-word": ("Question: ", "Answer: "),
}
_CHROME_TOP = ("Skip to main content", "THE VALLEY GAZETTE", "Home | News | Sport | Interviews")
_CHROME_BOTTOM = (
    "Share on Facebook",
    "Tags: valley, people",
    "© 2024 Valley Gazette Ltd. All rights reserved.",
)


def render_page(
    interview: Interview,
    *,
    convention: Convention = "q-dot",
    fmt: Literal["text", "html"] = "text",
    chrome: bool = False,
    crlf: bool = False,
    nbsp: bool = False,
    cp1252: bool = False,
) -> RenderedPage:
    """Write ``interview`` as a page; ``content`` is bytes when ``cp1252`` is set."""
    if fmt == "html":
        content: str | bytes = _html(interview, convention, chrome)
    else:
        content = _text(interview, convention, chrome)
    if nbsp:
        # Non-breaking spaces where pasted text carries them: after labels and in dates.
        content = content.replace(". ", ".\u00a0", 3) if isinstance(content, str) else content
    if crlf and isinstance(content, str):
        content = content.replace("\n", "\r\n")
    if cp1252 and isinstance(content, str):
        if fmt == "html":
            content = content.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
        content = content.encode("cp1252")
    return RenderedPage(
        content=content, format=fmt, convention=convention, interview=interview, chrome=chrome
    )


def _labels(convention: Convention, interview: Interview) -> tuple[str, str]:
    if convention == "speaker":
        return (
            f"{interview.interviewer.split()[-1].upper()}: ",
            f"{interview.interviewee.split()[-1].upper()}: ",
        )
    if convention == "unlabelled":
        return ("", "")
    return _TEXT_LABELS[convention]


def _text(interview: Interview, convention: Convention, chrome: bool) -> str:
    q_label, a_label = _labels(convention, interview)
    parts: list[str] = list(_CHROME_TOP) if chrome else []
    parts += [interview.title, "14 March 2024", interview.intro]
    captions = dict(interview.captions)
    for i, ex in enumerate(interview.exchanges):
        parts += [q_label + d for d in ex.drafts]
        parts.append(q_label + ex.question)
        paragraphs = ex.answer.split("\n\n")
        parts.append(a_label + paragraphs[0])
        inside = i in captions and interview.captions_inside and len(paragraphs) > 1
        if inside:
            parts.append(captions[i])
        parts += paragraphs[1:]
        if i in captions and not inside:
            parts.append(captions[i])
    if chrome:
        parts += list(_CHROME_BOTTOM)
    return "\n\n".join(parts) + "\n"


def _html(interview: Interview, convention: Convention, chrome: bool) -> str:
    q_label, a_label = _labels(convention, interview)
    esc = html.escape
    body: list[str] = []
    if chrome:
        body.append('<header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>')
    body += [
        "<main><article>",
        f"<h1>{esc(interview.title)}</h1>",
        '<p class="date"><time datetime="2024-03-14">14 March 2024</time></p>',
        f"<p>{esc(interview.intro)}</p>",
    ]
    captions = dict(interview.captions)

    def question(text: str) -> str:
        if convention == "unlabelled":
            return f"<p><strong>{esc(text)}</strong></p>"
        return f"<p><strong>{esc(q_label.strip())}</strong> {esc(text)}</p>"

    for i, ex in enumerate(interview.exchanges):
        body += [question(d) for d in ex.drafts]
        body.append(question(ex.question))
        paragraphs = ex.answer.split("\n\n")
        lead = f"<strong>{esc(a_label.strip())}</strong> " if a_label else ""
        body.append(f"<p>{lead}{esc(paragraphs[0])}</p>")
        figure = (
            f'<figure><img src="x.jpg" alt=""><figcaption>{esc(captions.get(i, ""))}</figcaption></figure>'
        )
        inside = i in captions and interview.captions_inside and len(paragraphs) > 1
        if inside:
            body.append(figure)
        body += [f"<p>{esc(p)}</p>" for p in paragraphs[1:]]
        if i in captions and not inside:
            body.append(figure)
    body.append("</article></main>")
    if chrome:
        body.append("<footer><p>© 2024 Valley Gazette Ltd. All rights reserved.</p></footer>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(interview.title)}</title></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def corpus(
    seed: int, n: int, *, fmt: Literal["text", "html"], exchanges: Sequence[int] = (4, 30)
) -> list[RenderedPage]:
    """A deterministic benchmark corpus: ``n`` pages, conventions and noise drawn from ``seed``."""
    rng = random.Random(seed)
    pages = []
    for _ in range(n):
        interview = random_interview(rng, exchanges=rng.randint(*exchanges), drafts=True, captions=True)
        pages.append(
            render_page(
                interview, convention=rng.choice(CONVENTIONS), fmt=fmt, chrome=True, crlf=rng.random() < 0.2
            )
        )
    return pages
