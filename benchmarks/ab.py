"""A/B: this tree's parser against another revision's, side by side in one process.

Run: ``python benchmarks/ab.py --rev 8d1d89f --pages DIR`` (``--rev`` any git revision;
``--pages`` a folder of pages, or the generated corpus by default). The other revision's
package is exported with ``git archive`` into a temporary folder and imported under another
name, so both parse the same pages in the same process, round after round, their order
alternating: a busy or drifting machine slows both alike, and the ratio of the two times
is far steadier than either figure (on the shared 2-core machine, single figures moved by
30% between runs while the ratio moved by under 10%). Prints each side's best throughput
and the median and spread of the per-round ratios. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import interview_parser

_BASELINE = "ip_baseline"
_ROOT = Path(__file__).resolve().parent.parent


def baseline_package(rev: str, into: Path) -> ModuleType:
    """The parser package of ``rev``, importable as ``ip_baseline`` (its imports between
    modules are relative, so it runs entirely on its own code)."""
    archive = subprocess.run(
        ["git", "-C", str(_ROOT), "archive", rev, "src/interview_parser"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "src" / "interview_parser").rename(into / _BASELINE)
    sys.path.insert(0, str(into))
    return importlib.import_module(_BASELINE)


def _pages(folder: Path | None) -> list[bytes]:
    if folder is not None:
        return [p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()]
    sys.path.insert(0, str(_ROOT / "benchmarks"))
    from bench import html_corpus, text_corpus

    return [p.encode() for p in [*text_corpus(1, 100), *html_corpus(2, 40)]]


def _timed(parse: Callable[[bytes], object], pages: list[bytes]) -> float:
    gc.collect()
    start = time.perf_counter()
    for page in pages:
        parse(page)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", required=True, help="the git revision to measure against (the baseline)")
    ap.add_argument("--pages", type=Path, help="a folder of pages (default: the generated corpus)")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    args = ap.parse_args()
    pages = _pages(args.pages)
    mb = sum(map(len, pages)) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline_package(args.rev, Path(tmp))
        for module in (base, interview_parser):  # warm both: imports, compiled patterns, caches
            _timed(module.parse, pages)
        ours: list[float] = []
        theirs: list[float] = []
        ratios: list[float] = []
        for i in range(args.rounds):
            order = [(base, theirs), (interview_parser, ours)]
            for module, times in order if i % 2 else reversed(order):
                times.append(_timed(module.parse, pages))
            ratios.append(theirs[-1] / ours[-1])
    print(
        f"{len(pages)} pages, {mb:.1f} MB: {args.rev} {mb / min(theirs):.2f} MB/s, this tree "
        f"{mb / min(ours):.2f} MB/s; this tree is {statistics.median(ratios):.2f}x as fast "
        f"(median of {args.rounds} rounds, {min(ratios):.2f}-{max(ratios):.2f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
