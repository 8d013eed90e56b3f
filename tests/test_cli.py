"""The ``newsclean clean`` command, run in-process."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsclean.cli import EXIT_OK, EXIT_USAGE, main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_002 = FIXTURES / "seeds" / "002_1938083205f15d97.txt"


class _Stdin:
    """A stand-in for ``sys.stdin`` whose ``.buffer`` holds ``data``."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_json_output_of_seed_002_has_the_repaired_apostrophe(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["clean", "--format", "json", str(SEED_002)]) == EXIT_OK
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert "China’s" in record["text"]
    assert "â€" not in record["text"]
    assert [edit["before"] for edit in record["edits"] if "â€" in edit["before"]] != []
    assert record["title"] == "The US-Taiwan Partnership: A New Era in Technology and AI"
    assert record["encoding"] == "utf-8"
    assert err == ""


def test_text_output_starts_with_the_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED_002)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("The US-Taiwan Partnership: A New Era in Technology and AI\n\n")
    assert "With China’s increasing assertiveness" in out
    assert out.endswith("\n")


def test_markdown_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--format", "markdown", str(SEED_002)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("# The US-Taiwan Partnership: A New Era in Technology and AI\n\n")


def test_missing_file_is_a_one_line_error_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["clean", str(missing)]) == EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"newsclean: cannot read {missing}: No such file or directory\n"


def test_directory_is_a_one_line_error_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(tmp_path)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"newsclean: cannot read {tmp_path}: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize("argv", [["clean", "-"], ["clean"]])
def test_stdin(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "Chinaâ€™s exports rose.\n\nCaf&eacute; owners said no.\n".encode("cp1252")
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    assert main(argv) == EXIT_OK
    assert capsys.readouterr().out == "China’s exports rose.\n\nCafé owners said no.\n"


def test_several_paths_are_printed_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("First article body.\n", encoding="utf-8")
    second.write_bytes("Second article, café.\n".encode("utf-16"))
    assert main(["clean", str(first), str(second)]) == EXIT_OK
    assert capsys.readouterr().out == "First article body.\n\nSecond article, café.\n"


def test_explain_prints_edits_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--explain", str(SEED_002)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "China’s" in out
    assert "[encoding] replace: repaired mojibake (UTF-8 read as windows-1252)" in err
    assert "  - 'The discussions were likely aimed" in err
    assert "With Chinaâ€™s increasing" in err
    assert "  + 'The discussions were likely aimed" in err
    assert all(line.startswith((str(SEED_002), "  - ", "  + ")) for line in err.splitlines())


def test_no_explain_prints_nothing_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED_002)]) == EXIT_OK
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv", [["clean", "--help"], ["--help"]])
def test_help_exits_0(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_OK
    out = capsys.readouterr().out
    assert "exit codes:" in out
    for code in ("0  success", "1  ", "2  usage error"):
        assert code in out


def test_clean_help_mentions_every_option_and_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["clean", "--help"]) == EXIT_OK
    out = capsys.readouterr().out
    for option in ("PATH", "'-' for stdin", "--format", "text", "markdown", "json", "--explain"):
        assert option in out
    for code in ("0  success", "2  usage error, or an input file is missing"):
        assert code in out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--no-such-option"]) == EXIT_USAGE
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--format", "xml", str(SEED_002)]) == EXIT_USAGE
    assert "invalid choice: 'xml'" in capsys.readouterr().err
