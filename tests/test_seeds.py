"""The user's seeds: clean(seed).to_dict() equals the gold, field for field."""

from __future__ import annotations

import json

import pytest

from helpers import FIXTURES, seed_ids
from newsclean import clean

FIELDS = (
    "title",
    "description",
    "authors",
    "dateline",
    "published",
    "updated",
    "source_url",
    "text",
)


@pytest.mark.parametrize("seed", seed_ids())
@pytest.mark.parametrize("field", FIELDS)
def test_seed_matches_gold(seed: str, field: str) -> None:
    raw = (FIXTURES / "seeds" / f"{seed}.txt").read_bytes()
    gold = json.loads((FIXTURES / "expected" / f"{seed}.json").read_text(encoding="utf-8"))
    assert clean(raw).to_dict()[field] == gold[field]
