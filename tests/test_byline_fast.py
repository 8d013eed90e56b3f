"""The byline readers' shortcuts give the answers of the plain forms they replace.

Each shortcut (a prefilter, an early exit, a faster but equivalent pattern) is compared here
with the plain form it stands for, written out as it was, on generated text built from the
lexicon's own words, names, dates and separators.
"""

from __future__ import annotations

import sys
from typing import Any

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.authors import (
    Chunk,
    _name,
    _name_before_attribution,
    _outlet_name,
    _words,
    classify,
    phrase_alternation,
    split_names,
    strip_by,
    strip_noise,
)
from newsclean.filters.byline.dateline import _AGENCY_DATELINE, _CAPS_DATELINE, split_dateline
from newsclean.filters.byline.endmatter import parse_credits
from newsclean.filters.byline.lines import (
    _place_segment,
    _Segment,
    _segment,
    _signed_segment,
    parse_byline,
)
from newsclean.filters.byline.words import lexicon
from newsclean.lexicon import load

_DATA: dict[str, Any] = load("bylines")
_VERBS = [verb for words in _DATA["bio"]["verbs"].values() for verb in words]

# The bio pattern as first written: lazy name words, each shorter prefix of the last tried.
_PLAIN_BIO = regex.compile(
    r"^(?P<name>(?:[\p{L}\p{M}.'’\-]+\s+){1,5}?[\p{L}\p{M}.'’\-]+?)"
    rf"(?:\s+\([^()]*\))?\s+{phrase_alternation(_VERBS)}(?!\w)"
)

_NAMES = ["Jane", "DOE", "Jean-Luc", "O'Brien", "McDONALD", "J.", "de", "van", "Jr.", "María"]
_WORDS = [
    *_NAMES,
    "the",
    "said",
    "News",
    "Desk",
    "Times",
    "staff",
    "writer",
    "Reuters",
    "Associated",
    "Press",
    "for",
    "and",
    "ſuivre",
    "K",
    "ß",
    "x",
    "2024",
    "12:30",
    "March",
    "5",
    "min",
    "read",
    "(AP)",
    "jane@example.com",
    "@jane",
    "www.example.com",
]
_LEXICON_WORDS = [
    *_DATA["ignorable"],
    *_DATA["credits"]["authors"],
    *_DATA["credits"]["others"],
    *_DATA["roles"][:12],
    *_DATA["agencies"][:12],
    *_DATA["desks"],
    *_DATA["outlet_words"][:12],
    *_DATA["not_name_words"][:20],
    *[phrase for group in _DATA["by"].values() for phrase in group],
    *_VERBS,
]
_SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", ", ", "; ", " | ", " - ", " — ", " · ", ": ", " / "]


def _cased(word: str, style: int) -> str:
    return (word, word.upper(), word.title(), word.lower())[style]


_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.builds(_cased, st.sampled_from(_LEXICON_WORDS), st.integers(0, 3)),
    st.text(alphabet="aAzZéÉ.'’-()ſKß1 ", min_size=1, max_size=6),
)

# Byline-like lines: words, names and lexicon phrases in any case, joined by separators.
_LINES = st.builds(
    lambda pieces, seps: "".join(p + s for p, s in zip(pieces, seps[: len(pieces)], strict=True)),
    st.lists(_PIECE, min_size=1, max_size=9),
    st.lists(st.sampled_from(_SEPARATORS), min_size=9, max_size=9),
)

_NAME = st.lists(st.sampled_from(_NAMES), min_size=1, max_size=5).map(" ".join)
_ATTRIBUTION = st.builds(
    _cased,
    st.sampled_from(
        [*_DATA["agencies"][:12], *_DATA["roles"][:12], "USA Today", "Business Insider", "the Post"]
    ),
    st.integers(0, 3),
)
# A name, then perhaps an agency, role or outlet, then perhaps more.
_ATTRIBUTED = st.builds(
    lambda name, attribution, more: " ".join(x for x in (name, attribution, more) if x),
    _NAME,
    st.one_of(st.just(""), _ATTRIBUTION),
    st.one_of(st.just(""), _LINES),
)
# A name, perhaps a note in brackets, a verb from the bio lexicon, and the rest.
_BIOS = st.builds(
    lambda name, note, space, verb, rest: f"{name}{note}{space}{verb}{rest}",
    _NAME,
    st.sampled_from(["", " (AP)", " ()", " (x) "]),
    st.sampled_from([" ", "  ", "\n", ""]),
    st.sampled_from(_VERBS),
    st.sampled_from(["", " reporter.", ",", "x", " — ", "-"]),
)
_BYLINE_LIKE = st.one_of(_LINES, _ATTRIBUTED, _BIOS)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_BYLINE_LIKE, st.text(max_size=60)))
def test_bio_pattern_matches_the_plain_pattern(text: str) -> None:
    fast, plain = lexicon().bio.match(text), _PLAIN_BIO.match(text)
    assert (fast is None) == (plain is None)
    if fast is not None and plain is not None:
        assert fast.span() == plain.span()
        assert fast.group("name") == plain.group("name")


@settings(max_examples=400, deadline=None)
@given(st.one_of(_BYLINE_LIKE, st.text(max_size=60)))
def test_ignorable_reverse_search_finds_a_match_where_sub_changes_the_text(text: str) -> None:
    words = _words()
    changed = words.ignorable.sub("", text) != text
    assert changed == (words.ignorable_reverse.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_LINES, st.text(max_size=40)))
def test_credits_any_matches_where_either_credit_pattern_does(text: str) -> None:
    lex = lexicon()
    either = lex.credits_authors.match(text) or lex.credits_others.match(text)
    assert (lex.credits_any.match(text) is None) == (either is None)


def _plain_name_before_attribution(text: str, allow_lower: bool) -> str | None:
    words = _words()
    tokens = text.split()
    first_cut = max(2, len(tokens) - 4)
    for cut in range(first_cut, min(len(tokens), 7)):
        tail = " ".join(tokens[cut:])
        key = tail.lower().removeprefix("the ").strip(" .")
        if key in words.agencies or words.role.match(tail) or _outlet_name(key, tail):
            return _name(" ".join(tokens[:cut]), allow_lower)
    return None


@settings(max_examples=400, deadline=None)
@given(_BYLINE_LIKE, st.booleans())
def test_name_before_attribution_shortcut_keeps_the_answer(text: str, allow_lower: bool) -> None:
    expected = _plain_name_before_attribution(text, allow_lower)
    assert _name_before_attribution(text, allow_lower) == expected


def _plain_segment(text: str) -> _Segment:
    """``_segment`` without its early exit: every chunk classified before the kinds decide."""
    body, by = strip_by(text.strip())
    body = strip_noise(body)
    if not body:
        return _Segment("meta", by=by)
    if lexicon().reading_time.match(body):
        return _Segment("meta")
    chunks: list[Chunk] = [classify(part) for part in split_names(body)]
    return _signed_segment(chunks, by) or _place_segment(body, by)


@settings(max_examples=400, deadline=None)
@given(_BYLINE_LIKE)
def test_segment_stops_at_the_first_other_chunk_with_the_same_answer(text: str) -> None:
    assert _segment(text) == _plain_segment(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_case_folding_never_shortens_a_text(text: str) -> None:
    # ExtractByline folds only blocks no longer than the title, on this ground.
    assert len(text.casefold()) >= len(text)


_ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_noise_marks_match_only_themselves_or_their_capital() -> None:
    # strip_noise tests for "@", "://" and "www." in text.lower() before using the noise
    # pattern's bracket branches alone; it rests on these being the only characters the
    # case-insensitive pattern's e-mail, link and handle branches can match there.
    for mark in "@:/.w":
        found = set(regex.compile(regex.escape(mark), regex.I).findall(_ALL_CHARS))
        assert found == {mark, mark.upper()}
        assert all(char.lower() == mark for char in found)
    assert not _words().noise.flags & regex.FULLCASE


def _plain_strip_noise(text: str) -> str:
    words = _words()
    marks = ("@", "://", "(", "[", "<")
    has_mark = any(mark in text for mark in marks) or "www." in text.lower()
    cleaned = words.noise.sub(" ", text) if has_mark else text
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = cleaned.strip(" \t,;:|·•-–—")
        cleaned = words.ignorable.sub("", cleaned)
    return " ".join(cleaned.split())


_NOISE = st.sampled_from(
    [
        "(AP)",
        "[x]",
        "<b>",
        "(a (b) c)",
        "jane@example.com",
        "@janedoe",
        "https://x.co/a",
        "WWW.x.com",
        "wWw.",
        "ftp://",
        "(jane@x.org)",
        "[@a]",
        "<http://a>",
        "((",
        ")",
        "Follow",
        "Email",
    ]
)
_NOISY = st.builds(
    lambda pieces, seps: "".join(p + s for p, s in zip(pieces, seps[: len(pieces)], strict=True)),
    st.lists(st.one_of(_PIECE, _NOISE), min_size=1, max_size=8),
    st.lists(st.sampled_from([" ", ", ", "", " | ", "\n"]), min_size=8, max_size=8),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_NOISY, _BYLINE_LIKE, st.text(alphabet="aW w.:/@()[]<>x", max_size=30)))
def test_strip_noise_equals_the_plain_form(text: str) -> None:
    assert strip_noise(text) == _plain_strip_noise(text)


_DATELINE_HEADS = ["TAIPEI", "WASHINGTON", "SAN JOSÉ, Costa Rica", "Paris, Jan 28", "NEW DELHI"]
_DATELINE_MARKS = ["(Reuters)", "(AP)", "—", "–", "--", "-", ":", "‒", "―", "−", "(", ")", ""]
_DATELINES = st.builds(
    lambda head, space, mark, more, rest: f"{head}{space}{mark}{more} {rest}",
    st.sampled_from(_DATELINE_HEADS),
    st.sampled_from(["", " "]),
    st.sampled_from(_DATELINE_MARKS),
    st.sampled_from(["", " —", " -", " –", "--"]),
    st.sampled_from(["Senior officials met on Tuesday.", "The Senate voted.", "x"]),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_DATELINES, _LINES, st.text(alphabet="AB ,()—–-x", max_size=30)))
def test_dateline_patterns_need_a_bracket_or_a_dash(text: str) -> None:
    # split_dateline returns None at once on a text with no "(", "—", "–" or "--".
    plain = _AGENCY_DATELINE.match(text) or _CAPS_DATELINE.match(text)
    if not any(mark in text for mark in ("(", "—", "–", "--")):
        assert plain is None
        assert split_dateline(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0\u2003,", max_size=40), st.integers(0, 40))
def test_a_suffix_has_no_more_words_than_its_text(text: str, start: int) -> None:
    # ExtractByline skips split_dateline on a paragraph of too few words: the rest after a
    # dateline is a suffix of it.
    assert len(text[start:].split()) <= len(text.split())


_CLOCK_DATES = st.sampled_from(
    ["3 hours ago", "today", "Jan 5", "yesterday 10:00", "just now", "Updated 2 days ago", ""]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_BYLINE_LIKE, _NOISY), _CLOCK_DATES, st.sampled_from([None, ("en",), ("de",)]))
def test_head_readers_answer_a_repeated_text_alike(
    text: str, when: str, languages: tuple[str, ...] | None
) -> None:
    # ExtractByline reads a repeated head line once: the answers must not depend on the
    # call, not even for dates read against the clock (they never reach a Byline).
    line = f"{text} | {when}" if when else text
    first = parse_byline(line, languages=languages)
    assert parse_byline(line, languages=languages) == first
    assert parse_credits(line) == parse_credits(line)
