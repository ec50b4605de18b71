"""Ray Data and Dask: the flat exchanges table over many machines, as tested functions.

Both read the files themselves and map ``export.arrow.parse_record_batch`` over them, so
their rows are the command line's (``convert --table exchanges``: the same columns, the same
``uri`` form, the format from the suffix) plus ``status`` (``ok``, ``empty``, ``error``)
and ``error``: every document leaves at least one row. Install ``interview-parser[scale]``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa

from .api import SUFFIX_FORMATS
from .batch import record_uri
from .export.arrow import parse_record_batch
from .options import ParseOptions


def _batch(paths: list[str], contents: list[bytes | None]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pydict(
        {
            "uri": [record_uri(p, None) for p in paths],
            "content": contents,
            "format": [SUFFIX_FORMATS.get(Path(p).suffix.lower(), "auto") for p in paths],
        },
        schema=pa.schema([("uri", pa.string()), ("content", pa.binary()), ("format", pa.string())]),
    )


def _read(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None  # an error row ("expected document content"), not a failed job


def rows_of_files(paths: Iterable[str | Path], options: ParseOptions | None = None) -> pa.Table:
    """Parse files into one table of flat rows (``RESULTS`` schema): one partition's work."""
    names = [str(p) for p in paths]
    return pa.Table.from_batches(
        [parse_record_batch(_batch(names, [_read(p) for p in names]), options=options)]
    )


def dask_bag(
    paths: Iterable[str | Path], *, files_per_partition: int = 16, options: ParseOptions | None = None
) -> Any:
    """A ``dask.bag`` of flat row dicts, ``files_per_partition`` files per partition (so 200
    files are 13 partitions that Dask's workers share, not one)."""
    db: Any = importlib.import_module("dask.bag")  # dask is untyped

    names = [str(p) for p in paths]
    bag = db.from_sequence(names, partition_size=max(1, files_per_partition))
    return bag.map_partitions(lambda part: rows_of_files(list(part), options).to_pylist())


def ray_dataset(paths: Iterable[str | Path], *, options: ParseOptions | None = None) -> Any:
    """A Ray ``Dataset`` of flat rows: ``read_binary_files`` (columns ``bytes`` and
    ``path``) mapped in pyarrow batches; returns a ``pyarrow.Table`` per batch, the type
    ``map_batches`` accepts."""
    import ray.data

    names = [str(Path(p).absolute()) for p in paths]

    def parse_batch(table: pa.Table) -> pa.Table:
        files = [str(p) for p in table.column("path").to_pylist()]
        contents = table.column("bytes").to_pylist()
        return pa.Table.from_batches([parse_record_batch(_batch(files, contents), options=options)])

    files = ray.data.read_binary_files(names, include_paths=True)
    return files.map_batches(parse_batch, batch_format="pyarrow")
