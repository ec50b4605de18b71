"""Kept importable here, where earlier releases documented it: ``interview_parser.export.jsonl``."""

from .export.jsonl import (
    dumps as dumps,
)
from .export.jsonl import (
    exchange_lines as exchange_lines,
)
from .export.jsonl import (
    loads as loads,
)
from .export.jsonl import (
    read_jsonl as read_jsonl,
)
from .export.jsonl import (
    transcript_line as transcript_line,
)
from .export.jsonl import (
    write_jsonl as write_jsonl,
)

__all__ = ["dumps", "exchange_lines", "loads", "read_jsonl", "transcript_line", "write_jsonl"]
