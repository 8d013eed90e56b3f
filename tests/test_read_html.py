"""read_html: the article body and its metadata from a whole page."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import time
import tracemalloc
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

import newsclean
from helpers import benchmark_metric
from newsclean.errors import InputTypeError
from newsclean.readers import read_bytes
from newsclean.readers.html import read_html
from newsclean.readers.html.dom import remove_invisible, walk
from newsclean.readers.html.meta import _parse_date
from newsclean.readers.html.nesting import MAX_DEPTH, bound_nesting

CASES = Path(__file__).parent / "cases"
ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "benchmarks" / "article-extraction"

PROSE = (
    "The city council voted on Tuesday to expand the bus network, adding four routes that "
    "will connect the northern suburbs with the hospital district."
)


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return cases


def _label(case: dict[str, Any]) -> str:
    return str(case["label"])


@pytest.mark.parametrize("case", _cases("html_content.json"), ids=_label)
def test_content_case(case: dict[str, Any]) -> None:
    doc = read_html(case["input"])
    assert [block.text for block in doc.blocks] == case["expected"]
    for absent in case.get("absent", []):
        assert absent not in doc.text


@pytest.mark.parametrize("case", _cases("html_meta.json"), ids=_label)
def test_metadata_case(case: dict[str, Any]) -> None:
    got = read_html(case["input"]).to_dict()
    assert {key: got[key] for key in case["expected"]} == case["expected"]


@pytest.mark.parametrize("case", _cases("html_blocks.json"), ids=_label)
def test_block_case(case: dict[str, Any]) -> None:
    tree = LexborHTMLParser(case["input"])
    remove_invisible(tree)
    assert tree.body is not None
    page = walk(tree.body, skip_boilerplate=False)
    assert [[b.kind, b.level, b.text] for b in page.blocks] == case["expected"]
    if "link_density" in case:
        assert [round(b.link_density, 3) for b in page.blocks] == case["link_density"]
    if "paths" in case:
        assert [page.path(b.owner) for b in page.blocks] == case["paths"]


def test_blocks_carry_position_path_and_link_density() -> None:
    html = (
        "<html><body><nav><a href=/>Home</a></nav><article class='story'>"
        f"<h1>Buses</h1><p>{PROSE}</p><h2>Costs</h2>"
        f"<p>{PROSE} <a href=/budget>The budget</a> pays for it.</p></article></body></html>"
    )
    doc = read_html(html)
    assert doc.meta.title == "Buses"  # from the <h1>, which is then not body
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("paragraph", 0),
        ("heading", 2),
        ("paragraph", 0),
    ]
    assert [b.position for b in doc.blocks] == [0, 1, 2]
    assert doc.blocks[0].path == "body>article.story>p"
    assert doc.blocks[0].link_density == 0.0
    assert doc.blocks[2].link_density == round(len("The budget") / len(doc.blocks[2].text), 3)


def test_headline_equal_to_the_title_is_not_body() -> None:
    html = (
        "<html><head><title>Buses return | Gazette</title></head><body>"
        f"<article><h1>Buses return</h1><p>{PROSE}</p></article></body></html>"
    )
    doc = read_html(html)
    assert doc.meta.title == "Buses return"
    assert [b.text for b in doc.blocks] == [PROSE]


def test_rejects_bytes() -> None:
    with pytest.raises(InputTypeError, match="read_html"):
        read_html(b"<p>x</p>")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<",
        "<<<>>>",
        "</div></p></body></html>",
        "<html><body><p>unclosed <b>bold <i>italic",
        "<table><tr><td><div><table><td>cell",
        "<p>nul\x00byte and \ud800 lone surrogate</p>",
        '<p title="unterminated>text',
        "<!-- unterminated comment <p>hidden",
        "<script>never ended",
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [[[[',
        "<svg><p>foreign</p></svg><math><mi>x</mi></math>",
        '<div hidden><p style="display:none">in <b aria-hidden="true">hidden</b></p></div>',
        bytes(range(256)).decode("latin-1") * 20,
    ],
)
def test_never_raises_on_broken_markup(html: str) -> None:
    doc = read_html(html)
    assert isinstance(doc.text, str)


def test_binary_junk_never_raises() -> None:
    junk = os.urandom(200_000)
    doc = newsclean.read(junk)
    assert isinstance(doc.text, str)
    doc = read_html(junk.decode("latin-1"))
    assert isinstance(doc.text, str)


def test_deep_nesting_is_read_quickly() -> None:
    html = "<div>" * 100_000 + f"<p>{PROSE}</p>" + "</div>" * 100_000
    start = time.perf_counter()
    doc = read_html(html)
    assert time.perf_counter() - start < 20  # without the cap: minutes
    assert [b.text for b in doc.blocks] == [PROSE]
    assert doc.blocks[0].path.startswith("…>div>")


def test_deep_nesting_is_capped_before_parsing() -> None:
    html = "<section><p>level</p>" * 50_000 + "</section>" * 50_000
    bounded = bound_nesting(html)
    assert bounded.count("<section>") == MAX_DEPTH
    assert bounded.count("<p>level</p>") == 50_000


def test_a_normal_page_is_not_rewritten() -> None:
    html = "<div><p>x</p></div>" * 30_000
    assert bound_nesting(html) is html


def test_fifty_megabyte_page() -> None:
    filler = "<script>var data = '" + "x" * 50_000_000 + "';</script>"
    html = f"<html><body>{filler}<article><p>{PROSE}</p></article></body></html>"
    doc = read_html(html)
    assert doc.text == PROSE


def _peak_memory(items: int) -> tuple[int, int]:
    html = "<html><body>" + f"<div class='item'><p>{PROSE}</p><a href=x>more</a></div>" * items
    html += "</body></html>"
    tracemalloc.start()
    try:
        read_html(html)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, len(html)


def test_memory_is_proportional_to_the_input() -> None:
    small_peak, small_size = _peak_memory(1_000)
    large_peak, large_size = _peak_memory(4_000)
    # A page of tiny elements costs about 18 bytes of Python objects per byte of HTML.
    assert large_peak < 25 * large_size
    assert large_peak / small_peak < 1.25 * large_size / small_size


# Reading bytes: BOM, then the declared charset, then detection.

PAGE = (
    "<html><head>{meta}<title>Новости</title></head><body><article>"
    + "<p>Городской совет проголосовал во вторник за расширение автобусной сети и добавил "
    "четыре новых маршрута, которые соединят северные районы с больницей.</p>"
    * 8
    + "</article></body></html>"
)


def test_read_bytes_honours_a_bom() -> None:
    data = codecs.BOM_UTF8 + PAGE.format(meta='<meta charset="windows-1251">').encode("utf-8")
    doc = read_bytes(data)
    assert doc.meta.encoding == "utf-8-sig"
    assert doc.text.startswith("Городской совет")


def test_read_bytes_honours_meta_charset() -> None:
    doc = read_bytes(PAGE.format(meta='<meta charset="windows-1251">').encode("cp1251"))
    assert doc.meta.encoding == "cp1251"
    assert doc.meta.title == "Новости"
    assert doc.text.startswith("Городской совет")


def test_read_bytes_honours_http_equiv() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    doc = read_bytes(PAGE.format(meta=meta).encode("koi8-r"))
    assert doc.meta.encoding == "koi8-r"
    assert doc.text.startswith("Городской совет")


def test_read_bytes_detects_an_undeclared_encoding() -> None:
    doc = read_bytes(PAGE.format(meta="").encode("cp1251"))
    assert doc.meta.encoding == "cp1251"
    assert doc.text.startswith("Городской совет")


def test_clean_sniffs_html_in_bytes_and_str() -> None:
    html = f"<!DOCTYPE html><html><body><nav><a href=/>Home</a></nav><p>{PROSE}</p></body></html>"
    assert newsclean.clean(html).text == PROSE
    assert newsclean.clean(html.encode("utf-8")).text == PROSE


# Dates and authors go through the shared rules (newsclean.dates, newsclean.authors).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00+00:00"),
        ("2024-03-05T09:30:00.123+0100", "2024-03-05T09:30:00.123000+01:00"),
        ("2024-03-05 09:30:00-05:00", "2024-03-05T09:30:00-05:00"),
        ("2024-03-05", "2024-03-05"),
        (" 2024-03-05 ", "2024-03-05"),
        ("Tue Nov 19 2019 05:44:06 GMT+0000", "2019-11-19T05:44:06+00:00"),
        ("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00"),
        ("", None),
        ("2024-13-45", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    parsed = _parse_date(text)
    assert (parsed.isoformat() if parsed is not None else None) == expected


def test_meta_authors_go_through_the_byline_rules() -> None:
    html = (
        "<html><head><meta name='author' content=\"By SEAN O'BRIEN and Jane Doe, Staff\">"
        f"</head><body><p>{PROSE}</p></body></html>"
    )
    assert read_html(html).meta.authors == ("Sean O'Brien", "Jane Doe")


# The shared benchmark corpus, when present: a regression guard, not the benchmark.


def _metric() -> ModuleType:
    return benchmark_metric()


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"benchmark corpus not found at {CORPUS}")
def test_article_extraction_corpus_quality() -> None:
    metric = _metric()
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for path in sorted((CORPUS / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        body = truth[path.name.removesuffix(".html.gz")]["articleBody"]
        scores.append(metric.score(read_html(html).text, body))
    result = metric.corpus_score(scores)
    assert result.documents == 181
    assert result.f1 >= 0.96
    assert result.precision >= 0.95


# The default pipeline on the reader's output: the filters after it keep what it chose.


def test_clean_keeps_a_data_table_of_an_html_article() -> None:
    rows = "".join(
        f"<tr><td>{i}</td><td>Driver {chr(65 + i)}</td><td>{100 - 7 * i}</td></tr>"
        for i in range(1, 9)
    )
    html = (
        "<html><body><nav><a href=/>Home</a> <a href=/sport>Sport</a></nav><article>"
        "<h1>Standings</h1><p>The championship standings after the final race of the season, "
        "with the points each driver scored over the year.</p><table><tr><th>Pos</th>"
        f"<th>Driver</th><th>Points</th></tr>{rows}</table></article></body></html>"
    )
    doc = newsclean.clean(html)
    assert [b.kind for b in doc.blocks] == ["paragraph"] + ["table_cell"] * 27
    assert [b.text for b in doc.blocks[1:7]] == ["Pos", "Driver", "Points", "1", "Driver B", "93"]
    assert doc.edits == ()


def test_clean_keeps_short_paragraphs_after_the_prose_of_an_html_article() -> None:
    html = (
        f"<html><body><article><p>{PROSE}</p><p>{PROSE.replace('council', 'board')}</p>"
        "<p>Buses: 40</p><p>Routes: 4</p></article></body></html>"
    )
    assert [b.text for b in newsclean.clean(html).blocks][2:] == ["Buses: 40", "Routes: 4"]


@pytest.mark.parametrize("case", _cases("html_date_lines.json"), ids=_label)
def test_date_line_beside_the_headline(case: dict[str, Any]) -> None:
    # The reader hands the line to the filters; clean() moves it into the metadata.
    doc = newsclean.clean(case["input"])
    got = doc.to_dict()
    assert {key: got[key] for key in case["expected"]} == case["expected"]
    for absent in case.get("absent", []):
        assert absent not in doc.text
