"""Batch runs never die, never hang and never destroy: the reliability issue's CLI reproducers."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from interview_parser import batch
from interview_parser.batch import Failure, expand, run
from interview_parser.cli import main
from interview_parser.options import ParseOptions

QA = "Q: Why now?\n\nA: Because the harbour finally has the money for it.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(QA, encoding="utf-8")
    (folder / "b.txt").write_text(QA.replace("harbour", "town"), encoding="utf-8")
    return folder


def test_a_bug_on_one_document_is_its_failure_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    real = batch.parse_file

    def flaky(path: str, *, options: ParseOptions, uri: str | None = None) -> object:
        if path.endswith("a.txt"):
            raise KeyError("boom")
        return real(path, options=options, uri=uri)

    monkeypatch.setattr(batch, "parse_file", flaky)
    failed: list[Failure] = []
    got = list(run(expand([str(folder)]), ParseOptions(), on_failure=failed.append))
    assert len(got) == 1
    assert [(f.error, f.original) for f in failed] == [("InternalError", "KeyError")]
    assert "boom" in failed[0].message


def test_a_serialiser_bug_is_a_failure_too(tmp_path: Path) -> None:
    def broken(t: object) -> str:
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    failed: list[Failure] = []
    assert (
        list(
            run(expand([str(_folder(tmp_path))]), ParseOptions(), on_failure=failed.append, transform=broken)
        )
        == []
    )
    assert {f.original for f in failed} == {"UnicodeEncodeError"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_slow_document_is_cut_at_its_time_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    folder = _folder(tmp_path)
    real = batch.parse_file

    def slow(path: str, *, options: ParseOptions, uri: str | None = None) -> object:
        if path.endswith("a.txt"):
            while True:  # a stuck document
                time.sleep(0.01)
        return real(path, options=options, uri=uri)

    monkeypatch.setattr(batch, "parse_file", slow)
    failed: list[Failure] = []
    got = list(run(expand([str(folder)]), ParseOptions(), jobs=jobs, on_failure=failed.append, timeout=0.3))
    assert len(got) == 1
    assert [f.error for f in failed] == ["ParseTimeoutError"]


def test_an_undecodable_file_name_is_converted_and_reported(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    Path(os.fsdecode(os.fsencode(folder) + b"/m\xfcller.txt")).write_bytes(QA.encode())
    Path(os.fsdecode(os.fsencode(folder) + b"/bin\xfc.txt")).write_bytes(b"\x00\x01\x02")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["convert", str(folder), "-o", str(out), "--errors", str(errors)]) == 1
    uris = [json.loads(line)["source"]["uri"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert any(u.endswith("m\\xfcller.txt") for u in uris)
    (failure,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert failure["error"] == "BinaryInputError" and failure["path"].endswith("bin\\xfc.txt")


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    src = _folder(tmp_path) / "a.jsonl"  # a page saved under an output's suffix
    src.write_text(QA, encoding="utf-8")
    before = src.read_bytes()
    assert main(["convert", str(src), "-o", str(src)]) == 1
    assert src.read_bytes() == before


def test_an_output_that_is_a_symlink_or_device_is_refused(tmp_path: Path) -> None:
    src = _folder(tmp_path) / "a.txt"
    target = tmp_path / "elsewhere.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert main(["convert", str(src), "-o", str(link)]) == 1
    assert link.is_symlink() and not target.exists()
    assert main(["convert", str(src), "-o", "/dev/null"]) != 0
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert main(["convert", str(src), "-o", str(fifo)]) == 1  # not a regular file
    assert Path("/dev/null").is_char_device()


def test_outputs_take_the_umask_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    old = os.umask(0o022)
    try:
        assert main(["convert", str(_folder(tmp_path)), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_stdin_is_read_only_up_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class Endless(io.RawIOBase):
        read_bytes = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            n = len(buffer)
            buffer[:n] = b"a" * n
            Endless.read_bytes += n
            return n

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    failed: list[Failure] = []
    assert list(run(["-"], ParseOptions(max_bytes=10_000), on_failure=failed.append)) == []
    assert [f.error for f in failed] == ["InputTooLargeError"]
    assert Endless.read_bytes < 100_000


def test_fifos_and_devices_are_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    failed: list[Failure] = []
    assert list(run([str(fifo), "/dev/zero"], ParseOptions(), on_failure=failed.append)) == []
    assert [f.error for f in failed] == ["ReadError", "ReadError"]


def test_hidden_temporary_outputs_are_never_read_as_input(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / ".out.jsonl.x1y2.partial").write_text(QA, encoding="utf-8")
    stray = folder / ".ds.abc.partial"
    stray.mkdir()
    (stray / "README.md").write_text(QA, encoding="utf-8")
    assert [Path(p).name for p in expand([str(folder)])] == ["a.txt", "b.txt"]


def test_a_file_name_holding_a_newline_cannot_forge_a_report_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    (folder / "x\ninterview-parser: forged.txt").write_bytes(b"\x00\x01")
    main(["convert", str(folder), "-o", str(tmp_path / "o.jsonl")])
    err = capsys.readouterr().err
    assert not any(line.startswith("interview-parser: forged") for line in err.splitlines())


def test_the_cli_takes_max_bytes(tmp_path: Path) -> None:
    src = _folder(tmp_path) / "a.txt"
    errors = tmp_path / "e.jsonl"
    assert (
        main(
            [
                "convert",
                str(src),
                "-o",
                str(tmp_path / "o.jsonl"),
                "--max-bytes",
                "10",
                "--errors",
                str(errors),
            ]
        )
        == 1
    )
    assert json.loads(errors.read_text(encoding="utf-8"))["error"] == "InputTooLargeError"


def test_jsonl_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(_folder(tmp_path) / "a.txt"), "-o", "-"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["exchanges"][0]["question"]["text"] == "Why now?"
    assert not Path("-").exists()


def _published(tmp_path: Path) -> Path:
    ds = tmp_path / "ds"
    assert main(["publish", str(_folder(tmp_path)), "--dataset", str(ds)]) == 0
    return ds


def test_validate_reports_bad_files_as_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from interview_parser.dataset import validate

    ds = _published(tmp_path)
    shard = next((ds / "data" / "exchanges").glob("*.parquet"))
    truncated = tmp_path / "cut.parquet"
    truncated.write_bytes(shard.read_bytes()[:100])
    not_utf8 = tmp_path / "bad.jsonl"
    not_utf8.write_bytes(b'{"a": "\xff"}\n[1, 2]\n"text"\n')
    for path in (truncated, not_utf8, tmp_path / "missing.jsonl"):
        problems = validate(path)
        assert problems and all("\n" not in p for p in problems)
    assert len(validate(not_utf8)) == 3


def test_validate_never_reads_outside_the_dataset(tmp_path: Path) -> None:
    from interview_parser.dataset import validate

    ds = _published(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read", encoding="utf-8")
    manifest = json.loads((ds / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["../secret.txt"] = "0" * 64
    (ds / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    problems = validate(ds)
    assert any("outside the dataset folder" in p for p in problems)
    assert not any("sha256 differs" in p for p in problems)
    (ds / "manifest.json").write_text("[1, 2", encoding="utf-8")
    assert validate(ds) and all("manifest" in p for p in validate(ds))
    (ds / "manifest.json").write_text('{"files": 5}', encoding="utf-8")
    assert validate(ds)


def test_validate_accepts_the_exchanges_table_as_jsonl(tmp_path: Path) -> None:
    from interview_parser.dataset import validate

    out = tmp_path / "ex.jsonl"
    assert main(["convert", str(_folder(tmp_path)), "-o", str(out), "--table", "exchanges"]) == 0
    assert validate(out) == []
    rows = out.read_text(encoding="utf-8").splitlines()
    broken = json.loads(rows[0])
    del broken["question"]
    out.write_text(json.dumps(broken) + "\n", encoding="utf-8")
    assert validate(out) == [f"{out}:1: missing field 'question'"]


def test_a_full_disk_is_a_typed_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    def full(self: Path, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", full)
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(_folder(tmp_path)), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "OutputError" in err and "No space left" in err
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl.*"))


def test_a_lost_publish_race_is_a_typed_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_parser import OutputError
    from interview_parser.export import dataset as ds_module
    from interview_parser.pipeline import parse

    target = tmp_path / "ds"
    real_write = ds_module._write

    def racing(*args: object, **kwargs: object) -> dict[str, int]:
        counts = real_write(*args, **kwargs)  # type: ignore[arg-type]
        target.mkdir()
        (target / "other.txt").write_text("another run got here first", encoding="utf-8")
        return counts

    monkeypatch.setattr(ds_module, "_write", racing)
    with pytest.raises(OutputError, match="another run"):
        ds_module.publish([parse(QA)], target)
    assert [p.name for p in tmp_path.iterdir()] == ["ds"]


def test_a_dataset_folder_takes_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        ds = _published(tmp_path)
    finally:
        os.umask(old)
    assert ds.stat().st_mode & 0o777 == 0o755


def test_unknown_output_formats_and_folders_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = str(_folder(tmp_path))
    assert main(["convert", src, "-o", str(tmp_path / "out.csv")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["convert", src, "-o", str(tmp_path / "outdir") + "/"]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "outdir").exists()


def test_exchange_rows_are_counted_as_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["convert", str(_folder(tmp_path)), "-o", str(tmp_path / "e.jsonl"), "--table", "exchanges"])
        == 0
    )
    assert "wrote 2 exchange row(s) from 2 document(s)" in capsys.readouterr().err


def test_jobs_must_be_positive_or_auto(tmp_path: Path) -> None:
    src = str(_folder(tmp_path))
    for bad in ("0", "-3"):
        with pytest.raises(SystemExit):
            main(["convert", src, "-o", str(tmp_path / "o.jsonl"), "--jobs", bad])
    assert main(["convert", src, "-o", str(tmp_path / "o.jsonl"), "--jobs", "auto"]) == 0


def test_an_empty_folder_is_an_error_and_a_broken_symlink_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["convert", str(empty), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "found no input files" in capsys.readouterr().err
    folder = _folder(tmp_path)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert main(["convert", str(folder), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "gone.txt: ReadError" in capsys.readouterr().err


def test_options_are_checked_when_made() -> None:
    from interview_parser import InterviewParserError, OptionsError, ParseOptions

    for bad in ({"format": "pdf"}, {"max_bytes": 0}, {"max_html_depth": -1}, {"min_interview_score": 1.5}):
        with pytest.raises(OptionsError) as info:
            ParseOptions(**bad)  # type: ignore[arg-type]
        assert isinstance(info.value, InterviewParserError) and isinstance(info.value, ValueError)


def test_a_closed_pipe_ends_quietly() -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        f"{sys.executable} -m interview_parser.cli schema | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in proc.stderr
