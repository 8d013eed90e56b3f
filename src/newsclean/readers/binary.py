"""Decode bytes of unknown encoding: BOM, then a declared charset, then detection.

The order follows what browsers do: a byte order mark wins; then a charset declared in an
HTML ``<meta>`` or an XML declaration (when the bytes really decode with it); then strict
UTF-8; then charset-normalizer. Decoding never raises: as a last resort undecodable bytes
become U+FFFD.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer
import regex

__all__ = ["Decoded", "decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# <?xml version="1.0" encoding="x"?>, searched in the first bytes as browsers do.
_DECLARED = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})""",
    regex.IGNORECASE,
)
_SNIFF_BYTES = 4096

# Below this many bytes charset-normalizer has too little evidence and often picks a CJK or
# UTF-16 reading of a few accented Latin letters; cp1252 is then tried first, and kept when
# every non-ASCII character it gives is a Latin letter or typographic punctuation.
_SHORT_INPUT = 1024
_LATIN_CHAR = regex.compile(r"[\p{Script=Latin}\u00a0-\u00bf\u2013-\u2026\u20ac\u2122\u00d7\u00f7]")

# The WHATWG Encoding Standard maps these labels to windows-1252, and pages that declare
# them very often contain cp1252 punctuation.
_WHATWG_ALIASES = {"latin1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec used, and how it was chosen."""

    text: str
    encoding: str
    source: str
    """``"bom"``, ``"declared"``, ``"utf-8"``, ``"detected"`` or ``"fallback"``."""


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``, choosing the encoding as a browser would; never raises.

    >>> decode_bytes("café".encode("cp1252")).text
    'café'
    >>> decode_bytes(b'<meta charset="utf-8">caf\\xc3\\xa9').encoding
    'utf-8'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return Decoded(text.removeprefix("\ufeff"), _canonical(codec), "bom")
    declared = _declared_encoding(data[:_SNIFF_BYTES])
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    if len(data) <= _SHORT_INPUT:
        latin = _as_latin_text(data)
        if latin is not None:
            return Decoded(latin, "cp1252", "detected")
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        codec = _canonical(best.encoding)
        try:
            return Decoded(data.decode(codec), codec, "detected")
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "fallback")


def _as_latin_text(data: bytes) -> str | None:
    """Return ``data`` as cp1252 when that reads as Latin-script text, else ``None``."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = [char for char in text if not char.isascii()]
    plausible = all(_LATIN_CHAR.match(char) for char in foreign)
    return text if plausible else None


def _declared_encoding(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", errors="replace")
    try:
        codec = _canonical(label)
    except LookupError:
        return None
    # A page that declares UTF-16 in its own ASCII-compatible bytes cannot be UTF-16.
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _canonical(label: str) -> str:
    name = codecs.lookup(label).name
    return _WHATWG_ALIASES.get(name, name)
