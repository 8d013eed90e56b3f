"""The optional C accelerator gives what the Python code it replaces gives, on any text.

Each compiled function is compared with its Python reference in ``newsclean.filters.shape``
under hypothesis, on arbitrary text and on text made of the characters that matter to it
(letters of several scripts, case-folding specials, white space of every kind, digits of
other scripts, typographic marks). A last test runs the seeds through the whole pipeline
with and without the accelerator.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import FIXTURES, TRICKY_CHARACTERS, seed_ids
from newsclean import clean
from newsclean.filters import shape as shape_module
from newsclean.filters.shape import (
    Shape,
    _comparison_key,
    _lexicon_key,
    _stopwords,
    chrome_lexicon,
    count_matches,
    shape_from,
)

speedups = pytest.importorskip(
    "newsclean._speedups", reason="the C accelerator is not built (a pure-Python install)"
)

_TRICKY = TRICKY_CHARACTERS
_WORDS = [
    "the",
    "The",
    "THE",
    "and",
    "of",
    "und",
    "der",
    "für",
    "était",
    "и",
    "что",
    "не",
    "cookie",
    "Cookies",
    "privacy policy",
    "All Rights Reserved",
    "©",
    "18+",
    "подписка",
    "news",
    "Officials",
    "met",
    "on",
    "Monday.",
    "...",
    "…",
    "x" * 70,
]
texts = st.one_of(
    st.text(),
    st.text(alphabet=_TRICKY, max_size=80),
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_TRICKY, max_size=6)), max_size=30
    ).map(" ".join),
)
_LANGUAGES = [None, *_stopwords()]


@given(texts, st.booleans())
def test_words_key_is_the_comparison_and_lexicon_key(text: str, digits: bool) -> None:
    folded = text.casefold()
    expected = _comparison_key(text) if digits else _lexicon_key(text, folded, folded.split())
    assert speedups.words_key(folded, digits) == expected
    if text.isascii():
        assert speedups.words_key(text, digits) == expected  # ASCII is folded on the fly


@settings(max_examples=300)
@given(texts, st.sampled_from(_LANGUAGES))
def test_shape_is_shape_from(text: str, language: str | None) -> None:
    stopwords = _stopwords().get(language) if language else None
    folded = text.casefold()
    words = None if stopwords is None else speedups.WordSet(sorted(stopwords))
    compiled = speedups.shape(Shape, text, folded, words, 200)
    expected = shape_from(text, folded, folded.split(), stopwords)
    assert type(compiled) is Shape
    assert compiled == expected  # CJK text included


def test_shape_of_ascii_text_does_not_read_folded() -> None:
    text = "Officials MET on Monday to discuss the deal."
    stopwords = speedups.WordSet(sorted(_stopwords()["en"]))
    assert speedups.shape(Shape, text, "", stopwords, 200) == shape_from(
        text, text.casefold(), text.casefold().split(), _stopwords()["en"]
    )


@given(texts)
def test_phrases_count_is_the_trie_regex(text: str) -> None:
    lexicon = chrome_lexicon()
    folded = text.casefold()
    compiled = speedups.Phrases(sorted(lexicon.contains))
    assert compiled.count(folded) == count_matches(lexicon.contains_pattern, folded)


def test_phrases_take_the_shortest_phrase_and_resume_after_it() -> None:
    phrases = speedups.Phrases(["cookie", "cookies", "kies", "ab", "abc", "bcd"])
    assert phrases.count("cookies") == 1  # "cookie", then "s": "kies" starts inside it
    assert phrases.count("abcd") == 1  # "ab" wins over "abc"; "bcd" overlaps it
    assert phrases.count("ab ab cookie") == 2
    assert phrases.count("") == 0


def test_word_set_refuses_what_its_lookups_would_miss() -> None:
    with pytest.raises(ValueError, match="64"):
        speedups.WordSet(["a" * 65])
    with pytest.raises(TypeError):
        speedups.WordSet([b"the"])
    assert len(speedups.WordSet(["the", "the", "und"])) == 2


def test_wrong_arguments_raise_type_errors() -> None:
    with pytest.raises(TypeError):
        speedups.words_key(b"abc", True)
    with pytest.raises(TypeError):
        speedups.shape(Shape, "text", "text", frozenset(), 200)


@pytest.mark.parametrize("seed", seed_ids())
def test_pipeline_gives_the_same_document_without_the_accelerator(seed: str) -> None:
    path = FIXTURES / "seeds" / f"{seed}.txt"
    script = (
        "import json, sys; from newsclean import clean; from newsclean.filters import shape; "
        "assert not shape.COMPILED; "
        "print(json.dumps(clean(open(sys.argv[1], 'rb').read()).to_dict()))"
    )
    env = {**os.environ, "NEWSCLEAN_PURE_PYTHON": "1"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shape_module.COMPILED
    assert json.loads(result.stdout) == clean(path.read_bytes()).to_dict()
