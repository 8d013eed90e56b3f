"""The article-extraction metric of ../shared/benchmarks/README.md.

Tokens are the matches of ``\\w+``; a text's shingles are its 4-grams of consecutive tokens
(a text of fewer than 4 tokens has one shorter shingle; an empty text none). Per document,
tp, fp and fn count shingle matches with multiplicity and are then divided by their sum.
Corpus precision and recall are means over the documents where they are defined.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

_TOKEN = regex.compile(r"\w+")
SHINGLE = 4


def shared_dir() -> Path:
    """The shared folder: ``$NEWSCLEAN_SHARED``, else ``../shared`` from the repository root."""
    configured = os.environ.get("NEWSCLEAN_SHARED")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared"


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-gram shingles of ``text``'s ``\\w+`` tokens."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


@dataclass(frozen=True)
class DocScore:
    """One document's counts (normalized to sum to 1) and its precision and recall."""

    tp: float
    fp: float
    fn: float
    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float:
        """The document's F1 (0 when undefined)."""
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score(predicted: str, truth: str) -> DocScore:
    """Score one predicted text against its ground truth."""
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return DocScore(0.0, 0.0, 0.0, 1.0, 1.0)
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    if fp == 0 and fn == 0:
        return DocScore(tp_n, fp_n, fn_n, 1.0, 1.0)
    precision = None if tp + fp == 0 else tp_n / (tp_n + fp_n)
    recall = None if tp + fn == 0 else tp_n / (tp_n + fn_n)
    return DocScore(tp_n, fp_n, fn_n, precision, recall)


@dataclass(frozen=True)
class CorpusScore:
    """Corpus precision, recall, F1 and accuracy (share of documents with F1 of at least 0.9)."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    documents: int


def corpus_score(scores: Iterable[DocScore]) -> CorpusScore:
    """Aggregate document scores as the benchmark README prescribes."""
    items = list(scores)
    precisions = [s.precision for s in items if s.tp + s.fp > 0 and s.precision is not None]
    recalls = [s.recall for s in items if s.tp + s.fn > 0 and s.recall is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = sum(1 for s in items if s.f1 >= 0.9) / len(items) if items else 0.0
    return CorpusScore(p, r, f1, accuracy, len(items))
