"""Crash safety: SIGKILL ``convert`` and ``publish`` at random moments, then check.

Run: ``python benchmarks/kill.py --rounds 20 --seed 7``. Each round starts a run over a
folder of pages, kills it after a random delay, and checks that the output name holds
either nothing or a complete, valid output; at the end a fresh ``convert`` of the parent
folder (where the killed runs' hidden temporary files and folders lie) must read exactly
the real inputs. Prints what it found; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from interview_parser.dataset import validate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _command(kind: str, inputs: Path, out: Path) -> list[str]:
    base = [sys.executable, "-m", "interview_parser.cli"]
    if kind == "publish":
        return [*base, "publish", str(inputs), "--dataset", str(out), "--shard-size", "200"]
    return [*base, "convert", str(inputs), "-o", str(out)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=20, help="kills per kind of run")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docs", type=int, default=1500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="ip-kill-"))
    inputs = work / "in"
    inputs.mkdir()
    page = (FIXTURES / "text-q-dot-drafts" / "input.txt").read_text(encoding="utf-8")
    for i in range(args.docs):
        (inputs / f"{i:05d}.txt").write_text(page + f"\nQ. Extra {i}?\n\nA. Yes, number {i}.\n")
    # Time one full run of each kind, to draw kill moments across the whole run.
    full: dict[str, float] = {}
    for kind, name in (("jsonl", "t.jsonl"), ("parquet", "t.parquet"), ("publish", "t-ds")):
        start = time.perf_counter()
        subprocess.run(_command(kind, inputs, work / name), stderr=subprocess.DEVNULL, check=True)
        full[kind] = time.perf_counter() - start
        shutil.rmtree(work / name) if kind == "publish" else (work / name).unlink()
    findings = {"killed jsonl": 0, "killed parquet": 0, "killed publish": 0, "finished first": 0,
                "partial or invalid outputs": 0}  # fmt: skip
    for kind in ("jsonl", "parquet", "publish"):
        for r in range(args.rounds):
            out = work / (f"ds{r}" if kind == "publish" else f"out{r}.{kind}")
            proc = subprocess.Popen(_command(kind, inputs, out), stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, full[kind] * 1.1))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                findings[f"killed {kind}"] += 1
            else:
                findings["finished first"] += 1
            proc.wait()
            if not out.exists():
                continue
            complete = not validate(out)
            if kind == "jsonl":
                complete = complete and len(out.read_text(encoding="utf-8").splitlines()) == args.docs
            if kind == "publish":
                counts = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]
                complete = complete and counts["documents"] == args.docs
            if not complete:
                findings["partial or invalid outputs"] += 1
                print(f"{kind} round {r}: {out} is partial or invalid")
    strays = [p.name for p in work.iterdir() if p.name.startswith(".")]
    later = work / "later.jsonl"
    subprocess.run(
        [sys.executable, "-m", "interview_parser.cli", "convert", str(work), "-o", str(later)],
        stderr=subprocess.DEVNULL,
        check=False,
    )
    uris = [json.loads(line)["source"]["uri"] for line in later.read_text(encoding="utf-8").splitlines()]
    from_strays = sum(
        1 for u in uris if any(part.startswith(".") for part in Path(u).relative_to(work).parts)
    )
    from_inputs = sum(1 for u in uris if Path(u).parent == inputs)
    print(
        f"kill: {args.rounds} rounds each of convert (JSONL), convert (Parquet) and publish, seed {args.seed}"
    )
    for key, n in findings.items():
        print(f"  {key}: {n}")
    print(f"  hidden temporary files and folders left by killed runs: {len(strays)}")
    print(
        f"  a later convert of the parent folder read {len(uris)} documents: {from_inputs} of the "
        f"{args.docs} inputs, {from_strays} from temporary files, {len(uris) - from_inputs - from_strays} "
        "other (the cards of datasets that finished)"
    )
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
