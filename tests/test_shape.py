"""Block shapes: the fast paths give what the plain definitions give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.filters.shape import (
    _stopwords,
    _trie_pattern,
    chrome_lexicon,
    comparison_key,
    guess_language,
    lexicon_key,
    shape_of,
)

# Texts from a small alphabet of letters, digits, spaces and punctuation (ASCII and not),
# so that keys, phrases and stop words actually occur.
_CHARS = st.sampled_from(list("ab cdeio_-.,:;!?|/()'\"\t\n0123456789éßΣσж中’“—«»\u00a0\u2003ͅ"))
_TEXT = st.text(_CHARS, max_size=60)
_WORDS = st.sampled_from(["the", "and", "der", "und", "le", "de", "la", "el", "и", "a", "x"])


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(phrase) for phrase in sorted(phrases)))


def _reference_language(texts: list[str], limit: int = 1500) -> str | None:
    # guess_language as first written: word by word, languages in order of first hit.
    counts: dict[str, int] = {}
    seen = 0
    for text in texts:
        words = text.casefold().split()
        seen += len(words)
        for word in words:
            for language, stopwords in _stopwords().items():
                if word in stopwords:
                    counts[language] = counts.get(language, 0) + 1
        if seen >= limit:
            break
    if not counts:
        return None
    best = max(counts, key=lambda language: counts[language])
    if counts[best] < 8 or counts[best] < 0.12 * seen:
        return None
    return best


def test_trie_pattern_nests_shared_prefixes() -> None:
    assert _trie_pattern(["sign in", "sign up", "subscribe"]) == r"s(?:ign\ (?:in|up)|ubscribe)"


def test_trie_pattern_drops_phrases_that_extend_another() -> None:
    assert _trie_pattern(["cookie", "cookies", "cookie policy"]) == "cookie"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abc ", min_size=1, max_size=4), min_size=1, max_size=6), _TEXT)
def test_trie_pattern_finds_what_the_sorted_alternation_finds(
    phrases: list[str], text: str
) -> None:
    assert re.findall(_trie_pattern(phrases), text) == _alternation(phrases).findall(text)


def test_chrome_phrases_found_as_by_the_sorted_alternation() -> None:
    lexicon = chrome_lexicon()
    text = "we use cookies. cookie policy | privacy policy © 2024 all rights reserved sign up"
    expected = _alternation(list(lexicon.contains)).findall(text)
    assert lexicon.contains_pattern.findall(text) == expected
    assert expected == ["cookie", "cookie", "privacy", "©", "all rights reserved", "sign up"]


def test_prefixes_by_char_hold_every_prefix_once() -> None:
    lexicon = chrome_lexicon()
    grouped = [prefix for group in lexicon.prefixes_by_char.values() for prefix in group]
    assert sorted(grouped) == sorted(lexicon.prefixes)
    assert all(
        prefix[0] == char for char, group in lexicon.prefixes_by_char.items() for prefix in group
    )


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_keys_match_their_regex_definitions(text: str) -> None:
    folded = text.casefold()
    assert comparison_key(text) == re.sub(r"[\W_]+", " ", folded).strip()
    assert lexicon_key(text) == re.sub(r"[\W\d_]+", " ", folded).strip()
    assert shape_of(text).key == lexicon_key(text)


def test_long_texts_have_no_lexicon_key() -> None:
    assert shape_of("word " * 50).key == ""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=12).map(" ".join), max_size=8), st.sampled_from([5, 20]))
def test_guess_language_counts_as_word_by_word(texts: list[str], limit: int) -> None:
    assert guess_language(texts, limit) == _reference_language(texts, limit)


def test_guess_language_tie_goes_to_the_first_language_seen() -> None:
    # "und" is German only, "the" English only: equal counts, German seen first.
    assert guess_language(["und the " * 8]) == "de"
    assert guess_language(["the und " * 8]) == "en"


def test_guess_language_stops_after_the_text_that_reaches_the_limit() -> None:
    texts = ["und der die das " * 3, "the and of to " * 10]
    assert guess_language(texts, limit=10) == "de"
    assert guess_language(texts, limit=100) == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Vital partner,” she said — again…", "vital partner she said again"),
        ("Don’t stop_here", "don t stop here"),
        ("Straße – Köln’s «Dom»", "strasse köln s dom"),
        ("東京、大阪。", "東京 大阪"),
        ("a\ud800b ’", "a b"),
        ("— … ’", ""),
    ],
)
def test_comparison_keys_of_typographic_text(text: str, expected: str) -> None:
    assert comparison_key(text) == expected
    assert comparison_key(text) == re.sub(r"[\W_]+", " ", text.casefold()).strip()
