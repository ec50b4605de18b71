"""interview_parser: published Q/A interviews into clean, typed, versioned records."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import parse_file
from .batch import Failure, iter_parse
from .errors import (
    BinaryInputError,
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
from .export.dataset import publish, validate
from .export.jsonl import read_jsonl, write_jsonl
from .export.parquet import read_parquet, to_arrow, write_parquet
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

try:
    __version__ = version("interview-parser")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA_VERSION",
    "STAGE_NAMES",
    "BinaryInputError",
    "Bucket",
    "Caption",
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
    "read_jsonl",
    "read_parquet",
    "to_arrow",
    "to_dict",
    "validate",
    "write_jsonl",
    "write_parquet",
]
