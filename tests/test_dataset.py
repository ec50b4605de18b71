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

from interview_parser import SCHEMA_VERSION
from interview_parser.cli import main
from interview_parser.export.schema import EXCHANGES

from .helpers import FIXTURES


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pub") / "ds"
    assert main(["publish", str(FIXTURES), "--dataset", str(folder), "--shard-size", "5"]) == 0
    return folder


def _counts(dataset: Path) -> dict[str, int]:
    counts: dict[str, int] = json.loads((dataset / "manifest.json").read_text())["counts"]
    return counts


def test_layout_is_one_folder_per_table(dataset: Path) -> None:
    names = sorted(p.relative_to(dataset).as_posix() for p in dataset.rglob("*") if p.is_file())
    n = len(list(FIXTURES.glob("**/input.*")))
    shards = -(-n // 5)
    assert f"data/transcripts/train-00000-of-{shards:05d}.parquet" in names
    assert f"data/exchanges/train-{shards - 1:05d}-of-{shards:05d}.parquet" in names
    assert {p.split("/")[1] for p in names if p.startswith("data/")} == {"exchanges", "transcripts"}
    assert {"README.md", "manifest.json", f"transcript-{SCHEMA_VERSION}.schema.json"} <= set(names)
    assert f"num_examples: {n}" in (dataset / "README.md").read_text(encoding="utf-8")


def test_the_card_carries_what_the_hub_shows(dataset: Path) -> None:
    card = (dataset / "README.md").read_text(encoding="utf-8")
    header = card.split("---\n")[1]
    for key in ("license:", "pretty_name:", "language:", "task_categories:", "size_categories:", "tags:"):
        assert f"\n{key}" in "\n" + header, key
    assert "- de" in header and "- en" in header  # the fixtures' own languages
    assert "path: data/exchanges/*.parquet" in header
    body = card.split("---\n", 2)[2]
    assert "load_dataset(" in body and "## Provenance" in body and "interview_parser" in body
    for field in EXCHANGES.names:  # every flat field described
        assert f"| `{field}` |" in body, field


def test_duckdb_reads_the_exchanges(dataset: Path) -> None:
    got = duckdb.connect().execute(f"SELECT count(*) FROM '{dataset}/data/exchanges/*.parquet'").fetchall()
    assert got == [(_counts(dataset)["exchanges"],)]


def test_folder_readers_see_one_table_each(dataset: Path) -> None:
    import pandas as pd

    pl = pytest.importorskip("polars")
    counts = _counts(dataset)
    exchanges = ds.dataset(dataset / "data" / "exchanges", format="parquet").to_table()
    assert (
        exchanges.num_rows == counts["exchanges"]
        and exchanges.schema.field("exchange_index").nullable is False
    )
    transcripts = ds.dataset(dataset / "data" / "transcripts", format="parquet").to_table(columns=["doc_id"])
    assert transcripts.num_rows == counts["documents"]
    assert len(pd.read_parquet(dataset / "data" / "exchanges")) == counts["exchanges"]
    assert (
        pl.scan_parquet(dataset / "data" / "exchanges" / "").select(pl.len()).collect().item()
        == counts["exchanges"]
    )
    frame = pl.read_parquet(dataset / "data" / "exchanges" / "*.parquet")
    assert {"doc_id", "question", "answer", "question_drafts", "answer_speaker_role"} <= set(frame.columns)


def test_validate_accepts_then_catches_tampering(dataset: Path, tmp_path: Path) -> None:
    assert main(["validate", str(dataset)]) == 0
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(dataset), str(copy)], check=True)
    # What users and the Hub add beside the data is theirs: a licence line, .gitattributes.
    card = (copy / "README.md").read_text(encoding="utf-8")
    (copy / "README.md").write_text(card.replace("license: other", "license: cc-by-4.0"), encoding="utf-8")
    (copy / ".gitattributes").write_text("*.parquet filter=lfs diff=lfs merge=lfs -text\n")
    assert main(["validate", str(copy)]) == 0
    shard = next((copy / "data" / "exchanges").glob("*.parquet"))
    shard.write_bytes(shard.read_bytes()[:-10] + b"0123456789")
    assert main(["validate", str(copy)]) == 1
    shard.unlink()
    (copy / "data" / "exchanges" / "extra.parquet").write_bytes(b"")
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


def test_hugging_face_datasets_loads_both_configs_and_a_table_folder(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Offline, and with its cache in the test's folder: the card alone must say how to load.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    datasets = pytest.importorskip("datasets")
    counts = _counts(dataset)
    cache = str(tmp_path / "cache")
    exchanges = datasets.load_dataset(str(dataset), "exchanges", cache_dir=cache)
    transcripts = datasets.load_dataset(str(dataset), "transcripts", cache_dir=cache)
    assert exchanges["train"].num_rows == counts["exchanges"]
    assert transcripts["train"].num_rows == counts["documents"]
    first = transcripts["train"][0]
    assert first["schema_version"] == SCHEMA_VERSION
    assert isinstance(first["exchanges"], list)
    assert set(first["exchanges"][0]["question"]) >= {"text", "speaker", "drafts"}
    folder = datasets.load_dataset("parquet", data_dir=str(dataset / "data" / "exchanges"), cache_dir=cache)
    assert folder["train"].num_rows == counts["exchanges"]
