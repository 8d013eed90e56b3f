"""Find the headline and the dek (standfirst) and move them into metadata.

The title is the first heading before the article's prose, or else the title-like line
(short, capitalised, not a sentence) just before it, preferring one the page prints twice.
The dek is a prose paragraph between the title and the body that a byline, a date or the
title printed again separates from the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsclean.document import Block, Document, Edit
from newsclean.filters.chrome import PageAnalysis, analyse_page
from newsclean.filters.shape import Shape, block_fields, comparison_key, comparison_keys

__all__ = ["ExtractHeadline"]

# How far before the prose core a title is looked for, in blocks.
_TITLE_WINDOW = 20
_TITLE_MIN_WORDS = 2
_TITLE_MAX_WORDS = 25
_DEK_MAX_WORDS = 90


@dataclass(frozen=True, slots=True)
class ExtractHeadline:
    """Move the headline into ``meta.title`` and a standfirst into ``meta.description``.

    A title already in the metadata (from HTML) is kept and not searched for; the same for
    the description.

    >>> from newsclean.readers import read_text
    >>> doc = ExtractHeadline()(read_text("# Storm hits coast\\n\\nThe storm made landfall late on "
    ...                                   "Sunday, officials said."))
    >>> doc.meta.title, doc.text
    ('Storm hits coast', 'The storm made landfall late on Sunday, officials said.')
    """

    language: str | None = None
    name = "headline"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with its title and dek moved from the body into metadata."""
        if doc.meta.title is not None and doc.meta.description is not None:
            return doc
        blocks = doc.blocks
        page = analyse_page(blocks, self.language or doc.meta.language)
        if page.core is None:
            return doc
        edits: list[Edit] = []
        removed: set[int] = set()
        title = doc.meta.title
        title_index: int | None = None
        if title is None:
            title_index = _find_title(blocks, page)
            if title_index is not None:
                title = blocks[title_index].text
                removed.add(title_index)
                edits.append(Edit(self.name, "extract", title, title, "the headline"))
        description = doc.meta.description
        if description is None and title is not None:
            dek_index = _find_dek(blocks, page, title_index, comparison_key(title))
            if dek_index is not None:
                description = blocks[dek_index].text
                removed.add(dek_index)
                edits.append(Edit(self.name, "extract", description, description, "the dek"))
        if not edits:
            return doc
        kept = list(blocks)
        for index in sorted(removed, reverse=True):
            del kept[index]
        return doc.with_meta(title=title, description=description).with_blocks(kept, edits)


def _find_title(blocks: Sequence[Block], page: PageAnalysis) -> int | None:
    assert page.core is not None
    core = page.core.start
    texts, kinds = block_fields(blocks)
    # The first heading before the core that is not chrome (list.index scans in C).
    index = -1
    while "heading" in kinds[index + 1 : core]:
        index = kinds.index("heading", index + 1, core)
        if page.reasons[index] is None:
            return index
    start = max(0, core - _TITLE_WINDOW)
    candidates = [
        index
        for index in range(start, core)
        if _title_like(blocks[index], page.shapes[index], page.reasons[index], page.headers[index])
    ]
    if not candidates:
        return None
    keys = comparison_keys(texts)
    # Keys hold no line break: a key is in another block's key iff the joined keys hold
    # it more than once.
    joined = "\n".join(keys)
    for index in candidates:
        if _printed_again(keys, joined, index):
            return index
    return candidates[-1]


def _title_like(block: Block, shape: Shape, reason: str | None, header: bool) -> bool:
    """Whether ``block`` may be the title; ``header`` is whether it is a byline or date line
    (:func:`is_header_line` without a title, as the page analysis found for text that is
    not prose)."""
    text = block.text
    if reason is not None or shape.prose or block.kind not in ("paragraph", "line", "heading"):
        return False
    if not _TITLE_MIN_WORDS <= shape.words <= _TITLE_MAX_WORDS:
        return False
    if text.endswith((".", ",", ":", ";")) or header:
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def _printed_again(keys: list[str], joined: str, index: int) -> bool:
    key = keys[index]
    if key:
        # joined.count(key) > 1: a second occurrence after the first one.
        first = joined.find(key)
        return joined.find(key, first + len(key)) >= 0
    return any(other != "" and i != index for i, other in enumerate(keys))


def _find_dek(
    blocks: Sequence[Block], page: PageAnalysis, title_index: int | None, title_key: str
) -> int | None:
    start = 0 if title_index is None else title_index + 1
    headers = page.headers

    def header_line(index: int) -> bool:
        # is_header_line(text, title_key) of a block that is not prose: the page analysis
        # knows whether it is a byline or date line; only the title test is left.
        return headers[index] or (
            bool(title_key) and comparison_key(blocks[index].text) == title_key
        )

    index = start
    while index < len(blocks) and not page.shapes[index].prose:
        if not (header_line(index) or page.reasons[index]):
            return None
        index += 1
    if index >= len(blocks) or page.shapes[index].words > _DEK_MAX_WORDS:
        return None
    following = index + 1
    separated = False
    while following < len(blocks) and not page.shapes[following].prose:
        separated = separated or header_line(following)
        following += 1
    return index if separated and following < len(blocks) else None
