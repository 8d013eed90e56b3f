"""Project configuration: the ``[tool.newsclean]`` table of the nearest ``pyproject.toml``.

The table says which filters run and with which options, and sets defaults for the
commands. Names are the ones used everywhere else: a filter's registry name is its table,
its options are the fields of its configuration dataclass, and a command's settings are
its command-line flags without the leading dashes. An unknown key is a
:class:`~newsclean.errors.ConfigError` that names it; options given on the command line win.

.. code-block:: toml

    [tool.newsclean]
    filters = ["encoding"]          # the pipeline of `clean` and `batch` (default: all)

    [tool.newsclean.encoding.config]  # FixEncoding(config=TextFixerConfig(...))
    uncurl_quotes = true

    [tool.newsclean.batch]          # defaults of `newsclean batch`
    field = "body"
    workers = 4

    [tool.newsclean.fix]            # defaults of `newsclean fix` and `newsclean check`
    filters = ["encoding"]
    to-utf8 = false

>>> config = parse_config({"filters": ["encoding"], "batch": {"field": "body"}})
>>> config.pipeline().names, config.batch["field"]
(('encoding',), 'body')
"""

from __future__ import annotations

import dataclasses
import os
import sys
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.errors import ConfigError
from newsclean.pipeline import Filter, Pipeline

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "BATCH_KEYS",
    "FIX_KEYS",
    "SAFE_FILTERS",
    "Config",
    "build_pipeline",
    "find_pyproject",
    "load_config",
    "parse_config",
]

SAFE_FILTERS: tuple[str, ...] = ("encoding",)
"""The filters ``fix`` and ``check`` run by default: the repairs that never drop text."""

BATCH_KEYS: Mapping[str, type | tuple[type, ...]] = types.MappingProxyType(
    {
        "field": str,
        "html-field": str,
        "workers": int,
        "chunk-size": int,
        "explain": bool,
        "errors": str,
        "quiet": bool,
    }
)
"""The keys of ``[tool.newsclean.batch]`` (the flags of ``newsclean batch``) and their types."""

FIX_KEYS: Mapping[str, type | tuple[type, ...]] = types.MappingProxyType(
    {"filters": list, "to-utf8": bool}
)
"""The keys of ``[tool.newsclean.fix]`` (used by ``fix`` and ``check``) and their types."""

_COMMAND_TABLES = ("batch", "fix")
_TOP_KEYS = ("filters", *_COMMAND_TABLES)


@dataclass(frozen=True)
class Config:
    """A validated ``[tool.newsclean]`` table.

    ``filters`` is the pipeline of ``clean`` and ``batch`` by name (``None``: the default
    pipeline); ``options`` maps a filter name to the options of its table; ``batch`` and
    ``fix`` hold the command defaults; ``path`` is the file read (``None``: none found).
    """

    filters: tuple[str, ...] | None = None
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    batch: Mapping[str, Any] = field(default_factory=dict)
    fix: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def pipeline(self, filters: Sequence[str] | None = None) -> Pipeline:
        """The pipeline of ``clean`` and ``batch``: ``filters`` (command line) or the table's.

        >>> Config().pipeline(["encoding"]).names
        ('encoding',)
        """
        names = tuple(filters) if filters is not None else self.filters
        return build_pipeline(names, self.options)

    def fix_pipeline(self, filters: Sequence[str] | None = None) -> Pipeline:
        """The pipeline of ``fix`` and ``check``: ``filters``, the ``fix`` table's, or the safe set.

        >>> Config().fix_pipeline().names
        ('encoding',)
        """
        names = filters if filters is not None else self.fix.get("filters", SAFE_FILTERS)
        return build_pipeline(tuple(names), self.options)


def find_pyproject(start: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the nearest ``pyproject.toml`` in ``start`` (default: the current directory) or above.

    >>> find_pyproject("/") is None or find_pyproject("/").name == "pyproject.toml"
    True
    """
    folder = Path(start if start is not None else Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            return path
    return None


def load_config(
    path: str | os.PathLike[str] | None = None, *, start: str | os.PathLike[str] | None = None
) -> Config:
    """Read the configuration from ``path``, or from the nearest ``pyproject.toml`` above ``start``.

    A file with a ``[tool]`` table (a ``pyproject.toml``) gives its ``[tool.newsclean]``
    table, or an empty configuration when it has none; any other TOML file is read as the
    ``[tool.newsclean]`` table itself. With no ``path`` and no ``pyproject.toml`` found,
    the configuration is empty. A missing or malformed file raises :class:`ConfigError`.

    >>> load_config(start="/").filters is None or True
    True
    """
    chosen = Path(path) if path is not None else find_pyproject(start)
    if chosen is None:
        return Config()
    try:
        with chosen.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"cannot read {chosen}: {error.strerror or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{chosen} is not valid TOML: {error}") from error
    if "tool" in document or chosen.name == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("newsclean", {}) if isinstance(tool, dict) else {}
        prefix = "tool.newsclean"
    else:
        table, prefix = document, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{chosen}: 'tool.newsclean' must be a table")
    config = parse_config(table, source=str(chosen), prefix=prefix)
    return dataclasses.replace(config, path=chosen)


def parse_config(
    table: Mapping[str, Any], *, source: str = "configuration", prefix: str = "tool.newsclean"
) -> Config:
    """Validate a ``[tool.newsclean]`` table and return it as a :class:`Config`.

    Every filter option is checked against the filter's configuration fields and types, so
    a mistake is reported when the file is read, naming the key.

    >>> parse_config({"encoding": {"colour": 1}})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: configuration: unknown key 'tool.newsclean.encoding.colour' ...
    """
    from newsclean.filters import REGISTRY

    def where(key: str) -> str:
        return f"{prefix}.{key}" if prefix else key

    options: dict[str, Mapping[str, Any]] = {}
    for key, value in table.items():
        if key in _TOP_KEYS:
            continue
        if key not in REGISTRY:
            known = ", ".join([*_TOP_KEYS, *sorted(REGISTRY)])
            raise ConfigError(f"{source}: unknown key {where(key)!r} (known: {known})")
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: {where(key)!r} must be a table of filter options")
        options[key] = value
        _configured(REGISTRY[key], value, where(key), source)
    filters = table.get("filters")
    if filters is not None:
        filters = tuple(_filter_names(filters, where("filters"), source))
    batch = _command_table(table.get("batch", {}), BATCH_KEYS, where("batch"), source)
    fix = _command_table(table.get("fix", {}), FIX_KEYS, where("fix"), source)
    if "filters" in fix:
        fix["filters"] = tuple(_filter_names(fix["filters"], where("fix.filters"), source))
    return Config(
        filters=filters,
        options=types.MappingProxyType(options),
        batch=types.MappingProxyType(batch),
        fix=types.MappingProxyType(fix),
    )


def build_pipeline(
    names: Sequence[str] | None, options: Mapping[str, Mapping[str, Any]] | None = None
) -> Pipeline:
    """Build a pipeline of the filters ``names`` (``None``: the default ones) with ``options``.

    ``options`` maps a filter name to its configuration fields, as in ``[tool.newsclean]``.

    >>> options = {"encoding": {"config": {"uncurl_quotes": True}}}
    >>> build_pipeline(["encoding"], options).filters[0].config.uncurl_quotes
    True
    >>> build_pipeline(["nonsense"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: unknown filter 'nonsense' (known: ..., encoding, ...)
    """
    from newsclean.filters import REGISTRY, default_filters

    options = options or {}
    if names is None:
        steps: list[Filter] = [
            _configured(type(step), options.get(step.name, {}), step.name, "configuration")
            if step.name in options
            else step
            for step in default_filters()
        ]
        return Pipeline(steps)
    steps = []
    for name in names:
        if name not in REGISTRY:
            raise ConfigError(f"unknown filter {name!r} (known: {', '.join(sorted(REGISTRY))})")
        steps.append(_configured(REGISTRY[name], options.get(name, {}), name, "configuration"))
    return Pipeline(steps)


def _filter_names(value: object, key: str, source: str) -> list[str]:
    from newsclean.filters import REGISTRY

    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{source}: {key!r} must be a list of filter names")
    for name in value:
        if name not in REGISTRY:
            known = ", ".join(sorted(REGISTRY))
            raise ConfigError(f"{source}: unknown filter {name!r} in {key!r} (known: {known})")
    return list(value)


def _command_table(
    value: object, keys: Mapping[str, type | tuple[type, ...]], where: str, source: str
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: {where!r} must be a table")
    for key, item in value.items():
        if key not in keys:
            raise ConfigError(f"{source}: unknown key '{where}.{key}' (known: {', '.join(keys)})")
        expected = keys[key]
        if not isinstance(item, expected) or (expected is int and isinstance(item, bool)):
            raise ConfigError(f"{source}: '{where}.{key}' has the wrong type: {item!r}")
    return dict(value)


def _configured(cls: type, values: Mapping[str, Any], where: str, source: str) -> Any:
    """Return ``cls()`` with ``values`` applied to its dataclass fields, checked and converted."""
    try:
        default = cls()
    except TypeError as error:
        raise ConfigError(f"{source}: filter {where!r} cannot be built: {error}") from error
    if not values:
        return default
    return _replace(default, values, where, source)


def _replace(default: Any, values: Mapping[str, Any], where: str, source: str) -> Any:
    """Return a copy of the dataclass or named tuple ``default`` with ``values`` converted."""
    names = _field_names(default)
    hints = _hints(type(default))
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in names:
            raise ConfigError(
                f"{source}: unknown key '{where}.{key}' "
                f"({where.rsplit('.', 1)[-1]} options: {', '.join(names) or 'none'})"
            )
        current = getattr(default, key)
        changes[key] = _convert(value, hints.get(key), current, f"{where}.{key}", source)
    try:
        if dataclasses.is_dataclass(default):
            return dataclasses.replace(default, **changes)  # type: ignore[type-var]
        return default._replace(**changes)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{source}: {where!r} is invalid: {error}") from error


def _field_names(value: Any) -> tuple[str, ...]:
    if dataclasses.is_dataclass(value):
        return tuple(item.name for item in dataclasses.fields(value) if item.init)
    fields: tuple[str, ...] = getattr(value, "_fields", ())
    return fields


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except (NameError, TypeError):  # annotations naming types only imported for checking
        return {}


def _is_structured(value: Any) -> bool:
    return (dataclasses.is_dataclass(value) and not isinstance(value, type)) or hasattr(
        value, "_replace"
    )


def _convert(value: Any, hint: Any, current: Any, where: str, source: str) -> Any:
    """Turn the TOML ``value`` into what a field annotated ``hint`` (now ``current``) takes."""
    if _is_structured(current):
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: {where!r} must be a table")
        return _replace(current, value, where, source)
    if isinstance(value, list) and isinstance(current, (tuple, frozenset)):
        value = type(current)(value)
    if hint is not None and not _matches(value, hint):
        raise ConfigError(f"{source}: {where!r} has the wrong type: {value!r} is not {hint}")
    if hint is None and current is not None and not _same_kind(value, current):
        raise ConfigError(
            f"{source}: {where!r} has the wrong type: {value!r} is not {type(current).__name__}"
        )
    return value


def _same_kind(value: Any, current: Any) -> bool:
    if isinstance(current, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(current, bool)
    if isinstance(current, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(current))


def _matches(value: Any, hint: Any) -> bool:
    """Tell whether ``value`` fits the annotation ``hint`` (a practical subset of typing)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return True
    if hint is None or hint is type(None):
        return value is None
    if origin is typing.Union or origin is types.UnionType:
        return any(_matches(value, arg) for arg in args)
    if origin is typing.Literal:
        return value in args
    if origin in (tuple, list, frozenset, set, Sequence):
        if not isinstance(value, (tuple, list, frozenset, set)):
            return False
        items: tuple[Any, ...] = tuple(value)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return all(_matches(item, args[0]) for item in items)
        return len(args) != 1 or all(_matches(item, args[0]) for item in items)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True  # an annotation this checker does not model: trust the filter to validate
