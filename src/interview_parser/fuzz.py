"""Inputs a hostile user would write, for the fuzz suite: byte mutations and broken markup.

``mutate`` damages a page the way transfers and copy-paste do (flipped and inserted bytes,
cut and doubled runs, a splice of another page, an invalid UTF-8 sequence, a stray NUL).
``hostile_page`` writes HTML as careless CMSs do: unclosed and misnested elements, void
elements with content, body content before ``<body>`` or after ``</html>``, comments,
entities, furniture classes, deep wrappers. Every piece of visible text in it is a unique
marker word, and the page lists the markers that must come out of a parse somewhere (an
exchange, the intro, a caption or the ledger). Both draw from a seeded ``random.Random``,
so a run is repeated exactly from its seed; the hypothesis suite draws the seeds.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import attrs

from .records import Transcript

_INSERTS = (
    b"<",
    b">",
    b"</p>",
    b"<p>",
    b"<b>",
    b"<br>",
    b"<!--",
    b"-->",
    b"Q: ",
    b"A: ",
    b"?",
    b"\n",
    b"\r",
    b"\n\n",
    b"\x00",
    b"\xff",
    b"\xed\xa0\x80",  # a UTF-8-encoded lone surrogate
    b"\xc3",
    b"&#xD800;",
    b"&amp;",
    b"---\n",
    b"\\",
    b"\xef\xbb\xbf",
    b"<html>",
    b"</html>",
    b"<script>",
    b'{"@graph": null}',
)


def mutate(data: bytes, rng: random.Random, donors: Sequence[bytes] = ()) -> bytes:
    """One to five random damages to ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        n = len(out)
        op = rng.randrange(7)
        at = rng.randint(0, n)
        if op == 0 and n:
            out[min(at, n - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            out[at:at] = rng.choice(_INSERTS)
        elif op == 2 and n:
            del out[at : at + rng.randint(1, max(1, n // 4))]
        elif op == 3 and n:
            piece = out[at : at + rng.randint(1, 200)]
            out[at:at] = piece * rng.randint(1, 20)
        elif op == 4 and donors:
            donor = rng.choice(donors)
            start = rng.randint(0, len(donor))
            out[at:at] = donor[start : start + rng.randint(1, 400)]
        elif op == 5:
            del out[at:]
        else:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(out)


@attrs.frozen
class HostilePage:
    markup: str
    markers: tuple[str, ...]  # the visible text words a parse must account for


# Elements whose text is page text (walked), and where they may appear.
_CONTAINERS = ("div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote",
               "figure", "ul", "ol", "table", "dl", "center", "font", "form")  # fmt: skip
_BLOCKS = ("p", "h1", "h2", "h3", "li", "td", "dt", "dd", "figcaption", "pre", "address")
_INLINES = ("b", "strong", "i", "em", "a", "span", "small", "u", "sub", "sup", "time", "cite", "q", "mark")
_VOIDS = ("br", "img", "hr", "wbr", "embed", "source", "param", "area", "col", "meta", "link", "input")
# Never page text: their content is dropped on purpose (scripts, controls, media fallbacks).
_INVISIBLE = ("script", "style", "template", "noscript", "textarea", "button", "select", "video", "svg")
_CLASSES = ("share", "related", "menu", "caption", "credit", "question", "answer", "post",
            "entry-content", "tag-news", "sharebar", "image", "byline", "footer", "cookie", "promo",
            "", "x y", "photo")  # fmt: skip
_LABELS = ("Q:", "A:", "Q.", "A.", "Question:", "Answer:", "JANE DOE:", "Tom:", "", "", "", "")
_PUNCT = ("", "", ".", "?", "!", ",", ":", " -", " –")


def hostile_page(rng: random.Random, *, size: int = 40) -> HostilePage:
    """Broken HTML with ``size`` or so pieces of visible text, each a unique marker."""
    markers: list[str] = []
    out: list[str] = []

    def marker() -> str:
        word = f"zq{len(markers)}x"
        markers.append(word)
        label = rng.choice(_LABELS)
        # Spaced: text runs that touch across elements are one word in HTML too.
        return f" {label} {word}{rng.choice(_PUNCT)} " if label else f" {word}{rng.choice(_PUNCT)} "

    def attrs_() -> str:
        cls = rng.choice(_CLASSES)
        return f' class="{cls}"' if cls and rng.random() < 0.5 else ""

    def element(depth: int) -> None:
        roll = rng.random()
        if depth > 6 or roll < 0.3:
            out.append(marker())
            return
        if roll < 0.38:
            tag = rng.choice(_VOIDS)
            out.append(f"<{tag}>" if rng.random() < 0.7 else f"<{tag}/>")
            return
        if roll < 0.42:
            tag = rng.choice(_INVISIBLE)
            out.append(f"<{tag}>invisible words {rng.random()}</{tag}>")
            return
        if roll < 0.45:
            out.append(f"<!-- a comment {rng.random()} -->")
            return
        if roll < 0.47:
            out.append(rng.choice(("&amp;", "&nbsp;", "&#8217;", "&lt;", "&bogus;", "&#0;")))
            return
        group = rng.choice((_CONTAINERS, _BLOCKS, _INLINES))
        tag = rng.choice(group)
        out.append(f"<{tag}{attrs_()}>")
        for _ in range(rng.randint(0, 4)):
            element(depth + 1)
        if rng.random() < 0.85:  # careless pages leave some elements open
            out.append(f"</{tag}>")

    # <title> is no visible text (the headline may come from it, or from an <h1>).
    head = [f"<title>A page {rng.random()}</title>"] if rng.random() < 0.5 else []
    opening = rng.choice(
        ("<!DOCTYPE html>", "<!doctype html><html>", "<html><head>", "", "<?xml version='1.0'?>")
    )
    out.append(opening + "".join(head))
    if rng.random() < 0.6:
        out.append("<body>")
    while len(markers) < size:
        element(0)
    if rng.random() < 0.5:
        out.append("</body></html>")
        if rng.random() < 0.5:
            element(0)  # content after </html>
    return HostilePage(markup="".join(out), markers=tuple(markers))


def unaccounted(transcript: Transcript, markers: Sequence[str]) -> list[str]:
    """The markers that came out of the parse nowhere (empty when every one is placed)."""
    texts = [transcript.title or ""]
    texts += [s.text for s in (*transcript.intro, *transcript.removed)]
    texts += [c.text for c in transcript.captions]
    for e in transcript.exchanges:
        for turn in (e.question, e.answer):
            texts += [turn.text, turn.speaker or "", *(d.text for d in turn.drafts)]
    words = set(" ".join(texts).replace("\n", " ").split())
    found = {w.strip(".?!,:;–-") for w in words}
    return [m for m in markers if m not in found]


def unclaimed_lines(raw: bytes, transcript: Transcript) -> list[int]:
    """Non-blank lines of a text input that no bucket claims (empty when none is lost)."""
    from .read.decode import decode_bytes, normalise
    from .read.text import clean_line

    text = normalise(decode_bytes(raw, max_bytes=len(raw) + 1).text)
    wanted = {n for n, line in enumerate(text.split("\n"), start=1) if clean_line(line)}
    claimed: set[int] = set()
    spans = [s.span for s in (*transcript.intro, *transcript.removed)]
    spans += [c.span for c in transcript.captions]
    for e in transcript.exchanges:
        for turn in (e.question, e.answer):
            spans += list(turn.spans)
            spans += [s for d in turn.drafts for s in d.spans]
    for span in spans:
        claimed.update(range(span.start_line, span.end_line + 1))
    return sorted(wanted - claimed)
