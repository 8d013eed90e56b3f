"""``newsclean batch``: streaming JSONL and Parquet, order, bad records, interrupts, memory."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.batch import BatchOptions, BatchSummary, run_batch
from newsclean.batch.progress import Progress, render, wanted
from newsclean.batch.records import RecordOptions, clean_record
from newsclean.cli import main
from newsclean.pipeline import default_pipeline

VOCABULARY = (
    "the minister said on tuesday that exports rose sharply in march while imports fell "
    "according to figures released by the statistics office in the capital"
)
WORDS = VOCABULARY.split()


def _article(rng: random.Random, index: int, paragraphs: int = 3) -> str:
    body = [
        " ".join(rng.choice(WORDS) for _ in range(30)).capitalize() + "." for _ in range(paragraphs)
    ]
    if index % 3 == 0:
        body[0] = "Chinaâ€™s " + body[0]
    if index % 5 == 0:
        body.append("Caf&eacute; owners said\u200b no.")
    return "\n\n".join(body)


def _records(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [{"id": index, "text": _article(rng, index)} for index in range(count)]


def _write_jsonl(path: Path, records: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[Any]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _expected(record: dict[str, Any], explain: bool = False) -> Any:
    options = RecordOptions(explain=explain)
    return clean_record(record, 1, options, default_pipeline()).record


# --- JSONL -----------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_jsonl_records_are_cleaned_in_input_order(tmp_path: Path, workers: int) -> None:
    records = _records(700)
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl.gz"
    _write_jsonl(source, records)
    code = main(
        ["batch", str(source), "-o", str(target), "--workers", str(workers), "--chunk-size", "64"]
    )
    assert code == 0
    out = _read_jsonl(target)
    assert [record["id"] for record in out] == list(range(700))
    assert out == [_expected(record) for record in records]
    assert out[0]["text"].startswith("China’s ")
    assert out[5]["text"].endswith("Café owners said no.")
    assert set(out[0]["newsclean"]) >= {"title", "authors", "published", "encoding"}
    assert "edits" not in out[0]["newsclean"]


def test_explain_adds_the_edits(tmp_path: Path) -> None:
    records = _records(4)
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, records)
    assert main(["batch", str(source), "-o", str(target), "--workers", "1", "--explain"]) == 0
    out = _read_jsonl(target)
    assert out == [_expected(record, explain=True) for record in records]
    edit = out[0]["newsclean"]["edits"][0]
    assert edit["filter"] == "encoding"
    assert edit["before"].startswith("Chinaâ€™s")
    assert out[1]["newsclean"]["edits"] == []


def test_bad_lines_are_reported_with_their_numbers_and_written_through(tmp_path: Path) -> None:
    good = _records(3)
    lines = [
        json.dumps(good[0]),  # 1
        "{not json",  # 2
        "",  # 3: blank, not a record
        "[1, 2]",  # 4
        json.dumps({"id": 9, "body": "no text field"}),  # 5
        json.dumps(good[1]),  # 6
        json.dumps({"id": 10, "text": 42}),  # 7
        json.dumps({"id": 11, "text": None}),  # 8
        json.dumps(good[2]),  # 9
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe not utf-8\n")  # 10
    target, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["batch", str(source), "-o", str(target), "--errors", str(errors), "-q"])
    assert code == 1
    reported = _read_jsonl(errors)
    assert [(error["line"], error["error"]) for error in reported] == [
        (2, "not-json"),
        (4, "not-an-object"),
        (5, "missing-field"),
        (7, "not-a-string"),
        (8, "not-a-string"),
        (10, "not-json"),
    ]
    assert reported[2]["reason"] == "no field 'text'"
    assert reported[3]["reason"] == "field 'text' is a number"
    assert reported[4]["reason"] == "field 'text' is null"
    written = target.read_bytes().split(b"\n")
    assert written[-1] == b""
    assert written[:-1] == [
        json.dumps(_expected(good[0]), ensure_ascii=False).encode(),
        b"{not json",
        b"[1, 2]",
        lines[4].encode(),
        json.dumps(_expected(good[1]), ensure_ascii=False).encode(),
        lines[6].encode(),
        lines[7].encode(),
        json.dumps(_expected(good[2]), ensure_ascii=False).encode(),
        b"\xff\xfe not utf-8",
    ]


def test_summary_counts_records_errors_characters_and_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        '{"text": "Chinaâ€™s   exports"}\n{"text": "plain"}\nnope\n', encoding="utf-8"
    )
    assert main(["batch", str(source), "-o", str(target), "--workers", "1"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("newsclean batch: records: 3 in, 3 out (2 cleaned, 1 failed) in ")
    # "Chinaâ€™s   exports" (19) -> "China’s exports" (15); "plain" unchanged.
    assert err[1] == "newsclean batch: characters removed: 4"
    assert err[2] == "newsclean batch: edits per filter: encoding 1"
    assert main(["batch", str(source), "-o", str(target), "--workers", "1", "--quiet"]) == 1
    assert capsys.readouterr().err == ""


def test_html_field_is_read_as_html_into_the_text_field(tmp_path: Path) -> None:
    page = "<html><head><title>T</title></head><body><p>One.</p><script>x()</script></body></html>"
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, [{"url": "u", "html": page}])
    assert main(["batch", str(source), "-o", str(target), "--html-field", "html", "-q"]) == 0
    [record] = _read_jsonl(target)
    assert record["html"] == page
    assert record["text"] == "One."
    assert record["newsclean"]["title"] == "T"


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress(b'{"text": "Caf\\u00c3\\u00a9"}\n')
    stdout = io.BytesIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(stdout))
    assert main(["batch", "-", "-o", "-", "--workers", "1", "-q"]) == 0
    sys.stdout.flush()
    assert json.loads(stdout.getvalue())["text"] == "Café"


def test_zstandard_round_trip(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard", reason="the 'zstd' extra is not installed")
    records = _records(50)
    source, target = tmp_path / "in.jsonl.zst", tmp_path / "out.jsonl.zst"
    payload = "".join(json.dumps(record) + "\n" for record in records).encode()
    source.write_bytes(zstandard.ZstdCompressor().compress(payload))
    assert main(["batch", str(source), "-o", str(target), "--workers", "1", "-q"]) == 0
    with zstandard.open(target, "rt", encoding="utf-8") as handle:
        out = [json.loads(line) for line in handle]
    assert out == [_expected(record) for record in records]


def test_missing_zstandard_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)
    source = tmp_path / "in.jsonl.zst"
    source.write_bytes(b"")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "pip install 'newsclean[zstd]'" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["batch", "IN"], "the following arguments are required: -o/--output"),
        (["batch", "IN", "-o", "out.parquet"], "must be Parquet exactly when the input is"),
        (["batch", "IN", "-o", "out.jsonl", "--workers", "0"], "expected at least 1"),
        (["batch", "missing.jsonl", "-o", "out.jsonl"], "cannot read missing.jsonl"),
        (["batch", "IN", "-o", "out.jsonl", "--filters", "nope"], "unknown filter 'nope'"),
        (["batch", "IN", "-o", "./IN"], "the output ./IN is the input"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_jsonl(tmp_path / "IN", _records(2))
    before = (tmp_path / "IN").read_bytes()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert (tmp_path / "IN").read_bytes() == before
    assert err.splitlines()[-1].startswith(("newsclean: ", "newsclean batch: error: "))


def test_help_documents_every_option_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "--help"]) == 0
    text = capsys.readouterr().out
    for option in (
        "--output", "--field", "--html-field", "--explain", "--workers", "--chunk-size",
        "--errors", "--quiet", "--config", "--filters",
    ):  # fmt: skip
        assert option in text
    for code in ("0 ", "1 ", "2 ", "130"):
        assert f"\n  {code}" in text
    assert '"newsclean"' in text


_LINE = st.one_of(
    st.binary(max_size=40).map(lambda data: data.replace(b"\n", b"")),
    st.binary(max_size=10).map(lambda data: data.replace(b"\n", b"") + b"\r"),
    st.builds(
        lambda text: json.dumps({"text": text}).encode(),
        st.text(max_size=40),
    ),
    st.builds(lambda value: json.dumps({"text": value}).encode(), st.integers() | st.none()),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_LINE, max_size=30))
def test_no_record_is_ever_lost(tmp_path: Path, lines: list[bytes]) -> None:
    target = tmp_path / "out.jsonl"
    summary = run_batch(
        [line + b"\n" for line in lines], target, BatchOptions(workers=1, chunk_size=7)
    )
    # The line ending (\n or \r\n) is not part of the record; a blank line is not a record.
    records = [line.removesuffix(b"\r") for line in lines if line.strip()]
    written = target.read_bytes().split(b"\n")[:-1]
    assert len(written) == len(records) == summary.records_out == summary.records_in
    assert summary.cleaned + summary.failed == len(records)
    for line, out in zip(records, written, strict=True):
        try:
            value = json.loads(line)
        except ValueError:
            assert out == line
            continue
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            assert json.loads(out) == _expected(value)
        else:
            assert out == line


# --- Parquet ---------------------------------------------------------------------------


def test_parquet_order_kept_and_bad_rows_reported(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="the 'parquet' extra is not installed")
    pq = pytest.importorskip("pyarrow.parquet")
    records = _records(600)
    records[3]["text"] = None
    table = pa.Table.from_pylist(
        records, schema=pa.schema([("id", pa.int64()), ("text", pa.string())])
    )
    source, target, errors = tmp_path / "in.parquet", tmp_path / "out.parquet", tmp_path / "e.jsonl"
    pq.write_table(table, source, row_group_size=250)
    argv = ["batch", str(source), "-o", str(target), "--errors", str(errors), "--chunk-size", "100"]
    assert main([*argv, "--workers", "2", "-q"]) == 1
    out = pq.read_table(target)
    assert out.column_names == ["id", "text", "newsclean"]
    rows = out.to_pylist()
    assert [row["id"] for row in rows] == list(range(600))
    assert rows[3] == {"id": 3, "text": None, "newsclean": None}
    for index in (0, 1, 5, 599):
        expected = _expected(records[index])
        assert rows[index]["text"] == expected["text"]
        assert rows[index]["newsclean"]["authors"] == expected["newsclean"]["authors"]
    assert _read_jsonl(errors) == [
        {"line": 4, "error": "not-a-string", "reason": "field 'text' is null"}
    ]


def test_parquet_html_field_adds_the_text_column(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="the 'parquet' extra is not installed")
    pq = pytest.importorskip("pyarrow.parquet")
    page = "<html><body><p>Caf&eacute; one.</p></body></html>"
    pq.write_table(pa.Table.from_pylist([{"html": page}]), tmp_path / "in.parquet")
    argv = ["batch", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "out.parquet")]
    assert main([*argv, "--html-field", "html", "--explain", "-q", "--workers", "1"]) == 0
    [row] = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert row["html"] == page
    assert row["text"] == "Café one."
    assert row["newsclean"]["edits"] == []


# --- interrupts ------------------------------------------------------------------------


def _interrupted_lines(records: list[dict[str, Any]], after: int) -> Iterator[bytes]:
    for index, record in enumerate(records):
        if index == after:
            raise KeyboardInterrupt
        yield (json.dumps(record) + "\n").encode()


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_run_leaves_a_valid_prefix(tmp_path: Path, workers: int) -> None:
    records = _records(900)
    target = tmp_path / "out.jsonl.gz"
    options = BatchOptions(workers=workers, chunk_size=50)
    summary = run_batch(_interrupted_lines(records, after=620), target, options)
    assert summary.interrupted
    out = _read_jsonl(target)  # a complete gzip stream of whole JSON lines
    assert summary.records_out == len(out)
    assert 0 < len(out) <= 620
    assert len(out) % 50 == 0
    assert out == [_expected(record) for record in records[: len(out)]]


def test_sigint_to_the_command_leaves_a_valid_output(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, _records(40_000))
    command = [sys.executable, "-m", "newsclean", "batch", str(source), "-o", str(target)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--chunk-size", "50"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while (not target.exists() or target.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted: the output holds the first" in err
    lines = target.read_bytes().split(b"\n")
    assert lines[-1] == b""
    ids = [json.loads(line)["id"] for line in lines[:-1]]
    assert 0 < len(ids) < 40_000
    assert ids == list(range(len(ids)))


# --- memory ----------------------------------------------------------------------------


def test_100k_records_stream_in_flat_memory(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rng = random.Random(3)
    # Short texts, one in ten with mojibake, in records made big by a field that is not
    # cleaned, and one filter: the test is about the streaming, and must stay well under a
    # minute on a shared 2-core machine.
    texts = [_article(rng, 1 if index % 10 else 3, paragraphs=1) for index in range(300)]
    extras = [" ".join(rng.choice(WORDS) for _ in range(80)) for _ in range(300)]
    with source.open("w", encoding="utf-8") as handle:
        for index in range(100_000):
            record = {"id": index, "text": texts[index % 300], "extra": extras[index % 293]}
            handle.write(json.dumps(record) + "\n")
    size = source.stat().st_size
    # The run's children report their peak RSS to this wrapper, not to pytest's process.
    wrapper = textwrap.dedent(
        f"""
        import resource, subprocess, sys
        done = subprocess.run([sys.executable, "-m", "newsclean", "batch", {str(source)!r},
                               "-o", {str(target)!r}, "--workers", "2", "-q",
                               "--filters", "encoding"])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(done.returncode, peak)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, timeout=300, check=True
    )
    code, peak_kib = map(int, done.stdout.split())
    assert code == 0, done.stderr
    assert size > 50_000_000  # the input alone is a quarter of the budget
    assert peak_kib * 1024 < 200 * 1024 * 1024, f"peak RSS {peak_kib / 1024:.0f} MiB"
    with target.open("rb") as handle:
        count = sum(1 for _ in handle)
    assert count == 100_000


# --- progress --------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_and_erased() -> None:
    times = iter([0.0, 0.1, 0.15, 1.0, 2.0])
    stream = _Terminal()
    progress = Progress(stream, interval=0.2, clock=lambda: next(times))
    progress.update(10, 1_000_000, None)  # t=0.1: first drawing
    progress.update(20, 2_000_000, None)  # t=0.15: too soon, skipped
    progress.update(300, 5_000_000, 0.5)  # t=1.0
    progress.finish()
    drawn = stream.getvalue().split("\r")
    assert drawn[1].startswith("10 records  100 rec/s  1.0 MB in")
    assert drawn[2].startswith("[##########----------]  50% 300 records  300 rec/s  5.0 MB in")
    assert drawn[-1] == ""
    assert drawn[-2].strip() == ""


def test_progress_only_on_a_terminal_and_not_quiet() -> None:
    assert wanted(_Terminal(), quiet=False) is True
    assert wanted(_Terminal(), quiet=True) is False
    assert wanted(io.StringIO(), quiet=False) is False
    assert render(0, 0.0, 0, None) == "0 records  0 rec/s  0.0 MB in"


def test_progress_reaches_stderr_through_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    source = tmp_path / "in.jsonl"
    _write_jsonl(source, _records(20))
    assert main(["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--workers", "1"]) == 0
    text = stderr.getvalue()
    assert "\r[####################] 100% 20 records" in text
    assert "newsclean batch: records: 20 in, 20 out" in text


def test_summary_reports_an_interrupted_run() -> None:
    summary = BatchSummary(records_in=10, records_out=8, cleaned=8, interrupted=True)
    assert summary.lines()[-1] == "interrupted: the output holds the first 8 records, complete"


def test_errors_file_unwritable_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    _write_jsonl(source, _records(1))
    argv = ["batch", str(source), "-o", str(tmp_path / "o.jsonl")]
    assert main([*argv, "--errors", str(tmp_path / "no" / "e.jsonl")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert os.path.exists(tmp_path / "o.jsonl") is False
