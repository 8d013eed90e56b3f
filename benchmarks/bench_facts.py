"""What ``chrome.block_facts`` costs per distinct block: the compiled code and its Python reference.

Cleans the 181 whole-page text dumps of ``$NEWSCLEAN_SHARED/benchmarks/article-text`` once to
collect the distinct (text, kind, language) triples the pipeline measures, then times
``chrome._block_facts`` (the C accelerator) and ``chrome._block_facts_python`` (the
reference, the anchor) over all of them, uncached, and prints the CPU time per block of the
best of ``--repeat`` passes (the two alternate, so both see the same machine).

    python benchmarks/bench_facts.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _metric import shared_dir

from newsclean import clean
from newsclean.filters import chrome
from newsclean.filters.chrome import BlockFacts
from newsclean.filters.shape import COMPILED

Triple = tuple[str, str, "str | None"]
Measure = Callable[[str, str, "str | None"], BlockFacts]


def distinct_blocks(pages: list[str]) -> list[Triple]:
    """The distinct (text, kind, language) the pipeline asks ``block_facts`` about."""
    seen: dict[Triple, None] = {}
    cached = chrome.block_facts

    def record(text: str, kind: str, language: str | None) -> BlockFacts:
        seen[text, kind, language] = None
        return cached(text, kind, language)

    chrome.block_facts = record  # type: ignore[assignment]
    try:
        for page in pages:
            clean(page)
    finally:
        chrome.block_facts = cached
    return list(seen)


def best_times(
    blocks: list[Triple],
    functions: dict[str, Measure],
    repeat: int,
) -> dict[str, float]:
    """Each function's best CPU time over ``repeat`` passes over ``blocks``."""
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.process_time()
            for text, kind, language in blocks:
                function(text, kind, language)
            best[name] = min(best[name], time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="passes; the fastest counts")
    args = parser.parse_args()
    folder = shared_dir() / "benchmarks" / "article-text"
    pages = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    blocks = distinct_blocks(pages)
    functions: dict[str, Measure] = {"python": chrome._block_facts_python}
    if COMPILED:
        functions["compiled"] = chrome._block_facts
    best = best_times(blocks, functions, max(1, args.repeat))
    print(f"{len(blocks)} distinct blocks of {len(pages)} pages; CPU time, best of {args.repeat}")
    print(f"{'block_facts':<12}{'seconds':>9}{'us/block':>10}{'speed-up':>10}")
    for name, seconds in best.items():
        print(
            f"{name:<12}{seconds:>9.3f}{seconds / len(blocks) * 1e6:>10.2f}"
            f"{best['python'] / seconds:>9.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
