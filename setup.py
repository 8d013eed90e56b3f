"""Build newsclean's optional C accelerator, ``newsclean._speedups``.

Everything else is declared in pyproject.toml. The extension is optional: when it cannot be
compiled (no C compiler, an unusual platform) the install goes on without it and
newsclean runs its pure-Python code, which gives the same results. Set
``NEWSCLEAN_NO_EXTENSIONS=1`` to skip it on purpose.
"""

from __future__ import annotations

import os
from glob import glob

from setuptools import Extension, setup

# _speedups.c includes its parts (src/newsclean/_speedups_*.c): one translation unit.
extensions = (
    []
    if os.environ.get("NEWSCLEAN_NO_EXTENSIONS")
    else [
        Extension(
            "newsclean._speedups",
            ["src/newsclean/_speedups.c"],
            depends=sorted(glob("src/newsclean/_speedups_*.c")),
            optional=True,
        )
    ]
)

setup(ext_modules=extensions)
