"""A faster, exact equivalent of :func:`ftfy.badness.is_bad` for long clean text.

ftfy's badness regex tries dozens of alternatives at every position of the text, several of
which start with an ASCII letter or a space, so it runs at a few MB/s even on clean English.
Every alternative, though, needs at least one character from a small set of non-ASCII
characters (``Ã``, ``â``, C1 controls, ``¤``, ...) at a fixed distance from its start. This
module reads ftfy's own compiled pattern at import time and rewrites it so that every
alternative starts at that anchor character: what comes before the anchor becomes a
look-behind. The rewritten pattern starts with the class of all anchors, which the regex
engine scans for in C, and tries the alternatives only there. It has a match exactly when
ftfy's pattern has one, so the answer is always ftfy's; when the pattern cannot be
rewritten (a future ftfy with constructs this module does not know, say) it calls ftfy.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.badness import is_bad as ftfy_is_bad

__all__ = ["Anchored", "anchored_alternatives", "char_class", "is_bad"]

_COMMON = frozenset(ord(char) for char in MOJIBAKE_CATEGORIES["common"])

# Flags whose meaning the rewritten pattern keeps by being compiled with them as well.
_KNOWN_FLAGS = re.VERBOSE | re.UNICODE

# Optional items (``\s?``) before an anchor are expanded into one alternative per count; a
# repeat with more counts than this, or an alternative with more variants, is not rewritten.
_MAX_COUNTS = 4
_MAX_VARIANTS = 16

_Item = tuple[Any, Any]

# Pattern text of the parser's category items inside a character class.
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _parser() -> Any:
    return importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")


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


class _Rewriter:
    """Turn a parsed alternation into the anchored pattern described in the module docstring.

    Raises ``ValueError`` on any construct it does not know; the caller then keeps ftfy.
    """

    def __init__(self, constants: Any, *, line_starts: bool = False) -> None:
        self.c = constants
        # "^" as "at the start of the text or of a line": see anchored_alternatives().
        self.beginning = r"(?<![^\n])" if line_starts else "^"

    def single(self, item: _Item) -> bool:
        """Tell whether ``item`` always matches exactly one character."""
        return item[0] in (self.c.LITERAL, self.c.NOT_LITERAL, self.c.IN, self.c.ANY)

    def chars(self, item: _Item) -> frozenset[int] | None:
        """Return the characters a single item matches, or ``None`` if unbounded or negated."""
        op, av = item
        if op is self.c.LITERAL:
            return frozenset((av,))
        if op is not self.c.IN:
            return None
        chars: set[int] = set()
        for sub_op, sub_av in av:
            if sub_op is self.c.LITERAL:
                chars.add(sub_av)
            elif sub_op is self.c.RANGE:
                chars.update(range(sub_av[0], sub_av[1] + 1))
            else:  # NEGATE, CATEGORY (\w, \s): not a small set
                return None
        return frozenset(chars)

    def source(self, items: Sequence[_Item]) -> str:
        """Return pattern text matching exactly what the parsed ``items`` match."""
        return "".join(self.item_source(item) for item in items)

    def item_source(self, item: _Item) -> str:
        c = self.c
        op, av = item
        if op is c.LITERAL:
            return f"\\U{av:08x}"
        if op is c.NOT_LITERAL:
            return f"[^\\U{av:08x}]"
        if op is c.ANY:
            return "."
        if op is c.AT and av is c.AT_BEGINNING:
            return self.beginning
        if op is c.IN:
            return "[" + "".join(self.class_part(sub) for sub in av) + "]"
        if op is c.MAX_REPEAT:
            low, high, sub = av
            count = f"{low}," if high is c.MAXREPEAT else f"{low},{high}"
            return f"(?:{self.source(sub.data)}){{{count}}}"
        if op is c.BRANCH:
            return "(?:" + "|".join(self.source(branch.data) for branch in av[1]) + ")"
        raise ValueError(f"cannot rewrite {op} {av}")

    def class_part(self, part: _Item) -> str:
        c = self.c
        op, av = part
        if op is c.LITERAL:
            return f"\\U{av:08x}"
        if op is c.RANGE:
            return f"\\U{av[0]:08x}-\\U{av[1]:08x}"
        if op is c.NEGATE:
            return "^"
        if op is c.CATEGORY and str(av) in _CATEGORIES:
            return _CATEGORIES[str(av)]
        raise ValueError(f"cannot rewrite {op} {av} in a class")

    def variants(self, items: Sequence[_Item]) -> list[list[_Item]]:
        """Expand short repeats of one character (``\\s?``) into one item list per count."""
        choices: list[list[list[_Item]]] = []
        for item in items:
            op, av = item
            if op is self.c.MAX_REPEAT and av[1] is not self.c.MAXREPEAT:
                low, high, sub = av
                if len(sub.data) == 1 and self.single(sub.data[0]) and high - low < _MAX_COUNTS:
                    choices.append([list(sub.data) * count for count in range(low, high + 1)])
                    continue
            choices.append([[item]])
        expanded = [list(itertools.chain(*parts)) for parts in itertools.product(*choices)]
        if len(expanded) > _MAX_VARIANTS:
            raise ValueError("too many variants")
        return expanded

    def anchor(self, items: Sequence[_Item]) -> int:
        """Return the index of the rarest non-ASCII class at a fixed distance from the start."""
        best: tuple[tuple[int, int, int, int], int] | None = None
        for index, item in enumerate(items):
            chars = self.chars(item)
            if chars is not None and min(chars) >= 0x80:
                # Prefer sets without the punctuation clean text is full of (’ – — …), then
                # without lowercase letters, then without letters, then small sets.
                lower = sum(unicodedata.category(chr(code)) == "Ll" for code in chars)
                letters = sum(unicodedata.category(chr(code))[0] == "L" for code in chars)
                score = (len(chars & _COMMON), lower, letters, len(chars))
                if best is None or score < best[0]:
                    best = (score, index)
            if not (self.single(item) or item == (self.c.AT, self.c.AT_BEGINNING)):
                break  # the distance from the start is no longer fixed
        if best is None:
            raise ValueError("no anchor")
        return best[1]

    def branch(self, items: Sequence[_Item], index: int) -> str:
        """Return one alternative rewritten to start just after its anchor character."""
        before = self.source(items[: index + 1])
        after = list(items[index + 1 :])
        if after and self.single(after[0]):
            # The next character first: the engine skips the alternative at once if it fails.
            first = self.item_source(after[0])
            return f"{first}(?<={before}{first}){self.source(after[1:])}"
        return f"(?<={before}){self.source(after)}"


class Anchored(NamedTuple):
    """ftfy's badness pattern rewritten to start at its anchor characters.

    ``anchors`` are the anchor characters and ``alternatives`` the pattern text of each
    alternative as it continues after its anchor (what comes before it is a look-behind):
    ``[anchors](?:alternative|...)`` matches where ftfy's pattern matches.
    """

    anchors: frozenset[int]
    alternatives: tuple[str, ...]
    flags: int


def _rewrite(pattern: re.Pattern[str], *, line_starts: bool) -> Anchored | None:
    """Return ``pattern`` anchored (see the module docstring), or ``None``."""
    if pattern.flags & ~_KNOWN_FLAGS:
        return None
    parser = _parser()
    # The parser module re-exports the opcode constants.
    rewriter = _Rewriter(parser, line_starts=line_starts)
    tree = parser.parse(pattern.pattern, pattern.flags)
    first_op, first_av = tree.data[0]
    if len(tree.data) == 1 and first_op is parser.BRANCH:
        branches = [branch.data for branch in first_av[1]]
    else:
        branches = [tree.data]
    anchors: set[int] = set()
    sources: list[str] = []
    for branch in branches:
        for items in rewriter.variants(branch):
            index = rewriter.anchor(items)
            chars = rewriter.chars(items[index])
            assert chars is not None  # anchor() only returns small sets
            anchors |= chars
            sources.append(rewriter.branch(items, index))
    return Anchored(frozenset(anchors), tuple(sources), pattern.flags & ~re.VERBOSE)


@functools.lru_cache(maxsize=2)
def anchored_alternatives(*, line_starts: bool = False) -> Anchored | None:
    """Return ftfy's badness pattern anchored, or ``None`` if it cannot be rewritten.

    With ``line_starts``, an alternative that must start the text may also start any line:
    on texts joined by line breaks, the pattern then matches inside every text ftfy finds
    bad (and perhaps where a join fools it, which the caller has to check text by text).

    >>> anchored = anchored_alternatives()
    >>> pattern = re.compile(f"{char_class(anchored.anchors)}(?:{'|'.join(anchored.alternatives)})")
    >>> bool(pattern.search("Chinaâ€™s")), bool(pattern.search("China’s"))
    (True, False)
    """
    try:
        return _rewrite(BADNESS_RE, line_starts=line_starts)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):
        return None


def _compile(anchored: Anchored | None) -> re.Pattern[str] | None:
    if anchored is None:
        return None
    source = char_class(anchored.anchors) + "(?:" + "|".join(anchored.alternatives) + ")"
    try:
        return re.compile(source, anchored.flags)
    except re.error:
        return None


_ANCHORED = _compile(anchored_alternatives())


def is_bad(text: str) -> bool:
    """Return exactly what :func:`ftfy.badness.is_bad` returns for ``text``, faster.

    >>> is_bad("Chinaâ€™s economy"), is_bad("China’s “economy” — grew…")
    (True, False)
    """
    if _ANCHORED is None:
        return ftfy_is_bad(text)
    return _ANCHORED.search(text) is not None
