"""PySpark glue (the ``spark`` extra): ``parse_batches`` through ``DataFrame.mapInArrow``,
and ``publish_dataframe``, which writes the ``publish`` layout from a Spark job.

Nothing here is a cluster of our own: Spark distributes the work; each executor runs the
same pure function over Arrow batches. Works in ``local[2]`` and under ``spark-submit``.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from ..batch import record_uri
from ..errors import InterviewParserError, OutputError
from ..options import ParseOptions
from ..pipeline import parse
from .arrow import RESULTS, STATUS_EMPTY, STATUS_ERROR, STATUS_OK, parse_batches
from .atomic import show
from .dataset import CardInfo, finish_dataset
from .parquet import schema_for, transcript_row
from .schema import TRANSCRIPTS

# Spark declares every column nullable; the shards are cast back to the declared schema.
_TRANSCRIPTS_ANY_NULL = pa.schema([f.with_nullable(True) for f in TRANSCRIPTS])


def _spark_schema(schema: pa.Schema) -> Any:
    try:
        from pyspark.sql.pandas.types import from_arrow_schema
    except ModuleNotFoundError as exc:  # an optional extra: say how to get it
        raise ModuleNotFoundError(
            "interview_parser.spark needs pyspark: pip install 'interview-parser[spark]'", name=exc.name
        ) from exc
    return from_arrow_schema(schema)


def spark_schema() -> Any:
    """The Spark SQL schema of the parsed rows, converted from the declared Arrow schema."""
    return _spark_schema(RESULTS)


def _named(batches: Iterator[pa.RecordBatch], root: str | None) -> Iterator[pa.RecordBatch]:
    """Spark's ``file:/abs/path`` as the command line names it (relative to ``root``);
    the batches as they are without a root."""
    if root is None:
        yield from batches
        return
    for batch in batches:
        uris = [
            None if u is None else record_uri(u.removeprefix("file://").removeprefix("file:"), root)
            for u in batch.column("uri").to_pylist()
        ]
        yield pa.RecordBatch.from_arrays(
            [pa.array(uris, pa.string()), batch.column("content")], ["uri", "content"]
        )


def _pages(df: Any, content: str, uri: str) -> Any:
    """The two columns every pass reads, under the names the Arrow API expects."""
    return df.select(df[uri].alias("uri"), df[content].alias("content"))


def parse_dataframe(
    df: Any,
    *,
    content: str = "content",
    uri: str = "path",
    options: ParseOptions | None = None,
    root: str | None = None,
) -> Any:
    """Parse a DataFrame of pages (e.g. ``spark.read.format("binaryFile")``) into exchange
    rows (``status`` ok, empty or error). With ``root`` (the folder the pages were read
    from), ``uri`` is relative to it, as ``convert`` records it."""
    opts = options or ParseOptions()

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return parse_batches(_named(batches, root), options=opts)

    return _pages(df, content, uri).mapInArrow(run, spark_schema())


def transcripts_dataframe(
    df: Any,
    *,
    content: str = "content",
    uri: str = "path",
    options: ParseOptions | None = None,
    root: str | None = None,
) -> Any:
    """The nested ``transcripts`` rows of the pages that parse (failures are the error rows
    of ``parse_dataframe``)."""
    opts = options or ParseOptions()

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in _named(batches, root):
            rows = []
            for data, name in zip(
                batch.column("content").to_pylist(), batch.column("uri").to_pylist(), strict=True
            ):
                try:
                    rows.append(transcript_row(parse(data or b"", uri=name, options=opts)))
                except (InterviewParserError, RecursionError, MemoryError):
                    continue
            yield pa.RecordBatch.from_pylist(rows, schema=_TRANSCRIPTS_ANY_NULL)

    return _pages(df, content, uri).mapInArrow(run, _spark_schema(_TRANSCRIPTS_ANY_NULL))


def publish_dataframe(
    pages: Any,
    folder: str | Path,
    *,
    root: str | None = None,
    options: ParseOptions | None = None,
    card: CardInfo | Callable[[], CardInfo] | None = None,
) -> dict[str, int]:
    """Parse ``pages`` with Spark and write the ``publish`` layout to ``folder``, replacing
    what was there: both tables (shards cast to the declared schema, with our metadata),
    the card and the manifest; failures go to ``errors/`` (JSON lines of uri and error).
    The new folder is built beside the old and swapped in at the end."""
    target = Path(folder)
    options = options or ParseOptions()
    tmp = target.parent / f".{target.name}.spark-partial"
    shutil.rmtree(tmp, ignore_errors=True)
    rows = parse_dataframe(pages, options=options, root=root).cache()
    try:
        from pyspark.sql import functions as sf

        exchanges = rows.filter(sf.col("status") == STATUS_OK).drop("status", "error")
        exchanges.sortWithinPartitions("uri", "exchange_index").write.parquet(
            str(tmp / "spark" / "exchanges")
        )
        transcripts = transcripts_dataframe(pages, options=options, root=root)
        transcripts.sortWithinPartitions("doc_id").write.parquet(str(tmp / "spark" / "transcripts"))
        rows.filter(sf.col("status") == STATUS_ERROR).select("uri", "error").write.json(str(tmp / "errors"))
        parsed = rows.filter(sf.col("status").isin(STATUS_OK, STATUS_EMPTY))
        counts = {
            "documents": parsed.select("uri").distinct().count(),
            "exchanges": rows.filter(sf.col("status") == STATUS_OK).count(),
            "without_exchanges": rows.filter(sf.col("status") == STATUS_EMPTY).count(),
            "failures": rows.filter(sf.col("status") == STATUS_ERROR).count(),
        }
        per_doc = parsed.filter(sf.col("language").isNotNull()).select("uri", "language").distinct()
        languages = Counter(
            {r["language"]: r["count"] for r in per_doc.groupBy("language").count().collect()}
        )
        shards = 0
        tables_: tuple[Literal["exchanges", "transcripts"], ...] = ("exchanges", "transcripts")
        for table in tables_:
            parts = sorted((tmp / "spark" / table).glob("part-*.parquet"))
            declared = schema_for(table, options=options)
            out = tmp / "data" / table
            out.mkdir(parents=True)
            tables = [pq.read_table(p) for p in parts] or [declared.empty_table()]
            for i, part in enumerate(tables):
                pq.write_table(
                    part.cast(declared),
                    out / f"train-{i:05d}-of-{len(tables):05d}.parquet",
                    compression="zstd",
                )
            shards = max(shards, len(tables))
        shutil.rmtree(tmp / "spark")
        counts["shards"] = shards
        finish_dataset(tmp, counts, languages, options, card)
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"cannot publish into {show(str(target))}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        rows.unpersist()
    return counts
