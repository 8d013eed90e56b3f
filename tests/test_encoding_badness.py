"""The fast mojibake check in newsclean.filters._badness answers exactly as ftfy's is_bad."""

from __future__ import annotations

import itertools
import re
import sys
from functools import cache
from typing import Any

from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.badness import is_bad as ftfy_is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.filters import _badness
from newsclean.filters._badness import is_bad

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_parse

# Every character any of ftfy's mojibake categories names, plus ASCII letters, digits,
# punctuation and white space that the pattern's other items ([a-z], \s, \w, .) test.
_CATEGORY_CHARS = sorted(
    {
        chr(code)
        for pattern in (re.compile(f"[{chars}]") for chars in MOJIBAKE_CATEGORIES.values())
        for code in range(0x80, 0x10000)
        if pattern.match(chr(code))
    }
)
_ALPHABET = [*_CATEGORY_CHARS, *" aZz.,?!1\n\t_é"]

# Pieces of real mojibake, several of which the pattern's longer alternatives need whole.
_PIECES = ["â€™", "Ã©", "Ã ", "Â ", "ГўВЂВ", "вЂ", "β€", "ā€", "‚Ä", "√±", "×²", "ØØ", "ÙØ"]


_CATEGORY = {
    "CATEGORY_DIGIT": re.compile(r"\d"),
    "CATEGORY_SPACE": re.compile(r"\s"),
    "CATEGORY_WORD": re.compile(r"\w"),
}


def _matches(char: str, op: Any, av: Any) -> bool:
    """Tell whether the one-character item ``(op, av)`` of a parsed pattern matches ``char``."""
    if op is sre_parse.LITERAL:
        return ord(char) == av
    if op is sre_parse.ANY:
        return char != "\n"
    negated = False
    found = False
    for sub_op, sub_av in av:  # IN
        if sub_op is sre_parse.NEGATE:
            negated = True
        elif sub_op is sre_parse.LITERAL:
            found |= ord(char) == sub_av
        elif sub_op is sre_parse.RANGE:
            found |= sub_av[0] <= ord(char) <= sub_av[1]
        else:  # CATEGORY: any other kind fails the test loudly
            found |= _CATEGORY[str(sub_av)].fullmatch(char) is not None
    return found != negated


def _item_sets(items: Any) -> list[frozenset[str]]:
    """The characters of the alphabet each one-character item of a parsed pattern matches."""
    sets: list[frozenset[str]] = []
    for op, av in items:
        if op is sre_parse.BRANCH:
            for branch in av[1]:
                sets += _item_sets(branch.data)
        elif op is sre_parse.MAX_REPEAT:
            sets += _item_sets(av[2].data)
        elif op in (sre_parse.LITERAL, sre_parse.IN, sre_parse.ANY):
            sets.append(frozenset(char for char in _ALPHABET if _matches(char, op, av)))
    return sets


@cache
def _representatives() -> list[str]:
    """One character for each distinct membership pattern in the items of ftfy's regex:
    characters in the same items are interchangeable for it, and for the rewrite."""
    tree = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    sets = _item_sets(tree.data)
    seen: dict[tuple[bool, ...], str] = {}
    for char in _ALPHABET:
        seen.setdefault(tuple(char in chars for chars in sets), char)
    return sorted(seen.values())


def test_the_rewritten_pattern_is_used() -> None:
    # Otherwise every test below would compare ftfy with itself.
    assert _badness._ANCHORED is not None


def test_known_answers() -> None:
    assert is_bad("Chinaâ€™s") is True
    assert is_bad("Ã bien") is True  # an alternative anchored at the start of the text
    assert is_bad("voilÃ  ") is True  # [a-z]\s?[ÃÂ][ ] with no space before Ã
    assert is_bad("le Ã  ") is True  # ... and with one
    assert is_bad("Ã©tÃ©") is True
    assert is_bad("Über “façade” — déjà vu, naïve Ærø, 10 €, №5") is False
    assert is_bad("в" * 300 + "вЂ") is True
    assert is_bad("") is False


def test_every_pair_of_characters() -> None:
    for first, second in itertools.product(_ALPHABET, repeat=2):
        text = first + second
        assert is_bad(text) == ftfy_is_bad(text), text


def test_every_triple_of_representative_characters() -> None:
    representatives = _representatives()
    assert 20 < len(representatives) < 200
    for chars in itertools.product(representatives, repeat=3):
        text = "".join(chars)
        assert is_bad(text) == ftfy_is_bad(text), text


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(_ALPHABET) | st.sampled_from(_PIECES) | st.text("abcXYZ .", max_size=4),
        max_size=24,
    ).map("".join)
)
def test_equals_ftfy_on_accented_text_mojibake_and_punctuation(text: str) -> None:
    assert is_bad(text) == ftfy_is_bad(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_representatives()), min_size=4, max_size=10).map("".join))
def test_equals_ftfy_on_runs_of_representative_characters(text: str) -> None:
    assert is_bad(text) == ftfy_is_bad(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8")))
def test_equals_ftfy_on_any_text(text: str) -> None:
    assert is_bad(text) == ftfy_is_bad(text)
