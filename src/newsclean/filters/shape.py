"""The shape of blocks: how much each reads like prose or like chrome, and where the article is.

The text filters (chrome, duplicates, headline) decide by shape, not by site: a block's
length, words, terminal punctuation, share of stop words in the page's language, and
whether the chrome lexicon knows it. :func:`prose_core` finds the run of blocks that holds
the article's prose, as the best-scoring contiguous segment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import attrgetter
from typing import Any, NamedTuple

from newsclean._compiled import COMPILED
from newsclean.authors import strip_by
from newsclean.document import Block, BlockKind
from newsclean.lexicon import load

# The optional C accelerator (src/newsclean/_speedups.c): compiled versions of the hottest
# measurements below, which give the same results as the Python code (see
# tests/test_speedups*.py). Without it, or with NEWSCLEAN_PURE_PYTHON set, the Python runs.
if COMPILED:
    from newsclean._speedups import Phrases, WordSet, words_key
    from newsclean._speedups import block_fields as compiled_block_fields
    from newsclean._speedups import comparison_keys as compiled_comparison_keys
    from newsclean._speedups import guess_language as compiled_guess_language
    from newsclean._speedups import shape as compiled_shape

__all__ = [
    "COMPILED",
    "ChromeLexicon",
    "Core",
    "Shape",
    "block_fields",
    "cached_shape",
    "chrome_lexicon",
    "comparison_key",
    "comparison_keys",
    "guess_language",
    "is_header_line",
    "lexicon_key",
    "prose_core",
    "shape_from",
    "shape_is_header_line",
    "shape_of",
    "shapes_of",
    "stopwords_of",
]

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_NON_WORD = re.compile(r"[\W_]+")
# The same for ASCII text, as tables for bytes.translate (several times faster than a regex,
# and twice as fast as str.translate): what is no letter (or digit) becomes a space.
_ASCII_NOT_LETTERS = bytes(32 if not chr(code).isalpha() else code for code in range(256))
_ASCII_NON_WORD = bytes(32 if not chr(code).isalnum() else code for code in range(256))
# The same, lowering the case too: ASCII text is case-folded in the same pass (case
# folding an ASCII letter is lowering it).
_ASCII_LOWER_NON_WORD = bytes(
    32 if not chr(code).isalnum() else ord(chr(code).lower()) for code in range(256)
)
# The same as a bytes table for UTF-8 text: ASCII bytes that are no letter or digit become
# spaces; the bytes of other characters (all 128 and above) stay.
_UTF8_NON_WORD = bytes(
    32 if code < 128 and not chr(code).isalnum() else code for code in range(256)
)
_UTF8_NOT_LETTERS = bytes(
    32 if code < 128 and not chr(code).isalpha() else code for code in range(256)
)
# The marks other than ASCII punctuation that most often stand between words in news text.
_TYPOGRAPHIC_MARKS = "’“”—–‘…"
_DIGIT = re.compile(r"\d")
_INNER_PUNCT = re.compile(r"[,;:]|[.!?。！？](?=\s)")
_TERMINAL = frozenset('.!?。！？…"”’»」』')
_ELLIPSIS_TEASER = ("...", "…")

# A block is prose when it ends like a sentence and has at least this many words, or is
# long and punctuated inside. Tuned on ../shared/benchmarks/article-text (181 pages):
# shorter thresholds let menu captions in, longer ones lose one-line paragraphs.
_PROSE_MIN_WORDS = 6
_LONG_MIN_WORDS = 20
# Below this share of stop words (in a page whose language is known) a long line is a list
# of names or headlines rather than a sentence. Tuned on the same corpus.
_MIN_STOP_SHARE = 0.08
_LANGUAGE_MIN_HITS = 8
_MAX_KEYED_CHARS = 200
# Text in a language with a stop-word list has 25-50% stop words; below this share the
# page is in another language, and stop words are not used at all.
_LANGUAGE_MIN_SHARE = 0.12


@dataclass(frozen=True, slots=True)
class ChromeLexicon:
    """The chrome phrases of every language in ``lexicon/chrome.json``, merged."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    sections: frozenset[str]
    comments: frozenset[str]
    contains: tuple[str, ...]
    contains_pattern: re.Pattern[str]
    """One pattern that finds any of ``contains`` in case-folded text."""
    prefixes_by_char: dict[str, tuple[str, ...]]
    """``prefixes`` by their first character: a line is checked only against its own."""
    teasers: tuple[str, ...]
    """Teaser labels, case-folded ("read more"); :attr:`teaser_pattern` needs a separator after."""
    teaser_pattern: re.Pattern[str]
    teasers_by_char: dict[str, tuple[str, ...]]
    """``teasers`` by their first character: a line is checked only against its own."""
    social: frozenset[str]
    """Words of share rows: network and button names."""
    count_contained: Callable[[str], int]
    """How many different ``contains`` phrases case-folded text holds (see ``contains_pattern``)."""


@cache
def chrome_lexicon() -> ChromeLexicon:
    """Load the chrome lexicon once (all languages together: a German page has English buttons)."""
    data = load("chrome")
    lines: set[str] = set()
    prefixes: set[str] = set()
    sections: set[str] = set()
    comments: set[str] = set()
    contains: set[str] = set()
    teasers: set[str] = set()
    social: set[str] = set()
    for language, entries in data.items():
        if language.startswith("_"):
            continue
        lines.update(lexicon_key(item) for item in entries["lines"])
        sections.update(lexicon_key(item) for item in entries["sections"])
        comments.update(lexicon_key(item) for item in entries["comments"])
        prefixes.update(item.casefold() for item in entries["prefixes"])
        contains.update(item.casefold() for item in entries["contains"])
        teasers.update(item.casefold() for item in entries.get("teasers", ()))
        social.update(item.casefold() for item in entries.get("social", ()))
    lines.discard("")
    prefixes.discard("")
    teasers.discard("")
    contains_pattern = re.compile(_trie_pattern(contains))
    by_char: dict[str, list[str]] = {}
    for prefix in sorted(prefixes, key=len, reverse=True):
        by_char.setdefault(prefix[0], []).append(prefix)
    teasers_by_char: dict[str, list[str]] = {}
    for teaser in sorted(teasers, key=len, reverse=True):
        teasers_by_char.setdefault(teaser[0], []).append(teaser)
    return ChromeLexicon(
        lines=frozenset(lines),
        prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        sections=frozenset(sections),
        comments=frozenset(comments),
        contains=tuple(sorted(contains)),
        contains_pattern=contains_pattern,
        prefixes_by_char={char: tuple(items) for char, items in by_char.items()},
        teasers=tuple(sorted(teasers, key=len, reverse=True)),
        teaser_pattern=re.compile(
            "^(?:"
            + "|".join(re.escape(t) for t in sorted(teasers, key=len, reverse=True))
            + r")\s*[:›»>|-]",
            re.IGNORECASE,
        ),
        teasers_by_char={char: tuple(items) for char, items in teasers_by_char.items()},
        social=frozenset(social),
        count_contained=(
            Phrases(sorted(contains)).count
            if COMPILED
            else partial(count_matches, contains_pattern)
        ),
    )


def count_matches(pattern: re.Pattern[str], text: str) -> int:
    """How many different strings ``pattern`` finds in ``text``.

    >>> count_matches(re.compile("cookie|privacy"), "cookie policy, privacy, cookies")
    2
    """
    if pattern.search(text) is None:
        return 0
    return len(set(pattern.findall(text)))


_Trie = dict[str, "_Trie"]


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regular expression for ``phrases``, as a trie (``a(?:b|c)`` for "ab" and "ac").

    At each position it matches the shortest phrase that starts there (a phrase that
    extends another is left out), as an alternation of the sorted phrases does; the trie
    tries far fewer branches per character.

    >>> _trie_pattern(["cookie", "cookies", "copyright", "privacy"])
    'co(?:okie|pyright)|privacy'
    """
    tree: _Trie = {}
    for phrase in sorted(phrases):
        node = tree
        for char in phrase:
            if "" in node:
                break  # a shorter phrase ends here and always matches first
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = {}
    pattern = _trie_branches(tree)
    return pattern[3:-1] if pattern.startswith("(?:") else pattern


def _trie_branches(node: _Trie) -> str:
    branches = [
        re.escape(char) + _trie_branches(child) for char, child in sorted(node.items()) if char
    ]
    if len(branches) <= 1:
        return "".join(branches)
    return "(?:" + "|".join(branches) + ")"


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    data = load("stopwords")
    return {lang: frozenset(words) for lang, words in data.items() if not lang.startswith("_")}


@cache
def _all_stopwords() -> frozenset[str]:
    return frozenset().union(*_stopwords().values())


@cache
def _all_word_set() -> WordSet:
    return WordSet(sorted(_all_stopwords()))


@lru_cache(maxsize=64)
def _word_set(stopwords: frozenset[str]) -> WordSet:
    """The compiled form of a stop-word list (frozen sets cache their hash: a cheap key)."""
    return WordSet(sorted(stopwords))


@cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """The languages whose stop-word list has each stop word, in the order of the lists."""
    languages: dict[str, list[str]] = {}
    for language, words in _stopwords().items():
        for word in words:
            languages.setdefault(word, []).append(language)
    return {word: tuple(found) for word, found in languages.items()}


@lru_cache(maxsize=16384)
def _stop_words_in(text: str) -> tuple[int, tuple[str, ...]]:
    """How many words ``text`` has, and its stop words of any language, case-folded, in order.

    Cached: the headline and chrome filters guess the language of nearly the same blocks.
    """
    words = text.casefold().split()
    return len(words), tuple(filter(_all_stopwords().__contains__, words))


def lexicon_key(text: str) -> str:
    """Reduce ``text`` to the form chrome phrases are compared in: lower case letters and spaces.

    >>> lexicon_key("  Share  this Article! ")
    'share this article'
    """
    folded = text.casefold()
    if COMPILED:
        return words_key(folded, False)
    return _lexicon_key(text, folded, folded.split())


def _lexicon_key(text: str, folded: str, tokens: list[str]) -> str:
    """:func:`lexicon_key` of ``text``, given its case-folded form and that form's tokens."""
    if all(map(str.isalpha, tokens)):
        return " ".join(tokens)  # words of letters only ("World News") are in key form
    if folded.isascii():
        return " ".join(folded.encode("ascii").translate(_ASCII_NOT_LETTERS).decode().split())
    return _spaced_words(folded, _UTF8_NOT_LETTERS, str.isalpha, _NOT_LETTERS)


def _spaced_words(
    folded: str, table: bytes, only: Callable[[str], bool], blanks: re.Pattern[str]
) -> str:
    """The words of non-ASCII ``folded`` text between the characters ``blanks`` matches.

    ASCII characters are blanked byte by byte with ``table`` (UTF-8 keeps ASCII bytes out
    of the other characters), then the common typographic marks; when what is left between
    the spaces passes ``only`` (letters, or letters and digits), those are the words.
    Otherwise the regex decides.
    """
    spaced = folded.encode("utf-8", "surrogatepass").translate(table)
    rest = spaced.decode("utf-8", "surrogatepass")
    for mark in _TYPOGRAPHIC_MARKS:
        if mark in rest:
            rest = rest.replace(mark, " ")
    words = rest.split()
    if only("".join(words)):
        return " ".join(words)
    return blanks.sub(" ", folded).strip()


def _stop_word_counts(texts: Iterable[str], limit: int) -> tuple[int, dict[str, int]]:
    """The words of ``texts`` seen until ``limit`` (the text that reaches it included), and
    how often each stop word occurs in them, in order of first appearance."""
    seen = 0
    found: list[str] = []
    for text in texts:
        count, stops = _stop_words_in(text)
        seen += count
        found += stops
        if seen >= limit:
            break
    return seen, Counter(found)


class _CacheInfo(NamedTuple):
    """What ``functools.lru_cache``'s ``cache_info()`` tells, for a memo of another kind."""

    hits: int
    misses: int
    maxsize: int
    currsize: int


class _TextMemo(dict[str, Any]):
    """A memo of the compiled code: results by text, emptied when it holds ``maxsize``.

    It has ``lru_cache``'s ``cache_clear()`` and ``cache_info()`` (hits and misses are not
    counted), so that benchmarks empty it with the other caches.
    """

    __slots__ = ("maxsize",)

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize

    def cache_info(self) -> _CacheInfo:
        """The size of the memo, as ``lru_cache`` tells it."""
        return _CacheInfo(0, 0, self.maxsize, len(self))

    def cache_clear(self) -> None:
        """Empty the memo."""
        self.clear()


# Each text's word count and stop words (slots of _all_word_set, the one word set it is
# used with), for the compiled guess_language: the headline and chrome filters guess the
# language of nearly the same blocks, so the second guess of a page tokenizes almost nothing.
_STOP_WORD_MEMO = _TextMemo(16384)
# Each text's comparison_key, for comparison_keys (guess_language adds those of the texts
# it case-folds).
_KEY_MEMO = _TextMemo(16384)


@cache
def _language_indexes() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The languages in the order of the stop-word lists, and the languages of each stop
    word (see :func:`_languages_of`) as indexes into those."""
    names = tuple(_stopwords())
    index = {language: number for number, language in enumerate(names)}
    languages = {
        word: tuple(map(index.__getitem__, found)) for word, found in _languages_of().items()
    }
    return names, languages


@cache
def _language_table() -> tuple[WordSet, tuple[str, ...], dict[str, tuple[int, ...]]]:
    """What the compiled guess_language needs: the word set of every stop word and
    :func:`_language_indexes`."""
    return (_all_word_set(), *_language_indexes())


def guess_language(texts: Iterable[str], limit: int = 1500) -> str | None:
    """Guess the language of ``texts`` from stop words (ISO 639-1 code), or ``None``.

    >>> guess_language(["Der Mann und die Frau sind mit dem Hund in der Stadt, und es ist kalt."])
    'de'
    """
    if COMPILED:
        return compiled_guess_language(texts, limit, _language_table(), _STOP_WORD_MEMO, _KEY_MEMO)
    return _language_of_counts(*_stop_word_counts(texts, limit))


def _language_of_counts(seen: int, frequency: dict[str, int]) -> str | None:
    """The language :func:`guess_language` picks from the counts of :func:`_stop_word_counts`."""
    # Hits per language, in the order of the stop-word lists (ties keep that order).
    counts = dict.fromkeys(_stopwords(), 0)
    languages_of = _languages_of()
    for word, count in frequency.items():
        for language in languages_of[word]:
            counts[language] += count
    top = max(counts.values(), default=0)
    if not top:
        return None
    tied = [language for language, count in counts.items() if count == top]
    best = tied[0]
    if len(tied) > 1:
        # A tie goes to the language whose stop words come first in the text.
        stopwords = _stopwords()
        order = {word: index for index, word in enumerate(frequency)}
        distinct = frequency.keys()
        best = min(
            tied,
            key=lambda language: min(map(order.__getitem__, distinct & stopwords[language])),
        )
    if top < _LANGUAGE_MIN_HITS or top < _LANGUAGE_MIN_SHARE * seen:
        return None
    return best


# A date line: a numeric date, a time of day, or a month name or publication label (from
# lexicon/dates.json) in a line that has a number.
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\b")
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\b\.?|uhr\b|[A-Z]{2,4}\b)", re.IGNORECASE)
_LETTER_RUNS = re.compile(r"[^\W\d_]+")


@cache
def _date_words() -> frozenset[str]:
    """Month names, their abbreviations and one-word date labels, in every language, less
    the month words that are also common words ("may", "set")."""
    data = load("dates")
    risky = set(data["risky_months"]["words"])
    words: set[str] = set()
    for language in data["languages"].values():
        for names in language["months"]:
            words.update(name.casefold() for name in names)
        for labels in language["labels"].values():
            words.update(label.casefold() for label in labels if " " not in label)
    return frozenset(words - risky - {"date", "datum", "data", "fecha", "дата"})


def _opens_with_by(text: str) -> bool:
    """Whether ``text`` opens with a "By" phrase of lexicon/bylines.json ("By", "Von", "Autor:")."""
    first = text[:24].split(None, 1)
    if not first or first[0].casefold().rstrip(":") not in _by_first_words():
        return False  # the cheap test: most lines start with no such word
    return strip_by(text)[1]


@cache
def _by_first_words() -> frozenset[str]:
    phrases = (phrase for group in load("bylines")["by"].values() for phrase in group)
    return frozenset(phrase.split()[0].casefold().rstrip(":") for phrase in phrases)


def _is_date_line(text: str, letters: str | None = None) -> bool:
    """Whether ``text`` is a date line; ``letters`` is its :func:`lexicon_key` when known
    (its runs of letters, case-folded, joined by spaces), else it is found here."""
    digit = _DIGIT.search(text)
    if digit is None:
        return False
    # Both patterns start with a digit: their search can start at the first one.
    at = digit.start()
    if _NUMERIC_DATE.search(text, at) or _CLOCK.search(text, at):
        return True
    words = _LETTER_RUNS.findall(text.casefold()) if letters is None else letters.split()
    return not _date_words().isdisjoint(words)


def is_header_line(text: str, title_key: str = "") -> bool:
    """Tell whether ``text`` is a byline, a date line, or the title printed again.

    >>> is_header_line("By Jane Doe, Staff Writer"), is_header_line("Updated: 28-01-2026 07:09 IST")
    (True, True)
    >>> is_header_line("The talks continued on Monday.")
    False
    """
    if _opens_with_by(text) or _is_date_line(text):
        return True
    if text.count(" | ") >= 2:
        return True
    return bool(title_key) and comparison_key(text) == title_key


def shape_is_header_line(text: str, shape: Shape) -> bool:
    """:func:`is_header_line` (without a title) of ``text``, whose :func:`shape_of` is ``shape``.

    >>> text = "Updated: 28 January 2026"
    >>> shape_is_header_line(text, shape_of(text))
    True
    """
    letters = shape.key if shape.chars <= _MAX_KEYED_CHARS else None
    return _opens_with_by(text) or _is_date_line(text, letters) or text.count(" | ") >= 2


@lru_cache(maxsize=16384)
def comparison_key(text: str) -> str:
    """Reduce ``text`` to lower-case words separated by single spaces, for comparisons.

    Cached: the headline and duplicate filters compare the same blocks.

    >>> comparison_key("  “Vital partner,” she said. ")
    'vital partner she said'
    """
    if COMPILED:
        return words_key(text if text.isascii() else text.casefold(), True)
    return _comparison_key(text)


def block_fields(blocks: Sequence[Block]) -> tuple[list[str], list[BlockKind]]:
    """The texts and the kinds of ``blocks``, as two lists.

    >>> block_fields([Block("Hello", kind="heading"), Block("World.")])
    (['Hello', 'World.'], ['heading', 'paragraph'])
    """
    if COMPILED:
        return compiled_block_fields(blocks)
    return list(map(_TEXT, blocks)), list(map(_KIND, blocks))


_TEXT = attrgetter("text")
_KIND = attrgetter("kind")


def comparison_keys(texts: Iterable[str]) -> list[str]:
    """The :func:`comparison_key` of each of ``texts`` (kept in a memo: the headline and
    duplicate filters compare the same blocks).

    >>> comparison_keys(["Vital partner!", "  She said. "])
    ['vital partner', 'she said']
    """
    if COMPILED:
        return compiled_comparison_keys(texts, _KEY_MEMO)
    return list(map(comparison_key, texts))


def _comparison_key(text: str) -> str:
    """:func:`comparison_key` in Python (the reference of the compiled code)."""
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_LOWER_NON_WORD).decode().split())
    folded = text.casefold()
    if folded.isascii():
        return " ".join(folded.encode("ascii").translate(_ASCII_NON_WORD).decode().split())
    return _spaced_words(folded, _UTF8_NON_WORD, str.isalnum, _NON_WORD)


class Shape(NamedTuple):
    """What the filters know of one block's text.

    A named tuple rather than a dataclass: one is made for every distinct block of every
    page, and tuples are made several times faster.
    """

    words: int
    chars: int
    terminal: bool
    stop_share: float | None
    prose: bool
    key: str
    """The :func:`lexicon_key` of texts of up to 200 characters; empty for longer ones."""


def shape_of(text: str, stopwords: frozenset[str] | None = None) -> Shape:
    """Measure ``text``: words, characters, sentence ending, stop words, and whether it is prose.

    >>> shape_of("Officials met on Monday to discuss the new trade deal.").prose
    True
    >>> shape_of("Home | World | Business").prose
    False
    """
    return measure(text, text.casefold(), stopwords)


def measure(text: str, folded: str, stopwords: frozenset[str] | None) -> Shape:
    """:func:`shape_of` given ``text`` case-folded: the compiled code when it is built, else
    :func:`shape_from`.

    >>> measure("Home | World", "home | world", None) == shape_of("Home | World")
    True
    """
    if COMPILED:
        words = None if stopwords is None else _word_set(stopwords)
        return compiled_shape(Shape, text, folded, words, _MAX_KEYED_CHARS)
    return shape_from(text, folded, folded.split(), stopwords)


def shape_from(
    text: str, folded: str, tokens: list[str], stopwords: frozenset[str] | None
) -> Shape:
    """:func:`shape_of` given ``text`` case-folded and the tokens of that (``folded.split()``).

    Case folding never makes or removes white space: the folded text has the same tokens.

    >>> text = "Home | World"
    >>> shape_from(text, text.casefold(), text.casefold().split(), None) == shape_of(text)
    True
    """
    words = len(tokens)
    # An ASCII text needs no search for CJK characters (one regex scan is cheaper than max()).
    if not text.isascii() and _CJK.search(text):
        cjk = len(_CJK.findall(text))
        words = max(words, len(_WORD.findall(text)), cjk // 2)
    terminal = bool(text) and (text[-1] in _TERMINAL) and not text.endswith(_ELLIPSIS_TEASER)
    stop_share: float | None = None
    if stopwords is not None and tokens:
        stop_share = sum(map(stopwords.__contains__, tokens)) / len(tokens)
    prose = _is_prose(text, words, terminal, stop_share)
    # Chrome phrases are short: longer texts need no lexicon key.
    key = _lexicon_key(text, folded, tokens) if len(text) <= _MAX_KEYED_CHARS else ""
    return Shape(words, len(text), terminal, stop_share, prose, key)


def _is_prose(text: str, words: int, terminal: bool, stop_share: float | None) -> bool:
    if stop_share is not None and words >= _PROSE_MIN_WORDS and stop_share < _MIN_STOP_SHARE:
        return False
    if terminal and words >= _PROSE_MIN_WORDS:
        return True
    return words >= _LONG_MIN_WORDS and len(_INNER_PUNCT.findall(text)) >= 2


def shapes_of(blocks: Sequence[Block], language: str | None = None) -> list[Shape]:
    """Measure every block, with the stop words of ``language`` (guessed when ``None``)."""
    if language is None:
        language = guess_language(block.text for block in blocks)
    return [cached_shape(block.text, language) for block in blocks]


@lru_cache(maxsize=16384)
def cached_shape(text: str, language: str | None) -> Shape:
    """:func:`shape_of` with the stop words of ``language``, cached: filters re-measure blocks."""
    return shape_of(text, stopwords_of(language))


def stopwords_of(language: str | None) -> frozenset[str] | None:
    """The stop words of ``language`` (ISO 639-1), or ``None`` for a language without a list.

    >>> "the" in stopwords_of("en"), stopwords_of("xx"), stopwords_of(None)
    (True, None, None)
    """
    return _stopwords().get(language) if language else None


@dataclass(frozen=True, slots=True)
class Core:
    """The article's prose core: blocks ``start`` to ``end`` (exclusive)."""

    start: int
    end: int

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.start <= index < self.end


# Weights of the best-segment search. Prose counts its characters; a short line costs a
# little (an article's subheadings and short lists are bridged by the prose around them, a
# menu of dozens of links is not); a line the lexicon knows as chrome costs more, and a
# heading that opens a chrome section (Trending, Related, Comments) closes the article.
# Tuned on ../shared/benchmarks/article-text (181 pages).
_SHORT_COST = 8.0
_SHORT_COST_PER_CHAR = 0.2
_ITEM_COST = 20.0
_ITEM_COST_PER_CHAR = 0.3
_BOILERPLATE_SHARE = 0.5
_CHROME_COST = 80.0
SECTION_COST = 150.0
COMMENTS_COST = 400.0


def block_weight(shape: Shape, kind: str, chrome: bool, section: float, boilerplate: int) -> float:
    """How much a block pulls the article's core towards it (positive) or away (negative).

    ``section`` is the cost of a section heading (0 for other blocks). ``boilerplate``
    counts the chrome phrases (cookies, copyright, privacy) a block contains: prose with two
    or more is a legal or consent notice and pushes the core away; with one it is neutral.
    """
    if section:
        return -section
    if chrome:
        return -_CHROME_COST
    if shape.prose:
        if boilerplate >= 2:
            return -_BOILERPLATE_SHARE * shape.chars
        return 0.0 if boilerplate == 1 else float(shape.chars)
    base, per_char = (
        (_ITEM_COST, _ITEM_COST_PER_CHAR)
        if kind == "list_item"
        else (_SHORT_COST, _SHORT_COST_PER_CHAR)
    )
    return -(base + per_char * min(shape.chars, 200))


def prose_core(weights: Sequence[float]) -> Core | None:
    """Return the contiguous run of blocks with the greatest total weight, or ``None``.

    >>> prose_core([-10, 300, -20, 250, -500, 100])
    Core(start=1, end=4)
    """
    best = 0.0
    best_span: tuple[int, int] | None = None
    running = 0.0
    start = 0
    for index, weight in enumerate(weights):
        if running <= 0:
            running, start = weight, index
        else:
            running += weight
        if running > best:
            best, best_span = running, (start, index + 1)
    return Core(*best_span) if best_span else None
