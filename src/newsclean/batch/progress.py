"""A one-line progress display for a terminal: records, records per second, MB read.

It redraws at most a few times a second with a carriage return and erases itself at the
end, so the summary that follows starts on a clean line. The command shows it only when
standard error is a terminal and ``--quiet`` is not given (:func:`wanted`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "render", "wanted"]

_BAR_WIDTH = 20


def wanted(stream: TextIO, *, quiet: bool) -> bool:
    """Tell whether to show progress on ``stream``: a terminal, and not ``quiet``.

    >>> import io
    >>> wanted(io.StringIO(), quiet=False)
    False
    """
    isatty = getattr(stream, "isatty", None)
    return not quiet and callable(isatty) and bool(isatty())


def render(records: int, seconds: float, bytes_read: int, fraction: float | None) -> str:
    """The progress line: a bar when the input's size is known, records, rate, MB in.

    >>> render(1500, 2.0, 3_000_000, 0.5)
    '[##########----------]  50% 1,500 records  750 rec/s  3.0 MB in'
    >>> render(10, 0.0, 0, None)
    '10 records  0 rec/s  0.0 MB in'
    """
    rate = records / seconds if seconds > 0 else 0.0
    line = f"{records:,} records  {rate:,.0f} rec/s  {bytes_read / 1e6:,.1f} MB in"
    if fraction is None:
        return line
    filled = round(fraction * _BAR_WIDTH)
    bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
    return f"[{bar}] {fraction:4.0%} {line}"


class Progress:
    """Draws :func:`render` lines on ``stream``, at most every ``interval`` seconds."""

    def __init__(
        self,
        stream: TextIO,
        *,
        interval: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Draw on ``stream``; ``clock`` gives the time in seconds."""
        self._stream = stream
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._last = float("-inf")
        self._width = 0

    def update(self, records: int, bytes_read: int, fraction: float | None = None) -> None:
        """Redraw if ``interval`` has passed since the last drawing."""
        now = self._clock()
        if now - self._last < self._interval:
            return
        self._last = now
        line = render(records, now - self._start, bytes_read, fraction)
        self._stream.write("\r" + line.ljust(self._width))
        self._stream.flush()
        self._width = len(line)

    def finish(self) -> None:
        """Erase the line, leaving the cursor at its start."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
