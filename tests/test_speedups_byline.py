"""The byline filter's compiled gates rule only where the Python readers would.

``newsclean.filters.byline.fast`` asks the C accelerator (``_speedups_byline.c``) which
blocks cannot be a byline, credit line or author bio; ``ExtractByline`` then reads only
the others in Python. Each ruling must be one the Python code would make: wherever the
gate says "certainly None", the Python reader gives None (checked under hypothesis on
arbitrary text, on lines built from the lexicons' own words and on every head and tail
block of the benchmark corpus), and the filter gives the same document with and without
the gates. The lexicon properties the C proofs rest on are checked here too.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import authors
from newsclean.dates import find_dates
from newsclean.dates.parse import _settings
from newsclean.document import Block, Document, Metadata
from newsclean.filters.byline import extract, fast, lines
from newsclean.filters.byline.endmatter import bio_name, parse_credits
from newsclean.filters.byline.extract import ExtractByline
from newsclean.filters.byline.lines import parse_byline
from newsclean.filters.byline.words import MAX_BYLINE_WORDS
from newsclean.lexicon import load
from newsclean.readers import read_text

compiled = pytest.mark.skipif(
    not fast.COMPILED, reason="the compiled byline gates are not built or are turned off"
)

_BYLINES: dict[str, Any] = load("bylines")
_DATES: dict[str, Any] = load("dates")
_REFERENCE = datetime(2024, 3, 20, 12, tzinfo=timezone.utc)
_MAYBE, _NONE, _UNDATED = fast.BYLINE_MAYBE, fast.BYLINE_NONE, fast.BYLINE_UNDATED
_LANGUAGES = st.sampled_from([None, ("en",), ("de",), ("fr",), ("ru",), ("pt",)])


def _rulings(
    text: str, languages: tuple[str, ...] | None = None, reference: datetime | None = None
) -> tuple[int, bool]:
    """What the gate knows of parse_byline on ``text`` (fast.BYLINE_*) and whether it finds
    parse_credits certainly None."""
    gate = fast.gate_data(languages, reference is None)
    found = fast.candidates((Block(text, kind="line"),), [0], gate)
    if not found:
        return fast.BYLINE_NONE, True
    [(index, known, credits_none)] = found
    assert index == 0
    return known, credits_none


def _check(
    text: str, languages: tuple[str, ...] | None = None, reference: datetime | None = None
) -> None:
    known, credits_none = _rulings(text, languages, reference)
    if known == fast.BYLINE_NONE:
        assert parse_byline(text, reference=reference, languages=languages) is None, text
    elif known == fast.BYLINE_UNDATED:
        assert find_dates(text, reference=reference, languages=languages) == [], text
        expected = parse_byline(text, reference=reference, languages=languages)
        assert lines.undated_byline(text) == expected, text
    if credits_none:
        assert parse_credits(text) is None, text
    gate = fast.gate_data(languages, reference is None)
    if fast.tail_inert((Block(text, kind="line"),), [0], gate):
        assert parse_credits(text) is None, text
        assert bio_name(text) is None, text


# --- strategies -------------------------------------------------------------------------


def _cased(word: str, style: int) -> str:
    if style == 4:
        return word.replace("s", "ſ").replace("k", "K").replace("i", "İ")
    return (word, word.upper(), word.title(), word.lower())[style]


_SIGNING = [
    *(p for group in _BYLINES["by"].values() for p in group),
    *_BYLINES["roles"][:20],
    *_BYLINES["agencies"][:20],
    *_BYLINES["outlet_words"][:20],
    *_BYLINES["desks"],
    *_BYLINES["credits"]["authors"],
    *_BYLINES["credits"]["others"],
    *_BYLINES["ignorable"][:8],
    *_BYLINES["particles"][:8],
    *(v for group in _BYLINES["bio"]["verbs"].values() for v in group),
]
_DATE_WORDS = [
    *(m for names in _DATES["languages"]["en"]["months"] for m in names),
    "mai",
    "août",
    "März",
    "dic",
    *_DATES["languages"]["en"]["weekdays"][:6],
    "Sun",
    "mar",
    "hours",
    "h",
    "min",
    "mins",
    "days",
    "d",
    "s",
    "ago",
    "fa",
    "atrás",
    "назад",
    "вчера",
    "a",
    "an",
    "one",
    "a couple of",
    "the day before yesterday",
    "yesterday",
    "today",
    "just now",
    "moments ago",
    "vor",
    "einem",
    "einemTag",
    "il y a",
    "hace",
    "Updated",
    "Published:",
    "first published",
    "last updated",
    "date",
    "on",
    "at",
    "de",
    "of",
    "th",
    "st",
    "er",
    "pm",
    "a.m.",
    "PM",
    "GMT",
    "EST",
    "IST",
    "UTC+3",
    "+0530",
    "Z",
    "Uhr",
    "l'altro ieri",
    "aujourd’hui",
]
_NUMBERS = [
    "0",
    "5",
    "9",
    "12",
    "28",
    "31",
    "07",
    "2019",
    "2024",
    "123",
    "12345",
    "123456",
    "1234567",
]
_MARKS = [
    " ",
    " ",
    "  ",
    "",
    "-",
    "/",
    ".",
    ":",
    ",",
    " - ",
    " | ",
    "|",
    "\n",
    "\xa0",
    "\x1c",
    " — ",
    "—",
    "–",
    "·",
    "•",
    "°",
    "’",
    "(",
    ")",
    "[",
    "@",
    "://",
    "www.",
    "&",
    ";",
]
_NAMES = ["Jane", "DOE", "Doe", "Jean-Luc", "O'Brien", "O’Brien", "McDONALD", "J.", "Ana", "x"]
_OTHER = ["news", "Home", "the", "and", "for", "Read", "policy", "Privacy", "is", "a", "ſ", "İ"]
_PIECE = st.one_of(
    st.builds(_cased, st.sampled_from(_SIGNING), st.integers(0, 4)),
    st.builds(_cased, st.sampled_from(_DATE_WORDS), st.integers(0, 4)),
    st.sampled_from(_NUMBERS),
    st.sampled_from(_NUMBERS),
    st.sampled_from(_MARKS),
    st.sampled_from(_MARKS),
    st.sampled_from(_NAMES),
    st.sampled_from(_OTHER),
)
_LINES = st.lists(_PIECE, min_size=1, max_size=12).map("".join)
# Lists of names, outlets, agencies, roles and desks, as bylines and menus print them.
_LIST_ITEM = st.one_of(
    st.sampled_from(
        ["Jane Doe", "JANE DOE", "Ana de la Cruz", "Jo O’Brien", "J. Smith", "Reuters"]
    ),
    st.builds(
        _cased,
        st.sampled_from(
            _BYLINES["outlet_words"][:12]
            + _BYLINES["agencies"][:12]
            + _BYLINES["roles"][:12]
            + _BYLINES["desks"]
            + _BYLINES["not_name_words"][:30]
            + ["Latest News", "The Post", "Apple TV", "by", "By", "Author:"]
        ),
        st.integers(0, 3),
    ),
)
_LISTS = st.builds(
    lambda items, joints: "".join(
        item + (joints[i] if i < len(joints) else "") for i, item in enumerate(items)
    ),
    st.lists(_LIST_ITEM, min_size=1, max_size=5),
    st.lists(
        st.sampled_from([", ", " & ", " and ", " | ", " - ", "/", " — ", " ", " · ", ",", "\n"]),
        max_size=4,
    ),
)
_SPACED = st.lists(_PIECE, min_size=1, max_size=10).map(" ".join)
_TRICKY = (
    "aAzZ019_ .,;:!?\"'()[]<>@/|&+-\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2003\u3000"
    "ßİΣσςſKﬁéÉ·•–—’‘“«°−©§ЖжПривет٣²½中文"
)
_ANY = st.one_of(st.text(max_size=40), st.text(alphabet=_TRICKY, max_size=30))


# --- the rulings are the Python code's -------------------------------------------------


@compiled
@settings(max_examples=600, deadline=None)
@given(st.one_of(_LINES, _SPACED, _LISTS), _LANGUAGES, st.sampled_from([None, _REFERENCE]))
def test_rulings_hold_on_lexicon_lines(
    text: str, languages: tuple[str, ...] | None, reference: datetime | None
) -> None:
    _check(text, languages, reference)


@compiled
@settings(max_examples=300, deadline=None)
@given(_ANY, _LANGUAGES)
def test_rulings_hold_on_any_str(text: str, languages: tuple[str, ...] | None) -> None:
    _check(text, languages)


_DATE_PIECE = st.one_of(
    st.sampled_from(_NUMBERS),
    st.sampled_from(_NUMBERS),
    st.builds(_cased, st.sampled_from(_DATE_WORDS), st.integers(0, 3)),
    st.sampled_from(_MARKS[:20]),
    st.sampled_from(["Jane", "News", "x", "Plus", "Pro", "points"]),
)


@compiled
@settings(max_examples=800, deadline=None)
@given(st.lists(_DATE_PIECE, min_size=1, max_size=9).map("".join), _LANGUAGES)
def test_no_date_where_the_gate_finds_none(text: str, languages: tuple[str, ...] | None) -> None:
    # Lines of numbers, date words and marks and no signing word: with a reference (no
    # trigger test), the gate calls the byline None only where find_dates finds no date.
    known, _ = _rulings(text, languages, _REFERENCE)
    words = text.split(None, MAX_BYLINE_WORDS)
    shape_exit = (
        not text
        or len(words) > MAX_BYLINE_WORDS
        or text[:1] in "—–"
        or (len(words) >= 6 and 2 * lines._lower_initials(words) > len(words))
    )
    if known == _UNDATED or (known == _NONE and not shape_exit and not lines._may_be_signed(text)):
        assert find_dates(text, reference=_REFERENCE, languages=languages) == [], text


@compiled
def test_date_lines_are_left_to_python() -> None:
    for text in (
        "Nov. 19, 2019, 8:41 AM UTC",
        "5:45 AM PST 11/19/2019",
        "Updated: 28-01-2026 07:09 IST",
        "2019-11-19",
        "19.11.2019",
        "5th of May",
        "3 hours ago",
        "Friday, Nov 5",
        "the day before yesterday",
        "vor einemTag",
        "10:30 pm Monday, Nov 5",
        "5° de mayo",
        "5. Mai 2019",
        # A date led by a time, whose core cannot open a date of its own after ",".
        "10:30,Nov 5",
        "10:30, Nov 5",
        "5 pm,Nov 5",
        "5pm,Nov 5",
    ):
        # With a reference the trigger test is off (dates without a digit count then).
        assert _rulings(text, reference=_REFERENCE)[0] == _MAYBE, text


@compiled
def test_bylines_with_half_their_words_in_lower_case_are_read() -> None:
    # A sentence has more than half of its words (six or more) in lower case.
    for text in ("By Ana de la Cruz and Jo van der Berg", "By Jane Doe and Ana de la Cruz"):
        assert _rulings(text)[0] != _NONE, text
        assert parse_byline(text) is not None


@compiled
def test_lines_that_look_like_dates_are_ruled_out() -> None:
    for text in (
        "iPhone 11 Pro",
        "Monday 5:30PM",
        "10:30 pm Monday",
        "7th straight",
        "SN 960",
        "PARTY 18 plus",
        "5 ° de mayo",
    ):
        assert _rulings(text) == (_NONE, True), text
        assert parse_byline(text) is None


@compiled
def test_an_outlet_alone_is_not_a_signature_but_a_list_is() -> None:
    assert _rulings("Breaking News") == (_NONE, True)
    assert _rulings("News & Politics") == (_NONE, True)  # a list, but of no name or desk
    assert _rulings("Jane Doe & CTV News") == (_UNDATED, True)  # a name: Python decides
    assert _rulings("Privacy Policy") == (_NONE, True)
    assert _rulings("Reporting by Jane Doe") == (_NONE, False)  # a credit line, not a byline


@compiled
def test_lines_that_cannot_hold_a_name_or_desk_are_ruled_out() -> None:
    for text in ("Reuters", "The Associated Press", "Latest News & Rumors", "Opinion Columnist"):
        assert _rulings(text) == (_NONE, True), text
    for text in ("Staff & Reuters", "By Jane Doe", "Jane Doe | Reuters", "Apple TV & Accessories"):
        assert _rulings(text)[0] == _UNDATED, text  # a desk, a "By", a possible name


@compiled
def test_credit_lines_are_left_to_python() -> None:
    for text in (
        "(Reporting by Ben Blanchard in Taipei; Editing by Tom Hogue)",
        "( Reporting by Ben Blanchard )",
        "Fact-checking by Ana Smith",
        "ſeporting by x",
        "REDAKTION: Jane Doe",
    ):
        assert not _rulings(text)[1], text


def test_credit_lines_in_spaced_parentheses() -> None:
    # parse_credits looks at the first two characters after the parenthesis and its white
    # space (it looked at the space itself, and took "( Reporting by ...)" for no credits).
    credits = parse_credits("( Reporting by Ben Blanchard in Taipei )")
    assert credits is not None
    assert credits.authors == ("Ben Blanchard",)
    assert parse_credits("( Privacy Policy )") is None


@compiled
def test_unicode_text_without_a_trigger_word_is_ruled_out() -> None:
    assert _rulings("Гороскопы") == (_NONE, True)
    assert _rulings("Шоколадная диета") == (_NONE, True)
    assert _rulings("Автор: Иван Петров") == (_MAYBE, True)  # "автор" signs: Python reads it
    assert _rulings("Диета 6 лепестков") == (_MAYBE, True)  # a digit: Python reads it
    assert _rulings("Гороскопы", reference=_REFERENCE) == (_MAYBE, True)


@compiled
@settings(max_examples=300, deadline=None)
@given(st.one_of(_LINES, _ANY))
def test_tail_rulings_hold(text: str) -> None:
    gate = fast.gate_data(None, True)
    blocks = (Block(text, kind="paragraph"), Block(text, kind="heading"))
    inert = fast.tail_inert(blocks, [0, 1], gate)
    assert 1 in inert  # a heading is never taken
    if 0 in inert:
        assert parse_credits(text) is None
        assert bio_name(text) is None


@compiled
def test_bios_are_left_to_python() -> None:
    gate = fast.gate_data(None, True)
    for text in (
        "Jane Doe is a reporter covering health.",
        "Sana Khan is the News Editor at Modern Diplomacy.",
        "Jane O’Brien (pictured) covers courts.",
        "Иван Петров — журналист.",
        "Иван Петров является обозревателем.",
        "José Pérez écrit sur la politique.",
    ):
        assert fast.tail_inert((Block(text),), [0], gate) == [], text


# --- the filter gives the same document ------------------------------------------------


def _plain(step: ExtractByline, doc: Document) -> Document:
    with mock.patch.object(fast, "COMPILED", False):
        return step(doc)


_BLOCK_TEXTS = [
    "Title",
    "By JANE DOE, Associated Press",
    "Jane Doe | Taipei | Updated: 28-01-2026 07:09 IST",
    "Nov. 19, 2019, 8:41 AM UTC",
    "TAIPEI, Jan 28 (Reuters) - Senior officials met on Tuesday to talk.",
    "WASHINGTON (AP) — The Senate voted on the bill late on Monday night.",
    "Text of the story goes on here, with more words than a byline has.",
    "Share",
    "Breaking News",
    "Reuters",
    "About the author",
    "Jane Doe",
    "Jane Doe is a reporter covering health.",
    "(Reporting by Jane Doe in Taipei; Editing by Tom Hogue)",
    "Гороскопы",
    "Today’s Paper",
    "iPhone 11 Pro",
]


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    texts = draw(st.lists(st.one_of(st.sampled_from(_BLOCK_TEXTS), _LINES), max_size=30))
    kinds = draw(st.lists(st.sampled_from(["paragraph", "heading", "line", "quote"]), min_size=30))
    blocks = tuple(
        Block(text, kind=kinds[i], level=1 if kinds[i] == "heading" else 0, position=i)  # type: ignore[arg-type]
        for i, text in enumerate(texts)
    )
    title = draw(st.one_of(st.none(), st.sampled_from(["Title", "TITLE", " title ", "Straße"])))
    language = draw(st.sampled_from([None, "en", "de"]))
    return Document(blocks=blocks, meta=Metadata(title=title, language=language))


@compiled
@settings(max_examples=200, deadline=None)
@given(_documents(), st.sampled_from([None, _REFERENCE]), st.integers(0, 14))
def test_filter_gives_the_plain_document(
    doc: Document, reference: datetime | None, tail_blocks: int
) -> None:
    step = ExtractByline(reference=reference, tail_blocks=tail_blocks)
    assert step(doc) == _plain(step, doc)


@compiled
@settings(max_examples=200, deadline=None)
@given(_documents())
def test_head_scans_equal_the_python_ones(doc: Document) -> None:
    title = (doc.meta.title or "").strip().casefold()
    assert fast.anchor(doc.blocks, title) == extract._anchor_index(doc.blocks, title)
    for low, high in ((-2, 40), (3, 5), (0, 0), (-(10**30), 10**30)):
        expected = [i for i, b in enumerate(doc.blocks) if low <= b.position < high]
        assert fast.head_indexes(doc.blocks, low, high) == expected
    found = extract._Found(replaced={0: "a b c d e f g"}, removed={1})
    head = list(range(len(doc.blocks)))
    with mock.patch.object(fast, "COMPILED", False):
        expected = extract._long_paragraphs(doc.blocks, head, found)
    assert extract._long_paragraphs(doc.blocks, head, found) == expected


@compiled
def test_blocks_of_other_types_are_read_as_python_reads_them() -> None:
    class Line:
        def __init__(self, text: str) -> None:
            self.text = text
            self.kind = "line"
            self.position = 0
            self.level = 0

    blocks: Any = (Line("Breaking News"), Block("By Jane Doe"), Line("By Ana Smith"))
    gate = fast.gate_data(None, True)
    assert fast.candidates(blocks, [0, 1, 2], gate) == [(1, _UNDATED, True), (2, _UNDATED, True)]
    assert fast.anchor(blocks, "by ana smith") == 2
    with pytest.raises(AttributeError):
        fast.candidates((object(),), [0], gate)  # type: ignore[arg-type]
    with pytest.raises(IndexError):
        fast.candidates((Block("x"),), [3], gate)
    with pytest.raises(TypeError):
        fast.candidates((Block("x"),), [0], ())


def _corpus(folder: Path) -> Iterator[Document]:
    for path in sorted(folder.glob("*.txt")):
        yield read_text(path.read_text(encoding="utf-8"))


@compiled
def test_corpus_blocks_and_documents(article_text_dir: Path) -> None:
    step = ExtractByline()
    seen: set[str] = set()
    for doc in _corpus(article_text_dir):
        assert step(doc) == _plain(step, doc)
        head = extract._head(doc, step.head_blocks)
        for index in (*head, *range(max(0, len(doc.blocks) - 16), len(doc.blocks))):
            text = doc.blocks[index].text
            if text not in seen:
                seen.add(text)
                _check(text)
    assert len(seen) > 3000


# --- the dateline's pre-checks ---------------------------------------------------------

_DATELINE_PIECES = st.one_of(
    st.sampled_from(["TAIPEI", "WASHINGTON", "New York", "É", "ÉA", "A\u0301B", "O'", "X"]),
    st.sampled_from(["(", ")", "(Reuters)", "(AP)", " (", ") ", "\n", ",", ", Jan 28"]),
    st.sampled_from([" - ", " — ", " – ", "--", ":", " ", "  ", "\x1c", "\xa0", "x" * 30]),
    st.text(alphabet="aB (),-—:\n", max_size=6),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(_DATELINE_PIECES, max_size=8).map("".join), _ANY))
def test_dateline_prechecks_pass_every_match(text: str) -> None:
    from newsclean.filters.byline import dateline

    if dateline._AGENCY_DATELINE.match(text):
        assert dateline._may_open_agency_dateline(text), text
    if dateline._CAPS_DATELINE.match(text):
        assert dateline._may_open_caps_dateline(text), text


# --- what the proofs rest on -----------------------------------------------------------


def _phrases_of_dates() -> list[str]:
    langs = list(_DATES["languages"].values())
    words: list[str] = []
    for lang in langs:
        words += [m for names in lang["months"] for m in names] + lang["weekdays"]
        words += [p for kind in lang["labels"].values() for p in kind] + lang["ordinals"]
        words += lang["label_prepositions"] + lang["year_suffixes"]
        relative = lang["relative"]
        words += list(relative["numbers"]) + list(relative["days"]) + relative["now"]
        words += [u for units in relative["units"].values() for u in units]
        words += [w for t in relative["templates"] for w in t.split() if "{" not in w]
    return words


def _ascii_matches(letter_class: str) -> set[str]:
    """The non-ASCII characters regex.IGNORECASE lets match one of ``letter_class``."""
    pattern = regex.compile(f"[{letter_class}]", regex.IGNORECASE)
    return {c for c in pattern.findall(fast._bmp()) if not c.isascii()}


def test_no_other_character_matches_an_ascii_letter_but_the_odd_ones() -> None:
    # credits_none: a non-ASCII first character may match a letter of a credit phrase only
    # if it lower-cases to ASCII or is one of authors._ODD_CASE.
    odd = set(fast._odd_case_chars())
    for char in _ascii_matches("a-z"):
        assert char.lower().isascii() or char in odd, char


def test_date_and_byline_words_match_ascii_text_by_lower_case_only() -> None:
    # The C code compares ASCII text with the lexicons' words by lower case: no character
    # of theirs matches an ASCII character other than its own cases under IGNORECASE.
    words = _phrases_of_dates() + _SIGNING + _BYLINES["roles"] + _BYLINES["agencies"]
    chars = {c for word in words for c in word if not c.isascii()}
    for char in chars:
        matched = regex.compile(regex.escape(char), regex.IGNORECASE).findall(
            "".join(map(chr, range(128)))
        )
        assert matched == [], char


@compiled
def test_phrases_open_with_a_word_character() -> None:
    # The gates look for a phrase at a \w run: every date phrase, "By" phrase, credit
    # phrase and bio verb opens with a \w character, but the marks the C code reads apart.
    verbs = [v for group in _BYLINES["bio"]["verbs"].values() for v in group]
    credits = _BYLINES["credits"]["authors"] + _BYLINES["credits"]["others"]
    by = [p for group in _BYLINES["by"].values() for p in group]
    for phrase in [*_phrases_of_dates(), *by, *credits, *verbs]:
        if phrase in (".", "°", "—"):
            continue  # ordinal marks (digit_may_start); a verb of marks (bio_none)
        assert regex.match(r"\w", phrase), phrase
    assert all(p.isascii() and p[:1].isalpha() for p in credits)
    assert fast.gate_data(None, True)[12] is not None  # so credits_none is on


def test_bio_verbs_lower_case_one_to_one() -> None:
    # bio_none looks verbs up by their characters lower-cased one by one.
    verbs = [v for group in _BYLINES["bio"]["verbs"].values() for v in group]
    assert all(len(c.lower()) == 1 for verb in verbs for c in verb)
    assert all(verb == verb.lower() for verb in verbs)


def test_grammar_words_are_whole_runs() -> None:
    # digit_may_start and fast._continuations take month names and units as whole \w
    # runs, and ordinals as the rest of a day's run or a mark.
    grammar = _settings(None, None, None).grammar
    assert all(re.fullmatch(r"\w+", m) for m in grammar.months)
    assert all(re.fullmatch(r"\w+", u) for u in grammar.units)
    ordinals = {o for lang in _DATES["languages"].values() for o in lang["ordinals"]}
    assert {o for o in ordinals if not regex.fullmatch(r"\w+", o)} <= {".", "°"}
    assert "(?:(?:de|of)\\s+)?" in grammar.digit.pattern


def test_every_starter_is_described_or_tried() -> None:
    # A starter missing from _continuations makes the C code try the pattern: allowed, but
    # every one should be described.
    for languages in (None, ("en",), ("ru",)):
        starters = _settings(None, None, languages).grammar.starters
        assert set(starters) <= set(fast._continuations()), languages


def test_the_word_table_is_regex_word_class() -> None:
    table = fast._word_table()
    word = regex.compile(r"\w")
    for code in range(0, 0x10000, 7):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            assert table[code] == 2
        elif table[code] in (0, 1):
            assert table[code] == bool(word.match(char)), hex(code)
        elif table[code] == 3:
            assert word.match(char) is None
            assert re.match(r"\w", char) is None
            assert not char.isdigit()
            assert char.casefold() == char.lower() == char.upper() == char
            assert unicodedata.category(char)[0] in "PSZ"


def test_the_marks_read_as_ascii_are_those_the_c_code_reads_apart() -> None:
    # Of the marks read as ASCII punctuation, those the Python readers name are "·•–—"
    # (segments, stripping), "°" (an ordinal), "’" (names, apostrophes), "‘“«" (after a
    # date only) and "−" (in a time zone, after a time).
    table = fast._word_table()
    texts = [
        lines._SEGMENTS.pattern,
        lines._BEFORE_DATE.pattern,
        lines._SEPARATOR_START.pattern,
        *(getattr(authors._words(), f).pattern for f in ("by", "separators", "role", "noise")),
        *(p.pattern for p in (authors._NAME_WORD, authors._UPPER_WORD)),
        *(_settings(None, None, None).grammar.digit.pattern,),
        str(_BYLINES),
        str(_DATES),
        Path(lines.__file__).read_text(encoding="utf-8"),
        Path(authors.__file__).read_text(encoding="utf-8"),
    ]
    named = {c for text in texts for c in text if ord(c) < 0x10000 and table[ord(c)] == 3}
    assert named <= set("·•–—°’‘“«−"), named - set("·•–—°’‘“«−")


@compiled
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["and", "AND", "&", "und", "y", "e", "et", "x", "News", ",", "a/b", "|"]),
        max_size=4,
    ),
    st.sampled_from([" ", "  ", "\t", "\xa0"]),
)
def test_separator_parts_read_as_the_pattern(words: list[str], space: str) -> None:
    # ascii_signed reads the separators pattern as these parts: a mark anywhere, or a word
    # with words on both sides.
    separators, marks = fast._separator_parts()
    assert separators is not None
    text = space.join(words)
    tokens = text.split()
    connectors = regex.fullmatch(
        r".*\(\?:([^()]*)\)\\s\)\\s\*", authors._words().separators.pattern
    )
    assert connectors is not None
    names = connectors.group(1).split("|")
    parts = any(c in marks for c in text) or any(
        t.lower() in names for t in tokens[1:-1] if t.isascii()
    )
    assert parts == (authors._words().separators.search(" ".join(tokens)) is not None)


@compiled
def test_errors_of_the_patterns_propagate() -> None:
    class Broken:
        def match(self, text: str, pos: int) -> None:
            raise ValueError("broken pattern")

    gate = list(fast.gate_data(None, True))
    gate[9] = Broken()  # the grammar's digit pattern
    with pytest.raises(ValueError, match="broken pattern"):
        fast.candidates((Block("5 Nov 2019"),), [0], tuple(gate))


@compiled
def test_module_functions_reject_wrong_arguments() -> None:
    from newsclean import _speedups

    with pytest.raises(TypeError):
        _speedups.byline_anchor([], "title")  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        _speedups.byline_head((), 0)  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        _speedups.byline_long_paragraphs((), [], set(), {}, "6")  # type: ignore[attr-defined]
    assert sys.getrefcount(fast.gate_data(None, True)) >= 2
