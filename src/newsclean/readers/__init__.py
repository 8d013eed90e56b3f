"""Readers: turn bytes, HTML or text into a :class:`~newsclean.document.Document`.

:func:`read` sniffs which reader applies; :func:`read_path` reads a file.
"""

from __future__ import annotations

import dataclasses
import os

import regex

from newsclean.document import Document
from newsclean.errors import InputTypeError, ReadError
from newsclean.readers.binary import Decoded, decode_bytes
from newsclean.readers.html import read_html, read_html_utf8
from newsclean.readers.text import read_text

__all__ = [
    "Decoded",
    "decode_bytes",
    "looks_like_html",
    "read",
    "read_bytes",
    "read_html",
    "read_path",
    "read_text",
]

# A page starts with a doctype, a comment or one of the tags a document opens with; a
# fragment is taken as HTML when it has several block tags. Plain text with an odd "<b>"
# stays text.
_HTML_START = regex.compile(
    r"\A[\s\ufeff]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|base)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_BLOCK_TAG = regex.compile(
    r"</?(?:p|div|br|li|h[1-6]|article|section|table|tr|td)\b[^>]*>", regex.IGNORECASE
)
_SNIFF_CHARS = 4096
# How decode_bytes found a "utf-8" codec when it decoded strictly (not after a BOM, which
# it strips, nor as the fallback, which replaces invalid bytes).
_STRICT_UTF8 = frozenset(("utf-8", "declared"))
_MIN_BLOCK_TAGS = 3


def looks_like_html(text: str) -> bool:
    """Tell whether ``text`` is an HTML page or fragment rather than plain text or markdown.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Prices rose 3% <b>today</b>.")
    False
    """
    head = text[:_SNIFF_CHARS]
    if _HTML_START.match(head):
        return True
    return len(_BLOCK_TAG.findall(head)) >= _MIN_BLOCK_TAGS


def read_bytes(data: bytes | bytearray | memoryview) -> Document:
    """Decode bytes of unknown encoding and read them as HTML or text; never raises.

    The chosen encoding is recorded in ``meta.encoding``.

    >>> read_bytes("Café".encode("utf-16")).meta.encoding
    'utf-16'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputTypeError(f"read_bytes() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    decoded = decode_bytes(data)
    if decoded.encoding == "utf-8" and decoded.source in _STRICT_UTF8:
        # The text was decoded strictly from UTF-8, so the HTML parser can read ``data``.
        text = decoded.text
        doc = read_html_utf8(text, data) if looks_like_html(text) else read_text(text)
    else:
        doc = read_str(decoded.text)
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, encoding=decoded.encoding))


def read_str(text: str) -> Document:
    """Read ``text`` as HTML when it looks like HTML, else as plain text or markdown."""
    return read_html(text) if looks_like_html(text) else read_text(text)


def read(source: str | bytes | bytearray | memoryview) -> Document:
    """Read ``source`` with the reader that fits: bytes are decoded, HTML is parsed, text split.

    >>> read(b"<html><body><p>Hello.</p></body></html>").text
    'Hello.'
    """
    if isinstance(source, str):
        return read_str(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return read_bytes(source)
    raise InputTypeError(f"read() takes str or bytes, not {type(source).__name__}")


def read_path(path: str | os.PathLike[str]) -> Document:
    """Read the file at ``path`` (any encoding, HTML or text).

    Raises :class:`~newsclean.errors.ReadError` when the file cannot be read.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ReadError(f"cannot read {os.fspath(path)!s}: {reason}") from error
    return read_bytes(data)
