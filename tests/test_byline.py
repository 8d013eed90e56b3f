"""Tests for the byline filter: the seeds' gold, the table of cases, and properties."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.authors import fix_capitals, normalize_author, parse_authors
from newsclean.document import Block, Document, Edit, Metadata
from newsclean.filters.byline import ExtractByline, bio_name, parse_byline, split_dateline
from newsclean.filters.encoding import FixEncoding
from newsclean.pipeline import Pipeline, clean
from newsclean.readers import read_html, read_text

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = json.loads(
    (HERE / "cases" / "bylines.json").read_text(encoding="utf-8")
)
AUTHOR_CASES: list[dict[str, Any]] = json.loads(
    (HERE / "cases" / "authors.json").read_text(encoding="utf-8")
)
SEEDS = sorted((HERE / "fixtures" / "seeds").glob("*.txt"))
META_KEYS = ("authors", "dateline", "published", "updated")


def _seed_gold(seed: Path) -> dict[str, Any]:
    gold = HERE / "fixtures" / "expected" / (seed.stem + ".json")
    return dict(json.loads(gold.read_text(encoding="utf-8")))


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.stem for seed in SEEDS])
def test_seed_metadata_matches_gold(seed: Path) -> None:
    out = ExtractByline()(read_text(seed.read_text(encoding="utf-8"))).to_dict()
    gold = _seed_gold(seed)
    assert {key: out[key] for key in META_KEYS} == {key: gold[key] for key in META_KEYS}


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.stem for seed in SEEDS])
def test_seed_through_clean(seed: Path) -> None:
    pipeline = Pipeline([FixEncoding(), ExtractByline()])
    out = clean(seed, pipeline=pipeline).to_dict()
    gold = _seed_gold(seed)
    assert {key: out[key] for key in META_KEYS} == {key: gold[key] for key in META_KEYS}


def test_is_a_named_frozen_filter() -> None:
    extract = ExtractByline()
    assert extract.name == "byline"
    with pytest.raises(dataclasses.FrozenInstanceError):
        extract.head_blocks = 3  # type: ignore[misc]
    assert Pipeline([extract]).names == ("byline",)


def test_seed_001_byline_line_is_gone() -> None:
    seed = next(s for s in SEEDS if s.stem.startswith("001"))
    doc = read_text(seed.read_text(encoding="utf-8"))
    out = ExtractByline()(doc)
    texts = [block.text for block in out.blocks]
    assert not any("Devdiscourse News Desk" in text for text in texts)
    # The title printed again under the byline is a block of its own, and stays.
    assert texts[3] == "U.S.-Taiwan Talks Spark Progress in Tech Cooperation"
    assert len(out.blocks) == len(doc.blocks) - 1
    assert [edit.reason for edit in out.edits] == ["byline"]


def test_seed_000_author_box_is_gone() -> None:
    seed = next(s for s in SEEDS if s.stem.startswith("000"))
    doc = read_text(seed.read_text(encoding="utf-8"))
    out = ExtractByline()(doc)
    assert len(out.blocks) == len(doc.blocks) - 3
    assert out.blocks[-1].text == "With information from Reuters."
    assert [edit.before[:10] for edit in out.edits] == ["Sana Khan", "Sana Khan", "Sana Khan "]
    assert {edit.reason for edit in out.edits} == {"author box after the body"}


def test_seed_002_is_left_alone() -> None:
    seed = next(s for s in SEEDS if s.stem.startswith("002"))
    doc = read_text(seed.read_text(encoding="utf-8"))
    assert ExtractByline()(doc) is doc


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    doc = read_text(case["input"])
    reference = datetime.fromisoformat(case["reference"]) if "reference" in case else None
    out = ExtractByline(reference=reference)(doc)
    if case["expected"] == "unchanged":
        assert out is doc
        return
    got = out.to_dict()
    assert {key: got[key] for key in (*META_KEYS, "text")} == case["expected"]
    assert all(edit.filter == "byline" for edit in out.edits)
    assert ExtractByline(reference=reference)(out) == out


def test_cases_are_enough() -> None:
    assert len(CASES) >= 60
    assert sum(case["expected"] == "unchanged" for case in CASES) >= 15


@pytest.mark.parametrize("case", AUTHOR_CASES, ids=[case["label"] for case in AUTHOR_CASES])
def test_author_case(case: dict[str, Any]) -> None:
    assert list(parse_authors(case["input"])) == case["expected"]
    single = case["expected"][0] if len(case["expected"]) == 1 else None
    assert normalize_author(case["input"]) == single


def test_metadata_already_set_is_kept() -> None:
    doc = read_text("Title\n\nBy Jane Doe | June 19, 2020\n\nThe story begins here and goes on.")
    doc = doc.with_meta(authors=("J. Doe",), published=datetime(2020, 6, 18, 9, 0))
    out = ExtractByline()(doc)
    assert out.meta.authors == ("J. Doe",)
    assert out.meta.published == datetime(2020, 6, 18, 9, 0)
    assert out.text == "Title\n\nThe story begins here and goes on."


def test_edits_say_what_went_where() -> None:
    doc = read_text(
        "Title\n\nBy JANE DOE, Associated Press\n\n"
        "WASHINGTON (AP) — The Senate voted on Tuesday to approve the spending bill."
    )
    out = ExtractByline()(doc)
    assert out.edits == (
        Edit("byline", "extract", "By JANE DOE, Associated Press", "authors=Jane Doe", "byline"),
        Edit(
            "byline",
            "extract",
            "WASHINGTON (AP) —",
            "Washington",
            "agency dateline opening the first paragraph",
        ),
    )
    assert out.meta.dateline == "Washington"


def test_html_byline() -> None:
    html = (
        "<h1>Officials Meet</h1><p>By <a href='/jane'>JANE DOE</a>, Reuters</p>"
        "<p>Updated: June 20, 2020 10:00 ET</p><p>The talks went on for hours and ended late.</p>"
    )
    out = ExtractByline()(read_html(html))
    assert out.meta.authors == ("Jane Doe",)
    assert out.meta.updated is not None
    assert out.meta.updated.isoformat() == "2020-06-20T10:00:00-04:00"
    # The HTML reader takes the headline into meta.title.
    assert out.meta.title == "Officials Meet"
    assert [block.text for block in out.blocks] == ["The talks went on for hours and ended late."]


def test_pure_helpers() -> None:
    byline = parse_byline("By Jane Doe | Taipei | June 19, 2020")
    assert byline is not None
    assert (byline.authors, byline.place, str(byline.published)) == (
        ("Jane Doe",),
        "Taipei",
        "2020-06-19",
    )
    dateline = split_dateline("SAN JOSÉ, Costa Rica (AP) — Voters went to the polls.")
    assert dateline is not None
    assert (dateline.place, dateline.rest) == ("San José, Costa Rica", "Voters went to the polls.")
    assert bio_name("Jane Doe is a reporter covering climate.") == "Jane Doe"
    assert fix_capitals("RIO DE JANEIRO") == "Rio de Janeiro"


# --- properties -----------------------------------------------------------------------------

_PIECES = [
    "By Jane Doe",
    "By JOHN SMITH and Jane Doe, Associated Press",
    "Jane Doe | Taipei | Updated: 28-01-2026 07:09 IST",
    "June 19, 2020",
    "Updated 2 hours ago",
    "TAIPEI, Jan 28 (Reuters) - Officials met on Tuesday to talk about trade.",
    "WASHINGTON (AP) — The Senate voted.",
    "(Reporting by Ben Blanchard; Editing by Tom Hogue)",
    "Jane Doe",
    "Jane Doe is a reporter covering climate.",
    "About the author",
    "By the end of the year, prices had doubled.",
    "Officials said the talks would continue next week in the capital city.",
    "Latest News",
    "Sana Khan\nSana Khan\nSana Khan is the News Editor at Example.",
]
_DOCUMENTS = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=60)), min_size=1, max_size=12
).map(lambda parts: read_text("\n\n".join(parts)))


def _filters() -> st.SearchStrategy[ExtractByline]:
    reference = datetime.fromisoformat("2026-01-28T12:00:00+00:00")
    return st.sampled_from(
        [
            ExtractByline(),
            ExtractByline(reference=reference),
            ExtractByline(head_blocks=3, tail_blocks=2),
        ]
    )


@settings(max_examples=200, deadline=None)
@given(_DOCUMENTS, _filters())
def test_idempotent(doc: Document, extract: ExtractByline) -> None:
    once = extract(doc)
    assert extract(once) == once


@settings(max_examples=200, deadline=None)
@given(_DOCUMENTS, _filters())
def test_edit_exactly_when_changed_and_never_longer(doc: Document, extract: ExtractByline) -> None:
    out = extract(doc)
    assert (out != doc) == (len(out.edits) > len(doc.edits))
    assert len(out.text) <= len(doc.text)
    long_paragraphs = [b.text for b in doc.blocks if len(b.text.split()) > 40]
    assert all(any(text.endswith(b.text) for b in out.blocks) for text in long_paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_str(text: str) -> None:
    doc = read_text(text)
    out = ExtractByline()(doc)
    assert len(out.text) <= len(doc.text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=6))
def test_never_raises_on_any_blocks(texts: list[str]) -> None:
    doc = Document(
        blocks=tuple(Block(text, position=i) for i, text in enumerate(texts)),
        meta=Metadata(title=texts[0] if texts else None),
    )
    out = ExtractByline()(doc)
    assert len(out.blocks) <= len(doc.blocks)
