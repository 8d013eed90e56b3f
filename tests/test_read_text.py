"""read_text: paragraphs, lines, wrapped prose, markdown markers (table-driven)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_cases
from newsclean.readers import read_text
from newsclean.readers.text import (
    _MOJIBAKE_TAIL,
    _ODD_SPACE,
    _SPACES,
    _blocks,
    _fast_blocks,
    _normalise_newlines,
    _squash,
)

CASES = load_cases("read_text")


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_read_text_cases(case: dict[str, Any]) -> None:
    blocks = read_text(case["input"]).blocks
    got = [[block.kind, block.text] for block in blocks]
    assert got == [expected[:2] for expected in case["blocks"]]
    for block, expected in zip(blocks, case["blocks"], strict=True):
        if len(expected) > 2:
            assert block.level == expected[2]


def test_positions_count_up() -> None:
    blocks = read_text("a\n\nb\nc\n\nd").blocks
    assert [block.position for block in blocks] == [0, 1, 2, 3]
    assert [block.blank_before for block in blocks] == [True, True, False, True]


def test_line_breaks_of_every_kind_split_lines() -> None:
    text = "Home\r\nWorld\rSport\u2028Weather\u2029News\x0bTravel\x0cFood\n\nBody."
    blocks = read_text(text).blocks
    assert [block.text for block in blocks] == [
        "Home",
        "World",
        "Sport",
        "Weather",
        "News",
        "Travel",
        "Food",
        "Body.",
    ]


def test_runs_of_spaces_tabs_and_typographic_spaces_become_one_space() -> None:
    text = "a  b\tc\u2003d \u3000 e\u00a0f\n\nplain line"
    assert [block.text for block in read_text(text).blocks] == ["a b c d e\u00a0f", "plain line"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab \t\u00a0\u0085\u2003\u202fÃé")), max_size=30))
def test_squash_matches_its_regex_definition(line: str) -> None:
    squashed = _SPACES.sub(" ", line)
    core = squashed.strip()
    tail = _MOJIBAKE_TAIL.search(squashed)
    expected = core + tail.group(1) if tail is not None and core else core
    assert _squash(line) == expected


# Lines of the kinds read_text tells apart, for the fast path's property: blank lines (with
# spaces, tabs and no-break spaces), short labels, bullets, numbers, wrapped prose of
# about the same width, markdown headings and setext underlines, quotes, and lines with
# indentation, runs of spaces, tabs, typographic spaces, NELs and mojibake tails.
_PROSE = "The council voted on Tuesday to expand the bus network, adding six new routes"
_LINES = st.one_of(
    st.sampled_from(["", " ", "\t", "\u00a0", " \u00a0\t "]),
    st.sampled_from(["Home", "World", "By Jane Doe", "Jane Doe | Taipei | Updated", "12"]),
    st.builds(
        "{}{} {}".format,
        st.sampled_from(["", "  ", "\t", "\u00a0"]),
        st.sampled_from(["*", "-", "+", "•", "1.", "12)", "#", "##", "###", ">", "=", "a"]),
        st.sampled_from(["item", "Heading ##", "quoted text", "x", "well-"]),
    ),
    st.builds(
        "{}{}{}".format,
        st.sampled_from(["", "", "", "* ", "  2. "]),
        st.builds(_PROSE.__getitem__, st.builds(slice, st.integers(20, 80))),
        st.sampled_from(["", "-"]),
    ),
    st.sampled_from(["===", "---", "  --  ", "> a", ">b", "#no heading", "*not bullet"]),
    st.text(st.sampled_from(list("ab -*#>1.\t\u00a0\u0085\u2003\u3000Ãé|")), max_size=12),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, max_size=14))
def test_fast_path_makes_the_blocks_of_the_general_path(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert _fast_blocks(text) == list(_blocks(text))


# Paragraphs of two or more lines (no blank line among them): the fast path reads these line
# by line and makes the blocks again, merged, when the paragraph turns out to be wrapped.
_PARAGRAPH_LINES = _LINES.filter(lambda line: line.strip(" \t\u00a0") != "")


@settings(max_examples=400, deadline=None)
@given(st.lists(_PARAGRAPH_LINES, min_size=2, max_size=10), st.lists(_LINES, max_size=4))
def test_fast_path_reads_one_paragraph_as_the_general_path(
    paragraph: list[str], after: list[str]
) -> None:
    text = "\n".join([*paragraph, "", *after])
    assert _fast_blocks(text) == list(_blocks(text))


# Bullet lines as "* item" with the ways an item can differ from what follows the marker
# and its space: indentation and gaps of other spaces, runs of spaces, non-ASCII text.
_BULLET_LINES = st.builds(
    "{}{}{}{}".format,
    st.sampled_from(["", "  ", "    ", "\u00a0", " \x1c", "\u2003 "]),
    st.sampled_from(["*", "+", "-", "•", "1.", "*a", "#"]),
    st.sampled_from([" ", "  ", " \u00a0", "\u00a0", ""]),
    st.text(st.sampled_from(list("ab  -*é\u00a0")), min_size=1, max_size=8),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_BULLET_LINES, _PARAGRAPH_LINES), min_size=1, max_size=8))
def test_fast_path_reads_bullets_as_the_general_path(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert _fast_blocks(text) == list(_blocks(text))


def test_ascii_spaces() -> None:
    # _fast_blocks takes an ASCII line of a page without tabs or \x1c-\x1f to have no
    # space but the plain space: the others are line breaks read_text makes \n.
    spaces = [chr(code) for code in range(128) if chr(code).isspace()]
    assert spaces == ["\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", " "]
    assert _normalise_newlines("a\x0bb\x0cc\rd") == "a\nb\nc\nd"


def test_odd_spaces_are_not_printable() -> None:
    # _squash_stripped skips the _ODD_SPACE search on printable text.
    odd = [chr(code) for code in range(0x3001) if _ODD_SPACE.match(chr(code))]
    assert len(odd) == 15
    assert not any(char.isprintable() for char in odd)
