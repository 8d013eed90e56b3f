"""Clean a column of a Spark DataFrame with newsclean, on the executors, through Arrow.

:func:`clean_dataframe` keeps every column of the input and adds two:

- ``newsclean`` (:data:`RESULT_COLUMN`), a struct (see :func:`result_schema`) with the
  cleaned ``text``, the metadata (``title``, ``description``, ``authors``, ``dateline``,
  ``published``, ``updated``, ``language``, ``source_url``, ``site_name``, ``tags``,
  ``encoding``) and the ``edits`` log; it is null when the row could not be cleaned;
- ``newsclean_error`` (:data:`ERROR_COLUMN`), a string: null when the row was cleaned, else
  the exception's class and message (``"InputTypeError: the input value is null"``). A row
  that fails never fails the job.

The rows travel to Python and back as Arrow record batches (``DataFrame.mapInArrow``), and
the pipeline is unpickled once per executor Python process, not once per row. Dates: an
aware ``datetime`` becomes a Spark timestamp at the same instant; a ``date`` with no time
of day becomes the timestamp of midnight UTC that day; a naive ``datetime`` is taken as UTC.

Install with ``pip install 'newsclean[spark]'`` (PySpark 3.5 or 4.x, PyArrow, pandas).
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING, Any

from newsclean.document import Document
from newsclean.errors import ConfigError, InputTypeError, PipelineNotPicklableError
from newsclean.pipeline import Filter, clean, default_pipeline
from newsclean.readers import decode_bytes, read_html

try:
    import pyarrow as pa
    from pyspark import cloudpickle
    from pyspark.sql.types import (
        ArrayType,
        BinaryType,
        StringType,
        StructField,
        StructType,
        TimestampType,
    )
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "newsclean.spark needs PySpark, PyArrow and pandas: pip install 'newsclean[spark]'"
    ) from error

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = [
    "ERROR_COLUMN",
    "RESULT_COLUMN",
    "clean_dataframe",
    "pickle_pipeline",
    "result_schema",
    "row_of",
    "utc_timestamp",
]

RESULT_COLUMN = "newsclean"
"""Name of the struct column :func:`clean_dataframe` adds."""

ERROR_COLUMN = "newsclean_error"
"""Name of the string column that holds why a row could not be cleaned (null when it was)."""

_TEXT_FIELDS = ("title", "description", "dateline", "language", "source_url", "site_name")
_LIST_FIELDS = ("authors", "tags")
_DATE_FIELDS = ("published", "updated")
_EDIT_FIELDS = ("filter", "action", "before", "after", "reason")
_PIPELINE_CACHE_SIZE = 8


def result_schema() -> StructType:
    """Return the Spark type of the :data:`RESULT_COLUMN` struct.

    ``text`` is the body (paragraphs joined by a blank line); ``published`` and ``updated``
    are UTC timestamps (a date without time of day is midnight UTC); ``edits`` is the
    :class:`~newsclean.document.Edit` log.

    >>> result_schema().fieldNames()[:4]
    ['text', 'title', 'description', 'authors']
    """
    string = StringType()
    strings = ArrayType(string, containsNull=False)
    edit = StructType([StructField(name, string, nullable=False) for name in _EDIT_FIELDS])
    return StructType(
        [
            StructField("text", string, nullable=False),
            StructField("title", string),
            StructField("description", string),
            StructField("authors", strings, nullable=False),
            StructField("dateline", string),
            StructField("published", TimestampType()),
            StructField("updated", TimestampType()),
            StructField("language", string),
            StructField("source_url", string),
            StructField("site_name", string),
            StructField("tags", strings, nullable=False),
            StructField("encoding", string),
            StructField("edits", ArrayType(edit, containsNull=False), nullable=False),
        ]
    )


def clean_dataframe(
    df: DataFrame, column: str = "text", *, html: bool = False, pipeline: Filter | None = None
) -> DataFrame:
    """Return ``df`` with :data:`RESULT_COLUMN` and :data:`ERROR_COLUMN` added.

    ``column`` is a string column (text, markdown or HTML) or a binary one (bytes of any
    encoding). With ``html=False`` each value is read the way :func:`newsclean.clean` reads
    it, sniffing HTML from text; ``html=True`` always uses the HTML reader. ``pipeline``
    (default: :func:`~newsclean.pipeline.default_pipeline`) must pickle with cloudpickle, as
    Spark pickles functions; a pipeline that does not raises
    :class:`~newsclean.errors.PipelineNotPicklableError` here, before any job starts.

    >>> from pyspark.sql import SparkSession  # doctest: +SKIP
    >>> spark = SparkSession.builder.master("local[2]").getOrCreate()  # doctest: +SKIP
    >>> df = spark.createDataFrame([("Caf&eacute; owners said no.",)], ["text"])  # doctest: +SKIP
    >>> clean_dataframe(df).select("newsclean.text").first()[0]  # doctest: +SKIP
    'Café owners said no.'
    """
    plan = _plan(df, column, html=html, pipeline=pipeline)
    output = StructType(
        [
            *df.schema.fields,
            StructField(RESULT_COLUMN, result_schema()),
            StructField(ERROR_COLUMN, StringType()),
        ]
    )
    return df.mapInArrow(functools.partial(_clean_batches, plan), output)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What each executor needs: which column, how to read it, and the pickled pipeline."""

    index: int
    html: bool
    pipeline: bytes | None


def _plan(df: DataFrame, column: str, *, html: bool, pipeline: Filter | None) -> _Plan:
    if not callable(getattr(df, "mapInArrow", None)):
        raise InputTypeError(
            f"clean_dataframe() takes a pyspark.sql.DataFrame, not {type(df).__name__}"
        )
    names = list(df.schema.fieldNames())
    if column not in names:
        raise ConfigError(f"no column {column!r} in the DataFrame; its columns are {names}")
    for taken in (RESULT_COLUMN, ERROR_COLUMN):
        if taken in names:
            raise ConfigError(f"the DataFrame already has a column {taken!r}; rename or drop it")
    kind = df.schema[column].dataType
    if not isinstance(kind, (StringType, BinaryType)):
        raise InputTypeError(
            f"column {column!r} is {kind.simpleString()}; clean_dataframe() needs string or binary"
        )
    return _Plan(names.index(column), html, None if pipeline is None else pickle_pipeline(pipeline))


def pickle_pipeline(pipeline: Filter) -> bytes:
    """Return ``pipeline`` pickled with cloudpickle, checked to load back.

    Raise :class:`~newsclean.errors.PipelineNotPicklableError` naming the cause when it cannot
    be pickled (a filter holding a lock, an open file, a connection, a parser object).

    >>> from newsclean.pipeline import Pipeline
    >>> pickle.loads(pickle_pipeline(Pipeline([]))) == Pipeline([])
    True
    """
    if not isinstance(pipeline, Filter):
        raise ConfigError(
            f"pipeline {pipeline!r} is not a filter: it needs a 'name' and to be callable"
        )
    try:
        dumps: Callable[[object], bytes] = cloudpickle.dumps
        payload = dumps(pipeline)
        pickle.loads(payload)
    except Exception as error:  # pickling runs arbitrary __reduce__ code: any error is a cause
        raise PipelineNotPicklableError(
            f"pipeline {getattr(pipeline, 'name', '?')!r} cannot be pickled "
            f"({type(error).__name__}: {error}); Spark must ship it to the executors, so its "
            "filters may hold only configuration (no locks, open files, connections or parsers)"
        ) from error
    return payload


@functools.lru_cache(maxsize=_PIPELINE_CACHE_SIZE)
def _load_pipeline(payload: bytes) -> Filter:
    # One unpickling per executor process and pipeline: Spark reuses its Python workers
    # across tasks, so every batch of every task after the first finds it here.
    loaded: Filter = pickle.loads(payload)
    return loaded


@functools.cache
def _default_pipeline() -> Filter:
    return default_pipeline()


def _clean_batches(plan: _Plan, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Clean the plan's column of each record batch and append the two result columns."""
    pipeline = _default_pipeline() if plan.pipeline is None else _load_pipeline(plan.pipeline)
    result_type = _arrow_result_type()
    for batch in batches:
        results: list[dict[str, Any] | None] = []
        errors: list[str | None] = []
        for value in batch.column(plan.index).to_pylist():
            result, error = _clean_value(value, plan.html, pipeline)
            results.append(result)
            errors.append(error)
        yield pa.RecordBatch.from_arrays(
            [
                *batch.columns,
                pa.array(results, type=result_type),
                pa.array(errors, type=pa.string()),
            ],
            names=[*batch.schema.names, RESULT_COLUMN, ERROR_COLUMN],
        )


def _clean_value(
    value: str | bytes | None, html: bool, pipeline: Filter
) -> tuple[dict[str, Any] | None, str | None]:
    if value is None:
        return None, "InputTypeError: the input value is null"
    try:
        doc = _read_and_filter(value, html, pipeline)
        return row_of(doc), None
    except Exception as error:  # one bad row must not fail the job: its error is the column
        return None, f"{type(error).__name__}: {error}"


def _read_and_filter(value: str | bytes, html: bool, pipeline: Filter) -> Document:
    if not html:
        return clean(value, pipeline=pipeline)
    if isinstance(value, str):
        doc = read_html(value)
    else:
        decoded = decode_bytes(value)
        doc = read_html(decoded.text).with_meta(encoding=decoded.encoding)
    return pipeline(doc)


def row_of(doc: Document) -> dict[str, Any]:
    """Return ``doc`` as a dict matching :func:`result_schema` (dates as aware UTC datetimes).

    >>> from newsclean.document import Metadata
    >>> row = row_of(Document(meta=Metadata(title="T", published=date(2024, 3, 1))))
    >>> row["title"], row["published"]
    ('T', datetime.datetime(2024, 3, 1, 0, 0, tzinfo=datetime.timezone.utc))
    """
    meta = doc.meta
    row: dict[str, Any] = {"text": doc.text, "encoding": meta.encoding}
    for name in _TEXT_FIELDS:
        row[name] = getattr(meta, name)
    for name in _LIST_FIELDS:
        row[name] = list(getattr(meta, name))
    for name in _DATE_FIELDS:
        row[name] = utc_timestamp(getattr(meta, name))
    row["edits"] = [edit.to_dict() for edit in doc.edits]
    return row


def utc_timestamp(value: datetime | date | None) -> datetime | None:
    """Return ``value`` as an aware UTC datetime: a date is midnight UTC, a naive time is UTC.

    >>> from datetime import timedelta
    >>> utc_timestamp(datetime(2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=8))))
    datetime.datetime(2024, 3, 1, 1, 30, tzinfo=datetime.timezone.utc)
    >>> utc_timestamp(date(2024, 3, 1))
    datetime.datetime(2024, 3, 1, 0, 0, tzinfo=datetime.timezone.utc)
    """
    if value is None:
        return None
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=timezone.utc)
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


@functools.cache
def _arrow_result_type() -> pa.StructType:
    string = pa.string()
    strings = pa.list_(pa.field("element", string, nullable=False))
    edit = pa.struct([pa.field(name, string, nullable=False) for name in _EDIT_FIELDS])
    stamp = pa.timestamp("us", tz="UTC")
    return pa.struct(
        [
            pa.field("text", string, nullable=False),
            pa.field("title", string),
            pa.field("description", string),
            pa.field("authors", strings, nullable=False),
            pa.field("dateline", string),
            pa.field("published", stamp),
            pa.field("updated", stamp),
            pa.field("language", string),
            pa.field("source_url", string),
            pa.field("site_name", string),
            pa.field("tags", strings, nullable=False),
            pa.field("encoding", string),
            pa.field("edits", pa.list_(pa.field("element", edit, nullable=False)), nullable=False),
        ]
    )
