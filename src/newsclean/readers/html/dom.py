"""Turn a parsed page into text blocks and the containers that hold them.

One iterative walk over the ``<body>`` (no recursion, so 100,000 nested elements are fine)
produces:

- :class:`RawBlock` objects: each run of text between block-level boundaries, with its
  kind (from the nearest tag that gives one), its link characters, its tag path and the
  container it sits in. Inline elements (``<span>``, ``<a>``, ``<b>``, ...) add their text
  as it is, so words are never glued or split; ``<br>`` becomes a line break and two of
  them in a row end the block.
- :class:`Container` objects: every block-level element, with its class, id and role
  tokens, its parent, and the range of blocks inside it (blocks are in document order, so
  an element's blocks are always one contiguous range).

What is never article text is removed before the walk: scripts, styles, templates, SVG,
iframes, form controls, and hidden elements (``hidden``, ``aria-hidden="true"``, inline
``display:none`` / ``visibility:hidden``); comments are skipped by the walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean.document import BlockKind

__all__ = ["Container", "Page", "RawBlock", "remove_invisible", "split_tokens", "walk"]

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
_HIDDEN_SELECTOR = (
    '[hidden], [aria-hidden="true" i], [style*="display:none" i], [style*="display: none" i],'
    ' [style*="visibility:hidden" i], [style*="visibility: hidden" i]'
)

# Elements that do not break the flow of text; every other element (including unknown and
# custom elements such as <story-body>) starts and ends a block.
_INLINE = frozenset(
    "a abbr acronym b bdi bdo big cite code data del dfn em font i img ins kbd label mark nobr"
    " picture q rp rt ruby s samp small source span strike strong sub sup time tt u var wbr"
    " -text -comment".split()
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

_SPACE_RUN = regex.compile(r"\s+")
_LINE_SPACES = regex.compile(r" *\n[ \n]*")
_TOKEN_SPLIT = regex.compile(r"[^\p{L}\p{N}]+")
_CAMEL_HUMP = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")

# A block's path keeps this many innermost elements (with a leading "…" when cut), so a
# page of 100,000 nested elements does not make every path 100,000 labels long.
_PATH_DEPTH = 24
# Class names and ids longer than this are generated hashes or junk; they are kept out of
# the path label (their tokens still count for scoring).
_LABEL_TOKEN_MAX = 40


@dataclass(slots=True)
class Container:
    """A block-level element: its tag, attributes that carry meaning, and its blocks.

    ``first`` and ``end`` delimit the blocks inside it (``blocks[first:end]``); ``parent``
    is the index of the enclosing container (-1 for ``<body>``).
    """

    tag: str
    classes: str
    id: str
    role: str
    itemprop: str
    parent: int
    depth: int
    label: str
    first: int = 0
    end: int = 0

    @property
    def tokens(self) -> tuple[str, ...]:
        """The lower-cased words of the class names and id (``"storyBody__text"`` gives 3)."""
        return split_tokens(f"{self.classes} {self.id}")


@dataclass(slots=True)
class RawBlock:
    """A run of text between block boundaries, with the features content selection needs."""

    text: str
    kind: BlockKind
    level: int
    link_chars: int
    chars: int
    owner: int
    path: str


@dataclass(slots=True)
class Page:
    """The blocks and containers of one page body, in document order."""

    blocks: list[RawBlock] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)


def remove_invisible(tree: LexborHTMLParser) -> None:
    """Remove from ``tree`` every element that can never be visible article text."""
    tree.strip_tags(list(NEVER_TEXT))
    for node in tree.css(_HIDDEN_SELECTOR):
        if node.tag not in ("html", "body"):
            node.decompose()


def split_tokens(raw: str) -> tuple[str, ...]:
    """Split class names or ids into lower-case words, at punctuation and camelCase humps.

    >>> split_tokens("storyBody__text js-share")
    ('story', 'body', 'text', 'js', 'share')
    """
    spaced = _CAMEL_HUMP.sub(" ", raw)
    return tuple(token for token in _TOKEN_SPLIT.split(spaced.lower()) if token)


def _label(tag: str, classes: str, ident: str) -> str:
    label = tag
    for name in classes.split():
        if len(name) <= _LABEL_TOKEN_MAX:
            label += "." + name
    if ident and len(ident) <= _LABEL_TOKEN_MAX and not any(c.isspace() for c in ident):
        label += "#" + ident
    return label


class _Walker:
    """The state of one walk: open elements, the text being gathered, what was produced."""

    def __init__(self) -> None:
        self.page = Page()
        self.open: list[int] = []  # indices of the open containers
        self.kinds: list[tuple[BlockKind, int]] = []  # kind-giving elements, innermost last
        self.fragments: list[str] = []
        self.link_chars = 0
        self.links = 0  # how many <a> are open
        self.pre = 0  # how many <pre> are open
        self.lists = 0  # how many lists are open

    def open_body(self, body: LexborNode) -> None:
        attrs = body.attributes
        self.page.containers.append(
            Container(
                "body",
                attrs.get("class") or "",
                attrs.get("id") or "",
                attrs.get("role") or "",
                attrs.get("itemprop") or "",
                -1,
                0,
                "body",
            )
        )
        self.open.append(0)

    def text(self, raw: str) -> None:
        if not raw:
            return
        text = raw if self.pre else _SPACE_RUN.sub(" ", raw)
        if text == " " and (not self.fragments or self.fragments[-1].endswith((" ", "\n"))):
            return
        self.fragments.append(text)
        if self.links:
            self.link_chars += len(text.strip())

    def line_break(self) -> None:
        # Two <br> in a row (only spaces between) end the paragraph.
        for fragment in reversed(self.fragments):
            if fragment == "\n":
                self.flush()
                return
            if fragment.strip():
                break
        self.fragments.append("\n")

    def enter_block(self, node: LexborNode, tag: str) -> None:
        self.flush()
        attrs = node.attributes
        classes = attrs.get("class") or ""
        ident = attrs.get("id") or ""
        containers = self.page.containers
        parent = self.open[-1]
        containers.append(
            Container(
                tag,
                classes,
                ident,
                attrs.get("role") or "",
                attrs.get("itemprop") or "",
                parent,
                containers[parent].depth + 1,
                _label(tag, classes, ident),
                len(self.page.blocks),
            )
        )
        self.open.append(len(containers) - 1)
        kind = _KIND_BY_TAG.get(tag)
        if kind is not None:
            level = int(tag[1]) if kind == "heading" else 0
            self.kinds.append((kind, level))
        if tag == "pre":
            self.pre += 1
        elif tag in _LISTS:
            self.lists += 1

    def leave_block(self, tag: str) -> None:
        self.flush()
        index = self.open.pop()
        self.page.containers[index].end = len(self.page.blocks)
        if tag in _KIND_BY_TAG:
            self.kinds.pop()
        if tag == "pre":
            self.pre -= 1
        elif tag in _LISTS:
            self.lists -= 1

    def flush(self) -> None:
        if not self.fragments:
            return
        joined = "".join(self.fragments)
        link_chars = self.link_chars
        self.fragments = []
        self.link_chars = 0
        text = joined.strip("\n") if self.pre else _LINE_SPACES.sub("\n", joined).strip()
        if not text:
            return
        kind, level = self._kind()
        containers = self.page.containers
        owner = self.open[-1]
        labels = [containers[i].label for i in self.open[-_PATH_DEPTH:]]
        if len(self.open) > _PATH_DEPTH:
            labels.insert(0, "…")
        chars = len(text)
        self.page.blocks.append(
            RawBlock(text, kind, level, min(link_chars, chars), chars, owner, ">".join(labels))
        )

    def _kind(self) -> tuple[BlockKind, int]:
        if not self.kinds:
            return "paragraph", 0
        kind, level = self.kinds[-1]
        if kind == "paragraph":
            for outer, outer_level in reversed(self.kinds):
                if outer in _OUTER_KINDS:
                    kind, level = outer, outer_level
                    break
        if kind == "list_item":
            level = max(self.lists, 1)
        return kind, level

    def finish(self) -> Page:
        self.flush()
        for index in self.open:
            self.page.containers[index].end = len(self.page.blocks)
        self.open = []
        return self.page


def walk(body: LexborNode) -> Page:
    """Walk ``body`` (already cleaned by :func:`remove_invisible`) into blocks and containers."""
    walker = _Walker()
    walker.open_body(body)
    body_id = body.mem_id
    node = body.child
    while node is not None:
        tag = node.tag or ""
        descend = False
        if tag == "-text":
            walker.text(node.text_content or "")
        elif tag == "br":
            walker.line_break()
        elif tag in _INLINE:
            if tag == "a":
                walker.links += 1
            descend = True
        elif tag and tag[0] not in "-!#":
            walker.enter_block(node, tag)
            descend = True
        child = node.child if descend else None
        if child is not None:
            node = child
            continue
        if descend:
            _leave(walker, tag)
        while True:
            following = node.next
            if following is not None:
                node = following
                break
            parent = node.parent
            if parent is None or parent.mem_id == body_id:
                return walker.finish()
            node = parent
            _leave(walker, node.tag or "")
    return walker.finish()


def _leave(walker: _Walker, tag: str) -> None:
    if tag in _INLINE:
        if tag == "a":
            walker.links -= 1
    elif tag != "br":
        walker.leave_block(tag)
