"""The public data model: frozen attrs records, tuples not lists, real types.

Records never hold lxml elements or other parser state, so they pickle, compare and
serialise cheaply. Change them with ``attrs.evolve``.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

SCHEMA_VERSION = "1.2.0"


class Role(enum.Enum):
    """What a participant does in the conversation."""

    INTERVIEWER = "interviewer"
    INTERVIEWEE = "interviewee"
    MODERATOR = "moderator"
    AUDIENCE = "audience"
    UNKNOWN = "unknown"


class Bucket(enum.Enum):
    """Where a piece of input ended up; every non-blank line lands in exactly one."""

    INTRO = "intro"
    QUESTION = "question"
    DRAFT = "draft"
    ANSWER = "answer"
    CAPTION = "caption"
    CHROME = "chrome"
    UNCLASSIFIED = "unclassified"


@attrs.frozen(kw_only=True)
class Span:
    """Where a piece came from: 1-based inclusive source lines, and an element path for HTML."""

    start_line: int
    end_line: int
    path: str | None = None


@attrs.frozen(kw_only=True)
class Source:
    """What was parsed: where it came from (``uri``: the path as given, ``-`` for standard
    input, None for bytes), the format read (``text`` or ``html``), the SHA-256 of the input
    bytes as given and the encoding they were decoded from; ``url`` is the page's own
    canonical address when it states one (``<link rel="canonical">``, ``og:url``; new in 1.1)."""

    uri: str | None
    format: str
    sha256: str
    encoding: str
    url: str | None = None


@attrs.frozen(kw_only=True)
class Participant:
    """A person in the conversation; ``aliases`` are the other spellings seen in labels."""

    name: str
    role: Role
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    confidence: float = 1.0


@attrs.frozen(kw_only=True)
class Draft:
    """An earlier version of a question, superseded by the canonical one after it."""

    text: str
    label: str | None = None
    span: Span
    spans: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Turn:
    """One side's contribution to an exchange; ``text`` joins ``paragraphs`` by a blank line.

    ``span`` covers the whole turn; ``spans`` has one entry per source line or element the
    turn took, so a caption standing inside an answer is not claimed by it. ``label`` is the
    opening label; ``labels`` every label the turn absorbed (a panel's answers, in order);
    ``paragraph_speakers`` the label each paragraph was said under (one per paragraph, None
    where no label names a speaker; empty in records written before schema 1.1).
    ``time`` is the time printed at the turn's opening; ``paragraph_times`` the time printed
    at each paragraph (a transcription service stamps every paragraph of a long answer; one
    per paragraph, None where none; empty in records written before schema 1.2).
    """

    text: str
    paragraphs: tuple[str, ...]
    speaker: str | None = None
    label: str | None = None
    labels: tuple[str, ...] = ()
    paragraph_speakers: tuple[str | None, ...] = ()
    time: str | None = None
    paragraph_times: tuple[str | None, ...] = ()
    span: Span
    spans: tuple[Span, ...] = ()
    drafts: tuple[Draft, ...] = ()


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


@attrs.frozen(kw_only=True, repr=False)
class Exchange:
    """One interviewer turn and the reply to it; ``index`` counts from 0 in page order."""

    index: int
    question: Turn
    answer: Turn

    def __repr__(self) -> str:
        question, answer = _short(self.question.text), _short(self.answer.text)
        return f"Exchange(index={self.index}, question={question!r}, answer={answer!r})"


@attrs.frozen(kw_only=True)
class Caption:
    """A line that labels a picture or video (a figcaption, "Photo: ...", a credit, a name
    under a photo); ``rule`` names what made it one. Captions belong to no answer."""

    text: str
    rule: str
    span: Span


@attrs.frozen(kw_only=True)
class Segment:
    """A piece outside the exchanges (intro, chrome, unclassified) and the rule that placed it."""

    kind: Bucket
    reason: str
    text: str
    span: Span
    speaker: str | None = None


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A recoverable oddity: the parse went on, but a user filtering a crawl should know."""

    code: str
    message: str
    where: str | None = None


@attrs.frozen(kw_only=True)
class Quality:
    """Signals for filtering a crawl: how interview-like the document is."""

    exchange_share: float
    unclassified_blocks: int
    convention: str
    is_interview: float


@attrs.frozen(kw_only=True, repr=False)
class Transcript:
    """One parsed page: its metadata, the exchanges, and every other piece of it.

    Every non-blank input line is in exactly one place: an exchange (question, answer or a
    question's drafts), ``intro``, ``captions`` or ``removed`` (chrome and unclassified
    pieces, each with the rule that placed it). ``quality`` and ``diagnostics`` say how far
    to trust it; ``doc_id`` is stable for the same input bytes."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: Source
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    participants: tuple[Participant, ...] = ()
    intro: tuple[Segment, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    captions: tuple[Caption, ...] = ()
    removed: tuple[Segment, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    quality: Quality

    def __repr__(self) -> str:
        # Compact: a record of a long page would print the page several times over.
        return (
            f"Transcript(doc_id={self.doc_id!r}, title={self.title and _short(self.title)!r}, "
            f"published={self.published and self.published.isoformat()!r}, "
            f"exchanges={len(self.exchanges)}, participants={len(self.participants)}, "
            f"is_interview={self.quality.is_interview}, source={self.source.uri!r})"
        )

    @property
    def interviewee(self) -> Participant | None:
        """The first participant whose role is interviewee, if any."""
        return next((p for p in self.participants if p.role is Role.INTERVIEWEE), None)
