"""Spark local[2] against one process, on N generated pages (default 20,000).

Run: ``python benchmarks/spark_bench.py [N]`` (needs the ``spark`` extra and Java). Prints
documents/s for both and the Spark job's wall time split into start-up and work.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from interview_parser import parse
from interview_parser.render import corpus

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        written = 0
        for chunk in range(0, n, 1000):
            for page in corpus(chunk, min(1000, n - chunk), fmt="text", exchanges=(4, 12)):
                assert isinstance(page.content, str)
                (pages / f"{written:06d}.txt").write_text(page.content, encoding="utf-8")
                written += 1
        files = sorted(pages.iterdir())

        t0 = time.perf_counter()
        for f in files:
            parse(f.read_bytes(), uri=str(f))
        single = time.perf_counter() - t0
        print(f"single process: {n / single:,.0f} documents/s ({single:.1f} s)")

        t0 = time.perf_counter()
        out = subprocess.run(
            [
                sys.executable,
                str(ROOT / "examples" / "spark_job.py"),
                str(pages),
                str(Path(tmp) / "out"),
                "--master",
                "local[2]",
                "--partitions",
                "8",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - t0
        summary = [line for line in out.stdout.splitlines() if line.startswith("spark ")]
        print(f"spark local[2]: {n / wall:,.0f} documents/s over the whole job ({wall:.1f} s wall)")
        print("  " + (summary[-1] if summary else "(no summary line)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
