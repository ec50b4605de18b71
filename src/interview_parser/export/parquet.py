"""Parquet: a nested ``transcripts`` table (lossless) and a flat ``exchanges`` table.

Rows are streamed through ``pyarrow.parquet.ParquetWriter`` in row groups, so memory stays
flat however many documents go through; the file appears under its name only once complete.
Key-value metadata: ``interview_parser`` (schema and parser version, options, table) and
``huggingface`` (the features, so ``datasets`` needs no code of ours).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ReadError, SchemaVersionError
from ..records import SCHEMA_VERSION, Role, Transcript
from .atomic import atomic_output
from .schema import EXCHANGES, TRANSCRIPTS, check_version
from .serialize import from_dict, to_dict

Table = Literal["transcripts", "exchanges"]
META_KEY = b"interview_parser"
DEFAULT_BATCH = 256


def transcript_row(t: Transcript) -> dict[str, Any]:
    row = to_dict(t)
    row["published"] = t.published
    return row


def exchange_rows(t: Transcript) -> Iterator[dict[str, Any]]:
    interviewee = next((p.name for p in t.participants if p.role is Role.INTERVIEWEE), None)
    for e in t.exchanges:
        yield {
            "schema_version": t.schema_version,
            "doc_id": t.doc_id,
            "uri": t.source.uri,
            "format": t.source.format,
            "title": t.title,
            "published": t.published,
            "publisher": t.publisher,
            "language": t.language,
            "interviewee": interviewee,
            "exchange_index": e.index,
            "question": e.question.text,
            "question_speaker": e.question.speaker,
            "question_drafts": [d.text for d in e.question.drafts],
            "answer": e.answer.text,
            "answer_speaker": e.answer.speaker,
        }


def schema_for(table: Table, *, options: dict[str, Any] | None = None) -> pa.Schema:
    """The declared schema of ``table`` with this library's key-value metadata attached."""
    from .. import __version__

    base = TRANSCRIPTS if table == "transcripts" else EXCHANGES
    meta = {
        "schema_version": SCHEMA_VERSION,
        "parser_version": __version__,
        "table": table,
        "options": options or {},
    }
    return base.with_metadata(
        {
            META_KEY: json.dumps(meta, sort_keys=True).encode(),
            b"huggingface": json.dumps({"info": {"features": hf_features(base)}}).encode(),
        }
    )


def to_arrow(transcripts: Iterable[Transcript], *, table: Table = "transcripts") -> pa.Table:
    """The transcripts as one in-memory Arrow table under the declared schema (the nested
    ``transcripts`` table, or the flat ``exchanges`` one); ``.to_pandas()`` or
    ``polars.from_arrow`` take it from there. For more than fits in memory, write Parquet."""
    schema = schema_for(table)
    if table == "exchanges":
        rows = [row for t in transcripts for row in exchange_rows(t)]
    else:
        rows = [transcript_row(t) for t in transcripts]
    return pa.Table.from_pylist(rows, schema=schema)


def write_parquet(
    transcripts: Iterable[Transcript],
    path: str | Path,
    *,
    table: Table = "transcripts",
    batch_size: int = DEFAULT_BATCH,
    options: dict[str, Any] | None = None,
) -> int:
    """Stream transcripts into one Parquet file (zstd); returns the number of transcripts."""
    schema = schema_for(table, options=options)
    count = 0
    with (
        atomic_output(Path(path), "wb") as fh,
        pq.ParquetWriter(fh, schema, compression="zstd", write_statistics=True) as writer,
    ):
        if table == "exchanges":
            return _write_exchanges(transcripts, writer, schema, batch_size * 32)
        rows: list[dict[str, Any]] = []
        for t in transcripts:
            count += 1
            rows.append(transcript_row(t))
            if len(rows) >= batch_size:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return count


def _write_exchanges(transcripts: Iterable[Transcript], writer: Any, schema: pa.Schema, rows: int) -> int:
    """The flat table, built column by column (no dict per row): the analysts' hot path."""
    names = schema.names
    columns: dict[str, list[Any]] = {n: [] for n in names}
    count = 0
    for t in transcripts:
        count += 1
        interviewee = next((p.name for p in t.participants if p.role is Role.INTERVIEWEE), None)
        doc = (
            t.schema_version,
            t.doc_id,
            t.source.uri,
            t.source.format,
            t.title,
            t.published,
            t.publisher,
            t.language,
            interviewee,
        )
        for e in t.exchanges:
            for name, value in zip(names[:9], doc, strict=True):
                columns[name].append(value)
            columns["exchange_index"].append(e.index)
            columns["question"].append(e.question.text)
            columns["question_speaker"].append(e.question.speaker)
            columns["question_drafts"].append([d.text for d in e.question.drafts])
            columns["answer"].append(e.answer.text)
            columns["answer_speaker"].append(e.answer.speaker)
        if len(columns["doc_id"]) >= rows:
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            columns = {n: [] for n in names}
    if columns["doc_id"] or count == 0:
        writer.write_table(pa.Table.from_pydict(columns, schema=schema))
    return count


def file_metadata(path: str | Path) -> dict[str, Any]:
    """The ``interview_parser`` key-value metadata of a Parquet file."""
    if Path(path).is_dir():
        raise ReadError(
            f"cannot read {path}: a folder (read a published dataset's files, e.g. "
            "data/transcripts-*.parquet, one by one, or with pyarrow.dataset)"
        )
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException) as exc:
        raise ReadError(f"cannot read {path} as Parquet: {exc}") from exc
    raw = meta.get(META_KEY)
    if raw is None:
        raise SchemaVersionError(f"{path}: expected '{META_KEY.decode()}' metadata, found none")
    found: dict[str, Any] = json.loads(raw)
    return found


def read_parquet(path: str | Path) -> Iterator[Transcript]:
    """Read transcripts back from a ``transcripts`` table, batch by batch."""
    meta = file_metadata(path)
    check_version(str(meta.get("schema_version", "")), where=str(path))
    if meta.get("table") != "transcripts":
        raise SchemaVersionError(
            f"{path}: expected a 'transcripts' table, found {meta.get('table')!r} "
            "(flat exchange tables are for analysis; read them with pyarrow or pandas)"
        )
    for batch in pq.ParquetFile(path).iter_batches():
        for row in batch.to_pylist():
            if isinstance(row.get("published"), dt.date):
                row["published"] = row["published"].isoformat()
            yield from_dict(row)


def hf_features(schema: pa.Schema) -> dict[str, Any]:
    """Hugging Face ``datasets`` features for a schema (Value / Sequence / nested dicts)."""
    return {f.name: _hf(f.type) for f in schema}


def _hf(dtype: pa.DataType) -> Any:
    if pa.types.is_struct(dtype):
        return {f.name: _hf(f.type) for f in dtype}
    if pa.types.is_list(dtype):
        return {"feature": _hf(dtype.value_type), "_type": "Sequence"}
    names = {
        pa.string(): "string",
        pa.int32(): "int32",
        pa.float64(): "float64",
        pa.date32(): "date32",
    }
    return {"dtype": names[dtype], "_type": "Value"}
