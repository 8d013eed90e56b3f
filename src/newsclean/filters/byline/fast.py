"""The byline filter's compiled gates: which blocks cannot be a byline, credit line or bio.

:class:`~newsclean.filters.byline.ExtractByline` reads about 40 blocks near the title with
:func:`parse_byline` and :func:`parse_credits`, and the last blocks with
:func:`parse_credits` and :func:`bio_name`; nearly all of them are none of these. With the
optional C accelerator (``newsclean._speedups``, part ``_speedups_byline.c``) the filter
asks it first, and reads in Python only the blocks whose answers it cannot rule out; each
ruling is one of the Python code's own early exits (the C comments give the proofs). The
Python readers stay the reference, and the path taken without the accelerator or with
``NEWSCLEAN_PURE_PYTHON`` set; ``tests/test_speedups_byline.py`` checks that both agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import regex

from newsclean import authors
from newsclean.dates.grammar import DAY_MONTH_WORDS, normalize_key, relative_templates
from newsclean.dates.parse import _settings
from newsclean.document import Block
from newsclean.filters import shape
from newsclean.filters.byline import lines
from newsclean.filters.byline.words import _PLACE_WORD, MAX_BYLINE_WORDS, NOT_BYLINES, lexicon
from newsclean.lexicon import load

__all__ = [
    "BYLINE_MAYBE",
    "BYLINE_NONE",
    "BYLINE_UNDATED",
    "COMPILED",
    "anchor",
    "candidates",
    "gate_data",
    "head_indexes",
    "long_paragraphs",
    "tail_inert",
]

_byline_anchor: Callable[[tuple[Block, ...], str], int | None] | None = None
_byline_head: Callable[[tuple[Block, ...], int, int], list[int]] | None = None
_byline_candidates: Callable[[tuple[Block, ...], list[int], tuple[Any, ...]], list[int]] | None
_byline_candidates = None
_byline_tail_inert: Callable[[tuple[Block, ...], list[int], tuple[Any, ...]], list[int]] | None
_byline_tail_inert = None
_byline_long_paragraphs: (
    Callable[[tuple[Block, ...], list[int], set[int], dict[int, str], int], list[int]] | None
) = None
if shape.COMPILED:
    try:
        from newsclean._speedups import (
            WordSet,
            byline_anchor,
            byline_candidates,
            byline_head,
            byline_long_paragraphs,
            byline_tail_inert,
        )
    except ImportError:  # an older build without this part
        pass
    else:
        _byline_anchor, _byline_head = byline_anchor, byline_head
        _byline_candidates, _byline_tail_inert = byline_candidates, byline_tail_inert
        _byline_long_paragraphs = byline_long_paragraphs

COMPILED = _byline_candidates is not None
"""Whether the compiled gates are used (the accelerator is built and not turned off)."""

_WORD = regex.compile(r"\w+")


def _first_words(phrases: Sequence[str]) -> list[str]:
    """The first ``\\w`` run of each phrase (lower-cased) that has one."""
    return [found[0] for found in (_WORD.findall(p.lower()) for p in phrases) if found]


@cache
def gate_data(languages: tuple[str, ...] | None, reference_none: bool) -> tuple[Any, ...]:
    """What the compiled gates read, in the order of ``Gate`` in ``_speedups_byline.c``,
    for dates in ``languages`` and a filter with (or without) a reference; built once per
    combination. Words are lower-case; WordSets hold the \\w runs phrases open with."""
    # The grammar find_dates uses for these languages (parse_byline passes no other option).
    grammar = _settings(None, None, languages).grammar
    words = load("bylines")
    langs = list(load("dates")["languages"].values())
    _, after, after_optional = relative_templates(langs)
    numbers = [n for lang in langs for n in lang["relative"]["numbers"]]
    ordinals = [o for lang in langs for o in lang["ordinals"] if _WORD.fullmatch(o)]
    by_phrases = [p.rstrip(":") for group in words["by"].values() for p in group]
    signing = _signing_index()
    roles, desks = _role_phrases(), _desk_phrases()
    return (
        WordSet(sorted(lines._trigger_words())),
        WordSet(sorted(signing)),
        signing,
        WordSet(sorted(w for w, label in grammar.starters.items() if label)),
        WordSet(sorted(w for w, label in grammar.starters.items() if not label)),
        WordSet(_first_words(list(grammar.months))),
        WordSet(_first_words(list(grammar.units))),
        WordSet(sorted(o.lower() for o in ordinals)),
        WordSet(DAY_MONTH_WORDS),
        grammar.digit,
        grammar.labelled,
        grammar.word,
        _credit_firsts(),
        _bio_verbs(),
        NOT_BYLINES,
        reference_none,
        MAX_BYLINE_WORDS,
        lines._SENTENCE_MIN_WORDS,
        WordSet(sorted(roles)),
        roles,
        WordSet(sorted(_free_words())),
        WordSet(_first_words(after + after_optional)),
        WordSet(sorted(runs[0] for runs in map(_runs, numbers) if len(runs) == 1)),
        _continuations(),
        _word_table(),
        lines._may_be_signed,
        _odd_case_chars(),
        WordSet(_first_words(by_phrases)),
        authors._words().separators,
        *_separator_parts(),
        WordSet(sorted(desks)),
        desks,
        WordSet(sorted(authors._words().not_name_words)),
    )


def _separator_parts() -> tuple[WordSet | None, str]:
    """The separators pattern of authors taken apart, ``\\s*(?:[marks]|\\s(?:words)\\s)\\s*``:
    a WordSet of its words (lower-case) and a str of its marks; None and "" when it has
    another shape (the C code then calls the pattern)."""
    pattern = authors._words().separators
    parts = regex.fullmatch(
        r"\\s\*\(\?:\[([^\]\\]*)\]\|\\s\(\?:([^()\\]*)\)\\s\)\\s\*", pattern.pattern
    )
    special = set(".^$*+?{}[]|()\\")
    if parts is None or pattern.flags & regex.IGNORECASE == 0 or "-" in parts.group(1)[1:-1]:
        return None, ""
    words = parts.group(2).split("|")
    if any(not word or special & set(word) or word != word.lower() for word in words):
        return None, ""
    return WordSet(words), parts.group(1)


# The kinds of lines._phrase_index as the C code reads them (its SIGNED_* constants).
_KINDS = {lines._BY: 1, lines._ATTRIBUTION: 2, lines._OUTLET: 4}


@cache
def _signing_index() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """lines._phrase_index as the C code reads it: for each word, the phrases holding it,
    each as its words and its kind (1 "By", 2 a role or agency, 4 an outlet word)."""
    _, index = lines._phrase_index()
    return {
        word: tuple((tuple(sorted(needed)), _KINDS[kind]) for needed, kind in entries)
        for word, entries in index.items()
    }


@cache
def _role_phrases() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """The role phrases of authors._may_hold_roles_desks, read as _signing_index."""
    roles, _ = authors._role_desk_words()
    return {
        word: tuple((tuple(sorted(needed)), 1) for needed in sets) for word, sets in roles.items()
    }


@cache
def _desk_phrases() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """The desk phrases of authors._may_hold_roles_desks, read as _signing_index."""
    _, desks = authors._role_desk_words()
    return {
        word: tuple((tuple(sorted(needed)), 1) for needed in sets) for word, sets in desks.items()
    }


@cache
def _bio_verbs() -> dict[str, tuple[str, ...]]:
    """The bio pattern's verbs by the \\w run they open with (lower-cased), each with the
    run after it, or "" for a verb of one run; verbs of marks ("—") have none."""
    verbs: dict[str, set[str]] = {}
    for group in load("bylines")["bio"]["verbs"].values():
        for verb in group:
            runs = _WORD.findall(verb.lower())
            if runs:
                verbs.setdefault(runs[0], set()).add(runs[1] if len(runs) > 1 else "")
    return {first: tuple(sorted(seconds)) for first, seconds in verbs.items()}


def _credit_firsts() -> WordSet | None:
    """The first \\w runs of the credit phrases; None unless every phrase is ASCII and opens
    with a letter (credits_none then rules nothing out)."""
    credits = load("bylines")["credits"]
    phrases = credits["authors"] + credits["others"]
    if all(p.isascii() and p[:1].isalpha() for p in phrases):
        return WordSet(_first_words(phrases))
    return None


def _odd_case_chars() -> str:
    """The characters authors._ODD_CASE matches (a class of single characters and ranges)."""
    return "".join(regex.findall(authors._ODD_CASE.pattern, _bmp()))


@cache
def _bmp() -> str:
    """Every character of the Basic Multilingual Plane but the surrogates."""
    return "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)


@cache
def _word_table() -> bytes:
    """Per character of the BMP, how the compiled gate reads it: 1 if regex's ``\\w``
    matches it, else 0; 2 (read in Python) where case folding gives a character of the
    other class or one beyond the BMP (none in Unicode 15), and for surrogates; 3 for the
    marks and spaces read as ASCII text is read (_ascii_like)."""
    word = set(regex.findall(r"\w", _bmp()))
    table = bytearray(0x10000)
    for char in _bmp():
        table[ord(char)] = char in word
        folded = char.casefold()
        if any((c in word) != (char in word) or ord(c) > 0xFFFF for c in folded):
            table[ord(char)] = 2
        elif ord(char) >= 128 and _ascii_like(char, char in word):
            table[ord(char)] = 3
    for code in range(0xD800, 0xE000):
        table[code] = 2
    return bytes(table)


# The marks the compiled gate reads as ASCII punctuation though they are not: punctuation,
# symbols and spaces (general categories P, S and Z) but the connector punctuation, which
# regex reads as \w.
_LIKE_CATEGORIES = frozenset({"Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs"})


def _ascii_like(char: str, word: bool) -> bool:
    """Whether the compiled gate may read ``char`` (not ASCII) as it reads ASCII marks: no
    \\w (regex or re), digit or case, white space alike for str.split, re and regex, and
    not one of authors._ODD_CASE."""
    return (
        unicodedata.category(char) in _LIKE_CATEGORIES
        and not word
        and not char.isalnum()
        and not char.isdigit()
        and char.lower() == char.upper() == char.casefold() == char
        and char.isspace() == bool(regex.match(r"\s", char)) == bool(re.match(r"\s", char))
        and authors._ODD_CASE.match(char) is None
    )


# Continuation marks of _continuations: the next \w run may open with a digit; it may be a
# number word with a unit joined to it ("einemTag").
_DIGIT_NEXT = "#"
_JOINED_NEXT = "#n"


def _runs(phrase: str) -> list[str]:
    r"""The \w runs of a phrase as the grammar reads it (normalize_key: lower case)."""
    return _WORD.findall(normalize_key(phrase))


@cache
def _continuations() -> dict[str, frozenset[str] | None]:
    r"""For each word a date can start with (other than a number), what the next \w run of a
    date starting there can be: a word, or _DIGIT_NEXT / _JOINED_NEXT; None when the word
    can be a whole date ("today") or is not understood here. All languages: more words only
    let more through.

    The grammar (dates/grammar.py) starts a date at a word with one of: a weekday (then
    the core: digits or a word-led form), a month (then a day), a relative form (a "before"
    word then a number, a number word then a unit, a unit then a suffix), a day or "now"
    word, or a label (then a preposition, a time, a weekday or the core). Between two of
    these elements, and between the words of one phrase, the pattern reads only white
    space and marks ("\.?,?\s*", "['’]", "-"), never a \w character; every element but a
    number word ends with (?!\w), \s+ or another mark, so it takes a whole \w run, and a
    number word is followed by \s*: it may have its unit joined (_JOINED_NEXT)."""
    langs = list(load("dates")["languages"].values())
    before, after, after_optional = relative_templates(langs)
    months = [m for lang in langs for names in lang["months"] for m in names]
    weekdays = [w for lang in langs for w in lang["weekdays"]]
    numbers = [n for lang in langs for n in lang["relative"]["numbers"]]
    units = [u for lang in langs for us in lang["relative"]["units"].values() for u in us]
    days = [d for lang in langs for d in lang["relative"]["days"]]
    now = [n for lang in langs for n in lang["relative"]["now"]]
    labels = [p for lang in langs for kind in lang["labels"].values() for p in kind]
    preps = [p for lang in langs for p in lang["label_prepositions"]]

    def firsts(phrases: list[str]) -> set[str]:
        return {runs[0] for runs in map(_runs, phrases) if runs}

    core = {_DIGIT_NEXT, _JOINED_NEXT} | firsts(months + before + numbers + days + now)
    if after_optional:
        core |= firsts(units)
    table: dict[str, set[str] | None] = {}

    def add(phrases: list[str], single: set[str] | None) -> None:
        for runs in map(_runs, phrases):
            if not runs or (runs[0] in table and table[runs[0]] is None):
                continue
            nexts = {runs[1]} if len(runs) > 1 else single
            if nexts is None:
                table[runs[0]] = None
            else:
                table.setdefault(runs[0], set()).update(nexts)  # type: ignore[union-attr]

    add(weekdays, core)
    add(months, {_DIGIT_NEXT})
    add(before, {_DIGIT_NEXT, _JOINED_NEXT} | firsts(numbers))
    if after or after_optional:
        add(numbers, firsts(units))
    if after_optional:
        add(units, firsts(after_optional))
    add(days + now, None)
    add(labels, core | firsts(preps) | firsts(weekdays))
    # A starter made of a number word and a unit joined ("einemtag") opens a relative form.
    unit_runs = firsts(units)
    for word in list(table):
        if any(word[:k] in firsts(numbers) and word[k:] in unit_runs for k in range(1, len(word))):
            table[word] = None
    return {word: None if nexts is None else frozenset(nexts) for word, nexts in table.items()}


def _free_words() -> frozenset[str]:
    r"""The words (lower-cased \w runs) a segment can lose or hold outside a name: those of
    the patterns that take words off or read them ("By", roles with their agencies,
    modifiers and joining words, name separators, place words, ignorable and reading-time
    phrases), the particles, suffixes and agencies, and "the" and "for" (classify). The
    patterns' own syntax adds a few letters ("s" of \s): more free words only make the
    witness rarer."""
    w = authors._words()
    data = w.data
    texts = [
        w.by.pattern,
        w.role.pattern,
        w.separators.pattern,
        w.ignorable.pattern,
        lexicon().reading_time.pattern,
        _PLACE_WORD.pattern,
        *data["particles"],
        *data["suffixes"],
        *data["hyphen_particles"],
        *data["agencies"],
        "the for",
    ]
    return frozenset(word for text in texts for word in _WORD.findall(text.lower()))


def anchor(blocks: tuple[Block, ...], title: str) -> int | None:
    """:func:`~newsclean.filters.byline.extract.anchor_index`, compiled, given the title
    stripped and case-folded (only with :data:`COMPILED`)."""
    assert _byline_anchor is not None
    return _byline_anchor(blocks, title)


def head_indexes(blocks: tuple[Block, ...], low: int, high: int) -> list[int]:
    """The indexes of ``blocks`` with ``low <= position < high``, compiled (only with
    :data:`COMPILED`)."""
    assert _byline_head is not None
    return _byline_head(blocks, low, high)


# What the compiled gate knows of parse_byline on a block (BYLINE_* in the C code).
BYLINE_MAYBE, BYLINE_NONE, BYLINE_UNDATED = 0, 1, 2


def candidates(
    blocks: tuple[Block, ...], head: list[int], gate: tuple[Any, ...]
) -> list[tuple[int, int, bool]]:
    """The ``head`` blocks whose byline or credit line may not be None, in order, each
    with what is known of its byline (BYLINE_NONE: it is None; BYLINE_UNDATED: it has no
    date, so it is lines.undated_byline's answer; BYLINE_MAYBE: nothing) and whether its
    credit line is certainly None; blocks of a kind never read as bylines are left out
    (only with :data:`COMPILED`)."""
    assert _byline_candidates is not None
    return [
        (code >> 3, code & 3, bool(code & 4)) for code in _byline_candidates(blocks, head, gate)
    ]


def long_paragraphs(
    blocks: tuple[Block, ...],
    head: list[int],
    removed: set[int],
    replaced: dict[int, str],
    words: int,
) -> list[int]:
    """The ``head`` indexes of paragraphs not in ``removed`` whose text (``replaced``, else
    the block's) has at least ``words`` words, in order (only with :data:`COMPILED`)."""
    assert _byline_long_paragraphs is not None
    return _byline_long_paragraphs(blocks, head, removed, replaced, words)


def tail_inert(blocks: tuple[Block, ...], indexes: list[int], gate: tuple[Any, ...]) -> list[int]:
    """Those of ``indexes`` whose block is a heading, or whose ``parse_credits`` and
    ``bio_name`` are certainly None (only with :data:`COMPILED`)."""
    assert _byline_tail_inert is not None
    return _byline_tail_inert(blocks, indexes, gate)
