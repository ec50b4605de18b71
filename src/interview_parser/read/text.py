"""Text front end: pasted text lines to blocks.

Each non-blank line is a block; a blank line starts a new paragraph. A YAML front-matter
header (Markdown exports) is kept as chrome blocks, its title and date read as metadata.
Lines keep their words verbatim; only surrounding white space (and a hard break, "\\" or
"<br>", at the end) is trimmed, and a line
wholly in Markdown emphasis (``**...**``, ``*...*``) loses its markers and is hinted bold
or italic, as ``<b>`` would be in HTML.
"""

from __future__ import annotations

import re

import attrs

from ..blocks import Block, Hints, Meta
from ..records import Bucket, Span

_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*):\s*(.*)$")
_MD_EMPHASIS = re.compile(r"^(?P<mark>\*\*|__|\*|_)(?P<inner>[^\s*_](?:.*[^\s*_])?)(?P=mark)$")
_NO_HINTS = Hints()
_BOLD = Hints(bold=True)
_ITALIC = Hints(italic=True)
_COMMENT = Hints(chrome="comment")  # as the HTML front end hints the page's own furniture
# A Markdown blockquote ("> **Why now?**", "> > nested"): the markers go, as <blockquote>'s
# tags do in HTML, and the line is hinted as quoted.
_MD_QUOTE = re.compile(r"(?:>[ \t]?)+")
_QUOTED = {id(h): attrs.evolve(h, quote=True) for h in (_NO_HINTS, _BOLD, _ITALIC)}
# A line that is only a picture: "![The stage](/img/stage.jpg)", linked ("[![..](..)](..)"),
# with a title ("![a](b.jpg "The stage")"). Markup, as <img> is in HTML; the line below it
# is hinted as a picture's, for the captions stage.
_MD_IMAGE = re.compile(r"^\[?!\[[^\]\n]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\)(?:\]\([^()\s]*\))?$")


def _pictured(hints: Hints) -> Hints:
    """The hints of the first line below a picture."""
    return attrs.evolve(hints, after_image=True)


def _front_matter(lines: list[str], meta: Meta) -> int:
    """Read a leading ``---`` YAML block; return the number of lines it spans."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() == "---":
            break
    else:
        return 0
    key, values = "", {}
    for raw in lines[1:end]:
        found = _FRONT_KEY.match(raw)
        if found and not raw[:1].isspace():
            key = found.group(1).lower()
            values[key] = found.group(2).strip()
        elif key:
            values[key] += " " + raw.strip()
    title = values.get("title", "").strip()
    if title:
        title = _yaml_scalar(title)
        meta.title = title
    for key in ("published_time", "date", "published"):
        if values.get(key):
            meta.published = values[key].strip("'\" ")
            break
    if values.get("author"):
        meta.author = _yaml_scalar(values["author"])
    for key in ("canonical_url", "url", "link"):
        if "://" in values.get(key, ""):
            meta.url = _yaml_scalar(values[key])
            break
    return end + 1


def _yaml_scalar(raw: str) -> str:
    """The handful of YAML double-quoted escapes Markdown exporters emit."""
    if raw[:1] in "\"'" and raw[-1:] == raw[:1]:
        raw = raw[1:-1]
    raw = re.sub(r"\\\s+\\?", "", raw)  # folded line continuation ("\<newline>  \ ")
    raw = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), raw)
    raw = raw.replace("\\_", "\u00a0").replace('\\"', '"')
    raw = raw.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", raw).strip()


def fold(text: str) -> str:
    """Trim and fold white space to single spaces (``" ".join(text.split())``).

    Every white space but the plain space is unprintable, so a printable text without
    double or edge spaces is already folded: most lines skip the split and join.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


_BREAK_TAGS = ("<br>", "<br/>", "<br />")


def clean_line(line: str) -> str:
    """Trim a line and fold its inner white space; Markdown hard breaks ("\\" or an HTML
    "<br>" ending the line) go, escapes stay. A line that is only a break is text, kept."""
    if line.endswith("\\"):
        stripped = fold(line[:-1])
        return stripped if stripped else fold(line)
    tail = line.rstrip()
    if tail.endswith(">"):
        low = tail[-6:].lower()
        for tag in _BREAK_TAGS:
            if low.endswith(tag):
                stripped = fold(tail[: -len(tag)])
                return stripped if stripped else fold(line)
    return fold(line)


# Spans are frozen, so one Span per line number serves every page: building a frozen
# record is a third of a line's cost here. The shared list grows by replacement (a thread
# reads the old list or the new one, each right) and stops at a bound, so one huge page
# does not pin memory.
_LINE_SPANS: list[Span] = [Span(start_line=n, end_line=n) for n in range(2048)]
_MAX_SHARED_LINE = 1 << 16


def _line_spans(lines: int) -> list[Span] | None:
    """The shared spans, covering line numbers up to ``lines`` (None past the bound)."""
    global _LINE_SPANS
    spans = _LINE_SPANS
    if lines < len(spans):
        return spans
    if lines >= _MAX_SHARED_LINE:
        return None
    size = min(_MAX_SHARED_LINE, max(lines + 1, 2 * len(spans)))
    spans = spans + [Span(start_line=n, end_line=n) for n in range(len(spans), size)]
    _LINE_SPANS = spans
    return spans


_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>\S.*?)(?:\s+#+)?$")
_HEADINGS = {level: Hints(heading=level) for level in range(1, 7)}


_COMMENT_LINES = 500  # an opener without its "-->" this soon hides only its own line


_OPENS, _CLOSES = 1, 2


def _comment_lines(lines: list[str], skip: int) -> dict[int, int]:
    """The 1-based numbers of the lines inside HTML comments that open a line, each with
    whether it opens (``_OPENS``) or closes (``_CLOSES``) its comment, or both."""
    inside: dict[int, int] = {}
    i = skip
    while i < len(lines):
        line = lines[i].lstrip()
        if line.startswith("<!--"):
            end = i if "-->" in line[4:] else None
            for j in range(i + 1, min(len(lines), i + _COMMENT_LINES)) if end is None else ():
                if "-->" in lines[j]:
                    end = j
                    break
            end = i if end is None else end
            for n in range(i + 1, end + 2):
                inside[n] = 0
            inside[i + 1] |= _OPENS
            inside[end + 1] |= _CLOSES
            i = end + 1
        else:
            i += 1
    return inside


def text_blocks(text: str, meta: Meta) -> list[Block]:
    lines = text.split("\n")
    blocks: list[Block] = []
    skip = _front_matter(lines, meta)
    para = 0
    for number, raw in enumerate(lines[:skip], start=1):
        if raw.strip():
            block = Block(
                index=len(blocks),
                text=raw.strip(),
                span=Span(start_line=number, end_line=number),
                para=0,
            )
            block.mark(Bucket.CHROME, "front-matter")
            blocks.append(block)
    para = 1
    blank = True
    number = skip
    spans = _line_spans(len(lines))
    comments = _comment_lines(lines, skip) if "<!--" in text else None
    pictured = False
    for raw in lines[skip:]:
        number += 1
        if comments and number in comments:
            # An HTML comment is no visible text ("<!-- the English original -->" above each
            # paragraph of a translated page): chrome, and a paragraph of its own.
            place = comments[number]
            if place & _OPENS and not blank:
                para += 1
            if line := raw.strip():
                span = spans[number] if spans is not None else Span(start_line=number, end_line=number)
                block = Block(len(blocks), line, span, para, _COMMENT, body=line)
                block.mark(Bucket.CHROME, "markup-comment")
                blocks.append(block)
            if place & _CLOSES:
                para += 1
                blank = True
            else:
                blank = False
            continue
        # clean_line, inlined: most lines are printable, singly spaced and trimmed already.
        if raw.endswith("\\"):
            line = clean_line(raw)
        elif raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " ":
            line = raw
        else:
            line = " ".join(raw.split())
        if not line:
            if not blank:
                para += 1
            blank = True
            continue
        if line[-1] == ">":
            line = clean_line(raw)  # perhaps an HTML hard break, "<br>" (never empty here)
        hints = _NO_HINTS
        first = line[0]
        quoted = False
        if first == ">" and not line.startswith(">>>") and (marks := _MD_QUOTE.match(line)):
            if marks.end() == len(line):
                # ">" alone: a blank line inside the quote, between its paragraphs; markup,
                # accounted for as chrome.
                span = spans[number] if spans is not None else Span(start_line=number, end_line=number)
                block = Block(len(blocks), line, span, para, _NO_HINTS, body=line)
                block.mark(Bucket.CHROME, "markup-quote")
                blocks.append(block)
                para += 1
                blank = True
                continue
            line = line[marks.end() :]
            quoted, first = True, line[0]
        blank = False
        if (
            first in "-*+"
            and line[1:2] == " "
            and line[-1] in "*_"
            and (item := _MD_EMPHASIS.match(line[2:]))
            and item.group("mark") not in item.group("inner")
        ):
            # "* **Why now?**": a list item wholly in emphasis, its bullet and markers markup.
            line = item.group("inner")
            hints = _BOLD if len(item.group("mark")) == 2 else _ITALIC
        elif first == "*" or first == "_":
            # Only a line ending in a marker can be wholly in emphasis ("**Name:** says" is not).
            wrapped = _MD_EMPHASIS.match(line) if line[-1] in "*_" else None
            if wrapped and wrapped.group("mark") not in wrapped.group("inner"):
                # A whole line in Markdown emphasis (**...**, *...*): the markers are markup,
                # as <b> is in HTML; the words stay.
                line = wrapped.group("inner")
                hints = _BOLD if len(wrapped.group("mark")) == 2 else _ITALIC
        elif first == "#" and (heading := _MD_HEADING.match(line)):
            # "# Title", "## Section": Markdown headings, as <h1>/<h2> are in HTML.
            line = heading.group("text")
            hints = _HEADINGS[len(heading.group("hashes"))]
        elif (first == "!" or (first == "[" and line[1:2] == "!")) and _MD_IMAGE.match(line):
            span = spans[number] if spans is not None else Span(start_line=number, end_line=number)
            block = Block(len(blocks), line, span, para, _NO_HINTS, body=line)
            block.mark(Bucket.CHROME, "markup-image")
            blocks.append(block)
            pictured = True
            continue
        if quoted:
            hints = _QUOTED.get(id(hints)) or attrs.evolve(hints, quote=True)
        if pictured:
            hints = _pictured(hints)
            pictured = False
        span = spans[number] if spans is not None else Span(start_line=number, end_line=number)
        blocks.append(Block(len(blocks), line, span, para, hints, body=line))
    return blocks
