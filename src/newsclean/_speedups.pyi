"""Types of the optional C accelerator (src/newsclean/_speedups.c)."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar, final

_T = TypeVar("_T", bound=tuple[object, ...])
_B = TypeVar("_B")
_F = TypeVar("_F", bound=tuple[object, ...])

class WordSet:
    """A set of words (of at most 64 characters), for :func:`shape` and :func:`guess_language`."""

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
def text_blocks(
    text: str,
    block_type: type[_B],
    classify_line: Callable[[str], tuple[str, str, int, int]],
    squash: Callable[[str], str],
    paragraph_blocks: Callable[[list[str], int], list[_B]],
    wrapped_blocks: Callable[[list[str], int], list[_B] | None],
    /,
) -> list[_B]: ...

# The part "page" (src/newsclean/_speedups_page.c).

class _Memo(Protocol):
    """A dict of results by text with a ``maxsize`` (shape._TextMemo)."""

    maxsize: int
    def __len__(self) -> int: ...
    def __getitem__(self, text: str, /) -> Any: ...
    def __setitem__(self, text: str, value: Any, /) -> None: ...

def guess_language(
    texts: Iterable[str],
    limit: int,
    table: tuple[WordSet, tuple[str, ...], dict[str, tuple[int, ...]]],
    memo: _Memo,
    keys: _Memo,
    /,
) -> str | None: ...
def comparison_keys(texts: Iterable[str], memo: _Memo, /) -> list[str]: ...
def block_fields(blocks: Sequence[Any], /) -> tuple[list[Any], list[Any]]: ...
def analyse_facts(page_type: Any, core_type: Any, facts: list[Any], /) -> Any: ...
def drop_chrome(
    edit_type: Any,
    name: str,
    blocks: Sequence[Any],
    reasons: Sequence[str | None],
    start: int,
    end: int,
    /,
) -> tuple[list[Any], list[Any]]: ...
def drop_repeats(
    edit_type: Any,
    name: str,
    blocks: Sequence[Any],
    keys: Sequence[str],
    title_key: str,
    min_words: int,
    /,
) -> tuple[list[Any], list[Any]]: ...

@final
class Facts(Generic[_F]):
    """``chrome.block_facts`` compiled, made by :func:`facts_function`."""

    def __call__(self, text: str, kind: str, language: str | None, /) -> _F: ...

def facts_function(
    facts_type: type[_F], parts: Callable[[], dict[str, object]], /
) -> Facts[_F]: ...

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
