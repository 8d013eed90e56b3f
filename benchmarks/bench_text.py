"""Plain-text cleaning benchmark: whole-page text dumps in, article body out.

Runs the default pipeline on ../shared/benchmarks/article-text/ (181 whole-page texts made
with a naive HTML-to-text converter) and scores ``text`` against the ground-truth bodies of
../shared/benchmarks/article-extraction/ground-truth.json, side by side with the raw text and
a C4-style line filter measured in the same run.

Speed is MB/s of UTF-8 text on one core: the process's CPU time of the fastest of
``--repeat`` passes over all pages, each pass with newsclean's memo caches of per-text
results emptied first (``bench_html.clear_caches``); the tables built once per process
(word lists, date grammars) are warm from the first pass, whose cold speed is printed
below the table.

    python benchmarks/bench_text.py [--worst N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _metric import CorpusScore, corpus_score, score, shared_dir
from bench_html import clear_caches

import newsclean

_TERMINAL = (".", "!", "?", '"', "”", "’", "'", "»", "…", ":")


def c4_filter(text: str) -> str:
    """C4-style: keep lines ending in terminal punctuation with at least 5 words; drop repeats."""
    seen: set[str] = set()
    kept: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if len(line.split()) >= 5 and line.endswith(_TERMINAL) and line not in seen:
            seen.add(line)
            kept.append(line)
    return "\n".join(kept)


def newsclean_text(text: str) -> str:
    """The default pipeline's body text."""
    return newsclean.clean(text).text


def _language_of(text: str) -> str:
    from newsclean.lexicon import load

    words = text.lower().split()
    stop: dict[str, list[str]] = {k: v for k, v in load("stopwords").items() if k != "_comment"}
    counts = {lang: sum(1 for w in words if w in set(ws)) for lang, ws in stop.items()}
    return max(counts, key=lambda lang: counts[lang])


def run(
    func: Callable[[str], str], pages: dict[str, str], truth: dict[str, str], repeat: int
) -> tuple[CorpusScore, CorpusScore, list[float], dict[str, float]]:
    """Score ``func`` on ``pages``; also return the MB/s of each of ``repeat`` passes."""
    outputs: dict[str, str] = {}
    size = sum(len(t.encode("utf-8")) for t in pages.values()) / 1e6
    speeds: list[float] = []
    for _ in range(repeat):
        clear_caches()
        start = time.process_time()
        outputs = {key: func(text) for key, text in pages.items()}
        speeds.append(size / max(time.process_time() - start, 1e-9))
    scores = {key: score(outputs[key], truth[key]) for key in pages}
    overall = corpus_score(scores.values())
    foreign = corpus_score(s for k, s in scores.items() if _language_of(truth[k]) != "en")
    return overall, foreign, speeds, {k: s.f1 for k, s in scores.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of newsclean")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the fastest counts")
    args = parser.parse_args()
    root = shared_dir() / "benchmarks"
    truth_all = json.loads((root / "article-extraction" / "ground-truth.json").read_text())
    pages = {
        p.stem: p.read_text(encoding="utf-8") for p in sorted((root / "article-text").glob("*.txt"))
    }
    truth = {k: truth_all[k]["articleBody"] for k in pages}
    foreign_n = sum(1 for k in pages if _language_of(truth[k]) != "en")
    chars = sum(map(len, pages.values())) / 1e6
    print(f"{len(pages)} pages ({foreign_n} not in English), {chars:.1f} M chars")
    print(f"{'system':<22}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'F1 non-en':>11}{'MB/s':>10}")
    worst: dict[str, float] = {}
    cold = 0.0
    for name, func in (
        ("raw text", lambda t: t),
        ("C4-style line filter", c4_filter),
        ("newsclean", newsclean_text),
    ):
        overall, foreign, speeds, per_doc = run(func, pages, truth, max(1, args.repeat))
        speed = max(speeds)
        print(
            f"{name:<22}{overall.precision:>7.3f}{overall.recall:>7.3f}{overall.f1:>7.3f}"
            f"{overall.accuracy:>7.3f}{foreign.f1:>11.3f}{speed:>10.2f}"
        )
        if name == "newsclean":
            worst, cold = per_doc, speeds[0]
    print(
        f"MB/s: CPU time of the fastest of {args.repeat} passes on one core; newsclean's "
        f"first pass, with its word lists and date grammars still to build: {cold:.2f} MB/s"
    )
    for key in sorted(worst, key=lambda k: worst[k])[: args.worst]:
        print(f"  {worst[key]:.3f} {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
