"""Bound the nesting depth of a page before it is parsed.

The HTML tree builder (in Lexbor as in the standard) looks through the stack of open
elements at each block start tag, so a page of 100,000 nested ``<div>`` elements takes
minutes to parse. Browsers cap the depth of the tree they build (Blink at 512); this
module does the same before parsing: on a page with enough tags to be at risk, it
estimates the nesting depth and, when it is too deep, drops the tags below the cap (their
text stays, in the deepest element kept).
"""

from __future__ import annotations

import re

__all__ = ["MAX_DEPTH", "bound_nesting"]

MAX_DEPTH = 512
"""The deepest nesting of elements kept (as in Blink)."""

# Below this many "<" a page cannot nest deep enough to be slow: 10,000 nested elements
# parse in about 0.3 s.
_RISKY_TAGS = 20_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
# Elements that never nest: void elements, and those an opening sibling closes.
_VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param")
_VOID_MORE = ("source", "track", "wbr", "keygen")
_SELF_CLOSING = ("p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody")
_SELF_CLOSING_MORE = ("thead", "tfoot", "colgroup", "rb", "rt", "rp")
_FLAT = frozenset((*_VOID, *_VOID_MORE, *_SELF_CLOSING, *_SELF_CLOSING_MORE))


def bound_nesting(html: str, tags: int | None = None) -> str:
    """Return ``html`` with elements nested deeper than :data:`MAX_DEPTH` unwrapped.

    ``tags`` is ``html.count("<")`` when the caller already knows it (counted in the UTF-8
    bytes of the page it is about to parse, many times faster than in the text).

    >>> deep = "<div>" * 600 + "x" + "</div>" * 600
    >>> bound_nesting(deep) == deep  # too few tags to be at risk
    True
    >>> flat = bound_nesting("<div>" * 30_000 + "x" + "</div>" * 30_000)
    >>> flat.count("<div>"), flat.count("x")
    (512, 1)
    """
    if len(html) < 3 * _RISKY_TAGS:
        return html
    if (html.count("<") if tags is None else tags) < _RISKY_TAGS:
        return html
    if _max_depth(html) <= MAX_DEPTH:
        return html
    depth = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal depth
        closing, name, self_closing = match.groups()
        if name.lower() in _FLAT or self_closing:
            return match.group(0)
        if closing:
            depth = max(depth - 1, 0)
            return match.group(0) if depth < MAX_DEPTH else ""
        depth += 1
        return match.group(0) if depth <= MAX_DEPTH else ""

    return _TAG.sub(keep, html)


def _max_depth(html: str) -> int:
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest
