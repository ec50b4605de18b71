"""Published datasets load without our code, and validate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from interview_parser.cli import main

from .helpers import FIXTURES


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pub") / "ds"
    assert main(["publish", str(FIXTURES), "--dataset", str(folder), "--shard-size", "5"]) == 0
    return folder


def test_layout(dataset: Path) -> None:
    names = sorted(p.relative_to(dataset).as_posix() for p in dataset.rglob("*") if p.is_file())
    n = len(list(FIXTURES.glob("**/input.*")))
    shards = -(-n // 5)
    assert f"data/transcripts-00000-of-{shards:05d}.parquet" in names
    assert f"data/exchanges-{shards - 1:05d}-of-{shards:05d}.parquet" in names
    assert {"README.md", "manifest.json", "transcript-1.0.0.schema.json"} <= set(names)
    card = (dataset / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\nconfigs:\n- config_name: exchanges\n")
    assert f"num_examples: {n}" in card


def test_duckdb_reads_the_exchanges(dataset: Path) -> None:
    n_exchanges = json.loads((dataset / "manifest.json").read_text())["counts"]["exchanges"]
    got = duckdb.connect().execute(f"SELECT count(*) FROM '{dataset}/data/exchanges-*.parquet'").fetchall()
    assert got == [(n_exchanges,)]


def test_pyarrow_dataset_reads_the_transcripts(dataset: Path) -> None:
    table = ds.dataset(dataset / "data", format="parquet").to_table(filter=None, columns=["doc_id", "title"])
    assert table.num_rows > 0


def test_validate_accepts_then_catches_tampering(dataset: Path, tmp_path: Path) -> None:
    assert main(["validate", str(dataset)]) == 0
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(dataset), str(copy)], check=True)
    with (copy / "README.md").open("a", encoding="utf-8") as fh:
        fh.write("tampered\n")
    assert main(["validate", str(copy)]) == 1


def test_validate_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["convert", str(FIXTURES), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    bad = tmp_path / "bad.jsonl"
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    record["exchanges"] = "nope"
    bad.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1


def test_jobs_keep_input_order_and_bytes(tmp_path: Path) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert main(["convert", str(FIXTURES), "-o", str(one)]) == 0
    assert main(["convert", str(FIXTURES), "-o", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_sigkill_midway_leaves_no_partial_output(tmp_path: Path) -> None:
    """A convert killed with SIGKILL leaves nothing under the output name."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    page = (FIXTURES / "text-q-dot-drafts" / "input.txt").read_text(encoding="utf-8")
    for i in range(3000):
        (inputs / f"{i:05d}.txt").write_text(page + f"\nQ. Extra {i}?\n\nA. Yes, number {i}.\n")
    out = tmp_path / "out.parquet"
    proc = subprocess.Popen(
        [sys.executable, "-m", "interview_parser.cli", "convert", str(inputs), "-o", str(out)],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".out.parquet.*.partial")):
        time.sleep(0.02)
    assert list(tmp_path.glob(".out.parquet.*.partial")), "the writer never started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    # Only the hidden temporary file is left, under a name no reader mistakes for output.
    assert [p.name.startswith(".out.parquet.") for p in tmp_path.iterdir() if p.is_file()] == [True]


def test_polars_reads_the_exchanges(dataset: Path) -> None:
    pl = pytest.importorskip("polars")
    n_exchanges = json.loads((dataset / "manifest.json").read_text())["counts"]["exchanges"]
    frame = pl.read_parquet(dataset / "data" / "exchanges-*.parquet")
    assert frame.height == n_exchanges
    assert {"doc_id", "question", "answer", "question_drafts"} <= set(frame.columns)


def test_hugging_face_datasets_loads_both_configs_from_the_card(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Offline, and with its cache in the test's folder: the card alone must say how to load.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    datasets = pytest.importorskip("datasets")
    counts = json.loads((dataset / "manifest.json").read_text())["counts"]
    exchanges = datasets.load_dataset(str(dataset), "exchanges", cache_dir=str(tmp_path / "cache"))
    transcripts = datasets.load_dataset(str(dataset), "transcripts", cache_dir=str(tmp_path / "cache"))
    assert exchanges["train"].num_rows == counts["exchanges"]
    assert transcripts["train"].num_rows == counts["documents"]
    first = transcripts["train"][0]
    assert first["schema_version"] == "1.0.0"
    assert isinstance(first["exchanges"], list)
    assert set(first["exchanges"][0]["question"]) >= {"text", "speaker", "drafts"}
