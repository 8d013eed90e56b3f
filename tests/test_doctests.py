"""Run the docstring examples of every module of the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsclean


def _modules() -> list[str]:
    names = [newsclean.__name__]
    for info in pkgutil.walk_packages(newsclean.__path__, prefix="newsclean."):
        if info.name.endswith("__main__") or info.name == "newsclean.spark":
            continue
        names.append(info.name)
    return names


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
