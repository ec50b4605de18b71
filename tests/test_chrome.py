from __future__ import annotations

import pytest

from interview_parser.stages.chrome import line_rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Skip to main content", "skip-link"),
        ("Search our content:", "search"),
        ("Share on Facebook", "share"),
        ("Facebook   X   WhatsApp   Email", "share"),
        ("Find us on", "follow"),
        ("Most visited", "related"),
        ("Tags: drought, farming, soil", "tags"),
        ("Comments (12)", "comments"),
        ("© 2024 Northgate Courier Ltd. All rights reserved.", "copyright"),
        ("Home | Saving | Borrowing | Pensions", "menu"),
        (
            "NATO HQ  /  News  /  2022  /  Secretary General reaffirms commitment to the region",
            "breadcrumb",
        ),
        ("You are here: Home > Transcripts > 2023", "breadcrumb"),
        ("Home / Blog / 2024 / Spotlight on the Harbour Working Group", "breadcrumb"),
        (
            "[Home](https://www.site.example/) | [Blog](https://www.site.example/blog/) | [About](/about/)",
            "menu",
        ),
        ("Print this page", "print"),
        ("ADVERTISEMENT", "reading-aid"),
        ("Listen to this article", "reading-aid"),
        ("4 min read", "reading-aid"),
    ],
)
def test_chrome_lines(line: str, rule: str) -> None:
    assert line_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "We share a lot with our neighbours, and we always have.",
        "Most of it, if I'm honest.",
        "© AMSI/Photo Unit",  # a photo credit, not a copyright line
        "The rain, the wind / the cold: all of it, every day.",
        # Link addresses in Markdown prose are no menu or breadcrumb (found on real
        # spotlight interviews and podcast transcripts: their slashes split into items).
        "[charter](https://code.example/harbour/community/blob/main/wg-harbour/charter.md)",
        "and [Ben Okafor](https://code.example/bokafor), the group's two leads,",
        "[release dashboard](https://dash.example/harbour/releases/overview/) shows when",
        "slides are at <https://files.example/uploads/2021/03/briefing-slides.pdf>",
        "see [the notes](/docs/reference/harbour/notes/) for more",
    ],
)
def test_prose_is_not_chrome(line: str) -> None:
    assert line_rule(line) is None
