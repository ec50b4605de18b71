"""The pipeline: decode, a front end, the stages in order, assemble.

``STAGES`` is the one place that orders the stages; ``ParseOptions.disabled_stages``
switches any of them off by name (the result then says less, but still accounts for
every block).
"""

from __future__ import annotations

import codecs
import gc
import hashlib
from collections.abc import Callable

from .assemble import build
from .blocks import Meta, State
from .errors import InputTooLargeError, InternalError, InterviewParserError, UnknownStageError
from .options import ParseOptions
from .read.decode import (
    check_not_empty,
    decode_bytes,
    normalise,
    repair_meta,
    repair_surrogates,
    sniff_format,
)
from .read.text import text_blocks
from .records import Diagnostic, Source, Transcript
from .stages import captions, chrome, drafts, labels, metadata, turns, verdict

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
    diagnostic on the result. Whatever the input, nothing else escapes: a bug met on one
    document is an ``InternalError`` carrying the original type and message.
    """
    # A parse allocates hundreds of thousands of small objects and creates no reference
    # cycles; pausing the cyclic collector keeps a long document linear (generation-2
    # passes over a growing heap made it grow as n^1.2) and spares a third of the time.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _parse(data, uri=uri, options=options or ParseOptions())
    except InterviewParserError:
        raise
    except (Exception, RecursionError) as exc:  # the one place that may catch everything
        raise InternalError.wrap(exc) from exc
    finally:
        if paused:
            gc.enable()


def _parse(data: str | bytes, *, uri: str | None, options: ParseOptions) -> Transcript:
    unknown = options.disabled_stages - set(STAGE_NAMES)
    if unknown:
        raise UnknownStageError(f"unknown stage(s) {sorted(unknown)}; expected some of {list(STAGE_NAMES)}")
    repaired = False
    if isinstance(data, str):
        # Counted in bytes, as for bytes input: the limit is about memory, not characters.
        if (
            len(data) > options.max_bytes // 4
            and len(data.encode("utf-8", "surrogatepass")) > options.max_bytes
        ):
            raise InputTooLargeError(
                f"input is {len(data.encode('utf-8', 'surrogatepass')):,} bytes as UTF-8; the limit "
                f"(ParseOptions.max_bytes) is {options.max_bytes:,}"
            )
        try:
            raw = data.encode("utf-8")
            utf8: bytes | None = raw
        except UnicodeEncodeError:  # lone surrogates: hash what was given, parse a repair
            raw = data.encode("utf-8", "surrogatepass")
            data = repair_surrogates(data)
            utf8 = data.encode("utf-8")
            repaired = True
        if data.startswith("\ufeff"):
            data = data[1:]
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
    if repaired:
        diagnostics.append(_REPAIRED)
    if fmt == "html":
        from .read.html import html_blocks

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
        detect_language=options.detect_language,
    )
    for name, stage in STAGES:
        if name not in options.disabled_stages:
            stage(state)
    if repair_meta(meta) and not repaired:
        diagnostics.append(_REPAIRED)
    if uri is not None and not uri.isprintable():
        uri = repair_surrogates(uri)
    source = Source(
        uri=uri, format=fmt, sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding, url=meta.url
    )
    return build(state, source=source)


_REPAIRED = Diagnostic(
    code="repaired-text",
    message="lone surrogate code points (not encodable text) were replaced with U+FFFD",
)
