"""The command line: ``parse``, ``convert``, ``publish``, ``validate`` and ``schema``.

argparse, not a CLI framework: five subcommands with plain options need nothing more, and
3.11's argparse with a combined formatter gives defaults and examples in every --help.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from . import __version__
from .batch import DEFAULT_TIMEOUT, FailFastError, Failure, expand_roots, record_uri, run
from .errors import InterviewParserError
from .export.atomic import atomic_output, check_output, show, unescape_bytes
from .export.jsonl import exchange_lines, transcript_line
from .export.serialize import to_dict
from .options import DEFAULT_MAX_BYTES, ParseOptions
from .pipeline import STAGE_NAMES
from .records import Transcript


def _listed(source: str) -> list[str]:
    """Input paths listed one per line (trafilatura's ``-i``); blank lines and # comments skipped."""
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class _Help(argparse.RawDescriptionHelpFormatter):
    """Descriptions and examples kept as written; each option's default shown, when it has one."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if default in (None, False, [], argparse.SUPPRESS) or "%(default)" in text:
            return text
        shown = f"{default:,}" if isinstance(default, int) and default >= 10_000 else f"{default}"
        return f"{text} (default: {shown})"


_DESCRIPTION = """\
Turn published Q/A interviews (text copied from a browser, or saved HTML pages) into
typed records: questions and answers with speakers, drafts, captions, title and date.
Reading URLs is out of scope: fetch pages first (curl, wget, a crawler), then convert.

examples:
  interview-parser parse page.html
  interview-parser convert pages/ -o interviews.jsonl --jobs auto
  interview-parser publish pages/ --dataset my-dataset/
  interview-parser validate my-dataset/

Run interview-parser COMMAND --help for a command's options."""

_EXAMPLES = {
    "parse": """\
examples:
  interview-parser parse page.html
  pbpaste | interview-parser parse - --format text""",
    "convert": """\
examples:
  interview-parser convert pages/ -o out.jsonl                 one record per page
  interview-parser convert pages/ -o rows.parquet --table exchanges --jobs auto
  interview-parser convert -i urls-done.txt -o out.jsonl --errors failed.jsonl
  interview-parser convert page.html -o - | jq .title          JSONL on standard output
the output format follows the suffix: .jsonl/.ndjson/.json or .parquet""",
    "publish": """\
examples:
  interview-parser publish pages/ --dataset my-dataset/
  interview-parser publish pages/ --dataset my-dataset/ --shard-size 5000 --jobs auto
the folder gets Parquet shards, a Hugging Face dataset card, the schema and a manifest""",
    "validate": """\
examples:
  interview-parser validate out.jsonl
  interview-parser validate my-dataset/
exit status 1 and one line per problem when anything does not match the schema""",
    "export": """\
examples:
  interview-parser export out.jsonl --to chat -o chat.jsonl          Hugging Face messages
  interview-parser export my-dataset/ --to mediasum -o mediasum.jsonl
  interview-parser export out.jsonl --to convokit -o corpus/         a ConvoKit corpus folder""",
    "schema": """\
examples:
  interview-parser schema > transcript.schema.json""",
}


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="interview-parser", description=_DESCRIPTION, formatter_class=_Help)
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name, help=summary, description=summary, epilog=_EXAMPLES[name], formatter_class=_Help
        )

    def parsing(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--format",
            choices=("auto", "text", "html"),
            default="auto",
            help="how to read the inputs; auto sniffs the markup (and trusts .html/.txt suffixes)",
        )
        p.add_argument(
            "--max-bytes",
            type=_positive_int,
            default=DEFAULT_MAX_BYTES,
            help="refuse inputs larger than this many bytes",
        )
        p.add_argument(
            "--timeout",
            type=float,
            default=DEFAULT_TIMEOUT,
            help="seconds one document may take before it is reported and skipped (0 for none)",
        )
        p.add_argument(
            "--disable-stage",
            action="append",
            default=[],
            choices=STAGE_NAMES,
            metavar="STAGE",
            help=f"switch a parsing stage off (repeatable): {', '.join(STAGE_NAMES)}",
        )
        p.add_argument(
            "--detect-language",
            action="store_true",
            help="fill in the language of pages that do not state it (needs the language extra)",
        )
        p.add_argument(
            "--min-interview-score",
            type=float,
            default=0.5,
            help="pages scoring below this as an interview get no exchanges (0 keeps every candidate)",
        )

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="*", help="files, folders (recursed) or - for stdin")
        p.add_argument(
            "-i",
            "--input-file",
            default=None,
            metavar="FILE",
            help="also read input paths from FILE, one per line (- for stdin; # comments)",
        )
        parsing(p)
        p.add_argument(
            "--glob",
            default=None,
            help="file pattern inside folders (default: every suffix in the README)",
        )
        p.add_argument(
            "--jobs",
            type=_jobs,
            default=1,
            help="worker processes, or 'auto' for one per core (output stays in input order)",
        )
        p.add_argument("--fail-fast", action="store_true", help="stop at the first input that fails")
        p.add_argument("--errors", default=None, metavar="FILE", help="also write failures as JSONL to FILE")
        p.add_argument(
            "-q", "--quiet", action="store_true", help="no progress bar and no summary; errors still shown"
        )
        p.add_argument(
            "--skip-non-interviews",
            action="store_true",
            help="leave out documents without exchanges (not interviews, or nothing found)",
        )
        p.add_argument(
            "--dedupe",
            action="store_true",
            help="leave out documents whose content (doc_id) was already seen; they are always warned about",
        )
        p.add_argument(
            "--absolute-uris",
            action="store_true",
            help="record absolute paths as source.uri (by default: relative to the folder given)",
        )

    p = command("parse", "parse one file and print its transcript as indented JSON")
    p.add_argument("path", help="a text or HTML file, or - for stdin")
    parsing(p)

    c = command("convert", "convert files and folders to JSONL or Parquet")
    inputs(c)
    c.add_argument(
        "-o", "--output", required=True, help="OUT.jsonl, OUT.parquet, or - for JSONL on standard output"
    )
    c.add_argument(
        "--table",
        choices=("transcripts", "exchanges"),
        default="transcripts",
        help="one record per document, or one flat row per exchange",
    )

    pub = command("publish", "write a dataset folder (Parquet shards, card, manifest)")
    inputs(pub)
    pub.add_argument("--dataset", required=True, metavar="FOLDER", help="a new or empty folder")
    pub.add_argument("--shard-size", type=_positive_int, default=10_000, help="documents per Parquet shard")
    pub.add_argument("--license", default="other", help="the dataset card's licence (a Hub licence id)")
    pub.add_argument("--pretty-name", default="Interview transcripts", help="the dataset card's title")
    pub.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="CODE",
        help="a language of the data (ISO 639-1, repeatable; default: those the documents give)",
    )
    pub.add_argument("--tag", action="append", default=[], help="an extra tag for the card (repeatable)")

    v = command("validate", "check a JSONL file, a Parquet file or a dataset folder against the schema")
    v.add_argument(
        "path", help="a .jsonl or .parquet file written by convert, or a folder written by publish"
    )

    x = command("export", "write parsed transcripts as chat messages, MediaSum records or a ConvoKit corpus")
    x.add_argument("path", help="a .jsonl or .parquet file from convert, or a folder from publish")
    x.add_argument(
        "--to", required=True, choices=("chat", "mediasum", "convokit"), help="the layout to write"
    )
    x.add_argument(
        "-o", "--output", required=True, help="a .jsonl file (chat, mediasum) or a folder (convokit)"
    )

    command("schema", "print the JSON Schema of one transcript record")
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
        if args.command == "export":
            return _export(args)
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
        options = ParseOptions(
            format=args.format,
            max_bytes=args.max_bytes,
            disabled_stages=frozenset(args.disable_stage),
            min_interview_score=args.min_interview_score,
            detect_language=args.detect_language,
        )
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


def _export(args: argparse.Namespace) -> int:
    from .export.interop import export

    source = Path(args.path)
    if source.is_dir():
        from .export.dataset import read_dataset

        transcripts: Iterator[Transcript] = read_dataset(source)
    elif source.suffix.lower() == ".parquet":
        from .export.parquet import read_parquet

        transcripts = read_parquet(source)
    else:
        from .export.jsonl import read_jsonl

        transcripts = read_jsonl(source)
    count = export(transcripts, args.output, to=args.to)
    print(
        f"interview-parser: wrote {count} conversation(s) as {args.to} to {show(args.output)}",
        file=sys.stderr,
    )
    return 0


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
    found = list(expand_roots(named, args.glob))
    paths = [path for path, _ in found]
    uris = [record_uri(path, root, absolute=args.absolute_uris) for path, root in found]
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
    progress = _Progress(len(paths), enabled=not args.quiet and sys.stderr.isatty())
    try:
        done = _convert(args, options, paths, uris, jsonl, progress)
    finally:
        progress.close()
        if args.errors:
            with atomic_output(Path(args.errors)) as fh:
                for f in progress.failures:
                    fh.write(_failure_record(f))
    if not args.quiet:
        print(f"interview-parser: {done}{progress.summary()}", file=sys.stderr)
    return 1 if progress.failures else 0


def _convert(
    args: argparse.Namespace,
    options: ParseOptions,
    paths: list[str],
    uris: list[str],
    jsonl: bool,
    progress: _Progress,
) -> str:
    """Run the batch into its output; returns what was written, for the summary."""
    common: dict[str, Any] = {
        "jobs": args.jobs,
        "on_failure": progress.failed,
        "fail_fast": args.fail_fast,
        "timeout": args.timeout,
        "uris": uris,
    }
    keep = _Keep(args, progress)
    if jsonl:
        # JSONL is serialised in the workers, which spares the parent from unpickling records.
        chunk = _exchanges_chunk if args.table == "exchanges" else _transcript_chunk
        count = rows = 0
        with contextlib.ExitStack() as stack:
            if args.output == "-":
                fh: Any = sys.stdout
                where = "standard output"
            else:
                fh = stack.enter_context(atomic_output(Path(args.output)))
                where = show(args.output)
            for text, exchanges, doc_id, uri in run(paths, options, transform=chunk, **common):
                progress.converted(exchanges)
                if not keep(exchanges, doc_id, uri):
                    continue
                fh.write(text)
                count += 1
                rows += text.count("\n")
            fh.flush()
        return _wrote(args.table, count, rows, where)
    items = (
        t
        for t in progress.counted(run(paths, options, **common))
        if keep(len(t.exchanges), t.doc_id, t.source.uri or "")
    )
    if args.command == "publish":
        from .export.dataset import CardInfo, publish

        def card() -> CardInfo:  # called once the data is written: failures are known then
            return CardInfo(
                license=args.license,
                pretty_name=args.pretty_name,
                languages=tuple(args.language) if args.language else None,
                tags=tuple(args.tag),
                inputs=len(paths),
                failures=len(progress.failures),
            )

        counts = publish(items, args.dataset, shard_size=args.shard_size, options=options, card=card)
        return (
            f"published {counts['documents']} document(s), "
            f"{counts['exchanges']} exchange(s) to {show(args.dataset)}"
        )
    from .export.parquet import write_parquet

    count = write_parquet(items, args.output, table=args.table, options=options.to_dict())
    if args.table == "exchanges":
        return f"wrote the exchanges of {count} document(s) to {show(args.output)}"
    return f"wrote {count} transcript(s) to {show(args.output)}"


def _transcript_chunk(t: Transcript) -> tuple[str, int, str, str]:
    return transcript_line(t), len(t.exchanges), t.doc_id, t.source.uri or ""


def _exchanges_chunk(t: Transcript) -> tuple[str, int, str, str]:
    return exchange_lines(t), len(t.exchanges), t.doc_id, t.source.uri or ""


class _Keep:
    """Which converted documents go to the output: --skip-non-interviews drops those
    without exchanges; a document whose content was seen before is warned about, and
    dropped with --dedupe."""

    def __init__(self, args: argparse.Namespace, progress: _Progress) -> None:
        self.skip_empty = bool(args.skip_non_interviews)
        self.dedupe = bool(args.dedupe)
        self.progress = progress
        self.seen: dict[str, str] = {}

    def __call__(self, exchanges: int, doc_id: str, uri: str) -> bool:
        first = self.seen.get(doc_id)
        if first is None:
            self.seen[doc_id] = uri
        else:
            self.progress.duplicate(uri, first, dropped=self.dedupe)
            if self.dedupe:
                return False
        if self.skip_empty and not exchanges:
            self.progress.skipped += 1
            return False
        return True


def _wrote(table: str, documents: int, rows: int, where: str) -> str:
    if table == "exchanges":
        return f"wrote {rows} exchange row(s) from {documents} document(s) to {where}"
    return f"wrote {documents} transcript(s) to {where}"


class _Progress:
    """A tqdm bar on a terminal (rate, time left, failures), error lines printed above it;
    nothing when stderr is not a terminal or with --quiet. Counts what the summary says."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.failures: list[Failure] = []
        self.without = 0
        self.skipped = 0
        self.duplicates = 0
        self.started = time.monotonic()
        self.bar: Any = None
        if enabled and total > 1:
            from tqdm import tqdm

            # shutil falls back to 80x24 where the terminal reports no size (a pty nobody
            # sized, some containers): tqdm would then draw nothing at all.
            size = shutil.get_terminal_size()
            self.bar = tqdm(
                total=total,
                unit="doc",
                file=sys.stderr,
                ncols=min(size.columns, 120),
                nrows=size.lines,
                mininterval=0.25,
                leave=False,
                desc="interview-parser",
                postfix={"failed": 0},
            )

    def converted(self, exchanges: int) -> None:
        if not exchanges:
            self.without += 1
        if self.bar is not None:
            self.bar.update(1)

    def counted(self, items: Iterator[Transcript]) -> Iterator[Transcript]:
        for t in items:
            self.converted(len(t.exchanges))
            yield t

    def duplicate(self, uri: str, first: str, *, dropped: bool) -> None:
        self.duplicates += 1
        self._line(
            f"interview-parser: warning: {show(uri)} has the same content as {show(first)}"
            + ("; left out (--dedupe)" if dropped else "; kept (--dedupe leaves it out)")
        )

    def _line(self, line: str) -> None:
        if self.bar is None:
            print(line, file=sys.stderr)
        else:
            self.bar.write(line, file=sys.stderr)

    def failed(self, failure: Failure) -> None:
        self.failures.append(failure)
        line = f"interview-parser: {_failure_line(failure)}"
        if self.bar is None:
            print(line, file=sys.stderr)
            return
        self.bar.write(line, file=sys.stderr)  # clears the bar, prints, redraws it below
        self.bar.set_postfix(failed=len(self.failures))
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def summary(self) -> str:
        by_class = Counter(f.error for f in self.failures)
        failed = f"{len(self.failures)} failed"
        if by_class:
            failed += " (" + ", ".join(f"{name} {n}" for name, n in sorted(by_class.items())) + ")"
        seconds = time.monotonic() - self.started
        extra = f" ({self.skipped} left out, --skip-non-interviews)" if self.skipped else ""
        dupes = f"; {self.duplicates} duplicate(s)" if self.duplicates else ""
        return f"; {self.without} without exchanges{extra}{dupes}; {failed}; {seconds:.1f} s"


if __name__ == "__main__":
    sys.exit(main())
