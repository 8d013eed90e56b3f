"""newsclean: turn messy news text and pages into clean articles.

>>> import newsclean
>>> doc = newsclean.clean("Chinaâ€™s exports rose in March, official figures showed.")
>>> doc.text
'China’s exports rose in March, official figures showed.'
"""

from __future__ import annotations

from newsclean import authors, dates, errors
from newsclean.document import Block, Document, Edit, Metadata
from newsclean.filters import (
    DropChrome,
    DropDuplicates,
    ExtractByline,
    ExtractHeadline,
    ExtractSource,
    FixEncoding,
)
from newsclean.pipeline import Filter, Pipeline, clean, clean_text, default_pipeline
from newsclean.readers import read, read_bytes, read_html, read_path, read_text

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Document",
    "DropChrome",
    "DropDuplicates",
    "Edit",
    "ExtractByline",
    "ExtractHeadline",
    "ExtractSource",
    "Filter",
    "FixEncoding",
    "Metadata",
    "Pipeline",
    "__version__",
    "authors",
    "clean",
    "clean_text",
    "dates",
    "default_pipeline",
    "errors",
    "read",
    "read_bytes",
    "read_html",
    "read_path",
    "read_text",
]
