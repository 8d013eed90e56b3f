"""Exceptions raised by newsclean.

Every error newsclean raises on purpose is a :class:`NewscleanError`, so a caller can
catch them all in one place and still tell them apart.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputTypeError",
    "NewscleanError",
    "PipelineNotPicklableError",
    "ReadError",
    "WriteError",
]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class InputTypeError(NewscleanError, TypeError):
    """An argument has a type newsclean cannot read (for example an ``int`` given to ``clean``)."""


class ReadError(NewscleanError, OSError):
    """A file or stream could not be read (missing, unreadable, a directory)."""


class ConfigError(NewscleanError, ValueError):
    """A pipeline or filter configuration is invalid (unknown filter name, unknown option)."""


class PipelineNotPicklableError(ConfigError):
    """A pipeline must be shipped to other processes (Spark executors) but cannot be pickled.

    The cause is chained (``__cause__``); usually a filter holds a lock, an open file, a
    connection or a parser object instead of only its configuration.
    """


class WriteError(NewscleanError, OSError):
    """A file or stream could not be written (a missing folder, no permission, a full disk)."""
