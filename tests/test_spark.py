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
    for p in [*sorted(FIXTURES.glob("*/input.*")), *sorted(FIXTURES.glob("negatives/*/input.*"))[:3]]:
        (pages / f"{p.parent.name}{p.suffix}").write_bytes(p.read_bytes())
    (pages / "corrupt.html").write_bytes(b"\x00\x01\x02\x03 binary junk")
    out = tmp_path_factory.mktemp("spark") / "out"
    _job(pages, out)
    return pages, out


def _job(pages: Path, out: Path) -> subprocess.CompletedProcess[str]:
    # No PYSPARK_PYTHON: the example must start local workers on its own interpreter, as it
    # does for a user whose virtual environment is not activated.
    env = {k: v for k, v in os.environ.items() if k != "PYSPARK_PYTHON"}
    env["SPARK_LOCAL_IP"] = "127.0.0.1"
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(d for d in env.get("PATH", "").split(os.pathsep) if d != venv_bin)
    command = [
        sys.executable,
        str(ROOT / "examples" / "spark_job.py"),
        str(pages),
        str(out),
        "--master",
        "local[2]",
    ]
    return subprocess.run(command, check=True, env=env, capture_output=True, text=True, timeout=600)


def test_spark_rows_equal_convert(spark_run: tuple[Path, Path], tmp_path: Path) -> None:
    folder, spark_out = spark_run
    pages = sorted(p for p in folder.iterdir() if p.name != "corrupt.html")
    expected_path = tmp_path / "e.jsonl"
    # The same uri form as the command line given the folder: relative to it.
    assert main(["convert", str(folder), "-o", str(expected_path), "--table", "exchanges", "-q"]) == 1
    expected = [json.loads(x) for x in expected_path.read_text(encoding="utf-8").splitlines()]
    shards = sorted((spark_out / "data" / "exchanges").glob("train-*-of-*.parquet"))
    assert shards
    got = [row for shard in shards for row in pq.read_table(shard).to_pylist()]
    for row in got:
        row["published"] = row["published"].isoformat() if row["published"] else None
    by_key = {(str(r["uri"]), r["exchange_index"]): r for r in got}
    assert len(by_key) == len(got) == len(expected)
    for row in expected:
        assert by_key[(row["uri"], row["exchange_index"])] == row
    assert len(pages) > len({r["uri"] for r in expected})  # pages without exchanges exist


def test_spark_writes_the_publish_layout(spark_run: tuple[Path, Path]) -> None:
    from interview_parser import read_dataset, validate
    from interview_parser.export.parquet import file_metadata
    from interview_parser.export.schema import EXCHANGES, TRANSCRIPTS

    folder, spark_out = spark_run
    assert validate(spark_out) == []
    for table, schema in (("exchanges", EXCHANGES), ("transcripts", TRANSCRIPTS)):
        shard = next((spark_out / "data" / table).glob("*.parquet"))
        assert pq.read_schema(shard).remove_metadata().equals(schema)  # declared nullability
        assert file_metadata(shard)["table"] == table
    counts = json.loads((spark_out / "manifest.json").read_text())["counts"]
    documents = list(read_dataset(spark_out))
    # Every page that parses is a document, with or without exchanges; the corrupt one failed.
    assert counts["documents"] == len(documents) == len(list(folder.iterdir())) - 1
    assert counts["failures"] == 1 and counts["without_exchanges"] > 0
    assert "## Provenance" in (spark_out / "README.md").read_text(encoding="utf-8")


def test_a_second_run_replaces_the_first(spark_run: tuple[Path, Path]) -> None:
    folder, spark_out = spark_run
    before = json.loads((spark_out / "manifest.json").read_text())
    _job(folder, spark_out)
    after = json.loads((spark_out / "manifest.json").read_text())
    assert after["counts"] == before["counts"]  # no double counting from old shards
    assert sorted(after["files"]) == sorted(
        p.relative_to(spark_out).as_posix() for p in (spark_out / "data").rglob("*.parquet")
    ) + sorted(k for k in after["files"] if not k.startswith("data/"))


def test_spark_reports_the_corrupt_page(spark_run: tuple[Path, Path]) -> None:
    _, spark_out = spark_run
    errors = [
        json.loads(x) for f in (spark_out / "errors").glob("*.json") for x in f.read_text().splitlines()
    ]
    assert [(Path(e["uri"]).name, e["error"].split(":")[0]) for e in errors] == [
        ("corrupt.html", "BinaryInputError")
    ]
