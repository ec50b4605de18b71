"""Records to plain dicts and back, through one cattrs converter (no per-class ``to_dict``).

Dates become ISO strings, enums their values, tuples lists; key order follows the record
field order, which is the schema's order, so JSON output is deterministic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, overload

import cattrs

from ..records import Transcript

T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    return conv


converter = _make_converter()


def to_dict(transcript: Transcript) -> dict[str, Any]:
    """A transcript as JSON-ready dicts and lists, keys in schema order."""
    out: dict[str, Any] = converter.unstructure(transcript)
    return out


@overload
def from_dict(data: dict[str, Any]) -> Transcript: ...
@overload
def from_dict(data: dict[str, Any], cls: type[T]) -> T: ...
def from_dict(data: dict[str, Any], cls: type[Any] = Transcript) -> Any:
    """The inverse of ``to_dict``: a ``Transcript`` by default, or any record class
    (``from_dict(row, Exchange)``), typed as that class."""
    return converter.structure(data, cls)
