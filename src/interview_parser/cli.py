"""The command line: ``parse``, ``convert``, ``publish``, ``validate`` and ``schema``."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from . import __version__
from .batch import DEFAULT_TIMEOUT, FailFastError, Failure, expand, run
from .errors import InterviewParserError
from .export.atomic import atomic_output, check_output, show, unescape_bytes
from .export.jsonl import exchange_lines, transcript_line
from .export.serialize import to_dict
from .options import DEFAULT_MAX_BYTES, ParseOptions
from .records import Transcript

T = TypeVar("T")


def _listed(source: str) -> list[str]:
    """Input paths listed one per line (trafilatura's ``-i``); blank lines and # comments skipped."""
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="interview-parser", description=__doc__)
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="*", help="files, folders (recursed) or - for stdin")
        p.add_argument(
            "-i",
            "--input-file",
            default=None,
            help="also read input paths from this file, one per line (- for stdin; # comments)",
        )
        p.add_argument("--format", choices=("auto", "text", "html"), default="auto")
        p.add_argument("--glob", default=None, help="file pattern inside folders (default: known suffixes)")
        p.add_argument(
            "--jobs",
            type=_jobs,
            default=1,
            help="worker processes, or 'auto' for one per core (output stays in input order)",
        )
        p.add_argument("--fail-fast", action="store_true", help="stop at the first input that fails")
        p.add_argument("--errors", default=None, help="also write failures as JSONL to this file")
        p.add_argument(
            "--max-bytes",
            type=_positive_int,
            default=DEFAULT_MAX_BYTES,
            help=f"refuse inputs larger than this many bytes (default {DEFAULT_MAX_BYTES:,})",
        )
        p.add_argument(
            "--timeout",
            type=float,
            default=DEFAULT_TIMEOUT,
            help=f"seconds one document may take before it is reported and skipped "
            f"(default {DEFAULT_TIMEOUT:g}; 0 for none)",
        )

    p = sub.add_parser("parse", help="parse one file and print its transcript as JSON")
    p.add_argument("path", help="a text or HTML file, or - for stdin")
    p.add_argument("--format", choices=("auto", "text", "html"), default="auto")
    p.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES)
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)

    c = sub.add_parser("convert", help="convert files and folders to JSONL or Parquet")
    inputs(c)
    c.add_argument("-o", "--output", required=True, help="OUT.jsonl, OUT.parquet, or - for JSONL on stdout")
    c.add_argument(
        "--table",
        choices=("transcripts", "exchanges"),
        default="transcripts",
        help="one record per document (default) or one flat row per exchange",
    )

    pub = sub.add_parser("publish", help="write a dataset folder (Parquet shards, card, manifest)")
    inputs(pub)
    pub.add_argument("--dataset", required=True, help="a new or empty folder")
    pub.add_argument("--shard-size", type=int, default=10_000, help="documents per Parquet shard")

    v = sub.add_parser("validate", help="check a JSONL file, a Parquet file or a dataset folder")
    v.add_argument("path")

    sub.add_parser("schema", help="print the JSON Schema of one transcript record")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    try:
        return _main(args)
    except KeyboardInterrupt:
        print("\ninterview-parser: interrupted; outputs left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, as Unix tools do.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(args: argparse.Namespace) -> int:
    try:
        if args.command == "schema":
            from .export.schema import json_schema

            print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
            return 0
        if args.command == "validate":
            from .export.dataset import validate

            problems = validate(args.path)
            for line in problems:
                print(line)
            print(
                f"interview-parser: {args.path}: {f'{len(problems)} problem(s)' if problems else 'valid'}",
                file=sys.stderr,
            )
            return 1 if problems else 0
        options = ParseOptions(format=args.format, max_bytes=args.max_bytes)
        if args.command == "parse":
            failed: list[Failure] = []
            found: list[Transcript] = list(
                run([args.path], options, on_failure=failed.append, timeout=args.timeout)
            )
            if failed:
                print(f"interview-parser: {_failure_line(failed[0])}", file=sys.stderr)
                return 1
            (transcript,) = found
            json.dump(to_dict(transcript), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        return _batch(args, options)
    except FailFastError:
        return 1
    except InterviewParserError as exc:
        print(f"interview-parser: error: {type(exc).__name__}: {show(str(exc))}", file=sys.stderr)
        return 1


def _jobs(raw: str) -> int:
    if raw == "auto":
        return os.cpu_count() or 1
    return _positive_int(raw)


_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


def _output_problem(output: str) -> str | None:
    """Why ``convert -o`` cannot write there, or None."""
    if output == "-":
        return None
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return f"{output} is a folder; name a file (OUT.jsonl, OUT.parquet), or use publish for a dataset"
    suffix = Path(output).suffix.lower()
    if suffix not in (*_JSONL_SUFFIXES, ".parquet"):
        return (
            f"cannot tell the format of {output}: expected .jsonl, .ndjson, .json or .parquet "
            "(or - for stdout)"
        )
    return None


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {raw}")
    return value


def _failure_line(f: Failure) -> str:
    return f"{show(f.path)}: {f.error}: {show(f.message)}"


def _failure_record(f: Failure) -> str:
    """One JSON line; paths that are not valid UTF-8 are written with escapes, not lost."""
    record = attrs.asdict(f)
    record["path"] = unescape_bytes(f.path)
    record["message"] = unescape_bytes(f.message)
    return json.dumps(record, ensure_ascii=False) + "\n"


def _batch(args: argparse.Namespace, options: ParseOptions) -> int:
    failures: list[Failure] = []

    def report(failure: Failure) -> None:
        failures.append(failure)
        print(f"interview-parser: {_failure_line(failure)}", file=sys.stderr)

    if args.command == "convert" and (problem := _output_problem(args.output)):
        print(f"interview-parser: error: {problem}", file=sys.stderr)
        return 2
    named = list(args.paths)
    if args.input_file:
        try:
            named += _listed(args.input_file)
        except OSError as exc:
            print(
                f"interview-parser: error: cannot read {show(args.input_file)}: {exc.strerror or exc}",
                file=sys.stderr,
            )
            return 2
    if not named:
        print("interview-parser: error: expected input paths, or -i FILE listing them", file=sys.stderr)
        return 2
    paths = list(expand(named, args.glob))
    if not paths:
        print(f"interview-parser: error: found no input files in {' '.join(named)}", file=sys.stderr)
        return 1
    if "-" in paths and args.jobs > 1:
        args.jobs = 1  # standard input belongs to this process; workers cannot read it
    outputs = [Path(args.dataset if args.command == "publish" else args.output)]
    if args.errors:
        outputs.append(Path(args.errors))
    for out in outputs:
        if str(out) != "-" and (args.command != "publish" or out != outputs[0]):
            check_output(out, paths)
    jsonl = args.command == "convert" and Path(args.output).suffix.lower() != ".parquet"
    # JSONL is serialised in the workers, which spares the parent from unpickling records.
    transform = (exchange_lines if args.table == "exchanges" else transcript_line) if jsonl else None
    results: Iterator[Any] = (
        run(
            paths,
            options,
            jobs=args.jobs,
            on_failure=report,
            fail_fast=args.fail_fast,
            transform=transform,
            timeout=args.timeout,
        )
        if transform
        else run(
            paths, options, jobs=args.jobs, on_failure=report, fail_fast=args.fail_fast, timeout=args.timeout
        )
    )
    items: Iterator[Any] = _progress(results, total=len(paths))
    try:
        if args.command == "publish":
            from .export.dataset import publish

            counts = publish(items, args.dataset, shard_size=args.shard_size, options=options.to_dict())
            done = (
                f"published {counts['documents']} document(s), "
                f"{counts['exchanges']} exchange(s) to {args.dataset}"
            )
        elif jsonl and args.output == "-":
            count = rows = 0
            for chunk in items:
                sys.stdout.write(chunk)
                count += 1
                rows += chunk.count("\n")
            sys.stdout.flush()
            done = _wrote(args.table, count, rows, "standard output")
        elif jsonl:
            count = rows = 0
            with atomic_output(Path(args.output)) as fh:
                for chunk in items:
                    fh.write(chunk)
                    count += 1
                    rows += chunk.count("\n")
            done = _wrote(args.table, count, rows, show(args.output))
        else:
            from .export.parquet import write_parquet

            count = write_parquet(items, args.output, table=args.table, options=options.to_dict())
            done = (
                f"wrote the exchanges of {count} document(s) to {show(args.output)}"
                if args.table == "exchanges"
                else f"wrote {count} transcript(s) to {show(args.output)}"
            )
    finally:
        if args.errors:
            with atomic_output(Path(args.errors)) as fh:
                for f in failures:
                    fh.write(_failure_record(f))
    print(f"interview-parser: {done}; {len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0


def _wrote(table: str, documents: int, rows: int, where: str) -> str:
    if table == "exchanges":
        return f"wrote {rows} exchange row(s) from {documents} document(s) to {where}"
    return f"wrote {documents} transcript(s) to {where}"


def _progress(items: Iterator[T], *, total: int) -> Iterator[T]:
    """A one-line counter on a terminal; silent when stderr is piped."""
    if not sys.stderr.isatty() or total < 20:
        yield from items
        return
    for n, item in enumerate(items, start=1):
        if n % 10 == 0 or n == total:
            print(f"\rinterview-parser: {n}/{total} documents", end="", file=sys.stderr, flush=True)
        yield item
    print(file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
