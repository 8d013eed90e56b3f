"""Readers: any input is read without raising; bytes decode as browsers do; clean() settles."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Pipeline, clean, default_pipeline
from newsclean.document import Document
from newsclean.errors import InputTypeError
from newsclean.filters import FixEncoding
from newsclean.readers import (
    Decoded,
    decode_bytes,
    looks_like_html,
    read,
    read_bytes,
    read_html,
    read_text,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_002 = FIXTURES / "seeds" / "002_1938083205f15d97.txt"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))

_PREFIXES = [
    b"",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    b'<meta charset="utf-8">',
    b'<meta charset="windows-1251">',
    b'<meta charset="x-unknown-label">',
    b'<?xml version="1.0" encoding="iso-8859-1"?>',
    b"<!DOCTYPE html><html><body><p>",
    b"H\x00e\x00l\x00l\x00o\x00,\x00 \x00w\x00o\x00r\x00l\x00d\x00",
]
any_bytes = st.builds(lambda prefix, body: prefix + body, st.sampled_from(_PREFIXES), st.binary())
_HTML_PIECES = ["<p>", "</p>", "<div>", "<br>", "<h2>", "<li>", "<script>", "&amp;", "<!--", "-->"]
any_markup = st.lists(st.sampled_from(_HTML_PIECES) | st.text(max_size=5), max_size=20).map("".join)
any_str = st.text(st.characters(exclude_categories=())) | any_markup

_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(any_str)
def test_text_readers_accept_any_str(text: str) -> None:
    for reader in (read_text, read_html, read):
        doc = reader(text)
        assert isinstance(doc, Document)
        assert all(isinstance(block.text, str) for block in doc.blocks)
    assert isinstance(looks_like_html(text), bool)


@_FAST
@given(any_bytes)
def test_byte_readers_accept_any_bytes(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert isinstance(decoded, Decoded)
    assert codecs.lookup(decoded.encoding).name is not None
    for doc in (read_bytes(data), read(data), read_bytes(bytearray(data))):
        assert isinstance(doc, Document)
        assert doc.meta.encoding == decoded.encoding


@pytest.mark.parametrize("reader", [read_text, read_html])
def test_text_readers_reject_bytes(reader: Callable[[str], Document]) -> None:
    with pytest.raises(InputTypeError, match="takes str"):
        reader(b"text")  # type: ignore[arg-type]


def test_byte_and_sniffing_readers_reject_other_types() -> None:
    with pytest.raises(InputTypeError, match="takes bytes"):
        read_bytes("text")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="takes str or bytes"):
        read(42)  # type: ignore[arg-type]


# --- The same article in several encodings gives the same text. -----------------------

# Characters of the seeds that latin-1 cannot encode, and the nearest latin-1 text. Seed
# 002's only non-ASCII text is the mojibake "â€™" (with € and ™, not latin-1) whose repair
# "’" is not latin-1 either, so its latin-1 version is ASCII; seed 001's keeps ñ, © and a
# no-break space, so its latin-1 bytes are really decoded as latin-1.
_TO_LATIN1 = {"â€™": "'", "’": "'", "‘": "'", "“": '"', "”": '"', "•": "·"}


def _latin1_version(text: str) -> str:
    for before, after in _TO_LATIN1.items():
        text = text.replace(before, after)
    return text


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig", "utf-16-le", "utf-32"])
@pytest.mark.parametrize("seed", SEEDS, ids=[path.stem for path in SEEDS])
def test_seed_in_other_encodings_cleans_to_the_same_text(seed: Path, encoding: str) -> None:
    text = seed.read_text(encoding="utf-8")
    expected = clean(text.encode("utf-8")).text
    assert clean(text.encode(encoding)).text == expected


@pytest.mark.parametrize("seed", SEEDS, ids=[path.stem for path in SEEDS])
def test_seed_latin1_version_cleans_to_the_same_text(seed: Path) -> None:
    """latin-1 where it can be: the seed with its non-latin-1 characters made latin-1."""
    text = _latin1_version(seed.read_text(encoding="utf-8"))
    assert clean(text.encode("latin-1")).text == clean(text.encode("utf-8")).text


def test_latin1_version_of_seed_001_is_not_ascii() -> None:
    text = _latin1_version(SEEDS[1].read_text(encoding="utf-8"))
    assert {"ñ", "©", "\u00a0"} <= set(text)
    assert read_bytes(text.encode("latin-1")).meta.encoding == "cp1252"


def test_seed_002_repairs_to_chinas_in_every_encoding() -> None:
    text = SEED_002.read_text(encoding="utf-8")
    assert "Chinaâ€™s" in text
    for encoding in ("utf-8", "cp1252", "utf-16", "utf-8-sig"):
        cleaned = clean(text.encode(encoding)).text
        assert "China’s" in cleaned
        assert "â€" not in cleaned


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café “menu”".encode(), "utf-8"),
        ("Café “menu” and more text.".encode("cp1252"), "cp1252"),
        ("Café".encode("latin-1"), "cp1252"),
        ("Café".encode("utf-16"), "utf-16"),
        ("Café".encode("utf-8-sig"), "utf-8-sig"),
        ("Café".encode("utf-32"), "utf-32"),
        ("Hello, world".encode("utf-16-le"), "utf-16-le"),
        ("Hello, world".encode("utf-16-be"), "utf-16-be"),
        ("Hello, world".encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_read_bytes_records_the_encoding(data: bytes, encoding: str) -> None:
    doc = read_bytes(data)
    assert doc.meta.encoding == encoding
    assert doc.to_dict()["encoding"] == encoding


def test_windows_1252_detected_among_equally_good_readings() -> None:
    """charset-normalizer ties cp1250 with cp1252 on Western text; ñ must not become ń."""
    text = SEEDS[1].read_text(encoding="utf-8")
    decoded = decode_bytes(text.encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("cp1252", text)


def test_windows_1252_decodes_its_undefined_bytes_as_browsers_do() -> None:
    data = b'<meta charset="windows-1252">Caf\xe9 \x93quoted\x94 \x81'
    assert decode_bytes(data) == Decoded(
        '<meta charset="windows-1252">Café “quoted” \x81', "cp1252", "declared"
    )


# --- Precedence: BOM, then declared charset, then UTF-16/32 zeros, UTF-8, detection. ---


def test_bom_beats_declared_charset() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="windows-1252"><p>café</p>'.encode()
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.source) == ("utf-8-sig", "bom")
    assert decoded.text == '<meta charset="windows-1252"><p>café</p>'


def test_declared_charset_beats_utf8_validity() -> None:
    data = '<meta charset="windows-1252"><p>café</p>'.encode()
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.source) == ("cp1252", "declared")
    assert "cafÃ©" in decoded.text
    assert clean(data).text == "café"


@pytest.mark.parametrize(
    ("head", "codec", "expected"),
    [
        ('<meta charset="windows-1251">', "cp1251", "cp1251"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
            "koi8-r",
            "koi8-r",
        ),
        ('<?xml version="1.0" encoding="ISO-8859-5"?>', "iso-8859-5", "iso8859-5"),
    ],
)
def test_declared_charsets(head: str, codec: str, expected: str) -> None:
    data = head.encode("ascii") + "<p>Привет, мир</p>".encode(codec)
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.source) == (expected, "declared")
    assert decoded.text.endswith("<p>Привет, мир</p>")


def test_xml_declaration_latin1_is_read_as_windows_1252() -> None:
    data = b'<?xml version="1.0" encoding="ISO-8859-1"?><p>caf\xe9 \x85</p>'
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text.endswith("<p>café …</p>")


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="utf-8">',  # declared, but the bytes are not UTF-8
        '<meta charset="x-no-such-charset">',  # unknown label
        '<meta charset="utf-16">',  # UTF-16 cannot declare itself in ASCII bytes
    ],
)
def test_unusable_declaration_falls_back_to_detection(head: str) -> None:
    decoded = decode_bytes(head.encode("ascii") + "<p>Café crème</p>".encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert decoded.source == "detected"
    assert decoded.text.endswith("<p>Café crème</p>")


def test_utf16_without_bom_is_not_read_as_utf8_with_zero_bytes() -> None:
    data = "Plain English text, no BOM at all.".encode("utf-16-be")
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == ("utf-16-be", "Plain English text, no BOM at all.")
    assert "\x00" not in read_bytes(data).text


def test_undecodable_bytes_never_raise() -> None:
    decoded = decode_bytes(b"\xff\xfe\x00")
    assert decoded.encoding == "utf-16"
    assert isinstance(read_bytes(b"\x80\x81\xfe\xff" * 50).text, str)


# --- Reading text keeps what FixEncoding needs. ----------------------------------------


def test_read_text_keeps_mojibake_bytes_that_look_like_white_space() -> None:
    """U+0085 and U+00A0 can be bytes of mojibake: "Città" read as windows-1252 ends in
    "Ã" and a no-break space; "х" in UTF-8 read as latin-1 is "Ñ" and U+0085."""
    doc = read_text("Velo CittÃ\u00a0\n\nгороÑ\u0085\n\nWait\u0085 what\n\nNewsletter\u00a0")
    assert [block.text for block in doc.blocks] == [
        "Velo CittÃ\u00a0",
        "гороÑ\u0085",
        "Wait\u0085 what",
        "Newsletter",
    ]
    assert clean("Velo CittÃ\u00a0\n\nгороÑ\u0085\n\nWait\u0085 what").text == (
        "Velo Città\n\nгорох\n\nWait… what"
    )


# --- clean() settles: cleaning its own output changes nothing. -------------------------

_WORDS = [
    "The",
    "minister",
    "said",
    "economy",
    "grew",
    "Chinaâ€™s",
    "China’s",
    "cafÃ©",
    "café",
    "“quoted”",
    "—",
    "AT&amp;T",
    "R&D",
    "Zürich",
    "Привет",
    "東京、",
    "zero\u200bwidth",
    "x < y",
    "3%",
    "2024",
    "Ð\u009fÑ€Ð¸Ð²ÐµÑ‚",
]
sentence = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14).map(
    lambda words: " ".join(words) + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)


PIPELINES = {
    "readers+encoding": Pipeline([FixEncoding()]),
    "default": default_pipeline(),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article | st.text())
@pytest.mark.parametrize("name", list(PIPELINES))
def test_clean_of_clean_text_is_the_same_text(name: str, text: str) -> None:
    pipeline = PIPELINES[name]
    once = clean(text, pipeline=pipeline).text
    assert clean(once, pipeline=pipeline).text == once


def test_clean_of_clean_text_with_the_full_default_pipeline() -> None:
    text = "Chinaâ€™s exports rose.\n\nCaf&eacute; owners said \u200bno.\n\n# Heading\n\n* item"
    once = clean(text).text
    assert once == "China’s exports rose.\n\nCafé owners said no.\n\nHeading\n\nitem"
    assert clean(once).text == once
