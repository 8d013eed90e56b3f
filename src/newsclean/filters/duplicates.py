"""Remove what the page prints twice: the title, the dek, teasers, paragraphs, pull quotes.

The first occurrence stays; a title printed again goes (the title lives in metadata); a dek
repeated as the opening of the body goes into ``description`` and the body's paragraph
stays whole; a pull quote repeated from the body goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from newsclean.document import Block, Document, Edit, _new_edit
from newsclean.filters.shape import COMPILED, block_fields, comparison_key, comparison_keys

__all__ = ["DropDuplicates", "comparison_key"]

# A block must have this many words before its repetition counts as a duplicate: shorter
# lines ("Yes.", "Photo", a one-word subheading) legitimately recur in an article.
_MIN_DUPLICATE_WORDS = 3
# A pull quote or repeated dek is at least this many words; a shorter phrase inside a
# paragraph is a coincidence.
_MIN_QUOTE_WORDS = 6
_SENTENCE_END = frozenset('.!?…"”’»。！？')
# Words a page may put around a repeated title ("Opinion | Title", "Title - Site").
_MAX_TITLE_AFFIX_WORDS = 4


@dataclass(frozen=True, slots=True)
class DropDuplicates:
    """Remove repeated titles, deks, teasers, paragraphs and pull quotes; keep first occurrences.

    Configuration: ``min_words`` is the number of words a block needs before a repetition
    of it counts (default 3).

    >>> doc = Document(blocks=(Block("Big news today in town"), Block("It rained a lot."),
    ...                        Block("Big news today in town")))
    >>> DropDuplicates()(doc).text
    'Big news today in town\\n\\nIt rained a lot.'
    """

    min_words: int = _MIN_DUPLICATE_WORDS
    name = "duplicates"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` without repeated blocks, with the dek moved to ``description``."""
        doc = self._take_repeated_dek(doc)
        blocks = doc.blocks
        keys = comparison_keys(block_fields(blocks)[0])
        title_key = comparison_key(doc.meta.title) if doc.meta.title else ""
        kept, edits = _drop(self.name, blocks, keys, title_key, self.min_words)
        return doc.with_blocks(kept, edits) if edits else doc

    def _take_repeated_dek(self, doc: Document) -> Document:
        """Move a first paragraph that the next one repeats at its start into ``description``."""
        blocks = doc.blocks
        first = _first_long_block(blocks)
        if first is None or first + 1 >= len(blocks):
            return doc
        dek, body = blocks[first], blocks[first + 1]
        dek_key, body_key = comparison_key(dek.text), comparison_key(body.text)
        if len(dek_key.split()) < _MIN_QUOTE_WORDS or len(body_key) <= len(dek_key):
            return doc
        # The dek must be whole sentences at the start of the body: its own final
        # punctuation included, then a space.
        dek_text, body_text = " ".join(dek.text.split()), " ".join(body.text.split())
        if not body_text.startswith(dek_text + " ") or dek_text[-1:] not in _SENTENCE_END:
            return doc
        edits: list[Edit] = [
            Edit(self.name, "extract", dek.text, dek.text, "a dek repeated as the body's opening")
        ]
        remaining = blocks[:first] + blocks[first + 1 :]
        if doc.meta.description is None:
            doc = doc.with_meta(description=dek.text)
        return doc.with_blocks(remaining, edits)


def _drop_repeats(
    name: str, blocks: Sequence[Block], keys: list[str], title_key: str, min_words: int
) -> tuple[list[Block], list[Edit]]:
    """The blocks to keep, and an edit for each repeat to remove; ``keys`` are the blocks'
    comparison keys (the reference of the compiled ``drop_repeats``)."""
    seen: set[str] = set()
    kept: list[Block] = []
    edits: list[Edit] = []
    for index, (block, key) in enumerate(zip(blocks, keys, strict=True)):
        reason = _reason(block, key, title_key, seen, keys, index)
        if reason is None:
            kept.append(block)
            # A key is words joined by single spaces: its word count needs no split.
            if (key.count(" ") + 1 if key else 0) >= min_words or block.kind == "heading":
                seen.add(key)
        else:
            edits.append(_new_edit(name, "remove", block.text, "", reason))
    return kept, edits


def _reason(
    block: Block, key: str, title_key: str, seen: set[str], keys: list[str], index: int
) -> str | None:
    if not key:
        return None
    if title_key and _is_title_repeat(key, title_key):
        return "the title printed again"
    if key in seen:
        return "a repeat of an earlier block"
    if block.kind in ("quote", "caption") and _inside_another(key, keys, index):
        return "a pull quote repeated from the body"
    return None


# The compiled _drop_repeats when the accelerator is built.
_drop: Callable[[str, Sequence[Block], list[str], str, int], tuple[list[Block], list[Edit]]]
if COMPILED:
    from newsclean._speedups import drop_repeats

    _drop = partial(drop_repeats, Edit)
else:
    _drop = _drop_repeats


def _first_long_block(blocks: tuple[Block, ...]) -> int | None:
    for index, block in enumerate(blocks):
        if block.kind in ("paragraph", "line") and len(block.text.split()) >= _MIN_QUOTE_WORDS:
            return index
    return None


def _is_title_repeat(key: str, title_key: str) -> bool:
    if key == title_key:
        return True
    if title_key not in key or len(title_key.split()) < _MIN_DUPLICATE_WORDS:
        return False
    extra = len(key.split()) - len(title_key.split())
    return extra <= _MAX_TITLE_AFFIX_WORDS and (
        key.startswith(title_key) or key.endswith(title_key)
    )


def _inside_another(key: str, keys: list[str], index: int) -> bool:
    if len(key.split()) < _MIN_QUOTE_WORDS:
        return False
    needle = f" {key} "
    return any(
        i != index and len(other) > len(key) and needle in f" {other} "
        for i, other in enumerate(keys)
    )
