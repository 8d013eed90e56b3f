"""Decode bytes of unknown encoding: BOM, then a declared charset, then detection.

The order follows what browsers do: a byte order mark wins; then a charset declared in an
HTML ``<meta>`` or an XML declaration (when the bytes really decode with it); then UTF-16 or
UTF-32 without a BOM (recognised by their zero bytes, which strict UTF-8 would accept); then
strict UTF-8; then charset-normalizer, preferring windows-1252 among equally good readings
as browsers do for unlabelled Western pages. windows-1252 is decoded as the WHATWG Encoding
Standard says (its five undefined bytes become the C1 controls of the same number), so
latin-1 text, which browsers also read as windows-1252, always decodes. Decoding never
raises: as a last resort undecodable bytes become U+FFFD.
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


# windows-1252 as browsers decode it: latin-1, then the 27 defined bytes 0x80-0x9F mapped
# to their punctuation and letters; the 5 undefined ones stay C1 controls.
_CP1252_FROM_LATIN1 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

# UTF-16/32 without a BOM: in a sample of at least this many bytes, the byte positions that
# hold the zero high bytes of ASCII characters are zero at least this often, the others at
# most this often. (Real text files hold no zero bytes; CJK UTF-16 has few and is left to
# charset-normalizer.)
_WIDE_MIN_BYTES = 16
_WIDE_ZERO_SHARE = 0.5
_WIDE_STRAY_SHARE = 0.05


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
    >>> decode_bytes("Hello, world".encode("utf-16-le")).encoding
    'utf-16-le'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return Decoded(text.removeprefix("\ufeff"), _canonical(codec), "bom")
    declared = _declared_encoding(data[:_SNIFF_BYTES])
    if declared is not None:
        try:
            return Decoded(_decode(data, declared), declared, "declared")
        except (UnicodeDecodeError, LookupError):
            pass
    wide = _wide_unicode(data)
    if wide is not None:
        return wide
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _decode(data: bytes, codec: str) -> str:
    """Decode strictly, except windows-1252, which is decoded as browsers do."""
    if codec == "cp1252":
        return data.decode("latin-1").translate(_CP1252_FROM_LATIN1)
    return data.decode(codec)


def _wide_unicode(data: bytes) -> Decoded | None:
    """Recognise UTF-16 or UTF-32 without a BOM by where the zero bytes of ASCII fall."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" not in sample or len(sample) < _WIDE_MIN_BYTES:
        return None
    quarter = len(sample) // 4
    zeros = [sample[offset::4][:quarter].count(0) / quarter for offset in range(4)]
    many = [share >= _WIDE_ZERO_SHARE for share in zeros]
    few = [share <= _WIDE_STRAY_SHARE for share in zeros]
    candidates = {
        "utf-32-le": few[0] and all(many[1:]),
        "utf-32-be": all(many[:3]) and few[3],
        "utf-16-le": few[0] and few[2] and many[1] and many[3],
        "utf-16-be": many[0] and many[2] and few[1] and few[3],
    }
    for codec, fits in candidates.items():
        if fits:
            try:
                return Decoded(data.decode(codec), codec, "detected")
            except UnicodeDecodeError:
                return None
    return None


def _detect(data: bytes) -> Decoded:
    if len(data) <= _SHORT_INPUT:
        latin = _as_latin_text(data)
        if latin is not None:
            return Decoded(latin, "cp1252", "detected")
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is not None:
        codec = _canonical(best.encoding)
        # Equally good readings: browsers default to windows-1252 for Western text.
        for match in results:
            same_score = (match.chaos, -match.coherence) <= (best.chaos, -best.coherence)
            if same_score and "cp1252" in {_label(name) for name in match.could_be_from_charset}:
                codec = "cp1252"
                break
        try:
            return Decoded(_decode(data, codec), codec, "detected")
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "fallback")


def _as_latin_text(data: bytes) -> str | None:
    """Return ``data`` as windows-1252 when that reads as Latin-script text, else ``None``."""
    text = _decode(data, "cp1252")
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


def _label(label: str) -> str:
    try:
        return _canonical(label)
    except LookupError:
        return label
