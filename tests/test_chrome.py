"""DropChrome: table-driven cases in several languages, and properties."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_cases
from newsclean import Block, Document
from newsclean.filters import DropChrome
from newsclean.readers import read_text

CASES = load_cases("chrome")


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_chrome_cases(case: dict[str, Any]) -> None:
    doc = read_text(case["input"])
    cleaned = DropChrome()(doc)
    expected = case["expected"] if case["expected"] is not None else doc.text
    assert cleaned.text == expected
    removed = {edit.before for edit in cleaned.edits}
    assert all(edit.filter == "chrome" and edit.action == "remove" for edit in cleaned.edits)
    assert removed.isdisjoint(block.text for block in cleaned.blocks) or len(cleaned.blocks) == 0


def test_every_removal_says_why() -> None:
    page = "Home\nWorld\nSport\n\n" + CASES[0]["expected"] + "\n\nAdvertisement"
    cleaned = DropChrome()(read_text(page))
    reasons = [edit.reason for edit in cleaned.edits]
    assert reasons[0] == "before the article's prose: a chrome label"
    assert reasons[-1] == "after the article's prose: a chrome label"


def test_keep_outside_core_removes_only_proven_chrome() -> None:
    page = "Opening hours\n\n" + CASES[0]["expected"] + "\n\nAdvertisement"
    cleaned = DropChrome(keep_outside_core=True)(read_text(page))
    assert cleaned.text.startswith("Opening hours\n\n")
    assert "Advertisement" not in cleaned.text


# Sentences over a small vocabulary: real words, spaces, terminal punctuation.
_VOCABULARY = (
    "the council said new bus routes would start in spring residents welcomed plan "
    "officials city meeting budget drivers because however which after before their"
)
_WORDS = st.sampled_from(_VOCABULARY.split())
_SENTENCE = st.lists(_WORDS, min_size=8, max_size=25).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=8))
def test_prose_paragraphs_all_survive(paragraphs: list[str]) -> None:
    doc = Document(blocks=tuple(Block(p) for p in paragraphs))
    assert DropChrome()(doc).text == doc.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=600))
def test_never_raises_never_grows_and_is_idempotent(text: str) -> None:
    doc = read_text(text)
    once = DropChrome()(doc)
    assert len(once.text) <= len(doc.text)
    twice = DropChrome()(once)
    assert twice.text == once.text
    assert (once.edits == ()) == (once.text == doc.text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(_PARAGRAPH, st.sampled_from(["Home", "Share", "Advertisement", "1", "Trending"])),
        max_size=12,
    )
)
def test_idempotent_on_mixed_pages(parts: list[str]) -> None:
    doc = read_text("\n\n".join(parts))
    once = DropChrome()(doc)
    assert DropChrome()(once).blocks == once.blocks


@pytest.mark.parametrize(
    "text",
    [
        "Read more: " + "the council met again on Monday to discuss the budget. " * 4,
        "We use cookies. By continuing you accept our privacy policy. " * 4,
        "Officials met on Monday to discuss the new trade deal, the ministry said. " * 3,
        "Home World Business Sport Culture Opinion Video Podcasts Weather " * 4,
        "1234 - 5678 / 9012 " * 12,
    ],
)
def test_reason_of_a_line_too_long_for_the_lexicon_is_the_full_analysis(text: str) -> None:
    text = text.strip()
    from newsclean.filters.chrome import _block_reason, _reason_alone
    from newsclean.filters.shape import cached_shape, chrome_lexicon, count_matches

    assert 200 < len(text) <= 300
    lexicon = chrome_lexicon()
    folded = text.casefold()
    for kind in ("paragraph", "table_cell"):
        full = _block_reason(
            text,
            folded,
            kind,
            cached_shape(text, "en"),
            lexicon,
            count_matches(lexicon.contains_pattern, folded),
        )
        assert _reason_alone.__wrapped__(text, kind, "en") == full
