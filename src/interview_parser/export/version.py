"""The schema version check every reader makes, apart from the Arrow schemas (so reading
JSONL needs no pyarrow import)."""

from __future__ import annotations

from ..errors import SchemaVersionError
from ..records import SCHEMA_VERSION


def check_version(found: str, *, where: str) -> None:
    major = SCHEMA_VERSION.split(".")[0]
    if found.split(".")[0] != major:
        raise SchemaVersionError(
            f"{where}: expected schema version {major}.x (this reader is {SCHEMA_VERSION}), found {found!r}"
        )
