"""Clean a corpus: stream records from JSONL or Parquet through a pool of worker processes.

:func:`run_batch` reads chunks of records, has the workers clean them (each worker builds
the pipeline once), and writes the results in input order. At most a few chunks per worker
are in flight, so memory stays flat whatever the input's size. A record that cannot be
cleaned is written through unchanged and reported (:class:`~newsclean.batch.records.RecordError`);
on ``KeyboardInterrupt`` the output is closed after the last whole chunk written, so it is
valid and holds a prefix of the input. See ``docs/batch.md`` for the output layout.

>>> import io, json, tempfile, os
>>> folder = tempfile.mkdtemp()
>>> lines = [b'{"id": 1, "text": "Caf\\xc3\\x83\\xc2\\xa9 owners"}', b"not json"]
>>> out = os.path.join(folder, "out.jsonl")
>>> summary = run_batch(lines, out, BatchOptions(workers=1))
>>> summary.records_out, summary.failed
(2, 1)
>>> with open(out, "rb") as handle:
...     json.loads(handle.readline())["text"]
'Café owners'
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from types import FrameType
from typing import IO, Any

from newsclean.batch.formats import ChunkResult, Processor, Sink, open_sink, open_source
from newsclean.batch.progress import Progress
from newsclean.batch.records import RecordError, RecordOptions, Tally, clean_record
from newsclean.errors import ConfigError, WriteError
from newsclean.pipeline import Filter, default_pipeline

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "RecordError",
    "RecordOptions",
    "clean_record",
    "run_batch",
]

# Chunks in flight per worker: enough to keep every worker busy while the main process
# writes, few enough that memory does not grow with the input.
_IN_FLIGHT_PER_WORKER = 3


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run a batch.

    - ``field``, ``html_field``, ``explain``: see :class:`~newsclean.batch.records.RecordOptions`.
    - ``workers``: worker processes (default: the number of CPUs); ``1`` cleans in-process.
    - ``chunk_size``: records per chunk sent to a worker (default 256).
    - ``pipeline``: the filters to run (default: :func:`~newsclean.default_pipeline`).
    """

    field: str = "text"
    html_field: str | None = None
    explain: bool = False
    workers: int | None = None
    chunk_size: int = 256
    pipeline: Filter | None = None

    def record_options(self) -> RecordOptions:
        """The per-record part of these options."""
        return RecordOptions(self.field, self.html_field, self.explain)


@dataclass
class BatchSummary:
    """What a batch did: records in and out, failures, characters removed, edits per filter."""

    records_in: int = 0
    records_out: int = 0
    cleaned: int = 0
    failed: int = 0
    removed: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    bytes_in: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def add(self, tally: Tally) -> None:
        """Count a written chunk."""
        self.records_out += tally.records
        self.cleaned += tally.cleaned
        self.failed += tally.failed
        self.removed += tally.removed
        self.edits.update(tally.edits)

    def lines(self) -> list[str]:
        """The summary the command prints on stderr, one line per item.

        >>> BatchSummary(3, 3, 2, 1, 40, Counter(encoding=2), 1000, 2.0).lines()[0]
        'records: 3 in, 3 out (2 cleaned, 1 failed) in 2.0 s, 2 rec/s, 0.0 MB/s'
        """
        rate = self.records_out / self.seconds if self.seconds > 0 else 0.0
        speed = self.bytes_in / 1e6 / self.seconds if self.seconds > 0 else 0.0
        edits = ", ".join(f"{name} {count:,}" for name, count in sorted(self.edits.items()))
        lines = [
            f"records: {self.records_in:,} in, {self.records_out:,} out "
            f"({self.cleaned:,} cleaned, {self.failed:,} failed) in {self.seconds:.1f} s, "
            f"{rate:,.0f} rec/s, {speed:,.1f} MB/s",
            f"characters removed: {self.removed:,}",
            f"edits per filter: {edits or 'none'}",
        ]
        if self.interrupted:
            lines.append(
                f"interrupted: the output holds the first {self.records_out:,} records, complete"
            )
        return lines


def run_batch(
    source: str | os.PathLike[str] | Iterable[bytes],
    target: str | os.PathLike[str],
    options: BatchOptions | None = None,
    *,
    errors: IO[str] | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Clean every record of ``source`` into ``target``, in order; return the summary.

    ``source`` is a path (``"-"``: standard input; ``.parquet``, or JSONL optionally
    ``.gz`` or ``.zst``) or an iterable of JSONL lines; ``target`` a path (``"-"``:
    standard output) of the same family. Each bad record is written to ``errors`` as a
    JSON line. A ``KeyboardInterrupt`` ends the run early with a valid output and
    ``interrupted`` set in the summary. Raises :class:`~newsclean.errors.ConfigError` for
    impossible options, ``ReadError`` or ``WriteError`` when a file cannot be opened, and
    ``ImportError`` naming the extra when a format's library is missing.
    """
    options = options or BatchOptions()
    workers = options.workers if options.workers is not None else os.cpu_count() or 1
    if workers < 1 or options.chunk_size < 1:
        raise ConfigError("--workers and --chunk-size must be at least 1")
    pipeline = options.pipeline if options.pipeline is not None else default_pipeline()
    if _same_file(source, target):
        raise ConfigError(f"the output {os.fspath(target)} is the input: write to another file")
    reader = open_source(source)
    summary = BatchSummary()
    start = time.monotonic()
    interrupts = _Interrupts()
    try:
        processor = reader.processor(options.record_options(), pipeline)
        sink = open_sink(target, reader, processor)
        results = _results(reader.chunks(options.chunk_size), processor, workers)
        try:
            for result in results:
                with interrupts.deferred():
                    _write(result, sink, errors, summary)
                summary.records_in, summary.bytes_in = reader.records_read, reader.bytes_read
                if progress is not None:
                    progress.update(summary.records_out, reader.bytes_read, reader.fraction())
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            try:
                results.close()  # cancels queued chunks and stops the workers
            finally:
                sink.close()
    finally:
        interrupts.restore()
        reader.close()
        if progress is not None:
            progress.finish()
    summary.records_in, summary.bytes_in = reader.records_read, reader.bytes_read
    summary.seconds = time.monotonic() - start
    return summary


def _same_file(
    source: str | os.PathLike[str] | Iterable[bytes], target: str | os.PathLike[str]
) -> bool:
    if not isinstance(source, (str, os.PathLike)) or "-" in (os.fspath(source), os.fspath(target)):
        return False
    try:
        return os.path.samefile(source, target)
    except OSError:  # the output does not exist yet (or the input does not: reported later)
        return False


class _Interrupts:
    """Ctrl-C raises ``KeyboardInterrupt`` as usual, except while a chunk is being written.

    A SIGINT that arrives during :meth:`deferred` is held until the block ends, so the
    output never gets half a line (a write to a pipe can be cut by a signal). Installed
    only in the main thread, when SIGINT has Python's default handler; :meth:`restore`
    puts that handler back.
    """

    def __init__(self) -> None:
        self._writing = False
        self._pending = False
        self._installed = (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        )
        if self._installed:
            signal.signal(signal.SIGINT, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._writing:
            self._pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold a SIGINT until the block ends, then raise ``KeyboardInterrupt``."""
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt

    def restore(self) -> None:
        """Put Python's default SIGINT handler back."""
        if self._installed:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self._installed = False


def _write(result: ChunkResult, sink: Sink, errors: IO[str] | None, summary: BatchSummary) -> None:
    sink.write(result.payload)
    summary.add(result.tally)
    if errors is not None and result.errors:
        try:
            for error in result.errors:
                errors.write(json.dumps(error.to_dict(), ensure_ascii=False) + "\n")
        except OSError as failure:
            raise WriteError(f"cannot write the errors file: {failure}") from failure


def _results(
    chunks: Iterator[Any], processor: Processor, workers: int
) -> Generator[ChunkResult, None, None]:
    """Process ``chunks`` in order: in-process for one worker, else in a bounded pool.

    A worker that dies (killed, out of memory) makes the pool raise ``BrokenProcessPool``
    instead of waiting forever. On early exit (an interrupt, an error) queued chunks are
    cancelled and the chunks being cleaned are finished, then the workers exit.
    """
    if workers == 1:
        for chunk in chunks:
            yield processor(chunk)
        return
    # spawn: never fork a parent that may run threads (pyarrow's, the executor's); and the
    # workers stay children of this process, so their resource use is accounted to it.
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(processor,)
    )
    try:
        pending: deque[Future[ChunkResult]] = deque()
        limit = workers * _IN_FLIGHT_PER_WORKER
        for chunk in chunks:
            pending.append(executor.submit(_run_chunk, chunk))
            while pending and (len(pending) >= limit or pending[0].done()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class _WorkerState:
    processor: Processor | None = None


_WORKER = _WorkerState()
"""The processor of this worker process: unpickled once, by :func:`_init_worker`, so each
worker builds its pipeline once. The parent process never sets it."""


def _init_worker(processor: Processor) -> None:
    # The parent handles Ctrl-C (the terminal sends it to every process of the group) and
    # stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.processor = processor


def _run_chunk(chunk: Any) -> ChunkResult:
    processor = _WORKER.processor
    if processor is None:  # pragma: no cover - the pool always runs the initializer first
        raise RuntimeError("worker used before _init_worker")
    return processor(chunk)
