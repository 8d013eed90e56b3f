"""The compiled plain-text reader makes the blocks its Python reference makes, on any text.

``newsclean._speedups.text_blocks`` (src/newsclean/_speedups_reader.c) is
``newsclean.readers.text._fast_blocks`` compiled; ``read_text`` calls it when the
accelerator is built. It is compared with the reference under hypothesis, on arbitrary
text and on text built of what the reader looks at (line breaks and white space of every
kind, markdown headings, bullets, numbered items, quotes, setext underlines, fences,
hard-wrapped prose, mojibake tails), and on every page of the benchmark corpus.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_cases
from newsclean.document import Block
from newsclean.readers import text as text_module
from newsclean.readers.text import (
    _COMPILED_CALLBACKS,
    _fast_blocks,
    _normalise_newlines,
    read_text,
)

speedups = pytest.importorskip(
    "newsclean._speedups", reason="the C accelerator is not built (a pure-Python install)"
)
if not hasattr(speedups, "text_blocks"):
    pytest.skip("the C accelerator is built without the reader", allow_module_level=True)


def compiled(text: str) -> list[Block]:
    """The compiled reader, called as read_text calls it."""
    blocks: list[Block] = speedups.text_blocks(text, *_COMPILED_CALLBACKS)
    return blocks


@contextmanager
def reader(use_compiled: bool) -> Iterator[None]:
    """read_text with or without the accelerator, within the block."""
    saved = text_module.COMPILED
    text_module.COMPILED = use_compiled
    try:
        yield
    finally:
        text_module.COMPILED = saved


needs_compiled_read_text = pytest.mark.skipif(
    not text_module.COMPILED, reason="read_text runs without the accelerator here"
)

# Characters the reader treats apart: every line break read_text knows, the white space
# str.strip() knows but _PARAGRAPH_BREAK does not (\x1c-\x1f, NEL, typographic spaces),
# the spaces _SPACES squashes, the no-break space and NEL of mojibake tails after a
# non-ASCII letter, the first characters of markdown markup, digits of other scripts,
# and characters that take 2- and 4-byte strings.
_AWKWARD = (
    "\r\n\x0b\x0c\x1c\x1d\x1e\x1f\u2028\u2029\x85\xa0\t \u2000\u2003\u200a\u202f\u205f\u3000"
    "#*-+•·▪◦‣>=~`0123456789٣.)|"
    "aZÃé’中\U0001d7d8"
)
_WORDS = ["Officials", "met", "on", "Monday", "to", "discuss", "the", "deal.", "café", "well-"]
_PROSE = (
    "Officials met on Monday to discuss the deal, which would cut tariffs on steel and "
    "aluminium over the next five years, a spokesman for the ministry said in a statement "
    "issued late in the evening after talks that ran for more than nine hours in the capital."
)
_GAPS = ["\n", "\n", "\n", "\n\n", "\n \n", "\n\xa0\t\n", "\r\n", "\r", "\u2028", "\n\x1c\n"]


def _wrapped(width: int, prose: str, bullet: str, space: str) -> str:
    """``prose`` hard-wrapped at ``width``, its first line after ``bullet``, its word gaps
    ``space``."""
    lines = textwrap.wrap(bullet + prose, width)
    return "\n".join(line.replace(" ", space) for line in lines)


_LINES = st.one_of(
    st.text(alphabet=_AWKWARD, max_size=40),
    st.text(max_size=20),
    st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join),
    # Markdown headings, with their closing hashes and the spaces around.
    st.builds(
        "{}{}{}{}{}".format,
        st.sampled_from(["", " ", "\t", "\xa0"]),
        st.sampled_from(["#", "##", "######", "#######"]),
        st.sampled_from(["", " ", "\t", "  "]),
        st.sampled_from(["Title", "Title ##", "", "Ça va", "a  b"]),
        st.sampled_from(["", " ", " #", "\xa0"]),
    ),
    # Bullets, numbered items and quotes: indentation, the marker, the gap, the item.
    st.builds(
        "{}{}{}{}{}".format,
        st.sampled_from(["", " ", "    ", "\t", "\xa0", " \x1c", "\u2003", "\x85"]),
        st.sampled_from(
            ["*", "-", "+", "•", "·", "▪", "◦", "‣", "1.", "12)", "123.", "1234.", "٣.", "1٣)"]
        )
        | st.sampled_from([">", "> >", "=", "~", "`", "#", "*a", "1"]),
        st.sampled_from([" ", "  ", "\t", " \t", "\xa0", "", "\u2003", " \x1c"]),
        st.sampled_from(["item", "Item  two", "é\xa0", "Ã\xa0 ", "a\tb", "x", "-", "  ", "a | b"]),
        st.sampled_from(["", " ", "  \t", "\xa0", "\x85", "\u3000"]),
    ),
    # Setext underlines, fences, rows of fields.
    st.sampled_from(
        ["===", "---", " -- ", "=-", "```", "~~~", "```python", " ```", "a | b | c | d"]
    ),
    # Hard-wrapped prose, as paragraphs of several lines.
    st.builds(
        _wrapped,
        st.integers(30, 110),
        st.sampled_from([_PROSE, _PROSE.upper(), _PROSE.replace("e", "é"), _PROSE[:90]]),
        st.sampled_from(["", "* ", "1. ", "• "]),
        st.sampled_from([" ", " ", "  ", "\u2003", " \xa0"]),
    ),
)
texts = st.one_of(
    st.text(),
    st.text(alphabet=_AWKWARD, max_size=120),
    st.lists(st.tuples(_LINES, st.sampled_from(_GAPS)), max_size=16).map(
        lambda pairs: "".join(line + gap for line, gap in pairs)
    ),
)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_compiled_reader_makes_the_blocks_of_the_reference(text: str) -> None:
    # read_text gives both the text with its line breaks normalised.
    text = _normalise_newlines(text)
    blocks = compiled(text)
    reference = _fast_blocks(text)
    assert blocks == reference
    assert all(type(block) is Block for block in blocks)
    # Strings as CPython makes them: the narrowest kind, ASCII flagged as such.
    assert [(b.text.isascii(), sys.getsizeof(b.text)) for b in blocks] == [
        (b.text.isascii(), sys.getsizeof(b.text)) for b in reference
    ]


@needs_compiled_read_text
@settings(max_examples=300, deadline=None)
@given(texts)
def test_read_text_reads_the_same_blocks_with_and_without_the_accelerator(text: str) -> None:
    with reader(use_compiled=True):
        fast = read_text(text)
    with reader(use_compiled=False):
        reference = read_text(text)
    assert fast == reference


CASES = load_cases("read_text_compiled")


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_compiled_reader_cases(case: dict[str, Any]) -> None:
    # The edges of its rules: digits of numbered items, the gaps bullets need, the widths
    # of wrapped prose, mojibake tails, runs of spaces (across the four characters the
    # 2-byte scan reads at once), and the paragraphs it hands to the Python code.
    text = _normalise_newlines(case["input"])
    blocks = compiled(text)
    assert [[block.text, block.kind, block.line_count] for block in blocks] == case["expected"]
    assert blocks == _fast_blocks(text)


def test_every_page_of_the_corpus_reads_the_same(article_text_dir: Path) -> None:
    pages = sorted(article_text_dir.glob("*.txt"))
    assert len(pages) > 100
    for path in pages:
        page = path.read_text(encoding="utf-8")
        text = _normalise_newlines(page)
        assert compiled(text) == _fast_blocks(text), path.name
        if text_module.COMPILED:
            with reader(use_compiled=True):
                fast = read_text(page).blocks
            with reader(use_compiled=False):
                reference = read_text(page).blocks
            assert fast == reference, path.name


def test_blocks_are_frozen_blocks_like_any_other() -> None:
    blocks = compiled("# Title\n\n* one\n* two  items\nplain line\n\nBody text.")
    made = [
        Block("Title", kind="heading", level=1, position=0),
        Block("one", kind="list_item", position=1),
        Block("two items", kind="list_item", position=2, blank_before=False),
        Block("plain line", kind="line", position=3, blank_before=False),
        Block("Body text.", position=4),
    ]
    assert blocks == made
    assert [hash(block) for block in blocks] == [hash(block) for block in made]
    assert [repr(block) for block in blocks] == [repr(block) for block in made]
    with pytest.raises(dataclasses.FrozenInstanceError):
        blocks[0].text = "changed"  # type: ignore[misc]
    assert dataclasses.replace(blocks[1], text="x") == Block("x", kind="list_item", position=1)
    # Their fields are str, int, float and bool: the reader leaves them to reference
    # counting, as CPython does with a tuple of such objects.
    assert not any(gc.is_tracked(block) for block in blocks)


def test_wrapped_prose_is_joined_and_fields_are_not() -> None:
    wrapped = textwrap.fill(_PROSE, 72)
    assert [block.text for block in compiled(wrapped)] == [_PROSE]
    rows = "Jane Doe | Taipei | Updated: May 2\n" + wrapped
    assert len(compiled(rows)) == len(rows.split("\n"))
    assert compiled(rows) == _fast_blocks(rows)


def _raise(*args: object) -> Any:
    raise LookupError("from a callback")


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        (1, "## A heading"),  # classify_line
        (2, "Café\xa0\nsecond line"),  # squash: a possible mojibake tail
        (3, "a\n> quoted"),  # paragraph_blocks
        (4, textwrap.fill(_PROSE, 72)),  # wrapped_blocks
    ],
)
def test_errors_of_callbacks_propagate(slot: int, text: str) -> None:
    callbacks: list[Any] = list(_COMPILED_CALLBACKS)
    callbacks[slot] = _raise
    with pytest.raises(LookupError, match="from a callback"):
        speedups.text_blocks(text, *callbacks)


def _returns(value: object) -> Callable[..., object]:
    return lambda *args: value


@pytest.mark.parametrize(
    ("slot", "value", "text"),
    [
        (1, "not a line", "# Heading"),
        (1, (1, "heading", 1, 7), "# Heading"),
        (1, ("Heading", "heading", [1], 7), "# Heading"),
        (1, ("Heading", "heading", True, 7), "# Heading"),
        (2, b"bytes", "Café\xa0"),
        (3, ("a tuple",), "a\n> quoted"),
        (4, "not a list", textwrap.fill(_PROSE, 72)),
    ],
)
def test_wrong_callback_results_raise_type_errors(slot: int, value: object, text: str) -> None:
    callbacks: list[Any] = list(_COMPILED_CALLBACKS)
    callbacks[slot] = _returns(value)
    with pytest.raises(TypeError):
        speedups.text_blocks(text, *callbacks)


class _NoSlots:
    """A class with the names of Block's fields, as class attributes."""

    __slots__ = ()
    text = kind = level = path = link_density = position = line_count = blank_before = None


class _SomeSlots:
    """A class with some of Block's fields as slots."""

    __slots__ = ("kind", "text")


class _WithDict(Block):
    """A Block subclass whose instances have a __dict__."""


def test_wrong_arguments_raise_type_errors() -> None:
    with pytest.raises(TypeError):
        speedups.text_blocks(b"text", *_COMPILED_CALLBACKS)
    with pytest.raises(TypeError):
        speedups.text_blocks("text", *_COMPILED_CALLBACKS[:-1])
    with pytest.raises(TypeError, match="block_type"):
        speedups.text_blocks("text", "Block", *_COMPILED_CALLBACKS[1:])
    with pytest.raises(TypeError, match="not a slot"):
        speedups.text_blocks("text", _NoSlots, *_COMPILED_CALLBACKS[1:])
    with pytest.raises(TypeError, match="__slots__ only"):
        speedups.text_blocks("text", _WithDict, *_COMPILED_CALLBACKS[1:])
    with pytest.raises(AttributeError, match="level"):
        speedups.text_blocks("text", _SomeSlots, *_COMPILED_CALLBACKS[1:])
    with pytest.raises(TypeError, match="__slots__ only"):
        speedups.text_blocks("text", int, *_COMPILED_CALLBACKS[1:])


def test_a_str_subclass_reads_as_its_str() -> None:
    class Text(str):
        pass

    text = "# Title\n\n* one\n* two  x\nplain"
    blocks = compiled(Text(text))
    assert blocks == compiled(text)
    assert all(type(block.text) is str for block in blocks)


def test_the_constants_the_c_reader_mirrors() -> None:
    # src/newsclean/_speedups_reader.c spells these out: change both together.
    assert frozenset("#*-+•·▪◦‣>=~`0123456789") == text_module._MARKERS
    assert text_module._BULLET.pattern == r"^[ \t]*(?:[*\-+•·▪◦‣]|\d{1,3}[.)])[ \t]+(?=\S)"
    assert text_module._SPACES.pattern == (
        r"[ \t\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u2000-\u200a\u202f\u205f\u3000]"
    )
    assert text_module._PARAGRAPH_BREAK.pattern == r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*"
    assert (text_module._WRAP_MIN_WIDTH, text_module._WRAP_MAX_WIDTH) == (40, 100)
    assert text_module._WRAP_SHARE == 0.75
    assert text_module._NO_WIDTH == 101


def test_every_reference_is_released() -> None:
    text = "\n\n".join(
        [textwrap.fill(_PROSE, 70), "# Title", "* a\n* b  c\n1. d", "a\n> q", "Ã\xa0 x\xa0", "é"]
    )
    failing: list[Any] = list(_COMPILED_CALLBACKS)
    failing[1] = _raise

    def run() -> None:
        for _ in range(20):
            compiled(text)
            with pytest.raises(LookupError):
                speedups.text_blocks(text, *failing)

    run()
    counts = [sys.getrefcount(item) for item in (text, *_COMPILED_CALLBACKS)]
    blocks = sys.getallocatedblocks()
    run()
    assert [sys.getrefcount(item) for item in (text, *_COMPILED_CALLBACKS)] == counts
    assert sys.getallocatedblocks() - blocks < 50


def test_nothing_raises_on_long_lines_and_many_lines() -> None:
    long_line = "word " * 20_000 + "\u3000" * 300 + "end"
    assert compiled(long_line) == _fast_blocks(long_line)
    many = "\n".join(f"* item {k}  x" for k in range(5_000))
    assert compiled(many) == _fast_blocks(many)
    assert compiled("") == []


def test_pure_python_reader_without_the_accelerator() -> None:
    text = "# Title\n\n* one\n* two\n\n" + textwrap.fill(_PROSE, 72)
    script = (
        "import sys; from newsclean.readers import text; "
        "assert not text.COMPILED; "
        "print(repr(text.read_text(sys.stdin.read()).blocks))"
    )
    env = {**os.environ, "NEWSCLEAN_PURE_PYTHON": "1"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=text,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == repr(read_text(text).blocks)
