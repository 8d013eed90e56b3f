"""Find the headline and the dek (standfirst) and move them into metadata.

The title is the first heading before the article's prose, or else the title-like line
(short, capitalised, not a sentence) just before it, preferring one the page prints twice.
The dek is a prose paragraph between the title and the body that a byline, a date or the
title printed again separates from the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsclean.document import Block, Document, Edit
from newsclean.filters.chrome import PageAnalysis, analyse_page
from newsclean.filters.duplicates import comparison_key
from newsclean.filters.shape import Shape

__all__ = ["ExtractHeadline", "is_header_line"]

# How far before the prose core a title is looked for, in blocks.
_TITLE_WINDOW = 20
_TITLE_MIN_WORDS = 2
_TITLE_MAX_WORDS = 25
_DEK_MAX_WORDS = 90
_BYLINE_START = re.compile(r"^(?:by|von|par|por|di|da|de|door|av|af|от|автор)\s+\S", re.IGNORECASE)
_DATE_HINT = re.compile(
    r"\b\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\b|\b\d{1,2}:\d{2}\b|"
    r"\b(?:updated|published|posted|created|modified|stand|aktualisiert|publié|mis à jour|"
    r"publicado|actualizado|pubblicato|aggiornato|atualizado|опубликовано|обновлено)\b",
    re.IGNORECASE,
)


def is_header_line(text: str, title_key: str = "") -> bool:
    """Tell whether ``text`` is a byline, a date line, or the title printed again.

    >>> is_header_line("By Jane Doe, Staff Writer"), is_header_line("Updated: 28-01-2026 07:09 IST")
    (True, True)
    >>> is_header_line("The talks continued on Monday.")
    False
    """
    if _BYLINE_START.match(text) or _DATE_HINT.search(text):
        return True
    if text.count(" | ") >= 2:
        return True
    return bool(title_key) and comparison_key(text) == title_key


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
        kept = [block for index, block in enumerate(blocks) if index not in removed]
        return doc.with_meta(title=title, description=description).with_blocks(kept, edits)


def _find_title(blocks: Sequence[Block], page: PageAnalysis) -> int | None:
    assert page.core is not None
    start = max(0, page.core.start - _TITLE_WINDOW)
    for index in range(page.core.start):
        if blocks[index].kind == "heading" and page.reasons[index] is None:
            return index
    candidates = [
        index
        for index in range(start, page.core.start)
        if _title_like(blocks[index], page.shapes[index], page.reasons[index])
    ]
    if not candidates:
        return None
    keys = [comparison_key(block.text) for block in blocks]
    for index in candidates:
        if _printed_again(keys, index):
            return index
    return candidates[-1]


def _title_like(block: Block, shape: Shape, reason: str | None) -> bool:
    text = block.text
    if reason is not None or shape.prose or block.kind not in ("paragraph", "line", "heading"):
        return False
    if not _TITLE_MIN_WORDS <= shape.words <= _TITLE_MAX_WORDS:
        return False
    if text.endswith((".", ",", ":", ";")) or is_header_line(text):
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def _printed_again(keys: list[str], index: int) -> bool:
    key = keys[index]
    return any(other != "" and i != index and key in other for i, other in enumerate(keys))


def _find_dek(
    blocks: Sequence[Block], page: PageAnalysis, title_index: int | None, title_key: str
) -> int | None:
    start = 0 if title_index is None else title_index + 1
    index = start
    while index < len(blocks) and not page.shapes[index].prose:
        if not (is_header_line(blocks[index].text, title_key) or page.reasons[index]):
            return None
        index += 1
    if index >= len(blocks) or page.shapes[index].words > _DEK_MAX_WORDS:
        return None
    following = index + 1
    separated = False
    while following < len(blocks) and not page.shapes[following].prose:
        separated = separated or is_header_line(blocks[following].text, title_key)
        following += 1
    return index if separated and following < len(blocks) else None
