"""The Spark job in local[2] mode gives the same rows as ``convert --table exchanges``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark", reason="the 'spark' extra is not installed")

import pyarrow.parquet as pq  # noqa: E402

from interview_parser.cli import main  # noqa: E402

from .helpers import FIXTURES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    pages = tmp_path_factory.mktemp("pages")
    for p in sorted(FIXTURES.glob("*/input.*")):
        (pages / f"{p.parent.name}{p.suffix}").write_bytes(p.read_bytes())
    (pages / "corrupt.html").write_bytes(b"\x00\x01\x02\x03 binary junk")
    out = tmp_path_factory.mktemp("spark") / "out"
    # No PYSPARK_PYTHON: the example must start local workers on its own interpreter, as it
    # does for a user whose virtual environment is not activated.
    env = {k: v for k, v in os.environ.items() if k != "PYSPARK_PYTHON"}
    env["SPARK_LOCAL_IP"] = "127.0.0.1"
    # ... and no virtual environment on PATH whose python3 Spark could pick up instead.
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(d for d in env.get("PATH", "").split(os.pathsep) if d != venv_bin)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "spark_job.py"),
            str(pages),
            str(out),
            "--master",
            "local[2]",
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=600,
    )
    return pages, out


def test_spark_rows_equal_convert(spark_run: tuple[Path, Path], tmp_path: Path) -> None:
    folder, spark_out = spark_run
    pages = sorted(p for p in folder.iterdir() if p.name != "corrupt.html")
    expected_path = tmp_path / "e.jsonl"
    assert (
        main(
            ["convert", *map(str, pages), "-o", str(expected_path), "--table", "exchanges", "--absolute-uris"]
        )
        == 0
    )
    expected = [json.loads(x) for x in expected_path.read_text(encoding="utf-8").splitlines()]
    shards = sorted((spark_out / "data").glob("exchanges-*-of-*.parquet"))
    assert shards
    got = [row for shard in shards for row in pq.read_table(shard).to_pylist()]
    for row in got:
        row["published"] = row["published"].isoformat() if row["published"] else None
        row["uri"] = row["uri"].removeprefix("file:")
    for row in expected:
        row["uri"] = str(Path(row["uri"]).resolve())

    by_key = {(str(r["uri"]), r["exchange_index"]): r for r in got}
    assert len(by_key) == len(got) == len(expected)
    for row in expected:
        assert by_key[(row["uri"], row["exchange_index"])] == row


def test_spark_reports_the_corrupt_page(spark_run: tuple[Path, Path]) -> None:
    _, spark_out = spark_run
    errors = [
        json.loads(x) for f in (spark_out / "errors").glob("*.json") for x in f.read_text().splitlines()
    ]
    assert [(Path(e["uri"]).name, e["error"].split(":")[0]) for e in errors] == [
        ("corrupt.html", "BinaryInputError")
    ]
