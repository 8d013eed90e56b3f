"""Throughput of ``newsclean.spark.clean_dataframe`` on ``local[2]`` against ``newsclean batch``.

The records are the whole-page texts of ../shared/benchmarks/article-text/ (181 pages),
repeated ``--repeat`` times. Measured in the same run, on the same records:

- ``clean()`` in one process: the single-core anchor (best of ``--runs``);
- ``newsclean batch IN.jsonl -o OUT.jsonl --workers 2 --quiet`` in a subprocess, start-up
  included ("not available" if the command fails, as before it exists);
- ``clean_dataframe`` on a ``local[2]`` session: the first job (Python workers start and
  unpickle the pipeline) and the best of the next ``--runs`` jobs (warm workers). Session
  start-up is reported apart and counted in neither.

    python benchmarks/bench_spark.py [--repeat 3] [--runs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _metric import shared_dir

import newsclean


@dataclass(frozen=True)
class Timing:
    """One measured way of cleaning the records."""

    name: str
    rows: int
    seconds: float | None
    note: str = ""

    def line(self) -> str:
        if self.seconds is None:
            return f"| {self.name} | not available | | {self.note} |"
        rate = self.rows / self.seconds
        return f"| {self.name} | {rate:,.1f} | {self.seconds:.2f} | {self.note} |"


def load_records(repeat: int) -> list[dict[str, str]]:
    folder = shared_dir() / "benchmarks" / "article-text"
    if not folder.is_dir():
        raise SystemExit(f"shared corpus not found at {folder} (set NEWSCLEAN_SHARED)")
    pages = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    return [{"id": f"{key}-{copy}", "text": text} for copy in range(repeat) for key, text in pages]


def time_in_process(records: list[dict[str, str]], runs: int) -> Timing:
    def one_run() -> float:
        start = time.perf_counter()
        for record in records:
            newsclean.clean(record["text"])
        return time.perf_counter() - start

    best = min(one_run() for _ in range(runs))
    return Timing("clean() in one process", len(records), best, f"best of {runs}")


def time_batch(records: list[dict[str, str]], workdir: Path) -> Timing:
    source, target = workdir / "in.jsonl", workdir / "out.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    command = [sys.executable, "-m", "newsclean", "batch", str(source), "-o", str(target)]
    command += ["--workers", "2", "--quiet"]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or not target.is_file():
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1][:80]
        return Timing("newsclean batch --workers 2", len(records), None, reason)
    with target.open(encoding="utf-8") as handle:
        written = sum(1 for _ in handle)
    note = "start-up included" + ("" if written == len(records) else f"; wrote {written} lines")
    return Timing("newsclean batch --workers 2", len(records), elapsed, note)


def time_spark(records: list[dict[str, str]], runs: int) -> list[Timing]:
    try:
        from pyspark.sql import SparkSession

        from newsclean.spark import clean_dataframe
    except ImportError as error:
        return [Timing("clean_dataframe local[2]", len(records), None, str(error)[:80])]
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    start = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - start
    rows = [(r["id"], r["text"]) for r in records]
    df = spark.createDataFrame(rows, "id string, text string").repartition(4).cache()
    df.count()  # materialize the input, so the timings are of the cleaning alone

    def one_job() -> float:
        begin = time.perf_counter()
        clean_dataframe(df).write.format("noop").mode("overwrite").save()
        return time.perf_counter() - begin

    cold = one_job()
    warm = min(one_job() for _ in range(runs))
    spark.stop()
    name = "clean_dataframe local[2]"
    return [
        Timing(f"{name}, first job", len(records), cold, f"session start {started:.1f} s apart"),
        Timing(f"{name}, warm", len(records), warm, f"best of {runs}"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus (default 3)")
    parser.add_argument("--runs", type=int, default=2, help="timed runs, best kept")
    args = parser.parse_args()
    records = load_records(args.repeat)
    megabytes = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    print(f"{len(records)} records, {megabytes:.1f} MB, {os.cpu_count()} cores\n")
    with tempfile.TemporaryDirectory() as workdir:
        timings = [time_in_process(records, args.runs), time_batch(records, Path(workdir))]
    timings += time_spark(records, args.runs)
    print("| method | rows/s | seconds | note |")
    print("| --- | ---: | ---: | --- |")
    for timing in timings:
        print(timing.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
