"""Types of the optional C accelerator (src/newsclean/_speedups.c)."""

from collections.abc import Iterable
from typing import TypeVar

_T = TypeVar("_T", bound=tuple[object, ...])

class WordSet:
    """A set of words (of at most 64 characters), for :func:`shape` and :func:`stop_word_counts`."""

    def __init__(self, words: Iterable[str]) -> None: ...
    def __len__(self) -> int: ...

class Phrases:
    """A trie of phrases, for counting the different ones a text holds."""

    def __init__(self, phrases: Iterable[str]) -> None: ...
    def count(self, text: str, /) -> int: ...

def words_key(folded: str, digits: bool, /) -> str: ...
def shape(
    shape_type: type[_T],
    text: str,
    folded: str,
    stopwords: WordSet | None,
    keyed_chars: int,
    /,
) -> _T | None: ...
def stop_word_counts(
    texts: Iterable[str], stopwords: WordSet, limit: int, /
) -> tuple[int, dict[str, int]]: ...

# The byline part (_speedups_byline.c; see newsclean.filters.byline.fast).
def byline_anchor(blocks: tuple[object, ...], title: str, /) -> int | None: ...
def byline_head(blocks: tuple[object, ...], low: int, high: int, /) -> list[int]: ...
def byline_candidates(
    blocks: tuple[object, ...], head: list[int], gate: tuple[object, ...], /
) -> list[int]: ...
def byline_tail_inert(
    blocks: tuple[object, ...], indexes: list[int], gate: tuple[object, ...], /
) -> list[int]: ...
def byline_long_paragraphs(
    blocks: tuple[object, ...],
    head: list[int],
    removed: set[int],
    replaced: dict[int, str],
    words: int,
    /,
) -> list[int]: ...
