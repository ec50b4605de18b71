"""Arrow batches in, flat exchange rows out: the parser as a function engines can map.

``parse_batches`` plugs into PySpark ``DataFrame.mapInArrow``, Ray Data
``map_batches(..., batch_format="pyarrow")`` and Dask, unchanged. Every input document
yields its exchange rows (``status`` = ``ok``), one row with ``status`` = ``empty`` when it
has no exchanges, or one row with ``status`` = ``error`` and the error class and message:
one bad page never fails a job, and every document can be counted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import pyarrow as pa

from ..assemble import doc_id_for
from ..errors import ColumnError, InterviewParserError
from ..options import ParseOptions
from ..pipeline import parse
from ..records import SCHEMA_VERSION
from .parquet import exchange_rows
from .schema import EXCHANGES

STATUS_OK = "ok"
STATUS_ERROR = "error"
STATUS_EMPTY = "empty"  # parsed, no exchanges (not an interview, or none found): one row, so it counts

# The flat exchanges schema, exchange columns nullable (an error row has none), plus status.
RESULTS = pa.schema(
    [
        *(
            pa.field(f.name, f.type, nullable=True)
            if f.name not in ("schema_version", "doc_id", "format")
            else f
            for f in EXCHANGES
        ),
        pa.field("status", pa.string(), nullable=False),
        pa.field("error", pa.string(), nullable=True),
    ]
)
# An error row may come before any parse, so it has no format or doc id of its own.
RESULTS = RESULTS.set(RESULTS.get_field_index("format"), pa.field("format", pa.string(), nullable=True))


def _error_row(uri: str | None, doc_id: str, exc: BaseException) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(RESULTS.names)
    row |= {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc_id,
        "uri": uri,
        "question_drafts": None,
        "status": STATUS_ERROR,
        "error": f"{type(exc).__name__}: {exc}",
    }
    return row


def _doc_rows(
    data: str | bytes | None, uri: str | None, fmt: str | None, options: ParseOptions
) -> Iterator[dict[str, Any]]:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else (data or b"")
    doc_id = doc_id_for(hashlib.sha256(raw).hexdigest())
    try:
        if data is None:
            raise InterviewParserError("expected document content, found null")
        opts = options
        if fmt not in (None, "", "auto"):
            opts = attrs.evolve(options, format="html" if fmt == "html" else "text")
        transcript = parse(data, uri=uri, options=opts)
    except (InterviewParserError, RecursionError, MemoryError) as exc:
        yield _error_row(uri, doc_id, exc)
        return
    if not transcript.exchanges:
        row = dict.fromkeys(RESULTS.names)
        row |= {
            "schema_version": transcript.schema_version,
            "doc_id": transcript.doc_id,
            "uri": transcript.source.uri,
            "format": transcript.source.format,
            "title": transcript.title,
            "published": transcript.published,
            "publisher": transcript.publisher,
            "language": transcript.language,
            "is_interview": transcript.quality.is_interview,
            "status": STATUS_EMPTY,
        }
        yield row
        return
    for row in exchange_rows(transcript):
        row["status"] = STATUS_OK
        row["error"] = None
        yield row


def parse_record_batch(
    batch: pa.RecordBatch,
    *,
    content: str = "content",
    uri: str = "uri",
    fmt: str = "format",
    options: ParseOptions | None = None,
) -> pa.RecordBatch:
    """Parse every document of ``batch`` (``content`` binary or string, ``uri``, optional
    ``format``) into one batch of flat exchange rows with the ``RESULTS`` schema.

    ``options.max_bytes`` is the per-document size budget: larger pages become error rows.
    """
    options = options or ParseOptions()
    names = batch.schema.names
    for needed in (content, uri):
        if needed not in names:
            raise ColumnError(f"expected a {needed!r} column in the batch, found {names}")
    contents = batch.column(content).to_pylist()
    uris = batch.column(uri).to_pylist()
    formats = batch.column(fmt).to_pylist() if fmt in names else [None] * len(contents)
    rows: list[dict[str, Any]] = []
    for data, u, f in zip(contents, uris, formats, strict=True):
        rows.extend(_doc_rows(data, u, f, options))
    return pa.RecordBatch.from_pylist(rows, schema=RESULTS)


def parse_batches(
    batches: Iterable[pa.RecordBatch],
    *,
    content: str = "content",
    uri: str = "uri",
    fmt: str = "format",
    options: ParseOptions | None = None,
) -> Iterator[pa.RecordBatch]:
    """``parse_record_batch`` over a stream of batches (the ``mapInArrow`` signature)."""
    for batch in batches:
        yield parse_record_batch(batch, content=content, uri=uri, fmt=fmt, options=options)
