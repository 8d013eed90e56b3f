"""The filters: each a frozen, named, pure ``Document -> Document`` callable.

:data:`REGISTRY` maps each filter's name (its ``Edit.filter``, command-line and
configuration name) to its class; :func:`default_filters` lists the default pipeline's.
"""

from __future__ import annotations

from newsclean.filters.encoding import NEWS_FIXER_CONFIG, FixEncoding
from newsclean.pipeline import Filter

__all__ = ["NEWS_FIXER_CONFIG", "REGISTRY", "FixEncoding", "default_filters"]

REGISTRY: dict[str, type] = {
    FixEncoding.name: FixEncoding,
}
"""Every filter class by its registry name."""


def default_filters() -> list[Filter]:
    """Return the default pipeline's filters, in order, each with its default configuration."""
    return [FixEncoding()]
