"""PySpark glue (the ``spark`` extra): ``parse_batches`` through ``DataFrame.mapInArrow``.

Nothing here is a cluster of our own: Spark distributes the work; each executor runs the
same pure function over Arrow batches. Works in ``local[2]`` and under ``spark-submit``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from ..options import ParseOptions
from .arrow import RESULTS, parse_batches


def spark_schema() -> Any:
    """The Spark SQL schema of the parsed rows, converted from the declared Arrow schema."""
    try:
        from pyspark.sql.pandas.types import from_arrow_schema
    except ModuleNotFoundError as exc:  # an optional extra: say how to get it
        raise ModuleNotFoundError(
            "interview_parser.spark needs pyspark: pip install 'interview-parser[spark]'", name=exc.name
        ) from exc

    return from_arrow_schema(RESULTS)


def parse_dataframe(
    df: Any,
    *,
    content: str = "content",
    uri: str = "path",
    options: ParseOptions | None = None,
) -> Any:
    """Parse a DataFrame of pages (e.g. ``spark.read.format("binaryFile")``) into exchange rows."""
    selected = df.select(df[uri].alias("uri"), df[content].alias("content"))
    opts = options or ParseOptions()

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return parse_batches(batches, options=opts)

    return selected.mapInArrow(run, spark_schema())
