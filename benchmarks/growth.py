"""Growth exponents: how each path's cost grows with its input, measured, never asserted.

Run: ``python benchmarks/growth.py``. For each path a document is generated at size n and
4n (and 16n); the exponent is log(t(4n) / t(n)) / log(4): 1.0 is linear, 2.0 quadratic.
Times are the best of three runs in this process.
"""

from __future__ import annotations

import argparse
import math
import time
import tracemalloc
from collections.abc import Callable

from interview_parser import parse


def blocks(n: int) -> str:
    pairs = (
        f"Q: How did season {i} go for the club?\n\nA: It went well, and we learned a lot.\n"
        for i in range(n)
    )
    return "An intro about the club and its seasons, written by the editor.\n\n" + "\n".join(pairs)


def speakers(n: int) -> str:
    names = [f"Anna Kowal{_word(i)}" for i in range(n)]
    intro = "On the panel: " + ", ".join(names) + ".\n\n"
    turns = "".join(
        f"{name.split()[-1].upper()}: We spoke about item {i} of the plan today.\n\n"
        for i, name in enumerate(names)
    )
    return intro + "MODERATOR: What do you make of the plan?\n\n" + turns


def intro_names(n: int) -> str:
    intro = " ".join(f"Maria Lund{_word(i)} met Peter Holm{_word(i)} at the harbour." for i in range(n))
    return intro + "\n\nLUND: Why did you come?\n\nHOLM: For the boats, and for the food.\n"


def intro_token(n: int) -> str:
    return "Intro " + "A" * (n * 40) + " ends.\n\nDOE: Why now?\n\nROE: Because the money is there.\n"


def blockquotes(n: int) -> str:
    quotes = "".join(
        f"<p>Paragraph {i} says the harbour wall was finished in the spring of that year.</p>"
        f"<blockquote>A quoted line number {i} that repeats nothing said elsewhere on the page.</blockquote>"
        for i in range(n)
    )
    return (
        f"<html><body><article><p><b>Q:</b> Why?</p><p><b>A:</b> Because.</p>{quotes}</article></body></html>"
    )


def blockquote_answers(n: int) -> str:
    pairs = "".join(
        f"<p><strong>How did season {i} go for the club?</strong></p>"
        f"<blockquote><p>It went well, and I learned a lot about myself in season {i}.</p></blockquote>"
        for i in range(n)
    )
    return f"<html><body><article><h1>An interview with the coach</h1>{pairs}</article></body></html>"


def drafts(n: int) -> str:
    repeats = "".join(f"Q: Why did the harbour wall take {i} years to build?\n\n" for i in range(n))
    return "An intro about the harbour.\n\n" + repeats + "A: Money, mostly.\n"


def tiny_pairs(n: int) -> str:
    return "Q: a?\nA: b.\n" * (n * 20)


def _word(i: int) -> str:
    """A distinct lower-case suffix per number (names may not hold digits)."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
    return out


PATHS: dict[str, tuple[Callable[[int], str], int]] = {
    "blocks (Q/A pairs)": (blocks, 250),
    "distinct speakers named in the intro": (speakers, 100),
    "names in the intro": (intro_names, 200),
    "one long token in the intro": (intro_token, 250),
    "blockquotes (pull-quote check)": (blockquotes, 250),
    "blockquote answers": (blockquote_answers, 150),
    "question drafts before one answer": (drafts, 100),
    "one-word Q/A lines (the worst case)": (tiny_pairs, 250),
}


def _cost(text: str) -> float:
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=int, default=1, help="multiply every base size")
    args = ap.parse_args()
    print(f"{'path':40} {'n':>6} {'t(n) ms':>9} {'t(4n) ms':>9} {'t(16n) ms':>10} {'exponent':>8}")
    for name, (make, base) in PATHS.items():
        n = base * args.scale
        t1, t4, t16 = (_cost(make(k)) for k in (n, 4 * n, 16 * n))
        exponent = math.log(t16 / t4) / math.log(4)
        print(f"{name:40} {n:6} {t1 * 1e3:9.1f} {t4 * 1e3:9.1f} {t16 * 1e3:10.1f} {exponent:8.2f}")
    print("\nPeak memory of one parse (tracemalloc), per byte of input:")
    for name, text in (
        ("one-word Q/A lines", tiny_pairs(4000)),
        ("Q/A pairs of real length", blocks(4000)),
        ("blockquote answers (HTML)", blockquote_answers(4000)),
    ):
        tracemalloc.start()
        parse(text)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size = len(text.encode())
        print(f"  {name:38} {size / 1e6:6.2f} MB in, peak {peak / 1e6:7.1f} MB = {peak / size:5.0f} x")


if __name__ == "__main__":
    main()
