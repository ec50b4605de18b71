"""A user's script, type-checked with ``mypy --strict`` by test_api (no casts, no Any)."""

from __future__ import annotations

from pathlib import Path

import interview_parser as ip


def questions(path: Path) -> list[str]:
    transcript: ip.Transcript = ip.parse_file(path)
    return [exchange.question.text for exchange in transcript.exchanges]


def round_trip(transcript: ip.Transcript) -> ip.Transcript:
    again: ip.Transcript = ip.from_dict(ip.to_dict(transcript))
    return again


def first_exchange(transcript: ip.Transcript) -> ip.Exchange | None:
    if not transcript.exchanges:
        return None
    exchange: ip.Exchange = ip.from_dict(ip.to_dict(transcript)["exchanges"][0], ip.Exchange)
    return exchange


def folder(paths: list[Path], out: Path) -> int:
    failures: list[ip.Failure] = []
    found = list(ip.iter_parse(paths, options=ip.ParseOptions(format="auto"), on_failure=failures.append))
    table = ip.to_arrow(found, table="exchanges")
    ip.write_jsonl(found, out)
    back: list[ip.Transcript] = list(ip.read_jsonl(out))
    rows: int = table.num_rows  # pyarrow ships no type hints: its attributes are Any
    return rows + len(back) + len(failures)


def published(folder: Path) -> list[str]:
    return [t.doc_id for t in ip.read_dataset(folder)]


def errors(data: bytes) -> str:
    try:
        return ip.parse(data).title or ""
    except ip.InterviewParserError as exc:
        return type(exc).__name__


def title_again(transcript: ip.Transcript) -> str | None:
    # Returning an attribute of an untyped value would be "Returning Any" under --strict.
    return ip.from_dict(ip.to_dict(transcript)).title


def first_answer(transcript: ip.Transcript) -> str:
    return ip.from_dict(ip.to_dict(transcript)["exchanges"][0], ip.Exchange).answer.text
