"""Where the default pipeline spends its time on plain text: the reader and each filter.

Reads the 181 whole-page text dumps of ``$NEWSCLEAN_SHARED/benchmarks/article-text``, then
runs ``read`` and each filter of the default pipeline over the whole corpus in turn and
prints each stage's CPU time (``time.process_time``, the best of ``--repeat`` passes, each
pass with newsclean's memo caches emptied and one warm-up page run first, as in
``bench_html.py``), its share, MB/s and microseconds per block.

    python benchmarks/bench_stages.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _metric import shared_dir
from bench_html import clear_caches

from newsclean.document import Document
from newsclean.pipeline import default_pipeline
from newsclean.readers import read


def stage_times(pages: list[str], repeat: int) -> tuple[dict[str, float], int]:
    """Each stage's best CPU time over ``repeat`` passes, and the number of blocks read."""
    pipeline = default_pipeline()
    best: dict[str, float] = {}
    blocks = 0
    for _ in range(repeat):
        clear_caches()
        pipeline(read(pages[0]))  # loads the word lists and compiles the patterns
        start = time.process_time()
        docs: list[Document] = [read(page) for page in pages]
        best["read"] = min(best.get("read", float("inf")), time.process_time() - start)
        blocks = sum(len(doc.blocks) for doc in docs)
        for step in pipeline:
            start = time.process_time()
            docs = [step(doc) for doc in docs]
            elapsed = time.process_time() - start
            best[step.name] = min(best.get(step.name, float("inf")), elapsed)
    return best, blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fastest counts")
    args = parser.parse_args()
    folder = shared_dir() / "benchmarks" / "article-text"
    pages = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    size = sum(len(page.encode("utf-8")) for page in pages) / 1e6
    best, blocks = stage_times(pages, max(1, args.repeat))
    total = sum(best.values())
    print(
        f"{len(pages)} pages, {size:.2f} MB, {blocks} blocks read; CPU time, best of {args.repeat}"
    )
    print(f"{'stage':<12}{'seconds':>9}{'share':>8}{'MB/s':>8}{'us/block':>10}")
    for name, seconds in [*best.items(), ("total", total)]:
        print(
            f"{name:<12}{seconds:>9.3f}{seconds / total:>8.1%}"
            f"{size / seconds if seconds else float('inf'):>8.1f}{seconds / blocks * 1e6:>10.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
