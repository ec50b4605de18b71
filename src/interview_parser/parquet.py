"""Kept importable here, where earlier releases documented it: ``interview_parser.export.parquet``."""

from .export.parquet import (
    DEFAULT_BATCH as DEFAULT_BATCH,
)
from .export.parquet import (
    META_KEY as META_KEY,
)
from .export.parquet import (
    exchange_rows as exchange_rows,
)
from .export.parquet import (
    file_metadata as file_metadata,
)
from .export.parquet import (
    hf_features as hf_features,
)
from .export.parquet import (
    read_parquet as read_parquet,
)
from .export.parquet import (
    schema_for as schema_for,
)
from .export.parquet import (
    to_arrow as to_arrow,
)
from .export.parquet import (
    transcript_row as transcript_row,
)
from .export.parquet import (
    write_parquet as write_parquet,
)

__all__ = [
    "DEFAULT_BATCH",
    "META_KEY",
    "exchange_rows",
    "file_metadata",
    "hf_features",
    "read_parquet",
    "schema_for",
    "to_arrow",
    "transcript_row",
    "write_parquet",
]
