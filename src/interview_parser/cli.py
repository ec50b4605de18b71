"""The command line: ``parse FILE`` (one transcript as JSON) and ``convert PATH... -o OUT``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from . import __version__
from .api import parse_file
from .errors import InterviewParserError
from .jsonl import write_jsonl
from .options import ParseOptions
from .pipeline import parse
from .records import Transcript
from .serialize import to_dict

_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")


@attrs.frozen
class Failure:
    path: str
    error: str
    message: str


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="interview-parser", description=__doc__)
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse one file and print its transcript as JSON")
    p.add_argument("path", help="a text or HTML file, or - for stdin")
    p.add_argument("--format", choices=("auto", "text", "html"), default="auto")

    c = sub.add_parser("convert", help="convert files and folders to JSONL or Parquet")
    c.add_argument("paths", nargs="+", help="files, folders (recursed) or - for stdin")
    c.add_argument("-o", "--output", required=True, help="OUT.jsonl or OUT.parquet")
    c.add_argument("--format", choices=("auto", "text", "html"), default="auto")
    c.add_argument(
        "--glob", default=None, help="file pattern inside folders (default: known suffixes)"
    )
    c.add_argument("--fail-fast", action="store_true", help="stop at the first file that fails")
    c.add_argument("--errors", default=None, help="also write failures as JSONL to this file")
    return ap


def _inputs(paths: Sequence[str], pattern: str | None) -> Iterator[str]:
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = (
                path.rglob(pattern)
                if pattern
                else (p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES)
            )
            yield from sorted(str(p) for p in found if p.is_file())
        else:
            yield raw


def _parse_one(path: str, options: ParseOptions) -> Transcript:
    if path == "-":
        return parse(sys.stdin.buffer.read(), uri="-", options=options)
    return parse_file(path, options=options)


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    options = ParseOptions(format=args.format)
    try:
        if args.command == "parse":
            transcript = _parse_one(args.path, options)
            json.dump(to_dict(transcript), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        return _convert(args, options)
    except InterviewParserError as exc:
        print(f"interview-parser: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _convert(args: argparse.Namespace, options: ParseOptions) -> int:
    failures: list[Failure] = []
    out = Path(args.output)

    def transcripts() -> Iterator[Transcript]:
        for path in _inputs(args.paths, args.glob):
            try:
                yield _parse_one(path, options)
            except (InterviewParserError, OSError) as exc:
                failures.append(Failure(path, type(exc).__name__, str(exc)))
                print(f"interview-parser: {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
                if args.fail_fast:
                    raise

    if out.suffix.lower() == ".parquet":
        from .parquet import write_parquet

        count = write_parquet(transcripts(), out)
    else:
        count = write_jsonl(transcripts(), out)
    if args.errors:
        with Path(args.errors).open("w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(json.dumps(attrs.asdict(f), ensure_ascii=False) + "\n")
    print(
        f"interview-parser: wrote {count} transcript(s) to {out}; {len(failures)} failed",
        file=sys.stderr,
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
