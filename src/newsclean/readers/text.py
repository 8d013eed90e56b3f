"""Read plain text or markdown into blocks.

Paragraphs are separated by blank lines. Inside a paragraph, lines that are hard-wrapped
prose (cut at a fixed width, as text browsers and e-mail do) are joined back; other lines
(menus, bylines, bullets, short labels) become blocks of their own. Markdown headings,
bullets, block quotes and fenced code keep their kind and lose their markers.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator

from newsclean._compiled import COMPILED
from newsclean.document import Block, BlockKind, Document, Metadata, _new_block
from newsclean.errors import InputTypeError

__all__ = ["read_text", "split_paragraphs"]

# The optional C accelerator (src/newsclean/_speedups_reader.c): _compiled_blocks, the
# compiled _fast_blocks, gives the same blocks (see tests/test_speedups_reader.py). Without
# it, or with NEWSCLEAN_PURE_PYTHON set, _fast_blocks runs.
if COMPILED:
    from newsclean._speedups import text_blocks

# U+0085 (NEL) is not taken as a line break, nor U+00A0 (no-break space) squashed: both can
# be bytes of mojibake ("…" in windows-1252 read as latin-1 is NEL; "à" in UTF-8 read as
# windows-1252 is "Ã" and a no-break space), which FixEncoding can only repair if they are
# still there (a lone NEL is repaired to the "…" it was in windows-1252).
_OTHER_NEWLINES = ("\u2028", "\u2029", "\x0b", "\x0c")
_SPACES = re.compile(
    r"[ \t\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u2000-\u200a\u202f\u205f\u3000]"
)
# What _SPACES changes besides runs of plain spaces: lines with neither are left alone.
_ODD_SPACE = re.compile(r"[\t\u2000-\u200a\u202f\u205f\u3000]")
# One or more blank lines (as split_paragraphs sees them) with the line breaks around them.
# (The first blank line is spelt out: a simple repeat fails faster on the other lines.)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*")
# First characters of the lines that may be markdown markup (headings, bullets, quotes,
# numbered items, setext underlines); any other line is plain text.
_MARKERS = frozenset("#*-+•·▪◦‣>=~`0123456789")
# A line may end in a no-break space or NEL that is the last byte of a mojibake sequence
# (UTF-8 "à" read as windows-1252 is "Ã" and a no-break space); after a non-ASCII character
# it is kept for FixEncoding, which repairs it or trims it.
_MOJIBAKE_TAIL = re.compile(r"[^\x00-\x7f\s]([\u00a0\u0085]+)[ \t]*$")
_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ \t]*$")
_BULLET = re.compile(r"^[ \t]*(?:[*\-+•·▪◦‣]|\d{1,3}[.)])[ \t]+(?=\S)")
# _BULLET with the item after it, stripped (it starts with the non-space _BULLET looks for
# and ends at the line's last non-space).
_BULLET_ITEM = re.compile(_BULLET.pattern + r"(\S(?:.*\S)?)")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")

# Hard-wrapped prose: every line but the last reaches at least this share of the widest
# line, which is itself between these widths (text browsers wrap at 72-80 columns, e-mail
# at 60-76). Tuned against the wrapped paragraphs in tests/cases/read_text.json.
_WRAP_MIN_WIDTH = 40
_WRAP_MAX_WIDTH = 100
_WRAP_SHARE = 0.75


# One classified source line: its text (markers removed, spaces squashed), its kind, its
# level (heading level) and the width of the raw line.
_Line = tuple[str, BlockKind, int, int]
_WIDTH = operator.itemgetter(3)
# Wider than any line _is_wrapped takes for wrapped.
_NO_WIDTH = _WRAP_MAX_WIDTH + 1


def read_text(text: str) -> Document:
    """Split plain text or markdown into a :class:`Document` of blocks.

    >>> [b.kind for b in read_text("# Title\\n\\nBody one.\\n\\n* item").blocks]
    ['heading', 'paragraph', 'list_item']
    """
    if not isinstance(text, str):
        raise InputTypeError(f"read_text() takes str, not {type(text).__name__}")
    text = _normalise_newlines(text)
    if _has_fence(text):
        return Document(blocks=tuple(_blocks(text)), meta=Metadata())
    if COMPILED:
        return Document(blocks=tuple(_compiled_blocks(text)), meta=Metadata())
    return Document(blocks=tuple(_fast_blocks(text)), meta=Metadata())


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator in _OTHER_NEWLINES:
        if separator in text:
            text = text.replace(separator, "\n")
    return text


def _has_fence(text: str) -> bool:
    # A one-character search is many times faster than a three-character one, and most
    # texts have no backtick or tilde at all.
    return ("`" in text and "```" in text) or ("~" in text and "~~~" in text)


def split_paragraphs(text: str) -> list[list[str]]:
    """Return the paragraphs of ``text`` (separated by blank lines) as lists of lines.

    Fenced code blocks stay one paragraph, blank lines and all.

    >>> split_paragraphs("a\\nb\\n\\n\\nc")
    [['a', 'b'], ['c']]
    """
    paragraphs: list[list[str]] = []
    current: list[str] = []
    fence: str | None = None
    has_fences = _has_fence(text)
    for line in text.split("\n"):
        match = _FENCE.match(line) if has_fences else None
        if fence is not None:
            current.append(line)
            if match is not None and match.group(1) == fence:
                paragraphs.append(current)
                current, fence = [], None
            continue
        if match is not None:
            if current:
                paragraphs.append(current)
            current, fence = [line], match.group(1)
        elif not line.strip(" \t\u00a0"):
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _blocks(text: str) -> Iterator[Block]:
    position = 0
    has_fences = _has_fence(text)
    for paragraph in split_paragraphs(text):
        if has_fences and _FENCE.match(paragraph[0]):
            body = "\n".join(paragraph[1:-1] if len(paragraph) > 1 else []).strip("\n")
            if body.strip():
                yield Block(body, kind="preformatted", position=position)
                position += 1
            continue
        size = len(paragraph)
        first = True
        lines = _classify(paragraph)
        merged = [(lines[0], 1)] if size == 1 else _merge(lines)
        for (line, kind, level, _), count in merged:
            if line:
                if kind == "paragraph" and size > 1 and count < size:
                    kind = "line"
                yield Block(
                    line,
                    kind=kind,
                    level=level,
                    position=position,
                    line_count=count,
                    blank_before=first,
                )
                position += 1
                first = False


def _fast_blocks(text: str) -> list[Block]:
    """The blocks :func:`_blocks` makes of ``text`` (which has no code fence), made faster.

    Paragraphs are found by one regex split instead of line by line; a one-line paragraph
    is not classified unless it starts with a marker character; and a paragraph that is
    neither wrapped prose nor has quotes to join gives one block per line without
    :func:`_merge`. This is the reference of the compiled reader (:func:`_compiled_blocks`,
    src/newsclean/_speedups_reader.c): a change here is a change there.
    """
    blocks: list[Block] = []
    append = blocks.append
    new_block = _new_block
    markers = _MARKERS
    position = 0
    kind: BlockKind
    # No tab or other space an ASCII line can hold besides the plain space (line breaks
    # but \n are gone): then the only spaces of an ASCII line are plain spaces.
    plain = not (
        "\t" in text or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    )
    # The blank lines put around the text make a paragraph break at either end, so every
    # piece but the empty first and last is a paragraph: one or more non-blank lines.
    for chunk in _PARAGRAPH_BREAK.split(f"\n\n{text}\n\n"):
        if not chunk:
            continue
        if "\n" not in chunk:
            stripped = chunk.strip()
            if stripped[:1] in markers:
                line, kind, level, _ = _classify_line(chunk)
            else:
                line, kind, level = _squash_stripped(chunk, stripped), "paragraph", 0
            if line:
                append(new_block(line, kind, level, "", 0.0, position, 1, True))
                position += 1
            continue
        raws = chunk.split("\n")
        if ">" in chunk or raws[1].lstrip()[:1] in "=-":
            # Quotes to join, or a setext heading: the general way.
            merged = _paragraph_blocks(raws, position)
            blocks += merged
            position += len(merged)
            continue
        # One block per line, each line classified as it is read, unless the paragraph
        # turns out to be wrapped prose (then the blocks are made again, merged). The
        # widths _is_wrapped looks at are followed on the way: the widest line, the
        # narrowest line followed by a paragraph line, and whether any line is not prose.
        start = len(blocks)
        start_position = position
        first = True
        widest = 0
        previous = cut = _NO_WIDTH
        prose = True
        for raw in raws:
            stripped = raw.strip()
            width = len(stripped)
            if width > widest:
                widest = width
            if stripped[:1] not in markers:
                if previous < cut:
                    cut = previous
                line = _squash_stripped(raw, stripped)
                kind = "line"
                level = 0
            elif (
                stripped[1:2] == " "
                and plain
                and raw.isascii()
                and stripped[0] in "*+-"
                and stripped[2] != " "
            ):
                # "* item" in an ASCII line of a page whose only spaces are plain spaces:
                # _BULLET_ITEM would find the item after the marker and its space.
                line = stripped[2:]
                if "  " in line:
                    line = _SPACES.sub(" ", line)
                kind, level = "list_item", 0
            else:
                bullet = _BULLET_ITEM.match(raw)
                if bullet is not None:
                    line = bullet.group(1)
                    if not line.isascii() or "  " in line or "\t" in line:
                        line = _squash_stripped(raw[bullet.start(1) :], line)
                    kind, level = "list_item", 0
                else:
                    line, kind, level, _ = _classify_line(raw)
                    if kind == "paragraph":
                        if previous < cut:
                            cut = previous
                        kind = "line"
                    else:
                        prose = False
            previous = width
            if line:
                append(new_block(line, kind, level, "", 0.0, position, 1, first))
                position += 1
                first = False
        if (
            prose
            and _WRAP_MIN_WIDTH <= widest <= _WRAP_MAX_WIDTH
            and _WRAP_SHARE * widest <= cut <= widest
        ):
            # Wrapped unless a line is a row of fields: _is_wrapped decides.
            wrapped = _wrapped_blocks(raws, start_position)
            if wrapped is not None:
                del blocks[start:]
                blocks += wrapped
                position = start_position + len(wrapped)
    return blocks


def _compiled_blocks(text: str) -> list[Block]:
    """:func:`_fast_blocks` compiled: the C loop calls back the functions of
    ``_COMPILED_CALLBACKS`` for what is rare (headings, quotes, setext underlines, wrapped
    prose, mojibake tails)."""
    return text_blocks(text, *_COMPILED_CALLBACKS)


def _classify_line(raw: str) -> _Line:
    """The one line ``raw`` classified as a paragraph of its own."""
    return _classify([raw])[0]


def _paragraph_blocks(raws: list[str], position: int) -> list[Block]:
    """The blocks of a paragraph's ``raws`` lines, merged by :func:`_merge`, from ``position``."""
    return _merged_blocks(_classify(raws), position)


def _wrapped_blocks(raws: list[str], position: int) -> list[Block] | None:
    """:func:`_paragraph_blocks` of ``raws`` if they are wrapped prose, else None."""
    lines = _classify(raws)
    return _merged_blocks(lines, position) if _is_wrapped(lines) else None


def _merged_blocks(lines: list[_Line], position: int) -> list[Block]:
    """The blocks of a paragraph's ``lines`` (merged by :func:`_merge`) from ``position``."""
    blocks: list[Block] = []
    size = len(lines)
    first = True
    for (line, kind, level, _), count in _merge(lines):
        if line:
            if kind == "paragraph" and count < size:
                kind = "line"
            blocks.append(_new_block(line, kind, level, "", 0.0, position, count, first))
            position += 1
            first = False
    return blocks


def _classify(paragraph: list[str]) -> list[_Line]:
    lines: list[_Line] = []
    for raw in paragraph:
        stripped = raw.strip()
        width = len(stripped)
        if stripped[:1] not in _MARKERS:
            # Most lines start with a letter: no heading, bullet or quote to look for.
            lines.append((_squash_stripped(raw, stripped), "paragraph", 0, width))
            continue
        if len(lines) == 1 and lines[-1][1] == "paragraph" and _SETEXT_UNDERLINE.match(raw):
            level = 1 if stripped.startswith("=") else 2
            lines[-1] = (lines[-1][0], "heading", level, lines[-1][3])
            continue
        heading = _ATX_HEADING.match(raw.strip(" \t")) if stripped[0] == "#" else None
        if heading is not None:
            lines.append((_squash(heading.group(2)), "heading", len(heading.group(1)), width))
            continue
        bullet = _BULLET_ITEM.match(raw)
        if bullet is not None:
            item = bullet.group(1)
            if not item.isascii() or "  " in item or "\t" in item:
                item = _squash_stripped(raw[bullet.start(1) :], item)
            lines.append((item, "list_item", 0, width))
            continue
        quote = _QUOTE.match(raw)
        if quote is not None:
            lines.append((_squash(raw[quote.end() :]), "quote", 0, width))
            continue
        lines.append((_squash(raw), "paragraph", 0, width))
    return lines


def _merge(lines: list[_Line]) -> Iterator[tuple[_Line, int]]:
    """Join hard-wrapped lines back into paragraphs; yield each block with its line count."""
    wrapped = _is_wrapped(lines)
    pending: _Line | None = None
    count = 0
    for line in lines:
        kind = line[1]
        if pending is not None and (
            (wrapped and kind == "paragraph" and pending[1] in ("paragraph", "list_item"))
            or (kind == "quote" and pending[1] == "quote")
        ):
            pending = (_join(pending[0], line[0]), pending[1], pending[2], line[3])
            count += 1
            continue
        if pending is not None:
            yield pending, count
        pending, count = line, 1
    if pending is not None:
        yield pending, count


def _is_wrapped(lines: list[_Line]) -> bool:
    # The cheap tests first: the widths, then the kinds, then the " | " search.
    if len(lines) < 2:
        return False
    widths = list(map(_WIDTH, lines))
    widest = max(widths)
    if not _WRAP_MIN_WIDTH <= widest <= _WRAP_MAX_WIDTH:
        return False
    # Every line must be prose: a paragraph line or a list item.
    if any(line[1] != "paragraph" and line[1] != "list_item" for line in lines):
        return False
    # A line followed by a continuation line (not a new bullet) must reach near the width.
    cut = [
        width
        for width, after in zip(widths[:-1], lines[1:], strict=True)
        if after[1] == "paragraph"
    ]
    if not cut or min(cut) < _WRAP_SHARE * widest:
        return False
    # A line of fields ("Jane Doe | Taipei | Updated: ...") is a byline or menu, not prose.
    return not any(line[0].count(" | ") >= 2 for line in lines)


def _join(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left + right
    return f"{left} {right}"


def _squash_stripped(text: str, stripped: str) -> str:
    # _squash(text), given stripped = text.strip(). Squashing and stripping commute, and a
    # mojibake tail needs a no-break space or NEL after a non-ASCII character (which is in
    # the stripped text, not being a space): without one, _squash(text) is the stripped
    # text squashed, and squashing the (short) stripped text is cheaper than the line's.
    if stripped.isascii():
        return _SPACES.sub(" ", stripped) if "  " in stripped or "\t" in stripped else stripped
    if "\u00a0" in text or "\u0085" in text:
        return _squash(text)
    # Tabs and typographic spaces are not printable: a printable text has none to squash.
    if "  " in stripped or (not stripped.isprintable() and _ODD_SPACE.search(stripped)):
        return _SPACES.sub(" ", stripped)
    return stripped


def _squash(text: str) -> str:
    # Most lines have no run of spaces and no tab or typographic space to squash, once
    # stripped (squashing and stripping commute: no run crosses the stripped ends).
    if text.isascii():
        core = text.strip()
        return _SPACES.sub(" ", core) if "  " in core or "\t" in core else core
    squashed = _SPACES.sub(" ", text) if "  " in text or _ODD_SPACE.search(text) else text
    core = squashed.strip()
    if "\u00a0" not in squashed and "\u0085" not in squashed:
        return core
    tail = _MOJIBAKE_TAIL.search(squashed)
    return core + tail.group(1) if tail is not None and core else core


# What the compiled reader needs besides the text: the block type to make and the
# functions it calls back (see src/newsclean/_speedups_reader.c).
_COMPILED_CALLBACKS = (Block, _classify_line, _squash, _paragraph_blocks, _wrapped_blocks)
