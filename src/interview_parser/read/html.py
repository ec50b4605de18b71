"""HTML front end: an lxml tree to the same block stream the text front end emits.

Parses without network access or entity expansion, refuses absurdly deep trees, drops what
is never read (scripts, styles, forms), and walks the rest once. Every line of visible
text becomes a block with hints: bold/italic coverage, a bold leading label, heading level,
figure and caption context, list item, link density, and a chrome reason when the line
sits in furniture (header, nav, footer, aside, share bars, cookie banners...). Page
metadata (og:title, ``<time>``, JSON-LD) goes to ``Meta``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs
from lxml import etree

from ..blocks import Block, Hints, Meta
from ..errors import EmptyInputError, MarkupError
from ..lexicon import TITLE_SEPARATORS
from ..records import Diagnostic, Span
from . import selectors as sel
from .decode import normalise
from .text import fold

LIBXML_MAX_DEPTH = 256
_LINE_CAP = 65535  # libxml2's line numbers are 16 bits
_WS = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")
_CLOSED = re.compile(r"</(?:body|html)\s*>", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_LABEL_END = re.compile(r"[:.)\-–—]\s*$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SITE_SUFFIX = re.compile(r"(?<!\s)\s++[|–—·:-]\s++[^|–—·:]{2,60}$")


# Editors that paste from word processors (Google Docs into WordPress, Wix) set bold and
# italic in inline styles: the questions in <span style="font-weight:700">, the whole post
# wrapped in <b style="font-weight:normal">.
_FONT = re.compile(r"font-(weight|style)\s*:\s*([a-z0-9]+)", re.I)
_STYLE_UNSET: tuple[bool | None, bool | None] = (None, None)
_CSS_WIDE = frozenset({"inherit", "initial", "unset", "revert"})


@functools.lru_cache(maxsize=4096)
def _style_emphasis(style: str | None) -> tuple[bool | None, bool | None]:
    """Bold and italic as an inline style sets them (None where it says nothing)."""
    if not style or "font-" not in style:
        return _STYLE_UNSET
    bold: bool | None = None
    italic: bool | None = None
    for prop, raw in _FONT.findall(style):
        value = raw.lower()
        if value in _CSS_WIDE:
            continue
        if prop.lower() == "weight":
            bold = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
        else:
            italic = value in ("italic", "oblique")
    return bold, italic


@functools.lru_cache(maxsize=4096)
def _class_emphasis(classes: str) -> tuple[bool | None, bool | None]:
    """Bold and italic as utility classes set them (Tailwind's "font-semibold", Bootstrap's
    "fw-bold"): sites built on such frameworks set their questions apart with a class."""
    bold = italic = None
    for name in classes.lower().split():
        if name in sel.BOLD_CLASSES:
            bold = True
        elif name in sel.NORMAL_WEIGHT_CLASSES:
            bold = False
        elif name in sel.ITALIC_CLASSES:
            italic = True
    return bold, italic


class _Ctx(NamedTuple):
    """What an element inherits from its ancestors (a NamedTuple: ``_replace`` is cheap)."""

    chrome: str | None = None
    caption: str | None = None
    figure: bool = False
    heading: int = 0
    list_item: bool = False
    bold: bool = False
    italic: bool = False
    link: bool = False
    main: bool = False
    quote: bool = False
    qa: str | None = None
    term: bool = False  # inside a <dt>: a definition list's term, set apart by the markup
    small: bool = False  # inside <small>: fine print, a credit or a caption
    flex: bool = False  # this element lays out its children as flex or grid items (not inherited)


_Piece = tuple[str, bool, bool, bool]  # text, bold, italic, link
# Collapsed furniture: every text node under an element, in C, without smart strings
# (``itertext`` costs a Python step per node: a related-links box holds thousands).
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)
_STRING = etree.XPath("string()")  # compiled once: el.xpath() compiles on every call


_PRE_DOCUMENT_CHARS = 1000
_PRE_DOCUMENT_SHARE = 0.5  # of the page's text: a document, not a sample inside an article


@attrs.define
class _Walker:
    root: Any
    main_el: Any
    max_depth: int
    blocks: list[Block] = attrs.Factory(list)
    para: int = 0
    pieces: list[_Piece] = attrs.Factory(list)
    line_ctx: _Ctx = attrs.Factory(_Ctx)
    line_el: Any = None
    line_path: str | None = None  # the path of line_el (built during the walk: lxml's
    # getpath() counts preceding siblings on every call, quadratic on long lists)
    # The main element and its ancestors: never collapsed as furniture.
    keep: set[Any] = attrs.Factory(set)
    # Paragraphs that make most of the page's text (0: no test): furniture never holds them.
    most_paragraphs: int = 0
    # A picture opened the line now being read (a blog's italic line below its photo).
    after_image: bool = False
    small_chars: int = 0  # of the line now being read, those set in <small>
    # Every context seen, interned, so a context's id() names it for the walker's lifetime
    # (hashing an eleven-field tuple per element costs more than the rest of the step).
    contexts: dict[_Ctx, _Ctx] = attrs.Factory(dict)
    # Most elements carry no attributes: their context follows from the parent's and the tag.
    transitions: dict[tuple[int, str], _Ctx] = attrs.Factory(dict)
    attributed: dict[tuple[Any, ...], _Ctx] = attrs.Factory(dict)
    # Most blocks share their hints with another (every answer paragraph alike).
    hints: dict[tuple[Any, ...], Hints] = attrs.Factory(dict)

    # libxml2 counts lines in 16 bits: past line 65535 every element says 65535. There the
    # walk finds each line's element by its start tag in the source, moving only forward.
    source: str = ""
    respect_hidden: bool = True  # off for a page whose every line sits in hidden markup
    cursor: int = -1
    cursor_line: int = _LINE_CAP
    # Lines below the element's own start line: set while a preformatted document's lines
    # are read, one block each.
    line_offset: int = 0
    page_chars: int = -1  # the body's text length, read once a <pre> asks for it

    def _line_past_cap(self, el: Any) -> int:
        if self.cursor < 0:
            self.cursor = _offset_of_line(self.source, _LINE_CAP)
        tag = el.tag if isinstance(el.tag, str) else ""
        found = (
            re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.I).search(self.source, self.cursor)
            if tag
            else None
        )
        if found is not None:
            self.cursor_line += self.source.count("\n", self.cursor, found.start())
            self.cursor = found.end()
        return self.cursor_line

    def flush(self, *, new_para: bool) -> None:
        pieces = self.pieces
        if pieces:
            self.pieces = []
            joined = "".join([p[0] for p in pieces])
            # Most flushes hold only the white space between tags: nothing to fold.
            text = "" if joined.isspace() else fold(joined)
            # Every invisible character is unprintable; isprintable() scans twice as fast.
            if not text.isprintable() and _INVISIBLE.search(text):
                text = fold(normalise(text))
            if text:
                self.blocks.append(self._block(text, pieces))
                self.after_image = False
            self.small_chars = 0
        if new_para:
            self.para += 1

    def _block(self, text: str, pieces: list[_Piece]) -> Block:
        visible = bold = italic = link = 0
        for piece, b, i, a in pieces:
            n = len(piece.strip())
            visible += n
            if b:
                bold += n
            if i:
                italic += n
            if a:
                link += n
        visible = visible or 1
        bold_share = bold / visible
        ctx = self.line_ctx
        el = self.line_el
        label = _bold_label(pieces, text, bold_share) if _opens_bold(pieces) else None
        css = el.get("class") if el is not None else None
        key = (
            bold_share >= 0.9 or ctx.bold,
            italic / visible >= 0.9 or ctx.italic,
            round(link / visible, 3),
            label,
            id(ctx),
            css,
            self.after_image,
            self.small_chars >= 0.9 * visible,
        )
        hints = self.hints.get(key)
        if hints is None:
            hints = self.hints[key] = Hints(
                bold=key[0],
                italic=key[1],
                heading=ctx.heading,
                in_figure=ctx.figure,
                list_item=ctx.list_item,
                link_density=key[2],
                chrome=ctx.chrome,
                caption=ctx.caption,
                label=label,
                main=ctx.main,
                quote=ctx.quote,
                qa=ctx.qa,
                css=css,
                term=ctx.term,
                after_image=key[6],
                small=key[7],
            )
        line = (el.sourceline or 0) if el is not None else 0
        if line >= _LINE_CAP and self.source:
            line = self._line_past_cap(el)
        line += self.line_offset
        return Block(
            index=len(self.blocks),
            text=text,
            span=Span(
                start_line=line,
                end_line=line,
                path=self.line_path if el is not None else None,
            ),
            para=self.para,
            hints=hints,
            body=text,
        )

    def walk(self, el: Any, ctx: _Ctx, depth: int, path: str, tag: str, attrib: Any) -> None:
        """Emit the text under ``el``; its tail is the caller's, read in the caller's context.

        ``tag`` and ``attrib`` are the element's, read once by the caller (libxml2's HTML
        parser gives tag and attribute names in lower case already)."""
        if depth > self.max_depth:
            raise MarkupError(
                f"expected HTML nested at most {self.max_depth} levels deep (ParseOptions."
                f"max_html_depth), found deeper nesting at line {getattr(el, 'sourceline', '?')}"
            )
        if tag == "br":
            self.flush(new_para=False)
            return
        if tag == "img":
            if ctx.chrome is None and not any(p[0].strip() for p in self.pieces) and not _icon(attrib):
                self.after_image = True
            return
        outer_chrome, outer_caption = ctx.chrome, ctx.caption
        if el is self.main_el or (attrib and el in self.keep):
            ctx = self.intern(self._context(el, tag, ctx, attrib))
        elif attrib:
            ctx = self._attributed(el, tag, ctx, attrib)
        else:
            known = self.transitions.get((id(ctx), tag))
            ctx = known if known is not None else self._transition(el, tag, ctx)
        # What an element holds can overrule its classes (contexts are memoised by class, so
        # these tests stand here, element by element).
        if ctx.caption == "media-text" and outer_caption is None and _paragraphs(el) >= 2:
            # WordPress's Media & Text block ("wp-block-media-text__content") sets paragraphs
            # beside a picture: words of the page, not about the picture.
            ctx = self.intern(ctx._replace(caption=None))
        if (
            ctx.chrome is not None
            and outer_chrome is None
            and el not in self.keep
            and (ctx.main or self.main_el is None)
            and self._content(el, ctx.chrome)
        ):
            ctx = self.intern(ctx._replace(chrome=None))
        # A caption or credit in an inline element (<span class="credit">) is a line of its
        # own: beside a caption, or after an answer's last sentence, it is another text.
        is_block = tag in sel.BLOCK_TAGS or (ctx.caption is not None and outer_caption is None)
        if tag == "pre" and ctx.chrome is None and (lines := self._document_lines(el)) is not None:
            self._preformatted(lines, ctx, el, path)
            return
        if is_block and ctx.chrome and outer_chrome is None and el not in self.keep:
            # Furniture (a menu, a footer, a related-links box): one block for all of it,
            # read in C, instead of a walk through hundreds of links.
            self.flush(new_para=True)
            self.line_ctx, self.line_el, self.line_path = ctx, el, path
            nodes: Any = _TEXT_NODES(el)
            self._text(" ".join(nodes), ctx)  # spaced: <li>s often touch
            self.flush(new_para=True)
            return
        if is_block:
            self.flush(new_para=True)
            self.line_ctx, self.line_el, self.line_path = ctx, el, path
        elif not self.pieces:
            self.line_ctx = ctx
            if self.line_el is None:
                self.line_el, self.line_path = el, path
        text = el.text
        if text:
            self.pieces.append((text, ctx.bold, ctx.italic, ctx.link))
            if ctx.small:
                self.small_chars += len(text.strip())
        seen: dict[str, int] = {}
        # A flex or grid container sets each child apart, as a box of its own (the "Trees"
        # and "Volunteers" links of a tag row touch in the source, not on the screen).
        apart = ctx.flex
        for child in el:
            child_tag = child.tag
            if isinstance(child_tag, str):
                if apart and self.pieces:
                    self.pieces.append((" ", ctx.bold, ctx.italic, ctx.link))
                n = seen[child_tag] = seen.get(child_tag, 0) + 1
                child_attrib = child.attrib
                if child_attrib and self.respect_hidden and _hidden(child):
                    pass  # hidden markup: not read (its tail is, below)
                elif (
                    child_tag in sel.INLINE_TAGS
                    and not len(child)
                    and self.line_el is not None
                    and depth < self.max_depth
                    and child is not self.main_el
                    and (leaf := self._leaf_context(child_tag, child_attrib, ctx, child)) is not None
                ):
                    # An inline leaf (``<strong>Q.</strong>``, ``<a href=...>``), the commonest
                    # element in an article: its text joins the line without a walk of its own.
                    if not self.pieces:
                        self.line_ctx = leaf
                    leaf_text = child.text
                    if leaf_text:
                        self.pieces.append((leaf_text, leaf.bold, leaf.italic, leaf.link))
                        if leaf.small:
                            self.small_chars += len(leaf_text.strip())
                else:
                    self.walk(child, ctx, depth + 1, f"{path}/{child_tag}[{n}]", child_tag, child_attrib)
            if is_block:
                # The line goes on in this element's context (after a nested block, or an
                # inline run that opened it).
                self.line_ctx, self.line_el, self.line_path = ctx, el, path
            tail = child.tail
            if tail:
                self.pieces.append((tail, ctx.bold, ctx.italic, ctx.link))
                if ctx.small:
                    self.small_chars += len(tail.strip())
        if is_block:
            self.flush(new_para=True)

    def _document_lines(self, el: Any) -> list[str] | None:
        """The lines of a <pre> that holds the page's document (a hearing's record, a
        transcript served as preformatted text), or None for a code sample or a poem."""
        text = str(_STRING(el))
        if len(text) < _PRE_DOCUMENT_CHARS or "\n\n" not in text:
            return None
        if self.page_chars < 0:
            self.page_chars = len(str(_STRING(self.root)))
        if len(text) < _PRE_DOCUMENT_SHARE * self.page_chars:
            return None
        return text.split("\n")

    def _preformatted(self, lines: list[str], ctx: _Ctx, el: Any, path: str) -> None:
        """One block per line of a preformatted document, a blank line ending a paragraph
        (white space folded into one line would run every turn of a transcript together)."""
        self.flush(new_para=True)
        self.line_ctx, self.line_el, self.line_path = ctx, el, path
        for offset, line in enumerate(lines):
            if line.strip():
                self.line_offset = offset
                self.pieces.append((line, ctx.bold, ctx.italic, ctx.link))
                self.flush(new_para=False)
            elif self.pieces or offset:
                self.flush(new_para=True)
        self.line_offset = 0
        self.flush(new_para=True)

    def _leaf_context(self, tag: str, attrib: Any, ctx: _Ctx, el: Any) -> _Ctx | None:
        """The context of an inline leaf under ``ctx``; None when it must be walked (a
        caption or credit span starts a line of its own)."""
        if not attrib:
            known = self.transitions.get((id(ctx), tag))
            return known if known is not None else self._transition(el, tag, ctx)
        leaf = self._attributed(el, tag, ctx, attrib)
        return None if leaf.caption is not None and ctx.caption is None else leaf

    def _attributed(self, el: Any, tag: str, ctx: _Ctx, attrib: Any) -> _Ctx:
        """The context of an element with attributes under ``ctx``. It depends on the
        parent's, the tag, three attributes and what the style sets; CMS pages repeat the same
        classes on most elements ("graf graf--p"), so it is memoised."""
        key = (
            id(ctx),
            tag,
            attrib.get("class"),
            attrib.get("id"),
            attrib.get("role"),
            _style_key(style) if (style := attrib.get("style")) else None,
        )
        known = self.attributed.get(key)
        if known is None:
            known = self.attributed[key] = self.intern(self._context(el, tag, ctx, attrib))
        return known

    def _content(self, el: Any, reason: str) -> bool:
        """Whether an element its tag or classes call furniture is the page's content: the
        post itself, as the page declares it (a schema.org article, hAtom's "hentry",
        WordPress's "status-publish": a post's "tag-jobs" class names a tag it has), or
        most of the main text's paragraphs (a share plugin's
        "gigya-share-btns-2_gig_containerParent" on the article's text wrapper)."""
        if el.get("itemscope") is not None and _ARTICLE_TYPE.search(el.get("itemtype") or ""):
            return True
        if not sel.POST_CLASSES.isdisjoint((el.get("class") or "").split()):
            return True
        # Comments, related links, sidebars and page regions may hold most of the text; a
        # share bar or a tag list never does, so there the classes misname the element.
        most = self.most_paragraphs
        return reason in sel.WIDGET_REASONS and most > 0 and _paragraphs(el, most) >= most

    def _transition(self, el: Any, tag: str, ctx: _Ctx) -> _Ctx:
        """The context of an attribute-less ``tag`` under ``ctx``, remembered."""
        new = self.transitions[(id(ctx), tag)] = self.intern(self._context(el, tag, ctx, {}))
        return new

    def intern(self, ctx: _Ctx) -> _Ctx:
        return self.contexts.setdefault(ctx, ctx)

    def _text(self, text: str | None, ctx: _Ctx) -> None:
        if text:
            self.pieces.append((text, ctx.bold, ctx.italic, ctx.link))

    def _context(self, el: Any, tag: str, ctx: _Ctx, attrib: Any) -> _Ctx:
        changes: dict[str, Any] = {}
        if el is self.main_el:
            # The main content wins over furniture wrapped around it (a page-wide <aside>).
            changes["main"] = True
            changes["chrome"] = None
            ctx = ctx._replace(chrome=None)
        # Most elements have no attributes, and skip all the token work.
        tokens = _tokens(attrib) if attrib else ()
        # The main content and its ancestors are no furniture, whatever their classes say
        # (a CMS puts "sharebar-enabled", "category-social-media" on the post itself).
        chrome = (
            None
            if el in self.keep
            else sel.CHROME_TAGS.get(tag) or (_chrome_reason(attrib, tag, tokens) if attrib else None)
        )
        if chrome and ctx.chrome is None and not (ctx.main and tag == "header"):
            changes["chrome"] = chrome
        if tag == "figcaption":
            changes["caption"] = "figcaption"
        elif tag == "figure":
            changes["figure"] = True
            changes["caption"] = ctx.caption or "figure"
        elif tokens and ctx.caption is None and el not in self.keep:
            cap = _caption_reason(attrib, tokens)
            if cap:
                changes["caption"] = cap
        for token in tokens:
            if token in sel.QA_TOKENS:
                changes["qa"] = sel.QA_TOKENS[token]
                break
        if tag in sel.HEADINGS:
            changes["heading"] = sel.HEADINGS[tag]
        elif tag == "li":
            changes["list_item"] = True
        elif tag == "blockquote":
            changes["quote"] = True
        elif tag == "dt":
            changes["term"] = True
        elif tag in sel.BOLD_TAGS:
            changes["bold"] = True
        elif tag in sel.ITALIC_TAGS:
            changes["italic"] = True
        elif tag == "a":
            changes["link"] = True
        elif tag == "small":
            changes["small"] = True
        if attrib:
            classes = attrib.get("class")
            if classes:
                bold, italic = _class_emphasis(classes)
                if bold is not None:
                    changes["bold"] = bold
                if italic is not None:
                    changes["italic"] = italic
            bold, italic = _style_emphasis(attrib.get("style"))
            if bold is not None:
                changes["bold"] = bold
            if italic is not None:
                changes["italic"] = italic
        flex = bool(attrib) and _flex(attrib.get("class"), attrib.get("style"))
        if flex != ctx.flex:
            changes["flex"] = flex
        return ctx._replace(**changes) if changes else ctx


def _tokens(attrib: Any) -> list[str]:
    """The class and id words, lower case: the class's tokens, then the id's."""
    classes, ident = attrib.get("class"), attrib.get("id")
    return [*(_split_tokens(classes) if classes else ()), *(_id_tokens(ident) if ident else ())]


_SLUG_WORDS = 4
_LONG_SLUG_WORDS = 6
_SLUG_FUNCTION_WORDS = frozenset(
    "a an the of with to and in for on at by from as your my our is are how what why who".split()
)


@functools.lru_cache(maxsize=8192)
def _id_tokens(raw: str) -> tuple[str, ...]:
    """An id's words, unless it is a heading's text made an anchor: a section's id
    "sharing-with-a-single-developer" (Sphinx, pandoc) names no share bar. A component's
    id is a name of a few words without "with" or "the" ("most-popular-articles-list"),
    or carries a number ("div-gpt-ad-1590-0")."""
    tokens = _split_tokens(raw)
    if len(tokens) < _SLUG_WORDS or any(t.isdigit() for t in tokens):
        return tokens
    if len(tokens) >= _LONG_SLUG_WORDS or not _SLUG_FUNCTION_WORDS.isdisjoint(tokens):
        return ()
    return tokens


@functools.lru_cache(maxsize=8192)
def _split_tokens(raw: str) -> tuple[str, ...]:
    """Pages repeat their class strings on element after element: each is split once."""
    return tuple(t for t in sel.TOKEN_SPLIT.split(raw.lower()) if t)


def _chrome_reason(attrib: Any, tag: str, tokens: Sequence[str]) -> str | None:
    role = (attrib.get("role") or "").lower()
    if role in sel.CHROME_ROLES:
        return sel.CHROME_ROLES[role]
    if tag == "form":
        return "form"
    for token in tokens:
        if token in sel.CHROME_TOKENS:
            if token == "hidden" and not _hides(attrib.get("class") or "", attrib.get("id") or ""):
                continue
            return sel.CHROME_TOKENS[token]
    return None


@functools.lru_cache(maxsize=4096)
def _hides(classes: str, ident: str) -> bool:
    """Whether a class or id naming "hidden" hides the element itself ("is-hidden",
    "gallery--hidden"). Drupal prints "field--label-hidden" on nearly every body field (its
    label is hidden) and Tailwind's "overflow-hidden" clips a wrapper: neither hides it."""
    for name in (*classes.lower().split(), ident.lower()):
        tokens = _split_tokens(name)
        if "hidden" in tokens and sel.HIDDEN_PARTS.isdisjoint(tokens[: tokens.index("hidden")]):
            return True
    return False


_FLEX_DISPLAY = re.compile(r"display\s*:\s*(?:inline-)?(?:flex|grid)", re.I)


@functools.lru_cache(maxsize=4096)
def _style_key(style: str) -> tuple[bool | None, bool | None, bool]:
    """What an inline style changes in a context: bold, italic, and flex layout."""
    return (*_style_emphasis(style), _flex(None, style))


@functools.lru_cache(maxsize=4096)
def _flex(classes: str | None, style: str | None) -> bool:
    """Whether an element lays its children out as flex or grid items (by a framework's
    class, Tailwind's "flex", Bootstrap's "d-flex", or by its inline style)."""
    if classes and not sel.FLEX_CLASSES.isdisjoint(classes.lower().split()):
        return True
    return style is not None and "display" in style and _FLEX_DISPLAY.search(style) is not None


_ICON_PIXELS = 64


def _icon(attrib: Any) -> bool:
    """An emoji or an icon set in the text ("wp-smiley", 16 by 16), no picture."""
    classes = (attrib.get("class") or "").lower()
    if "emoji" in classes or "smiley" in classes or "icon" in classes:
        return True
    sizes = [attrib.get("width") or "", attrib.get("height") or ""]
    return all(v.isdigit() for v in sizes) and max(int(v) for v in sizes) < _ICON_PIXELS


_COUNT_P = etree.XPath("count(.//p)")


def _count_p(el: Any) -> int:
    """The ``<p>`` elements under ``el``, counted in C (a page may hold thousands)."""
    n = _COUNT_P(el)
    return int(n) if isinstance(n, float) else 0


_MOST_SHARE = 0.8
_MOST_MIN = 5


def _paragraphs(el: Any, enough: int = 2) -> int:
    """The ``<p>`` elements inside ``el``, counted up to ``enough``."""
    n = 0
    for _ in el.iter("p"):
        n += 1
        if n >= enough:
            break
    return n


@functools.lru_cache(maxsize=4096)
def _media_text(classes: str) -> bool:
    for name in classes.split():
        tokens = _split_tokens(name)
        if sel.MEDIA_TOKENS.intersection(tokens) and sel.MEDIA_TEXT_TOKENS.intersection(tokens):
            return True
    return False


def _caption_reason(attrib: Any, tokens: Sequence[str]) -> str | None:
    raw = (attrib.get("class") or "").lower()
    if not raw:
        return None
    for token in [raw, *tokens]:
        if token in sel.CAPTION_TOKENS:
            return sel.CAPTION_TOKENS[token]
    # "video__description", "photo-text": words about a picture, named by the parts of one
    # class name (a page's flags, "f_video_on f_permalink_text_on", name nothing).
    if sel.MEDIA_TOKENS.intersection(tokens) and sel.MEDIA_TEXT_TOKENS.intersection(tokens):
        return "media-text" if _media_text(raw) else None
    return None


def _hidden(el: Any) -> bool:
    # One keys() call, then a get() only for the attributes present: four get() calls per
    # element cost three times as much, and most elements carry a class and nothing else.
    names = el.keys()
    if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
        return True
    if "style" in names:
        style = el.get("style")
        if style and _HIDDEN_STYLE.search(style):
            return True
    return "class" in names and _hidden_classes(el.get("class"))


@functools.lru_cache(maxsize=4096)
def _hidden_classes(classes: str) -> bool:
    """Pages repeat a few class strings on most elements: each is judged once."""
    return any(c in sel.HIDDEN_CLASSES or "tooltip" in c for c in classes.lower().split())


def _opens_bold(pieces: list[_Piece]) -> bool:
    for text, bold, _italic, _link in pieces:
        if text.strip():
            return bold
    return False


def _bold_label(pieces: list[_Piece], text: str, bold_share: float) -> str | None:
    """A short bold run opening the line (``<b>Q.</b>``, ``<strong>Jane Doe:</strong>``)."""
    lead: list[str] = []
    for piece, bold, _italic, _link in pieces:
        if not piece.strip() and not lead:
            continue
        if not bold:
            break
        lead.append(piece)
    label = " ".join("".join(lead).split())
    if not label or len(label) > 60 or len(label.split()) > 6:
        return None
    rest = text[len(label) :].strip()
    if rest and rest[0] not in ":.)-–—" and not _LABEL_END.search(label):
        return None
    if not rest and not _LABEL_END.search(label) and bold_share >= 0.9 and len(label.split()) > 3:
        return None
    if rest.startswith(":"):  # the colon stands outside the bold run
        label = label + ":"
    return label


_DENSEST_SHARE = 0.6  # the container must hold this share of the page's paragraph text
_DENSEST_MIN_CHARS = 300


def _densest(root: Any) -> Any:
    """The innermost element holding most of the page's paragraph text, or None."""
    weight: dict[Any, int] = {}
    total = 0
    for p in root.iter("p"):
        n = len(str(_STRING(p)))
        total += n
        for ancestor in p.iterancestors():
            weight[ancestor] = weight.get(ancestor, 0) + n
    if total < _DENSEST_MIN_CHARS:
        return None
    held = [el for el, w in weight.items() if w >= _DENSEST_SHARE * total and el.tag != "html"]
    if not held:
        return None
    best = max(held, key=lambda el: len(list(el.iterancestors())))
    return None if best.tag == "body" else best


_ARTICLE_TYPE = re.compile(r"(?:Article|Posting|Report)/?$")


def _article_scope(el: Any) -> Any:
    """The schema.org article an ``itemprop="articleBody"`` element belongs to, if any: its
    headline, lead and photo stand beside the body, inside the article's ``itemscope``
    (a CMS marks the body alone; the lead naming the interviewee is no page furniture)."""
    if el.get("itemprop") != "articleBody":
        return el
    for up in el.iterancestors():
        if up.get("itemscope") is not None and _ARTICLE_TYPE.search(up.get("itemtype") or ""):
            return el if up.tag in ("html", "body") else up
    return el


def _main_element(root: Any, found: list[Any]) -> Any:
    """The page's main content element, or None; ``found`` holds its <article> and <main>
    elements still in the tree, in document order. The attribute scan (XPath) runs only
    without them."""
    candidates = found or [_article_scope(c) for c in sel.MAIN_ATTRIBUTE_CANDIDATES(root)]
    if not candidates:
        return _densest(root)
    # Size by paragraphs, counted in C: serialising each candidate's text costs more than
    # parsing the page when a <main> holds a thousand related links.
    sizes = [(sum(1 for _ in c.iter("p")), c) for c in candidates]
    biggest = max(s for s, _ in sizes)
    # The innermost candidate that still holds most of the text.
    good = [c for s, c in sizes if s >= 0.6 * biggest]
    return max(good, key=lambda c: len(list(c.iterancestors())))


def parse_tree(text: str, max_depth: int, utf8: bytes | None = None) -> Any:
    """The page's element tree; from ``utf8`` (the same page as UTF-8 bytes) when given,
    which spares libxml2 converting Python's string back to UTF-8."""
    # The parser's encoding (below) overrides any the page declares.
    use_bytes = utf8 is not None and b"\x00" not in utf8
    source = utf8 if use_bytes and utf8 is not None else _XML_DECL.sub("", text, count=1)
    # The plain etree parser: lxml.html's element classes cost a Python call per element.
    parser = etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        huge_tree=False,
        encoding="utf-8" if isinstance(source, bytes) else None,
    )
    try:
        root = etree.fromstring(source, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise MarkupError(f"expected an HTML document, lxml refused it: {exc}") from exc
    if root is None:
        raise EmptyInputError("expected an HTML document, found no elements")
    for error in parser.error_log:
        # libxml2 stops at 256 levels without XML_PARSE_HUGE (which we keep off, for safety)
        # and would silently drop everything deeper.
        if error.type_name == "ERR_RESOURCE_LIMIT" and "buffer size" in error.message.lower():
            # libxml2 refuses a single text node over 10 MB without XML_PARSE_HUGE.
            raise MarkupError(
                f"expected text runs of at most 10 MB between two tags, found a longer one "
                f"at line {error.line}"
            )
        if error.type_name == "ERR_RESOURCE_LIMIT":
            raise MarkupError(
                f"expected HTML nested at most {LIBXML_MAX_DEPTH} levels deep, found deeper "
                f"nesting at line {error.line}"
            )
    return root


def html_blocks(
    text: str, meta: Meta, *, max_depth: int, diagnostics: list[Diagnostic], utf8: bytes | None = None
) -> list[Block]:
    if _AFTER_HTML.search(text[-_TAIL_WINDOW:]) or (len(text) > _TAIL_WINDOW and _early_html_end(text, utf8)):
        # libxml2 drops whatever follows </html>; without the end tags it reads on to the end.
        text, utf8 = _END_TAGS.sub("", text), None
    root = parse_tree(text, max_depth, utf8)
    _repair_layout(root)
    # One pass in C over the whole tree for every tag a later step looks up by name (each
    # such lookup was a traversal of its own: five per page, at 0.15 ms each on real pages).
    # After the layout repair and before the void repair, which keeps document order.
    found = _Lookups.of(root)
    _repair_voids(found.voids)
    if not _CLOSED.search(text[-2048:]):
        diagnostics.append(
            Diagnostic(
                code="unclosed-document",
                message="the page ends without </body> or </html>; it may be truncated",
            )
        )
    _read_meta(root, meta, found)
    # Dropped in C before the walk; element paths stay right, since a path counts only
    # same-tag siblings and no walked tag is dropped.
    etree.strip_elements(root, *sel.DROP_TAGS, with_tail=False)
    body = root.find("body")
    if body is None:
        body = root
    main_el = _main_element(root, [c for c in found.mains if _attached(c, root)])
    start = "/html/body" if body is not root else "/html"

    def walked(respect_hidden: bool) -> _Walker:
        walker = _Walker(
            root=root, main_el=main_el, max_depth=max_depth, source=text, respect_hidden=respect_hidden
        )
        if main_el is not None:
            walker.keep = {main_el, *main_el.iterancestors()}
        walker.most_paragraphs = max(
            _MOST_MIN, math.ceil(_MOST_SHARE * _count_p(body if main_el is None else main_el))
        )
        tag = body.tag if isinstance(body.tag, str) else ""
        walker.walk(body, walker.intern(_Ctx(main=False)), 0, start, tag, body.attrib)
        walker.flush(new_para=True)
        return walker

    walker = walked(respect_hidden=True)
    if not walker.blocks:
        # Everything visible sits in markup hidden until a script shows it (<body
        # style="display:none">, an app wrapper with aria-hidden): read it anyway.
        walker = walked(respect_hidden=False)
        if walker.blocks:
            diagnostics.append(
                Diagnostic(
                    code="hidden-content",
                    message=(
                        "every line of the page is in markup hidden by style, class or attribute; "
                        "read it anyway"
                    ),
                )
            )
    if walker.main_el is None:
        # No article or main element: nothing is "outside main".
        walker.blocks = [attrs.evolve(b, hints=attrs.evolve(b.hints, main=True)) for b in walker.blocks]
    return walker.blocks


def _early_html_end(text: str, utf8: bytes | None) -> bool:
    """Whether ``</html`` (any case) stands before the last ``_TAIL_WINDOW`` characters.

    From the page's UTF-8 bytes when given (``text`` decoded): lowering bytes and finding
    a substring run in C at memory speed, where the case-blind pattern steps through every
    character; only ASCII letters can spell "html" under re.I. A search, not text.lower():
    that copied the whole page (6% of the HTML path)."""
    limit = len(text) - _TAIL_WINDOW
    if utf8 is None:
        return _HTML_END.search(text, 0, limit) is not None
    at = utf8.lower().find(b"</html")
    if at < 0:
        return False
    # The character offset of that byte (the characters after it, counted from the end); the
    # pattern's search ends at ``limit``, so the six characters must stand wholly before it.
    return len(text) - len(utf8[at:].decode("utf-8")) + len("</html") <= limit


def _offset_of_line(text: str, line: int) -> int:
    """Where line ``line`` (1-based) starts in ``text``."""
    at = 0
    for _ in range(line - 1):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at


_TAIL_WINDOW = 4096
_HTML_END = re.compile(r"</html", re.I)
_AFTER_HTML = re.compile(r"</html\s*>\s*[^\s<]|</html\s*>\s*<(?!!--)", re.I)
_END_TAGS = re.compile(r"</(?:html|body)\s*>", re.I)


_LOOKED_UP = (*sel.VOID_TAGS, "script", "time", "h1", "article", "main", "meta")


class _Lookups(NamedTuple):
    """The elements later steps look up by tag name, each list in document order."""

    voids: list[Any]
    scripts: list[Any]
    times: list[Any]
    h1s: list[Any]
    mains: list[Any]  # <article> and <main>
    metas: list[Any]  # <meta>, in the head and in the body (microdata)

    @classmethod
    def of(cls, root: Any) -> _Lookups:
        found = cls([], [], [], [], [], [])
        by_tag = dict.fromkeys(sel.VOID_TAGS, found.voids)
        by_tag.update(script=found.scripts, time=found.times, h1=found.h1s)
        by_tag.update(article=found.mains, main=found.mains, meta=found.metas)
        for el in root.iter(*_LOOKED_UP):
            by_tag[el.tag].append(el)
        return found


def _attached(el: Any, root: Any) -> bool:
    """Whether ``el`` is still in the tree under ``root`` (strip_elements detaches what it
    drops, with everything inside: an <article> in a <noscript>)."""
    ancestors = list(el.iterancestors())
    return bool(ancestors) and ancestors[-1] is root


def _repair_layout(root: Any) -> None:
    """Put back what libxml2's recovery moves out of reach of the walk.

    An HTML5 page that omits ``<body>`` gets its ``<article>``/``<main>``/... kept inside
    ``<head>``; content after ``</body>`` lands beside the body. (Void elements: see
    ``_repair_voids``.)"""
    head = root.find("head")
    body = root.find("body")
    if head is not None:
        stray = [el for el in head if not isinstance(el.tag, str) or el.tag.lower() not in sel.HEAD_TAGS]
        if stray and any(isinstance(el.tag, str) for el in stray):
            if body is None:
                body = etree.SubElement(root, "body")
            for el in reversed(stray):
                body.insert(0, el)
    if body is not None:
        after = [el for el in body.itersiblings() if isinstance(el.tag, str)]
        for el in after:
            body.append(el)


def _repair_voids(voids: list[Any]) -> None:
    """A void element written without an end tag (``<embed src=...>``) swallows its
    following siblings: they are moved back after it (document order does not change)."""
    for el in voids:
        children = list(el)
        if not children and not el.text:
            continue
        tail, el.tail = el.tail, el.text
        el.text = None
        for child in reversed(children):
            el.addnext(child)
        last = children[-1] if children else el
        last.tail = (last.tail or "") + (tail or "")


def _first(values: list[Any]) -> str | None:
    for v in values:
        v = _WS.sub(" ", str(v)).strip()
        if v:
            return v
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")


def _published_prop(el: Any) -> bool:
    """A schema.org microdata date of the article (``<meta itemprop="datePublished" ...>``
    in an Article's itemscope; a video's or a teaser's dates another item)."""
    if el.get("itemprop") != "datePublished" or not el.get("content"):
        return False
    scope = next((up for up in el.iterancestors() if up.get("itemscope") is not None), None)
    return scope is not None and _ARTICLE_TYPE.search(scope.get("itemtype") or "") is not None


def _site_part(h1: str, title: str) -> bool:
    """Whether an <h1> is the side part of the page's <title> ("The Gazette" of "Mara Lind
    at ten | The Gazette"): a logo, with the headline longer beside it."""
    name = " ".join(h1.split())
    for sep in TITLE_SEPARATORS:
        parts = [" ".join(p.split()) for p in title.split(sep)]
        if len(parts) > 1 and name in parts and max(len(p) for p in parts) > len(name):
            return True
    return False


def _read_meta(root: Any, meta: Meta, found: _Lookups) -> None:
    """Page metadata, most specific source first (the elements by tag come from ``found``)."""
    ld = _json_ld(found.scripts)
    metas = sel.meta_contents(root)
    og_title = _first(metas.get("og:title", []))
    meta.title = og_title or ld.get("headline") or _first(metas.get("twitter:title", []))
    if not meta.title:
        title = _first(sel.TITLE(root))
        h1 = _first([" ".join(h.itertext()) for h in found.h1s])
        if h1 and title and _site_part(h1, title):
            h1 = None  # the site's name in an <h1> logo, which the <title> prints beside the headline
        meta.title = h1 or (_SITE_SUFFIX.sub("", title) if title else None)
    meta.published = (
        _first(metas.get("article:published_time", []))
        or ld.get("datePublished")
        or _first(sel.time_datetimes(found.times))
        or next((v for name in sel.DATE_META_NAMES if (v := _first(metas.get(name, [])))), None)
        or _first([el.get("content") for el in found.metas if _published_prop(el)])
    )
    meta.publisher = _first(metas.get("og:site_name", [])) or ld.get("publisher")
    meta.declares_faq = "@questions" in ld
    # A name, not a profile link (article:author is often the author's page).
    authors = [*metas.get("author", []), *metas.get("article:author", [])]
    meta.author = _first([a for a in authors if "://" not in str(a)]) or ld.get("author")
    meta.url = _first([u for u in (*sel.CANONICAL(root), *metas.get("og:url", [])) if "://" in str(u)])
    if meta.url is None and "://" in ld.get("url", ""):
        meta.url = ld["url"]
    if meta.published is None and meta.url and (dated := _URL_DATE.search(meta.url)):
        # A permalink that carries its day ("/2023/05/17/slug/"), as WordPress's and many
        # news sites' do: the date when the page's header prints none.
        meta.url_date = "{}-{:0>2}-{:0>2}".format(*dated.groups())
    meta.title = _without_site(meta.title, meta.publisher)
    lang = _first(sel.HTML_LANG(root))
    if lang:
        meta.language = lang.split("-")[0].lower()


def _without_site(title: str | None, site: str | None) -> str | None:
    """``Headline | Site`` without the site, when the page names that site (og:site_name)."""
    if not title or not site:
        return title
    for sep in TITLE_SEPARATORS:
        suffix = sep + site
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].strip()
    return title


def _json_ld(scripts: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in sel.json_ld_texts(scripts):
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):  # broken, or nested past the decoder's stack
            continue
        if isinstance(data, dict):
            graph = data.get("@graph", [data])
            items = graph if isinstance(graph, list) else [graph]
        else:
            items = data if isinstance(data, list) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if {"FAQPage", "QAPage"} & {k for k in kinds if isinstance(k, str)}:
                out["@questions"] = "declared"  # the page says it is questions for readers
            if not {
                "NewsArticle",
                "Article",
                "Interview",
                "BlogPosting",
                "ReportageNewsArticle",
            } & {k for k in kinds if isinstance(k, str)}:
                continue
            for key in ("headline", "datePublished", "url"):
                if isinstance(item.get(key), str) and key not in out:
                    out[key] = item[key]
            for key in ("author", "publisher"):
                value = item.get(key)
                if isinstance(value, list) and value:
                    value = value[0]
                if isinstance(value, dict):
                    value = value.get("name")
                if isinstance(value, str) and key not in out:
                    out[key] = value
    return out
