"""What a container's tag, class, id, role and itemprop say it holds.

:func:`container_mark` reads the signals of ``lexicon/html.json``: boilerplate (``nav``,
``share``, ``related``, ``comment``, ``<aside>``, ``role=navigation``, ...) or article
content (``<article>``, ``itemprop=articleBody``, ``story-body``, ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from newsclean import lexicon
from newsclean.readers.html.tokens import token_list

__all__ = [
    "BOILERPLATE",
    "CONTENT",
    "NEUTRAL",
    "Signals",
    "attribute_mark",
    "container_mark",
    "signals",
    "tag_marks",
]

BOILERPLATE = -1
NEUTRAL = 0
CONTENT = 1
_SAYS_BOILERPLATE = 1
_SAYS_CONTENT = 2


@dataclass(frozen=True, slots=True)
class Signals:
    """The class, id, role and tag tokens that mark containers, from ``lexicon/html.json``."""

    boilerplate: frozenset[str]
    content: frozenset[str]
    boilerplate_roles: frozenset[str]
    content_roles: frozenset[str]
    boilerplate_tags: frozenset[str]
    content_tags: frozenset[str]
    body_itemprops: frozenset[str]
    state_prefixes: frozenset[str]


@cache
def signals() -> Signals:
    """Return the container signals of ``lexicon/html.json`` (loaded once)."""
    data = lexicon.load("html")
    return Signals(
        boilerplate=frozenset(data["boilerplate"]),
        content=frozenset(data["content"]),
        boilerplate_roles=frozenset(data["roles"]["boilerplate"]),
        content_roles=frozenset(data["roles"]["content"]),
        boilerplate_tags=frozenset(data["tags"]["boilerplate"]),
        content_tags=frozenset(data["tags"]["content"]),
        body_itemprops=frozenset(data["body_itemprops"]),
        state_prefixes=frozenset(data["state_prefixes"]),
    )


def container_mark(tag: str, attrs: Mapping[str, Any]) -> int:
    """Return ``BOILERPLATE``, ``CONTENT`` or ``NEUTRAL`` for an element.

    An article-body ``itemprop`` wins; then boilerplate roles, tags and tokens (a teaser
    ``<article class="related">`` is boilerplate); then content roles, tags and tokens.

    >>> container_mark("div", {"class": "share-bar"}), container_mark("div", {"class": "has-share"})
    (-1, 0)
    >>> container_mark("aside", {}), container_mark("div", {"itemprop": "articleBody"})
    (-1, 1)
    >>> container_mark("amp-ad", {}), container_mark("story-body", {})
    (-1, 1)
    """
    if not attrs and "-" not in tag:
        return tag_marks().get(tag, NEUTRAL)
    get = attrs.get
    return attribute_mark(
        tag, get("class") or "", get("id") or "", get("role") or "", get("itemprop") or ""
    )


# Every ASCII character that is not a letter or digit: where an ASCII class name splits.
_ASCII_SEPARATORS = str.maketrans(
    dict.fromkeys((chr(code) for code in range(128) if not chr(code).isalnum()), " ")
)


# Class names recur across elements and pages far more than whole class attributes do.
@lru_cache(maxsize=8192)
def _name_signal(name: str) -> int:
    """What one class name or id says: ``_SAYS_BOILERPLATE`` and/or ``_SAYS_CONTENT`` bits
    for its words (none for a state name such as "has-sidebar")."""
    if name.isascii() and name.islower():
        # The common case, without regexes: no camelCase humps to split at. A name of
        # letters and digits is its own only word; hyphens and underscores, the usual
        # separators, are replaced faster than str.translate (which has a high set-up
        # cost on short strings) replaces every separator.
        if name.isalnum():
            words = [name]
        else:
            spaced = name.replace("-", " ").replace("_", " ")
            if spaced.replace(" ", "").isalnum():
                words = spaced.split()
            else:
                words = name.translate(_ASCII_SEPARATORS).split()
    else:
        words = [word for word in token_list(name) if word]
    sig = signals()
    if not words or words[0] in sig.state_prefixes:
        return 0
    says = 0 if sig.boilerplate.isdisjoint(words) else _SAYS_BOILERPLATE
    return says if sig.content.isdisjoint(words) else says | _SAYS_CONTENT


@cache
def tag_marks() -> dict[str, int]:
    """The mark of each tag that gives one by itself (any other bare tag is ``NEUTRAL``)."""
    sig = signals()
    marks = dict.fromkeys(sig.content_tags, CONTENT)
    marks.update(dict.fromkeys(sig.boilerplate_tags, BOILERPLATE))
    return marks


# Pages repeat the same class names many times; the cache holds a few thousand of them.
@lru_cache(maxsize=8192)
def attribute_mark(tag: str, classes: str, ident: str, role: str, itemprop: str) -> int:
    """:func:`container_mark` of an element from its tag and the attributes that count
    (empty strings for those it lacks), for callers that read them already.

    >>> attribute_mark("div", "share-bar", "", "", "")
    -1
    """
    sig = signals()
    if itemprop and not sig.body_itemprops.isdisjoint(itemprop.lower().split()):
        return CONTENT
    roles = role.lower().split() if role else ()
    if not sig.boilerplate_roles.isdisjoint(roles) or tag in sig.boilerplate_tags:
        return BOILERPLATE
    says = 0
    for name in classes.split():
        says |= _name_signal(name)
    if ident:
        says |= _name_signal(ident)
    if "-" in tag:  # a custom element's name says what it is: <amp-ad>, <related-stories>
        says |= _name_signal(tag)
    if says & _SAYS_BOILERPLATE:
        return BOILERPLATE
    if tag in sig.content_tags or not sig.content_roles.isdisjoint(roles):
        return CONTENT
    return CONTENT if says & _SAYS_CONTENT else NEUTRAL
