"""File-level entry points on top of ``pipeline.parse``."""

from __future__ import annotations

from pathlib import Path

import attrs

from .errors import InputTooLargeError, ReadError
from .options import Format, ParseOptions
from .pipeline import parse
from .records import Transcript


def parse_file(path: str | Path, *, options: ParseOptions | None = None) -> Transcript:
    """Parse one file; the format comes from its suffix (``.html``/``.htm``) or its content."""
    path = Path(path)
    options = options or ParseOptions()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if size > options.max_bytes:
        raise InputTooLargeError(
            f"{path} is {size:,} bytes; the limit (ParseOptions.max_bytes) is {options.max_bytes:,}"
        )
    data = path.read_bytes()
    if options.format == "auto" and path.suffix.lower() in SUFFIX_FORMATS:
        options = attrs.evolve(options, format=SUFFIX_FORMATS[path.suffix.lower()])
    return parse(data, uri=str(path), options=options)


# A file's suffix says what it holds; content is sniffed only for other names.
SUFFIX_FORMATS: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}
