"""FixEncoding's checks of what can need a repair: exact, and the same joined as text by text."""

from __future__ import annotations

import re
import string

import ftfy
from ftfy.chardata import HTML_ENTITY_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.document import Block, Document, Edit, Metadata
from newsclean.filters._badness import is_bad
from newsclean.filters.encoding import (
    NEWS_FIXER_CONFIG,
    FixEncoding,
    _changeable,
    _needing_fix,
    fix_encoding_and_explain,
    needs_fixing,
)

# Ampersands in and out of entities, next to what else can need a repair.
_PIECES = [
    "&",
    "&&",
    "amp;",
    "AMP;",
    "#",
    "#8220;",
    "#x201C;",
    "eacute;",
    "EACUTE;",
    "nbsp",
    ";",
    "notanentity;",
    "a" * 25 + ";",
    "\n",
    "  ",
    "Ã©",
    "â€™",
    "é",
    "e\u0301",
    "\u200b",
    "\x85",
    "\r",
    "ﬁ",
    "’",
    "Ã ",
    "Â ",
    "À€",
    "ØØ",
]
entity_like = st.lists(
    st.sampled_from(_PIECES) | st.text(string.ascii_letters + string.digits + " .", max_size=3),
    max_size=14,
).map("".join)
text_lists = st.lists(entity_like | st.text(max_size=12), max_size=6)


def test_only_an_ampersand_that_starts_an_entity_can_need_a_repair() -> None:
    assert not needs_fixing("AT&T and P&G, 5 & 6, R&D.")
    assert needs_fixing("R&D;")  # "&D;" has the shape of an entity
    assert needs_fixing("AT&amp;T")
    assert needs_fixing("&#8220;quoted&#8221;")
    assert needs_fixing("P&EACUTE;REZ")
    assert needs_fixing("&unknown;")  # a maybe: ftfy leaves it, the repair finds that out
    assert FixEncoding()(Document(blocks=(Block("AT&T  and  P&G"),))).blocks[0].text == (
        "AT&T  and  P&G"
    )


def test_ampersands_count_when_html_entities_are_not_decoded() -> None:
    config = NEWS_FIXER_CONFIG._replace(unescape_html=False)
    assert not needs_fixing("AT&amp;T", config)
    assert fix_encoding_and_explain("AT&amp;T", config) == ("AT&amp;T", [])


@settings(max_examples=500, deadline=None)
@given(entity_like)
def test_the_changeable_pattern_is_the_class_or_ftfys_entity(text: str) -> None:
    pattern = _changeable(NEWS_FIXER_CONFIG)
    without_entities = _changeable(NEWS_FIXER_CONFIG._replace(unescape_html=False))
    expected = without_entities.search(text) is not None or HTML_ENTITY_RE.search(text) is not None
    assert (pattern.search(text) is not None) == expected


@settings(max_examples=500, deadline=None)
@given(entity_like)
def test_skipped_text_is_text_ftfy_leaves_alone(text: str) -> None:
    if not needs_fixing(text):
        assert ftfy.fix_and_explain(text, NEWS_FIXER_CONFIG).text == text
        assert fix_encoding_and_explain(text) == (text, [])


def test_joined_check_finds_what_only_starts_a_text_and_ignores_what_the_join_makes() -> None:
    # ftfy's "^[ÃÂ][ ]" holds at the start of the second text, not of the joined text.
    assert is_bad("Ã x")
    assert not is_bad("OK.\nÃ x")
    assert _needing_fix(["OK.", "Ã x"], NEWS_FIXER_CONFIG) == {"Ã x"}
    # "\sÀ€" is mojibake; "À€" alone is not, and "x" is not.
    assert is_bad("x\nÀ€")
    assert not is_bad("À€")
    assert _needing_fix(["x", "À€"], NEWS_FIXER_CONFIG) == set()


_CONFIGS = [
    NEWS_FIXER_CONFIG,
    ftfy.TextFixerConfig(),
    NEWS_FIXER_CONFIG._replace(fix_encoding=False),
    NEWS_FIXER_CONFIG._replace(unescape_html=False, normalization=None),
]


@settings(max_examples=400, deadline=None)
@given(text_lists, st.sampled_from(_CONFIGS))
def test_joined_check_flags_exactly_what_needs_fixing_flags(
    texts: list[str], config: ftfy.TextFixerConfig
) -> None:
    assert _needing_fix(texts, config) == {text for text in texts if needs_fixing(text, config)}


@settings(max_examples=300, deadline=None)
@given(text_lists, st.lists(entity_like, max_size=2), entity_like | st.none())
def test_each_text_is_repaired_as_if_alone(
    texts: list[str], authors: list[str], title: str | None
) -> None:
    fixer = FixEncoding()
    doc = Document(
        blocks=tuple(Block(text) for text in texts),
        meta=Metadata(title=title, authors=tuple(authors)),
    )
    fixed = fixer(doc)
    alone = [fixer(Document(blocks=(Block(text),))) for text in texts]
    assert [block.text for block in fixed.blocks] == [one.blocks[0].text for one in alone]
    block_edits: list[Edit] = [edit for one in alone for edit in one.edits]
    assert list(fixed.edits[: len(block_edits)]) == block_edits
    meta_alone = fixer(Document(meta=Metadata(title=title, authors=tuple(authors))))
    assert fixed.meta == meta_alone.meta
    assert list(fixed.edits[len(block_edits) :]) == list(meta_alone.edits)
    if fixed.text == doc.text and fixed.meta == doc.meta:
        assert fixed is doc


def test_entity_pattern_is_the_one_this_module_expects() -> None:
    # _changeable falls back to flagging every "&" if ftfy's pattern stops looking like this.
    assert re.fullmatch(r"&#\?\[0-9A-Za-z\]\{1,24\};", HTML_ENTITY_RE.pattern)
