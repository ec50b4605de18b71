"""The declared dataset schema: Arrow types for the nested and flat tables, and JSON Schema.

Declared here, beside the records, never inferred from data. ``tests/test_schema.py``
proves records, Arrow schema and JSON Schema agree field by field, and pins the hash of
every released ``schemas/transcript-<version>.json``.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from ..records import SCHEMA_VERSION
from .version import check_version as check_version

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
        pa.field("url", pa.string(), nullable=True),
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
        pa.field(
            "paragraph_speakers", pa.list_(pa.field("item", pa.string(), nullable=True)), nullable=False
        ),
        pa.field("time", pa.string(), nullable=True),
        pa.field("paragraph_times", pa.list_(pa.field("item", pa.string(), nullable=True)), nullable=False),
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
        pa.field("author", pa.string(), nullable=True),
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

# One row per exchange, the document's columns repeated: what analysts load without a join.
# Each field's description goes into the dataset card (``description`` metadata).
_FLAT: list[tuple[str, pa.DataType, bool, str]] = [
    ("schema_version", pa.string(), False, "the schema version the row was written under"),
    ("doc_id", pa.string(), False, "the document's id: the first 128 bits of its sha256"),
    ("uri", pa.string(), True, "where the document came from (relative to the input folder)"),
    ("url", pa.string(), True, "the page's canonical address, when it states one"),
    ("format", pa.string(), False, "how it was read: text or html"),
    ("title", pa.string(), True, "the page's headline"),
    ("published", pa.date32(), True, "the publication date the page gives"),
    ("publisher", pa.string(), True, "the site or outlet"),
    ("author", pa.string(), True, "the article's byline as the page's metadata gives it"),
    ("language", pa.string(), True, "the page's language (ISO 639-1), when it says or its labels tell"),
    ("interviewee", pa.string(), True, "the person interviewed, when one is identified"),
    ("is_interview", pa.float64(), False, "how far the page reads as an interview, 0 to 1"),
    ("exchange_index", pa.int32(), False, "the exchange's position in the document, from 0"),
    ("question", pa.string(), False, "the question's canonical text; paragraphs split by a blank line"),
    ("question_speaker", pa.string(), True, "the question's label as printed (REID, Q, Jane Doe)"),
    ("question_speaker_name", pa.string(), True, "who asked, resolved to a participant's name"),
    ("question_speaker_role", pa.string(), False, "the asker's role: interviewer, moderator, audience..."),
    ("question_time_s", pa.float64(), True, "the time printed at the question, in seconds"),
    ("question_drafts", _list(pa.string()), False, "earlier printed versions of the question"),
    ("answer", pa.string(), False, "the answer's text; paragraphs split by a blank line"),
    ("answer_speaker", pa.string(), True, "the answer's label as printed"),
    ("answer_speaker_name", pa.string(), True, "who answered, resolved to a participant's name"),
    ("answer_speaker_role", pa.string(), False, "the answerer's role: interviewee, moderator..."),
    ("answer_time_s", pa.float64(), True, "the time printed at the answer, in seconds"),
    (
        "answer_speakers",
        pa.list_(pa.field("item", pa.string(), nullable=True)),
        False,
        "the resolved speaker of each answer paragraph (a panel answering one question)",
    ),
]
EXCHANGES = pa.schema(
    [
        pa.field(name, dtype, nullable=nullable, metadata={"description": text})
        for name, dtype, nullable, text in _FLAT
    ]
)
DESCRIPTIONS = {name: text for name, _, _, text in _FLAT}

# Fields added after 1.0.0, per table (at any depth of the nested one): absent from the
# declared schemas of files written before them.
ADDED: dict[str, dict[str, frozenset[str]]] = {
    "1.1.0": {
        "transcripts": frozenset({"paragraph_speakers", "url", "author"}),
        "exchanges": frozenset(
            {
                "url",
                "author",
                "is_interview",
                "question_speaker_name",
                "question_speaker_role",
                "question_time_s",
                "answer_speaker_name",
                "answer_speaker_role",
                "answer_time_s",
                "answer_speakers",
            }
        ),
    },
    "1.2.0": {"transcripts": frozenset({"paragraph_times"}), "exchanges": frozenset()},
}


def declared(table: str, version: str = SCHEMA_VERSION) -> pa.Schema:
    """The schema of ``table`` as a file of ``version`` (same major) declares it."""
    schema = TRANSCRIPTS if table == "transcripts" else EXCHANGES
    later = frozenset().union(*(tables[table] for v, tables in ADDED.items() if _key(v) > _key(version)))
    if not later:
        return schema
    return pa.schema([_without(f, later) for f in schema if f.name not in later])


def _key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in version.split("."))
    except ValueError:
        return (0,)


def _without(field: pa.Field, names: frozenset[str]) -> pa.Field:
    dtype = field.type
    if pa.types.is_struct(dtype):
        dtype = pa.struct([_without(f, names) for f in dtype if f.name not in names])
    elif pa.types.is_list(dtype):
        dtype = pa.list_(_without(dtype.value_field, names))
    return field.with_type(dtype)


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


def json_schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """The JSON Schema (2020-12) of one JSONL record, derived from the declared Arrow schema
    (of an earlier ``version`` of this major, to check files written by it)."""
    body = _json_type(pa.struct(list(declared("transcripts", version))), nullable=False)
    body["properties"]["schema_version"]["const"] = version
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://interview-parser.dev/schemas/transcript-{version}.json",
        "title": f"interview_parser transcript, schema {version}",
        **body,
    }
