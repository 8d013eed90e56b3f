"""Test helpers: where the fixtures, the table-driven cases and the shared corpora are."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
CASES = TESTS / "cases"

# Characters where compiled text code could go wrong: ASCII of every class, white space
# that str.split() knows (\x1c-\x1f, no-break and em spaces), letters that case folding
# changes or lengthens (ß, İ, Σ, ﬁ), digits and numbers of other scripts (٣, ², ½), the
# typographic marks of news text, sentence ends of CJK text, and CJK itself.
TRICKY_CHARACTERS = (
    "abcXYZ019_ .,;:!?\"'()-|/&+©\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2003\u3000"
    "ßİΣσςﬁéÉñÑüÜçœæøåÅäöÄÖ"
    "ЖжПривет"
    "٣²½Ⅻ𝟘"
    "’“”—–‘…«»"
    "。！？」』中文日本語한국"
)


def shared_dir() -> Path:
    """The shared folder: ``$NEWSCLEAN_SHARED``, else ``../shared`` from the repository root."""
    configured = os.environ.get("NEWSCLEAN_SHARED")
    return Path(configured) if configured else TESTS.parent.parent / "shared"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The table-driven cases of ``tests/cases/<name>.json``."""
    with (CASES / f"{name}.json").open(encoding="utf-8") as handle:
        cases: list[dict[str, Any]] = json.load(handle)
    return cases


def seed_ids() -> list[str]:
    """The seeds' ids (file stems) in ``tests/fixtures/seeds``."""
    return sorted(path.stem for path in (FIXTURES / "seeds").glob("*.txt"))


def benchmark_metric() -> ModuleType:
    """The article-extraction metric of ``benchmarks/_metric.py``, imported by path."""
    name = "_newsclean_bench_metric"
    if name in sys.modules:
        return sys.modules[name]
    path = TESTS.parent / "benchmarks" / "_metric.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
