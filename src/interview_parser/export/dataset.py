"""Dataset folders: Parquet shards, a Hugging Face dataset card, the schema and a manifest.

``publish`` writes the folder under a temporary name and renames it when complete;
``validate`` checks a JSONL file, a Parquet file or a whole dataset folder;
``read_dataset`` reads a published folder back into records.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import OutputError, ReadError, SchemaVersionError
from ..options import ParseOptions
from ..records import SCHEMA_VERSION, Transcript
from .atomic import current_umask, show
from .flat import exchange_values
from .parquet import (
    DEFAULT_BATCH,
    Table,
    file_metadata,
    hf_features,
    read_parquet,
    schema_for,
    transcript_row,
)
from .schema import DESCRIPTIONS, EXCHANGES, TRANSCRIPTS, check_version, declared, json_schema

DEFAULT_SHARD = 10_000


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def publish(
    transcripts: Iterable[Transcript],
    folder: str | Path,
    *,
    shard_size: int = DEFAULT_SHARD,
    options: ParseOptions | dict[str, Any] | None = None,
    card: CardInfo | Callable[[], CardInfo] | None = None,
) -> dict[str, int]:
    """Write a dataset folder; returns the counts (documents, exchanges, shards, ...).

    Shards are written as documents arrive (memory stays flat in the shard size):
    ``data/transcripts/`` and ``data/exchanges/``, one folder per table, so any folder
    reader (pyarrow, pandas, polars, DuckDB, ``datasets``) sees one table. ``card`` adds
    the licence, languages, name and provenance the Hub shows (or a function returning
    them, called once the data is written, for counts known only then)."""
    target = Path(folder)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputError(f"cannot publish into {show(str(target))}: not a folder")
    if target.exists() and any(target.iterdir()):
        raise OutputError(f"cannot publish into {show(str(target))}: expected a new or empty folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
        tmp.chmod(0o777 & ~current_umask())  # mkdtemp's own mode is 0700
    except OSError as exc:
        raise OutputError(f"cannot publish into {show(str(target))}: {exc.strerror or exc}") from exc
    try:
        counts = _write(transcripts, tmp, shard_size, options, card)
        try:
            if target.exists():
                target.rmdir()  # fails if another run filled it meanwhile: a lost race
            tmp.rename(target)
        except OSError as exc:
            raise OutputError(
                f"cannot publish into {show(str(target))}: {exc.strerror or exc} (another run wrote it?)"
            ) from exc
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OutputError):
            raise
        raise OutputError(f"cannot publish into {show(str(target))}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return counts


TABLES: tuple[Table, ...] = ("exchanges", "transcripts")
# The card and files a user or the Hub adds beside ours (a licence, .gitattributes) are
# theirs: never in the manifest, never a validation problem. Everything under data/ is ours.
_USER_FILES = ("README.md",)


@attrs.frozen(kw_only=True)
class CardInfo:
    """What the dataset card says beyond the data: licence (a Hub licence id), a name,
    languages (ISO 639-1; by default those the documents give), extra tags, and
    provenance the caller knows (inputs read, failures)."""

    license: str = "other"
    pretty_name: str = "Interview transcripts"
    languages: tuple[str, ...] | None = None
    tags: tuple[str, ...] = ()
    inputs: int | None = None
    failures: int | None = None


def _write(
    items: Iterable[Transcript],
    tmp: Path,
    shard_size: int,
    options: ParseOptions | dict[str, Any] | None,
    card_info: CardInfo | Callable[[], CardInfo] | None,
) -> dict[str, int]:
    data = tmp / "data"
    for table in TABLES:
        (data / table).mkdir(parents=True)
    schemas = {table: schema_for(table, options=options) for table in TABLES}
    shards = docs = exchanges = without = in_shard = 0
    languages: Counter[str] = Counter()
    writers: dict[str, pq.ParquetWriter] = {}
    batch: list[Transcript] = []

    def flush() -> None:
        if batch:
            writers["transcripts"].write_table(
                pa.Table.from_pylist([transcript_row(t) for t in batch], schema=schemas["transcripts"])
            )
            columns: list[list[Any]] = [[] for _ in schemas["exchanges"].names]
            for t in batch:
                for values in exchange_values(t):
                    for column, value in zip(columns, values, strict=True):
                        column.append(value)
            if columns[0]:
                writers["exchanges"].write_table(pa.Table.from_arrays(columns, schema=schemas["exchanges"]))
            batch.clear()

    def open_shard() -> None:
        for table in TABLES:
            writers[table] = pq.ParquetWriter(
                data / table / f"part-{shards:05d}.parquet",
                schemas[table],
                compression="zstd",
                write_statistics=True,
            )

    def close_shard() -> None:
        flush()
        for writer in writers.values():
            writer.close()
        writers.clear()

    for t in items:
        if not writers:
            open_shard()
        batch.append(t)
        docs += 1
        in_shard += 1
        exchanges += len(t.exchanges)
        without += not t.exchanges
        if t.language:
            languages[t.language] += 1
        if len(batch) >= DEFAULT_BATCH:
            flush()
        if in_shard >= shard_size:
            close_shard()
            shards += 1
            in_shard = 0
    if writers:
        close_shard()
        shards += 1
    if shards == 0:  # an empty dataset still has both tables, with their schemas
        open_shard()
        close_shard()
        shards = 1
    for table in TABLES:
        for i in range(shards):
            (data / table / f"part-{i:05d}.parquet").rename(
                data / table / f"train-{i:05d}-of-{shards:05d}.parquet"
            )
    counts = {"documents": docs, "exchanges": exchanges, "shards": shards, "without_exchanges": without}
    finish_dataset(tmp, counts, languages, options, card_info)
    return counts


def finish_dataset(
    tmp: Path,
    counts: dict[str, int],
    languages: Counter[str],
    options: ParseOptions | dict[str, Any] | None,
    card_info: CardInfo | Callable[[], CardInfo] | None,
) -> None:
    """Beside the shards in ``tmp/data/<table>/``: the JSON Schema, the manifest of every
    data file, and the card. Shared by ``publish`` and the Spark job."""
    data = tmp / "data"
    (tmp / f"transcript-{SCHEMA_VERSION}.schema.json").write_text(
        json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "layout": "table-folders",
        "counts": counts,
        "files": {
            p.relative_to(tmp).as_posix(): sha256_of(p)
            for p in sorted(tmp.rglob("*"))
            if p.is_file() and p.relative_to(tmp).as_posix() not in _USER_FILES
        },
    }
    (tmp / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    card = card_info() if callable(card_info) else card_info or CardInfo()
    langs = card.languages if card.languages is not None else tuple(sorted(languages))
    provenance = {
        "options": options.to_dict() if isinstance(options, ParseOptions) else dict(options or {}),
        "inputs": card.inputs,
        "failures": card.failures,
    }
    text = _card(counts, _sizes(data), card, langs, provenance)
    (tmp / "README.md").write_text(text, encoding="utf-8")


def _size_category(n: int) -> str:
    for limit, name in (
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
    ):
        if n < limit:
            return name
    return "1M<n<10M" if n < 10_000_000 else "n>10M"


def read_dataset(folder: str | Path) -> Iterator[Transcript]:
    """Read a published dataset folder back into transcripts, shard by shard, in order."""
    root = Path(folder)
    data = root / "data"
    if not data.is_dir():
        raise ReadError(f"{show(str(root))} is not a published dataset (no data/ folder)")
    # data/transcripts/*.parquet, or the flat data/transcripts-*.parquet of schema 1.x.
    shards = sorted((data / "transcripts").glob("*.parquet")) or sorted(data.glob("transcripts-*.parquet"))
    if not shards:
        raise ReadError(f"{show(str(root))}: found no transcripts shards under data/")
    for shard in shards:
        yield from read_parquet(shard)


def _yaml_features(features: dict[str, Any], indent: int) -> list[str]:
    """Features in the dataset-card YAML form Hugging Face reads."""
    pad = " " * indent
    lines: list[str] = []
    for name, feature in features.items():
        lines.append(f"{pad}- name: {name}")
        lines.extend(_yaml_feature(feature, indent + 2))
    return lines


def _yaml_feature(feature: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(feature, list):  # a list of structs: `list:` in every datasets major
        return [f"{pad}list:", *_yaml_features(feature[0], indent + 2)]
    if feature.get("_type") == "Value":
        return [f"{pad}dtype: {feature['dtype']}"]
    if feature.get("_type") == "Sequence":
        inner = feature["feature"]
        if inner.get("_type") == "Value":
            return [f"{pad}sequence: {inner['dtype']}"]
        return [f"{pad}sequence:", *(_yaml_struct(inner, indent + 2))]
    return [f"{pad}struct:", *_yaml_features(feature, indent + 2)]


def _yaml_struct(feature: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(feature, list):
        return [f"{pad}list:", *_yaml_features(feature[0], indent + 2)]
    if feature.get("_type") == "Sequence":
        return [f"{pad}sequence:", *_yaml_struct(feature["feature"], indent + 2)]
    if feature.get("_type") == "Value":
        return [f"{pad}dtype: {feature['dtype']}"]
    return [f"{pad}struct:", *_yaml_features(feature, indent + 2)]


def _sizes(data: Path) -> dict[str, tuple[int, int]]:
    """Per table: (uncompressed bytes, the split's size as the card states it; bytes on disk)."""
    out: dict[str, tuple[int, int]] = {}
    for table in TABLES:
        files = sorted((data / table).glob("*.parquet"))
        meta = [pq.ParquetFile(f).metadata for f in files]
        uncompressed = sum(m.row_group(i).total_byte_size for m in meta for i in range(m.num_row_groups))
        out[table] = (uncompressed, sum(f.stat().st_size for f in files))
    return out


_TRANSCRIPT_FIELDS = {
    "doc_id": "the document's id: the first 128 bits of its sha256",
    "source": "uri, format read, sha256 and encoding of the input",
    "title": "the page's headline",
    "published": "the publication date the page gives",
    "publisher": "the site or outlet",
    "author": "the article's byline as the page's metadata gives it",
    "language": "the page's language (ISO 639-1)",
    "participants": "who speaks: name, role, the labels printed for them",
    "intro": "the text before the first question (standfirst, opening statement)",
    "exchanges": "question/answer pairs, each turn with paragraphs, speakers, drafts and source spans",
    "captions": "photo captions and credits, never inside an answer",
    "removed": "page chrome and unclassified lines, each with the rule that set it aside",
    "diagnostics": "what the parser noticed (no exchanges, not an interview, repaired text)",
    "quality": "share of text in exchanges, the convention read, the interview score",
}


def _card(
    counts: dict[str, int],
    sizes: dict[str, tuple[int, int]],
    card: CardInfo,
    languages: tuple[str, ...],
    provenance: dict[str, Any],
) -> str:
    from .. import __version__

    lines = ["---", f"license: {card.license}", f"pretty_name: {json.dumps(card.pretty_name)}"]
    if languages:
        lines += ["language:", *(f"- {code}" for code in languages)]
    lines += ["task_categories:", "- text-generation", "- question-answering"]
    lines += ["size_categories:", f"- {_size_category(counts['exchanges'])}"]
    tags = ["interviews", "dialogue", "transcripts", "interview-parser", *card.tags]
    lines += ["tags:", *(f"- {tag}" for tag in dict.fromkeys(tags))]
    lines.append("configs:")
    for name in TABLES:
        lines += [
            f"- config_name: {name}",
            *(["  default: true"] if name == "exchanges" else []),
            "  data_files:",
            "  - split: train",
            f"    path: data/{name}/*.parquet",
        ]
    lines.append("dataset_info:")
    for name, schema, rows in (
        ("exchanges", EXCHANGES, counts["exchanges"]),
        ("transcripts", TRANSCRIPTS, counts["documents"]),
    ):
        lines += [f"- config_name: {name}", "  features:", *_yaml_features(hf_features(schema), 2)]
        dataset_size, download_size = sizes[name]
        lines += [
            "  splits:",
            "  - name: train",
            f"    num_bytes: {dataset_size}",
            f"    num_examples: {rows}",
            f"  download_size: {download_size}",
            f"  dataset_size: {dataset_size}",
        ]
    lines += ["---", ""]
    flat = "\n".join(f"| `{f.name}` | {f.type} | {DESCRIPTIONS[f.name]} |" for f in EXCHANGES)
    nested = "\n".join(f"| `{name}` | {text} |" for name, text in _TRANSCRIPT_FIELDS.items())
    inputs = "" if provenance["inputs"] is None else f"; inputs read: {provenance['inputs']}"
    failed = "" if provenance["failures"] is None else f", failed: {provenance['failures']}"
    options = json.dumps(provenance["options"], sort_keys=True)
    body = f"""# {card.pretty_name}

Question/answer interviews parsed from published pages with `interview_parser`
{__version__} (schema {SCHEMA_VERSION}): {counts["documents"]} documents, of which
{counts.get("without_exchanges", 0)} have no exchanges (not interviews, or none found), and
{counts["exchanges"]} question/answer exchanges, in {counts["shards"]} shard(s) per table.

## Load it

```python
from datasets import load_dataset

exchanges = load_dataset("path/to/this/folder", "exchanges", split="train")      # flat
transcripts = load_dataset("path/to/this/folder", "transcripts", split="train")  # nested
```

Or any Parquet reader on one table's folder: `pandas.read_parquet("data/exchanges")`,
`polars.scan_parquet("data/exchanges/*.parquet")`,
`duckdb.sql("SELECT * FROM 'data/exchanges/*.parquet'")`,
`pyarrow.dataset.dataset("data/exchanges")`.

## Files

- `data/exchanges/`: one row per exchange, the document's columns repeated.
- `data/transcripts/`: one row per document, nested and lossless (every input line accounted for).
- `transcript-{SCHEMA_VERSION}.schema.json`: the JSON Schema of one transcript record.
- `manifest.json`: the sha256 of every data file; `interview-parser validate FOLDER` checks
  them. This card is yours to edit: it is not in the manifest.

## Fields of `exchanges`

| field | type | meaning |
|---|---|---|
{flat}

## Fields of `transcripts`

| field | meaning |
|---|---|
{nested}

## Provenance

Parsed by `interview_parser` {__version__}, schema {SCHEMA_VERSION}, options `{options}`{inputs}{failed}.
Licence as stated above (`{card.license}`): the licence of the pages themselves applies to
their text.
"""
    return "\n".join(lines) + body


def validate(path: str | Path) -> list[str]:
    """Problems found in a JSONL file, a Parquet file or a dataset folder (empty when valid).

    Each problem is one line; nothing here raises on a bad file (truncated Parquet, bytes
    that are not UTF-8, a manifest that is not ours), and a dataset's manifest is never
    followed outside its folder."""
    path = Path(path)
    try:
        if path.is_dir():
            return _validate_dir(path)
        if not path.exists():
            return [f"{show(str(path))}: expected a file or dataset folder, found nothing"]
        if path.suffix == ".parquet":
            return _validate_parquet(path)
        return _validate_jsonl(path)
    except OSError as exc:
        return [f"{show(str(path))}: cannot read: {exc.strerror or exc}"]


def _validate_jsonl(path: Path) -> list[str]:
    import jsonschema

    validators: dict[str, Any] = {}  # one per schema version met: files of older minors stay valid
    problems = []
    where = show(str(path))
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(f"{where}:{number}: not UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                problems.append(f"{where}:{number}: not JSON: {exc}")
                continue
            if not isinstance(record, dict):
                problems.append(f"{where}:{number}: expected a JSON object, found {type(record).__name__}")
                continue
            try:
                check_version(str(record.get("schema_version", "")), where=f"{where}:{number}")
            except SchemaVersionError as exc:
                problems.append(str(exc))
                continue
            if "exchange_index" in record and "exchanges" not in record:
                problems.extend(f"{where}:{number}: {p}" for p in _exchange_row_problems(record))
                continue
            version = str(record["schema_version"])
            if version not in validators:
                validators[version] = jsonschema.Draft202012Validator(json_schema(version))
            for error in validators[version].iter_errors(record):
                at = "/".join(str(p) for p in error.absolute_path) or "(record)"
                problems.append(f"{where}:{number}: {at}: {error.message}")
    return problems


def _exchange_row_problems(row: dict[str, Any]) -> list[str]:
    """A flat exchange row (``convert --table exchanges``) against the declared Arrow schema."""
    import datetime

    import pyarrow as pa

    schema = declared("exchanges", str(row.get("schema_version")))
    names = set(schema.names)
    problems = [f"unexpected field {k!r}" for k in sorted(set(row) - names)]
    problems += [f"missing field {k!r}" for k in schema.names if k not in row]
    problems += [
        f"{f.name}: null in a not-null field"
        for f in schema
        if not f.nullable and f.name in row and row[f.name] is None
    ]
    if problems:
        return problems
    typed = dict(row)
    try:
        if isinstance(typed.get("published"), str):
            typed["published"] = datetime.date.fromisoformat(typed["published"])
        pa.Table.from_pylist([typed], schema=schema)
    except (ValueError, TypeError, pa.ArrowException) as exc:
        return [f"does not fit the declared exchanges schema: {exc}"]
    return []


def _validate_parquet(path: Path) -> list[str]:
    where = show(str(path))
    try:
        meta = file_metadata(path)
        check_version(str(meta.get("schema_version", "")), where=where)
        found = pq.read_schema(path).remove_metadata()
        pq.ParquetFile(path).metadata  # noqa: B018 - reads the footer of every row group
    except SchemaVersionError as exc:
        return [str(exc)]
    except Exception as exc:  # pyarrow raises its own (and OSError) for a truncated file
        return [f"{where}: not a readable Parquet file: {show(str(exc))}"]
    table = "transcripts" if meta.get("table") == "transcripts" else "exchanges"
    expected = declared(table, str(meta.get("schema_version")))
    if not found.equals(expected):
        return [f"{where}: expected the declared {meta.get('table')} schema, found a different one"]
    return []


def _validate_dir(folder: Path) -> list[str]:
    manifest_path = folder / "manifest.json"
    where = show(str(manifest_path))
    if not manifest_path.exists():
        return [f"{show(str(folder))}: expected manifest.json, found none"]
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return [f"{where}: not a JSON manifest: {exc}"]
    listed = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(listed, dict) or not all(isinstance(v, str) for v in listed.values()):
        return [f"{where}: expected an object with a 'files' map of name to sha256"]
    problems = []
    root = folder.resolve()
    for name, digest in sorted(listed.items()):
        file = folder / name
        if Path(name).is_absolute() or not file.resolve().is_relative_to(root):
            problems.append(f"{where}: {show(name)!s} points outside the dataset folder; not read")
            continue
        if not file.is_file():
            problems.append(f"{show(str(file))}: listed in the manifest, missing")
        elif sha256_of(file) != digest:
            problems.append(f"{show(str(file))}: sha256 differs from the manifest")
        elif file.suffix == ".parquet":
            problems.extend(_validate_parquet(file))
    # Under data/ everything is ours and listed; beside it, the card and what users or the
    # Hub add (.gitattributes, a LICENSE) are theirs.
    for file in sorted(p for p in (folder / "data").rglob("*") if p.is_file()):
        rel = file.relative_to(folder).as_posix()
        if rel not in listed:
            problems.append(f"{show(str(file))}: not listed in the manifest")
    if not (folder / "README.md").is_file():
        problems.append(f"{show(str(folder))}: expected a README.md dataset card, found none")
    return problems
