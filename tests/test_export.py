"""Export round trips and determinism, JSONL and Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_parser import (
    SCHEMA_VERSION,
    SchemaVersionError,
    Transcript,
    parse_file,
    read_jsonl,
    read_parquet,
    write_jsonl,
    write_parquet,
)
from interview_parser.parquet import file_metadata
from interview_parser.strategies import transcripts

from .helpers import fixture_dirs, input_of

# Very long texts: a drawn snippet repeated, so hypothesis need not draw megabytes.
LONG = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(10_000, 50_000))


@given(st.lists(transcripts(), max_size=4))
def test_jsonl_round_trip(tmp_path_factory: pytest.TempPathFactory, items: list[Transcript]) -> None:
    path = tmp_path_factory.mktemp("j") / "t.jsonl"
    write_jsonl(items, path)
    assert list(read_jsonl(path)) == items


@given(st.lists(transcripts(), max_size=4))
@settings(max_examples=max(5, settings.default.max_examples // 2))  # writes files: half the profile
def test_parquet_round_trip(tmp_path_factory: pytest.TempPathFactory, items: list[Transcript]) -> None:
    path = tmp_path_factory.mktemp("p") / "t.parquet"
    write_parquet(items, path, batch_size=2)
    assert list(read_parquet(path)) == items


@given(transcripts(max_exchanges=1, text=LONG))
@settings(max_examples=max(3, settings.default.max_examples // 12))  # megabyte texts
def test_very_long_texts_round_trip(tmp_path_factory: pytest.TempPathFactory, item: Transcript) -> None:
    folder = tmp_path_factory.mktemp("l")
    write_jsonl([item], folder / "t.jsonl")
    write_parquet([item], folder / "t.parquet")
    assert list(read_jsonl(folder / "t.jsonl")) == [item]
    assert list(read_parquet(folder / "t.parquet")) == [item]


def _fixtures() -> list[Transcript]:
    return [parse_file(input_of(p)) for p in fixture_dirs()]


def test_jsonl_keys_follow_the_schema_order(tmp_path: Path) -> None:
    write_jsonl(_fixtures()[:1], tmp_path / "t.jsonl")
    record = json.loads((tmp_path / "t.jsonl").read_text(encoding="utf-8"))
    assert list(record)[:4] == ["schema_version", "doc_id", "source", "title"]


def test_parquet_determinism_and_metadata(tmp_path: Path) -> None:
    items = _fixtures()
    write_parquet(items, tmp_path / "a.parquet")
    write_parquet(items, tmp_path / "b.parquet")
    assert pq.read_table(tmp_path / "a.parquet").equals(pq.read_table(tmp_path / "b.parquet"))
    meta = file_metadata(tmp_path / "a.parquet")
    assert meta["schema_version"] == SCHEMA_VERSION and meta["table"] == "transcripts"
    hf = json.loads(pq.read_schema(tmp_path / "a.parquet").metadata[b"huggingface"])
    assert "exchanges" in hf["info"]["features"]


def test_flat_exchanges_table(tmp_path: Path) -> None:
    items = _fixtures()
    write_parquet(items, tmp_path / "e.parquet", table="exchanges")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == sum(len(t.exchanges) for t in items)
    assert table.column("question_drafts").type.value_type == "string"
    with pytest.raises(SchemaVersionError, match="transcripts"):
        list(read_parquet(tmp_path / "e.parquet"))


def test_an_older_minor_record_without_optional_fields_loads(tmp_path: Path) -> None:
    """Minor versions only add optional fields; a record written before them still loads."""
    path = tmp_path / "t.jsonl"
    write_jsonl(_fixtures()[:1], path)
    record = json.loads(path.read_text(encoding="utf-8"))
    for exchange in record["exchanges"]:
        for turn in (exchange["question"], exchange["answer"]):
            del turn["labels"], turn["time"]
    del record["publisher"]
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (loaded,) = read_jsonl(path)
    assert loaded.exchanges[0].question.labels == () and loaded.publisher is None


def test_newer_major_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    write_jsonl(_fixtures()[:1], path)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["schema_version"] = "2.0.0"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(SchemaVersionError, match=r"expected schema version 1\.x.*'2\.0\.0'"):
        list(read_jsonl(path))


def test_readers_raise_our_errors_for_the_wrong_file(tmp_path: Path) -> None:
    from interview_parser import (
        InterviewParserError,
        ReadError,
        SchemaVersionError,
        parse,
        read_jsonl,
        read_parquet,
    )
    from interview_parser.cli import main

    page = tmp_path / "page.txt"
    page.write_text("Q: Why?\n\nA: Because the tide was late.\n", encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    assert main(["convert", str(page), "-o", str(rows), "--table", "exchanges"]) == 0
    with pytest.raises(SchemaVersionError, match="flat exchange row"):
        list(read_jsonl(rows))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"schema_version": "1.0.0", "doc_id": 3}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ReadError, match=r"broken\.jsonl:1"):
        list(read_jsonl(broken))
    with pytest.raises(ReadError, match="a folder"):
        list(read_parquet(tmp_path))
    with pytest.raises(ReadError, match="as Parquet"):
        list(read_parquet(rows))
    assert issubclass(ReadError, InterviewParserError) and parse("Q: a?\n\nA: b.\n").exchanges


def test_the_flat_table_resolves_speakers_roles_times_and_panel_paragraphs() -> None:
    from interview_parser import parse
    from interview_parser.export.parquet import exchange_rows

    page = (
        "Budget hearing, transcript\n\n"
        "Moderated by Tom Hale. With councillors Lena Alves and Piet Brandt.\n\n"
        "HALE: [00:01:05] Your views on the budget, both of you?\n\n"
        "ALVES: [00:01:20] We need more money for the schools this year, and I will vote for it.\n\n"
        "BRANDT: [00:02:44] I disagree. The harbour comes first, and the schools can wait a year.\n\n"
        "HALE: [00:03:10] And the roads?\n\n"
        "ALVES: [00:03:15] Later, once the harbour is paid for, which I accept is fair to ask.\n"
    )
    t = parse(page)
    rows = list(exchange_rows(t))
    assert [r["question_speaker"] for r in rows] == ["HALE", "HALE"]
    first = rows[0]
    assert first["question_time_s"] == 65.0 and first["answer_time_s"] == 80.0
    names = {p.name for p in t.participants}
    assert first["answer_speakers"] == [n for n in first["answer_speakers"] if n in names]
    assert len(first["answer_speakers"]) == 2 and first["answer_speakers"][0] != first["answer_speakers"][1]
    assert first["answer_speaker_name"] in names and first["answer_speaker_role"] == "interviewee"
    assert first["question_speaker_role"] in ("interviewer", "moderator")
    assert 0.0 <= first["is_interview"] <= 1.0
