"""The command line: ``parse``, ``convert``, ``publish``, ``validate`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from . import __version__
from .atomic import atomic_output
from .batch import FailFastError, Failure, expand, run
from .errors import InterviewParserError
from .jsonl import exchange_lines, transcript_line
from .options import ParseOptions
from .records import Transcript
from .serialize import to_dict

T = TypeVar("T")


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="interview-parser", description=__doc__)
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", help="files, folders (recursed) or - for stdin")
        p.add_argument("--format", choices=("auto", "text", "html"), default="auto")
        p.add_argument("--glob", default=None, help="file pattern inside folders (default: known suffixes)")
        p.add_argument("--jobs", type=int, default=1, help="worker processes (output stays in input order)")
        p.add_argument("--fail-fast", action="store_true", help="stop at the first input that fails")
        p.add_argument("--errors", default=None, help="also write failures as JSONL to this file")

    p = sub.add_parser("parse", help="parse one file and print its transcript as JSON")
    p.add_argument("path", help="a text or HTML file, or - for stdin")
    p.add_argument("--format", choices=("auto", "text", "html"), default="auto")

    c = sub.add_parser("convert", help="convert files and folders to JSONL or Parquet")
    inputs(c)
    c.add_argument("-o", "--output", required=True, help="OUT.jsonl or OUT.parquet")
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
        if args.command == "schema":
            from .schema import json_schema

            print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
            return 0
        if args.command == "validate":
            from .dataset import validate

            problems = validate(args.path)
            for line in problems:
                print(line)
            print(
                f"interview-parser: {args.path}: {f'{len(problems)} problem(s)' if problems else 'valid'}",
                file=sys.stderr,
            )
            return 1 if problems else 0
        options = ParseOptions(format=args.format)
        if args.command == "parse":
            failed: list[Failure] = []
            found: list[Transcript] = list(run([args.path], options, on_failure=failed.append))
            if failed:
                f = failed[0]
                print(f"interview-parser: {f.path}: {f.error}: {f.message}", file=sys.stderr)
                return 1
            (transcript,) = found
            json.dump(to_dict(transcript), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        return _batch(args, options)
    except FailFastError:
        return 1
    except InterviewParserError as exc:
        print(f"interview-parser: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _batch(args: argparse.Namespace, options: ParseOptions) -> int:
    failures: list[Failure] = []

    def report(failure: Failure) -> None:
        failures.append(failure)
        print(f"interview-parser: {failure.path}: {failure.error}: {failure.message}", file=sys.stderr)

    paths = list(expand(args.paths, args.glob))
    jsonl = args.command == "convert" and Path(args.output).suffix.lower() != ".parquet"
    # JSONL is serialised in the workers, which spares the parent from unpickling records.
    transform = (exchange_lines if args.table == "exchanges" else transcript_line) if jsonl else None
    items: Iterator[Any] = _progress(
        run(
            paths,
            options,
            jobs=args.jobs,
            on_failure=report,
            fail_fast=args.fail_fast,
            **({"transform": transform} if transform else {}),
        ),
        total=len(paths),
    )
    try:
        if args.command == "publish":
            from .dataset import publish

            counts = publish(items, args.dataset, shard_size=args.shard_size, options=options.to_dict())
            done = (
                f"published {counts['documents']} document(s), "
                f"{counts['exchanges']} exchange(s) to {args.dataset}"
            )
        elif jsonl:
            count = 0
            with atomic_output(Path(args.output)) as fh:
                for chunk in items:
                    fh.write(chunk)
                    count += 1
            done = f"wrote {count} transcript(s) to {args.output}"
        else:
            from .parquet import write_parquet

            count = write_parquet(items, args.output, table=args.table, options=options.to_dict())
            done = f"wrote {count} transcript(s) to {args.output}"
    finally:
        if args.errors:
            with atomic_output(Path(args.errors)) as fh:
                for f in failures:
                    fh.write(json.dumps(attrs.asdict(f), ensure_ascii=False) + "\n")
    print(f"interview-parser: {done}; {len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0


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
