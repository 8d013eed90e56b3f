"""Whether newsclean uses its optional C accelerator, ``newsclean._speedups``.

The extension (``src/newsclean/_speedups.c`` and its parts) holds compiled versions of the
hottest text code; each gives the same results as its Python reference, which runs when
the extension is not built or when ``NEWSCLEAN_PURE_PYTHON`` is set in the environment.
Modules import the compiled names under ``if COMPILED:``.
"""

from __future__ import annotations

import os


def _loaded() -> bool:
    if os.environ.get("NEWSCLEAN_PURE_PYTHON"):
        return False
    try:
        import newsclean._speedups  # noqa: F401
    except ImportError:
        return False
    return True


COMPILED = _loaded()
"""``True`` when the compiled code runs."""
