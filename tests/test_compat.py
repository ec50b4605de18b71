"""Files written by schema 1.0.0 (the previous release, kept in tests/data) stay readable,
valid, and migrate to the current layout by publishing what ``read_dataset`` gives."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from interview_parser import SCHEMA_VERSION, publish, read_dataset, read_jsonl, read_parquet, validate

OLD = Path(__file__).resolve().parent / "data" / "schema-1.0.0"


def test_files_of_the_previous_minor_validate() -> None:
    for path in (OLD / "transcripts.jsonl", OLD / "transcripts.parquet", OLD / "dataset"):
        assert validate(path) == [], path


def test_files_of_the_previous_minor_read_back() -> None:
    from_jsonl = list(read_jsonl(OLD / "transcripts.jsonl"))
    from_parquet = list(read_parquet(OLD / "transcripts.parquet"))
    assert [t.doc_id for t in from_jsonl] == [t.doc_id for t in from_parquet] and len(from_jsonl) == 2
    assert all(t.schema_version == "1.0.0" for t in from_jsonl)
    # A field added in 1.1 reads as its default.
    assert all(e.answer.paragraph_speakers == () for t in from_jsonl for e in t.exchanges)
    # ... and one added in 1.2.
    assert all(e.answer.paragraph_times == () for t in from_jsonl for e in t.exchanges)
    assert list(read_dataset(OLD / "dataset")) == from_parquet


def test_an_old_dataset_migrates_to_table_folders(tmp_path: Path) -> None:
    counts = publish(read_dataset(OLD / "dataset"), tmp_path / "new")
    assert validate(tmp_path / "new") == []
    assert counts["documents"] == 2
    exchanges = pq.read_table(tmp_path / "new" / "data" / "exchanges")
    assert exchanges.num_rows == counts["exchanges"] > 0
    rows = exchanges.to_pylist()
    # Old records have no per-paragraph speakers: each paragraph falls to the turn's speaker.
    assert all(len(r["answer_speakers"]) == len(r["answer"].split("\n\n")) for r in rows)
    assert {r["answer_speaker_role"] for r in rows} <= {"interviewee", "unknown", "moderator", "interviewer"}
    meta = pq.read_schema(next((tmp_path / "new" / "data" / "transcripts").glob("*.parquet"))).metadata
    assert f'"schema_version": "{SCHEMA_VERSION}"'.encode() in meta[b"interview_parser"]
