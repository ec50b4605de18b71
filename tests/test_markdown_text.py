"""Markdown markup around turns: emphasis that wraps a whole question, and its "?"."""

from __future__ import annotations

import pytest

from interview_parser import parse
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


def test_html_comments_are_chrome_and_end_a_paragraph() -> None:
    """A translated spotlight keeps the English original in "<!-- -->" above each
    paragraph: both versions were read as turns."""
    from interview_parser.blocks import Meta
    from interview_parser.read.text import text_blocks

    blocks = text_blocks("<!--\n**Ana**: Hello.\n-->\n**Ana**：你好。\n<!-- one line -->\nafter\n", Meta())
    assert [(b.text, b.rule, b.para) for b in blocks] == [
        ("<!--", "markup-comment", 1),
        ("**Ana**: Hello.", "markup-comment", 1),
        ("-->", "markup-comment", 1),
        ("**Ana**：你好。", "", 2),
        ("<!-- one line -->", "markup-comment", 3),
        ("after", "", 4),
    ]
    # An opener never closed hides only its own line.
    unclosed = text_blocks("<!-- a note\ntext\n", Meta())
    assert [(b.text, b.rule) for b in unclosed] == [("<!-- a note", "markup-comment"), ("text", "")]


def test_a_full_width_colon_after_a_latin_name_is_a_label() -> None:
    from interview_parser import parse

    t = parse(
        "**Lena (LV)：你好，你能做个自我介绍吗？**\n\n"
        "**Ana**：我在 2019 年开始参与构建工具的工作，之后一直没有离开。\n\n"
        "**LV：一次发布中最难的部分是什么？**\n\n**Ana**：最后一周，每个团队都想再加一个变更，大家都很忙。\n"
    )
    assert [e.question.text for e in t.exchanges] == [
        "你好，你能做个自我介绍吗？",
        "一次发布中最难的部分是什么？",
    ]


def test_wrapping_reads_the_width_of_lines_with_addresses_or_cjk() -> None:
    from interview_parser.stages.turns import is_wrapped

    assert is_wrapped(
        [
            "我们最近与 Harbor 发布团队的负责人",
            "[Ana Sorensen](https://code.example/asorensen)（Tidewater Labs）进行了访谈，",
            "了解一次发布是如何完成的。",
        ]
    )
    assert is_wrapped(
        ["and [Ben Okafor](https://code.example/bokafor), the lead of the team,", "said so in the interview."]
    )
    assert not is_wrapped(["[Home](https://site.example/)", "[About](https://site.example/about)"])


def test_blockquoted_questions_lose_their_markers() -> None:
    t = parse(
        "# Five questions for the lighthouse keeper\n\n"
        "We asked lighthouse keeper Ruth Ames about her nights on the rock.\n\n"
        "> **How long have you kept the light?**\n>\n"
        "Twenty years this spring. I came for one summer and never left.\n\n"
        "> **What do you do at night?**\n\n"
        "I check the lamp and write down the weather. On foggy nights I do not sleep at all.\n"
    )
    assert [(e.question.paragraphs, e.answer.text) for e in t.exchanges] == [
        (
            ("How long have you kept the light?",),
            "Twenty years this spring. I came for one summer and never left.",
        ),
        (
            ("What do you do at night?",),
            "I check the lamp and write down the weather. On foggy nights I do not sleep at all.",
        ),
    ]
    assert [s.reason for s in t.removed] == ["markup-quote"]


def test_labels_inside_a_markdown_list() -> None:
    t = parse(
        "# Ask me anything: the lighthouse keeper\n\n"
        "Lighthouse keeper Ruth Ames answered our questions this week.\n\n"
        "- **Q:** How long have you kept the light?\n"
        "- **A:** Twenty years this spring. I came for one summer and never left.\n"
        "- **Q:** What do you do at night?\n"
        "- **A:** I check the lamp and write down the weather, and on foggy nights I stay up.\n"
    )
    assert [(e.question.text, e.answer.text) for e in t.exchanges] == [
        (
            "How long have you kept the light?",
            "Twenty years this spring. I came for one summer and never left.",
        ),
        (
            "What do you do at night?",
            "I check the lamp and write down the weather, and on foggy nights I stay up.",
        ),
    ]


def test_a_list_item_wholly_in_bold_asks_like_a_bold_paragraph() -> None:
    t = parse(
        "# The lighthouse keeper\n\nLighthouse keeper Ruth Ames answered our questions this week.\n\n"
        "* **How long have you kept the light?**\n  Twenty years. I came for one summer and stayed.\n"
        "* **What do you do at night?**\n  I check the lamp and write down the weather, and wait.\n"
        "* **What do you like best about the job?**\n  The quiet. At night I hear nothing but the sea.\n"
    )
    assert [e.question.text for e in t.exchanges] == [
        "How long have you kept the light?",
        "What do you do at night?",
        "What do you like best about the job?",
    ]
