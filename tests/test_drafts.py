from __future__ import annotations

from interview_parser import parse
from interview_parser.stages.drafts import similarity

INTRO = "An intro about the archivist and the ledgers she has scanned this year.\n\n"


def test_revised_wording_is_a_draft() -> None:
    t = parse(
        INTRO + "Q. Piracy fell sharply in 2021 and 2022. Is the problem solved?\n\n"
        "Piracy incidents in the Gulf have fallen sharply over two years. Is the problem solved "
        "or has it moved?\n\nA. It is not solved, and it may return.\n"
    )
    (e,) = t.exchanges
    assert e.question.text.startswith("Piracy incidents in the Gulf")
    assert [d.text for d in e.question.drafts] == [
        "Piracy fell sharply in 2021 and 2022. Is the problem solved?"
    ]


def test_exact_repeat_is_a_draft() -> None:
    t = parse(INTRO + "Q: Why now?\n\nQ: Why now?\nA: Because we are ready.\n")
    (e,) = t.exchanges
    assert (e.question.text, [d.text for d in e.question.drafts]) == ("Why now?", ["Why now?"])


def test_two_part_question_is_not_a_draft() -> None:
    t = parse(
        INTRO + "Q. The project was meant to finish this year. What slowed it down?\n\n"
        "And will the rest be online before the election?\n\nA. Mould, mostly.\n"
    )
    (e,) = t.exchanges
    assert e.question.drafts == ()
    assert e.question.paragraphs == (
        "The project was meant to finish this year. What slowed it down?",
        "And will the rest be online before the election?",
    )


def test_similarity_bounds() -> None:
    assert similarity("Why now?", "Why now?") == 1.0
    assert similarity("How old is the boat?", "Who paid for the new school roof?") < 0.6
