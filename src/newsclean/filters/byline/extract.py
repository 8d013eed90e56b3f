"""The byline filter: read bylines, datelines, credit lines and author boxes, then remove them."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from newsclean.authors import classify
from newsclean.document import Block, Document, Edit
from newsclean.filters.byline import fast
from newsclean.filters.byline.dateline import split_dateline
from newsclean.filters.byline.endmatter import Credits, bio_name, has_bio_role, parse_credits
from newsclean.filters.byline.lines import Byline, parse_byline, undated_byline
from newsclean.filters.byline.words import NOT_BYLINES as _NOT_BYLINES
from newsclean.filters.byline.words import DateValue, lexicon

__all__ = ["ExtractByline", "anchor_index", "dated_head"]

# The agency dateline opens one of the first few paragraphs of some length (a title and a dek
# may come first in text); such a paragraph has at least this many words besides the dateline
# (AP's "LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal." has 9).
_DATELINE_PARAGRAPHS = 5
_MIN_PROSE_WORDS = 6


@dataclass(slots=True)
class _Found:
    """What the filter has read so far (mutable while one call builds it)."""

    authors: list[str] = field(default_factory=list)
    desks: list[str] = field(default_factory=list)
    place: str | None = None
    agency_place: str | None = None
    published: DateValue | None = None
    updated: DateValue | None = None
    removed: set[int] = field(default_factory=set)
    replaced: dict[int, str] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)


def _describe(**values: object) -> str:
    parts = []
    for key, value in values.items():
        if value in (None, (), []):
            continue
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        elif isinstance(value, (tuple, list)):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ExtractByline:
    """Read bylines, datelines, credit lines and author boxes into metadata; remove them.

    Configuration (safe defaults):

    - ``head_blocks`` (40): how many blocks from the title (the block equal to
      ``meta.title``, else the first level-1 heading, else the start of the source) are
      searched for bylines, date lines and the agency dateline. Tuned on the 181 whole-page
      texts of the shared benchmark, whose bylines follow up to 30 menu lines.
    - ``tail_blocks`` (12): how many blocks at the end are searched for credit lines and
      author boxes. Kept small because the chrome after the body is still there when this
      filter runs: of the 7 shared whole-page texts with a credit line or author box, 3
      have it in the last 12 blocks; the others, 30 to 300 blocks up, are missed.
    - ``reference``: "now" for relative and year-less dates ("3 hours ago", "Jan 28");
      without it such dates are recognized but not used, so the filter stays pure.

    Metadata already set (by a reader) is kept; the blocks are removed all the same. An
    author box is taken only with proof: its bio names a job (reporter, editor...) and its
    name is printed just above it, or it sits under an "About the author" heading, or the
    name already signs the byline.

    >>> from newsclean.readers import read_text
    >>> page = "Title\\n\\nBy JANE DOE, Associated Press\\n\\nText of the story."
    >>> doc = ExtractByline()(read_text(page))
    >>> doc.meta.authors, doc.text
    (('Jane Doe',), 'Title\\n\\nText of the story.')
    """

    head_blocks: int = 40
    tail_blocks: int = 12
    reference: datetime | None = None
    name = "byline"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with bylines, datelines and author boxes moved into metadata."""
        if not doc.blocks:
            return doc
        meta = doc.meta
        found = _Found(list(meta.authors), [], meta.dateline, None, meta.published, meta.updated)
        languages = (doc.meta.language,) if doc.meta.language else None
        head = self._head(doc)
        self._read_head(doc.blocks, head, found, languages)
        self._read_tail(doc.blocks, found)
        self._read_dateline(doc.blocks, head, found, languages)
        if not found.edits:
            return doc
        return _apply(doc, found)

    def _head(self, doc: Document) -> list[int]:
        return _head(doc, self.head_blocks)

    def _read_head(
        self,
        blocks: Sequence[Block],
        head: list[int],
        found: _Found,
        languages: Sequence[str] | None,
    ) -> None:
        date_lines: list[tuple[int, Byline]] = []
        # Menus repeat lines ("Share", "Advertisement"); parse_byline and parse_credits are
        # pure functions of the text here (reference and languages are fixed for the call;
        # a date read against the clock never reaches a Byline), so a repeated text is
        # read once and its immutable answers are reused.
        read: dict[str, tuple[Byline | None, Credits | None]] = {}
        for index, known, credits_none in self._head_candidates(blocks, head, languages):
            text = blocks[index].text
            answers = read.get(text)
            if answers is None:
                if known == fast.BYLINE_MAYBE:
                    byline = parse_byline(text, reference=self.reference, languages=languages)
                else:
                    byline = None if known == fast.BYLINE_NONE else undated_byline(text)
                credits = parse_credits(text) if byline is None and not credits_none else None
                answers = read[text] = (byline, credits)
            byline, credits = answers
            if byline is None:
                if credits is not None:
                    _take_credits(index, text, credits, found)
                continue
            if not byline.signed:
                date_lines.append((index, byline))
                continue
            _take_byline(index, text, byline, found)
        for index, line in date_lines:
            _take_date_line(index, blocks[index].text, line, found)

    def _head_candidates(
        self, blocks: Sequence[Block], head: list[int], languages: Sequence[str] | None
    ) -> list[tuple[int, int, bool]]:
        """The ``head`` blocks _read_head reads, each with what is known of its byline
        (fast.BYLINE_*) and whether its credit line is certainly None: the compiled gate
        (fast.py) knows and leaves out the blocks where both are None, the plain path
        knows nothing; both leave out the kinds never read as bylines."""
        if fast.COMPILED and isinstance(blocks, tuple):
            langs = None if languages is None else tuple(languages)
            gate = fast.gate_data(langs, self.reference is None)
            return fast.candidates(blocks, head, gate)
        return [(i, fast.BYLINE_MAYBE, False) for i in head if blocks[i].kind not in _NOT_BYLINES]

    def _read_dateline(
        self,
        blocks: Sequence[Block],
        head: list[int],
        found: _Found,
        languages: Sequence[str] | None,
    ) -> None:
        prose = 0
        for index in _long_paragraphs(blocks, head, found):
            text = found.replaced.get(index, blocks[index].text)
            dateline = split_dateline(text, reference=self.reference, languages=languages)
            if (
                dateline is not None
                and len(dateline.rest.split(None, _MIN_PROSE_WORDS)) < _MIN_PROSE_WORDS
            ):
                continue
            prose += 1
            if prose > _DATELINE_PARAGRAPHS:
                return
            if dateline is None:
                continue
            found.replaced[index] = dateline.rest
            found.agency_place = found.agency_place or dateline.place
            if found.published is None and dateline.value is not None:
                found.published = dateline.value
            found.edits.append(
                Edit(
                    "byline",
                    "extract",
                    dateline.prefix,
                    dateline.place,
                    "agency dateline opening the first paragraph",
                )
            )

    def _read_tail(self, blocks: Sequence[Block], found: _Found) -> None:
        # Blocks that are neither a credit line nor start with a bio name: _take_tail_block
        # returns False on them whatever has been taken (it reads them only through
        # parse_credits and bio_name, pure functions of the text), so once seen they are
        # skipped when the loop looks at the window again.
        # The compiled gate (fast.py) finds more of them before the loop reads them.
        inert: set[int] = set()
        gate = fast.gate_data(None, True) if fast.COMPILED and isinstance(blocks, tuple) else None
        while True:
            if self.tail_blocks > 0:
                remaining = _last_kept(blocks, found.removed, self.tail_blocks + _ABOVE)
            else:
                remaining = [i for i in range(len(blocks)) if i not in found.removed]
            window = remaining[-self.tail_blocks :]
            if gate is not None:
                unread = [i for i in window if i not in inert]
                inert.update(fast.tail_inert(blocks, unread, gate))  # type: ignore[arg-type]
            if not any(
                _take_tail_block(i, blocks, remaining, found, inert)
                for i in window
                if i not in inert
            ):
                return


# How many blocks above an author box _take_tail_block reads: up to three name lines
# (_name_lines_above), then the heading above the first of them (_heading_above).
_ABOVE = 4


def _last_kept(blocks: Sequence[Block], removed: set[int], count: int) -> list[int]:
    """The last ``count`` indexes of ``blocks`` not in ``removed``, in order.

    _read_tail passes this, not every kept index, to _take_tail_block: it looks at most
    ``_ABOVE`` places above a block of the window (the last ``tail_blocks`` of these), and
    each such place is in the list or, if the list starts there, nowhere (the list is then
    every kept index), so ``remaining.index``, the slices and the "first kept block" test
    give what they give on the whole list.
    """
    kept: list[int] = []
    index = len(blocks) - 1
    while index >= 0 and len(kept) < count:
        if index not in removed:
            kept.append(index)
        index -= 1
    kept.reverse()
    return kept


def _head(doc: Document, head_blocks: int) -> list[int]:
    """Indexes of the blocks near the title, by source position (stable under removal)."""
    anchor = _anchor(doc)
    low, high = anchor - 2, anchor + head_blocks
    if fast.COMPILED and isinstance(doc.blocks, tuple):
        return fast.head_indexes(doc.blocks, low, high)
    return [i for i, block in enumerate(doc.blocks) if low <= block.position < high]


def dated_head(doc: Document, head_blocks: int = 40) -> bool:
    """Whether :class:`ExtractByline` (with ``head_blocks``) finds a byline or date line
    with a publication date near the title of ``doc``.

    >>> dated_head(Document(blocks=(Block("By Jane Doe | 5 March 2024"), Block("Text."))))
    True
    """
    languages = (doc.meta.language,) if doc.meta.language else None
    for index in _head(doc, head_blocks):
        block = doc.blocks[index]
        if block.kind not in _NOT_BYLINES:
            byline = parse_byline(block.text, languages=languages)
            if byline is not None and byline.published is not None:
                return True
    return False


def anchor_index(doc: Document) -> int | None:
    """The index of the block :class:`ExtractByline` measures its head from: the title
    printed again, else the first top-level heading; ``None`` when there is neither (the
    head then starts at the beginning of the source)."""
    title = (doc.meta.title or "").strip().casefold()
    if fast.COMPILED and isinstance(doc.blocks, tuple):
        return fast.anchor(doc.blocks, title)
    return _anchor_index(doc.blocks, title)


def _anchor_index(blocks: Sequence[Block], title: str) -> int | None:
    """:func:`anchor_index` in Python (the reference of the compiled one), given the title
    stripped and case-folded."""
    # Case folding maps every character to one or more, never to none, so a text longer
    # than ``title`` cannot fold to it, and an ASCII text (folded one to one) only if it is
    # as long: only the others are folded.
    longest = len(title)
    if title:
        for index, block in enumerate(blocks):
            text = block.text
            size = len(text)
            if (size == longest or (size < longest and not text.isascii())) and (
                text.casefold() == title
            ):
                return index
    for index, block in enumerate(blocks):
        if block.kind == "heading" and block.level <= 1:
            return index
    return None


def _anchor(doc: Document) -> int:
    """The source position the head is measured from (removing a block must not move it)."""
    index = anchor_index(doc)
    return 0 if index is None else doc.blocks[index].position


def _take_byline(index: int, text: str, byline: Byline, found: _Found) -> None:
    first = not (found.authors or found.desks)
    if first:
        found.authors.extend(byline.authors)
        found.desks.extend(byline.desks)
    found.place = found.place or byline.place
    found.published = found.published or byline.published
    found.updated = found.updated or byline.updated
    removed = text[: len(text) - len(byline.rest)].strip() if byline.rest else text
    after = _describe(
        authors=byline.authors or byline.desks,
        dateline=byline.place,
        published=byline.published,
        updated=byline.updated,
    )
    found.edits.append(Edit("byline", "extract" if after else "remove", removed, after, "byline"))
    if byline.rest:
        found.replaced[index] = byline.rest
    else:
        found.removed.add(index)


def _take_date_line(index: int, text: str, line: Byline, found: _Found) -> None:
    values = [v for v in (line.published, line.updated) if v is not None]
    known = {v for v in (found.published, found.updated) if v is not None}
    new_published = line.published if found.published is None else None
    new_updated = line.updated if found.updated is None else None
    if not values or not (new_published or new_updated or set(values) <= known):
        return
    found.published = found.published or new_published
    found.updated = found.updated or new_updated
    after = _describe(published=new_published, updated=new_updated)
    found.edits.append(
        Edit("byline", "extract" if after else "remove", text, after, "date line near the title")
    )
    if line.rest:
        found.replaced[index] = line.rest
    else:
        found.removed.add(index)


def _take_credits(index: int, text: str, credits: Credits, found: _Found) -> None:
    found.authors.extend(a for a in credits.authors if a not in found.authors)
    found.place = found.place or credits.place
    found.removed.add(index)
    found.edits.append(
        Edit("byline", "extract", text, _describe(authors=credits.authors), "credit line")
    )


def _take_tail_block(
    index: int, blocks: Sequence[Block], remaining: list[int], found: _Found, inert: set[int]
) -> bool:
    """Take a credit line or an author box at ``index``; True if something was taken.

    ``index`` goes into ``inert`` when the answer is False and will stay False: the block
    is a heading, or neither a credit line nor a bio.
    """
    text = blocks[index].text
    if blocks[index].kind == "heading":
        inert.add(index)
        return False
    credits = parse_credits(text)
    if credits is not None:
        _take_credits(index, text, credits, found)
        return True
    name = bio_name(text)
    if name is None:
        inert.add(index)
        return False
    above = _name_lines_above(index, name, blocks, remaining)
    heading = _heading_above(index if not above else above[0], blocks, remaining)
    # Proof it is an author box: the name printed above it, an "About the author" heading, or
    # the name signing the byline; and always a job such as reporter or editor in the bio.
    if not has_bio_role(text) or not (above or heading is not None or name in found.authors):
        return False
    for line in [*above, *([heading] if heading is not None else [])]:
        found.removed.add(line)
        found.edits.append(
            Edit("byline", "extract", blocks[line].text, name, "author box after the body")
        )
    found.removed.add(index)
    found.edits.append(Edit("byline", "extract", text, name, "author box after the body"))
    if name not in found.authors:
        found.authors.append(name)
    return True


def _name_lines_above(
    index: int, name: str, blocks: Sequence[Block], remaining: list[int]
) -> list[int]:
    """The blocks just above ``index`` that hold only ``name`` (a name printed over its bio)."""
    lines: list[int] = []
    position = remaining.index(index)
    for previous in reversed(remaining[max(0, position - 3) : position]):
        chunk = classify(blocks[previous].text)
        if chunk.kind != "name" or chunk.text.casefold() != name.casefold():
            break
        lines.insert(0, previous)
    return lines


def _heading_above(index: int, blocks: Sequence[Block], remaining: list[int]) -> int | None:
    position = remaining.index(index)
    if position == 0:
        return None
    previous = remaining[position - 1]
    key = " ".join(blocks[previous].text.lower().strip(" :").split())
    return previous if key in lexicon().bio_headings else None


def _long_paragraphs(blocks: Sequence[Block], head: list[int], found: _Found) -> list[int]:
    """The ``head`` paragraphs, in order, that are not removed and whose text (as replaced)
    has at least _MIN_PROSE_WORDS words: those _read_dateline reads (the others are
    skipped whatever it reads before them; it changes only the paragraph it is at).

    Counted on the text without its dateline, so a second run counts the same. The rest
    after a dateline is a suffix of the text, and a suffix has no more words (maximal runs
    of non-space) than the text: a short text is skipped unsplit.
    """
    if fast.COMPILED and isinstance(blocks, tuple):
        return fast.long_paragraphs(blocks, head, found.removed, found.replaced, _MIN_PROSE_WORDS)
    return [
        index
        for index in head
        if blocks[index].kind == "paragraph"
        and index not in found.removed
        and len(found.replaced.get(index, blocks[index].text).split(None, _MIN_PROSE_WORDS))
        >= _MIN_PROSE_WORDS
    ]


def _apply(doc: Document, found: _Found) -> Document:
    # The blocks kept, those replaced with their new text: the list is copied whole, then
    # the few changes are made (removals from the end, so the indexes stay right).
    blocks = list(doc.blocks)
    for i, text in found.replaced.items():
        blocks[i] = dataclasses.replace(blocks[i], text=text)
    for i in sorted(found.removed, reverse=True):
        del blocks[i]
    meta = doc.meta
    authors = found.authors or found.desks
    changes: dict[str, Any] = {}
    if not meta.authors and authors:
        changes["authors"] = tuple(dict.fromkeys(authors))
    place = found.agency_place or found.place
    if meta.dateline is None and place:
        changes["dateline"] = place
    if meta.published is None and found.published is not None:
        changes["published"] = found.published
    if meta.updated is None and found.updated is not None:
        changes["updated"] = found.updated
    out = doc.with_blocks(blocks, found.edits)
    return dataclasses.replace(out, meta=dataclasses.replace(meta, **changes)) if changes else out
