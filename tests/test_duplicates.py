"""DropDuplicates: table-driven cases and properties."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_cases
from newsclean import Block, Document, Metadata
from newsclean.filters import DropDuplicates
from newsclean.readers import read_text

CASES = load_cases("duplicates")


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_duplicates_cases(case: dict[str, Any]) -> None:
    doc = read_text(case["input"])
    if "title" in case:
        doc = doc.with_meta(title=case["title"])
    cleaned = DropDuplicates()(doc)
    expected = case["expected"] if case["expected"] is not None else doc.text
    assert cleaned.text == expected
    assert cleaned.meta.description == case["description"]


def test_title_printed_again_goes() -> None:
    doc = Document(
        blocks=(
            Block("Opinion | Council expands bus network"),
            Block("The council voted on Tuesday."),
        ),
        meta=Metadata(title="Council expands bus network"),
    )
    cleaned = DropDuplicates()(doc)
    assert cleaned.text == "The council voted on Tuesday."
    assert cleaned.edits[0].reason == "the title printed again"


def test_a_paragraph_that_starts_with_the_title_stays() -> None:
    body = "Council expands bus network after a long campaign by residents of the northern suburbs."
    doc = Document(blocks=(Block(body),), meta=Metadata(title="Council expands bus network"))
    assert DropDuplicates()(doc).text == body


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=10))
def test_never_raises_never_grows_and_is_idempotent(parts: list[str]) -> None:
    doc = read_text("\n\n".join(parts))
    once = DropDuplicates()(doc)
    assert len(once.text) <= len(doc.text)
    assert DropDuplicates()(once).text == once.text
    assert (once.edits == ()) == (once.text == doc.text and once.meta == doc.meta)
