"""ExtractHeadline and ExtractSource: title, dek and source URL into metadata."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_cases
from newsclean import Pipeline
from newsclean.filters import ExtractHeadline, ExtractSource
from newsclean.readers import read_text

CASES = load_cases("headline")
PIPELINE = Pipeline([ExtractSource(), ExtractHeadline()])


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_headline_cases(case: dict[str, Any]) -> None:
    doc = PIPELINE(read_text(case["input"]))
    assert doc.meta.title == case["title"]
    assert doc.meta.description == case["description"]
    assert doc.meta.source_url == case.get("source_url")
    if case["text"] is not None:
        assert doc.text == case["text"]
    for edit in doc.edits:
        assert edit.action == "extract"
        assert edit.reason in ("the headline", "the dek", "the source URL line")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_never_raises_never_grows_and_is_idempotent(text: str) -> None:
    doc = read_text(text)
    once = PIPELINE(doc)
    assert len(once.text) <= len(doc.text)
    twice = PIPELINE(once)
    assert twice.text == once.text
    assert twice.meta == once.meta
