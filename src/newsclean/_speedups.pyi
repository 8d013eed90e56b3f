"""Types of the optional C accelerator (src/newsclean/_speedups.c)."""

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar, final

_T = TypeVar("_T", bound=tuple[object, ...])
_F = TypeVar("_F", bound=tuple[object, ...])

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
) -> _T: ...
def stop_word_counts(
    texts: Iterable[str], stopwords: WordSet, limit: int, /
) -> tuple[int, dict[str, int]]: ...

@final
class Facts(Generic[_F]):
    """``chrome.block_facts`` compiled, made by :func:`facts_function`."""

    def __call__(self, text: str, kind: str, language: str | None, /) -> _F: ...

def facts_function(
    facts_type: type[_F], parts: Callable[[], dict[str, object]], /
) -> Facts[_F]: ...
