"""Read an HTML page into blocks with selectolax (Lexbor).

This first reader keeps every block-level element's text in document order and drops
what is never article text (scripts, styles, templates, hidden elements). Choosing the
article among the page's blocks is the job of the filters that follow.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean.document import Block, BlockKind, Document, Metadata
from newsclean.errors import InputTypeError

__all__ = ["read_html"]

_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "head",
    "select",
    "button",
    "input",
    "textarea",
    "object",
    "embed",
    "canvas",
)
_KIND_BY_TAG: dict[str, BlockKind] = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "quote",
    "figcaption": "caption",
    "caption": "caption",
    "td": "table_cell",
    "th": "table_cell",
    "pre": "preformatted",
}
_SPACES = regex.compile(r"\s+")


def read_html(html: str) -> Document:
    """Parse ``html`` and return its visible block texts as a :class:`Document`; never raises.

    >>> [b.text for b in read_html("<p>One <b>two</b></p><script>x</script><p>Three</p>").blocks]
    ['One two', 'Three']
    """
    if not isinstance(html, str):
        raise InputTypeError(f"read_html() takes str, not {type(html).__name__}")
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = _squash(title_node.text(deep=True)) if title_node is not None else None
    root = tree.body
    blocks: tuple[Block, ...] = ()
    if root is not None:
        root.strip_tags(list(_NEVER_TEXT))
        blocks = tuple(_blocks(root))
    return Document(blocks=blocks, meta=Metadata(title=title or None))


def _blocks(root: LexborNode) -> Iterator[Block]:
    position = 0
    selector = ",".join(_KIND_BY_TAG)
    for node in root.css(selector):
        if any(parent.tag in _KIND_BY_TAG for parent in _ancestors(node)):
            continue
        text = _squash(node.text(deep=True, separator=" "))
        if not text:
            continue
        tag = node.tag or "p"
        level = int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else 0
        yield Block(
            text, kind=_KIND_BY_TAG.get(tag, "paragraph"), level=level, path=tag, position=position
        )
        position += 1


def _ancestors(node: LexborNode) -> Iterator[LexborNode]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
