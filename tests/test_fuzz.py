"""The fuzz suite: damaged fixtures and broken markup, drawn by hypothesis from seeds.

Every document either parses or raises an ``InterviewParserError``; what parses can be
written (JSONL, UTF-8); text inputs lose no line; generated HTML loses no visible text.
The default profile draws 60 seeds per property, the deep profile 1,200; the 50,000-
document run is ``python benchmarks/fuzz.py`` (its command and seed go in the notes).
Crashes found are pinned below with ``@example``.
"""

from __future__ import annotations

import random

from hypothesis import example, given
from hypothesis import strategies as st

from interview_parser import InterviewParserError, parse
from interview_parser.fuzz import hostile_page, mutate, unaccounted, unclaimed_lines
from interview_parser.jsonl import dumps

from .helpers import FIXTURES

DONORS = [p.read_bytes() for p in sorted(FIXTURES.glob("**/input.*"))]
TEXTS = [p.read_bytes() for p in sorted(FIXTURES.glob("**/input.txt"))]
SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


def _parse_or_typed(data: bytes | str) -> object:
    try:
        t = parse(data)
    except InterviewParserError as exc:
        assert str(exc)
        return None
    dumps(t).encode("utf-8")  # whatever parses can be written
    return t


@given(SEEDS, st.sampled_from(range(len(DONORS))))
@example(0, 0)
def test_damaged_fixtures_parse_or_fail_typed(seed: int, which: int) -> None:
    _parse_or_typed(mutate(DONORS[which], random.Random(seed), DONORS))


@given(SEEDS, st.sampled_from(range(len(TEXTS))))
def test_damaged_text_loses_no_line(seed: int, which: int) -> None:
    data = mutate(TEXTS[which], random.Random(seed), TEXTS)
    t = _parse_or_typed(data)
    if t is not None and t.source.format == "text":  # type: ignore[attr-defined]
        assert unclaimed_lines(data, t) == []  # type: ignore[arg-type]


@given(SEEDS)
@example(37)  # a bold run "Tom: words – Q. more:" lost its words into the label
@example(85)
@example(45638766)  # "zq26x JANE DOE: ..." in a heading read as a titled label
def test_broken_markup_loses_no_visible_text(seed: int) -> None:
    page = hostile_page(random.Random(seed))
    t = _parse_or_typed(page.markup)
    if t is not None:
        assert unaccounted(t, page.markers) == []  # type: ignore[arg-type]
