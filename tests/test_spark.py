"""newsclean.spark on a local Spark session: same results as ``newsclean.clean``, row for row.

Skipped only when PySpark (the ``spark`` extra) or a Java runtime cannot be had.
"""

from __future__ import annotations

import dataclasses
import doctest
import gzip
import importlib
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, ClassVar

import pytest

import newsclean
from newsclean.document import Document
from newsclean.errors import ConfigError, InputTypeError, PipelineNotPicklableError
from newsclean.pipeline import Pipeline, default_pipeline

pytestmark = [
    pytest.mark.filterwarnings(
        # PySpark 4.x warns about pandas 3 on import of its pandas helpers; not our concern.
        "ignore:PySpark does not yet fully support pandas:FutureWarning"
    ),
    # PySpark 3.5 compares versions with distutils' LooseVersion.
    pytest.mark.filterwarnings(
        "ignore:distutils Version classes are deprecated:DeprecationWarning"
    ),
]

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime (java not on PATH, JAVA_HOME unset)", allow_module_level=True)
pytest.importorskip("pyspark", reason="PySpark is not installed: pip install 'newsclean[spark]'")
pytest.importorskip("pyarrow", reason="PyArrow is not installed: pip install 'newsclean[spark]'")

import pyspark  # noqa: E402
from pyspark import cloudpickle  # noqa: E402
from pyspark.sql import DataFrame, SparkSession  # noqa: E402
from pyspark.sql import functions as sf  # noqa: E402

from newsclean import spark as nspark  # noqa: E402

if int(pyspark.__version__.split(".")[0]) < 4:
    # PySpark 3.5 leaves its Py4J sockets to the garbage collector.
    pytestmark += [
        pytest.mark.filterwarnings("ignore::ResourceWarning"),
        pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    ]

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
PAGES = 200
MARKER = "@@newsclean-test-fail@@"
META_FIELDS = (
    "title",
    "description",
    "authors",
    "dateline",
    "language",
    "source_url",
    "site_name",
    "tags",
    "encoding",
    "edits",
)

# The filters below live in this test module, which the executors cannot import: ship them
# by value, as a user does for filters defined in a notebook or a script. They are not
# slotted: the cloudpickle of PySpark 3.5 (2.2) loses the fields of slotted dataclasses.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@dataclasses.dataclass(frozen=True)
class FailOnMarker:
    """A filter that raises on a marker string, to make one row fail deterministically."""

    marker: str = MARKER
    name: ClassVar[str] = "fail_on_marker"

    def __call__(self, doc: Document, /) -> Document:
        if self.marker in doc.text:
            raise RuntimeError(f"marker found in {doc.text[:30]!r}")
        return doc


@dataclasses.dataclass(frozen=True)
class StampDates:
    """A filter that sets a date-only ``published`` and an aware ``updated``."""

    name: ClassVar[str] = "stamp_dates"

    def __call__(self, doc: Document, /) -> Document:
        updated = datetime(2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
        return doc.with_meta(published=date(2024, 3, 1), updated=updated, tags=("a", "b"))


@dataclasses.dataclass(frozen=True)
class HoldsLock:
    """A filter that holds a lock, so it cannot be pickled."""

    lock: Any = dataclasses.field(default_factory=threading.Lock)
    name: ClassVar[str] = "holds_lock"

    def __call__(self, doc: Document, /) -> Document:
        return doc


def shared_dir() -> Path:
    """The shared folder: ``$NEWSCLEAN_SHARED``, else ``../shared`` from the repository root."""
    configured = os.environ.get("NEWSCLEAN_SHARED")
    return Path(configured) if configured else TESTS.parent.parent / "shared"


def _record_load(path: str) -> CountLoads:
    """Unpickle a :class:`CountLoads`, appending this process's id to ``path``."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()}\n")
    return CountLoads(path)


@dataclasses.dataclass(frozen=True)
class CountLoads:
    """A do-nothing filter that records in a file each time it is unpickled, and where."""

    path: str
    name: ClassVar[str] = "count_loads"

    def __call__(self, doc: Document, /) -> Document:
        return doc

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (_record_load, (self.path,))


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def corpus() -> list[tuple[str, str]]:
    """The three seeds and 200 pages of the shared corpus (if present): (id, text) pairs.

    The whole-page text corpus has 181 pages; the HTML pages of the same articles make up
    the rest, so the HTML path through the readers is covered too.
    """
    rows = [
        (path.stem, path.read_text(encoding="utf-8"))
        for path in sorted((FIXTURES / "seeds").glob("*.txt"))
    ]
    benchmarks = shared_dir() / "benchmarks"
    texts = sorted((benchmarks / "article-text").glob("*.txt"))[:PAGES]
    rows += [(path.name, path.read_text(encoding="utf-8")) for path in texts]
    htmls = sorted((benchmarks / "article-extraction" / "html").glob("*.html.gz"))
    for path in htmls[: PAGES - len(texts)]:
        rows.append((path.name, gzip.decompress(path.read_bytes()).decode("utf-8")))
    return rows


def collect(df: DataFrame) -> dict[str, dict[str, Any]]:
    """The cleaned rows by id, with timestamps as microseconds since the epoch."""
    flat = df.select(
        "id",
        "newsclean",
        sf.unix_micros("newsclean.published").alias("published_us"),
        sf.unix_micros("newsclean.updated").alias("updated_us"),
        "newsclean_error",
    )
    return {row["id"]: row.asDict(recursive=True) for row in flat.collect()}


def expected_row(doc: Document) -> dict[str, Any]:
    data = doc.to_dict()
    return {name: data[name] for name in ("text", *META_FIELDS)}


def expected_micros(value: datetime | date | None) -> int | None:
    """A metadata date as the struct stores it: an instant, or a date at midnight UTC."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    return micros(value)


def micros(value: datetime) -> int:
    return (value - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(microseconds=1)


def test_equals_clean_row_for_row(spark: SparkSession) -> None:
    rows = [*corpus(), ("null", None)]
    df = spark.createDataFrame(rows, "id string, text string").repartition(2)
    got = collect(nspark.clean_dataframe(df))
    assert len(got) == len(rows)
    compared = 0
    for key, text in rows:
        if text is None:
            continue
        row = got[key]
        assert row["newsclean_error"] is None, key
        cleaned = row["newsclean"]
        doc = newsclean.clean(text)
        assert {name: cleaned[name] for name in ("text", *META_FIELDS)} == expected_row(doc), key
        expected_times = (expected_micros(doc.meta.published), expected_micros(doc.meta.updated))
        assert (row["published_us"], row["updated_us"]) == expected_times, key
        compared += 1
    assert compared == len(rows) - 1
    assert got["null"]["newsclean"] is None
    assert got["null"]["newsclean_error"] == "InputTypeError: the input value is null"


def test_corpus_has_the_seeds_and_200_pages() -> None:
    if not (shared_dir() / "benchmarks" / "article-text").is_dir():
        pytest.skip(f"shared corpus not found under {shared_dir()} (set NEWSCLEAN_SHARED)")
    assert len(corpus()) == 3 + PAGES


def test_failing_row_gets_an_error_and_the_job_goes_on(spark: SparkSession) -> None:
    pipeline = default_pipeline().insert(FailOnMarker()).insert(StampDates())
    rows = [
        ("ok", "Caf&eacute; owners said no."),
        ("junk", f"\x00\x01 {MARKER} \ufffd\ufffd"),
        ("also-ok", "Prices rose 3% today."),
    ]
    df = spark.createDataFrame(rows, "id string, text string")
    got = collect(nspark.clean_dataframe(df, pipeline=pipeline))
    assert got["junk"]["newsclean"] is None
    assert got["junk"]["newsclean_error"].startswith("RuntimeError: marker found in ")
    for key, text in (rows[0], rows[2]):
        row = got[key]
        assert row["newsclean_error"] is None
        expected = newsclean.clean(text, pipeline=pipeline)
        assert row["newsclean"]["text"] == expected.text
        assert row["newsclean"]["tags"] == ["a", "b"]
        # A date is midnight UTC; an aware datetime keeps its instant.
        assert row["published_us"] == micros(datetime(2024, 3, 1, tzinfo=timezone.utc))
        assert row["updated_us"] == micros(datetime(2024, 3, 1, 1, 30, tzinfo=timezone.utc))
    assert got["ok"]["newsclean"]["text"] == "Café owners said no."


def test_html_flag_and_binary_column(spark: SparkSession) -> None:
    page = "<html><head><title>T</title></head><body><p>Caf\u00e9 one.</p><p>Two.</p></body></html>"
    fragment = "<p>Not <b>sniffed</b> as HTML</p>"
    rows = [
        ("page", page.encode("cp1252")),
        ("fragment", fragment.encode("utf-8")),
    ]
    df = spark.createDataFrame(rows, "id string, data binary")
    got = collect(nspark.clean_dataframe(df, "data", html=True))
    assert got["page"]["newsclean"]["text"] == "Café one.\n\nTwo."
    assert got["page"]["newsclean"]["title"] == "T"
    assert got["page"]["newsclean"]["encoding"] == newsclean.read_bytes(rows[0][1]).meta.encoding
    # html=True parses the fragment as HTML: the tags are gone.
    assert got["fragment"]["newsclean"]["text"] == "Not sniffed as HTML"
    sniffed = collect(nspark.clean_dataframe(df, "data"))
    assert sniffed["fragment"]["newsclean"]["text"] == newsclean.clean(rows[1][1]).text
    assert sniffed["fragment"]["newsclean"]["text"] == fragment  # too few tags to sniff HTML


def test_unpicklable_pipeline_fails_before_the_job(spark: SparkSession) -> None:
    df = spark.createDataFrame([("a", "text")], "id string, text string")
    with pytest.raises(PipelineNotPicklableError, match="cannot be pickled") as caught:
        nspark.clean_dataframe(df, pipeline=Pipeline([HoldsLock()]))
    assert isinstance(caught.value, ConfigError)
    assert isinstance(caught.value.__cause__, TypeError)


@pytest.mark.parametrize(
    ("column", "error", "message"),
    [
        ("missing", ConfigError, "no column 'missing'"),
        ("n", InputTypeError, "column 'n' is int"),
        ("text", ConfigError, "already has a column 'newsclean_error'"),
    ],
)
def test_bad_columns_are_rejected_at_once(
    spark: SparkSession, column: str, error: type[Exception], message: str
) -> None:
    df = spark.createDataFrame([("a", 1, "x")], "text string, n int, newsclean_error string")
    if column != "text":
        df = df.drop("newsclean_error")
    with pytest.raises(error, match=message):
        nspark.clean_dataframe(df, column)


def test_non_filter_pipeline_and_non_dataframe_are_rejected(spark: SparkSession) -> None:
    df = spark.createDataFrame([("a",)], "text string")
    with pytest.raises(ConfigError, match="is not a filter"):
        nspark.clean_dataframe(df, pipeline="encoding")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match=r"takes a pyspark\.sql\.DataFrame, not list"):
        nspark.clean_dataframe([("a",)])  # type: ignore[arg-type]


def test_pipeline_is_unpickled_once_per_executor_process(
    spark: SparkSession, tmp_path: Path
) -> None:
    log = tmp_path / "loads.txt"
    pipeline = default_pipeline().insert(CountLoads(str(log)))
    df = spark.createDataFrame([(str(i), f"Row {i}.") for i in range(80)], "id string, text string")
    partitions = 8
    got = collect(nspark.clean_dataframe(df.repartition(partitions), pipeline=pipeline))
    assert sorted(row["newsclean"]["text"] for row in got.values()) == sorted(
        f"Row {i}." for i in range(80)
    )
    pids = [int(line) for line in log.read_text(encoding="utf-8").split()]
    assert pids[0] == os.getpid()  # the check before the job, on the driver
    on_executors = pids[1:]
    assert len(on_executors) == len(set(on_executors))  # once per Python worker process
    assert 1 <= len(on_executors) < partitions  # workers are reused across the 8 tasks


def test_pipeline_cache_is_keyed_by_the_pickled_bytes() -> None:
    payload = nspark.pickle_pipeline(default_pipeline())
    nspark._load_pipeline.cache_clear()
    first = nspark._load_pipeline(payload)
    assert nspark._load_pipeline(payload) is first
    assert nspark._load_pipeline.cache_info().misses == 1


def test_docstring_examples() -> None:
    module = importlib.import_module("newsclean.spark")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted >= 5


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.delitem(sys.modules, "newsclean.spark")
    with pytest.raises(ImportError, match=r"pip install 'newsclean\[spark\]'"):
        importlib.import_module("newsclean.spark")


def test_corpus_ids_are_unique() -> None:
    ids = [key for key, _ in corpus()]
    assert len(ids) == len(set(ids))
