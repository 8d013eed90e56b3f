"""The document model and its writers."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from newsclean import Block, Document, Edit, Metadata


def test_document_is_immutable() -> None:
    doc = Document(blocks=(Block("One."),))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.blocks = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.blocks[0].text = "Two."  # type: ignore[misc]


def test_text_joins_blocks_with_a_blank_line_and_skips_empty_ones() -> None:
    doc = Document(blocks=(Block("One."), Block(""), Block("Two.", kind="heading", level=2)))
    assert doc.text == "One.\n\nTwo."


def test_to_dict_has_the_documented_keys_and_iso_dates() -> None:
    published = datetime(2026, 1, 28, 7, 9, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    meta = Metadata(
        title="T",
        authors=("Jane Doe",),
        published=published,
        updated=date(2026, 1, 29),
        tags=("AI",),
    )
    edit = Edit("chrome", "remove", "Menu", "", "navigation menu")
    data = Document(blocks=(Block("Body."),), meta=meta, edits=(edit,)).to_dict()
    expected_keys = {"title", "description", "authors", "dateline", "published", "updated"}
    expected_keys |= {"source_url", "language", "site_name", "tags", "text", "edits"}
    assert expected_keys <= set(data)
    assert data["published"] == "2026-01-28T07:09:00+05:30"
    assert data["updated"] == "2026-01-29"
    assert data["authors"] == ["Jane Doe"]
    assert data["tags"] == ["AI"]
    assert data["description"] is None
    assert data["edits"] == [
        {
            "filter": "chrome",
            "action": "remove",
            "before": "Menu",
            "after": "",
            "reason": "navigation menu",
        }
    ]
    assert json.loads(json.dumps(data)) == data


def test_to_markdown_marks_headings_lists_and_quotes() -> None:
    blocks = (
        Block("Intro."),
        Block("Section", kind="heading", level=2),
        Block("one", kind="list_item"),
        Block("two", kind="list_item"),
        Block("Said so.", kind="quote"),
    )
    markdown = Document(blocks=blocks, meta=Metadata(title="Title")).to_markdown()
    assert markdown == "# Title\n\nIntro.\n\n## Section\n\n- one\n- two\n\n> Said so.\n"


def test_with_blocks_appends_edits_and_keeps_the_original() -> None:
    doc = Document(blocks=(Block("A."), Block("B.")))
    edit = Edit("test", "remove", "B.", "", "reason")
    changed = doc.with_blocks(doc.blocks[:1], [edit])
    assert changed.text == "A."
    assert changed.edits == (edit,)
    assert doc.text == "A.\n\nB."


def test_fast_constructors_make_real_frozen_objects() -> None:
    # The readers and DropChrome build blocks and edits through the draft classes; what
    # they make must be indistinguishable from Block(...) and Edit(...).
    import pickle

    from newsclean.document import _new_block, _new_edit

    block = _new_block("Text.", "list_item", 2, "body>ul>li", 0.5, 7, 3, False)
    plain_block = Block("Text.", "list_item", 2, "body>ul>li", 0.5, 7, 3, False)
    edit = _new_edit("chrome", "remove", "Home", "", "a menu")
    plain_edit = Edit("chrome", "remove", "Home", "", "a menu")
    for fast, plain in ((block, plain_block), (edit, plain_edit)):
        assert type(fast) is type(plain)
        assert fast == plain
        assert hash(fast) == hash(plain)
        assert repr(fast) == repr(plain)
        assert pickle.loads(pickle.dumps(fast)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(fast, dataclasses.fields(fast)[0].name, "x")
    assert dataclasses.replace(block, text="Other.") == dataclasses.replace(
        plain_block, text="Other."
    )
    assert edit.to_dict() == plain_edit.to_dict()
