"""Build newsclean's optional C accelerator, ``newsclean._speedups``.

Everything else is declared in pyproject.toml. The extension is optional: when it cannot be
compiled (no C compiler, an unusual platform) the install goes on without it and
newsclean runs its pure-Python code, which gives the same results. Set
``NEWSCLEAN_NO_EXTENSIONS=1`` to skip it on purpose.
"""

from __future__ import annotations

import os

from setuptools import Extension, setup

extensions = (
    []
    if os.environ.get("NEWSCLEAN_NO_EXTENSIONS")
    else [Extension("newsclean._speedups", ["src/newsclean/_speedups.c"], optional=True)]
)

setup(ext_modules=extensions)
