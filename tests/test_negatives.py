"""Pages that are not interviews (fixtures/negatives): FAQs, guides, shops, news, forums...

Each was written with its expectation (no exchanges) before the parser ran on it. The
candidate questions a page offers must stay in the ledger, not vanish.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_parser import ParseOptions, parse_file

from .helpers import input_of, negative_dirs

CASES = negative_dirs()


def test_there_are_enough_negatives() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_not_an_interview(folder: Path) -> None:
    hand = json.loads((folder / "hand.json").read_text(encoding="utf-8"))
    t = parse_file(input_of(folder))
    assert [e.question.text for e in t.exchanges] == [e["question"] for e in hand["exchanges"]]
    assert t.quality.is_interview < ParseOptions().min_interview_score
    assert {d.code for d in t.diagnostics} & {"no-exchanges", "not-an-interview"}
    # No interview, no interviewee: a name guessed from the prose would be noise.
    assert t.participants == () and t.interviewee is None
    if "title" in hand:  # the later negatives say their headline and date too
        assert t.title == hand["title"]
        assert (t.published.isoformat() if t.published else None) == hand["published"]


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_candidates_stay_in_the_ledger(folder: Path) -> None:
    """What the verdict refused is still there, under its rule, when no threshold applies."""
    t = parse_file(input_of(folder))
    kept = parse_file(input_of(folder), options=ParseOptions(min_interview_score=0.0))
    if not kept.exchanges:
        pytest.skip("no candidate exchanges on this page")
    refused = [s.text for s in t.removed if s.reason == "not-an-interview"]
    for e in kept.exchanges:
        for paragraph in e.question.paragraphs:
            assert any(paragraph in text for text in refused), paragraph
