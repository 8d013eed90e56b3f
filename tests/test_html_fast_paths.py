"""The HTML reader's fast paths give what the plain rules give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.readers.html.content import _ASCII_NON_WORD, _PROSE_MARKS, _listed_articles, _words
from newsclean.readers.html.dom import Container

_WORD = re.compile(r"\w+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_words_are_the_regex_words(text: str) -> None:
    lowered = text.lower()
    assert lowered.translate(_ASCII_NON_WORD).split() == _WORD.findall(lowered)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(["A", "b", "É", "_", "7", " ", "-", *_PROSE_MARKS]), st.text()),
        max_size=12,
    ).map("".join)
)
def test_block_words_are_the_regex_words(text: str) -> None:
    assert _words(text) == _WORD.findall(text.lower())


def test_prose_marks_split_words() -> None:
    assert all(_WORD.fullmatch(mark) is None for mark in _PROSE_MARKS)
    assert _words("The “Mayor’s” plan — Ünter…") == ["the", "mayor", "s", "plan", "ünter"]


def test_ascii_words_keep_underscores_and_digits() -> None:
    assert "it's a_b 3-4\x1fx".translate(_ASCII_NON_WORD).split() == [
        "it",
        "s",
        "a_b",
        "3",
        "4",
        "x",
    ]


def _container(tag: str, parent: int) -> Container:
    return Container(tag, {}, parent, 0 if parent < 0 else 1, 0)


def test_one_article_has_no_peer() -> None:
    containers = [_container("body", -1), _container("article", 0), _container("div", 1)]
    assert _listed_articles(containers) == [False, False, False]


def test_sibling_articles_are_peers() -> None:
    tags = ["body", "article", "div", "article"]
    containers = [_container(tag, -1 if i == 0 else 0) for i, tag in enumerate(tags)]
    assert _listed_articles(containers) == [False, True, False, True]


def test_label_keeps_an_id_without_white_space_only() -> None:
    container = Container("div", {"class": "a b", "id": "main"}, -1, 0, 0)
    assert container.label == "div.a.b#main"
    spaced = Container("div", {"id": "main story"}, -1, 0, 0)
    assert spaced.label == "div"
    tabbed = Container("div", {"id": "x\u2003"}, -1, 0, 0)
    assert tabbed.label == "div"


def test_candidates_inside_boilerplate_are_discounted() -> None:
    from newsclean.readers.html.content import _candidate_scores

    containers = [
        _container("body", -1),
        _container("nav", 0),
        _container("div", 1),
        _container("div", 2),
        _container("article", 0),
    ]
    marks = [0, -1, 0, 0, 1]
    scores = [10.0, 10.0, 10.0, 10.0, 10.0]
    assert _candidate_scores(containers, scores, marks) == [10.0, 2.0, 2.0, 2.0, 10.0]


def test_hidden_styles() -> None:
    from newsclean.readers.html.dom import is_hidden

    assert is_hidden({"style": "color: red; VISIBILITY: hidden"})
    assert not is_hidden({"style": ""})
    assert not is_hidden({"style": None, "aria-hidden": "false"})
    assert is_hidden({"aria-hidden": "TRUE"})
