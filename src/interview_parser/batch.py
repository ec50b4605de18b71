"""Batch conversion: many inputs, in input order, over one or several processes.

A failing input never stops the batch (unless ``fail_fast``): it becomes a ``Failure`` the
caller reports. Parsing is a pure function of one document, so processes share nothing.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from .api import parse_file
from .errors import InterviewParserError
from .options import ParseOptions
from .pipeline import parse
from .records import Transcript

T = TypeVar("T")
SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")


@attrs.frozen
class Failure:
    """An input that could not be parsed: which, the error class and its message."""

    path: str
    error: str
    message: str


def expand(paths: Sequence[str], pattern: str | None = None) -> Iterator[str]:
    """Files named, and files found in folders (recursively, sorted), in the order given."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = (
                path.rglob(pattern)
                if pattern
                else (p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            )
            yield from sorted(str(p) for p in found if p.is_file())
        else:
            yield raw


def _identity(t: Transcript) -> Transcript:
    return t


def _parse_one(job: tuple[str, ParseOptions, Callable[[Transcript], T]]) -> T | Failure:
    path, options, transform = job
    try:
        if path == "-":
            return transform(parse(sys.stdin.buffer.read(), uri="-", options=options))
        return transform(parse_file(path, options=options))
    except (InterviewParserError, OSError) as exc:
        return Failure(path, type(exc).__name__, str(exc))
    except RecursionError as exc:  # a pathological page must not stop the batch
        return Failure(path, type(exc).__name__, "input too deeply nested")


def run(
    paths: Iterable[str],
    options: ParseOptions,
    *,
    jobs: int = 1,
    on_failure: Callable[[Failure], None],
    fail_fast: bool = False,
    transform: Callable[[Transcript], T] = _identity,  # type: ignore[assignment]
) -> Iterator[T]:
    """Parse every path; yield results in input order and report failures as they come.

    ``transform`` (a module-level function, so workers can receive it) runs in the worker:
    serialising there (``jsonl.dumps``) spares the parent from unpickling records.
    """
    work = ((p, options, transform) for p in paths)
    if jobs <= 1:
        yield from _report(map(_parse_one, work), on_failure, fail_fast)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from _report(pool.imap(_parse_one, work, chunksize=8), on_failure, fail_fast)


def _report(
    results: Iterable[T | Failure], on_failure: Callable[[Failure], None], fail_fast: bool
) -> Iterator[T]:
    for result in results:
        if isinstance(result, Failure):
            on_failure(result)
            if fail_fast:
                raise FailFastError(result)
            continue
        yield result


class FailFastError(InterviewParserError):
    """Raised by ``run(..., fail_fast=True)`` at the first failure, to abandon the output."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"{failure.path}: {failure.error}: {failure.message}")
        self.failure = failure
