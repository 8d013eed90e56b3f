"""Read a whole HTML page into its article: the body blocks and the metadata.

:func:`read_html` parses with selectolax (Lexbor) after capping absurd nesting
(:mod:`~newsclean.readers.html.nesting`), reads the metadata
(:mod:`~newsclean.readers.html.meta`), removes hidden elements, walks the body into
blocks (:mod:`~newsclean.readers.html.dom`) and keeps the main content
(:mod:`~newsclean.readers.html.content`), judging containers by their prose and by what
their tag, class, id and role say (:mod:`~newsclean.readers.html.signals`, with the
word lists in ``lexicon/html.json``). Filters that run after it see only the article.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from selectolax.lexbor import LexborHTMLParser

from newsclean.document import Block, Document, Metadata
from newsclean.errors import InputTypeError
from newsclean.readers.html.content import guess_language, select_content
from newsclean.readers.html.dom import HIDDEN_SELECTOR, Page, remove_invisible, walk
from newsclean.readers.html.meta import SOURCES_SELECTOR, read_metadata
from newsclean.readers.html.nesting import bound_nesting

__all__ = ["read_html", "read_html_utf8"]

_WORDS = regex.compile(r"\w+")


def read_html(html: str) -> Document:
    """Return the article of the page ``html``: main-content blocks and metadata; never raises.

    The blocks are the article body only, in reading order, without the headline (which
    is ``meta.title``), navigation, sidebars, comments, captions or widgets. Each block
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
    blocks = _blocks(page, selection.blocks, meta)
    return Document(blocks=tuple(blocks), meta=meta)


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
