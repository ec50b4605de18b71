"""interview_parser: published Q/A interviews into clean, typed, versioned records.

The public API is what this module exports (``__all__``); submodules are internals.

Parse
    parse(data, uri=None, options=None) -> Transcript      text or HTML, str or bytes
    parse_file(path, options=None) -> Transcript
    iter_parse(paths, options=None, jobs=1, timeout=60.0, on_failure=None) -> Iterator[Transcript]
    ParseOptions(format="auto", max_bytes=..., disabled_stages=..., min_interview_score=0.5)

Records (frozen attrs classes)
    Transcript, Exchange, Turn, Draft, Participant, Role, Caption, Segment, Bucket,
    Span, Source, Quality, Diagnostic; to_dict(t) and from_dict(d[, cls]) convert them.

Export and read back
    write_jsonl / read_jsonl, write_parquet / read_parquet, to_arrow(transcripts, table=...)
    publish(transcripts, folder) / validate(path) / read_dataset(folder)
    SCHEMA_VERSION: the version every file records; a reader refuses another major.

Errors
    InterviewParserError is the root of every error raised: InputError (EmptyInputError,
    BinaryInputError, InputTooLargeError, MarkupError), ParseTimeoutError, ReadError,
    SchemaVersionError, OutputError, OptionsError (a ValueError), UnknownStageError and
    ColumnError (KeyErrors), InternalError (a bug met on one document, with the original type and message).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api import parse_file
from .batch import Failure, iter_parse
from .errors import (
    BinaryInputError,
    ColumnError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InternalError,
    InterviewParserError,
    MarkupError,
    OptionsError,
    OutputError,
    ParseTimeoutError,
    ReadError,
    SchemaVersionError,
    UnknownStageError,
)
from .export.jsonl import read_jsonl, write_jsonl
from .export.serialize import from_dict, to_dict
from .options import ParseOptions
from .pipeline import STAGE_NAMES, parse
from .records import (
    SCHEMA_VERSION,
    Bucket,
    Caption,
    Diagnostic,
    Draft,
    Exchange,
    Participant,
    Quality,
    Role,
    Segment,
    Source,
    Span,
    Transcript,
    Turn,
)

if TYPE_CHECKING:
    from .export.dataset import publish, read_dataset, validate
    from .export.parquet import read_parquet, to_arrow, write_parquet

    __version__: str

# Names whose modules import pyarrow (and the version, read from the installed metadata):
# loaded on first use, so parsing, JSONL and the command line's start skip that import.
_LAZY = {
    "publish": "export.dataset",
    "read_dataset": "export.dataset",
    "validate": "export.dataset",
    "read_parquet": "export.parquet",
    "to_arrow": "export.parquet",
    "write_parquet": "export.parquet",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("interview-parser")
        except PackageNotFoundError:  # running from a source tree without installing
            found = "0.0.0"
        globals()["__version__"] = found
        return found
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "SCHEMA_VERSION",
    "STAGE_NAMES",
    "BinaryInputError",
    "Bucket",
    "Caption",
    "ColumnError",
    "Diagnostic",
    "Draft",
    "EmptyInputError",
    "Exchange",
    "Failure",
    "InputError",
    "InputTooLargeError",
    "InternalError",
    "InterviewParserError",
    "MarkupError",
    "OptionsError",
    "OutputError",
    "ParseOptions",
    "ParseTimeoutError",
    "Participant",
    "Quality",
    "ReadError",
    "Role",
    "SchemaVersionError",
    "Segment",
    "Source",
    "Span",
    "Transcript",
    "Turn",
    "UnknownStageError",
    "__version__",
    "from_dict",
    "iter_parse",
    "parse",
    "parse_file",
    "publish",
    "read_dataset",
    "read_jsonl",
    "read_parquet",
    "to_arrow",
    "to_dict",
    "validate",
    "write_jsonl",
    "write_parquet",
]
