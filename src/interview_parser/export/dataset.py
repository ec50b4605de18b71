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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..errors import OutputError, ReadError, SchemaVersionError
from ..records import SCHEMA_VERSION, Transcript
from .atomic import current_umask, show
from .parquet import file_metadata, hf_features, read_parquet, write_parquet
from .schema import EXCHANGES, TRANSCRIPTS, check_version, json_schema

DEFAULT_SHARD = 10_000


def _chunks(items: Iterable[Transcript], size: int) -> Iterator[list[Transcript]]:
    chunk: list[Transcript] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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
    options: dict[str, Any] | None = None,
) -> dict[str, int]:
    """Write a dataset folder; returns the counts (documents, exchanges, shards)."""
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
        counts = _write(transcripts, tmp, shard_size, options)
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


def _write(
    items: Iterable[Transcript], tmp: Path, shard_size: int, options: dict[str, Any] | None
) -> dict[str, int]:
    data = tmp / "data"
    data.mkdir()
    docs = exchanges = shards = 0
    for chunk in _chunks(items, shard_size):
        write_parquet(chunk, data / f"transcripts-{shards:05d}.parquet", options=options)
        write_parquet(chunk, data / f"exchanges-{shards:05d}.parquet", table="exchanges", options=options)
        docs += len(chunk)
        exchanges += sum(len(t.exchanges) for t in chunk)
        shards += 1
    if shards == 0:
        write_parquet([], data / "transcripts-00000.parquet", options=options)
        write_parquet([], data / "exchanges-00000.parquet", table="exchanges", options=options)
        shards = 1
    for kind in ("transcripts", "exchanges"):
        for i in range(shards):
            (data / f"{kind}-{i:05d}.parquet").rename(data / f"{kind}-{i:05d}-of-{shards:05d}.parquet")
    (tmp / f"transcript-{SCHEMA_VERSION}.schema.json").write_text(
        json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    counts = {"documents": docs, "exchanges": exchanges, "shards": shards}
    (tmp / "README.md").write_text(_card(counts, _sizes(data)), encoding="utf-8")
    files = sorted(p for p in tmp.rglob("*") if p.is_file())
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "counts": counts,
        "files": {p.relative_to(tmp).as_posix(): sha256_of(p) for p in files},
    }
    (tmp / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return counts


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
    if feature.get("_type") == "Sequence":
        return [f"{pad}sequence:", *_yaml_struct(feature["feature"], indent + 2)]
    if feature.get("_type") == "Value":
        return [f"{pad}dtype: {feature['dtype']}"]
    return [f"{pad}struct:", *_yaml_features(feature, indent + 2)]


def _sizes(data: Path) -> dict[str, tuple[int, int]]:
    """Per table: (uncompressed bytes, the split's size as the card states it; bytes on disk)."""
    out: dict[str, tuple[int, int]] = {}
    for kind in ("exchanges", "transcripts"):
        files = sorted(data.glob(f"{kind}-*.parquet"))
        meta = [pq.ParquetFile(f).metadata for f in files]
        uncompressed = sum(m.row_group(i).total_byte_size for m in meta for i in range(m.num_row_groups))
        out[kind] = (uncompressed, sum(f.stat().st_size for f in files))
    return out


def _card(counts: dict[str, int], sizes: dict[str, tuple[int, int]]) -> str:
    lines = ["---", "configs:"]
    for name in ("exchanges", "transcripts"):
        lines += [
            f"- config_name: {name}",
            *(["  default: true"] if name == "exchanges" else []),
            "  data_files:",
            "  - split: train",
            f"    path: data/{name}-*.parquet",
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
    body = f"""# Interview transcripts

Parsed with `interview_parser` (schema {SCHEMA_VERSION}): {counts["documents"]} documents,
{counts["exchanges"]} question/answer exchanges, in {counts["shards"]} shard(s).

- `data/exchanges-*.parquet`: one row per exchange, document columns repeated.
- `data/transcripts-*.parquet`: one row per document, nested and lossless.
- `transcript-{SCHEMA_VERSION}.schema.json`: the JSON Schema of one transcript.
- `manifest.json`: the sha256 of every file.

```python
import duckdb
duckdb.sql("SELECT title, question, answer FROM 'data/exchanges-*.parquet' LIMIT 5")
```
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

    validator = jsonschema.Draft202012Validator(json_schema())
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
            for error in validator.iter_errors(record):
                at = "/".join(str(p) for p in error.absolute_path) or "(record)"
                problems.append(f"{where}:{number}: {at}: {error.message}")
    return problems


def _exchange_row_problems(row: dict[str, Any]) -> list[str]:
    """A flat exchange row (``convert --table exchanges``) against the declared Arrow schema."""
    import datetime

    import pyarrow as pa

    names = set(EXCHANGES.names)
    problems = [f"unexpected field {k!r}" for k in sorted(set(row) - names)]
    problems += [f"missing field {k!r}" for k in EXCHANGES.names if k not in row]
    problems += [
        f"{f.name}: null in a not-null field"
        for f in EXCHANGES
        if not f.nullable and f.name in row and row[f.name] is None
    ]
    if problems:
        return problems
    typed = dict(row)
    try:
        if isinstance(typed.get("published"), str):
            typed["published"] = datetime.date.fromisoformat(typed["published"])
        pa.Table.from_pylist([typed], schema=EXCHANGES)
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
    expected = TRANSCRIPTS if meta.get("table") == "transcripts" else EXCHANGES
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
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = file.relative_to(folder).as_posix()
        if rel != "manifest.json" and rel not in listed:
            problems.append(f"{show(str(file))}: not listed in the manifest")
    return problems
