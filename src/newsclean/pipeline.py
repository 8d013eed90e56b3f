"""Filters, pipelines and the one-call entry points :func:`clean` and :func:`clean_text`.

A filter is any callable ``Document -> Document`` with a ``name``; it is pure and idempotent.
A :class:`Pipeline` runs filters in order and is a filter itself, so pipelines nest.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Protocol, runtime_checkable

from newsclean.document import Document
from newsclean.errors import ConfigError, InputTypeError

__all__ = ["Filter", "Pipeline", "clean", "clean_text", "default_pipeline"]


@runtime_checkable
class Filter(Protocol):
    """What every filter is: a named, pure, idempotent ``Document -> Document`` callable.

    ``name`` is the filter's registry name; it is also its ``Edit.filter``, its command-line
    name and its key in ``[tool.newsclean]`` configuration.
    """

    @property
    def name(self) -> str:
        """The filter's registry name."""
        ...

    def __call__(self, doc: Document, /) -> Document:
        """Return the filtered document; never mutate ``doc``."""
        ...


class Pipeline:
    """A filter made of filters, run in order.

    >>> from newsclean.filters import FixEncoding
    >>> Pipeline([FixEncoding()]).names
    ('encoding',)
    """

    name = "pipeline"

    __slots__ = ("_filters",)

    def __init__(self, filters: Iterable[Filter]) -> None:
        """Make a pipeline of ``filters``; each must be callable and have a ``name``."""
        checked = tuple(filters)
        for item in checked:
            if not callable(item) or not isinstance(getattr(item, "name", None), str):
                raise ConfigError(
                    f"pipeline step {item!r} is not a filter: it needs a 'name' and to be callable"
                )
        self._filters = checked

    @property
    def filters(self) -> tuple[Filter, ...]:
        """The filters, in the order they run."""
        return self._filters

    @property
    def names(self) -> tuple[str, ...]:
        """The filters' names, in the order they run."""
        return tuple(item.name for item in self._filters)

    def __iter__(self) -> Iterator[Filter]:
        return iter(self._filters)

    def __len__(self) -> int:
        return len(self._filters)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._filters == other._filters

    def __hash__(self) -> int:
        return hash(self._filters)

    def __repr__(self) -> str:
        return f"Pipeline({list(self._filters)!r})"

    def __reduce__(self) -> tuple[type[Pipeline], tuple[tuple[Filter, ...]]]:
        return (Pipeline, (self._filters,))

    def __call__(self, doc: Document, /) -> Document:
        """Run every filter on ``doc`` in order."""
        for item in self._filters:
            doc = item(doc)
        return doc

    def without(self, *names: str) -> Pipeline:
        """Return a copy without the filters called ``names`` (an unknown name is an error)."""
        unknown = set(names) - set(self.names)
        if unknown:
            raise ConfigError(f"no filter named {sorted(unknown)} in pipeline {list(self.names)}")
        return Pipeline(item for item in self._filters if item.name not in names)

    def replace(self, new: Filter) -> Pipeline:
        """Return a copy where the filter with ``new.name`` is replaced by ``new``."""
        if new.name not in self.names:
            raise ConfigError(f"no filter named {new.name!r} in pipeline {list(self.names)}")
        return Pipeline(new if item.name == new.name else item for item in self._filters)

    def insert(
        self, new: Filter, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """Return a copy with ``new`` inserted before or after the named filter, or at the end."""
        anchor = before if before is not None else after
        steps = list(self._filters)
        if anchor is None:
            return Pipeline([*steps, new])
        if anchor not in self.names:
            raise ConfigError(f"no filter named {anchor!r} in pipeline {list(self.names)}")
        index = self.names.index(anchor) + (1 if after is not None else 0)
        steps.insert(index, new)
        return Pipeline(steps)


def default_pipeline() -> Pipeline:
    """Return the pipeline :func:`clean` uses: every filter, each with its default configuration."""
    from newsclean.filters import default_filters

    return Pipeline(default_filters())


def clean(source: str | bytes | os.PathLike[str], *, pipeline: Filter | None = None) -> Document:
    """Read ``source`` and run the pipeline on it.

    ``source`` is text or HTML (``str``), raw bytes of unknown encoding, or a path-like to a
    file. A ``str`` is never taken as a path: wrap paths in :class:`pathlib.Path`.

    >>> clean("Chinaâ€™s economy grew.").text
    'China’s economy grew.'
    """
    from newsclean.readers import read, read_path

    if isinstance(source, os.PathLike):
        doc = read_path(source)
    elif isinstance(source, (str, bytes, bytearray, memoryview)):
        doc = read(source)
    else:
        raise InputTypeError(
            f"clean() takes str, bytes or a path-like, not {type(source).__name__}"
        )
    return (pipeline if pipeline is not None else _default())(doc)


def clean_text(text: str, *, pipeline: Filter | None = None) -> str:
    """Clean ``text`` (plain, markdown or HTML) and return the article body as plain text.

    >>> clean_text("Caf&eacute; owners said \\u200bno.")
    'Café owners said no.'
    """
    if not isinstance(text, str):
        raise InputTypeError(f"clean_text() takes str, not {type(text).__name__}")
    return clean(text, pipeline=pipeline).text


@cache
def _default() -> Pipeline:
    # Built once per process: filters are immutable, so sharing one pipeline is safe.
    return default_pipeline()
