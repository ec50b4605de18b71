"""The one intermediate form between the front ends and the stages.

A ``Block`` is one line of visible text (a text line, or an HTML paragraph or one of its
``<br>`` lines) with its provenance and the hints the front end saw. Blocks that sat
together in one paragraph share ``para``. Stages never delete blocks; they set ``kind``
and ``rule`` (the short name of the rule that decided), so every block lands somewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .records import Bucket, Diagnostic, Span


@attrs.frozen(kw_only=True)
class Hints:
    """What the front end saw around a block; the text front end sets only ``indent``."""

    bold: bool = False
    italic: bool = False
    heading: int = 0
    in_figure: bool = False
    list_item: bool = False
    link_density: float = 0.0
    chrome: str | None = None
    caption: str | None = None
    label: str | None = None
    main: bool = True
    quote: bool = False
    qa: str | None = None  # "q" or "a" from the markup (class="question" / "answer")
    css: str | None = None  # the class attribute of the line's own element (HTML)
    term: bool = False  # a <dt> line: set apart by the markup as a definition list's term
    after_image: bool = False  # the first line after a picture (HTML)
    small: bool = False  # set in <small> (HTML)


@attrs.define(slots=True)
class Block:
    index: int
    text: str
    span: Span
    para: int
    hints: Hints = Hints()
    kind: Bucket | None = None
    rule: str = ""
    side: str | None = None  # "q" or "a" once a label or a turn rule says so
    label: str | None = None
    speaker: str | None = None
    body: str = ""
    time: str | None = None

    def mark(self, kind: Bucket, rule: str) -> None:
        self.kind = kind
        self.rule = rule


@attrs.define(slots=True)
class Meta:
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    author: str | None = None  # the byline the page's metadata gives (the article's writer)
    url: str | None = None  # the page's canonical address
    language: str | None = None
    interviewee_hint: str | None = None
    declares_faq: bool = False  # schema.org FAQPage or QAPage in the page's JSON-LD
    url_date: str | None = None  # the day a permalink carries ("/2023/05/17/slug/")
    full_names: dict[str, str] = attrs.Factory(dict)  # speaker key -> name as the page spells it
    convention: str = "none"


@attrs.define(slots=True)
class State:
    """Everything the stages share: the blocks, page metadata and diagnostics."""

    blocks: list[Block]
    format: str
    meta: Meta = attrs.Factory(Meta)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    # Filled by the turns stage: the open blocks of each turn, in order.
    turns: list[TurnDraft] = attrs.Factory(list)
    speakers: dict[str, str] = attrs.Factory(dict)  # speaker key -> side
    # Speaker as printed -> key, where the labels stage gave a label another's key ("Jane:"
    # after "Jane Doe:", "Amira:" before "AP:"); every other name's key is speaker_key's.
    speaker_keys: dict[str, str] = attrs.Factory(dict)
    moderators: set[str] = attrs.Factory(set)  # speaker keys that hand over, never ask
    min_interview_score: float = 0.5  # from ParseOptions, for the verdict stage
    detect_language: bool = False  # from ParseOptions, for the metadata stage
    interview_score: float = 0.0  # set by the verdict stage


@attrs.define(slots=True)
class TurnDraft:
    """A turn under construction: its side, speaker and blocks."""

    side: str
    blocks: list[Block]
    speaker: str | None = None
    label: str | None = None
    drafts: list[list[Block]] = attrs.Factory(list)

    def paragraphs(self) -> list[list[Block]]:
        out: list[list[Block]] = []
        last = None
        for b in self.blocks:
            if b.para != last:
                out.append([])
                last = b.para
            out[-1].append(b)
        return out


def pair_turns(turns: list[TurnDraft]) -> Iterator[tuple[TurnDraft, TurnDraft | None]]:
    """Question turns with the answer that follows them; a turn that is no such pair comes
    alone, with ``None``."""
    i = 0
    while i < len(turns):
        if turns[i].side == "q" and i + 1 < len(turns) and turns[i + 1].side == "a":
            yield turns[i], turns[i + 1]
            i += 2
        else:
            yield turns[i], None
            i += 1
