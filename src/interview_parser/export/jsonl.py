"""JSON Lines: one transcript per line, UTF-8, keys in schema order, no trailing spaces."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ReadError, SchemaVersionError
from ..records import Transcript
from .atomic import atomic_output
from .serialize import from_dict, to_dict
from .version import check_version


def dumps(transcript: Transcript) -> str:
    """One transcript as one JSON line (without the newline)."""
    return json.dumps(to_dict(transcript), ensure_ascii=False, separators=(",", ":"))


def transcript_line(transcript: Transcript) -> str:
    """One transcript as one JSON line, newline included."""
    return dumps(transcript) + "\n"


def exchange_lines(transcript: Transcript) -> str:
    """The flat exchange rows of one transcript as JSON lines (empty when it has none)."""
    from .parquet import exchange_rows  # the column names are the Arrow schema's

    out = []
    for row in exchange_rows(transcript):
        row["published"] = row["published"].isoformat() if row["published"] else None
        out.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    return "".join(out)


def write_jsonl(transcripts: Iterable[Transcript], path: str | Path) -> int:
    """Stream transcripts to ``path``; the file appears only once complete. Returns the count."""
    count = 0
    with atomic_output(Path(path), "w") as fh:
        for t in transcripts:
            fh.write(dumps(t))
            fh.write("\n")
            count += 1
    return count


def read_jsonl(path: str | Path) -> Iterator[Transcript]:
    """Read transcripts back, checking the schema version of every line."""
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                yield loads(line, where=f"{path}:{number}")


def loads(line: str, *, where: str = "<string>") -> Transcript:
    """One JSON line back into a ``Transcript``; anything else is a typed error naming the line."""
    try:
        data: Any = json.loads(line)
    except ValueError as exc:
        raise ReadError(f"{where}: expected a JSON transcript record, found invalid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ReadError(f"{where}: expected a JSON object (a transcript record), found {type(data).__name__}")
    check_version(str(data.get("schema_version", "")), where=where)
    if "exchange_index" in data and "exchanges" not in data:
        raise SchemaVersionError(
            f"{where}: expected a transcript record, found a flat exchange row (written with "
            "--table exchanges: rows for analysis; read them with pandas or polars)"
        )
    try:
        return from_dict(data)
    except Exception as exc:  # cattrs reports a structuring failure as an ExceptionGroup
        raise ReadError(f"{where}: expected a transcript record of this schema: {exc}") from exc
