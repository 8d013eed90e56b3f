"""Repair text files in place, line by line: what ``newsclean fix`` and ``newsclean check`` do.

A source file, a README or a data file is not an article: its lines must stay its lines.
So the filters run on each line separately (never re-flowing lines into paragraphs) and the
file is put back together with its own line endings, final newline and byte order mark;
nothing else is touched. By default only the safe repairs run (``SAFE_FILTERS`` in
:mod:`newsclean.config`: mojibake, invisible and control characters, NFC). A file is
rewritten only when it changes, atomically (a temporary file in the same folder, then a
rename) and keeping its mode.

Binary files (a NUL byte in the first 8 KiB, as git decides; this includes UTF-16) are
skipped. A file that is not valid UTF-8 is reported and left alone, unless ``to_utf8`` asks
to decode it (charset detection as :func:`newsclean.read_bytes` does) and write it as UTF-8.

>>> fix_lines("caf\\u00c3\\u00a9\\r\\nok\\r\\n", Pipeline([FixEncoding()])).text
'café\\r\\nok\\r\\n'
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsclean.document import Block, Document
from newsclean.errors import ReadError, WriteError
from newsclean.filters.encoding import FixEncoding, fix_encoding_and_explain
from newsclean.pipeline import Filter, Pipeline
from newsclean.readers.binary import decode_bytes

__all__ = [
    "FileReport",
    "FileStatus",
    "LineFix",
    "fix_file",
    "fix_lines",
    "is_binary",
    "split_lines",
    "write_atomic",
]

_BINARY_SNIFF = 8192
_BOM = "\ufeff"

FileStatus = Literal["unchanged", "fixed", "binary", "not-utf8"]
"""What happened to a file: nothing to do, fixed (or would be), skipped as binary, or
left alone because it is not UTF-8."""


@dataclass(frozen=True, slots=True)
class LineFix:
    """The repaired text, how many lines changed or went, and why (each reason once)."""

    text: str
    changed_lines: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FileReport:
    """The outcome for one file: its status, the reasons, and the encoding it was read with."""

    path: str
    status: FileStatus
    changed_lines: int = 0
    reasons: tuple[str, ...] = ()
    encoding: str = "utf-8"

    @property
    def changed(self) -> bool:
        """Whether the file was (or, when checking, would be) rewritten."""
        return self.status == "fixed"

    def message(self, *, dry_run: bool) -> str | None:
        """The one line ``fix`` (or ``check``, ``dry_run``) prints for this file, if any.

        >>> FileReport("a.txt", "fixed", 1, ("repaired mojibake",)).message(dry_run=True)
        'a.txt: would fix 1 line: repaired mojibake'
        """
        if self.status == "not-utf8":
            return (
                f"{self.path}: not valid UTF-8 (looks like {self.encoding}), left untouched; "
                "--to-utf8 converts it"
            )
        if self.status != "fixed":
            return None
        verb = "would fix" if dry_run else "fixed"
        lines = "line" if self.changed_lines == 1 else "lines"
        parts = []
        if self.encoding != "utf-8":
            parts.append(
                f"{'would convert' if dry_run else 'converted'} from {self.encoding} to UTF-8"
            )
        if self.changed_lines:
            parts.append(f"{verb} {self.changed_lines} {lines}: {'; '.join(self.reasons)}")
        return f"{self.path}: {'; '.join(parts)}"


def split_lines(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(content, line ending)`` pairs; joining them gives ``text`` back.

    Only ``\\n`` and ``\\r\\n`` end a line; the last line's ending is ``""`` when the text
    has no final newline.

    >>> split_lines("a\\r\\nb\\nc")
    [('a', '\\r\\n'), ('b', '\\n'), ('c', '')]
    """
    parts = text.split("\n")
    lines = [(part[:-1], "\r\n") if part.endswith("\r") else (part, "\n") for part in parts[:-1]]
    if parts[-1]:
        lines.append((parts[-1], ""))
    return lines


def fix_lines(text: str, pipeline: Iterable[Filter]) -> LineFix:
    """Run ``pipeline`` on each line of ``text`` and reassemble it with the original line endings.

    :class:`~newsclean.filters.FixEncoding` repairs each line with its ftfy configuration,
    with line-break normalization (a line stays one line) and HTML entity decoding (a file
    may be markup, where ``&lt;`` must stay) turned off. Any other filter sees a
    document of one ``"line"`` block per non-blank line; a block it drops removes that line
    with its ending, a block it changes replaces the line's text between its original
    leading and trailing white space. A leading byte order mark is kept.

    >>> fixed = fix_lines("  Chinaâ€™s\\n\\u200bok", [FixEncoding()])
    >>> fixed.text, fixed.changed_lines
    ('  China’s\\nok', 2)
    >>> fixed.reasons
    ('repaired mojibake (UTF-8 read as windows-1252)', 'removed invisible characters')
    """
    bom = _BOM if text.startswith(_BOM) else ""
    lines = split_lines(text[len(bom) :])
    changed: set[int] = set()
    reasons: list[str] = []
    kept: list[str | None] = [content for content, _ in lines]
    for step in pipeline:
        if isinstance(step, FixEncoding):
            _fix_encoding(kept, step, changed, reasons)
        else:
            _run_filter(kept, step, changed, reasons)
    body = "".join(
        content + ending
        for content, (_, ending) in zip(kept, lines, strict=True)
        if content is not None
    )
    return LineFix(bom + body, len(changed), tuple(reasons))


def _fix_encoding(
    lines: list[str | None], step: FixEncoding, changed: set[int], reasons: list[str]
) -> None:
    # A file may be markup or code: "&lt;" must stay "&lt;"; and a line stays one line.
    config = step.config._replace(fix_line_breaks=False, unescape_html=False)
    for index, content in enumerate(lines):
        if not content:
            continue
        fixed, why = fix_encoding_and_explain(content, config)
        # A repair that would make two lines of one (never expected) keeps the line.
        if fixed == content or fixed.count("\n") != content.count("\n"):
            continue
        lines[index] = fixed
        changed.add(index)
        _add_reasons(reasons, why)


def _run_filter(
    lines: list[str | None], step: Filter, changed: set[int], reasons: list[str]
) -> None:
    blocks = []
    blank = True
    for index, content in enumerate(lines):
        if content is None:
            continue
        if not content.strip():
            blank = True
            continue
        blocks.append(Block(content.strip(), kind="line", position=index, blank_before=blank))
        blank = False
    result = step(Document(blocks=tuple(blocks)))
    after = {block.position: block.text for block in result.blocks}
    for block in blocks:
        index = block.position
        content = lines[index]
        assert content is not None  # blocks were made from present lines only
        new = after.get(index)
        if new == block.text:
            continue
        if new is None:
            lines[index] = None
        else:
            lead = content[: len(content) - len(content.lstrip())]
            trail = content[len(content.rstrip()) :]
            lines[index] = lead + new + trail
        changed.add(index)
    _add_reasons(reasons, (f"{edit.filter}: {edit.reason}" for edit in result.edits))


def _add_reasons(reasons: list[str], new: Iterable[str]) -> None:
    for reason in new:
        if reason not in reasons:
            reasons.append(reason)


def is_binary(data: bytes) -> bool:
    """Tell whether ``data`` is binary: a NUL byte in its first 8 KiB (git's rule).

    >>> is_binary(b"PNG\\x00\\x01"), is_binary("café".encode())
    (True, False)
    """
    return b"\x00" in data[:_BINARY_SNIFF]


def fix_file(
    path: str | os.PathLike[str],
    pipeline: Sequence[Filter] | Pipeline,
    *,
    write: bool = True,
    to_utf8: bool = False,
) -> FileReport:
    """Repair the text file at ``path`` line by line; rewrite it only if it changed and ``write``.

    Raises :class:`~newsclean.errors.ReadError` when the file cannot be read and
    :class:`~newsclean.errors.WriteError` when it cannot be rewritten.
    """
    name = os.fspath(path)
    data = _read(name)
    if is_binary(data):
        return FileReport(name, "binary")
    encoding = "utf-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        decoded = decode_bytes(data)
        if not to_utf8:
            return FileReport(name, "not-utf8", encoding=decoded.encoding)
        text, encoding = decoded.text, decoded.encoding
    result = fix_lines(text, pipeline)
    if result.text == text and encoding == "utf-8":
        return FileReport(name, "unchanged")
    if write:
        write_atomic(name, result.text.encode("utf-8"))
    return FileReport(name, "fixed", result.changed_lines, result.reasons, encoding)


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or type(error).__name__}") from error


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` atomically, keeping its permission bits.

    The bytes go to a temporary file in the same folder, which is then renamed over the
    file (through a symbolic link, to its target), so a reader sees either the old or the
    new content, never a part.
    """
    target = Path(os.path.realpath(path))
    tmp: str | None = None
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as error:
        raise WriteError(f"cannot write {os.fspath(path)}: {error.strerror or error}") from error
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
