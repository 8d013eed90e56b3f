"""read_text: paragraphs, lines, wrapped prose, markdown markers (table-driven)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_cases
from newsclean.readers import read_text
from newsclean.readers.text import _MOJIBAKE_TAIL, _SPACES, _squash

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
