"""The reproducers of the reliability issue: each is a typed error or a correct result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_parser import InternalError, InterviewParserError, ParseOptions, parse, parse_file, to_dict
from interview_parser.jsonl import dumps
from interview_parser.read.decode import sniff_format

ANSWER = "Because the harbour finally has the money for it."
QA = f"<p>Q: Why now?</p><p>A: {ANSWER}</p>"


def _ld(payload: str) -> str:
    return f'<html><head><script type="application/ld+json">{payload}</script></head><body>{QA}</body></html>'


def test_front_matter_then_a_paste_without_blank_lines_parses() -> None:
    t = parse(b"---\n---\n#\n.\n?\nI\n<\n<")
    assert t.exchanges == ()


@pytest.mark.parametrize("graph", ["null", "5", '"x"', "[1, null]"])
def test_odd_json_ld_graphs_are_ignored(graph: str) -> None:
    t = parse(_ld('{"@graph": ' + graph + "}"))
    assert [e.question.text for e in t.exchanges] == ["Why now?"]


def test_json_ld_nested_past_the_stack_is_ignored() -> None:
    t = parse(_ld("[" * 100_000))
    assert len(t.exchanges) == 1


@pytest.mark.parametrize(
    "data",
    [
        _ld('{"@type": "Article", "headline": "Tide \\ud83d"}'),
        '---\ntitle: "Tide \\uD800"\n---\nQ: Why now?\n\nA: Because the money is there.\n',
        "Q: Why now \ud800?\n\nA: Because the money is there.\n",
    ],
    ids=["json-ld", "yaml", "str"],
)
def test_lone_surrogates_are_repaired_and_written(data: str) -> None:
    t = parse(data)
    line = dumps(t)
    line.encode("utf-8")  # the writer's encoding must not fail
    assert "\ufffd" in line
    assert "repaired-text" in {d.code for d in t.diagnostics}


def test_an_internal_error_is_typed_and_keeps_the_original(monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_parser import pipeline

    def broken(state: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "STAGES", (("labels", broken),))
    with pytest.raises(InternalError) as info:
        parse("Q: Why?\n\nA: Because.\n")
    assert isinstance(info.value, InterviewParserError)
    assert info.value.original_type == "KeyError"
    assert "boom" in str(info.value)


@pytest.mark.parametrize(
    "page",
    [
        # an HTML5 page without <body>: libxml2 keeps the article inside <head>
        '<!DOCTYPE html><meta charset="utf-8"><title>T</title><article>' + QA + "</article>",
        # a void <embed> without an end tag
        '<html><body><article><p>Intro.</p><embed src="x.swf">' + QA + "</article></body></html>",
        # content after </html>
        "<html><body><p>Q: Why now?</p></body></html><p>A: " + ANSWER + "</p>",
        # content after </body>
        "<html><body><p>Q: Why now?</p></body><p>A: " + ANSWER + "</p></html>",
    ],
    ids=["no-body", "void-embed", "after-html", "after-body"],
)
def test_html_content_libxml2_misplaces_is_read(page: str) -> None:
    t = parse(page)
    assert [(e.question.text, e.answer.text) for e in t.exchanges] == [
        ("Why now?", "Because the harbour finally has the money for it.")
    ]


def test_a_line_of_one_backslash_is_in_a_bucket() -> None:
    t = parse("Q: Why now?\n\\\nA: Because the money is there.\n")
    lines = {s.span.start_line for s in (*t.intro, *t.removed)}
    lines |= {s.start_line for e in t.exchanges for turn in (e.question, e.answer) for s in turn.spans}
    assert lines == {1, 2, 3}


@pytest.mark.parametrize(
    "opening",
    [
        "<script>var a = 1;</script>",
        "<style>p { margin: 0 }</style>",
        '<link rel="stylesheet" href="a.css">',
        '<base href="/">',
        "<noscript>Turn on JavaScript</noscript>",
        '<a href="/">Home</a>',
        '<?xml-stylesheet href="a.xsl"?>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">',
        "\ufeff<html>",
        " " * 5000 + "<html>",
        "<!---->" * 40 + "<html>",
    ],
)
def test_pages_opening_with_any_head_element_are_html(opening: str) -> None:
    assert sniff_format(opening + "<p>Q: Why?</p>") == "html"


@pytest.mark.parametrize("text", ["Q: Why <now>?", "<Jane> hi there", "plain words", "<!-- x --> words"])
def test_text_that_merely_has_angle_brackets_is_text(text: str) -> None:
    assert sniff_format(text) == "text"


def test_parse_file_takes_the_format_from_the_suffix(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("Q: Why now?<br>A: Because the money is there.", encoding="utf-8")
    assert parse_file(page).source.format == "html"
    same = tmp_path / "page.txt"
    same.write_text("<p>Q: Why now?</p>", encoding="utf-8")
    assert parse_file(same).source.format == "text"


def test_str_input_is_limited_in_bytes() -> None:
    from interview_parser import InputTooLargeError, ParseOptions

    with pytest.raises(InputTooLargeError, match="bytes"):
        parse("é" * 600, options=ParseOptions(max_bytes=1000))  # 600 characters, 1,200 bytes


def test_records_with_repairs_round_trip_through_json() -> None:
    t = parse(_ld('{"@type": "Article", "headline": "\\udc00"}'))
    assert json.loads(json.dumps(to_dict(t)))["title"] == "\ufffd"


def test_a_text_node_over_ten_megabytes_says_so() -> None:
    from interview_parser import MarkupError

    with pytest.raises(MarkupError, match="text runs of at most 10 MB"):
        parse("<html><body><p>" + "word " * 2_200_000 + "</p></body></html>")


def test_html_spans_are_right_past_line_65535() -> None:
    filler = "<p>filler line</p>\n" * 70_000
    page = (
        f"<html><body><article>{filler}<p><b>Q:</b> Why now?</p>\n<p><b>A:</b> Because the tide turned.</p>\n"
        "</article></body></html>"
    )
    t = parse(page, options=ParseOptions(min_interview_score=0))
    (e,) = t.exchanges
    assert (e.question.span.start_line, e.answer.span.start_line) == (70_001, 70_002)


def test_a_page_hidden_until_a_script_shows_it_is_read() -> None:
    page = (
        f'<html><body style="display:none"><div class="app" aria-hidden="true"><article>{QA}'
        "</article></div></body></html>"
    )
    t = parse(page)
    assert [e.question.text for e in t.exchanges] == ["Why now?"]
    assert "hidden-content" in {d.code for d in t.diagnostics}


def test_drafts_of_a_sign_off_stay_in_the_ledger() -> None:
    """Found by benchmarks/fuzz.py (seed 13, #22572): a sign-off question printed twice
    lost its draft when the sign-off was set aside."""
    from interview_parser.fuzz import unclaimed_lines

    text = (
        b"An intro about the sleep clinic and its doctor, written by the health editor.\n\n"
        b"Interviewer: Why do children sleep badly in winter?\n\n"
        b"Dr Hassan: Dark mornings. The body clock drifts later without light.\n\n"
        b"Interviewer: What helps?\n\n"
        b"Dr Hassan: Open the curtains and eat breakfast by a window.\n\n"
        b"Interviewer: Dr Hassan, thank you.\n\n"
        b"Interviewer: Dr Hassan, thank you.\n\n"
        b"Dr Hassan: Thank you for having me.\n"
    )
    t = parse(text)
    assert len(t.exchanges) == 2
    assert unclaimed_lines(text, t) == []
