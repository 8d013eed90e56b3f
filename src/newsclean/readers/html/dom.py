"""Turn a parsed page into text blocks and the containers that hold them.

One iterative walk over the ``<body>`` (no recursion, so 100,000 nested elements are fine)
produces:

- :class:`RawBlock` objects: each run of text between block-level boundaries, with its
  kind (from the nearest tag that gives one), its link characters and the container it
  sits in. Inline elements (``<span>``, ``<a>``, ``<b>``, ...) add their text as it is,
  so words are never glued or split; ``<br>`` becomes a line break and two of them in a
  row end the block.
- :class:`Container` objects: every block-level element, with its attributes, what they
  say it holds (:mod:`.signals`), its parent, and the range of blocks inside it (blocks
  are in document order, so an element's blocks are always one contiguous range).

Hidden elements (``hidden``, ``aria-hidden="true"``, inline ``display:none`` /
``visibility:hidden``) are removed before the walk (:func:`remove_invisible`); the walk
skips comments and what is never article text (scripts, styles, templates, SVG, iframes,
media, form controls) and, unless told otherwise, small boilerplate subtrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean.document import BlockKind
from newsclean.readers.html.signals import BOILERPLATE, NEUTRAL, attribute_mark, tag_marks
from newsclean.readers.html.tokens import split_tokens

__all__ = [
    "HIDDEN_SELECTOR",
    "NEVER_TEXT",
    "Container",
    "Page",
    "RawBlock",
    "is_hidden",
    "remove_invisible",
    "walk",
]

# Elements whose content is never article text; removed with their subtree.
NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
    "map",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "datalist",
    "dialog",
)
_SKIPPED = frozenset(NEVER_TEXT) | {"head", "title", "meta", "link", "base"}
# Elements never removed as hidden: the root, and those that are never shown anyway
# (most of the nodes a joined metadata search brings).
_NEVER_REMOVED = frozenset(("html", "body", "head", "meta", "link", "script", "title"))
_HIDDEN_STYLES = ("display:none", "display: none", "visibility:hidden", "visibility: hidden")
HIDDEN_SELECTOR = "[hidden], [aria-hidden], [style]"
"""The elements that may be hidden: :func:`is_hidden` tells which are (``hidden``,
``aria-hidden="true"``, ``display:none`` or ``visibility:hidden`` styles). Matching the
attribute values in Python is faster than Lexbor's case-insensitive substring selectors."""

# A boilerplate-marked element is skipped when it holds at most this many characters of
# text; a bigger one may be a wrapper of the article with a misleading class, and is
# walked. Tuned on the article-extraction benchmark for speed: 1,000-4,000 are within 5%;
# larger limits make more pages need a second, whole walk (16 of 181 at 4,000, 4 at
# 2,000). Quality does not depend on it.
_SKIP_LIMIT = 2500

# Elements that do not break the flow of text; every other element (including unknown and
# custom elements such as <story-body>) starts and ends a block.
_INLINE = frozenset(
    (
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "picture",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "-text",
        "-comment",
    )
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
# Kinds an outer element gives to a plain paragraph inside it (<li><p>, <blockquote><p>).
_OUTER_KINDS = frozenset(("quote", "list_item", "caption"))
_LISTS = frozenset(("ul", "ol", "dl", "menu"))

_BREAK = "\x00"  # stands for <br> while text is gathered (the parser drops real NULs)
_BREAK_SPACES = re.compile(r" ?\x00[ \x00]*")

# A block's path keeps this many innermost elements (with a leading "…" when cut), so a
# page of 100,000 nested elements does not make a path 100,000 labels long.
_PATH_DEPTH = 48
# Class names and ids longer than this are generated hashes or junk; they are kept out of
# the path label (their tokens still count for scoring).
_LABEL_TOKEN_MAX = 40
# A path label keeps at most this many class names (some pages put 100 on <body>).
_LABEL_CLASSES = 4


@dataclass(slots=True)
class Container:
    """A block-level element: its tag and attributes, its parent, and its blocks.

    ``first`` and ``end`` delimit the blocks inside it (``blocks[first:end]``); ``parent``
    is the index of the enclosing container (-1 for ``<body>``).
    """

    tag: str
    attrs: dict[str, Any]
    parent: int
    depth: int
    first: int
    mark: int = NEUTRAL
    """What the element's tag, class, id and role say it holds (see :mod:`.signals`)."""
    end: int = 0
    skipped: int = 0
    """Characters of text in the subtree when the walk did not enter it (boilerplate)."""

    def attr(self, name: str) -> str:
        """Return the attribute ``name`` (empty when absent or valueless)."""
        value = self.attrs.get(name)
        return value if isinstance(value, str) else ""

    @property
    def tokens(self) -> tuple[str, ...]:
        """The lower-case words of the class names and id (``"storyBody__text"`` gives 3)."""
        return split_tokens(f"{self.attr('class')} {self.attr('id')}")

    @property
    def label(self) -> str:
        """The element as a path step: tag, ``.class`` names and ``#id``."""
        label = self.tag
        names = [name for name in self.attr("class").split() if len(name) <= _LABEL_TOKEN_MAX]
        for name in names[:_LABEL_CLASSES]:
            label += "." + name
        ident = self.attr("id")
        # A name without white space is its own only split (faster than testing each character).
        if ident and len(ident) <= _LABEL_TOKEN_MAX and ident.split() == [ident]:
            label += "#" + ident
        return label


@dataclass(slots=True)
class RawBlock:
    """A run of text between block boundaries, with the features content selection needs."""

    text: str
    kind: BlockKind
    level: int
    link_chars: int
    owner: int

    @property
    def link_density(self) -> float:
        """The share of the text's characters inside links."""
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0


@dataclass(slots=True)
class Page:
    """The blocks and containers of one page body, in document order."""

    blocks: list[RawBlock] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    paths: dict[int, str] = field(default_factory=dict, repr=False, compare=False)
    """Paths already built, by container index."""
    labels: dict[int, str] = field(default_factory=dict, repr=False, compare=False)
    """Path steps already built, by container index (for paths deeper than the cap)."""

    def path(self, container: int) -> str:
        """Return the tag path from ``<body>`` to ``container`` (innermost steps only)."""
        known = self.paths.get(container)
        if known is not None:
            return known
        node = self.containers[container]
        if node.depth < _PATH_DEPTH:
            # Shallow paths extend their parent's (cached) path.
            prefix = self.path(node.parent) + ">" if node.parent >= 0 else ""
            path = prefix + node.label
        else:
            labels: list[str] = []
            index = container
            while index >= 0 and len(labels) < _PATH_DEPTH:
                label = self.labels.get(index)
                if label is None:
                    label = self.labels[index] = self.containers[index].label
                labels.append(label)
                index = self.containers[index].parent
            labels.append("…")
            path = ">".join(reversed(labels))
        self.paths[container] = path
        return path


def remove_invisible(
    tree: LexborHTMLParser,
    candidates: Iterable[LexborNode] = (),
    *,
    elements: Sequence[tuple[LexborNode, str | None, Mapping[str, Any]]] = (),
) -> None:
    """Remove the hidden elements of ``tree`` (:func:`walk` skips scripts and the like).

    ``candidates``, when given, are the nodes a search for :data:`HIDDEN_SELECTOR` (joined
    to another selector, to save a pass over the tree) found; only the hidden ones go.
    ``elements``, instead, are such nodes with their tag and attributes already read.
    """
    if not elements:
        nodes = list(candidates) or tree.css(HIDDEN_SELECTOR)
        elements = [(node, node.tag, node.attributes) for node in nodes]
    # Last first: a hidden element inside another is removed before its ancestor, whose
    # removal would free it (the search returns nodes in document order).
    for node, tag, attrs in reversed(elements):
        if tag not in _NEVER_REMOVED and is_hidden(attrs):
            node.decompose()


def is_hidden(attrs: Mapping[str, Any]) -> bool:
    """Tell whether an element with ``attrs`` is hidden (by attribute or inline style).

    >>> is_hidden({"hidden": None}), is_hidden({"style": "Display: None"}), is_hidden({})
    (True, True, False)
    """
    if "hidden" in attrs:
        return True
    if (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = attrs.get("style")
    if not style:
        return False
    style = style.lower()
    return any(rule in style for rule in _HIDDEN_STYLES)


def walk(body: LexborNode, *, skip_boilerplate: bool = True) -> Page:
    """Walk ``body`` (cleaned by :func:`remove_invisible`) into blocks and containers.

    With ``skip_boilerplate`` the walk does not enter elements marked as boilerplate
    (navigation, sidebars, comments, ...: about two thirds of a news page's elements)
    that hold little text (a bigger one may be a wrapper of the article with a misleading
    class); it keeps only the amount of their text, in :attr:`Container.skipped`.

    >>> tree = LexborHTMLParser("<div><p>One<br>two <a href=x>three</a></p>four</div>")
    >>> page = walk(tree.body)
    >>> [(b.text, b.kind, b.link_chars) for b in page.blocks]
    [('One\\ntwo three', 'paragraph', 5), ('four', 'paragraph', 0)]
    >>> page.path(page.blocks[0].owner)
    'body>div>p'
    """
    # One loop with local state: this walk is most of the reader's time.
    page = Page()
    blocks, containers = page.blocks, page.containers
    containers.append(Container("body", body.attributes, -1, 0, 0))
    skip_limit = _SKIP_LIMIT if skip_boilerplate else 0
    opened = [0]
    kinds: list[tuple[BlockKind, int]] = []
    fragments: list[str] = []
    link_chars = links = pre = lists = 0
    stack: list[tuple[LexborNode, str]] = []
    bare_marks = tag_marks()
    node = body.child
    while True:
        if node is None:
            if not stack:
                break
            node, tag = stack.pop()
            if tag == "a":
                links -= 1
            elif tag not in _INLINE:
                if fragments:
                    _flush(fragments, link_chars, blocks, opened[-1], kinds, lists, pre)
                    fragments, link_chars = [], 0
                containers[opened.pop()].end = len(blocks)
                if tag in _KIND_BY_TAG:
                    kinds.pop()
                if tag == "pre":
                    pre -= 1
                elif tag in _LISTS:
                    lists -= 1
            node = node.next
            continue
        tag = node.tag or ""
        if tag == "-text":
            # White space alone does not start a block: the C-level test for ASCII white
            # space spares reading most such nodes (a third of a page's nodes).
            if fragments or not node.is_empty_text_node:
                raw = node.text_content
                if raw and (fragments or not raw.isspace()):
                    fragments.append(raw)
                    if links:
                        link_chars += len(raw.strip())
        elif tag in _INLINE:
            if tag == "a":
                links += 1
            stack.append((node, tag))
            node = node.child
            continue
        elif tag == "br":
            if _BREAK in fragments[-3:] and _ends_with_break(fragments):
                _flush(fragments, link_chars, blocks, opened[-1], kinds, lists, pre)
                fragments, link_chars = [], 0
            elif fragments:
                fragments.append(_BREAK)
        elif tag not in _SKIPPED and tag[:1] not in ("-", "!", ""):
            if fragments:
                _flush(fragments, link_chars, blocks, opened[-1], kinds, lists, pre)
                fragments, link_chars = [], 0
            parent = opened[-1]
            attrs = node.attributes
            if attrs or "-" in tag:
                # container_mark(tag, attrs), without a call.
                get = attrs.get
                mark = attribute_mark(
                    tag,
                    get("class") or "",
                    get("id") or "",
                    get("role") or "",
                    get("itemprop") or "",
                )
            else:
                mark = bare_marks.get(tag, NEUTRAL)
            container = Container(
                tag, attrs, parent, containers[parent].depth + 1, len(blocks), mark
            )
            containers.append(container)
            if mark == BOILERPLATE and skip_limit:
                size = len(node.text(deep=True, separator=" ", strip=True))
                if size <= skip_limit:
                    container.end = container.first
                    container.skipped = size
                    node = node.next
                    continue
            opened.append(len(containers) - 1)
            kind = _KIND_BY_TAG.get(tag)
            if kind is not None:
                kinds.append((kind, int(tag[1]) if kind == "heading" else 0))
                if tag == "pre":
                    pre += 1
            elif tag in _LISTS:
                lists += 1
            stack.append((node, tag))
            node = node.child
            continue
        node = node.next
    if fragments:
        _flush(fragments, link_chars, blocks, opened[-1], kinds, lists, pre)
    for index in opened:
        containers[index].end = len(blocks)
    return page


def _ends_with_break(fragments: list[str]) -> bool:
    """Tell whether the text gathered so far ends with a line break (then only spaces)."""
    for fragment in reversed(fragments):
        if fragment == _BREAK:
            return True
        if not fragment.isspace():
            return False
    return False


def _flush(
    fragments: list[str],
    link_chars: int,
    blocks: list[RawBlock],
    owner: int,
    kinds: list[tuple[BlockKind, int]],
    lists: int,
    pre: int,
) -> None:
    """End the block being gathered: squash its white space and append it to ``blocks``."""
    joined = "".join(fragments)
    if pre:
        # Preformatted text keeps its indentation, not its surrounding blank lines.
        value = joined.replace(_BREAK, "\n").rstrip().lstrip("\n")
        if not value.strip():
            return
    elif joined[0] != " " != joined[-1] and "  " not in joined and joined.isprintable():
        # Already squashed: every white space character but the space is unprintable,
        # and so is the break mark. Most blocks are (a third of the time of squashing).
        value = joined
    else:
        # str.split() is many times faster than a regex here, and splits where \s does.
        value = " ".join(joined.split())
        if _BREAK in value:
            value = _BREAK_SPACES.sub("\n", value).strip()
        if not value:
            return
    kind, level = _kind(kinds, lists) if kinds else ("paragraph", 0)
    blocks.append(RawBlock(value, kind, level, min(link_chars, len(value)), owner))


def _kind(kinds: list[tuple[BlockKind, int]], lists: int) -> tuple[BlockKind, int]:
    """The kind of a block from the kind-giving elements around it (innermost last)."""
    kind, level = kinds[-1]
    if kind == "paragraph":
        for outer, outer_level in reversed(kinds):
            if outer in _OUTER_KINDS:
                kind, level = outer, outer_level
                break
    if kind == "list_item":
        level = max(lists, 1)
    return kind, level
