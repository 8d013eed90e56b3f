"""The byline filter's later shortcuts give the answers of the plain forms they replace.

Each plain form below is the code as it was before the shortcut, written out: parse_byline
with its first date and signature exits (every line with a digit or a signing word read for
dates; the signature test on words alone), parse_credits without its look at the first two
characters, classify trying the role and desk patterns on every chunk, anchor_index folding
every block no longer than the title, and the tail reader handed every kept block. They are
compared on generated lines and documents built from the lexicon's own words.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timezone
from typing import Any
from unittest import mock

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import authors
from newsclean.authors import (
    _ODD_CASE,
    Chunk,
    _may_hold_noise,
    classify,
)
from newsclean.dates import find_dates
from newsclean.dates.grammar import _TOKEN
from newsclean.dates.parse import date_starters
from newsclean.document import Block, Document, Metadata
from newsclean.filters.byline import endmatter, extract, lines
from newsclean.filters.byline.endmatter import Credits, parse_credits
from newsclean.filters.byline.extract import ExtractByline, _Found, _take_tail_block, anchor_index
from newsclean.filters.byline.lines import Byline, parse_byline
from newsclean.filters.byline.words import MAX_BYLINE_WORDS
from newsclean.lexicon import load

_DATA: dict[str, Any] = load("bylines")
_BY = [phrase for group in _DATA["by"].values() for phrase in group]
_ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


# --- parse_byline as it was ------------------------------------------------------------


def _plain_may_be_signed(text: str) -> bool:
    """The signature test on words alone: some "By" phrase, role, agency or outlet word."""
    if _may_hold_noise(text) or (not text.isascii() and _ODD_CASE.search(text)):
        return True
    words = set(regex.findall(r"\w+", text.lower()))
    phrases = [p.rstrip(":") for p in _BY] + _DATA["roles"] + _DATA["agencies"]
    phrases += _DATA["outlet_words"]
    return any(set(regex.findall(r"\w+", phrase)) <= words for phrase in phrases)


def _plain_parse_byline(
    text: str, *, reference: datetime | None = None, languages: tuple[str, ...] | None = None
) -> Byline | None:
    words = text.split(None, MAX_BYLINE_WORDS)
    if not text or len(words) > MAX_BYLINE_WORDS or text[:1] in "—–":
        return None
    if len(words) >= 6 and 2 * lines._lower_initials(words) > len(words):
        return None
    folded = set(regex.findall(r"\w+", text.casefold()))
    if reference is None and not (
        regex.search(r"\d", text) or not lines._trigger_words().isdisjoint(folded)
    ):
        return None
    dates = find_dates(text, reference=reference, languages=languages)
    if not dates and not _plain_may_be_signed(text):
        return None
    return lines._byline_from(text, dates)


def _cased(word: str, style: int) -> str:
    if style == 4:
        return word.replace("s", "ſ").replace("k", "K").replace("i", "İ")
    return (word, word.upper(), word.title(), word.lower())[style]


_NAMES = ["Jane", "DOE", "Jean-Luc", "O'Brien", "McDONALD", "J.", "de", "Marie", "Ana", "Smith"]
_OUTLETS = ["USA Today", "Business Insider", "The Post", "Daily Mail", "Sun", "CTV News", "TV"]
_SIGNING = [
    *_BY,
    *_DATA["roles"][:15],
    *_DATA["agencies"][:15],
    *_DATA["outlet_words"][:25],
    *_DATA["desks"],
    *_OUTLETS,
]
_DATES = [
    "12 March 2024",
    "2024-03-12",
    "Jan 28",
    "10:15 GMT",
    "yesterday",
    "the day before yesterday",
    "a day ago",
    "3 hours ago",
    "Updated",
    "Published:",
    "Nov. 5, 2019, 9:28 AM UTC",
    "28-01-2026 07:09 IST",
    "5 août 2018",
    "2 дня назад",
    "٣ hours ago",
    "١٢ March ٢٠٢٤",
]
_OTHER = ["Home", "news", "Latest", "for", "and", "the", "a", "Breaking", "Policy", "Read", "GTA"]
_SEPARATORS = [" | ", ", ", " and ", " - ", " · ", "/", ";", ":", " — ", " & ", " • ", "\n"]
_MARKS = ["(", ")", "[", "<b>", "@jd", "jd@x.com", "www.x", "ſ", "İ", "²", "٣", "\xa0", "\x1c"]

_WORD_PIECE = st.one_of(
    st.builds(_cased, st.sampled_from(_SIGNING), st.integers(0, 4)),
    st.sampled_from(_NAMES),
    st.sampled_from(_DATES),
    st.sampled_from(_OTHER),
)
_PIECE = st.one_of(
    _WORD_PIECE,
    _WORD_PIECE,
    _WORD_PIECE,
    st.sampled_from(_SEPARATORS),
    st.sampled_from(_MARKS),
    st.text(alphabet="aB1 .,:-", max_size=4),
)
_LINES = st.builds(
    lambda pieces, glue: "".join(
        p + (glue[i] if i < len(glue) else " ") for i, p in enumerate(pieces)
    ),
    st.lists(_PIECE, min_size=1, max_size=8),
    st.lists(st.sampled_from(["", " ", "  ", " "])),
)
# Short lines that sign with an outlet alone, or seem to: a name beside an outlet, "for".
_OUTLET_LINES = st.builds(
    lambda name, joint, outlet: f"{name}{joint}{outlet}",
    st.sampled_from(["", "Jane Doe", "JANE DOE", "Jane", "By Jane Doe", "Ana Smith"]),
    st.sampled_from(["", " ", " for ", ", ", " and ", " | ", " by "]),
    st.builds(_cased, st.sampled_from(_OUTLETS + _DATA["outlet_words"][:20]), st.integers(0, 4)),
)
_LANGUAGES = st.sampled_from([None, ("en",), ("de",), ("fr",), ("ru",)])
_REFERENCE = st.sampled_from([None, datetime(2024, 3, 20, 12, tzinfo=timezone.utc)])


@settings(max_examples=500, deadline=None)
@given(st.one_of(_LINES, _OUTLET_LINES), _LANGUAGES, _REFERENCE)
def test_parse_byline_equals_the_plain_form(
    text: str, languages: tuple[str, ...] | None, reference: datetime | None
) -> None:
    expected = _plain_parse_byline(text, reference=reference, languages=languages)
    assert parse_byline(text, reference=reference, languages=languages) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), _LANGUAGES)
def test_parse_byline_equals_the_plain_form_on_any_str(
    text: str, languages: tuple[str, ...] | None
) -> None:
    assert parse_byline(text, languages=languages) == _plain_parse_byline(text, languages=languages)


def test_digits_of_other_scripts_are_read_as_digits() -> None:
    # Outside ASCII the digit test is regex's \d: "٣ hours ago" is a date line (read
    # against the clock), as before.
    for text in ("٣ hours ago", "١٢ March ٢٠٢٤ ٣ hours ago", "Ana ٣"):
        assert parse_byline(text) == _plain_parse_byline(text)
    assert parse_byline("٣ hours ago") is not None


def test_outlet_lines_the_stronger_signature_test_refuses() -> None:
    # Each has an outlet word, so the words-only test let it through to the full parse.
    for text in ("News", "CTV News", "Breaking News", "The Sun", "Search Text", "Powered by TV"):
        assert _plain_may_be_signed(text)
        assert not lines._may_be_signed(text)
        assert parse_byline(text) is None
    # A name with an outlet after it, "for" one, or an outlet beside it in a names list.
    for text in ("Jane Doe USA Today", "Jane Doe for The Post", "Jane Doe, CTV News"):
        assert lines._may_be_signed(text)
        assert parse_byline(text) is not None, text


@settings(max_examples=300, deadline=None)
@given(st.one_of(_LINES, st.text(max_size=30)), _LANGUAGES)
def test_no_date_where_no_word_can_start_one(text: str, languages: tuple[str, ...] | None) -> None:
    # date_starters: find_dates tries only words starting with a digit or listed.
    starters = date_starters(languages)
    tokens = _TOKEN.findall(text)
    if not any(t[0].isdigit() or t.lower() in starters for t in tokens):
        assert find_dates(text, languages=languages) == []


def test_ascii_reads_alike_in_both_engines() -> None:
    # parse_byline, _may_be_signed and classify read ASCII text with the standard library's
    # engine: its \w and \d are regex's there, and casefold is lower.
    for char in map(chr, range(128)):
        assert bool(re.match(r"\w", char)) == bool(regex.match(r"\w", char))
        assert bool(re.match("[0-9]", char)) == bool(regex.match(r"\d", char))
        assert char.casefold() == char.lower()
        assert char.isdigit() == ("0" <= char <= "9")
        # parse_credits: str.strip takes every ASCII white space regex's \s matches.
        if regex.match(r"\s", char):
            assert not char.strip()


def test_odd_case_characters_cover_the_desks() -> None:
    # classify reads the desk pattern's phrases through their lower-cased words (as the role
    # pattern's, checked in test_byline_exit.py).
    letters = set("".join(_DATA["desks"] + _DATA["roles"])) - {" "}
    for letter in letters:
        for char in regex.compile(regex.escape(letter), regex.I).findall(_ALL_CHARS):
            if char.lower() != letter:
                assert _ODD_CASE.fullmatch(char), (letter, char)
    assert not any(c in p for p in _DATA["desks"] + _DATA["roles"] for c in "σςΣ")
    assert all(p == p.lower() for p in _DATA["desks"] + _DATA["roles"])


# --- classify as it was ----------------------------------------------------------------


def _plain_classify(chunk: str) -> Chunk:
    """``classify`` without its pre-check: every role and desk pattern is tried."""
    with mock.patch.object(authors, "_may_hold_roles_desks", return_value=(True, True)):
        return classify(chunk)


_CHUNKS = st.builds(
    lambda pieces: " ".join(pieces),
    st.lists(
        st.one_of(
            st.builds(
                _cased,
                st.sampled_from(_DATA["roles"] + _DATA["desks"] + _DATA["role_modifiers"]),
                st.integers(0, 4),
            ),
            st.sampled_from(_NAMES + _OUTLETS + ["for", "at", "of", "the", "Σ", "ᲁ"]),
        ),
        min_size=1,
        max_size=6,
    ),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_CHUNKS, st.text(alphabet="aSſKİ ,.-", max_size=12)))
def test_classify_equals_the_plain_form(chunk: str) -> None:
    assert classify(chunk) == _plain_classify(chunk)


# --- parse_credits as it was -----------------------------------------------------------


def _plain_parse_credits(text: str) -> Credits | None:
    body = text.strip()
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1]
    return endmatter._read_credits(body)


_CREDIT_PHRASES = _DATA["credits"]["authors"] + _DATA["credits"]["others"]
_CREDITS = st.builds(
    lambda lead, phrase, names, tail: f"{lead}{phrase} {names}{tail}",
    st.sampled_from(["", "(", "( ", "(\xa0", " ", "\xa0", "ſ", "\u2003", "x"]),
    st.builds(_cased, st.sampled_from(_CREDIT_PHRASES), st.integers(0, 4)),
    st.sampled_from(["Jane Doe", "Jane Doe in Taipei", "JANE DOE and Ana Smith", "x"]),
    st.sampled_from(["", ")", "; Editing by Tom Hogue", "; editing by Ana Smith)"]),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_CREDITS, _LINES, st.text(max_size=12)))
def test_parse_credits_equals_the_plain_form(text: str) -> None:
    assert parse_credits(text) == _plain_parse_credits(text)


# --- the filter's head and tail as they were -------------------------------------------


def _plain_anchor_index(doc: Document) -> int | None:
    title = (doc.meta.title or "").strip().casefold()
    for index, block in enumerate(doc.blocks):
        if title and len(block.text) <= len(title) and block.text.casefold() == title:
            return index
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading" and block.level <= 1:
            return index
    return None


def _plain_read_tail(self: ExtractByline, blocks: Any, found: _Found) -> None:
    inert: set[int] = set()
    while True:
        remaining = [i for i in range(len(blocks)) if i not in found.removed]
        window = remaining[-self.tail_blocks :]
        if not any(
            _take_tail_block(i, blocks, remaining, found, inert) for i in window if i not in inert
        ):
            return


_TITLES = ["Straße", "STRASSE", "İstanbul", "istanbul", "Title", "TITLE", "ﬁle", "FILE", "Σα"]
_BLOCK_TEXTS = [
    *_TITLES,
    "Jane Doe",
    "JANE DOE",
    "Ana Smith",
    "About the author",
    "Jane Doe is a reporter covering health.",
    "Ana Smith is the news editor at The Post.",
    "Jane Doe was a staff writer.",
    "(Reporting by Jane Doe in Taipei; Editing by Tom Hogue)",
    "Writing by Ana Smith",
    "By Jane Doe | 5 March 2024",
    "Text of the story goes on here.",
    "Share",
]


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    texts = draw(st.lists(st.sampled_from(_BLOCK_TEXTS), min_size=1, max_size=24))
    kinds = draw(st.lists(st.sampled_from(["paragraph", "heading", "line"]), min_size=24))
    blocks = tuple(
        Block(
            text,
            kind=kinds[i],
            level=draw(st.integers(1, 2)) if kinds[i] == "heading" else 0,
            position=i,
        )
        for i, text in enumerate(texts)
    )
    title = draw(st.one_of(st.none(), st.sampled_from(_TITLES)))
    authors = draw(st.sampled_from([(), ("Jane Doe",)]))
    return Document(blocks=blocks, meta=Metadata(title=title, authors=authors))


@settings(max_examples=300, deadline=None)
@given(_documents(), st.integers(-2, 14))
def test_head_and_tail_equal_the_plain_forms(doc: Document, tail_blocks: int) -> None:
    assert anchor_index(doc) == _plain_anchor_index(doc)
    step = ExtractByline(tail_blocks=tail_blocks)
    with (
        mock.patch.object(extract, "anchor_index", _plain_anchor_index),
        mock.patch.object(ExtractByline, "_read_tail", _plain_read_tail),
    ):
        expected = step(doc)
    assert step(doc) == expected


@st.composite
def _author_box_tails(draw: st.DrawFn) -> tuple[Document, int]:
    """A page ending in an author box (a heading, name lines, the bio) and a few more lines,
    read with a window that starts near the bio: what the tail reader looks above it."""
    texts: list[tuple[str, str]] = [("Text of the story goes on here.", "paragraph")]
    texts += [(draw(st.sampled_from(_BLOCK_TEXTS)), "paragraph")] * draw(st.integers(0, 4))
    if draw(st.booleans()):
        texts.append(("About the author", draw(st.sampled_from(["heading", "paragraph"]))))
    texts += [(draw(st.sampled_from(["Jane Doe", "JANE DOE", "Ana Smith"])), "line")] * draw(
        st.integers(0, 3)
    )
    texts.append((draw(st.sampled_from(_BLOCK_TEXTS[12:16])), "paragraph"))
    after = draw(st.integers(0, 4))
    texts += [(draw(st.sampled_from(["Share", "Writing by Ana Smith"])), "line")] * after
    blocks = tuple(
        Block(text, kind=kind, level=1 if kind == "heading" else 0, position=i)  # type: ignore[arg-type]
        for i, (text, kind) in enumerate(texts)
    )
    doc = Document(blocks=blocks, meta=Metadata(authors=draw(st.sampled_from([(), ("Jane Doe",)]))))
    return doc, after + 1 + draw(st.integers(0, 2))


@settings(max_examples=300, deadline=None)
@given(_author_box_tails())
def test_tail_equals_the_plain_form_near_an_author_box(case: tuple[Document, int]) -> None:
    doc, tail_blocks = case
    step = ExtractByline(tail_blocks=tail_blocks)
    with mock.patch.object(ExtractByline, "_read_tail", _plain_read_tail):
        expected = step(doc)
    assert step(doc) == expected
