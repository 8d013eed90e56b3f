"""The compiled ``block_facts`` gives what the Python code gives, on any text.

``chrome._block_facts`` (``newsclean._speedups``, src/newsclean/_speedups_facts.c) is
compared with its reference ``chrome._block_facts_python`` under hypothesis, on arbitrary
text, on the characters that matter to it and on generated chrome-like lines (lexicon
phrases, separators, numbers and dates, bylines, credits, comment counts), for every kind
of block and language; then on every distinct block of the benchmark corpus. Other tests
check, over all of Unicode, the facts about characters its pre-checks rely on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import clean
from newsclean.filters import chrome
from newsclean.filters.chrome import (
    _COMMENT_COUNT,
    _CREDIT,
    _CREDIT_WORDS,
    _CREDITED_AGENCIES,
    _DATA_LINE,
    _WIRE_AGENCIES,
    BlockFacts,
    _block_facts_python,
)
from newsclean.filters.shape import (
    _CLOCK,
    COMMENTS_COST,
    COMPILED,
    Shape,
    _date_words,
    _stopwords,
    chrome_lexicon,
)
from newsclean.lexicon import load

compiled_only = pytest.mark.skipif(not COMPILED, reason="the C accelerator is not in use")

_KINDS = ["paragraph", "line", "heading", "list_item", "quote", "caption", "table_cell"]
_LANGUAGES = [None, "", "xx", *_stopwords()]
# The characters of tests/test_speedups.py, and those the pre-checks single out: the ones
# that match ASCII letters under IGNORECASE (İ ı ſ K), the Kelvin sign's neighbours, the
# separators of navigation rows and the en dash of data lines.
_TRICKY = (
    "abcXYZ019_ .,;:!?\"'()-|/&+©\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2003\u3000"
    "ßİΣσςﬁéÉñÑüÜçœæøåÅäöÄÖ"
    "ЖжПриветфото"
    "٣²½Ⅻ𝟘"
    "’“”—–‘…«»›·•>"
    "。！？」』中文日本語한국"
    "ıſ\u212a\u212b"
)
_LEXICON = chrome_lexicon()
_BY = sorted({phrase for group in load("bylines")["by"].values() for phrase in group})
_PIECES = st.one_of(
    st.sampled_from(sorted(_LEXICON.lines)),
    st.sampled_from(_LEXICON.prefixes),
    st.sampled_from(_LEXICON.teasers),
    st.sampled_from(sorted(_LEXICON.sections | _LEXICON.comments)),
    st.sampled_from(_LEXICON.contains),
    st.sampled_from(sorted(_LEXICON.social)),
    st.sampled_from(sorted(_date_words())),
    st.sampled_from(_BY),
    st.sampled_from(["Advertisement", "READ MORE", "Share", "Jane Doe", "the", "und", "и"]),
    st.sampled_from(["|", " | ", " › ", " / ", "/", "•", "·", ">", "»", "–", ":", "-", "*"]),
    st.sampled_from(["(", ")", "...", "…", "\n", "  ", "\t", ".", "!", "?", "”", "_"]),
    st.sampled_from(["12", "3", "2019", "12/03/2019", "1.2.2020", "10:30", "9h15", "10:30 am"]),
    st.sampled_from(["7 p.m.", "18 Uhr", "10.45 EST", "123-45-6789", "1a", "٣/٣/٢٠٢٠"]),
    st.sampled_from(["credit", "Credit:", "Photo:", "photo by", "Photograph by", "Foto:"]),
    st.sampled_from(["Image credit", "фото:", "Bild:", "imagen", "PHOTOS", "photocredit"]),
    st.sampled_from(["(AP Photo/Jane Doe)", "(Getty Images)", "/ AFP", "/Reuters", "(EPA)"]),
    st.sampled_from([*_CREDITED_AGENCIES, *_CREDIT_WORDS, "AP", "Getty Images", "ReUters"]),
    st.sampled_from(["34 comments", "12 responses to", "Kommentare", "комментарии", "3 replies"]),
    st.sampled_from(["İ", "ı", "ſ", "\u212a", "ß", "Σ", "ﬁ", "É", "Ж", "中", "😀", "𐐀"]),
    st.text(alphabet=_TRICKY, max_size=5),
)
_SEPARATORS = st.sampled_from(["", " ", " ", "  ", ": ", " – ", ", ", "\n", "/", "(", ")"])
chrome_lines = st.lists(st.tuples(_PIECES, _SEPARATORS), min_size=1, max_size=14).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)
texts = st.one_of(
    st.text(),
    st.text(alphabet=_TRICKY, max_size=80),
    chrome_lines,
    st.text(alphabet=_TRICKY, min_size=190, max_size=320),
    st.lists(chrome_lines, min_size=2, max_size=6).map(" ".join),
)


def assert_same_facts(text: str, kind: str, language: str | None) -> BlockFacts:
    """The compiled facts of a block, checked against the reference (values and types)."""
    compiled = chrome._block_facts(text, kind, language)
    expected = _block_facts_python(text, kind, language)
    assert type(compiled) is BlockFacts
    assert type(compiled.shape) is Shape
    assert compiled == expected, (text, kind, language)
    assert list(map(type, compiled)) == list(map(type, expected))
    assert list(map(type, compiled.shape)) == list(map(type, expected.shape))
    return compiled


@compiled_only
@settings(max_examples=400)
@given(texts, st.sampled_from(_KINDS), st.sampled_from(_LANGUAGES))
def test_compiled_facts_are_the_python_facts(text: str, kind: str, language: str | None) -> None:
    assert_same_facts(text, kind, language)


@compiled_only
@settings(max_examples=300)
@given(chrome_lines, st.sampled_from(_KINDS), st.sampled_from(_LANGUAGES))
def test_compiled_facts_of_chrome_like_lines(text: str, kind: str, language: str | None) -> None:
    assert_same_facts(text, kind, language)


@pytest.mark.parametrize(
    ("text", "kind", "reason", "section", "header", "data"),
    [
        ("Advertisement", "line", chrome._LABEL, 0.0, False, False),
        ("Read more: The deal that ended the strike", "paragraph", chrome._TEASER, 0, 0, 0),
        ("Sign up for our newsletter", "line", chrome._PREFIXED, 150.0, False, False),
        ("Cookies help us deliver our services", "line", chrome._PHRASED, 0.0, False, False),
        ("Facebook Twitter WhatsApp Email", "list_item", chrome._SHARE_ROW, 0.0, 0, 0),
        ("A crowd outside the court. (AP Photo/Jane Doe)", "line", chrome._CREDIT_LINE, 0, 0, 0),
        ("Fans at the stadium in Rome / Getty Images", "caption", chrome._CREDIT_LINE, 0, 0, 0),
        ("Ein Foto: Bild von dpa", "caption", chrome._CREDIT_LINE, 0.0, False, False),
        ("Home | World | Business | Sport", "line", chrome._NAVIGATION_ROW, 0.0, True, False),
        ("Home › World › Europe", "line", chrome._NAVIGATION_ROW, 0.0, False, False),
        ("12 / 03", "line", chrome._NO_WORDS_REASON, 0.0, False, False),
        ("12 / 03", "table_cell", None, 0.0, False, False),
        ("34 comments", "heading", chrome._LABEL, COMMENTS_COST, False, False),
        ("34 comments", "list_item", chrome._LABEL, 0.0, False, False),
        ("By Jane Doe, Staff Writer", "line", None, 0.0, True, False),
        ("Updated: 28-01-2026 07:09 IST", "line", None, 0.0, True, True),
        ("1a etapa: 10 de março – Interlagos", "list_item", None, 0.0, True, True),
        ("Officials met on Monday to discuss the new trade deal.", "paragraph", None, 0, 0, 0),
        (
            "We use cookies to improve your experience. By continuing you accept our privacy "
            "policy.",
            "paragraph",
            chrome._NOTICE,
            0.0,
            False,
            False,
        ),
    ],
)
def test_facts_of_known_lines(
    text: str, kind: str, reason: str | None, section: float, header: bool, data: bool
) -> None:
    facts = assert_same_facts(text, kind, "en")
    assert (facts.reason, facts.section, facts.header, facts.data) == (
        reason,
        section,
        header,
        data,
    )
    if reason is not None:
        assert facts.reason is reason  # the reason strings themselves, not copies


@pytest.mark.parametrize(
    "text",
    ["Straße", "İstanbul", "ΣΑΣ ς", "ﬁle", "ŸA", "µ", "\u212a", "ǅ", "x\U00010400y", "中文 News"],
)
def test_compiled_case_folding(text: str) -> None:
    # Characters that fold to more than one, to a smaller or larger kind of str, or beyond
    # the BMP (two of those together once made an invalid largest character).
    for extra in ("", " \U00010000\U00100000", " Ÿ"):
        assert_same_facts(text + extra, "line", "en")


@compiled_only
def test_compiled_facts_of_every_corpus_block(
    article_text_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[tuple[str, str, str | None], None] = {}
    cached = chrome.block_facts

    def record(text: str, kind: str, language: str | None) -> BlockFacts:
        seen[text, kind, language] = None
        return cached(text, kind, language)

    monkeypatch.setattr(chrome, "block_facts", record)
    for path in sorted(article_text_dir.glob("*.txt")):
        clean(path.read_text(encoding="utf-8"))
    assert len(seen) > 10000
    for text, kind, language in seen:
        assert_same_facts(text, kind, language)


def test_reasons_are_not_leaked() -> None:
    lines = ["Advertisement", "Home | World | Business", "Photo: Reuters", "12 / 03", "x" * 250]
    for line in lines:
        chrome._block_facts(line, "line", "en")  # the parts are loaded, the pages folded
    before = [sys.getrefcount(reason) for reason in (chrome._LABEL, chrome._NAVIGATION_ROW)]
    for _ in range(1000):
        for line in lines:
            chrome._block_facts(line, "line", "en")
    after = [sys.getrefcount(reason) for reason in (chrome._LABEL, chrome._NAVIGATION_ROW)]
    assert after == before


@compiled_only
def test_wrong_arguments_raise_type_errors() -> None:
    with pytest.raises(TypeError):
        chrome._block_facts(b"Advertisement", "line", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        chrome._block_facts("Advertisement", 3, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        chrome._block_facts("Advertisement", "line")  # type: ignore[call-arg]
    with pytest.raises(TypeError):  # an unhashable language, as in stopwords_of
        chrome._block_facts("Advertisement", "line", ["en"])  # type: ignore[arg-type]


@compiled_only
def test_parts_that_do_not_fit_raise_and_a_later_call_loads_them() -> None:
    from newsclean._speedups import facts_function

    calls: list[int] = []

    def parts() -> dict[str, object]:
        calls.append(1)
        found = chrome._facts_parts()
        if len(calls) == 1:
            found["label"] = found.pop("lines")
        elif len(calls) == 2:
            found["lines"] = ["advertisement"]  # not a frozenset
        elif len(calls) == 3:
            found["extra"] = None
        return found

    compiled = facts_function(BlockFacts, parts)
    with pytest.raises(KeyError, match="lines"):
        compiled("Advertisement", "line", None)
    with pytest.raises(TypeError, match="lines"):
        compiled("Advertisement", "line", None)
    with pytest.raises(TypeError, match="not the dict"):
        compiled("Advertisement", "line", None)
    assert compiled("Advertisement", "line", None) == _block_facts_python(
        "Advertisement", "line", None
    )
    assert len(calls) == 4
    compiled("Advertisement", "line", None)
    assert len(calls) == 4  # loaded once


# ---------------------------------------------------------------- what the pre-checks rely on

_ALL = "".join(map(chr, range(sys.maxunicode + 1)))


def _matching(pattern: str) -> set[str]:
    """The characters of all of Unicode that ``pattern`` (one character long) matches."""
    return set(re.findall(pattern, _ALL))


def _holding(test: Callable[[str], bool]) -> set[str]:
    return {char for char in _ALL if test(char)}


def test_only_four_other_characters_match_ascii_letters_ignoring_case() -> None:
    # _CREDIT and _CLOCK in plain text (no İ ı ſ K): only ASCII letters match their letters.
    other = {char for char in _matching(r"(?i)[a-z]") if not char.isascii()}
    assert other == {"İ", "ı", "ſ", "\u212a"}


def test_the_letters_of_the_credit_words_match_what_folds_to_them() -> None:
    # A match of _CREDIT's words in plain text (no İ ı ſ K) is a word of _CREDIT_WORDS in
    # the case-folded text: whatever matches one of their letters folds to that letter.
    for letter in set("".join(_CREDIT_WORDS)):
        matching = _matching(f"(?i){re.escape(letter)}") - {"İ", "ı", "ſ", "\u212a"}
        assert {char.casefold() for char in matching} == {letter}


def test_the_letters_of_the_pre_checks_match_only_their_cases() -> None:
    assert _matching(r"(?i)[:.h]") == set(":.hH")  # after the hours of _CLOCK
    # The first letters of the words of _COMMENT_COUNT, and the Kelvin sign.
    assert _matching(r"(?i)[crkк]") == set("crkкCRKК\u212a")


def test_the_character_classes_the_pre_checks_use() -> None:
    spaces = _matching(r"\s")
    words = _matching(r"\w")
    assert not spaces & words  # "\s+\w": a run of white space, then a \w
    assert spaces == _holding(str.isspace)
    assert words == _holding(str.isalnum) | {"_"}
    assert _matching(r"\d") == _holding(str.isdecimal)
    assert not _holding(str.isalpha) & _holding(str.isdecimal)  # no letter is a \d
    # Below U+1680 only ASCII white space, U+0085 and U+00A0 are white space.
    assert {char for char in spaces if char < "\u1680" and not char.isascii()} == {
        "\x85",
        "\xa0",
    }


def test_the_patterns_the_pre_checks_prove_are_the_ones_in_use() -> None:
    # The pre-checks of the C code follow these patterns; a change here needs one there.
    assert _COMMENT_COUNT.pattern.startswith(r"^\W*(?:\d+\s+)?(?:comments?|responses?|")
    assert _DATA_LINE.pattern == r"\d.*[:–]\s+\w|\w[:–]\s+.*\d"
    assert _CLOCK.pattern.startswith(r"\b\d{1,2}[:.h]\d{2}")
    assert _CREDIT.flags & re.IGNORECASE
    assert _CREDITED_AGENCIES[: len(_WIRE_AGENCIES)] == _WIRE_AGENCIES
