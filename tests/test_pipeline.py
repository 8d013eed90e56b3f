"""Pipelines, the default pipeline and the one-call entry points."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

import newsclean
from newsclean import Block, Document, Pipeline, clean, clean_text, default_pipeline
from newsclean.errors import ConfigError, InputTypeError, ReadError


@dataclasses.dataclass(frozen=True)
class Upper:
    """A toy filter for the tests: upper-cases every block."""

    name = "upper"

    def __call__(self, doc: Document) -> Document:
        return doc.with_blocks(dataclasses.replace(b, text=b.text.upper()) for b in doc.blocks)


def test_pipeline_runs_filters_in_order_and_is_a_filter() -> None:
    pipeline = Pipeline([Upper()])
    nested = Pipeline([pipeline])
    doc = Document(blocks=(Block("abc"),))
    assert pipeline(doc).text == "ABC"
    assert nested(doc).text == "ABC"


def test_pipeline_rejects_things_that_are_not_filters() -> None:
    with pytest.raises(ConfigError, match="not a filter"):
        Pipeline([len])  # type: ignore[list-item]


def test_pipeline_edits_by_name() -> None:
    pipeline = default_pipeline()
    assert "encoding" in pipeline.names
    assert "encoding" not in pipeline.without("encoding").names
    inserted = pipeline.insert(Upper(), before="encoding")
    assert inserted.names[0] == "upper"
    after = pipeline.insert(Upper(), after="encoding").names
    assert after.index("upper") == 1 + pipeline.names.index("encoding")
    with pytest.raises(ConfigError, match="no filter named"):
        pipeline.without("nonexistent")


def test_default_pipeline_pickles() -> None:
    pipeline = default_pipeline()
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline


def test_clean_accepts_str_bytes_and_paths(tmp_path: Path) -> None:
    text = "Chinaâ€™s exports rose in March, official figures showed on Monday."
    expected = "China’s exports rose in March, official figures showed on Monday."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert clean(text).text == expected
    assert clean(text.encode("utf-8")).text == expected
    assert clean(path).text == expected
    assert clean_text(text) == expected


def test_clean_rejects_wrong_types_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InputTypeError, match="int"):
        clean(42)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        clean_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ReadError, match="cannot read"):
        clean(tmp_path / "missing.txt")


def test_custom_pipeline_is_used() -> None:
    assert clean("abc", pipeline=Pipeline([Upper()])).text == "ABC"


def test_public_api_is_exported() -> None:
    for name in newsclean.__all__:
        assert hasattr(newsclean, name), name
