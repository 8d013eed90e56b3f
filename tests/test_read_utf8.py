"""Bytes strictly decoded from UTF-8 go to the HTML parser as they came; same document."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.readers import read, read_html
from newsclean.readers.html import read_html_utf8

_PAGE = (
    "<html lang='fr'><head><meta charset='utf-8'><title>Café crème | Le Journal</title></head>"
    "<body><nav><a href='/'>Accueil</a></nav><article><h1>Café crème</h1>"
    "<p>Le café « crème » revient sur les terrasses de la ville, disent les serveurs.</p>"
    "<p>Les clients l’attendaient depuis des mois — enfin, il est là.</p></article></body></html>"
)


def _same_as_text(data: bytes) -> None:
    from_bytes = read(data)
    from_text = read_html(data.decode("utf-8"))
    assert from_bytes.meta.encoding == "utf-8"
    assert (
        dataclasses.replace(from_bytes, meta=dataclasses.replace(from_bytes.meta, encoding=None))
        == from_text
    )


def test_utf8_page_reads_as_its_text() -> None:
    _same_as_text(_PAGE.encode("utf-8"))
    assert read(_PAGE.encode("utf-8")).blocks[0].text.startswith("Le café « crème »")


def test_deep_utf8_page_is_bounded_as_its_text() -> None:
    deep = "<html><body>" + "<div>é" * 30_000 + "</div>" * 30_000 + "</body></html>"
    _same_as_text(deep.encode("utf-8"))


def test_bom_page_is_not_passed_through() -> None:
    doc = read(b"\xef\xbb\xbf" + _PAGE.encode("utf-8"))
    assert doc.meta.title == "Café crème"


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=40))
def test_any_text_reads_the_same(text: str) -> None:
    page = f"<html><body><p>{text}</p><div>{text} x</div></body></html>"
    data = page.encode("utf-8", errors="surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert read_html_utf8(page, data) == read_html(page)


def test_text_with_lone_surrogates_parses_as_selectolax_would_encode_it() -> None:
    # read_html encodes text for the parser itself (to count tags in bytes), exactly as
    # selectolax does: UTF-8, dropping what cannot be encoded.
    page = _PAGE.replace("revient", "rev\ud800ient")
    assert read_html(page) == read_html(_PAGE)
    assert read_html_utf8(page, None) == read_html(_PAGE)
