"""The container marks read class names without regexes where they can; same marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.readers.html.signals import (
    BOILERPLATE,
    CONTENT,
    NEUTRAL,
    container_mark,
    signals,
)
from newsclean.readers.html.tokens import split_tokens


def _reference_mark(tag: str, classes: str, ident: str) -> int:
    """The marking rule, word by word, with the regex tokenizer for every name."""
    sig = signals()
    tokens: list[str] = []
    names = [*classes.split(), ident] + ([tag] if "-" in tag else [])
    for name in names:
        words = split_tokens(name)
        if words and words[0] not in sig.state_prefixes:
            tokens.extend(words)
    if tag in sig.boilerplate_tags or not sig.boilerplate.isdisjoint(tokens):
        return BOILERPLATE
    if tag in sig.content_tags or not sig.content.isdisjoint(tokens):
        return CONTENT
    return NEUTRAL


_WORDS = ["share", "story", "body", "has", "nav", "x", "Related", "ad", "é", "1", "comments"]
_NAME = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(max_size=4)), min_size=1, max_size=4
).flatmap(
    lambda parts: st.lists(
        st.sampled_from(["-", "_", "--", ":", "/", ".", "", " "]),
        min_size=len(parts),
        max_size=len(parts),
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True)))
)


@settings(max_examples=300, deadline=None)
@given(
    tag=st.sampled_from(["div", "section", "aside", "amp-ad", "story-body", "x-share"]),
    classes=st.lists(_NAME, max_size=3).map(" ".join),
    ident=_NAME,
)
def test_marks_match_the_word_by_word_rule(tag: str, classes: str, ident: str) -> None:
    attrs = {"class": classes, "id": ident}
    assert container_mark(tag, attrs) == _reference_mark(tag, classes, ident)


def test_marks_of_common_names() -> None:
    assert container_mark("div", {"class": "share-bar"}) == BOILERPLATE
    assert container_mark("div", {"class": "has-share"}) == NEUTRAL
    assert container_mark("div", {"class": "storyBody__text"}) == CONTENT
    assert container_mark("div", {"class": "story:body"}) == CONTENT
    assert container_mark("div", {"id": "main nav"}) == BOILERPLATE
    assert container_mark("div", {"class": "x", "id": "has-nav"}) == NEUTRAL
