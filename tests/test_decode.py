from __future__ import annotations

import codecs

from interview_parser.read.decode import decode_bytes, normalise, sniff_format


def test_utf8_bom_is_read_and_dropped() -> None:
    d = decode_bytes(codecs.BOM_UTF8 + "Zoë".encode(), max_bytes=100)
    assert (d.text, d.encoding) == ("Zoë", "utf-8")


def test_utf16_bom() -> None:
    d = decode_bytes(codecs.BOM_UTF16_LE + "Q: hé?".encode("utf-16-le"), max_bytes=100)
    assert d.text == "Q: hé?"


def test_cp1252_fallback_for_windows_quotes() -> None:
    d = decode_bytes("“Banks left” – she said".encode("cp1252"), max_bytes=100)
    assert (d.text, d.encoding) == ("“Banks left” – she said", "cp1252")


def test_meta_charset_wins_over_guessing() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>caf\xe9</body></html>'
    d = decode_bytes(page.encode("cp1252"), max_bytes=1000)
    assert "café" in d.text and d.encoding == "cp1252"


def test_normalise_line_ends_and_spaces() -> None:
    assert normalise("a\r\nb\rc\u00a0d\u200be") == "a\nb\nc de"


def test_sniff() -> None:
    assert sniff_format("<!DOCTYPE html><html>") == "html"
    assert sniff_format("  <p>Q: hi</p>") == "html"
    assert sniff_format("Q: <b> is a tag?") == "text"
    # XHTML saved by a browser opens with an XML declaration.
    assert sniff_format('<?xml version="1.0" encoding="utf-8"?>\n<html><body>') == "html"
