"""read_text: paragraphs, lines, wrapped prose, markdown markers (table-driven)."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import load_cases
from newsclean.readers import read_text

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
