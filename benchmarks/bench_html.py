"""Article extraction from whole HTML pages: newsclean against trafilatura, in one run.

Runs ``newsclean.clean(html)`` (the default pipeline), the HTML reader followed by
``FixEncoding`` only, the HTML reader alone (``read_html``), and
``trafilatura.extract(html)`` (with its defaults and with ``favor_precision=True``) on the
181 pages of
``$NEWSCLEAN_SHARED/benchmarks/article-extraction`` and prints, for each:

- precision, recall, F1 and accuracy of the article body with the metric of the shared
  README (``benchmarks/_metric.py``; accuracy = share of pages with F1 >= 0.9);
- documents per second and MB/s of HTML on one core: the process is pinned to one CPU
  where the platform allows and the time is the process's CPU time (so other processes
  on a shared machine do not count against either extractor), the best of ``--repeat``
  passes (the passes of all extractors interleaved, round by round), each with
  newsclean's memo caches of per-text results emptied first (the tables built once per
  process, such as word lists and date grammars, stay warm after a first warm-up pass);
  parsing included, reading and un-gzipping the files excluded;
- title accuracy: the extracted title equals (after case-folding and keeping only ``\\w+``
  tokens) one of the page's ``<h1>`` texts or its JSON-LD ``headline``; the reference is
  computed here with plain selectolax, independently of either extractor;
- how many pages get a published date and how many at least one author (trafilatura's
  metadata comes from ``trafilatura.extract_metadata``, run outside the timed loop).

Usage: ``python benchmarks/bench_html.py [--only newsclean] [--worst N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _metric import CorpusScore, DocScore, corpus_score, score, shared_dir

CORPUS_DIR = shared_dir() / "benchmarks" / "article-extraction"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, HTML, ground-truth body and reference titles."""

    id: str
    html: str
    truth: str
    titles: frozenset[str]


@dataclass(frozen=True)
class Meta:
    """The metadata an extractor found on one page."""

    title: str | None
    published: bool
    author: bool


@dataclass
class Run:
    """What one extractor produced over the corpus, and how long the bodies took."""

    name: str
    bodies: dict[str, str]
    seconds: float
    meta: dict[str, Meta]


def load_pages() -> list[Page]:
    """Read the pages, their ground truth and their reference titles."""
    truth = json.loads((CORPUS_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((CORPUS_DIR / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        body = truth[page_id]["articleBody"]
        pages.append(Page(page_id, html, body, reference_titles(html)))
    return pages


def _title_key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def reference_titles(html: str) -> frozenset[str]:
    """The page's ``<h1>`` texts and JSON-LD headlines, as comparison keys."""
    tree = LexborHTMLParser(html)
    found = {_title_key(node.text(deep=True, separator=" ")) for node in tree.css("h1")}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("headline"), str):
                    found.add(_title_key(item["headline"]))
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return frozenset(key for key in found if key)


# Caches of at least this many entries hold results per text (block facts, class-name
# signals, comparison keys); smaller and unbounded ones hold tables built once per process
# (word lists, date grammars, settings), which a long-running process keeps.
_MEMO_MIN_SIZE = 1024


def clear_caches() -> None:
    """Empty newsclean's memo caches of per-text results, so no pass profits from an
    earlier one; the tables built once per process (lexicons, date grammars) stay warm,
    as in any process that cleans more than a handful of documents."""
    for name, module in list(sys.modules.items()):
        if name.startswith("newsclean"):
            for value in list(vars(module).values()):
                if isinstance(value, type):
                    continue  # a memo's class, not a memo
                info = getattr(value, "cache_info", None)
                clear = getattr(value, "cache_clear", None)
                if not callable(info) or not callable(clear):
                    continue
                size = info().maxsize
                if size is not None and size >= _MEMO_MIN_SIZE:
                    clear()


@dataclass
class Extractor:
    """One system under test: its name, how it extracts a page's body, and, once the
    timed passes are over, how it fills the metadata of its :class:`Run`."""

    name: str
    extract: Callable[[str], str]
    finish: Callable[[Run], None] = lambda run: None


def timed(pages: list[Page], extractors: list[Extractor], repeat: int) -> list[Run]:
    """Run every extractor on every page ``repeat`` times; keep each one's fastest CPU time.

    The passes are interleaved (a pass of each extractor, then the next round), so a slow
    spell of a shared machine weighs on all of them alike rather than on whichever ran
    then. Each pass starts with newsclean's memo caches empty (after one warm-up page), so
    pages seen in an earlier pass cost the same again.
    """
    best = {extractor.name: float("inf") for extractor in extractors}
    bodies: dict[str, dict[str, str]] = {}
    for _ in range(repeat):
        for extractor in extractors:
            extract = extractor.extract
            clear_caches()
            extract(pages[0].html)
            start = time.process_time()
            bodies[extractor.name] = {page.id: extract(page.html) for page in pages}
            best[extractor.name] = min(best[extractor.name], time.process_time() - start)
    runs = []
    for extractor in extractors:
        run = Run(extractor.name, bodies[extractor.name], best[extractor.name], {})
        extractor.finish(run)
        runs.append(run)
    return runs


def newsclean_extractor(pages: list[Page]) -> Extractor:
    """``newsclean.clean`` (the default pipeline), collecting its metadata."""
    import newsclean

    docs = {}

    def extract(html: str) -> str:
        doc = newsclean.clean(html)
        docs[html] = doc
        return doc.text

    def finish(run: Run) -> None:
        for page in pages:
            meta = docs[page.html].meta
            run.meta[page.id] = Meta(meta.title, meta.published is not None, bool(meta.authors))

    return Extractor("newsclean", extract, finish)


def reader_extractor(*, encoding: bool) -> Extractor:
    """The HTML reader alone (``read_html``), or followed by ``FixEncoding`` only."""
    from newsclean.filters import FixEncoding
    from newsclean.readers.html import read_html

    if encoding:
        fix = FixEncoding()
        return Extractor("newsclean read+encoding", lambda html: fix(read_html(html)).text)
    return Extractor("newsclean read_html only", lambda html: read_html(html).text)


def trafilatura_extractor(pages: list[Page], *, precision: bool) -> Extractor:
    """``trafilatura.extract`` (defaults, or ``favor_precision=True``)."""
    import trafilatura

    def finish(run: Run) -> None:
        if precision:
            return
        for page in pages:
            found = trafilatura.extract_metadata(page.html)
            if found is None:
                run.meta[page.id] = Meta(None, published=False, author=False)
            else:
                run.meta[page.id] = Meta(found.title, bool(found.date), bool(found.author))

    name = "trafilatura precision" if precision else "trafilatura"
    return Extractor(
        name, lambda html: trafilatura.extract(html, favor_precision=precision) or "", finish
    )


def _pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


# The throughput target: newsclean's documents per second over trafilatura's.
_SPEED_TARGET = 5.0


def report(pages: list[Page], runs: list[Run]) -> None:
    """Print the quality, speed and metadata table."""
    megabytes = sum(len(page.html.encode("utf-8")) for page in pages) / 1e6
    n = len(pages)
    header = (
        f"{'extractor':<26}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'docs/s':>9}{'MB/s':>7}"
        f"{'title':>7}{'date':>6}{'auth':>6}"
    )
    print(f"{n} pages, {megabytes:.1f} MB of HTML, one core")
    print(header)
    print("-" * len(header))
    for run in runs:
        result: CorpusScore = corpus_score(score(run.bodies[p.id], p.truth) for p in pages)
        line = (
            f"{run.name:<26}{result.precision:>7.3f}{result.recall:>7.3f}{result.f1:>7.3f}"
            f"{result.accuracy:>7.3f}{n / run.seconds:>9.1f}{megabytes / run.seconds:>7.2f}"
        )
        if run.meta:
            titles = sum(
                1
                for p in pages
                if run.meta[p.id].title and _title_key(run.meta[p.id].title or "") in p.titles
            )
            with_title = sum(1 for p in pages if p.titles)
            dates = sum(1 for m in run.meta.values() if m.published)
            authors = sum(1 for m in run.meta.values() if m.author)
            line += f"{titles / with_title:>7.3f}{dates:>6}{authors:>6}"
        print(line)
    print(
        "title: share of the pages with an <h1> or JSON-LD headline whose extracted title "
        "matches one; date/auth: pages with a published date / at least one author"
    )
    speeds = {run.name: n / run.seconds for run in runs}
    if "newsclean" in speeds and "trafilatura" in speeds:
        ratio = speeds["newsclean"] / speeds["trafilatura"]
        print(
            f"newsclean.clean() documents per second: {ratio:.2f} times trafilatura's in this "
            f"run (target: at least {_SPEED_TARGET:g})"
        )


def worst(pages: list[Page], run: Run, count: int) -> None:
    """Print the ``count`` pages with the lowest F1 for ``run``."""
    scored: list[tuple[DocScore, Page]] = [(score(run.bodies[p.id], p.truth), p) for p in pages]
    scored.sort(key=lambda item: item[0].f1)
    for doc, page in scored[:count]:
        print(f"{page.id[:16]}  P {doc.precision:.3f}  R {doc.recall:.3f}  F1 {doc.f1:.3f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["newsclean"], help="skip the trafilatura anchors")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (fastest kept)")
    args = parser.parse_args(argv)
    if not CORPUS_DIR.is_dir():
        print(f"benchmark corpus not found at {CORPUS_DIR}", file=sys.stderr)
        return 1
    _pin_to_one_core()
    pages = load_pages()
    extractors = [
        newsclean_extractor(pages),
        reader_extractor(encoding=True),
        reader_extractor(encoding=False),
    ]
    if args.only is None:
        try:
            extractors.append(trafilatura_extractor(pages, precision=False))
            extractors.append(trafilatura_extractor(pages, precision=True))
        except ImportError as error:
            print(f"trafilatura anchors skipped ({error}): pip install -e '.[bench]'")
    runs = timed(pages, extractors, args.repeat)
    report(pages, runs)
    if args.worst:
        worst(pages, runs[0], args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
