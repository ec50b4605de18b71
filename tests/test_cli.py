"""The command line: parse, convert, bad files in a batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interview_parser.cli import main

from .helpers import FIXTURES

GOOD = FIXTURES / "text-q-colon-photo" / "input.txt"
OTHER = FIXTURES / "text-q-paren" / "input.txt"


def test_parse_prints_one_transcript(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(GOOD)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"].startswith("A baker's dozen")
    assert len(record["exchanges"]) == 3


def test_convert_writes_one_line_per_input_in_order(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(OTHER), str(GOOD), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    uris = [json.loads(line)["source"]["uri"] for line in lines]
    # Named relative to the working folder (the tests run from the project root).
    assert uris == [str(OTHER.relative_to(Path.cwd())), str(GOOD.relative_to(Path.cwd()))]
    first = json.loads(lines[0])
    for key in (
        "schema_version",
        "doc_id",
        "source",
        "title",
        "published",
        "participants",
        "exchanges",
        "captions",
    ):
        assert key in first
    assert set(first["exchanges"][0]["question"]) >= {"text", "speaker", "drafts"}


def test_convert_goes_on_past_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "noise.html"
    binary.write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    code = main(["convert", str(empty), str(GOOD), str(binary), "-o", str(out), "--errors", str(errors)])
    assert code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    err = capsys.readouterr().err
    assert f"{empty}: EmptyInputError:" in err
    assert f"{binary}: BinaryInputError:" in err
    assert [json.loads(x)["error"] for x in errors.read_text().splitlines()] == [
        "EmptyInputError",
        "BinaryInputError",
    ]


def test_fail_fast_leaves_no_output(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(GOOD), str(empty), "-o", str(out), "--fail-fast"]) == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [empty]


def test_convert_recurses_into_folders(tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    assert main(["convert", str(FIXTURES), "-o", str(out)]) == 0
    n_inputs = len(list(FIXTURES.glob("**/input.*")))
    assert len(out.read_text(encoding="utf-8").splitlines()) == n_inputs


def test_same_input_gives_byte_identical_jsonl(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    main(["convert", str(FIXTURES), "-o", str(a)])
    main(["convert", str(FIXTURES), "-o", str(b)])
    assert a.read_bytes() == b.read_bytes()


def test_parse_reports_a_bad_file_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["parse", str(empty)]) == 1
    assert capsys.readouterr().err == (
        f"interview-parser: {empty}: EmptyInputError: expected an interview, found no visible text\n"
    )


def test_input_paths_can_come_from_a_list_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Q: Why {name}?\n\nA: Because of {name}.\n", encoding="utf-8")
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# two pages\n{tmp_path / 'b.txt'}\n\n{tmp_path / 'a.txt'}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["convert", "-i", str(listing), "-o", str(out)]) == 0
    questions = [
        json.loads(line)["exchanges"][0]["question"]["text"] for line in out.read_text().splitlines()
    ]
    assert questions == ["Why b?", "Why a?"]  # in the listed order
    assert main(["convert", "-o", str(out)]) == 2
    assert "expected input paths" in capsys.readouterr().err
    assert main(["convert", "-i", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_optional_extras_say_how_to_install_them(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import importlib
    import sys

    real_import = builtins.__import__

    def without(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("hypothesis", "pyspark"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    monkeypatch.delitem(sys.modules, "interview_parser.strategies", raising=False)
    with pytest.raises(ModuleNotFoundError, match=r"interview-parser\[hypothesis\]"):
        importlib.import_module("interview_parser.strategies")
    from interview_parser.export.spark import spark_schema

    with pytest.raises(ModuleNotFoundError, match=r"interview-parser\[spark\]"):
        spark_schema()


def test_records_name_inputs_relative_to_the_folder_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "crawl" / "pages"
    (pages / "2024").mkdir(parents=True)
    (pages / "2024" / "a.txt").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    out = tmp_path / "o.jsonl"
    assert main(["convert", str(pages), str(OTHER), "-o", str(out)]) == 0
    uris = [json.loads(line)["source"]["uri"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert uris == ["2024/a.txt", "input.txt"]  # no local path leaks into the records
    assert main(["convert", str(pages), "-o", str(out), "--absolute-uris"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["uri"] == str(pages / "2024" / "a.txt")


def test_duplicates_are_warned_and_dedupe_keeps_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(GOOD.read_bytes())
    out = tmp_path / "o.jsonl"
    assert main(["convert", str(GOOD), str(copy), str(OTHER), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "copy.txt has the same content as" in err and "1 duplicate(s)" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert main(["convert", str(GOOD), str(copy), str(OTHER), "-o", str(out), "--dedupe"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["uri"].rsplit("/", 2)[-2] for line in lines] == [
        "text-q-colon-photo",
        "text-q-paren",
    ]


def test_skip_non_interviews_leaves_out_pages_without_exchanges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = next((FIXTURES / "negatives" / "news-quotes").glob("input.*"))
    out = tmp_path / "o.jsonl"
    assert main(["convert", str(GOOD), str(news), "-o", str(out), "--skip-non-interviews"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert "1 without exchanges (1 left out, --skip-non-interviews)" in capsys.readouterr().err
    ds = tmp_path / "ds"
    assert main(["publish", str(GOOD), str(news), "--dataset", str(ds), "--skip-non-interviews"]) == 0
    assert json.loads((ds / "manifest.json").read_text())["counts"]["documents"] == 1


def test_publish_fills_the_card_from_its_options(tmp_path: Path) -> None:
    ds = tmp_path / "ds"
    args = ["publish", str(GOOD), "--dataset", str(ds), "--license", "cc-by-4.0", "--pretty-name", "Bakers"]
    assert main([*args, "--language", "en", "--tag", "food"]) == 0
    card = (ds / "README.md").read_text(encoding="utf-8")
    assert "license: cc-by-4.0\n" in card and 'pretty_name: "Bakers"' in card and "- food" in card
    assert "inputs read: 1, failed: 0" in card
