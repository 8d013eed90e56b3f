"""The immutable document that readers make, filters transform and writers render.

A :class:`Document` is a tuple of :class:`Block` objects (the body, in reading order), a
:class:`Metadata` record and the :class:`Edit` log of every change a filter made. All three
are frozen: a filter returns a new document built with :func:`dataclasses.replace`.

>>> doc = Document(blocks=(Block("Title", kind="heading", level=1), Block("Body text.")))
>>> doc.text
'Title\\n\\nBody text.'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, cast

__all__ = [
    "Action",
    "Block",
    "BlockKind",
    "Document",
    "Edit",
    "Metadata",
]

BlockKind = Literal[
    "paragraph",
    "heading",
    "list_item",
    "quote",
    "caption",
    "table_cell",
    "preformatted",
    "line",
]
"""What a block is: its role in the page, from the HTML tag or the shape of the text line."""

Action = Literal["remove", "replace", "extract"]
"""What a filter did to a piece of text: dropped it, changed it, or moved it into metadata."""


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text (a paragraph, heading, list item, quote, caption or line).

    ``text`` holds no leading or trailing white space. The other fields are the features
    filters decide on; a reader fills those it knows and leaves the defaults otherwise.

    - ``kind``: see :data:`BlockKind`; ``level`` is the heading level (1-6) or list depth.
    - ``path``: for HTML, the tag path with class and id tokens
      (``"body>div.main>article#story>p"``); empty for text.
    - ``link_density``: share of the text's characters inside links (HTML only).
    - ``position``: index of the block in the source, in reading order.
    - ``line_count``: how many source lines the block was made of (text only).
    - ``blank_before``: whether the source had a blank line before this block (text only).
    """

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0
    path: str = ""
    link_density: float = 0.0
    position: int = 0
    line_count: int = 1
    blank_before: bool = True


class _BlockDraft:
    """A mutable twin of :class:`Block` (the same slots) that becomes a ``Block`` once filled.

    ``__init__`` fills the slots with plain attribute stores, then sets ``__class__`` to
    :class:`Block` (allowed between classes of the same layout): a real, frozen ``Block``,
    equal to one built by ``Block(...)``, without the frozen dataclass ``__init__`` and its
    ``object.__setattr__`` per field (about four times faster). For readers that make many.
    """

    __slots__ = Block.__slots__

    def __init__(
        self,
        text: str,
        kind: BlockKind,
        level: int,
        path: str,
        link_density: float,
        position: int,
        line_count: int,
        blank_before: bool,
    ) -> None:
        self.text = text
        self.kind = kind
        self.level = level
        self.path = path
        self.link_density = link_density
        self.position = position
        self.line_count = line_count
        self.blank_before = blank_before
        self.__class__ = Block  # type: ignore[assignment]


_new_block = cast("Callable[[str, BlockKind, int, str, float, int, int, bool], Block]", _BlockDraft)
"""``Block(text, kind, level, path, link_density, position, line_count, blank_before)``, faster:
every field positional, no defaults (see :class:`_BlockDraft`)."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about the article besides its body.

    Dates are aware :class:`~datetime.datetime` objects, or :class:`~datetime.date` when the
    source gives no time of day. ``encoding`` is the character encoding a byte reader chose.
    """

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    published: datetime | date | None = None
    updated: datetime | date | None = None
    language: str | None = None
    source_url: str | None = None
    site_name: str | None = None
    tags: tuple[str, ...] = ()
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Edit:
    """One change a filter made: which filter, what it did, the text before and after, and why.

    ``after`` is empty for a removal; for an extraction it is the value stored in metadata.
    """

    filter: str
    action: Action
    before: str
    after: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """Return the edit as a JSON-ready dict."""
        return {
            "filter": self.filter,
            "action": self.action,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


class _EditDraft:
    """A mutable twin of :class:`Edit` that becomes an ``Edit`` once filled, as
    :class:`_BlockDraft` does for blocks: for filters that record many removals."""

    __slots__ = Edit.__slots__

    def __init__(self, filter: str, action: Action, before: str, after: str, reason: str) -> None:
        self.filter = filter
        self.action = action
        self.before = before
        self.after = after
        self.reason = reason
        self.__class__ = Edit  # type: ignore[assignment]


_new_edit = cast("Callable[[str, Action, str, str, str], Edit]", _EditDraft)
"""``Edit(filter, action, before, after, reason)``, faster (see :class:`_EditDraft`)."""


def _iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True, slots=True)
class Document:
    """An article: body blocks in reading order, metadata, and the log of edits made to it."""

    blocks: tuple[Block, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    edits: tuple[Edit, ...] = ()

    @property
    def text(self) -> str:
        """The body as plain text: each block's text, joined by a blank line."""
        return "\n\n".join(block.text for block in self.blocks if block.text)

    def with_blocks(self, blocks: Iterable[Block], edits: Iterable[Edit] = ()) -> Document:
        """Return a copy with ``blocks`` as the body and ``edits`` appended to the log."""
        if type(self) is Document:  # a subclass may have more fields: replace() keeps them
            return _new_document(tuple(blocks), self.meta, self.edits + tuple(edits))
        return dataclasses.replace(self, blocks=tuple(blocks), edits=self.edits + tuple(edits))

    def with_meta(self, edits: Iterable[Edit] = (), **changes: Any) -> Document:
        """Return a copy whose metadata has ``changes`` applied and ``edits`` appended."""
        meta = dataclasses.replace(self.meta, **changes)
        if type(self) is Document:
            return _new_document(self.blocks, meta, self.edits + tuple(edits))
        return dataclasses.replace(self, meta=meta, edits=self.edits + tuple(edits))

    def to_markdown(self) -> str:
        """Render the article as Markdown: the title as ``#``, headings, lists and quotes marked.

        >>> doc = Document(blocks=(Block("Point", kind="list_item"),), meta=Metadata(title="T"))
        >>> doc.to_markdown()
        '# T\\n\\n- Point\\n'
        """
        parts: list[str] = []
        if self.meta.title:
            parts.append(f"# {self.meta.title}")
        previous: BlockKind | None = None
        for block in self.blocks:
            if not block.text:
                continue
            rendered = _markdown_block(block)
            if block.kind == "list_item" and previous == "list_item":
                parts[-1] += "\n" + rendered
            else:
                parts.append(rendered)
            previous = block.kind
        return "\n\n".join(parts) + "\n" if parts else ""

    def to_dict(self) -> dict[str, Any]:
        """Return the article as a JSON-ready dict (dates as ISO 8601 strings, lists for lists).

        >>> sorted(Document().to_dict())[:4]
        ['authors', 'dateline', 'description', 'edits']
        """
        meta = self.meta
        return {
            "title": meta.title,
            "description": meta.description,
            "authors": list(meta.authors),
            "dateline": meta.dateline,
            "published": _iso(meta.published),
            "updated": _iso(meta.updated),
            "source_url": meta.source_url,
            "language": meta.language,
            "site_name": meta.site_name,
            "tags": list(meta.tags),
            "encoding": meta.encoding,
            "text": self.text,
            "edits": [edit.to_dict() for edit in self.edits],
        }


class _DocumentDraft:
    """A mutable twin of :class:`Document` that becomes a ``Document`` once filled, as
    :class:`_BlockDraft` does for blocks: filters make a new document per change."""

    __slots__ = Document.__slots__

    def __init__(self, blocks: tuple[Block, ...], meta: Metadata, edits: tuple[Edit, ...]) -> None:
        self.blocks = blocks
        self.meta = meta
        self.edits = edits
        self.__class__ = Document  # type: ignore[assignment]


_new_document = cast(
    "Callable[[tuple[Block, ...], Metadata, tuple[Edit, ...]], Document]", _DocumentDraft
)
"""``Document(blocks, meta, edits)``, faster (see :class:`_DocumentDraft`)."""


def _markdown_block(block: Block) -> str:
    if block.kind == "heading":
        return "#" * min(max(block.level, 2), 6) + " " + block.text
    if block.kind == "list_item":
        return "- " + block.text
    if block.kind == "quote":
        return "\n".join("> " + line for line in block.text.splitlines())
    if block.kind == "preformatted":
        return "```\n" + block.text + "\n```"
    if block.kind == "caption":
        return "*" + block.text + "*"
    return block.text
