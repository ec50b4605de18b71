"""The command line as people meet it: help, the summary, and a terminal session (pty)."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interview_parser.cli import main

from .helpers import FIXTURES

GOOD = FIXTURES / "text-q-colon-photo" / "input.txt"
NEWS = next((FIXTURES / "negatives" / "news-quotes").glob("input.*"))


@pytest.mark.parametrize("command", ["parse", "convert", "publish", "validate", "export", "schema"])
def test_every_subcommand_has_help_with_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    flat = " ".join(text.split())
    assert "examples:\n" in text and f"interview-parser {command}" in text.split("examples:")[1]
    if command in ("parse", "convert", "publish"):
        assert "(default: auto)" in flat and "(default: 33,554,432)" in flat
        assert "(default: None)" not in flat and "(default: False)" not in flat


def test_top_level_help_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "``" not in text and "examples:" in text and "out of scope" in text


def test_the_summary_counts_pages_without_exchanges_and_failures_by_class(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    missing = tmp_path / "gone.txt"
    assert (
        main(["convert", str(GOOD), str(NEWS), str(empty), str(missing), "-o", str(tmp_path / "o.jsonl")])
        == 1
    )
    err = capsys.readouterr().err
    assert re.search(
        r"wrote 2 transcript\(s\) to .*o\.jsonl; 1 without exchanges; 2 failed "
        r"\(EmptyInputError 1, ReadError 1\); \d+\.\d s",
        err,
    ), err


def test_quiet_prints_errors_but_no_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["convert", "-q", str(GOOD), str(empty), "-o", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "EmptyInputError" in err and "wrote" not in err


def test_stages_and_the_interview_threshold_are_options(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["convert", str(GOOD), "-o", str(out), "--disable-stage", "captions"]) == 0
    with_captions = tmp_path / "with.jsonl"
    assert main(["convert", str(GOOD), "-o", str(with_captions)]) == 0
    assert json.loads(with_captions.read_text(encoding="utf-8"))["captions"]
    assert json.loads(out.read_text(encoding="utf-8"))["captions"] == []
    with pytest.raises(SystemExit) as exit_:
        main(["convert", str(GOOD), "-o", str(out), "--disable-stage", "nonsense"])
    assert exit_.value.code == 2


def _session(args: list[str], *, interrupt_after: str | None = None, timeout: float = 60) -> tuple[int, str]:
    """Run the CLI on a pseudo-terminal; optionally press Ctrl-C once ``interrupt_after`` shows."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "interview_parser.cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
        # A shell's background jobs ignore SIGINT, and children inherit that: restore it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + timeout
    interrupted = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if interrupt_after and not interrupted and interrupt_after.encode() in seen:
            os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
            interrupted = True
        if proc.poll() is not None and not ready:
            break
    proc.wait(timeout=10)
    os.close(leader)
    return proc.returncode, seen.decode("utf-8", "replace")


def _folder(tmp_path: Path, good: int, bad: int) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    page = GOOD.read_text(encoding="utf-8")
    for n in range(good):
        (folder / f"page-{n:04d}.txt").write_text(page, encoding="utf-8")
    for n in range(bad):
        (folder / f"page-{n:04d}-empty.txt").write_text("", encoding="utf-8")
    return folder


def test_a_terminal_shows_progress_with_error_lines_above_it_and_a_summary(tmp_path: Path) -> None:
    folder = _folder(tmp_path, good=60, bad=3)
    code, screen = _session(["convert", str(folder), "-o", str(tmp_path / "out.jsonl")])
    assert code == 1, screen
    assert re.search(r"interview-parser:\s+\d+%\|.*\| \d+/63 \[.*doc/s", screen), screen  # tqdm's bar
    assert "failed=" in screen
    lines = screen.replace("\r\n", "\n").split("\n")
    errors = [line for line in lines if "EmptyInputError:" in line]
    assert len(errors) == 3
    for line in errors:  # each error on a line of its own, not glued to the bar
        assert line.rstrip("\r").split("\r")[-1].startswith("interview-parser: "), line
        assert "%|" not in line.split("\r")[-1]
    assert "wrote 60 transcript(s)" in screen and "3 failed (EmptyInputError 3)" in screen
    assert (tmp_path / "out.jsonl").exists()


def test_ctrl_c_stops_cleanly_and_leaves_no_output(tmp_path: Path) -> None:
    folder = _folder(tmp_path, good=1500, bad=0)
    out = tmp_path / "out.jsonl"
    code, screen = _session(["convert", str(folder), "-o", str(out)], interrupt_after="doc/s")
    assert code == 130, screen
    assert "interrupted; outputs left as they were" in screen
    assert "Traceback" not in screen and "KeyboardInterrupt" not in screen
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
