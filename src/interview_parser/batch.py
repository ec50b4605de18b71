"""Batch conversion: many inputs, in input order, over one or several processes.

A failing input never stops the batch (unless ``fail_fast``): it becomes a ``Failure`` the
caller reports. Parsing is a pure function of one document, so processes share nothing.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TypeVar

import attrs

from .api import parse_file, path_uri, read_limited
from .errors import InternalError, InterviewParserError, ParseTimeoutError, ReadError
from .options import ParseOptions
from .pipeline import parse
from .records import Transcript

T = TypeVar("T")
SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")
DEFAULT_TIMEOUT = 60.0  # seconds per document in a batch; a normal page takes milliseconds


@attrs.frozen
class Failure:
    """An input that could not be parsed: which, the error class and its message.

    ``original`` names the builtin error behind an ``InternalError`` (a bug met on this
    document), so a report can group them."""

    path: str
    error: str
    message: str
    original: str | None = None


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
            # Hidden files and folders are skipped: our own temporary outputs (".out.jsonl.
            # x.partial", a killed publish's ".ds.tmp" folder) must never come back as input.
            # A broken symlink is yielded too, so its failure is reported rather than skipped.
            yield from sorted(
                str(p)
                for p in found
                if (p.is_file() or (p.is_symlink() and not p.exists())) and not _hidden(p.relative_to(path))
            )
        else:
            yield raw


def record_uri(path: str, root: str | None, *, absolute: bool = False) -> str:
    """How a batch names an input in its records, so a published dataset carries no local
    paths: relative to the folder argument it was found in (``root``); for a file argument,
    relative to the working folder, or its name when it lies outside it. ``absolute``
    keeps the full path instead."""
    if path == "-":
        return path
    p = Path(path)
    if absolute:
        return path_uri(p.absolute())
    base = Path(root) if root is not None else Path.cwd()
    try:
        relative = p.absolute().relative_to(base.absolute())
    except ValueError:
        relative = Path(os.path.relpath(p, root)) if root is not None else Path(p.name)
    return path_uri(relative).replace(os.sep, "/")


def expand_roots(paths: Sequence[str], pattern: str | None = None) -> Iterator[tuple[str, str | None]]:
    """``expand``, each file with the folder argument it came from (None for a file argument)."""
    for raw in paths:
        if raw != "-" and Path(raw).is_dir():
            for found in expand([raw], pattern):
                yield found, raw
        else:
            yield raw, None


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.suffix == ".partial"


def _identity(t: Transcript) -> Transcript:
    return t


def _parse_one(
    job: tuple[str, ParseOptions, Callable[[Transcript], T], float | None, str | None],
) -> T | Failure:
    path, options, transform, timeout, uri = job
    try:
        with _time_budget(timeout):
            if path == "-":
                data = read_limited(sys.stdin.buffer, options.max_bytes, name="standard input")
                return transform(parse(data, uri="-", options=options))
            return transform(parse_file(path, options=options, uri=uri))
    except InterviewParserError as exc:
        return Failure(path, type(exc).__name__, str(exc), getattr(exc, "original_type", None))
    except OSError as exc:
        return Failure(path, ReadError.__name__, f"{exc.strerror or exc}", type(exc).__name__)
    except Exception as exc:  # serialising one document must not stop the batch either
        wrapped = InternalError.wrap(exc)
        return Failure(path, type(wrapped).__name__, str(wrapped), wrapped.original_type)


@contextlib.contextmanager
def _time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``ParseTimeoutError`` in this thread after ``seconds`` (a real-time alarm, so
    a regex or a loop stuck in C code is interrupted at its next bytecode)."""
    if (
        seconds is None
        or seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ParseTimeoutError(f"took longer than the time budget of {seconds:g} s per document (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(
    paths: Iterable[str],
    options: ParseOptions,
    *,
    jobs: int = 1,
    on_failure: Callable[[Failure], None],
    fail_fast: bool = False,
    transform: Callable[[Transcript], T] = _identity,  # type: ignore[assignment]
    timeout: float | None = DEFAULT_TIMEOUT,
    uris: Sequence[str | None] | None = None,
) -> Iterator[T]:
    """Parse every path; yield results in input order and report failures as they come.
    ``uris`` (one per path) are what the records name them; by default the paths.

    ``transform`` (a module-level function, so workers can receive it) runs in the worker:
    serialising there (``jsonl.dumps``) spares the parent from unpickling records. A
    document over ``timeout`` seconds (parse and transform) is a ``ParseTimeoutError``
    failure; ``None`` or 0 turns the budget off.
    """
    named = uris if uris is not None else itertools.repeat(None)
    work = ((p, options, transform, timeout, u) for p, u in zip(paths, named, strict=False))
    if jobs <= 1:
        yield from _report(map(_parse_one, work), on_failure, fail_fast)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        # Small chunks: with results in input order, one slow document holds back only
        # the few queued with it (and no more than the time budget).
        yield from _report(pool.imap(_parse_one, work, chunksize=2), on_failure, fail_fast)


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


def iter_parse(
    paths: str | Path | Iterable[str | Path],
    *,
    options: ParseOptions | None = None,
    jobs: int = 1,
    pattern: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    on_failure: Callable[[Failure], None] | None = None,
) -> Iterator[Transcript]:
    """Parse files, and the files in folders, lazily and in input order over ``jobs``
    processes: the library form of ``interview-parser convert``.

    A file that fails is handed to ``on_failure`` as a ``Failure`` (path, error class,
    message) and the iteration goes on; without ``on_failure`` the first failure raises
    (an ``InterviewParserError`` naming the file), so nothing is skipped silently.
    Reading URLs is out of scope: fetch pages first, then parse the files or bytes.
    """
    if jobs < 1:
        from .errors import OptionsError

        raise OptionsError(f"expected jobs of 1 or more, got {jobs}")
    names = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    yield from run(
        expand(names, pattern),
        options or ParseOptions(),
        jobs=jobs,
        on_failure=on_failure or (lambda _failure: None),
        fail_fast=on_failure is None,
        timeout=timeout,
    )
