"""A long fuzz run: damaged fixtures and broken markup, counted, never asserted.

Run: ``python benchmarks/fuzz.py --docs 50000 --seed 13``. Draws, from one seeded
``random.Random``, a mix of mutated text fixtures, mutated HTML fixtures and generated
broken pages (``interview_parser.fuzz``), parses each and reports: untyped exceptions
(anything not an ``InterviewParserError``), documents over 2 s, text inputs with lost
lines, generated pages with lost visible text, and outputs that cannot be written.
Any finding is printed with the document's index and kind, to pin as a fixture.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path

from interview_parser import InterviewParserError, parse
from interview_parser.fuzz import hostile_page, mutate, unaccounted, unclaimed_lines
from interview_parser.jsonl import dumps

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SLOW = 2.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    inputs = sorted(FIXTURES.glob("**/input.*"))
    texts = [p.read_bytes() for p in inputs if p.suffix == ".txt"]
    pages = [p.read_bytes() for p in inputs if p.suffix == ".html"]
    donors = texts + pages
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    slowest = 0.0
    started = time.perf_counter()
    for i in range(args.docs):
        roll = rng.random()
        markers: tuple[str, ...] = ()
        if roll < 0.4:
            kind, data = "text", mutate(rng.choice(texts), rng, donors)
        elif roll < 0.7:
            kind, data = "html", mutate(rng.choice(pages), rng, donors)
        else:
            page = hostile_page(rng, size=rng.randint(5, 120))
            kind, data, markers = "generated", page.markup.encode("utf-8"), page.markers
        counts[kind] += 1
        t0 = time.perf_counter()
        try:
            t = parse(data)
            dumps(t).encode("utf-8")
        except InterviewParserError as exc:
            counts[f"typed {type(exc).__name__}"] += 1
            continue
        except Exception as exc:
            counts["untyped exceptions"] += 1
            print(f"#{i} {kind}: untyped {type(exc).__name__}: {exc}")
            continue
        finally:
            elapsed = time.perf_counter() - t0
            slowest = max(slowest, elapsed)
            if elapsed > SLOW:
                counts["documents over 2 s"] += 1
                print(f"#{i} {kind}: {elapsed:.2f} s")
        if kind == "text" and t.source.format == "text" and unclaimed_lines(data, t):
            counts["text inputs with lost lines"] += 1
            print(f"#{i} text: lost lines {unclaimed_lines(data, t)[:5]}")
        if markers and unaccounted(t, markers):
            counts["generated pages with lost text"] += 1
            print(f"#{i} generated: lost {unaccounted(t, markers)[:5]}")
    total = time.perf_counter() - started
    print(f"fuzz: {args.docs} documents, seed {args.seed}, {total:.0f} s, slowest {slowest * 1000:.0f} ms")
    for key in ("text", "html", "generated"):
        print(f"  {key} documents: {counts[key]}")
    for key in ("untyped exceptions", "documents over 2 s", "text inputs with lost lines",
                "generated pages with lost text"):  # fmt: skip
        print(f"  {key}: {counts[key]}")
    for key, n in sorted(counts.items()):
        if key.startswith("typed "):
            print(f"  {key}: {n}")


if __name__ == "__main__":
    main()
