"""Parse a folder of saved pages with Spark and write Parquet in the ``publish`` layout.

    python examples/spark_job.py PAGES_DIR OUT_DIR [--master local[2]]
    spark-submit examples/spark_job.py PAGES_DIR OUT_DIR        # on a cluster, unchanged

Reads pages with Spark's ``binaryFile`` source, runs ``interview_parser`` in ``mapInArrow``
and writes the ``publish`` layout to OUT_DIR, replacing what was there: ``data/exchanges/``
and ``data/transcripts/`` (the declared schemas, our metadata), the card, the manifest;
pages that could not be parsed go to ``OUT_DIR/errors/`` (uri and error, JSON lines).
``interview-parser validate OUT_DIR`` checks the result.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from pyspark.sql import SparkSession

from interview_parser.spark import publish_dataframe


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages")
    ap.add_argument("out")
    ap.add_argument("--master", default=None, help="e.g. local[2]; omit under spark-submit")
    ap.add_argument("--glob", default="*.{txt,html,htm,md}")
    ap.add_argument("--partitions", type=int, default=None)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    builder = SparkSession.builder.appName("interview_parser")
    if args.master:
        builder = builder.master(args.master)
    if (args.master or "").startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        # Local workers run this interpreter, which has interview_parser; the "python3" Spark
        # would start from PATH may not (a virtual environment that is not activated).
        # PySpark reads the variable when the session starts, not the spark.pyspark.python conf.
        os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "256").getOrCreate()
    t_start = time.perf_counter() - t0

    t1 = time.perf_counter()
    pages = (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", args.glob)
        .option("recursiveFileLookup", "true")
        .load(args.pages)
    )
    if args.partitions:
        pages = pages.repartition(args.partitions)
    counts = publish_dataframe(pages, args.out, root=str(Path(args.pages).absolute()))
    t_work = time.perf_counter() - t1
    print(
        f"spark start-up {t_start:.1f}s, work {t_work:.1f}s: {counts['documents']} documents, "
        f"{counts['exchanges']} exchanges, {counts['without_exchanges']} without, {counts['failures']} failed"
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
