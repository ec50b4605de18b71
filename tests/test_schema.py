"""Records, Arrow schema and JSON Schema agree field by field; released schemas never change."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import types
import typing
from pathlib import Path

import attrs
import jsonschema
import pyarrow as pa
import pytest

from interview_parser import SCHEMA_VERSION, Transcript, parse_file, to_dict
from interview_parser.export.schema import TRANSCRIPTS, json_schema

from .helpers import fixture_dirs, input_of

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
RELEASED = {
    "transcript-1.0.0.json": "d7470fe8697effebc1f30f6a839a3524fc5efe8f53c680c3d3f0cf0f542e0c33",
    "transcript-1.1.0.json": "4d6f5e98d1757cad920b679b72badcdd2f12fc2a579c4e87834747cc23e1debe",
    "transcript-1.2.0.json": "0a7fe1d2e56d2b7df357cc73de9afdc239be7a2e3016b458591187e37faf51bc",
}


def _arrow_for(tp: object) -> tuple[str, bool]:
    """The Arrow type family and nullability a record annotation implies."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return _arrow_for(inner)[0], True
    if origin is tuple:
        return "list", False
    if tp is str or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return "string", False
    if tp is int:
        return "integer", False
    if tp is float:
        return "floating", False
    if tp is dt.date:
        return "date32", False
    if attrs.has(tp):  # type: ignore[arg-type]
        return "struct", False
    raise AssertionError(f"unmapped annotation {tp!r}")


def _family(dtype: pa.DataType) -> str:
    for name in ("struct", "list", "string", "integer", "floating", "date32"):
        if getattr(pa.types, f"is_{name}")(dtype):
            return name
    raise AssertionError(dtype)


def _check(cls: type, fields: list[pa.Field], where: str) -> None:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in attrs.fields(cls)]
    assert names == [f.name for f in fields], where
    for f in fields:
        family, nullable = _arrow_for(hints[f.name])
        assert (family, nullable) == (_family(f.type), f.nullable), f"{where}.{f.name}"
        inner = hints[f.name]
        if typing.get_origin(inner) in (typing.Union, types.UnionType):
            (inner,) = [a for a in typing.get_args(inner) if a is not type(None)]
        if family == "struct":
            _check(inner, list(f.type), f"{where}.{f.name}")
        elif family == "list":
            (item,) = typing.get_args(inner)[:1]
            value = f.type.value_type
            if attrs.has(item):
                _check(item, list(value), f"{where}.{f.name}[]")
            else:
                assert _arrow_for(item)[0] == _family(value)


def test_records_and_arrow_schema_agree() -> None:
    _check(Transcript, list(TRANSCRIPTS), "Transcript")


def test_json_schema_file_is_the_declared_one() -> None:
    path = SCHEMAS / f"transcript-{SCHEMA_VERSION}.json"
    assert json.loads(path.read_text(encoding="utf-8")) == json_schema()


def test_json_schema_fields_follow_arrow() -> None:
    props = json_schema()["properties"]
    assert list(props) == TRANSCRIPTS.names
    for f in TRANSCRIPTS:
        kind = props[f.name]["type"]
        assert ("null" in kind) == f.nullable, f.name


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_released_schema_files_never_change(name: str) -> None:
    digest = hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest()
    assert digest == RELEASED[name]
    # And the declared schema still derives each one: files of every minor are checkable.
    version = name.removeprefix("transcript-").removesuffix(".json")
    assert json.loads((SCHEMAS / name).read_text(encoding="utf-8")) == json_schema(version)


@pytest.mark.parametrize("folder", fixture_dirs(), ids=[p.name for p in fixture_dirs()])
def test_every_record_validates(folder: Path) -> None:
    record = to_dict(parse_file(input_of(folder)))
    jsonschema.validate(record, json_schema(), cls=jsonschema.Draft202012Validator)


def test_a_record_missing_a_field_fails_validation() -> None:
    record = to_dict(parse_file(input_of(fixture_dirs()[0])))
    del record["exchanges"]
    with pytest.raises(jsonschema.ValidationError, match="exchanges"):
        jsonschema.validate(record, json_schema(), cls=jsonschema.Draft202012Validator)
