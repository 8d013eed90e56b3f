"""Read a whole HTML page into its article: the body blocks and the metadata.

:func:`read_html` parses with selectolax (Lexbor) after capping absurd nesting
(:mod:`~newsclean.readers.html.nesting`), reads the metadata
(:mod:`~newsclean.readers.html.meta`), removes hidden elements, walks the body into
blocks (:mod:`~newsclean.readers.html.dom`) and keeps the main content
(:mod:`~newsclean.readers.html.content`), judging containers by their prose and by what
their tag, class, id and role say (:mod:`~newsclean.readers.html.signals`, with the
word lists in ``lexicon/html.json``). Filters that run after it see only the article, and,
when no metadata source dates the page, the byline or date line printed beside the
headline (which :class:`~newsclean.filters.ExtractByline` then moves into the metadata).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import regex
from selectolax.lexbor import LexborHTMLParser

from newsclean.document import Block, Document, Metadata
from newsclean.errors import InputTypeError
from newsclean.filters.byline.extract import anchor_index, dated_head
from newsclean.filters.byline.lines import parse_byline
from newsclean.readers.html.content import guess_language, select_content
from newsclean.readers.html.dom import HIDDEN_SELECTOR, Page, remove_invisible, walk
from newsclean.readers.html.meta import SOURCES_SELECTOR, read_metadata
from newsclean.readers.html.nesting import bound_nesting

__all__ = ["read_html", "read_html_utf8"]

_WORDS = regex.compile(r"\w+")


def read_html(html: str) -> Document:
    """Return the article of the page ``html``: main-content blocks and metadata; never raises.

    The blocks are the article body only, in reading order, without the headline (which
    is ``meta.title``), navigation, sidebars, comments, captions or widgets; when no
    metadata source dates the page, the byline or date line printed beside the headline
    joins them, for :class:`~newsclean.filters.ExtractByline` to move into the metadata. Each block
    has its ``kind`` from its tag, its ``path`` (``"body>div.main>article#story>p"``), its
    ``link_density`` and its ``position`` in the returned body. Not for pages whose whole
    text you want: use an HTML-to-text converter for that.

    >>> page = (
    ...     "<html lang='en'><head><title>Rain returns | Daily Planet</title></head><body>"
    ...     "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    ...     "<article><h1>Rain returns</h1><p>Rain fell on the city for the first time in"
    ...     " months, and farmers said the crops would now recover.</p></article>"
    ...     "<footer>Copyright 2024 Daily Planet</footer></body></html>"
    ... )
    >>> doc = read_html(page)
    >>> doc.meta.title, doc.meta.language
    ('Rain returns', 'en')
    >>> [block.text[:24] for block in doc.blocks]
    ['Rain fell on the city fo']
    """
    if not isinstance(html, str):
        raise InputTypeError(f"read_html() takes str, not {type(html).__name__}")
    return read_html_utf8(html, None)


def read_html_utf8(html: str, utf8: bytes | None) -> Document:
    """:func:`read_html`, given also ``utf8``: exactly ``html.encode("utf-8")`` (the bytes
    ``html`` was strictly decoded from), or ``None``.

    The parser reads UTF-8: passing the bytes a page came in spares encoding it again
    (about a fifth of the parse time of a page with any non-ASCII character).

    >>> page = "<html><body><p>Caf\u00e9 au lait, fresh every morning.</p></body></html>"
    >>> read_html_utf8(page, page.encode()) == read_html(page)
    True
    """
    if utf8 is None:
        # What the parser does with text (selectolax encodes it so), done here so that the
        # tags are counted in bytes, several times faster than in the text.
        utf8 = html.encode("utf-8", "ignore")
    bounded = bound_nesting(html, utf8.count(b"<"))
    tree = LexborHTMLParser(utf8 if bounded is html else bounded)
    # One search finds both the metadata sources and the hidden elements.
    nodes = tree.css(f"{SOURCES_SELECTOR}, {HIDDEN_SELECTOR}")
    # Their tags and attributes, read once for both steps.
    elements = [(node, node.tag, node.attributes) for node in nodes]
    meta = read_metadata(tree, elements=elements)
    remove_invisible(tree, elements=elements)
    body = tree.body
    if body is None:
        return Document(meta=meta)
    page = walk(body)
    language = guess_language(meta.language, page.blocks)
    selection = select_content(page, language)
    if not selection.complete:
        page = walk(body, skip_boilerplate=False)
        selection = select_content(page, language)
    doc = Document(blocks=tuple(_blocks(page, selection.blocks, meta)), meta=meta)
    if meta.published is None and not dated_head(doc):
        line = _date_line_near_title(tree, meta, {block.text for block in doc.blocks})
        if line is not None:
            doc = Document(blocks=tuple(_with_line(list(doc.blocks), line, meta)), meta=meta)
    return doc


# A page's visible date line ("18 NOV 2019", "By Jane Doe on Monday, November 18th, 2019")
# sits within a few blocks of its headline, often in a container the content selection
# leaves out; it is looked for this many blocks before and after the headline.
_DATE_LINE_BEFORE = 3
_DATE_LINE_AFTER = 8
_DATE_LINE_MAX_CHARS = 160
# The headline's ancestor whose subtree is searched: three levels up.
_DATE_LINE_LEVELS = 3


def _with_line(blocks: list[Block], line: Block, meta: Metadata) -> list[Block]:
    """``blocks`` with ``line`` just after the block ExtractByline measures its head from
    (so that it reads the line), positions renumbered."""
    anchor = anchor_index(Document(blocks=tuple(blocks), meta=meta))
    at = 0 if anchor is None else anchor + 1
    ordered = [*blocks[:at], line, *blocks[at:]]
    return [
        block if block.position == index else dataclasses.replace(block, position=index)
        for index, block in enumerate(ordered)
    ]


def _date_line_near_title(tree: LexborHTMLParser, meta: Metadata, kept: set[str]) -> Block | None:
    """The byline or date line printed next to the headline, when no metadata source gives
    a publication date and the article's blocks do not hold it.

    The line is handed to the filters as a block just after the one ExtractByline reads
    bylines from (see :func:`_with_line`): :class:`ExtractByline` reads it with
    the same rules as any byline and moves its date, and its authors when no source named
    any, into the metadata. Only a line that
    :func:`~newsclean.filters.byline.parse_byline` reads with a publication date is taken.
    The block's ``path`` starts at the searched ancestor (labelled ``body``).
    """
    heading = tree.css_first("h1")
    if heading is None:
        return None
    scope = heading
    for _ in range(_DATE_LINE_LEVELS):
        if scope.parent is None or scope.parent.tag in ("body", "html"):
            break
        scope = scope.parent
    page = walk(scope, skip_boilerplate=False)
    headline = next(
        (i for i, block in enumerate(page.blocks) if block.kind == "heading" and block.level == 1),
        None,
    )
    if headline is None:
        return None
    languages = (meta.language,) if meta.language else None
    start = max(0, headline - _DATE_LINE_BEFORE)
    for index in range(start, min(len(page.blocks), headline + _DATE_LINE_AFTER + 1)):
        block = page.blocks[index]
        text = block.text
        if index == headline or len(text) > _DATE_LINE_MAX_CHARS:
            continue
        if block.kind in ("preformatted", "table_cell", "quote"):
            continue  # never a byline (a heading is, when the filters get it as a line)
        if text in kept and block.kind != "heading":
            continue  # ExtractByline reads it where it is (but never a heading)
        byline = parse_byline(text, languages=languages)
        if byline is not None and byline.published is not None:
            return Block(text, kind="line", path=page.path(block.owner), position=0)
    return None


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _blocks(page: Page, kept: Sequence[int], meta: Metadata) -> list[Block]:
    """Turn the kept blocks into :class:`Block` objects, without the headline."""
    title = _key(meta.title) if meta.title else None
    blocks: list[Block] = []
    for index in kept:
        block = page.blocks[index]
        if block.kind == "heading" and title is not None and _key(block.text) == title:
            continue
        blocks.append(
            Block(
                block.text,
                kind=block.kind,
                level=block.level,
                path=page.path(block.owner),
                link_density=round(block.link_density, 3),
                position=len(blocks),
            )
        )
    return blocks
