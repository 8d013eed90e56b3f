"""Where batch records come from and go to: JSONL (plain, gzip, zstd) and Parquet, streamed.

A *source* yields chunks of records and makes the *processor* that cleans a chunk in a
worker; a *sink* writes the processed chunks in order. Everything streams: a source holds
one chunk at a time, a sink at most one Parquet row group. pyarrow (the ``parquet`` extra)
and zstandard (the ``zstd`` extra) are imported only when a file needs them.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, BinaryIO, Protocol, cast

from newsclean.batch.records import (
    META_KEY,
    Outcome,
    RecordError,
    RecordOptions,
    Tally,
    clean_record,
    metadata,
)
from newsclean.document import Document
from newsclean.errors import ConfigError, ReadError, WriteError
from newsclean.pipeline import Filter

__all__ = [
    "ChunkResult",
    "JsonlSink",
    "JsonlSource",
    "ParquetSink",
    "ParquetSource",
    "Processor",
    "Sink",
    "Source",
    "is_parquet",
    "open_sink",
    "open_source",
]

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_PARQUET_SUFFIXES = (".parquet", ".pq")
# A Parquet row group is written once this many rows or bytes are pending: big enough for
# efficient files, small enough to keep memory flat with long articles.
_ROW_GROUP_ROWS = 65_536
# A JSONL chunk also ends at this many bytes: long articles then still make enough chunks
# to keep every worker busy to the end (tuned on the 50 MB corpus of bench_batch.py).
_CHUNK_BYTES = 1024 * 1024
_ROW_GROUP_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """A processed chunk: what to write (JSONL bytes or a Parquet batch), errors and counts."""

    payload: Any
    errors: tuple[RecordError, ...]
    tally: Tally


class Processor(Protocol):
    """Cleans one chunk; built once, sent to each worker, called there for every chunk."""

    def __call__(self, chunk: Any, /) -> ChunkResult:
        """Return the processed chunk."""
        ...


class Source(Protocol):
    """Records to clean, in chunks, with the counts the progress bar shows."""

    records_read: int
    bytes_read: int

    def chunks(self, size: int) -> Iterator[Any]:
        """Yield chunks of at most ``size`` records."""
        ...

    def processor(self, options: RecordOptions, pipeline: Filter) -> Processor:
        """The processor for this source's chunks."""
        ...

    def fraction(self) -> float | None:
        """The share of the input read so far, when the input's size is known."""
        ...

    def close(self) -> None:
        """Release the input."""
        ...


class Sink(Protocol):
    """Where processed chunks go, in input order."""

    def write(self, payload: Any) -> None:
        """Write one processed chunk."""
        ...

    def close(self) -> None:
        """Flush and close, leaving a complete, valid file."""
        ...


def is_parquet(path: str) -> bool:
    """Tell whether ``path`` names a Parquet file (by its extension).

    >>> is_parquet("news.parquet"), is_parquet("news.jsonl.gz"), is_parquet("-")
    (True, False, False)
    """
    return path.lower().endswith(_PARQUET_SUFFIXES)


def open_source(source: str | os.PathLike[str] | Iterable[bytes]) -> Source:
    """Open a path (``"-"``: standard input), or take an iterable of JSONL lines as they are."""
    if not isinstance(source, (str, os.PathLike)):
        return JsonlSource(source)
    path = os.fspath(source)
    if is_parquet(path):
        return ParquetSource(path)
    stream = _open_read(path)
    plain = path != "-" and not path.lower().endswith((".gz", ".zst"))
    return JsonlSource(stream, size=os.path.getsize(path) if plain else None, stream=stream)


def open_sink(target: str | os.PathLike[str], source: Source, processor: Processor) -> Sink:
    """Open ``target`` (``"-"``: standard output) in the format of ``source``."""
    path = os.fspath(target)
    if isinstance(source, ParquetSource) != is_parquet(path):
        raise ConfigError(
            f"cannot write {path!r}: the output must be Parquet exactly when the input is "
            "(.parquet or .pq); JSONL may be compressed (.gz, .zst) on either side"
        )
    if isinstance(processor, ParquetProcessor):
        return ParquetSink(path, processor.schema)
    return JsonlSink(path)


# --- JSONL -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JsonlProcessor:
    """Parses, cleans and serializes a chunk of JSONL lines; a bad line is kept byte for byte."""

    options: RecordOptions
    pipeline: Filter

    def __call__(self, chunk: tuple[tuple[int, bytes], ...], /) -> ChunkResult:
        """Return the chunk's output lines as bytes, its errors and its counts."""
        out = bytearray()
        errors: list[RecordError] = []
        tally = Tally()
        for number, raw in chunk:
            outcome = self._clean(number, raw)
            tally.count(outcome)
            if outcome.error is not None:
                errors.append(outcome.error)
                out += raw + b"\n"
            else:
                out += _dumps(outcome.record) + b"\n"
        return ChunkResult(bytes(out), tuple(errors), tally)

    def _clean(self, number: int, raw: bytes) -> Outcome:
        try:
            record = json.loads(raw)
        except ValueError as error:  # json.JSONDecodeError and UnicodeDecodeError
            return Outcome(None, error=RecordError(number, "not-json", _short(error)))
        return clean_record(record, number, self.options, self.pipeline)


def _dumps(record: Any) -> bytes:
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in another field: escape it as JSON does
        return json.dumps(record).encode("ascii")


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) <= 200 else text[:197] + "..."


class JsonlSource:
    """JSON Lines from a binary stream or an iterable of lines; blank lines are not records."""

    def __init__(
        self, lines: Iterable[bytes], *, size: int | None = None, stream: IO[bytes] | None = None
    ) -> None:
        """Read ``lines``; ``size`` is the input's byte size, ``stream`` is closed at the end."""
        self._lines = lines
        self._size = size
        self._stream = stream
        self.records_read = 0
        self.bytes_read = 0

    def chunks(self, size: int) -> Iterator[tuple[tuple[int, bytes], ...]]:
        """Yield chunks of at most ``size`` records (fewer when they pass 1 MiB)."""
        chunk: list[tuple[int, bytes]] = []
        chunk_bytes = 0
        for number, line in enumerate(self._lines, start=1):
            self.bytes_read += len(line)
            content = line[:-1] if line.endswith(b"\n") else line
            content = content[:-1] if content.endswith(b"\r") else content
            if not content.strip():
                continue
            chunk.append((number, content))
            chunk_bytes += len(content)
            self.records_read += 1
            if len(chunk) >= size or chunk_bytes >= _CHUNK_BYTES:
                yield tuple(chunk)
                chunk, chunk_bytes = [], 0
        if chunk:
            yield tuple(chunk)

    def processor(self, options: RecordOptions, pipeline: Filter) -> JsonlProcessor:
        """A :class:`JsonlProcessor` with ``options`` and ``pipeline``."""
        return JsonlProcessor(options, pipeline)

    def fraction(self) -> float | None:
        """The share of the file read so far (known for uncompressed files only)."""
        return min(self.bytes_read / self._size, 1.0) if self._size else None

    def close(self) -> None:
        """Close the input stream (never standard input)."""
        if self._stream is not None and self._stream is not sys.stdin.buffer:
            self._stream.close()


class JsonlSink:
    """Writes JSONL bytes to a file (compressed by extension) or to standard output."""

    def __init__(self, path: str) -> None:
        """Open ``path`` for writing; ``"-"`` is standard output."""
        self._path = path
        self._stream = _open_write(path)

    def write(self, payload: bytes) -> None:
        """Write whole lines."""
        try:
            self._stream.write(payload)
        except OSError as error:
            raise WriteError(f"cannot write {self._path}: {error.strerror or error}") from error

    def close(self) -> None:
        """Flush; close the file (compressed streams write their trailer here)."""
        try:
            if self._path == "-":
                self._stream.flush()
            else:
                self._stream.close()
        except OSError as error:
            raise WriteError(f"cannot write {self._path}: {error.strerror or error}") from error


def _open_read(path: str) -> BinaryIO:
    if path == "-":
        stdin = sys.stdin.buffer
        peek = getattr(stdin, "peek", None)
        return _decompressing(stdin, peek(4)[:4] if callable(peek) else b"")
    lowered = path.lower()
    try:
        if lowered.endswith(".gz"):
            return cast(BinaryIO, gzip.open(path, "rb"))
        if lowered.endswith(".zst"):
            return cast(BinaryIO, io.BufferedReader(_zstandard().open(path, "rb")))
        return open(path, "rb")
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or error}") from error


def _decompressing(stream: BinaryIO, magic: bytes) -> BinaryIO:
    if magic.startswith(_GZIP_MAGIC):
        return cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb"))
    if magic.startswith(_ZSTD_MAGIC):
        return cast(BinaryIO, io.BufferedReader(_zstandard().open(stream, "rb")))
    return stream


def _open_write(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdout.buffer
    lowered = path.lower()
    try:
        if lowered.endswith(".gz"):
            return cast(BinaryIO, gzip.open(path, "wb"))
        if lowered.endswith(".zst"):
            return cast(BinaryIO, _zstandard().open(path, "wb"))
        return open(path, "wb")
    except OSError as error:
        raise WriteError(f"cannot write {path}: {error.strerror or error}") from error


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError as error:
        raise ImportError(
            "reading or writing .zst files needs the 'zstd' extra: pip install 'newsclean[zstd]'"
        ) from error
    return zstandard


# --- Parquet ---------------------------------------------------------------------------


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ImportError(
            "reading or writing Parquet needs the 'parquet' extra: pip install 'newsclean[parquet]'"
        ) from error
    return pyarrow, pyarrow.parquet


@dataclass(frozen=True)
class ParquetProcessor:
    """Cleans a record batch into a batch of the output ``schema``."""

    options: RecordOptions
    pipeline: Filter
    schema: Any

    def __call__(self, chunk: tuple[int, Any], /) -> ChunkResult:
        """Return the cleaned batch (failed rows unchanged, ``newsclean`` null), errors, counts."""
        pa, _ = _pyarrow()
        first, batch = chunk
        rows: list[dict[str, Any]] = []
        errors: list[RecordError] = []
        tally = Tally()
        for offset, row in enumerate(batch.to_pylist()):
            outcome = clean_record(row, first + offset + 1, self.options, self.pipeline)
            tally.count(outcome)
            if outcome.error is not None:
                errors.append(outcome.error)
                rows.append({**row, META_KEY: None})
            else:
                rows.append(outcome.record)
        return ChunkResult(
            pa.RecordBatch.from_pylist(rows, schema=self.schema), tuple(errors), tally
        )


class ParquetSource:
    """A Parquet file read one record batch at a time."""

    def __init__(self, path: str) -> None:
        """Open the Parquet file at ``path``."""
        _, pq = _pyarrow()
        try:
            self._file = pq.ParquetFile(path)
        except OSError as error:
            raise ReadError(f"cannot read {path}: {error}") from error
        self._rows = int(self._file.metadata.num_rows)
        self.records_read = 0
        self.bytes_read = 0

    def chunks(self, size: int) -> Iterator[tuple[int, Any]]:
        """Yield ``(rows before, record batch)`` pairs of at most ``size`` rows."""
        for batch in self._file.iter_batches(batch_size=size):
            first = self.records_read
            self.records_read += batch.num_rows
            self.bytes_read += batch.nbytes
            yield first, batch

    def processor(self, options: RecordOptions, pipeline: Filter) -> ParquetProcessor:
        """A :class:`ParquetProcessor` writing :meth:`output_schema`."""
        return ParquetProcessor(options, pipeline, self.output_schema(options))

    def output_schema(self, options: RecordOptions) -> Any:
        """The input schema, the text field a string, plus the ``newsclean`` struct column."""
        pa, _ = _pyarrow()
        schema = self._file.schema_arrow
        if META_KEY in schema.names:
            schema = schema.remove(schema.get_field_index(META_KEY))
        if options.html_field is not None:
            index = schema.get_field_index(options.field)
            if index < 0:
                schema = schema.append(pa.field(options.field, pa.string()))
            elif not _is_string(pa, schema.field(index).type):
                raise ConfigError(
                    f"column {options.field!r} is {schema.field(index).type}, so it cannot take "
                    "the cleaned text; choose another --field"
                )
        return schema.append(pa.field(META_KEY, _meta_type(pa, options.explain)))

    def fraction(self) -> float | None:
        """The share of the rows read so far."""
        return min(self.records_read / self._rows, 1.0) if self._rows else None

    def close(self) -> None:
        """Close the file."""
        self._file.close()


def _is_string(pa: Any, arrow_type: Any) -> bool:
    return bool(pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type))


def _meta_type(pa: Any, explain: bool) -> Any:
    """The Arrow type of the ``newsclean`` column, from the keys :func:`metadata` returns."""
    edit = pa.struct(
        [(key, pa.string()) for key in ("filter", "action", "before", "after", "reason")]
    )
    fields = []
    for key, value in metadata(Document(), explain=explain).items():
        if key == "edits":
            fields.append(pa.field(key, pa.list_(edit)))
        elif isinstance(value, list):
            fields.append(pa.field(key, pa.list_(pa.string())))
        else:
            fields.append(pa.field(key, pa.string()))
    return pa.struct(fields)


class ParquetSink:
    """Writes record batches to a Parquet file, a row group per 64 Ki rows or 32 MiB."""

    def __init__(self, path: str, schema: Any) -> None:
        """Open ``path`` for writing with ``schema``."""
        _, pq = _pyarrow()
        self._path = path
        self._schema = schema
        self._pending: list[Any] = []
        self._rows = 0
        self._bytes = 0
        try:
            self._writer = pq.ParquetWriter(path, schema)
        except OSError as error:
            raise WriteError(f"cannot write {path}: {error}") from error

    def write(self, payload: Any) -> None:
        """Queue a batch; write a row group when enough are pending."""
        self._pending.append(payload)
        self._rows += payload.num_rows
        self._bytes += payload.nbytes
        if self._rows >= _ROW_GROUP_ROWS or self._bytes >= _ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        pa, _ = _pyarrow()
        try:
            self._writer.write_table(pa.Table.from_batches(self._pending, schema=self._schema))
        except OSError as error:
            raise WriteError(f"cannot write {self._path}: {error}") from error
        self._pending, self._rows, self._bytes = [], 0, 0

    def close(self) -> None:
        """Write what is pending and the file's footer."""
        try:
            self._flush()
        finally:
            self._writer.close()
