"""The page analysis's fast paths give what the plain definitions give.

Each reference below is the analysis as first written (one function per fact, each
measuring the text again); the fast code shares work between the facts and skips what
cannot change them. Texts are generated from prose, menus, lexicon phrases, labels, dates,
bylines, separators and several scripts, so that every branch is reached.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.document import Block
from newsclean.filters.chrome import (
    _DATA_LINE,
    _DATA_MIN_WORDS,
    BlockFacts,
    _block_reason,
    _is_teaser,
    _reason_alone,
    _section_cost,
    _tabular,
    _weights,
    analyse_page,
    block_facts,
)
from newsclean.filters.shape import (
    _CLOCK,
    _DIGIT,
    _LETTER_RUNS,
    _NUMERIC_DATE,
    COMMENTS_COST,
    SECTION_COST,
    _date_words,
    _opens_with_by,
    block_weight,
    chrome_lexicon,
    comparison_key,
    count_matches,
    is_header_line,
    lexicon_key,
    shape_of,
    stopwords_of,
)

_LEXICON = chrome_lexicon()
_PIECES = sorted(
    {
        *list(_LEXICON.lines)[:40],
        *list(_LEXICON.sections)[:20],
        *_LEXICON.comments,
        *_LEXICON.contains,
        *_LEXICON.prefixes[:30],
        *_LEXICON.teasers,
        *_LEXICON.social,
        *["the", "and", "of", "to", "der", "und", "die", "le", "la", "de", "el", "и", "в"],
        *["said", "officials", "council", "budget", "Monday", "meeting", "Straße", "Köln"],
        *[
            "By",
            "Von",
            "Autor:",
            "Updated:",
            "January",
            "Jan.",
            "März",
            "28",
            "2026",
            "12:30",
            "pm",
            "9h45",
            "28-01-2026",
        ],
        *[
            "|",
            "›",
            "»",
            "/",
            "·",
            "•",
            ">",
            ":",
            "–",
            "-",
            "—",
            ",",
            ";",
            ".",
            "!",
            "?",
            "…",
            "’",
            "“",
            "”",
            "(",
            ")",
            "©",
            "18+",
            "3",
            "42",
        ],
        *["東京", "大阪", "北京市", "ニュース", "서울", "Москва", "новости", "текст"],
        "Getty Images",
        "(Photo: AFP)",
        "Read more:",
        "34 responses to",
        "Comments",
    }
)
_SEPARATOR = st.sampled_from([" ", " ", " ", "  ", " | ", ", ", ": ", "\u00a0", "\t", ""])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=40))
    text = ""
    for piece in pieces:
        text += (draw(_SEPARATOR) if text else "") + piece
    ending = draw(st.sampled_from(["", "", ".", "!", "?", "…", "...", "”", ":"]))
    if draw(st.booleans()):
        text = text.capitalize()
    return text + ending


_TEXT = st.one_of(_texts(), st.text(max_size=80))
_KIND = st.sampled_from(["paragraph", "line", "heading", "list_item", "table_cell", "caption"])
_LANGUAGE = st.sampled_from([None, "en", "de", "ru", "xx"])


def _reference_date_line(text: str) -> bool:
    if _DIGIT.search(text) is None:
        return False
    if _NUMERIC_DATE.search(text) or _CLOCK.search(text):
        return True
    return not _date_words().isdisjoint(_LETTER_RUNS.findall(text.casefold()))


def _reference_header_line(text: str) -> bool:
    return _opens_with_by(text) or _reference_date_line(text) or text.count(" | ") >= 2


def _reference_facts(text: str, kind: str, language: str | None) -> BlockFacts:
    shape = shape_of(text, stopwords_of(language))
    folded = text.casefold()
    phrases = count_matches(_LEXICON.contains_pattern, folded)
    reason = _block_reason(text, folded, kind, shape, _LEXICON, phrases)
    section = _section_cost(kind, shape, text, _LEXICON)
    weight = block_weight(shape, kind, reason is not None, section, phrases)
    header = not shape.prose and _reference_header_line(text)
    data = (
        reason is None
        and not section
        and not shape.prose
        and shape.words >= _DATA_MIN_WORDS
        and _DATA_LINE.search(text) is not None
    )
    return BlockFacts(shape, reason, section, weight, header, data)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _KIND, _LANGUAGE)
def test_block_facts_are_the_plain_analysis(text: str, kind: str, language: str | None) -> None:
    assert block_facts.__wrapped__(text, kind, language) == _reference_facts(text, kind, language)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _KIND, _LANGUAGE)
def test_reason_alone_is_the_plain_reason(text: str, kind: str, language: str | None) -> None:
    if len(text) > 300:
        return
    expected = _reference_facts(text, kind, language).reason
    assert _reason_alone.__wrapped__(text, kind, language) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_comparison_key_is_the_regex_key(text: str) -> None:
    assert comparison_key.__wrapped__(text) == re.sub(r"[\W_]+", " ", text.casefold()).strip()


def test_dates_after_the_first_digit_are_found() -> None:
    for text in ("Posted 3 times, updated 28-01-2026", "Vol. 2 · 9:45 pm EST", "1 de março 2026"):
        assert _reference_date_line(text) is True
        facts = block_facts.__wrapped__(text, "line", "en")
        assert facts.header is True


def test_teasers_by_char_hold_every_teaser_once_longest_first() -> None:
    grouped = [teaser for group in _LEXICON.teasers_by_char.values() for teaser in group]
    assert sorted(grouped) == sorted(_LEXICON.teasers)
    for char, group in _LEXICON.teasers_by_char.items():
        assert all(teaser[0] == char for teaser in group)
        assert list(group) == sorted(group, key=len, reverse=True)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_teaser_test_is_the_plain_test(text: str) -> None:
    folded = text.casefold()
    plain = folded.startswith(_LEXICON.teasers) and _LEXICON.teaser_pattern.match(text) is not None
    assert _is_teaser(text, folded, _LEXICON) == plain


def _reference_weights(
    chars: list[int],
    sections: list[float],
    base_weights: list[float],
    headers: list[bool],
    data: list[bool],
) -> list[float]:
    # _weights as first written: the data runs tested block by block inside the loop.
    weights: list[float] = []
    after_comments, discount, anchor, anchors_left, run = False, 1.0, 0, 2, 0
    tabular = _tabular(data)
    for index, (weight, section, header) in enumerate(
        zip(base_weights, sections, headers, strict=True)
    ):
        if tabular and index in tabular:
            weight = 0.3 * chars[index]
        if section:
            after_comments = after_comments or section == COMMENTS_COST
            discount = 0.3 if after_comments else min(discount, 0.5)
        if weight > 0:
            run = 0
            weight *= discount
            if anchor > 0:
                weight += 400.0
                anchors_left -= 1
            anchor = 0
        else:
            run += 1
            if weight < 0:
                weight *= 1.0 + 0.1 * min(run - 1, 40)
            if anchors_left and not after_comments and header:
                anchor = 4
            else:
                anchor -= 1
        weights.append(weight)
    return weights


_BLOCK_ROW = st.tuples(
    st.integers(0, 400),
    st.sampled_from([0.0, 0.0, 0.0, SECTION_COST, COMMENTS_COST]),
    st.one_of(st.floats(-300, 600), st.sampled_from([0.0, -80.0, 120.0])),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_BLOCK_ROW, max_size=60))
def test_weights_are_the_plain_weights(rows: list[tuple[int, float, float, bool, bool]]) -> None:
    chars = [row[0] for row in rows]
    sections, base, headers, data = ([row[i] for row in rows] for i in range(1, 5))
    shapes = [shape_of("x" * count) for count in chars]
    expected = _reference_weights(chars, sections, base, headers, data)
    assert _weights(shapes, sections, base, headers, data) == expected


_KEY_CHARS = st.sampled_from(
    list("aZ é ßİ ΣσЖж中、。’“”—–‘…«»·•٣²_-.,:;!?|/()'\"0123456789\u00a0\u2003\u200b\u0301ͅ\ud800")
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(_KEY_CHARS, max_size=60), st.text(max_size=60)))
def test_keys_are_the_regex_keys_on_mixed_scripts(text: str) -> None:
    folded = text.casefold()
    assert lexicon_key(text) == re.sub(r"[\W\d_]+", " ", folded).strip()
    assert comparison_key.__wrapped__(text) == re.sub(r"[\W_]+", " ", folded).strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(_texts().map(str.strip), max_size=12), _LANGUAGE)
def test_page_headers_are_the_header_test(texts: list[str], language: str | None) -> None:
    # The headline filter reads these instead of calling is_header_line for blocks that
    # are not prose.
    page = analyse_page([Block(text, "line") for text in texts], language)
    assert len(page.headers) == len(texts)
    for text, shape, header in zip(texts, page.shapes, page.headers, strict=True):
        assert header == (not shape.prose and is_header_line(text))
