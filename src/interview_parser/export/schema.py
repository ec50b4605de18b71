"""The declared dataset schema: Arrow types for the nested and flat tables, and JSON Schema.

Declared here, beside the records, never inferred from data. ``tests/test_schema.py``
proves records, Arrow schema and JSON Schema agree field by field, and pins the hash of
every released ``schemas/transcript-<version>.json``.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from ..errors import SchemaVersionError
from ..records import SCHEMA_VERSION

JSON_SCHEMA_ID = f"https://interview-parser.dev/schemas/transcript-{SCHEMA_VERSION}.json"


SPAN = pa.struct(
    [
        pa.field("start_line", pa.int32(), nullable=False),
        pa.field("end_line", pa.int32(), nullable=False),
        pa.field("path", pa.string(), nullable=True),
    ]
)
SOURCE = pa.struct(
    [
        pa.field("uri", pa.string(), nullable=True),
        pa.field("format", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("encoding", pa.string(), nullable=False),
    ]
)
PARTICIPANT = pa.struct(
    [
        pa.field("name", pa.string(), nullable=False),
        pa.field("role", pa.string(), nullable=False),
        pa.field("aliases", pa.list_(pa.field("item", pa.string(), nullable=False)), nullable=False),
        pa.field("affiliation", pa.string(), nullable=True),
        pa.field("confidence", pa.float64(), nullable=False),
    ]
)
SEGMENT = pa.struct(
    [
        pa.field("kind", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("span", SPAN, nullable=False),
        pa.field("speaker", pa.string(), nullable=True),
    ]
)
DRAFT = pa.struct(
    [
        pa.field("text", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=True),
        pa.field("span", SPAN, nullable=False),
        pa.field("spans", pa.list_(pa.field("item", SPAN, nullable=False)), nullable=False),
    ]
)
TURN = pa.struct(
    [
        pa.field("text", pa.string(), nullable=False),
        pa.field("paragraphs", pa.list_(pa.field("item", pa.string(), nullable=False)), nullable=False),
        pa.field("speaker", pa.string(), nullable=True),
        pa.field("label", pa.string(), nullable=True),
        pa.field("labels", pa.list_(pa.field("item", pa.string(), nullable=False)), nullable=False),
        pa.field("time", pa.string(), nullable=True),
        pa.field("span", SPAN, nullable=False),
        pa.field("spans", pa.list_(pa.field("item", SPAN, nullable=False)), nullable=False),
        pa.field("drafts", pa.list_(pa.field("item", DRAFT, nullable=False)), nullable=False),
    ]
)
EXCHANGE = pa.struct(
    [
        pa.field("index", pa.int32(), nullable=False),
        pa.field("question", TURN, nullable=False),
        pa.field("answer", TURN, nullable=False),
    ]
)
CAPTION = pa.struct(
    [
        pa.field("text", pa.string(), nullable=False),
        pa.field("rule", pa.string(), nullable=False),
        pa.field("span", SPAN, nullable=False),
    ]
)
DIAGNOSTIC = pa.struct(
    [
        pa.field("code", pa.string(), nullable=False),
        pa.field("message", pa.string(), nullable=False),
        pa.field("where", pa.string(), nullable=True),
    ]
)
QUALITY = pa.struct(
    [
        pa.field("exchange_share", pa.float64(), nullable=False),
        pa.field("unclassified_blocks", pa.int32(), nullable=False),
        pa.field("convention", pa.string(), nullable=False),
        pa.field("is_interview", pa.float64(), nullable=False),
    ]
)


def _list(item: pa.DataType) -> pa.DataType:
    return pa.list_(pa.field("item", item, nullable=False))


TRANSCRIPTS = pa.schema(
    [
        pa.field("schema_version", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", SOURCE, nullable=False),
        pa.field("title", pa.string(), nullable=True),
        pa.field("published", pa.date32(), nullable=True),
        pa.field("publisher", pa.string(), nullable=True),
        pa.field("language", pa.string(), nullable=True),
        pa.field("participants", _list(PARTICIPANT), nullable=False),
        pa.field("intro", _list(SEGMENT), nullable=False),
        pa.field("exchanges", _list(EXCHANGE), nullable=False),
        pa.field("captions", _list(CAPTION), nullable=False),
        pa.field("removed", _list(SEGMENT), nullable=False),
        pa.field("diagnostics", _list(DIAGNOSTIC), nullable=False),
        pa.field("quality", QUALITY, nullable=False),
    ]
)

# One row per exchange, the document's columns repeated: what analysts load.
EXCHANGES = pa.schema(
    [
        pa.field("schema_version", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("uri", pa.string(), nullable=True),
        pa.field("format", pa.string(), nullable=False),
        pa.field("title", pa.string(), nullable=True),
        pa.field("published", pa.date32(), nullable=True),
        pa.field("publisher", pa.string(), nullable=True),
        pa.field("language", pa.string(), nullable=True),
        pa.field("interviewee", pa.string(), nullable=True),
        pa.field("exchange_index", pa.int32(), nullable=False),
        pa.field("question", pa.string(), nullable=False),
        pa.field("question_speaker", pa.string(), nullable=True),
        pa.field("question_drafts", _list(pa.string()), nullable=False),
        pa.field("answer", pa.string(), nullable=False),
        pa.field("answer_speaker", pa.string(), nullable=True),
    ]
)


def _json_type(dtype: pa.DataType, nullable: bool) -> dict[str, Any]:
    out: dict[str, Any]
    if pa.types.is_struct(dtype):
        out = {
            "type": "object",
            "properties": {f.name: _json_type(f.type, f.nullable) for f in dtype},
            "required": [f.name for f in dtype],
            "additionalProperties": True,
        }
    elif pa.types.is_list(dtype):
        out = {"type": "array", "items": _json_type(dtype.value_type, dtype.value_field.nullable)}
    elif pa.types.is_date32(dtype):
        out = {"type": "string", "format": "date"}
    elif pa.types.is_integer(dtype):
        out = {"type": "integer"}
    elif pa.types.is_floating(dtype):
        out = {"type": "number"}
    elif pa.types.is_string(dtype):
        out = {"type": "string"}
    else:  # pragma: no cover - the declared schema uses only the types above
        raise TypeError(f"no JSON Schema mapping for Arrow type {dtype}")
    if nullable:
        kind = out["type"]
        out["type"] = [kind, "null"]
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of one JSONL record, derived from the declared Arrow schema."""
    body = _json_type(pa.struct(list(TRANSCRIPTS)), nullable=False)
    body["properties"]["schema_version"]["const"] = SCHEMA_VERSION
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": JSON_SCHEMA_ID,
        "title": f"interview_parser transcript, schema {SCHEMA_VERSION}",
        **body,
    }


def check_version(found: str, *, where: str) -> None:
    major = SCHEMA_VERSION.split(".")[0]
    if found.split(".")[0] != major:
        raise SchemaVersionError(
            f"{where}: expected schema version {major}.x (this reader is {SCHEMA_VERSION}), found {found!r}"
        )
