"""Markdown markup around turns: emphasis that wraps a whole question, and its "?"."""

from __future__ import annotations

import pytest

from interview_parser.assemble import unwrapped
from interview_parser.lexicon import ends_asking


@pytest.mark.parametrize("text", ["**Why now?**", "Why now?**", "__Why now?__", "Why now?*"])
def test_a_question_in_emphasis_asks(text: str) -> None:
    """ "**Hello ... tell us how you got involved?**" read as no question: the greeting rule
    took a real spotlight's first question and answer as the show's intro."""
    assert ends_asking(text)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("**Why now?**", "**Why now?**", "Why now?"),
        ("**Why\nnow?**", "**Jo:** **Why", "Why\nnow?"),
        ("Why now?**", "**AP: Why now?", "Why now?"),  # the label inside the bold
        ("Why **now**?", "Why **now**?", "Why **now**?"),
        ("**Now** or **never**", "**Now** or", "**Now** or **never**"),
        ("Because it is late.**", "Because it is late.**", "Because it is late.**"),
        ("****", "****", "****"),
    ],
)
def test_bold_wrapping_a_paragraph_is_markup(text: str, line: str, expected: str) -> None:
    assert unwrapped(text, line) == expected


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("**Why now?**<br>", "**Why now?**"),
        ("Because.<BR/>  ", "Because."),
        ("a <br />", "a"),
        ("<br>", "<br>"),  # a line of only a break is text, as a lone "\" is
        ("x<brief>", "x<brief>"),
    ],
)
def test_an_html_break_ending_a_line_is_markup(line: str, clean: str) -> None:
    """ "**Question?**<br>" then the answer on the next line (a real release interview in
    Markdown): the break kept the bold line from reading as wholly bold."""
    from interview_parser.read.text import clean_line

    assert clean_line(line) == clean


def test_a_numbered_question_in_bold_loses_its_number_and_markers() -> None:
    """ "1. **What is the typical release process ...?**" then an indented answer (a real
    spotlight in Markdown): the number and the markers were part of the question text."""
    assert unwrapped("1. **What now?**", "1. **What now?**") == "What now?"
    assert unwrapped("12) **Why\nthen?**", "12) **Why") == "Why\nthen?"
    assert unwrapped("1. **Now** and **then**", "1. **Now**") == "1. **Now** and **then**"
