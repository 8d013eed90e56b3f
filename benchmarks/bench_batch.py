"""Throughput of ``newsclean batch`` with 1 and 2 workers, against in-process anchors.

The corpus is the shared whole-page texts (``$NEWSCLEAN_SHARED/benchmarks/article-text``),
repeated until the JSONL input reaches ``--mb`` megabytes (default 50). Each configuration
runs the real command in a subprocess (``python -m newsclean batch``); the anchors, measured
in the same run on the same records, are a JSON round trip with no cleaning (the I/O floor)
and a plain loop of ``clean_record`` in this process (the cleaning cost without the batch
machinery). The speed-up column is relative to ``--workers 1``; the target on a 2-core
machine is 1.7x for 2 workers. The machine's load average is printed, since other work on
the same cores lowers every number.

Run: ``python benchmarks/bench_batch.py [--mb 50] [--workers 1,2] [--repeat 1]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _metric import shared_dir

from newsclean.batch.records import RecordOptions, clean_record
from newsclean.pipeline import default_pipeline


@dataclass(frozen=True)
class Row:
    """One measured configuration."""

    name: str
    seconds: float
    cpu_seconds: float
    records: int
    megabytes: float


def build_corpus(folder: Path, target: Path, megabytes: float) -> int:
    """Write the texts of ``folder`` as JSONL, repeated to ``megabytes``; return the count."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {folder}")
    written = 0
    count = 0
    with target.open("w", encoding="utf-8") as handle:
        while written < megabytes * 1e6:
            for text in texts:
                line = json.dumps({"id": count, "text": text}, ensure_ascii=False) + "\n"
                handle.write(line)
                written += len(line.encode("utf-8"))
                count += 1
    return count


def run_command(source: Path, workers: int) -> tuple[float, float]:
    """Run ``newsclean batch`` with ``workers``; return wall and CPU seconds (all processes)."""
    output = source.with_suffix(f".out{workers}.jsonl")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "newsclean", "batch", str(source), "-o", str(output)]
    subprocess.run([*command, "--workers", str(workers), "--quiet"], check=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    output.unlink()
    return seconds, cpu


def run_in_process(source: Path, work: Callable[[bytes], object]) -> tuple[float, float]:
    """Apply ``work`` to every line of ``source`` in this process; return wall and CPU seconds."""
    start, cpu_start = time.perf_counter(), time.process_time()
    with source.open("rb") as handle:
        for line in handle:
            work(line)
    return time.perf_counter() - start, time.process_time() - cpu_start


def main() -> None:
    """Build the corpus, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting; best is kept")
    args = parser.parse_args()
    corpus = shared_dir() / "benchmarks" / "article-text"
    if not corpus.is_dir():
        raise SystemExit(f"shared corpus not found at {corpus} (set NEWSCLEAN_SHARED)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        records = build_corpus(corpus, source, args.mb)
        megabytes = source.stat().st_size / 1e6
        print(f"corpus: {records:,} records, {megabytes:.1f} MB, from {corpus}")
        print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}")
        rows = measure(source, records, megabytes, args)
    print_table(rows)
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} (on {os.cpu_count()} cores)")


def measure(source: Path, records: int, megabytes: float, args: argparse.Namespace) -> list[Row]:
    """Run the anchors and every worker count, keeping the best of ``--repeat`` runs each."""
    pipeline = default_pipeline()
    options = RecordOptions()

    def roundtrip(line: bytes) -> object:
        return json.dumps(json.loads(line), ensure_ascii=False).encode()

    def cleaning(line: bytes) -> object:
        return json.dumps(clean_record(json.loads(line), 0, options, pipeline).record).encode()

    rows = []
    anchors: list[tuple[str, Callable[[], tuple[float, float]]]] = [
        ("anchor: JSON round trip, no cleaning", lambda: run_in_process(source, roundtrip)),
        ("anchor: clean_record loop, in-process", lambda: run_in_process(source, cleaning)),
    ]
    for workers in (int(item) for item in args.workers.split(",")):
        anchors.append(
            (f"newsclean batch --workers {workers}", lambda w=workers: run_command(source, w))
        )
    for name, run in anchors:
        best = min((run() for _ in range(args.repeat)), key=lambda pair: pair[0])
        rows.append(Row(name, best[0], best[1], records, megabytes))
        print(f"  measured {name}: {best[0]:.1f} s", file=sys.stderr)
    return rows


def print_table(rows: list[Row]) -> None:
    """Print records/s, MB/s, CPU time and the speed-up over one worker."""
    base = next((row for row in rows if row.name.endswith("--workers 1")), None)
    print()
    print(f"| {'configuration':<40} | {'seconds':>7} | {'CPU s':>6} | {'records/s':>9} |", end="")
    print(f" {'MB/s':>6} | {'speed-up':>8} |")
    print(f"|{'-' * 42}|{'-' * 9}|{'-' * 8}|{'-' * 11}|{'-' * 8}|{'-' * 10}|")
    for row in rows:
        speedup = f"{base.seconds / row.seconds:.2f}x" if base and "batch" in row.name else ""
        print(
            f"| {row.name:<40} | {row.seconds:7.1f} | {row.cpu_seconds:6.1f} | "
            f"{row.records / row.seconds:9,.0f} | {row.megabytes / row.seconds:6.2f} | "
            f"{speedup:>8} |"
        )


if __name__ == "__main__":
    main()
