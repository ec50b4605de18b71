"""Benchmarks: throughput, the HTML path against the lxml floor, export speed, memory, scaling.

Run: ``python benchmarks/bench.py`` (``--quick`` for a smaller run). Every figure is measured
in this process or its children, on a corpus generated deterministically from a seed, and
printed with its ratio to the baseline measured in the same run. Nothing here is asserted:
see docs/benchmarks.md for the targets and the last recorded figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

from interview_parser import parse
from interview_parser.parquet import write_parquet
from interview_parser.render import corpus, random_interview, render_page

# Related links as templates print them: classed items, with a bare one now and then.
_TOPICS = ["river", "town", "match"]
_PAD_LINKS = (
    '<li class="related__item"><a class="related__link" href="/story/{n}">{title}</a></li>',
    '<li><a href="/story/{n}">{title}</a></li>',
)


def _pad_html(page: str, target: int, rng: random.Random) -> str:
    """Grow a page to ``target`` bytes the way real pages grow: scripts, menus, related links."""
    script = "<script>window.__STATE__=" + json.dumps({"k": "x" * (target // 3)}) + "</script>"
    links = "".join(
        _PAD_LINKS[i % 3 == 2].format(n=i, title=f"Story number {i} about the {rng.choice(_TOPICS)}")
        for i in range(max(0, target // 3) // 60)
    )
    page = page.replace("<body>", "<body>" + script, 1)
    return page.replace("</main>", f"<aside class='related'><ul>{links}</ul></aside></main>", 1)


_MENU = "Home News Interviews Opinion Culture Sport Podcasts About Contact".split()
_NETWORKS = "Facebook X LinkedIn WhatsApp Email Print".split()


def _menu(rng: random.Random) -> str:
    items = "".join(
        f'<li id="menu-item-{100 + i}" class="menu-item menu-item-type-taxonomy menu-item-object-category '
        f'menu-item-{100 + i}"><a href="/{w.lower()}/" class="nav-link" data-track="nav">{w}</a></li>'
        for i, w in enumerate(rng.sample(_MENU, 7))
    )
    return (
        '<header id="masthead" class="site-header sticky-top" role="banner"><div class="container">'
        '<div class="row align-items-center"><div class="col-6 site-branding"><a href="/" '
        'class="custom-logo-link" rel="home"><img width="240" height="60" src="/logo.svg" '
        'class="custom-logo" alt="The Gazette"></a></div>'
        '<nav id="site-navigation" class="col-6 main-navigation" aria-label="Primary"><ul id="primary-menu" '
        f'class="menu nav-menu">{items}</ul></nav></div></div></header>'
    )


def _share_bar(rng: random.Random) -> str:
    links = "".join(
        f'<a class="share-btn share-{w.lower()}" href="https://share.example/{w.lower()}?u=%2Fstory" '
        f'target="_blank" rel="noopener" aria-label="Share on {w}"><svg class="icon" aria-hidden="true" '
        f'viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg><span class="label">{w}</span></a>'
        for w in rng.sample(_NETWORKS, 5)
    )
    return f'<div class="share-buttons d-flex" data-component="share">{links}</div>'


def _cms_markup(page: str, rng: random.Random) -> str:
    """Dress a generated page the way CMS pages come: class and id attributes on most
    elements, nested layout wrappers, inline styles from pasted documents, a share bar,
    a tracking script and widgets (the staged real pages carry attributes on 84% of their
    body elements; the bare generated pages on 46%, mostly links)."""
    style = rng.choice(["wordpress", "medium", "newsroom"])
    n = iter(range(1, 100_000))
    if style == "wordpress":  # Google Docs pastes: every run in a styled span
        page = re.sub(r"<p>(?!<)(.*?)</p>", r'<p><span style="font-weight: 400;">\1</span></p>', page)
        page = re.sub(
            r"<p>(<strong>[^<]*</strong>)\s*(.*?)</p>",
            r'<p>\1 <span style="font-weight: 400;">\2</span></p>',
            page,
        )
    elif style == "medium":  # every paragraph named and classed
        page = re.sub(
            r"<p>",
            lambda _: f'<p name="{next(n):04x}" id="{next(n):04x}" class="graf graf--p graf-after--p">',
            page,
        )
        page = page.replace("<strong>", '<strong class="markup--strong markup--p-strong">')
    else:  # a newsroom template: classed paragraphs with tracking data
        page = re.sub(
            r"<p>",
            lambda _: f'<p class="article-body__paragraph" data-para="{next(n)}" data-testid="para">',
            page,
        )
    page = re.sub(r"<header><nav>.*?</nav></header>", lambda _: _menu(rng), page, count=1, flags=re.S)
    page = page.replace(
        "<main><article>",
        '<div id="page" class="site"><div id="content" class="site-content"><div class="container">'
        '<div class="row"><div id="primary" class="content-area col-lg-8"><main id="main" class="site-main" '
        'role="main"><article id="post-4821" class="post-4821 post type-post status-publish format-standard '
        'has-post-thumbnail hentry category-interviews"><div class="entry-content clearfix" '
        'itemprop="articleBody">',
        1,
    )
    page = page.replace("</article></main>", "</div></article></main></div>", 1)
    page = re.sub(r"(</h1>)", lambda m: m.group(1) + _share_bar(rng), page, count=1)
    widgets = "".join(
        f'<section id="recent-posts-{i}" class="widget widget_recent_entries"><h2 class="widget-title">'
        f'Recent</h2><ul><li class="cat-item"><a href="/p/{i}" class="post-link">Post {i}</a></li></ul>'
        "</section>"
        for i in range(3)
    )
    footer = (
        f'<aside id="secondary" class="widget-area col-lg-4" role="complementary">{widgets}</aside></div>'
        '</div></div></div><footer id="colophon" class="site-footer" role="contentinfo">'
        '<div class="container">'
        '<p class="copyright">© 2024 The Gazette</p></div></footer>'
        '<script async src="https://analytics.example/tag.js" data-site="gazette"></script>'
        "<script>window.dataLayer=window.dataLayer||[];dataLayer.push({event:'view'});</script>"
    )
    return page.replace("</body>", footer + "</body>", 1)


def attributed_share(pages: list[str] | list[bytes]) -> float:
    """Share of the elements under <body> that carry attributes (markup density)."""
    total = with_attributes = 0
    for page in pages:
        body = lxml.html.fromstring(page).find("body")
        for el in body.iter() if body is not None else ():
            if isinstance(el.tag, str):
                total += 1
                with_attributes += bool(el.attrib)
    return with_attributes / (total or 1)


def html_corpus(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    pages = []
    for page in corpus(seed, n, fmt="html"):
        assert isinstance(page.content, str)
        pages.append(_pad_html(_cms_markup(page.content, rng), rng.randint(5_000, 200_000), rng))
    return pages


def text_corpus(seed: int, n: int) -> list[str]:
    out = []
    for page in corpus(seed, n, fmt="text", exchanges=(4, 60)):
        assert isinstance(page.content, str)
        out.append(page.content)
    return out


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def stream(pages: list[str] | list[bytes]) -> None:
    for p in pages:
        parse(p)


def floor(pages: list[str]) -> None:
    for p in pages:
        tree = lxml.html.fromstring(p)
        tree.text_content()


def trafilatura_or_none(pages: list[str]) -> float | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run() -> None:
        for p in pages:
            trafilatura.extract(p)

    return timed(run, repeat=1)


def peak_rss_of_convert(n_docs: int, workdir: Path) -> int:
    """Peak RSS (KiB) of a child process streaming ``n_docs`` generated documents to Parquet.

    Read from VmHWM: ``ru_maxrss`` survives exec on Linux, so a child would report the
    benchmark's own peak.
    """
    code = f"""
import re
from interview_parser.parquet import write_parquet
from interview_parser import parse
from interview_parser.render import corpus
def docs():
    for chunk in range(0, {n_docs}, 500):
        for page in corpus(chunk, min(500, {n_docs} - chunk), fmt="text", exchanges=(4, 12)):
            yield parse(page.content)
write_parquet(docs(), r"{workdir}/rss.parquet")
print(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def peak_rss_of_publish(n_docs: int, shard_size: int, workdir: Path) -> int:
    """Peak RSS (KiB) of a child publishing ``n_docs`` generated documents in shards of
    ``shard_size`` (publish streams each shard: memory should not grow with it)."""
    code = f"""
import re, shutil
from interview_parser import parse, publish
from interview_parser.render import corpus
def docs():
    for chunk in range(0, {n_docs}, 500):
        for page in corpus(chunk, min(500, {n_docs} - chunk), fmt="text", exchanges=(4, 12)):
            yield parse(page.content)
shutil.rmtree(r"{workdir}/ds-{shard_size}", ignore_errors=True)
publish(docs(), r"{workdir}/ds-{shard_size}", shard_size={shard_size})
print(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def real_pages(folder: Path, rounds: int) -> int:
    """Real pages, side by side in one process: each round times the lxml floor, our parse
    and trafilatura on the same pages; the ratios are per round, their median and spread
    printed (interleaving keeps a busy machine from favouring one of them)."""
    html = [p.read_bytes() for p in sorted(folder.rglob("*")) if p.suffix.lower() in (".html", ".htm")]
    text = [p.read_bytes() for p in sorted(folder.rglob("*")) if p.suffix.lower() in (".txt", ".md")]
    if html:
        import statistics

        decoded = [h.decode("utf-8", "replace") for h in html]
        try:
            import trafilatura
        except ImportError:
            trafilatura = None
        ratios, traf, ms = [], [], []
        for _ in range(rounds):
            t_floor = timed(lambda: floor(decoded), 1)
            t_ours = timed(lambda: [parse(h) for h in html], 1)
            ratios.append(t_ours / t_floor)
            ms.append(1000 * t_ours / len(html))
            if trafilatura is not None:
                t_traf = timed(lambda: [trafilatura.extract(d) for d in decoded], 1)
                traf.append(t_traf / t_ours)
        kb = sum(map(len, html)) / len(html) / 1024
        print(
            f"real html: {len(html)} pages, {kb:.0f} KB average, {attributed_share(html):.0%} of body "
            f"elements with attributes: {statistics.median(ms):.2f} ms/page; "
            f"ratio to the lxml floor median {statistics.median(ratios):.2f}x "
            f"(rounds {min(ratios):.2f}-{max(ratios):.2f})"
        )
        if traf:
            print(
                f"real html: trafilatura.extract / ours median {statistics.median(traf):.2f}x "
                f"(rounds {min(traf):.2f}-{max(traf):.2f})"
            )
    if text:
        mb = sum(map(len, text)) / 1e6
        t_text = timed(lambda: [parse(t) for t in text], rounds)
        t_stream = timed(lambda: stream(text), rounds)
        print(
            f"real text: {len(text)} documents, {mb:.1f} MB: {mb / t_text:.1f} MB/s with every result "
            f"kept; {mb / t_stream:.1f} MB/s streaming (as convert runs)"
        )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="smaller corpora, for a smoke run")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON line too")
    ap.add_argument(
        "--pages",
        type=Path,
        default=None,
        help="a folder of real pages (.html, .htm, .txt, .md): measure those instead of the corpus",
    )
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds for --pages")
    args = ap.parse_args()
    if args.pages is not None:
        return real_pages(args.pages, args.rounds)
    n_html, n_text = (40, 100) if args.quick else (200, 500)
    figures: dict[str, float] = {}

    # Text throughput. Streaming (each result dropped as the next page is parsed, the way
    # `convert` writes and forgets) is the parser's own speed; keeping every result in a
    # list adds the collector's passes over the growing heap, which belong to the caller.
    texts = text_corpus(1, n_text)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    t_text = timed(lambda: stream(texts))
    t_text_kept = timed(lambda: [parse(t) for t in texts])
    figures |= {
        "text_docs_per_s": n_text / t_text,
        "text_mb_per_s": mb / t_text,
        "text_mb_per_s_all_kept": mb / t_text_kept,
    }
    print(
        f"text: {n_text} docs, {mb:.1f} MB: {n_text / t_text:,.0f} docs/s, {mb / t_text:.1f} MB/s "
        f"streaming; {mb / t_text_kept:.1f} MB/s with every result kept in a list"
    )

    # HTML against the lxml floor (and trafilatura when installed), all three streaming.
    pages = html_corpus(2, n_html)
    mb = sum(len(p.encode()) for p in pages) / 1e6
    t_floor = timed(lambda: floor(pages))
    t_html = timed(lambda: stream(pages))
    t_html_kept = timed(lambda: [parse(p) for p in pages])
    figures |= {
        "html_ms_per_page": 1000 * t_html / n_html,
        "html_vs_floor": t_html / t_floor,
        "html_vs_floor_all_kept": t_html_kept / t_floor,
    }
    print(
        f"html: {n_html} pages, {mb:.1f} MB, {attributed_share(pages):.0%} of body elements with attributes: "
        f"{1000 * t_html / n_html:.2f} ms/page; "
        f"lxml floor {1000 * t_floor / n_html:.2f} ms/page; ratio {t_html / t_floor:.2f}x "
        f"({t_html_kept / t_floor:.2f}x with every result kept)"
    )
    t_traf = trafilatura_or_none(pages)
    if t_traf is not None:
        figures["trafilatura_vs_ours"] = t_traf / t_html
        print(
            f"html: trafilatura.extract {1000 * t_traf / n_html:.2f} ms/page; "
            f"ours is {t_traf / t_html:.1f}x faster"
        )
    else:
        print("html: trafilatura not installed (pip install '.[bench]'), comparison skipped")

    # Parquet export.
    transcripts = [parse(t) for t in texts]
    rows = sum(len(t.exchanges) for t in transcripts)
    with tempfile.TemporaryDirectory() as tmp:
        t_pq = timed(lambda: write_parquet(transcripts, Path(tmp) / "e.parquet", table="exchanges"))
        t_pq_nested = timed(lambda: write_parquet(transcripts, Path(tmp) / "t.parquet"))
        figures |= {
            "parquet_exchanges_rows_per_s": rows / t_pq,
            "parquet_nested_docs_per_s": n_text / t_pq_nested,
        }
        print(
            f"parquet: exchanges table {rows / t_pq:,.0f} rows/s; "
            f"nested table {n_text / t_pq_nested:,.0f} docs/s"
        )

        # Linear in document length.
        rng = random.Random(3)
        small = render_page(random_interview(rng, exchanges=200), convention="q-colon").content
        large = render_page(random_interview(rng, exchanges=2000), convention="q-colon").content
        ratio = timed(lambda: parse(large), 2) / timed(lambda: parse(small), 2)
        figures["ratio_2000_vs_200_exchanges"] = ratio
        print(f"scaling: 2,000 vs 200 exchanges: {ratio:.1f}x the time (10x is linear)")

        # Memory of a streaming convert.
        if not args.quick:
            small_rss = peak_rss_of_convert(2_000, Path(tmp))
            big_rss = peak_rss_of_convert(20_000, Path(tmp))
            figures |= {"rss_kib_2k": small_rss, "rss_kib_20k": big_rss, "rss_ratio": big_rss / small_rss}
            print(
                f"memory: peak RSS 2,000 docs {small_rss / 1024:.0f} MiB, 20,000 docs "
                f"{big_rss / 1024:.0f} MiB: {big_rss / small_rss:.2f}x"
            )
            shard_1k = peak_rss_of_publish(10_000, 1_000, Path(tmp))
            shard_10k = peak_rss_of_publish(10_000, 10_000, Path(tmp))
            figures |= {"publish_rss_kib_shard_1k": shard_1k, "publish_rss_kib_shard_10k": shard_10k}
            print(
                f"memory: publish 10,000 docs, peak RSS in shards of 1,000 {shard_1k / 1024:.0f} MiB, "
                f"of 10,000 {shard_10k / 1024:.0f} MiB: {shard_10k / shard_1k:.2f}x "
                f"(convert of 20,000: {big_rss / 1024:.0f} MiB)"
            )

        # --jobs 2 against --jobs 1, whole command lines.
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for i, t in enumerate(texts * (2 if args.quick else 4)):
            (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        cli = [sys.executable, "-m", "interview_parser.cli", "convert", str(folder)]
        times = {}
        for jobs in (1, 2):
            t0 = time.perf_counter()
            subprocess.run(
                [*cli, "-o", str(Path(tmp) / f"j{jobs}.jsonl"), "--jobs", str(jobs)],
                check=True,
                capture_output=True,
            )
            times[jobs] = time.perf_counter() - t0
        figures["jobs2_speedup"] = times[1] / times[2]
        print(f"jobs: --jobs 2 is {times[1] / times[2]:.2f}x --jobs 1 ({os.cpu_count()} cores)")
    print(f"(peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
