"""The Arrow batch API: the same rows as ``convert --table exchanges``, error rows for bad pages."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

from interview_parser import ColumnError, InterviewParserError, ParseOptions
from interview_parser.arrow import RESULTS, parse_batches, parse_record_batch
from interview_parser.batch import record_uri
from interview_parser.cli import main

from .helpers import FIXTURES

INPUTS = sorted(FIXTURES.glob("*/input.*"))


def _batch(paths: list[Path], extra: dict[str, bytes] | None = None) -> pa.RecordBatch:
    uris = [record_uri(str(p), None) for p in paths] + list(extra or {})  # named as the CLI does
    contents = [p.read_bytes() for p in paths] + list((extra or {}).values())
    return pa.RecordBatch.from_pydict({"uri": uris, "content": contents})


def test_rows_equal_convert_table_exchanges(tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert main(["convert", *map(str, INPUTS), "-o", str(out), "--table", "exchanges"]) == 0
    expected = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    rows = pa.Table.from_batches(list(parse_batches([_batch(INPUTS[:10]), _batch(INPUTS[10:])]))).to_pylist()
    assert {r["status"] for r in rows} == {"ok"}
    for r in rows:
        del r["status"], r["error"]
        r["published"] = r["published"].isoformat() if r["published"] else None
    assert rows == expected


def test_a_corrupt_page_is_an_error_row() -> None:
    batch = _batch(INPUTS[:1], {"broken.html": b"\x00\x01\x02 not a page"})
    table = parse_record_batch(batch)
    assert table.schema.equals(RESULTS)
    errors = [r for r in table.to_pylist() if r["status"] == "error"]
    assert [(r["uri"], r["error"].split(":")[0]) for r in errors] == [("broken.html", "BinaryInputError")]
    assert errors[0]["question"] is None and errors[0]["doc_id"]


def test_size_budget_turns_big_pages_into_error_rows() -> None:
    batch = _batch(INPUTS[:2])
    table = parse_record_batch(batch, options=ParseOptions(max_bytes=200))
    assert {r["error"].split(":")[0] for r in table.to_pylist()} == {"InputTooLargeError"}


def test_string_content_and_format_column() -> None:
    text = INPUTS[0].read_text(encoding="utf-8", errors="replace")
    batch = pa.RecordBatch.from_pydict({"uri": ["a"], "content": [text], "format": ["text"]})
    assert parse_record_batch(batch).num_rows > 0


def test_missing_column_is_named() -> None:
    batch = pa.RecordBatch.from_pydict({"url": ["a"], "content": ["x"]})
    with pytest.raises(KeyError, match="'uri'"):
        parse_record_batch(batch)


def test_missing_column_is_one_of_our_errors() -> None:
    """A bare KeyError escaped: callers catching InterviewParserError missed it."""
    batch = pa.RecordBatch.from_pydict({"uri": ["a"], "text": ["x"]})
    with pytest.raises(ColumnError, match="'content' column") as caught:
        parse_record_batch(batch)
    assert isinstance(caught.value, InterviewParserError)
    assert str(caught.value).startswith("expected a 'content' column")
