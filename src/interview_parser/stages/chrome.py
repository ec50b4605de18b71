"""Chrome stage: page furniture by what a line says and how it is built.

Reads the block text and the front end's structural hint (``<nav>``, ``<footer>``...).
Decides chrome for navigation and menus (runs of short items split by ``|``, ``·``, ``/``,
``›``, ``>`` or wide gaps), search prompts, share and follow lines, sign-in prompts, tags,
comment counts, related-link headers, copyright and legal lines. Position-based chrome
(what stands before the interview or after its last answer) is decided by the turns stage,
which knows where the interview runs.
"""

from __future__ import annotations

import re

from ..blocks import Block, State
from ..lexicon import FOLD_ODD, ends_asking
from ..records import Bucket

_SOCIAL = (
    r"facebook|x|twitter|email|e-mail|whatsapp|linkedin|telegram|mastodon|reddit|bluesky|"
    r"threads|instagram|youtube|tiktok|pinterest|copy link|hacker news|rss|print|messenger"
)
_LINE_RULES: tuple[tuple[str, str], ...] = (
    ("skip-link", r"^skip to (?:main )?content\b.*$|^(?:ir|saltar) al contenido.*$"),
    # A printed page's number, in text copied out of a PDF: "Page 3 of 10", "- 4 -".
    (
        "page-number",
        r"^(?:page|p\.|seite|página|pagina)\s*\d{1,4}(?:\s*(?:of|/|von|de|di|sur)\s*\d{1,4})?$"
        r"|^[-–—]\s*\d{1,4}\s*[-–—]$",
    ),
    # Podcast transcripts mark their breaks: "**Break:**", "[Ad break]", "(Music)", a jingle.
    (
        "break",
        r"^[*_\[(]*(?:break|ad break|commercial break|sponsor break|music|musical interlude|"
        r"intermission|pause|jingle)[*_\])]*\s*:?\s*[*_\])]*"
        # "**Break**: \[14:56\]" (a time), "**Jingle:** \[01:00:34.00\] to \[01:00:54.26\]"
        r"(?:\s*\\?\[\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\\?\](?:\s+to\s+\\?\[[\d:.]+\\?\])?)?$",
    ),
    (
        "search",
        r"^(?:search|buscar|suche|rechercher|cerca|pesquisar|zoeken)"
        r"(?: (?:this site|our content|the site|…|\.\.\.))?\s*[:…]?\s*$|^search…$",
    ),
    (
        "menu",
        r"^(?:menu|men[uú]|sign in|log ?in|register|subscribe|sign up|my account|"
        r"sign in \| register|subscribe \| sign in|newsletter|donate)$",
    ),
    (
        "share",
        # Possessive loops (*+): a share bar naming twenty networks must not backtrack
        # through every way of splitting it (the old nested loop was exponential).
        rf"^(?:share|compartir|teilen|partager|condividi)(?: (?:this|on|by|via|the)\b[^:]*+)?"
        rf"\s*+:?(?:\s*+(?:{_SOCIAL})\b(?:\s*+[|·,/])?+)*+\s*+$",
    ),
    ("share", rf"^(?:share (?:on|by|via) .*|email a friend|copy link|(?:{_SOCIAL}))$"),
    ("share", rf"^(?:{_SOCIAL})(?:(?:\s*+[|·,/]\s*+|\s++)(?:{_SOCIAL})\b)++$"),
    (
        "follow",
        r"^(?:follow (?:us|[a-z]\w+)(?: on\b.*)?|find us on\b.*|síguenos.*|folgen sie uns.*)$",
    ),
    (
        "print",
        r"^(?:print(?: this)?(?: page| article)?|download (?:pdf|transcript)\b.*|"
        r"print page|imprimir)$",
    ),
    ("tags", r"^(?:tags?|topics|etiquetas|schlagw[oö]rter|mots-cl[ée]s|temas)\s*:.*$"),
    (
        "comments",
        r"^(?:comments?|comentarios|kommentare|commentaires)\s*\(\d+\)\s*$|"
        r"^(?:leave a (?:reply|comment)|\d+ comments?|sign in to (?:join|comment).*|"
        r"join the conversation\b.*|your email address will not be published.*)$",
    ),
    (
        "related",
        r"^(?:most (?:read|visited|popular|viewed|shared)|related(?: articles| content|"
        r" links| stories| reading)?|more (?:from|interviews|transcripts|stories|on|in)"
        r"\b.*|read more\s*:.*|see also\s*:?.*|you may also like|recommended|"
        r"previous post\s*:.*|next post\s*:.*|más información|lee también.*|"
        r"popular|trending|latest|more like this|also in .*)$",
    ),
    (
        "reading-aid",
        r"^(?:advertisement|sponsored(?: content)?|story continues below.*|continue reading.*|"
        r"listen to (?:this|the) (?:article|story|interview|episode).*|read more\.?|"
        r"subscribe now.*|sign up now.*|reading time\s*:.*|\d+\s*min(?:ute)?s?\s*read)$",
    ),
    (
        "copyright",
        r"^(?:©|\(c\)|copyright\b)\s*+(?:\d{4}|.*\ball rights reserved|.*\b(?:19|20)\d{2}\b).*$|"
        r"^(?:proudly )?powered by .*$",
    ),
    (
        "legal",
        r"^(?:privacy(?: policy)?|cookie(?:s| settings| policy)?|"
        r"terms(?: of use| and conditions)?|"
        r"aviso legal|política de (?:privacidad|cookies)|impressum|datenschutz|"
        r"contact us|advertise|advertisement|anzeige|publicidad)$",
    ),
    (
        "cookie",
        r"^(?:we use cookies|this (?:site|website) uses cookies|we and our partners use cookies)\b.*$|"
        r"^(?:accept|reject|allow|decline)(?: all)?(?: cookies)?$|^manage (?:preferences|settings|cookies)$",
    ),
    (
        "newsletter",
        r"^(?:sign up|subscribe)(?: now)? (?:to|for) (?:our|the)\b.{0,40}\bnewsletters?\b.*$|"
        r"^suscríbete a nuestro boletín.*$|^you can unsubscribe at any time.*$|"
        r"^(?:your |enter your )?e-?mail(?: address)?\s*[:…]?$",
    ),
)
# The first three letters a line matching each rule opens with, once lowered and stripped
# of leading "*_[(": most prose opens otherwise ("the", "and", "so ") and skips the
# alternation. Lines opening with a digit, "©", "x" or "(c)" always try it.
# tests/test_shortcuts.py draws lines from every rule and checks they pass.
_STARTS = frozenset(
    key.replace("_", " ")  # "ad_": "ad " (ad break), not "adam"
    for key in """
    ski ir_ sal
    pag pág sei
    bre ad_ com spo mus int pau jin
    sea bus suc rec cer pes zoe
    men sig log reg sub my_ new don
    sha tei par con ema cop fac twi e-m wha lin tel mas red blu thr ins you tik pin hac rss pri mes
    fol fin síg
    dow imp
    tag top eti sch mot tem
    kom lea joi
    mos rel mor rea see pre nex más lee pop tre lat als
    adv sto lis
    pro pow
    coo ter avi pol dat anz pub
    we_ thi acc rej all dec man
    sus ent
    """.split()
)


def may_match(low: str) -> bool:
    """Whether a lowered, stripped line opens as some line rule's matches do."""
    head = low.lstrip("*_[(") if low[:1] in "*_[(" else low
    first = head[:1]
    # A digit as re reads \d (any decimal digit: "٠ comments"), "©", "x", "(c)", "p.", a dash.
    return (
        head[:3] in _STARTS
        or first.isdecimal()
        or first == "©"
        or first == "x"
        or head[:2] in ("c)", "p.")
        or (first in "-–—" and head[1:].lstrip()[:1].isdecimal())  # "- 4 -", a page number
    )


# Menus and breadcrumbs: several short items separated by the usual separators.
# One alternation, one match per line; the group that matched names the rule.
_ALTERNATION = "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(_LINE_RULES))
_LINE_PATTERN = re.compile(_ALTERNATION, re.I)
# The rules are written in lower case, so the lowered line matched without re.I gives the
# same match at a quarter of the cost, except on a line holding a letter of FOLD_ODD,
# which takes the case-blind pattern.
_LINE_PATTERN_LOWER = re.compile(_ALTERNATION)
_FOLDS_ODDLY = re.compile(f"[{FOLD_ODD}]")
_RULE_NAMES = {f"r{i}": name for i, (name, _) in enumerate(_LINE_RULES)}
ITEM_SEPARATORS = re.compile(r"\s*(?:\||·|•|›|»|>|/|\t| {2,}|–|—)\s*")
_SEPARATOR = re.compile(r"[|·•›»>/\t–—]")  # or two spaces, tested apart: a lone class scans fast
_ALL_RIGHTS = re.compile(r"\ball rights reserved\.?$", re.I)
_HERE_PHRASES = ("you are here", "sie sind hier", "vous êtes ici", "estás en")
_YOU_ARE_HERE = re.compile(rf"^(?:{'|'.join(_HERE_PHRASES)})\s*:\s*", re.I)


def line_rule(text: str) -> str | None:
    """The chrome rule a line matches on its own, or None."""
    stripped = text.strip()
    if stripped.isascii() or _FOLDS_ODDLY.search(stripped) is None:
        low = stripped.lower()
        # The breadcrumb prompt opens with one of its phrases, in any case.
        if (
            low.startswith(_HERE_PHRASES)
            and (here := _YOU_ARE_HERE.match(stripped))
            and stripped[here.end() :]
        ):
            return "breadcrumb"
        found = _LINE_PATTERN_LOWER.match(low) if may_match(low) else None
    else:
        if (here := _YOU_ARE_HERE.match(stripped)) and stripped[here.end() :]:
            return "breadcrumb"
        low = ""
        found = _LINE_PATTERN.match(stripped)
    if found and found.lastgroup:
        return _RULE_NAMES[found.lastgroup]
    # Kept out of the alternation: an unanchored ending costs a scan of every line.
    tail = low[-20:] if low else stripped[-20:].lower()
    if tail.rstrip(".").endswith("all rights reserved") and _ALL_RIGHTS.search(stripped):
        return "copyright"
    return _menu_rule(text)


# A link's address separates nothing: the slashes of "https://a.example/b/c" or of a
# Markdown "[text](/docs/b/c)" are no menu's items. Addresses go before the items are read.
# A bare address never ends in a sentence's punctuation ("see https://a.example/b."): the
# line's own ending stays, so the menu rule may judge that on the line as printed.
_ADDRESS = re.compile(r"(?<=\])\([^()\s]*\)|<?\b(?:https?://|www\.)(?:[^\s<>]*[^\s<>.,;:!?)])?>?")


def without_addresses(text: str) -> str:
    """A line with its link addresses cut ("[charter](https://...)" reads "[charter]")."""
    if "](" in text or "://" in text or "www." in text:
        return _ADDRESS.sub("", text)
    return text


def _menu_rule(text: str) -> str | None:
    if text.rstrip().endswith(("?", "!", ".")):
        return None  # a sentence (cutting addresses keeps this ending)
    # A menu needs separators of its own (or double spaces) between its items: most lines
    # have none, and skip the rest. Link addresses are cut only from lines that have some.
    if "  " not in text and _SEPARATOR.search(text) is None:
        return None
    text = without_addresses(text)
    if len(text) > 240 or text.rstrip().endswith(("?", "!", ".")):
        return None
    if "  " not in text:
        first = _SEPARATOR.search(text)
        if first is None:
            return None
        # Every item but the last has at most four words: a wrapped line of prose with a
        # dash late in it ("... the economy — and") has more before its first separator.
        if len(text[: first.start()].split()) > 4:
            return None
    items = [i for i in ITEM_SEPARATORS.split(text.strip()) if i]
    if len(items) < 3:
        return None
    words = [len(i.split()) for i in items]
    # Menus: several short items. Breadcrumbs may end in a long headline.
    if all(n <= 4 for n in words[:-1]) and (words[-1] <= 4 or re.search(r"[›>/]", text)):
        if any(i.endswith((".", ",")) for i in items[:-1]):
            return None
        return "menu" if words[-1] <= 4 else "breadcrumb"
    return None


_MAX_CHROME_CHARS = 300  # furniture is short; long lines are prose
_LINK_LINE = 0.8  # share of a line's text inside links
_LINK_LINE_WORDS = 15
_QUOTE_MARKS = "\"“”„«»‘’'‚ "


_SHINGLE = 5  # words


def _shingles(words: list[str]) -> list[int]:
    return [hash(tuple(words[i : i + _SHINGLE])) for i in range(max(1, len(words) - _SHINGLE + 1))]


def _pull_quotes(state: State) -> None:
    """A quoted block repeating a passage that stands elsewhere on the page is a pull quote.

    "Repeats" is judged by word shingles: every five-word run of the quote occurs outside
    the quotes. One set of the page's shingles, read once, keeps this linear (a substring
    search per quote was quadratic on pages of many blockquotes)."""
    quotes = [b for b in state.blocks if b.hints.quote and b.kind is None and b.label is None]
    if not quotes:
        return
    page: set[int] | None = None
    for b in quotes:
        core = b.text.strip(_QUOTE_MARKS)
        if len(core) < 40:
            continue
        if page is None:
            page = set()
            for other in state.blocks:
                if not other.hints.quote:
                    page.update(_shingles(other.text.split()))
        if all(h in page for h in _shingles(core.split())):
            b.mark(Bucket.CHROME, "pull-quote")


def run(state: State) -> None:
    _pull_quotes(state)
    for block in state.blocks:
        if block.kind is not None:
            continue
        hints = block.hints
        if hints.chrome:
            block.mark(Bucket.CHROME, f"markup-{hints.chrome}")
            continue
        side = block.side
        if side is not None and (block.label is not None or side == "q"):
            continue  # labelled, or asking
        if not hints.main:
            block.mark(Bucket.CHROME, "outside-main")
            continue
        if (hints.bold or hints.heading) and _pull_quote_line(block):
            block.mark(Bucket.CHROME, "pull-quote")
            continue
        if hints.heading and not ends_asking(block.text):
            block.mark(Bucket.CHROME, "section-heading")
            continue
        if hints.link_density >= _LINK_LINE and len(block.text.split()) <= _LINK_LINE_WORDS:
            block.mark(Bucket.CHROME, "link-line")  # "Read also: <a>...</a>" between answers
            continue
        rule = line_rule(block.text) if len(block.text) <= _MAX_CHROME_CHARS else None
        if rule:
            block.mark(Bucket.CHROME, rule)


_PULL_QUOTE_MAX = 250


def _pull_quote_line(block: Block) -> bool:
    """A whole-bold or heading line that is one quotation ("Stale bread is an ingredient.")
    between the turns: a pull quote the layout repeats or invents, said by nobody here."""
    text = block.text.strip()
    if block.hints.heading == 1 or not (block.hints.bold or block.hints.heading):
        return False  # an <h1> quoting its interviewee is the headline
    if len(text) > _PULL_QUOTE_MAX or len(text) < 3:
        return False
    # Stripped and three characters or more: both ends are characters, and a quote mark
    # first means the trailing run of stops cannot be the whole text.
    return text[0] in _QUOTE_MARKS and text.rstrip(".!…")[-1] in _QUOTE_MARKS
