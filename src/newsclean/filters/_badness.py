"""A faster, exact equivalent of :func:`ftfy.badness.is_bad` for long clean text.

ftfy's badness regex tries dozens of alternatives at every position of the text, several of
which start with an ASCII letter or a space, so it runs at a few MB/s even on clean English.
Every alternative, though, needs at least one character from a small set of mojibake
characters (``Ã``, ``â``, C1 controls, ``¤``, ...), and no match is longer than a few
characters. This module reads both facts off ftfy's own compiled pattern at import time,
finds the rare anchor characters with one fast character-class scan, and runs ftfy's regex
only on short windows around them. The answer is always the same as ftfy's; when the pattern
cannot be analysed (a future ftfy with look-arounds, say) it simply calls ftfy.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable
from typing import Any

from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.badness import is_bad as ftfy_is_bad

__all__ = ["char_class", "is_bad"]

_COMMON = frozenset(ord(char) for char in MOJIBAKE_CATEGORIES["common"])

# Above this share of anchor characters (one in 64) the windows cover most of the text
# and one pass of ftfy's regex is cheaper. Tuned on the Russian articles of the
# article-extraction benchmark, where lowercase "в" is an anchor.
_DENSE_SHARE = 64


def _parser() -> Any:
    return importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")


def _item_chars(op: Any, av: Any, constants: Any) -> frozenset[int] | None:
    """Return the characters a single regex item matches, or ``None`` if unbounded or negated."""
    if op is constants.LITERAL:
        return frozenset((av,))
    if op is not constants.IN:
        return None
    chars: set[int] = set()
    for sub_op, sub_av in av:
        if sub_op is constants.LITERAL:
            chars.add(sub_av)
        elif sub_op is constants.RANGE:
            chars.update(range(sub_av[0], sub_av[1] + 1))
        else:  # NEGATE, CATEGORY (\w, \s): not a small set
            return None
    return frozenset(chars)


def _anchor(branch: Any, constants: Any) -> frozenset[int] | None:
    """Return the rarest required non-ASCII character set of one alternative, if any."""
    best: frozenset[int] | None = None
    for op, av in branch.data:
        chars = _item_chars(op, av, constants)
        if chars is None or any(code < 0x80 for code in chars):
            continue
        # Prefer sets without the punctuation clean text is full of (’ – — …), then small sets.
        if best is None or (len(chars & _COMMON), len(chars)) < (len(best & _COMMON), len(best)):
            best = chars
    return best


def _safe_ops(tree: Any, constants: Any) -> bool:
    """Tell whether the pattern uses only items whose meaning survives a window search."""
    allowed = {constants.LITERAL, constants.IN, constants.ANY, constants.MAX_REPEAT}
    allowed |= {constants.BRANCH, constants.AT}
    for op, av in tree.data:
        if op not in allowed:
            return False
        if op is constants.AT and av is not constants.AT_BEGINNING:
            return False
        if op is constants.BRANCH and not all(_safe_ops(b, constants) for b in av[1]):
            return False
        if op is constants.MAX_REPEAT and not _safe_ops(av[2], constants):
            return False
    return True


def char_class(codes: Iterable[int]) -> str:
    """Return a regular-expression character class matching exactly ``codes``.

    >>> char_class([0x41, 0x42, 0x43, 0x2019])
    '[\\\\U00000041-\\\\U00000043\\\\U00002019]'
    """
    ordered = sorted(codes)
    parts: list[str] = []
    start = previous = ordered[0]
    for code in [*ordered[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        last = "" if start == previous else f"-\\U{previous:08x}"
        parts.append(f"\\U{start:08x}{last}")
        start = previous = code
    return "[" + "".join(parts) + "]"


def _analyse(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], int] | None:
    """Return the anchor-character scanner and the longest match of ``pattern``, or ``None``."""
    parser = _parser()
    constants = parser  # the parser module re-exports the opcode constants
    tree = parser.parse(pattern.pattern, pattern.flags)
    if not _safe_ops(tree, constants):
        return None
    width = tree.getwidth()[1]
    if width >= constants.MAXREPEAT:
        return None
    first_op, first_av = tree.data[0]
    branches = first_av[1] if len(tree.data) == 1 and first_op is constants.BRANCH else [tree]
    anchors: set[int] = set()
    for branch in branches:
        chars = _anchor(branch, constants)
        if chars is None:
            return None
        anchors |= chars
    return re.compile(char_class(anchors)), int(width)


def _analyse_or_none() -> tuple[re.Pattern[str], int] | None:
    try:
        return _analyse(BADNESS_RE)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):
        return None


_ANALYSIS = _analyse_or_none()


def is_bad(text: str) -> bool:
    """Return exactly what :func:`ftfy.badness.is_bad` returns for ``text``, faster.

    >>> is_bad("Chinaâ€™s economy"), is_bad("China’s “economy” — grew…")
    (True, False)
    """
    if _ANALYSIS is None:
        return ftfy_is_bad(text)
    anchors, width = _ANALYSIS
    limit = len(text) // _DENSE_SHARE + 1
    start: int | None = None
    end = 0
    for count, match in enumerate(anchors.finditer(text)):
        if count > limit:
            return ftfy_is_bad(text)
        here = match.start()
        low = max(0, here - width + 1)
        if start is None:
            start = low
        elif low > end:
            if BADNESS_RE.search(text, start, end):
                return True
            start = low
        end = min(len(text), here + width)
    return start is not None and BADNESS_RE.search(text, start, end) is not None
