"""Every XPath and markup vocabulary the HTML front end uses, compiled once, in one place."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "button",
        "input",
        "select",
        "textarea",
        "head",
        "video",
        "audio",
        "map",
        "dialog",
    }
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dt",
        "dd",
        "dl",
        "td",
        "th",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "figcaption",
        "figure",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "pre",
        "address",
        "hr",
        "body",
        "form",
        "fieldset",
        "details",
        "summary",
        "center",
        "hgroup",
        "menu",
        "legend",
        "label",
        "picture",
        "html",
    }
)
# Inline formatting whose text joins the line it stands in (``br`` is not: it ends one).
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span", "strong"}
    | {"sub", "sup", "time", "u"}
)
BOLD_TAGS = frozenset({"b", "strong"})
ITALIC_TAGS = frozenset({"i", "em", "cite"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

CHROME_TAGS = {"header": "header", "nav": "nav", "footer": "footer", "aside": "aside"}
CHROME_ROLES = {
    "banner": "header",
    "navigation": "nav",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "search",
    "dialog": "dialog",
    "alertdialog": "dialog",
}
# class/id tokens that mark furniture; matched against tokens split on - _ and spaces.
CHROME_TOKENS = {
    "share": "share",
    "sharing": "share",
    "social": "share",
    "sharebar": "share",
    "cookie": "cookie",
    "cookies": "cookie",
    "consent": "cookie",
    "gdpr": "cookie",
    "newsletter": "newsletter",
    "subscribe": "newsletter",
    "signup": "newsletter",
    "nl": "newsletter",
    "related": "related",
    "recommended": "related",
    "most": "related",
    "popular": "related",
    "breadcrumb": "breadcrumb",
    "breadcrumbs": "breadcrumb",
    "crumbs": "breadcrumb",
    "comments": "comments",
    "comment": "comments",
    "disqus": "comments",
    "advert": "advert",
    "advertisement": "advert",
    "ad": "advert",
    "ads": "advert",
    "promo": "promo",
    "sponsored": "promo",
    "teaser": "promo",
    "tags": "tags",
    "tag": "tags",
    "topics": "tags",
    "pagination": "pagination",
    "pager": "pagination",
    "skip": "skip",
    "sidebar": "aside",
    "ticker": "ticker",
    "masthead": "header",
    "topnav": "nav",
    "menu": "nav",
    "navbar": "nav",
    "footer": "footer",
    "toolbar": "tools",
    "tools": "tools",
    "print": "tools",
    "player": "player",
    "audio": "player",
    "language": "language",
    "lang": "language",
    "search": "search",
    "modal": "dialog",
    "tooltip": "tooltip",
    "hidden": "hidden",
    "disclaimer": "disclaimer",
    # Embedded posts (<blockquote class="twitter-tweet">): someone else's words, not a turn.
    "tweet": "embed",
    "instagram": "embed",
    "tiktok": "embed",
    "bluesky": "embed",
    # Fact boxes beside the interview ("Key facts", "Born: 1961").
    "factbox": "factbox",
    "infobox": "factbox",
    "facts": "factbox",
    "fact": "factbox",
    "keyfacts": "factbox",
}
CAPTION_TOKENS = {
    "caption": "caption",
    "credit": "credit",
    "credits": "credit",
    "wp-caption-text": "caption",
    "photo-credit": "credit",
}
MEDIA_TOKENS = frozenset({"video", "photo", "image", "img", "media", "gallery", "picture", "slide"})
MEDIA_TEXT_TOKENS = frozenset({"description", "desc", "caption", "credit", "text", "title", "legend"})

# Whole class names that hide an element from readers (tooltips, screen-reader text).
# class/id tokens that say a block asks or answers.
QA_TOKENS = {
    "question": "q",
    "questions": "q",
    "frage": "q",
    "pregunta": "q",
    "interviewer": "q",
    "answer": "a",
    "answers": "a",
    "antwort": "a",
    "respuesta": "a",
    "reponse": "a",
    "interviewee": "a",
}
HIDDEN_CLASSES = frozenset(
    {"hidden", "is-hidden", "sr-only", "visually-hidden", "screen-reader-text", "d-none", "hide"}
)
# Whole class names of CSS frameworks that set a weight or a slant (Tailwind, Bootstrap 4 and
# 5, and the plain names older themes use).
BOLD_CLASSES = frozenset(
    {
        "bold",
        "strong",
        "text-bold",
        "font-bold",
        "font-semibold",
        "font-extrabold",
        "font-black",
        "fw-bold",
        "fw-semibold",
        "fw-bolder",
        "font-weight-bold",
        "font-weight-bolder",
        "font-weight-semibold",
    }
)
NORMAL_WEIGHT_CLASSES = frozenset(
    {"font-normal", "font-light", "font-thin", "fw-normal", "fw-light", "font-weight-normal"}
)
ITALIC_CLASSES = frozenset({"italic", "font-italic", "fst-italic", "text-italic"})
# Furniture that never holds the page's text: an element its classes name so while holding
# most of the main text's paragraphs is misnamed (a share plugin's class on the article's
# text wrapper). Comments, related links and page regions may hold that much.
WIDGET_REASONS = frozenset(
    {"share", "cookie", "newsletter", "advert", "promo", "tags", "pagination", "skip", "tools"}
    | {"player", "language", "search", "tooltip", "disclaimer", "breadcrumb", "hidden"}
)
# Class names that declare an element the page's post: hAtom's entry, and the status class
# WordPress's post_class() prints on every published post (beside its "tag-..." classes).
POST_CLASSES = frozenset({"hentry", "status-publish"})
FLEX_CLASSES = frozenset(
    {"flex", "inline-flex", "grid", "inline-grid", "d-flex", "d-inline-flex", "d-grid", "d-inline-grid"}
)
# Words before "hidden" in a class name that say what is hidden or clipped, when it is not
# the element: "field--label-hidden", "title-hidden", "overflow-hidden", "overflow-x-hidden".
HIDDEN_PARTS = frozenset({"label", "title", "heading", "caption", "icon", "overflow"})
TOKEN_SPLIT = re.compile(r"[\s_\-]+")


def _compiled(expr: str) -> Callable[..., list[Any]]:
    """An XPath compiled once, returning a list whatever the expression yields."""
    xpath = etree.XPath(expr)

    def run(root: Any, **variables: Any) -> list[Any]:
        found = xpath(root, **variables)
        return list(found) if isinstance(found, list) else []

    return run


# Over the attribute axis: twice as fast as testing every element's attributes, and the
# union keeps document order.
MAIN_ATTRIBUTE_CANDIDATES = _compiled("//@itemprop[.='articleBody']/.. | //@role[.='main']/..")
META_PROPERTY = _compiled("/html/head/meta[@property=$name or @name=$name]/@content")


def meta_contents(root: Any) -> dict[str, list[str]]:
    """Every ``META_PROPERTY`` answer at once, by name: the head's <meta> elements read in
    one pass (a page asks for up to twenty names, and each XPath call has its own set-up)."""
    index: dict[str, list[str]] = {}
    if root.tag != "html":
        return index
    for head in root.iterchildren("head"):
        for el in head.iterchildren("meta"):
            content = el.get("content")
            if content is None:
                continue
            prop, name = el.get("property"), el.get("name")
            for key in {prop, name} - {None}:
                index.setdefault(key, []).append(content)
    return index


CANONICAL = _compiled("/html/head/link[@rel='canonical']/@href")
TITLE = _compiled("/html/head/title//text()")
HTML_LANG = _compiled("/html/@lang")


# Elements the HTML front end found by tag in its one pass over the tree.
def time_datetimes(times: list[Any]) -> list[str]:
    return [t.get("datetime") for t in times if t.get("datetime")]


def json_ld_texts(scripts: list[Any]) -> list[str]:
    return [s.text or "" for s in scripts if (s.get("type") or "").lower() == "application/ld+json"]


# What may stand in <head>; anything else libxml2 leaves there belongs to the body.
HEAD_TAGS = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})
# Void elements: libxml2 treats some as containers when written without an end tag.
VOID_TAGS = ("embed", "param", "source", "track", "wbr", "keygen", "area", "col")
# Other <meta> names CMSs put the publication date under, most specific first.
DATE_META_NAMES = (
    "og:published_time",
    "datePublished",
    "pubdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "DC.date.issued",
    "dcterms.created",
    "created",
    "date",
)
