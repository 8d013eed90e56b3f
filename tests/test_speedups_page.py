"""The compiled page glue (src/newsclean/_speedups_page.c) gives what its Python reference gives.

Each compiled function of the part "page" of ``newsclean._speedups`` is compared, under
hypothesis, with the Python code it replaces: the language guess and the comparison keys
(with their memos, fresh, filled and overflowing), the page analysis over random block
facts, and the edits of the chrome and duplicate filters. A last group runs them over every
page of the shared text corpus (skipped when it is absent).
"""

from __future__ import annotations

import dataclasses
import gc
import math
import pickle
import tracemalloc
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import TRICKY_CHARACTERS, shared_dir
from newsclean.document import Block, BlockKind, Document, Edit, Metadata
from newsclean.filters import chrome, duplicates, shape
from newsclean.filters.chrome import BlockFacts, PageAnalysis, analyse_facts, block_facts
from newsclean.filters.shape import (
    COMMENTS_COST,
    SECTION_COST,
    Core,
    Shape,
    _all_stopwords,
    _language_indexes,
    _language_of_counts,
    _stop_word_counts,
    _TextMemo,
    comparison_key,
)
from newsclean.pipeline import default_pipeline
from newsclean.readers import read

speedups = pytest.importorskip(
    "newsclean._speedups", reason="the C accelerator is not built (a pure-Python install)"
)

# Stop words of several languages (so that guesses are made and tie), in several cases.
_WORDS = [
    "the", "The", "THE", "and", "of", "is", "und", "der", "die", "für", "le", "la", "et",
    "était", "el", "los", "и", "что", "не", "Officials", "met", "Monday.", "x" * 70,
]  # fmt: skip
texts = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=TRICKY_CHARACTERS, max_size=60),
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text(alphabet=TRICKY_CHARACTERS, max_size=6)),
        max_size=40,
    ).map(" ".join),
)
_KINDS: list[BlockKind] = ["paragraph", "heading", "list_item", "quote", "caption", "line"]


@cache
def _language_table() -> tuple[Any, ...]:
    """shape._language_table, made here: it needs the extension, which a pure-Python run
    of the tests has but shape does not use."""
    return (speedups.WordSet(sorted(_all_stopwords())), *_language_indexes())


def _reference_language(texts: Sequence[str], limit: int) -> str | None:
    return _language_of_counts(*_stop_word_counts(texts, limit))


# ---------------------------------------------------------------- guess_language, keys


@settings(max_examples=200)
@given(st.lists(texts, max_size=12), st.integers(min_value=0, max_value=60))
def test_guess_language_is_the_reference_with_any_memo(page: list[str], limit: int) -> None:
    expected = _reference_language(page, limit)
    memo, keys = _TextMemo(16384), _TextMemo(16384)
    table = _language_table()
    assert speedups.guess_language(iter(page), limit, table, memo, keys) == expected
    assert speedups.guess_language(page, limit, table, memo, keys) == expected  # from the memo
    # A memo that overflows is emptied and refilled: the guess does not change.
    small, small_keys = _TextMemo(2), _TextMemo(1)
    assert speedups.guess_language(page, limit, table, small, small_keys) == expected
    assert len(small) <= 2
    assert len(small_keys) <= 1
    # Texts that were case-folded on the way have their comparison key kept.
    assert all(keys[text] == comparison_key(text) for text in keys)


def test_guess_language_picks_the_language_of_the_first_stop_words_on_a_tie() -> None:
    # "und" is German only and "et" French only; eight hits each: the first one wins.
    table = _language_table()
    for page, language in ((["und " * 8 + "et " * 8], "de"), (["et " * 8 + "und " * 8], "fr")):
        assert _reference_language(page, 1500) == language
        assert speedups.guess_language(page, 1500, table, _TextMemo(8), _TextMemo(8)) == language
    # Fewer than eight hits, or fewer than 12% of the words: no language.
    assert speedups.guess_language(["und " * 7], 1500, table, _TextMemo(8), _TextMemo(8)) is None
    many = ["und " * 8 + "x " * 60]
    assert _reference_language(many, 1500) is None
    assert speedups.guess_language(many, 1500, table, _TextMemo(8), _TextMemo(8)) is None


def test_guess_language_reads_a_text_from_the_memo() -> None:
    table = _language_table()
    memo = _TextMemo(8)
    german = "und der das " * 4
    assert speedups.guess_language([german], 1500, table, memo, _TextMemo(8)) == "de"
    # The memo's entry is trusted: a text given another text's entry counts its stop words.
    memo["zzz"] = memo[german]
    assert speedups.guess_language(["zzz"], 1500, table, memo, _TextMemo(8)) == "de"
    assert _reference_language(["zzz"], 1500) is None


def test_guess_language_stops_after_the_text_that_reaches_the_limit() -> None:
    table = _language_table()
    page = ["one two three", "und der das und der das und der das"]
    assert _reference_language(page, 3) is None
    assert speedups.guess_language(page, 3, table, _TextMemo(8), _TextMemo(8)) is None
    assert speedups.guess_language(page, 4, table, _TextMemo(8), _TextMemo(8)) == "de"


def test_a_broken_memo_entry_is_an_error_not_a_crash() -> None:
    table = _language_table()
    for entry in (b"", b"abc", (5).to_bytes(8, "little") + (10**6).to_bytes(8, "little"), "x"):
        memo = _TextMemo(8)
        memo["text"] = entry
        with pytest.raises(ValueError, match="broken memo entry"):
            speedups.guess_language(["text"], 10, table, memo, _TextMemo(8))


@given(st.lists(texts, max_size=12), st.integers(min_value=0, max_value=4))
def test_comparison_keys_are_the_comparison_key_of_each_text(page: list[str], maxsize: int) -> None:
    expected = [comparison_key(text) for text in page]
    memo = _TextMemo(maxsize)
    assert speedups.comparison_keys(page, memo) == expected
    assert speedups.comparison_keys(iter(page), memo) == expected  # from the memo
    assert len(memo) <= maxsize
    assert shape.comparison_keys(page) == expected


# ---------------------------------------------------------------- analyse_facts

_REASONS = [None, None, None, "a chrome label", "a line without words", ""]
_SECTIONS = [0.0, 0.0, 0.0, 0.0, SECTION_COST, COMMENTS_COST, 75.5, -0.0, math.nan]
_shapes = st.builds(
    Shape,
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=400),
    st.booleans(),
    st.none(),
    st.booleans(),
    st.just(""),
)
_weights = st.one_of(
    st.sampled_from([0.0, -0.0, 1.0, -1.0, 250.0, -80.0, -150.0, -400.0]),
    st.floats(min_value=-1000, max_value=2000),
    st.floats(),  # infinities and NaN too
)
_facts = st.builds(
    BlockFacts,
    _shapes,
    st.sampled_from(_REASONS),
    st.sampled_from(_SECTIONS),
    _weights,
    st.booleans(),
    st.booleans(),
)


def _compiled_analysis(facts: list[BlockFacts]) -> PageAnalysis:
    result = speedups.analyse_facts(PageAnalysis, Core, facts)
    assert type(result) is PageAnalysis
    return result  # type: ignore[no-any-return]


@settings(max_examples=400)
@given(st.lists(_facts, max_size=60))
def test_analyse_facts_is_the_reference(facts: list[BlockFacts]) -> None:
    assert _compiled_analysis(facts) == analyse_facts(facts)


@given(st.lists(st.sampled_from([True, False]), min_size=1, max_size=40))
def test_runs_of_data_lines_count_like_prose(data: list[bool]) -> None:
    line = Shape(6, 40, False, None, False, "")
    facts = [BlockFacts(line, None, 0.0, -16.0, False, flag) for flag in data]
    facts.append(BlockFacts(Shape(30, 300, True, None, True, ""), None, 0.0, 300.0, False, False))
    assert _compiled_analysis(facts) == analyse_facts(facts)


def test_an_article_before_the_comments_wins_over_a_larger_core_after_them() -> None:
    prose = Shape(40, 300, True, None, True, "")
    label = Shape(1, 8, False, None, False, "comments")
    facts = [
        BlockFacts(prose, None, 0.0, 300.0, False, False),
        BlockFacts(label, None, COMMENTS_COST, -COMMENTS_COST, False, False),
        *[BlockFacts(prose, None, 0.0, 900.0, False, False)] * 3,
    ]
    expected = analyse_facts(facts)
    assert expected.core == Core(0, 1)
    assert _compiled_analysis(facts) == expected


def test_analyse_facts_needs_block_facts() -> None:
    with pytest.raises(TypeError):
        speedups.analyse_facts(PageAnalysis, Core, [(1, 2)])
    with pytest.raises(TypeError):
        speedups.analyse_facts(PageAnalysis, Core, ({},))
    shape_ = Shape(1, 1, False, None, False, "")
    with pytest.raises(TypeError):
        speedups.analyse_facts(PageAnalysis, Core, [BlockFacts(shape_, None, "x", 1.0, 0, 0)])
    assert _compiled_analysis([]) == PageAnalysis([], [], None, [])


# ---------------------------------------------------------------- drop_chrome, drop_repeats

_blocks = st.lists(
    st.builds(
        Block,
        st.one_of(st.just(""), st.sampled_from(["Home", "Menu", "A story."]), texts),
        st.sampled_from(_KINDS),
    ),
    max_size=20,
)


@settings(max_examples=200)
@given(
    _blocks,
    st.data(),
    st.integers(min_value=-2, max_value=22),
    st.integers(min_value=-2, max_value=22),
)
def test_drop_chrome_is_the_reference(
    blocks: list[Block], data: st.DataObject, start: int, end: int
) -> None:
    reasons = data.draw(
        st.lists(st.sampled_from(_REASONS), min_size=len(blocks), max_size=len(blocks))
    )
    expected = chrome._drop_chrome("chrome", blocks, reasons, start, end)
    kept, edits = speedups.drop_chrome(Edit, "chrome", tuple(blocks), reasons, start, end)
    assert [id(block) for block in kept] == [id(block) for block in expected[0]]
    assert edits == expected[1]
    assert all(type(edit) is Edit for edit in edits)


@settings(max_examples=300)
@given(
    _blocks,
    st.data(),
    st.sampled_from(["", "big news", "big news today", "news today in town", "x"]),
    st.integers(min_value=0, max_value=8),
)
def test_drop_repeats_is_the_reference(
    blocks: list[Block], data: st.DataObject, title_key: str, min_words: int
) -> None:
    vocabulary = ["", "big news", "big news today", "big news today in town", "a b c d e f",
                  "a b c d e f g", "x a b c d e f", "opinion big news today", "town"]  # fmt: skip
    keys = data.draw(
        st.lists(st.sampled_from(vocabulary) | texts, min_size=len(blocks), max_size=len(blocks))
    )
    expected = duplicates._drop_repeats("duplicates", blocks, keys, title_key, min_words)
    kept, edits = speedups.drop_repeats(Edit, "duplicates", blocks, keys, title_key, min_words)
    assert [id(block) for block in kept] == [id(block) for block in expected[0]]
    assert edits == expected[1]


def test_drop_repeats_finds_each_kind_of_repeat() -> None:
    blocks = [
        Block("Big news today in town"),
        Block("Opinion | Big news today in town"),
        Block("The mayor said on Monday that the bridge will close."),
        Block("the mayor said on Monday that the bridge will close", kind="quote"),
        Block("said on Monday that the bridge will", kind="caption"),
        Block("Short"),
        Block("Short"),
        Block("Section", kind="heading"),
        Block("Section", kind="heading"),
    ]
    keys = [comparison_key(block.text) for block in blocks]
    title_key = "big news today in town"
    expected = duplicates._drop_repeats("duplicates", blocks, keys, title_key, 3)
    assert [edit.reason for edit in expected[1]] == [
        "the title printed again",
        "the title printed again",
        "a repeat of an earlier block",
        "a pull quote repeated from the body",
        "a repeat of an earlier block",
    ]
    assert speedups.drop_repeats(Edit, "duplicates", blocks, keys, title_key, 3) == expected


def test_wrong_arguments_raise_errors() -> None:
    block = Block("x")
    with pytest.raises(TypeError, match="Edit class"):
        speedups.drop_chrome(dict, "chrome", [block], [None], 0, 1)
    with pytest.raises(ValueError, match="differ in length"):
        speedups.drop_chrome(Edit, "chrome", [block], [], 0, 1)
    with pytest.raises(TypeError):
        speedups.drop_repeats(Edit, "duplicates", [block], [b"x"], "", 3)
    with pytest.raises(AttributeError):
        speedups.drop_repeats(Edit, "duplicates", [object()], ["x"], "", 3)
    with pytest.raises(TypeError):
        speedups.comparison_keys([b"x"], _TextMemo(8))
    with pytest.raises(AttributeError, match="maxsize"):
        speedups.comparison_keys(["x"], {})  # a memo needs a maxsize
    with pytest.raises(TypeError, match="memo"):
        speedups.comparison_keys(["x"], [])
    with pytest.raises(TypeError):
        speedups.guess_language([b"x"], 10, _language_table(), _TextMemo(8), _TextMemo(8))


def test_compiled_edits_are_ordinary_edits() -> None:
    _, edits = speedups.drop_chrome(Edit, "chrome", [Block("Menu")], ["a chrome label"], 0, 1)
    (edit,) = edits
    expected = Edit("chrome", "remove", "Menu", "", "chrome: a chrome label")
    assert edit == expected
    assert hash(edit) == hash(expected)
    assert repr(edit) == repr(expected)
    assert edit.to_dict() == expected.to_dict()
    assert pickle.loads(pickle.dumps(edit)) == expected
    assert dataclasses.replace(edit, reason="x").reason == "x"
    with pytest.raises(dataclasses.FrozenInstanceError):
        edit.reason = "y"  # type: ignore[misc]


# ---------------------------------------------------------------- block_fields, documents


class _Duck:
    """Not a Block, but with its two fields: read as attributes."""

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind


class _Shouting(Block):
    """A Block whose text reads otherwise: its own attribute lookup wins over the slot."""

    __slots__ = ()

    @property  # type: ignore[override]
    def text(self) -> str:
        return "LOUD"


def test_block_fields_reads_blocks_and_anything_with_the_fields() -> None:
    blocks: list[Any] = [Block("A", kind="heading"), _Duck("B", "quote"), Block("C")]
    assert speedups.block_fields(blocks) == (["A", "B", "C"], ["heading", "quote", "paragraph"])
    assert speedups.block_fields([_Duck("B", "quote"), Block("C")]) == (
        ["B", "C"],
        ["quote", "paragraph"],
    )
    assert speedups.block_fields(()) == ([], [])
    shouting = object.__new__(_Shouting)
    Block.kind.__set__(shouting, "quote")  # type: ignore[attr-defined]
    assert speedups.block_fields([shouting, Block("C")]) == (
        ["LOUD", "C"],
        ["quote", "paragraph"],
    )
    with pytest.raises(AttributeError):
        speedups.block_fields([Block("A"), object()])


def test_documents_made_fast_equal_documents_made_by_replace() -> None:
    doc = Document((Block("A"),), Metadata(title="T"), (Edit("f", "remove", "x", "", "why"),))
    new = doc.with_blocks([Block("B")], [Edit("g", "remove", "A", "", "r")])
    assert type(new) is Document
    assert new == dataclasses.replace(
        doc, blocks=(Block("B"),), edits=(*doc.edits, Edit("g", "remove", "A", "", "r"))
    )
    meta = doc.with_meta(description="D")
    assert meta == dataclasses.replace(doc, meta=Metadata(title="T", description="D"))

    @dataclasses.dataclass(frozen=True, slots=True)
    class Tagged(Document):
        tag: str = "t"

    tagged = Tagged((Block("A"),), tag="kept")
    assert tagged.with_blocks([]).tag == "kept"
    assert tagged.with_meta(title="T").tag == "kept"


# ---------------------------------------------------------------- memory


def _growth(call: Callable[[], object], rounds: int = 2000) -> int:
    """Bytes still allocated after ``rounds`` more calls than a warm-up: a leak grows it."""
    for _ in range(50):
        call()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(rounds):
            call()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_no_call_leaks() -> None:
    page = ["Der Mann und die Frau sind mit dem Hund in der Stadt.", "Straße für Ärzte", "x"]
    blocks = [Block(text, kind="quote") for text in page] + [Block(page[0])]
    keys = [comparison_key(block.text) for block in blocks]
    facts = [block_facts(text, "paragraph", "de") for text in page]
    table = _language_table()
    calls: list[Callable[[], object]] = [
        lambda: speedups.guess_language(page, 1500, table, _TextMemo(8), _TextMemo(8)),
        lambda: speedups.comparison_keys(page, _TextMemo(8)),
        lambda: speedups.analyse_facts(PageAnalysis, Core, facts),
        lambda: speedups.drop_chrome(Edit, "chrome", blocks, [None, "x", "", None], 1, 3),
        lambda: speedups.drop_repeats(Edit, "duplicates", blocks, keys, keys[0], 3),
        lambda: speedups.block_fields(blocks),
    ]
    for call in calls:
        assert _growth(call) < 4096


# ---------------------------------------------------------------- the text corpus


@pytest.fixture(scope="module")
def corpus_pages() -> dict[str, list[Document]]:
    """The documents of the text corpus as the headline, duplicate and chrome filters get them."""
    folder = shared_dir() / "benchmarks" / "article-text"
    if not folder.is_dir():
        pytest.skip(f"shared corpus not found at {folder} (set NEWSCLEAN_SHARED)")
    docs = [read(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))]
    states: dict[str, list[Document]] = {}
    for step in default_pipeline():
        states[step.name] = docs
        docs = [step(doc) for doc in docs]
    return states


def test_the_corpus_gives_the_reference_results(corpus_pages: dict[str, list[Document]]) -> None:
    table = _language_table()
    memo, key_memo = _TextMemo(16384), _TextMemo(16384)
    for name in ("headline", "chrome"):
        for doc in corpus_pages[name]:
            texts = [block.text for block in doc.blocks]
            language = _reference_language(texts, 1500)
            assert speedups.guess_language(texts, 1500, table, memo, key_memo) == language
            facts = [block_facts(block.text, block.kind, language) for block in doc.blocks]
            page = analyse_facts(facts)
            assert _compiled_analysis(facts) == page
            assert speedups.comparison_keys(texts, key_memo) == list(map(comparison_key, texts))
            if name == "chrome":
                start, end = (
                    (0, len(texts)) if page.core is None else (page.core.start, page.core.end)
                )
                expected = chrome._drop_chrome("chrome", doc.blocks, page.reasons, start, end)
                compiled = speedups.drop_chrome(
                    Edit, "chrome", doc.blocks, page.reasons, start, end
                )
                assert compiled == expected
    for doc in corpus_pages["duplicates"]:
        keys = [comparison_key(block.text) for block in doc.blocks]
        title_key = comparison_key(doc.meta.title) if doc.meta.title else ""
        expected = duplicates._drop_repeats("duplicates", doc.blocks, keys, title_key, 3)
        assert speedups.drop_repeats(Edit, "duplicates", doc.blocks, keys, title_key, 3) == expected
