"""Decode: bytes or str in, normalised text and its encoding out.

Reads the BOM, then an HTML ``<meta charset>`` or XML declaration, then tries utf-8 and
falls back to cp1252 (what pasted Windows text and old pages use). Normalises line ends,
non-breaking and zero-width spaces, so every later stage sees one kind of white space.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import attrs

from ..errors import BinaryInputError, EmptyInputError, InputTooLargeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)["']""")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ODD = re.compile("|".join(p.pattern for p in (_ZERO_WIDTH, _SPACES, _CONTROL)))
# Elements a page may open with (after comments, a doctype or an XML declaration).
_HTML_OPENERS = frozenset(
    """
    html head body meta title link base script style noscript template article main section
    div p span a b strong i em h1 h2 h3 h4 h5 h6 table ul ol li dl figure header nav footer
    aside form img picture iframe svg br hr center font blockquote pre
    """.split()
)
_OPEN_TAG = re.compile(r"<(!doctype\b|[a-zA-Z][a-zA-Z0-9]{0,15})(?=[\s/>])", re.I)
_SNIFF_WINDOW = 4096


@attrs.frozen(kw_only=True)
class Decoded:
    text: str
    encoding: str


def _declared_encoding(head: bytes) -> str | None:
    for pattern in (_XML_DECL, _META_CHARSET):
        found = pattern.search(head)
        if found:
            name = found.group(1).decode("ascii", "replace")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    # The control bytes, counted in C: deleting every other byte leaves only them.
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > len(sample) * 0.05


def decode_bytes(data: bytes, *, max_bytes: int) -> Decoded:
    """Bytes to text; refuses binary data and inputs over ``max_bytes``."""
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"input is {len(data):,} bytes; the limit (ParseOptions.max_bytes) is {max_bytes:,}"
        )
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(text=data[len(bom) :].decode(name, "replace"), encoding=name)
    if _looks_binary(data):
        raise BinaryInputError(
            "expected text or HTML, found binary data (NUL or control bytes in the first 4 KB)"
        )
    declared = _declared_encoding(data[:2048])
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return Decoded(text=data.decode(declared), encoding=declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return Decoded(text=data.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        return Decoded(text=data.decode("cp1252", "replace"), encoding="cp1252")


def normalise(text: str) -> str:
    """One line-end style, plain spaces, no zero-width or control characters."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # One scan finds whether anything needs replacing; most text is clean.
    found = _ODD.search(text)
    if found is None:
        return text
    start = found.start()
    rest = text[start:]
    # One more scan names the few odd characters present; str.replace (in C) then handles
    # each: half the cost of three substitutions over the rest of the page.
    for ch in set(_ODD.findall(rest)):
        rest = rest.replace(ch, " " if _SPACES.match(ch) else "")
    return text[:start] + rest


_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_surrogates(text: str) -> str:
    """Lone surrogates (from str input, JSON ``\\ud83d`` or YAML escapes) cannot be
    written as UTF-8; each becomes U+FFFD, so no writer ever fails half-way."""
    return _SURROGATE.sub("\ufffd", text)


def repair_meta(meta: Any) -> bool:
    """Repair the page's metadata strings in place; whether anything needed it."""
    changed = False
    for field in ("title", "published", "publisher", "author", "url", "language", "interviewee_hint"):
        value = getattr(meta, field)
        if isinstance(value, str) and _SURROGATE.search(value):
            setattr(meta, field, repair_surrogates(value))
            changed = True
    return changed


def check_not_empty(text: str) -> None:
    if not text or text.isspace():  # not text.strip(), which copies the page
        raise EmptyInputError("expected an interview, found no visible text")


def sniff_format(text: str) -> str:
    """``html`` when the text opens like markup, else ``text``.

    Skips a BOM, white space, comments and processing instructions (``<?xml ...?>``,
    ``<?xml-stylesheet ...?>``) one at a time: a loop, not a nested regex quantifier, so
    the cost stays linear however many comments open the page."""
    i, n = 0, len(text)
    while True:
        while i < n and (text[i].isspace() or text[i] == "\ufeff"):
            i += 1
        if text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return "html"  # an unclosed comment is still markup
            i = end + 3
        elif text.startswith("<?", i):
            end = text.find("?>", i + 2)
            if end < 0:
                return "text"
            i = end + 2
        else:
            break
    found = _OPEN_TAG.match(text, i, i + _SNIFF_WINDOW)
    if found is None:
        return "text"
    tag = found.group(1).lower()
    return "html" if tag == "!doctype" or tag in _HTML_OPENERS else "text"
