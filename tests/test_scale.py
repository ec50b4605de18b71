"""Ray Data and Dask give the command line's rows: every exchange, same columns and uris,
plus one row for each document without exchanges and for each that fails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interview_parser.cli import main

from .helpers import FIXTURES

PAGES = sorted(FIXTURES.glob("*/input.*"))[:30] + sorted((FIXTURES / "negatives").glob("*/input.*"))[:4]


def _expected(tmp_path: Path) -> list[dict[str, Any]]:
    out = tmp_path / "e.jsonl"
    assert main(["convert", *map(str, PAGES), "-o", str(out), "--table", "exchanges", "-q"]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _check(rows: list[dict[str, Any]], expected: list[dict[str, Any]], broken: str) -> None:
    by_status: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_status.setdefault(row.pop("status"), []).append(row)
    ok = by_status["ok"]
    for row in ok:
        assert row.pop("error") is None
        row["published"] = row["published"].isoformat() if row["published"] else None
    key = lambda r: (r["uri"], r["exchange_index"])  # noqa: E731
    assert sorted(ok, key=key) == sorted(expected, key=key)
    documents = {r["uri"] for r in rows}
    assert len(documents) == len(PAGES) + 1  # every document counts, the broken one too
    assert len(by_status["empty"]) == len(PAGES) - len({r["uri"] for r in expected})
    assert [r["uri"] for r in by_status["error"]] == [broken]


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(FIXTURES.parent)  # uris are relative to the working folder, as in the CLI
    path = tmp_path / "broken.html"
    path.write_bytes(b"\x00\x01\x02\x03 not a page" * 50)
    return path


def test_dask_rows_equal_convert(tmp_path: Path, broken: Path) -> None:
    pytest.importorskip("dask.bag")
    from interview_parser.scale import dask_bag

    bag = dask_bag([*PAGES, broken], files_per_partition=8)
    assert bag.npartitions == 5
    rows = bag.compute(scheduler="processes", num_workers=2)
    _check(rows, _expected(tmp_path), "broken.html")


def test_ray_rows_equal_convert(tmp_path: Path, broken: Path) -> None:
    ray = pytest.importorskip("ray")
    from interview_parser.scale import ray_dataset

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        rows = ray_dataset([*PAGES, broken]).take_all()
    finally:
        ray.shutdown()
    _check(rows, _expected(tmp_path), "broken.html")
