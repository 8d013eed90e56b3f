"""Word lists and patterns that are data, not code.

Each concept lives in one JSON file next to this module (``dates.json``, ``chrome.json``,
...), grouped by language inside the file, so adding a language touches no code.
:func:`load` reads a file once per process and returns its parsed content.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load"]


@cache
def load(name: str) -> Any:
    """Return the parsed content of ``lexicon/<name>.json`` (cached; treat it as read-only).

    >>> isinstance(load("stopwords"), dict)
    True
    """
    path = resources.files(__name__).joinpath(f"{name}.json")
    with path.open("r", encoding="utf-8") as handle:
        return json.load(handle)
