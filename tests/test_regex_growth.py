"""Every regular expression that runs on input stays linear on pumped input.

Each module-level pattern of the package is run (``match`` and ``search``) over strings
built as prefix + unit * n + suffix, the shape of the attacks that found the exponential
sniffer and share rules. Growth is judged by a ratio of times in one process (4x longer
input may cost at most ~8x: linear is 4x, quadratic 16x), never by a wall-clock limit;
an alarm only stops a pattern that would run for minutes.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import signal
import time
from types import FrameType

import pytest

import interview_parser

DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"
UNITS = [" ", "x ", " x", "a", "<!---->", "share x", "facebook ", "Q ", "A. ", "1", ":", ". ", "-",
         "* ", "'", "\t", "é", "Ab ", "AB ", "x|", "(", "[", "0:00 "]  # fmt: skip
PREFIXES = ["", "share", "Q", "©", "Photo: ", "Mr "] if DEEP else ["", "share", "Q", "©"]
SUFFIXES = ["!", "", "\n?"] if DEEP else ["!"]


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    seen: set[int] = set()
    for info in pkgutil.walk_packages(interview_parser.__path__, "interview_parser."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and id(value) not in seen:
                seen.add(id(value))  # a shim re-exporting a module's names counts it once
                found.append((f"{info.name.removeprefix('interview_parser.')}.{name}", value))
    return found


PATTERNS = _patterns()


def _cost(pattern: re.Pattern[str], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        pattern.match(text)
        pattern.search(text)
        best = min(best, time.perf_counter() - start)
    return best


def _stop(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError


def test_there_are_patterns_to_pump() -> None:
    assert len(PATTERNS) > 40


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear(name: str, pattern: re.Pattern[str]) -> None:
    previous = signal.signal(signal.SIGALRM, _stop)
    worst: tuple[float, str] = (0.0, "")
    try:
        for prefix in PREFIXES:
            for unit in UNITS:
                for suffix in SUFFIXES:
                    signal.alarm(20)
                    try:
                        small = _cost(pattern, prefix + unit * 100 + suffix)
                        large = _cost(pattern, prefix + unit * 400 + suffix)
                    except TimeoutError:
                        pytest.fail(f"{name} ran for 20 s on {prefix!r} + {unit!r} * n + {suffix!r}")
                    finally:
                        signal.alarm(0)
                    ratio = large / max(small, 1e-7)
                    # Below 0.2 ms the ratio is timer noise, not growth; a high ratio is
                    # measured again, one size up, before it counts (a busy machine).
                    if large > 2e-4 and ratio >= 9:
                        signal.alarm(20)
                        try:
                            again = _cost(pattern, prefix + unit * 1600 + suffix) / max(large, 1e-7)
                        except TimeoutError:
                            again = float("inf")
                        finally:
                            signal.alarm(0)
                        ratio = min(ratio, again)
                    if large > 2e-4 and ratio > worst[0]:
                        worst = (ratio, f"{prefix!r} + {unit!r} * n + {suffix!r}")
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert worst[0] < 9, f"{name}: 4x the input cost {worst[0]:.1f}x on {worst[1]}"


def test_the_html_sniffer_is_linear_in_leading_comments() -> None:
    from interview_parser.read.decode import sniff_format

    small = min(_timed(sniff_format, "<!---->" * 500 + "hello") for _ in range(3))
    large = min(_timed(sniff_format, "<!---->" * 2000 + "hello") for _ in range(3))
    assert sniff_format("<!---->" * 26 + "hello") == "text"
    assert large / max(small, 1e-7) < 9


def _timed(fn: object, arg: str) -> float:
    start = time.perf_counter()
    fn(arg)  # type: ignore[operator]
    return time.perf_counter() - start
