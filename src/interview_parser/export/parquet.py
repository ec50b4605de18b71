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
from ..options import ParseOptions
from ..records import SCHEMA_VERSION, Transcript
from .atomic import atomic_output
from .flat import exchange_values
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
    """The flat rows of one transcript, as dicts keyed by the ``exchanges`` column names."""
    names = EXCHANGES.names
    for values in exchange_values(t):
        yield dict(zip(names, values, strict=True))


def schema_for(table: Table, *, options: ParseOptions | dict[str, Any] | None = None) -> pa.Schema:
    """The declared schema of ``table`` with this library's key-value metadata attached
    (``options``: the ``ParseOptions`` the documents were parsed with, for provenance)."""
    from .. import __version__

    if isinstance(options, ParseOptions):
        options = options.to_dict()

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
    options: ParseOptions | dict[str, Any] | None = None,
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
    columns: list[list[Any]] = [[] for _ in names]
    count = 0
    for t in transcripts:
        count += 1
        for values in exchange_values(t):
            for column, value in zip(columns, values, strict=True):
                column.append(value)
        if len(columns[0]) >= rows:
            writer.write_table(pa.Table.from_arrays(columns, schema=schema))
            columns = [[] for _ in names]
    if columns[0] or count == 0:
        writer.write_table(pa.Table.from_arrays(columns, schema=schema))
    return count


def file_metadata(path: str | Path) -> dict[str, Any]:
    """The ``interview_parser`` key-value metadata of a Parquet file."""
    if Path(path).is_dir():
        raise ReadError(
            f"cannot read {path}: a folder (read a published dataset with read_dataset, or its "
            "data/transcripts/*.parquet files one by one)"
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
        if pa.types.is_struct(dtype.value_type):
            # A list of structs is a Python list of one feature in datasets 3.x and later;
            # Sequence of a struct would mean a struct of lists there.
            return [_hf(dtype.value_type)]
        return {"feature": _hf(dtype.value_type), "_type": "Sequence"}
    names = {
        pa.string(): "string",
        pa.int32(): "int32",
        pa.float64(): "float64",
        pa.date32(): "date32",
    }
    return {"dtype": names[dtype], "_type": "Value"}
