"""The filters: each a frozen, named, pure ``Document -> Document`` callable.

:data:`REGISTRY` maps each filter's name (its ``Edit.filter``, command-line and
configuration name) to its class; :func:`default_filters` lists the default pipeline's.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from newsclean.filters.byline import ExtractByline
from newsclean.filters.chrome import DropChrome
from newsclean.filters.duplicates import DropDuplicates
from newsclean.filters.encoding import NEWS_FIXER_CONFIG, FixEncoding
from newsclean.filters.headline import ExtractHeadline
from newsclean.filters.source import ExtractSource
from newsclean.pipeline import Filter

__all__ = [
    "NEWS_FIXER_CONFIG",
    "REGISTRY",
    "DropChrome",
    "DropDuplicates",
    "ExtractByline",
    "ExtractHeadline",
    "ExtractSource",
    "FixEncoding",
    "default_filters",
]

REGISTRY: Mapping[str, type] = MappingProxyType(
    {
        FixEncoding.name: FixEncoding,
        ExtractSource.name: ExtractSource,
        ExtractHeadline.name: ExtractHeadline,
        ExtractByline.name: ExtractByline,
        DropDuplicates.name: DropDuplicates,
        DropChrome.name: DropChrome,
    }
)
"""Every filter class by its registry name, in the default pipeline's order."""


def default_filters() -> list[Filter]:
    """Return the default pipeline's filters, in order, each with its default configuration."""
    return [
        FixEncoding(),
        ExtractSource(),
        ExtractHeadline(),
        ExtractByline(),
        DropDuplicates(),
        DropChrome(),
    ]
