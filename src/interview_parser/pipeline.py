"""The pipeline: decode, a front end, the stages in order, assemble.

``STAGES`` is the one place that orders the stages; ``ParseOptions.disabled_stages``
switches any of them off by name (the result then says less, but still accounts for
every block).
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable

from . import captions, chrome, drafts, labels, metadata, turns, verdict
from .assemble import build
from .blocks import Meta, State
from .decode import check_not_empty, decode_bytes, normalise, sniff_format
from .errors import InputTooLargeError, UnknownStageError
from .options import ParseOptions
from .records import Diagnostic, Source, Transcript
from .text import text_blocks

Stage = Callable[[State], None]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("labels", labels.run),
    ("chrome", chrome.run),
    ("captions", captions.run),
    ("turns", turns.run),
    ("drafts", drafts.run),
    ("verdict", verdict.run),
    ("metadata", metadata.run),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)


def parse(data: str | bytes, *, uri: str | None = None, options: ParseOptions | None = None) -> Transcript:
    """Parse one interview page (pasted text or HTML) into a ``Transcript``.

    Raises an ``InterviewParserError`` subclass for input that is not a page at all
    (empty, binary, too large, unparseable markup); anything merely odd becomes a
    diagnostic on the result.
    """
    options = options or ParseOptions()
    unknown = options.disabled_stages - set(STAGE_NAMES)
    if unknown:
        raise UnknownStageError(f"unknown stage(s) {sorted(unknown)}; expected some of {list(STAGE_NAMES)}")
    if isinstance(data, str):
        if len(data) > options.max_bytes:
            raise InputTooLargeError(
                f"input is {len(data):,} characters; the limit (ParseOptions.max_bytes) is "
                f"{options.max_bytes:,}"
            )
        try:
            raw = utf8 = data.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: hash them, let lxml read the str
            raw, utf8 = data.encode("utf-8", "surrogatepass"), None
        text, encoding = data, "utf-8"
    else:
        raw = data
        decoded = decode_bytes(data, max_bytes=options.max_bytes)
        text, encoding = decoded.text, decoded.encoding
        utf8 = data if encoding == "utf-8" and not data.startswith(codecs.BOM_UTF8) else None
    check_not_empty(text)
    fmt = options.format if options.format != "auto" else sniff_format(text)
    meta = Meta()
    diagnostics: list[Diagnostic] = []
    if fmt == "html":
        from .html import html_blocks

        blocks = html_blocks(text, meta, max_depth=options.max_html_depth, diagnostics=diagnostics, utf8=utf8)
    else:
        blocks = text_blocks(normalise(text), meta)
    if not blocks:  # the front ends emit only blocks with visible text
        check_not_empty("")
    state = State(
        blocks=blocks,
        format=fmt,
        meta=meta,
        diagnostics=diagnostics,
        min_interview_score=options.min_interview_score,
    )
    for name, stage in STAGES:
        if name not in options.disabled_stages:
            stage(state)
    source = Source(uri=uri, format=fmt, sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding)
    return build(state, source=source)
