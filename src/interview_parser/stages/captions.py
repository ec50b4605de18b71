"""Captions stage: photo and video captions and credits, wherever they stand.

Reads block text, the figure/caption hints of the HTML front end, and the paragraph
layout. Decides caption for: figure captions; lines opening with ``Photo:``, ``Video:``...;
lines ending in a credit (``... Photo: Name``, ``© Agency/Name``); bare ``© Agency`` credit
lines; short lines placing people in the picture (``Rosa Lind (left) and ...``); and,
inside the interview, a short stand-alone line with no closing punctuation (the name line
under a picture), which no answer sentence looks like.
"""

from __future__ import annotations

import re

from ..blocks import Block, State
from ..lexicon import CAPTION_POSITIONS, CAPTION_PREFIXES, CREDIT_WORDS, ends_asking
from ..records import Bucket

_PREFIX = re.compile(
    r"^(?:(?:" + "|".join(CAPTION_PREFIXES) + r")s?\s*:\s*\S|"
    r"(?:photo(?:graph)?|picture|image|video)s? (?:by|courtesy of|credit)\b)",
    re.I,
)
_TRAILING_CREDIT = re.compile(
    r"[.)]\s+(?:" + "|".join(CREDIT_WORDS) + r")(?:graph)?s?\s*:\s*[^.]{2,80}$|"
    # "(Agency/Photographer)" credits; not a Markdown link's "(https://...)".
    r"\s©\s*[^©]{2,80}$|(?<!\])\((?!https?:|www\.)(?:photo|picture|image|credit)?[^()]{0,30}/[^()]{2,40}\)\s*$",
    re.I,
)
# "... at the top of the lighthouse. (Photo by Tom Hale)", "(Foto: dpa)": a credit in
# brackets closing the line, after the sentence that places the picture.
_BRACKETED_CREDIT = re.compile(
    r"[.!?]\s*\((?:photo|picture|image|foto|bild)(?:graph)?s?\s*"
    r"(?:by\b|:|courtesy\b(?: of\b)?)\s*[^()]{2,60}\)$",
    re.I,
)
_MAX_CAPTION_CHARS = 400
_POSITION = re.compile(r"\((?:" + "|".join(re.escape(p) for p in CAPTION_POSITIONS) + r")\)", re.I)
_MAX_POSITION_WORDS = 30
_PREFIX_INITIALS = frozenset(p[0] for p in CAPTION_PREFIXES) | {"p", "i", "v"}
_MEDIA_HEADS = frozenset({"photo", "pictu", "image", "video"})  # the second branch of _PREFIX
_BARE_CREDIT = re.compile(r"^(?:©|\(c\))\s*\D[^.]{1,80}$", re.I)
# Closing punctuation, including the dash of an interrupted sentence ("speak to —").
_CLOSING = (".", "?", "!", ":", ";", "…", '"', "”", "’", "'", ",", ")", "»", "]", "—", "–", "-")
_BULLET = re.compile(r"^[•\-*–·▪●◦]\s")
_MAX_NAME_LINE_WORDS = 12


_MAX_IMAGE_LINE_WORDS = 30


def _below_pictures(blocks: list[Block]) -> set[int]:
    """Short italic or small-print lines straight below a picture: a blog's caption
    ("*The main stage on the meadow.*" under the photo). Not where italics are the page's
    own style for turns (answers set in italics): then most italic lines stand elsewhere."""
    below = [
        b
        for b in blocks
        if b.hints.after_image
        and (b.hints.italic or b.hints.small)
        and b.kind is None
        and b.side != "q"
        and b.label is None
        and len(b.text) <= _MAX_CAPTION_CHARS
        and len(b.text.split()) <= _MAX_IMAGE_LINE_WORDS
        and not ends_asking(b.text)
    ]
    if not below:
        return set()
    elsewhere = sum(1 for b in blocks if b.hints.italic and b.hints.main and not b.hints.after_image)
    if elsewhere >= max(2, len(below)):
        below = [b for b in below if b.hints.small]
    return {b.index for b in below}


def run(state: State) -> None:
    blocks = state.blocks
    pictured = _below_pictures(blocks)
    body_start: int | None = None
    body_end = -1
    paragraphs: dict[int, list[Block]] = {}
    for block in blocks:  # one pass: the interview's extent, paragraphs, caption rules
        paragraphs.setdefault(block.para, []).append(block)
        if block.kind is not None:
            continue
        if block.side is not None:
            body_end = block.index
            if body_start is None and block.side == "q":
                body_start = block.index
        if block.label is None:
            rule = _rule(block) or ("below-picture" if block.index in pictured else None)
            if rule:
                block.mark(Bucket.CAPTION, rule)

    if body_start is None:
        return
    for para in paragraphs.values():
        first = para[0]
        if not body_start < first.index < body_end:
            continue
        if len(para) == 1:  # the common case, without the generator passes below
            if first.kind is None and first.label is None and _name_line(first):
                first.mark(Bucket.CAPTION, "name-line")
            continue
        if any(b.label is not None for b in para):
            continue
        open_blocks = [b for b in para if b.kind is None]
        if not open_blocks:
            continue
        credited = any(b.kind is Bucket.CAPTION for b in para)
        if credited and all(_name_line(b) for b in open_blocks):
            for b in open_blocks:
                b.mark(Bucket.CAPTION, "name-line")


def _rule(block: Block) -> str | None:
    if block.hints.caption:
        return f"markup-{block.hints.caption}"
    text = block.text
    if len(text) > _MAX_CAPTION_CHARS:
        return None
    if has_prefix(text):
        return "caption-prefix"
    if ("©" in text or "/" in text or ":" in text) and _TRAILING_CREDIT.search(text):
        return "trailing-credit"
    if text[:1] in "©(" and _BARE_CREDIT.match(text):
        return "credit-line"
    if text[-1:] == ")" and _BRACKETED_CREDIT.search(text):
        return "trailing-credit"
    if "(" in text and _POSITION.search(text) and len(text.split()) <= _MAX_POSITION_WORDS:
        return "photo-position"
    return None


def has_prefix(text: str) -> bool:
    """Whether a line opens with a caption prefix ("Photo:", "Images by").

    The prefix has a colon, or opens with a medium's name: most lines have neither and skip
    the case-blind pattern. A head that is not ASCII may hold a letter re.I folds unlike
    lower() ("vıdeo"), so it goes to the pattern."""
    head = text[:5]
    return (
        head[:1].lower() in _PREFIX_INITIALS
        and (":" in text or not head.isascii() or head.lower() in _MEDIA_HEADS)
        and _PREFIX.match(text) is not None
    )


def _name_line(block: Block) -> bool:
    text = block.text.strip()
    if not text or text.endswith(_CLOSING) or _BULLET.match(text):
        return False
    if block.side is not None or block.hints.list_item or block.hints.heading:
        return False
    return len(text.split()) <= _MAX_NAME_LINE_WORDS
