"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import shared_dir


@pytest.fixture
def article_text_dir() -> Path:
    """The whole-page text corpus; skips the test when the shared folder is absent."""
    folder = shared_dir() / "benchmarks" / "article-text"
    if not folder.is_dir():
        pytest.skip(f"shared corpus not found at {folder} (set NEWSCLEAN_SHARED)")
    return folder
