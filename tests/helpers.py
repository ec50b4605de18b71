"""Test helpers: the fixture folders and a compact, reviewable view of a transcript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interview_parser import Bucket, Transcript

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


NEGATIVES = FIXTURES / "negatives"


def fixture_dirs() -> list[Path]:
    """Interview fixtures (the pages that are not interviews live in ``negatives/``)."""
    return sorted(p for p in FIXTURES.iterdir() if p.is_dir() and p != NEGATIVES)


def negative_dirs() -> list[Path]:
    return sorted(p for p in NEGATIVES.iterdir() if p.is_dir())


def input_of(folder: Path) -> Path:
    return next(folder.glob("input.*"))


def compact(t: Transcript) -> dict[str, Any]:
    """What a golden pins: metadata, exchanges (with drafts), captions, participants."""
    return {
        "title": t.title,
        "published": t.published.isoformat() if t.published else None,
        "language": t.language,
        "participants": [
            {"name": p.name, "role": p.role.value, "aliases": list(p.aliases)} for p in t.participants
        ],
        "exchanges": [
            {
                "question": e.question.text,
                "question_speaker": e.question.speaker,
                "drafts": [d.text for d in e.question.drafts],
                "answer": e.answer.text,
                "answer_speaker": e.answer.speaker,
            }
            for e in t.exchanges
        ],
        "captions": [c.text for c in t.captions],
        "convention": t.quality.convention,
    }


def line_buckets(t: Transcript) -> dict[int, list[str]]:
    """Source line -> the buckets that claim it (text inputs: one block per line)."""
    claims: dict[int, list[str]] = {}

    def claim(start: int, end: int, bucket: str) -> None:
        for line in range(start, end + 1):
            claims.setdefault(line, []).append(bucket)

    for seg in (*t.intro, *t.removed):
        claim(seg.span.start_line, seg.span.end_line, seg.kind.value)
    for c in t.captions:
        claim(c.span.start_line, c.span.end_line, Bucket.CAPTION.value)
    for e in t.exchanges:
        for turn, bucket in ((e.question, Bucket.QUESTION), (e.answer, Bucket.ANSWER)):
            for s in turn.spans:
                claim(s.start_line, s.end_line, bucket.value)
        for d in e.question.drafts:
            for s in d.spans:
                claim(s.start_line, s.end_line, Bucket.DRAFT.value)
    return claims
