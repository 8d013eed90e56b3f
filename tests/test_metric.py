"""The benchmark metric (benchmarks/_metric.py) scores exactly as the shared README says."""

from __future__ import annotations

import pytest

from helpers import benchmark_metric

metric = benchmark_metric()


def test_tokens_are_unicode_word_runs() -> None:
    assert dict(metric.shingles("Ça va, l'été 2024!")) == {
        ("Ça", "va", "l", "été"): 1,
        ("va", "l", "été", "2024"): 1,
    }


def test_short_text_has_one_short_shingle() -> None:
    assert dict(metric.shingles("one two")) == {("one", "two"): 1}


def test_empty_text_has_no_shingle() -> None:
    assert dict(metric.shingles(" ... ")) == {}


def test_repeated_shingles_are_counted() -> None:
    assert metric.shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


def test_case_is_kept() -> None:
    s = metric.score("Alpha beta gamma delta.", "alpha beta gamma delta")
    assert (s.precision, s.recall) == (0.0, 0.0)
    s = metric.score("alpha beta gamma delta", "alpha beta gamma delta")
    assert (s.tp, s.fp, s.fn, s.precision, s.recall) == (1.0, 0.0, 0.0, 1.0, 1.0)


def test_counts_are_shares_of_their_sum() -> None:
    # truth: 6 shingles; prediction: the first 3 of them plus 2 of its own
    s = metric.score("a b c d e f x y", "a b c d e f g h i")
    assert (s.tp, s.fp, s.fn) == pytest.approx((3 / 8, 2 / 8, 3 / 8))
    assert s.precision == pytest.approx(3 / 5)
    assert s.recall == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(2 * 0.6 * 0.5 / 1.1)


def test_empty_prediction_counts_for_recall_only() -> None:
    nothing = metric.score("", "some words of truth here")
    assert (nothing.tp, nothing.fp) == (0.0, 0.0)
    assert nothing.recall == 0.0
    c = metric.corpus_score([metric.score("a b c d", "a b c d"), nothing])
    assert c.precision == 1.0
    assert c.recall == 0.5
    assert c.f1 == pytest.approx(2 / 3)
    assert c.accuracy == 0.5
    assert c.documents == 2
