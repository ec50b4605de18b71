"""Golden fixtures: each folder in fixtures/ is one parametrized case."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from interview_parser import parse_file
from interview_parser.read.text import clean_line

from .helpers import compact, fixture_dirs, input_of, line_buckets

CASES = fixture_dirs()


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_golden(folder: Path, update_goldens: bool) -> None:
    got = compact(parse_file(input_of(folder)))
    golden = folder / "expected.json"
    if update_goldens:
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got == expected


TEXT_CASES = [p for p in CASES if input_of(p).suffix == ".txt"]


@pytest.mark.parametrize("folder", TEXT_CASES, ids=[p.name for p in TEXT_CASES])
def test_nothing_is_lost_text(folder: Path) -> None:
    """Every non-blank input line lands in exactly one bucket."""
    path = input_of(folder)
    transcript = parse_file(path)
    raw = path.read_bytes()
    text = raw.decode(transcript.source.encoding)
    lines = re.split(r"\r\n|\r|\n", text)
    non_blank = {n for n, line in enumerate(lines, start=1) if clean_line(line.replace("\u00a0", " "))}
    claims = line_buckets(transcript)
    assert set(claims) == non_blank
    assert {n: b for n, b in claims.items() if len(b) != 1} == {}


def test_there_are_enough_fixtures() -> None:
    assert len(TEXT_CASES) >= 12


HAND_CASES = [p for p in CASES if (p / "hand.json").exists()]


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.mark.parametrize("folder", HAND_CASES, ids=[p.name for p in HAND_CASES])
def test_hand_written_expectations(folder: Path) -> None:
    """Expectations written by hand before the parser ever ran on these inputs."""
    hand = json.loads((folder / "hand.json").read_text(encoding="utf-8"))
    t = parse_file(input_of(folder))
    assert t.title == hand["title"]
    assert (t.published.isoformat() if t.published else None) == hand["published"]
    assert (t.interviewee.name if t.interviewee else None) == hand["interviewee"]
    got = [
        {
            "question": _fold(e.question.text),
            "drafts": [_fold(d.text) for d in e.question.drafts],
            "answer": _fold(e.answer.text),
        }
        for e in t.exchanges
    ]
    expected = [
        {
            "question": _fold(e["question"]),
            "drafts": [_fold(d) for d in e["drafts"]],
            "answer": _fold(e["answer"]),
        }
        for e in hand["exchanges"]
    ]
    assert got == expected
    assert [c.text for c in t.captions] == hand["captions"]
