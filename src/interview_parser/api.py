"""File-level entry points on top of ``pipeline.parse``."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import attrs

from .errors import InputTooLargeError, ReadError
from .options import Format, ParseOptions
from .pipeline import parse
from .records import Transcript


def parse_file(
    path: str | Path, *, options: ParseOptions | None = None, uri: str | None = None
) -> Transcript:
    """Parse one file; the format comes from its suffix (``.html``/``.htm``) or its content.
    ``source.uri`` is the path as given, or ``uri`` (a batch records paths relative to the
    folder it was given).

    Only regular files are read (a FIFO would block, ``/dev/zero`` never ends), and never
    more than ``max_bytes`` + 1 bytes of them."""
    path = Path(path)
    options = options or ParseOptions()
    try:
        info = path.stat()
    except OSError as exc:
        raise ReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(f"cannot read {path}: not a regular file (a folder, device, FIFO or socket)")
    if info.st_size > options.max_bytes:
        raise InputTooLargeError(
            f"{path} is {info.st_size:,} bytes; the limit (ParseOptions.max_bytes) is {options.max_bytes:,}"
        )
    try:
        with path.open("rb") as fh:
            data = read_limited(fh, options.max_bytes, name=str(path))
    except OSError as exc:
        raise ReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if options.format == "auto" and path.suffix.lower() in SUFFIX_FORMATS:
        options = attrs.evolve(options, format=SUFFIX_FORMATS[path.suffix.lower()])
    return parse(data, uri=uri if uri is not None else path_uri(path), options=options)


def path_uri(path: Path) -> str:
    """A path as record text: bytes that are not UTF-8 (``m\\xfcller.txt``) written as
    escapes, so the name survives into JSON and Parquet instead of failing the writers."""
    raw = str(path)
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return raw


def read_limited(stream: BinaryIO, max_bytes: int, *, name: str) -> bytes:
    """Read a stream, refusing it once it holds more than ``max_bytes`` (at most
    ``max_bytes`` + 1 bytes are ever read, whatever the stream claims)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{name} holds more than {max_bytes:,} bytes, the limit (ParseOptions.max_bytes)"
        )
    return data


# A file's suffix says what it holds; content is sniffed only for other names.
SUFFIX_FORMATS: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}
