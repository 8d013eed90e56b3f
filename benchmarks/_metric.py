"""The article-body metric of ``../shared/benchmarks/README.md``: 4-gram shingle P/R/F1.

Shared by every benchmark that scores an extracted body against a ground truth (the HTML
benchmark and the plain-text benchmark), so the numbers are comparable.

- Tokens are the matches of the regex ``\\w+`` (Python's Unicode ``re``, case kept).
- A text's shingles are its 4-grams of consecutive tokens; a text of fewer than 4 tokens has
  one shorter shingle (all its tokens); an empty text has none.
- Per document: ``tp`` = sum over shingles of min(true count, predicted count), ``fp`` = the
  excess predicted, ``fn`` = the excess true; the three are divided by their sum.
  Precision is 1 if fp = fn = 0, 0 if tp = fp = 0, else tp/(tp+fp); recall is 1 if
  fp = fn = 0, 0 if tp = fn = 0, else tp/(tp+fn).
- Corpus precision is the mean document precision over documents with tp+fp > 0; corpus
  recall the mean document recall over documents with tp+fn > 0; F1 = 2PR/(P+R).
- Accuracy (defined here, not in the README): the share of documents whose own F1 is at
  least :data:`ACCURATE_F1` (0.9), over all scored documents.

>>> s = score("The cat sat on the mat today.", "The cat sat on the mat.")
>>> round(s.precision, 3), round(s.recall, 3)
(0.75, 1.0)
>>> corpus([s, score("", "")]).n
2
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ACCURATE_F1", "CorpusScore", "DocScore", "corpus", "score", "shingles", "tokens"]

SHINGLE_SIZE = 4
ACCURATE_F1 = 0.9
"""A document counts as accurately extracted when its F1 is at least this."""

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Return the ``\\w+`` tokens of ``text``.

    >>> tokens("Don't stop—now!")
    ['Don', 't', 'stop', 'now']
    """
    return _TOKEN.findall(text)


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Return the multiset of ``n``-grams of consecutive tokens of ``text``.

    >>> shingles("a b c")
    Counter({('a', 'b', 'c'): 1})
    >>> len(shingles("")), sum(shingles("a b c d e").values())
    (0, 2)
    """
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True, slots=True)
class DocScore:
    """One document's shares ``tp``, ``fp``, ``fn`` (summing to 1, or all 0) and its P/R/F1."""

    tp: float
    fp: float
    fn: float
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """The harmonic mean of the document's precision and recall (0 when both are 0)."""
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def score(pred: str, truth: str) -> DocScore:
    """Score a predicted body ``pred`` against the ground truth ``truth``.

    >>> score("", "").precision, score("x y", "").precision, score("", "x y").recall
    (1.0, 0.0, 0.0)
    """
    true_counts = shingles(truth)
    pred_counts = shingles(pred)
    tp = fp = fn = 0
    for key in true_counts.keys() | pred_counts.keys():
        t, p = true_counts.get(key, 0), pred_counts.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    tps, fps, fns = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
    if fp == 0 and fn == 0:
        return DocScore(tps, fps, fns, 1.0, 1.0)
    precision = 0.0 if tp == 0 and fp == 0 else tps / (tps + fps)
    recall = 0.0 if tp == 0 and fn == 0 else tps / (tps + fns)
    return DocScore(tps, fps, fns, precision, recall)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """Corpus precision, recall, F1 and accuracy over ``n`` documents."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    n: int


def corpus(scores: Iterable[DocScore]) -> CorpusScore:
    """Aggregate document scores as the README says (means over the documents that count).

    >>> c = corpus([score("a b c d", "a b c d"), score("a b c d", "w x y z")])
    >>> c.precision, c.recall, c.accuracy
    (0.5, 0.5, 0.5)
    """
    docs = list(scores)
    with_pred = [d.precision for d in docs if d.tp + d.fp > 0]
    with_true = [d.recall for d in docs if d.tp + d.fn > 0]
    precision = sum(with_pred) / len(with_pred) if with_pred else 0.0
    recall = sum(with_true) / len(with_true) if with_true else 0.0
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    accurate = sum(1 for d in docs if d.f1 >= ACCURATE_F1)
    accuracy = accurate / len(docs) if docs else 0.0
    return CorpusScore(precision, recall, f1, accuracy, len(docs))
