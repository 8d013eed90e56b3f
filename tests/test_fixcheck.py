"""``newsclean fix`` and ``newsclean check``: line-preserving repairs of text files."""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import load_cases
from newsclean.cli import main
from newsclean.document import Document, Edit
from newsclean.errors import WriteError
from newsclean.files import FileReport, fix_file, fix_lines, is_binary, split_lines, write_atomic
from newsclean.filters import FixEncoding
from newsclean.filters.encoding import fix_encoding_and_explain

SAFE = [FixEncoding()]
MOJIBAKE = "Chinaâ€™s exports rose.\r\n  indented line\r\nlast line without newline"
FIXED = "China’s exports rose.\r\n  indented line\r\nlast line without newline"
CP1252 = "Caf\xe9 \x93quoted\x94\n".encode("latin-1")
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00" + "Ã©".encode()


@pytest.mark.parametrize("case", load_cases("fix_lines"), ids=lambda case: case["label"])
def test_fix_lines_cases(case: dict[str, Any]) -> None:
    result = fix_lines(case["input"], SAFE)
    assert result.text == case["expected"]
    assert result.changed_lines == case["changed_lines"]
    assert (result.reasons != ()) == (case["changed_lines"] > 0)


def test_split_lines_round_trips() -> None:
    assert split_lines("") == []
    assert split_lines("\n") == [("", "\n")]
    assert split_lines("a\r\n\nb") == [("a", "\r\n"), ("", "\n"), ("b", "")]


_LINE_TEXT = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
    | st.sampled_from(["â€™", "Ã©", "\u200b", "\r", "e\u0301", "\x93"]),
    max_size=8,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_LINE_TEXT.filter(lambda s: "\n" not in s), st.sampled_from(["\n", "\r\n"])))
)
def test_fix_lines_keeps_every_line_and_its_ending(lines: list[tuple[str, str]]) -> None:
    text = "".join(content + ending for content, ending in lines)
    result = fix_lines(text, SAFE)
    assert result.text.count("\n") == text.count("\n")
    assert result.text.endswith("\n") == text.endswith("\n")
    assert result.text.count("\r\n") >= text.count("\r\n")  # a CRLF ending is never split
    config = FixEncoding().config._replace(fix_line_breaks=False, unescape_html=False)
    changed = [
        content for content, _ in split_lines(text) if fix_encoding_and_explain(content, config)[1]
    ]
    assert result.changed_lines == len(changed)


@settings(max_examples=150, deadline=None)
@given(_LINE_TEXT)
@example("\ufeff")
@example("\ufeffCaf\u00c3\u00a9\n\ufeffx")
def test_fix_lines_is_the_encoding_repair_of_each_line(text: str) -> None:
    # fix_lines adds nothing to the encoding repair but the split, the reassembly and a
    # leading byte order mark, which it keeps.
    config = FixEncoding().config._replace(fix_line_breaks=False, unescape_html=False)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    expected = bom + "".join(
        fix_encoding_and_explain(content, config)[0] + ending
        for content, ending in split_lines(text[len(bom) :])
    )
    assert fix_lines(text, SAFE).text == expected


@settings(max_examples=200, deadline=None)
@given(_LINE_TEXT)
def test_fix_lines_is_idempotent(text: str) -> None:
    # What lets a pre-commit hook pass on its second run.
    once = fix_lines(text, SAFE)
    twice = fix_lines(once.text, SAFE)
    assert (twice.text, twice.changed_lines) == (once.text, 0)


@dataclasses.dataclass(frozen=True)
class DropMenus:
    """A toy filter: drops blocks that say MENU, upper-cases blocks that say 'shout'."""

    name = "menus"

    def __call__(self, doc: Document) -> Document:
        blocks = []
        edits = []
        for block in doc.blocks:
            if "MENU" in block.text:
                edits.append(Edit(self.name, "remove", block.text, "", "a menu"))
                continue
            if "shout" in block.text:
                edits.append(Edit(self.name, "replace", block.text, block.text.upper(), "loud"))
                block = dataclasses.replace(block, text=block.text.upper())
            blocks.append(block)
        return doc.with_blocks(blocks, edits) if edits else doc


def test_other_filters_see_one_block_per_line_and_keep_the_layout() -> None:
    text = "Title\r\nHome | MENU | News\r\n\r\n   shout here  \r\nbody\r\n"
    result = fix_lines(text, [DropMenus()])
    assert result.text == "Title\r\n\r\n   SHOUT HERE  \r\nbody\r\n"
    assert result.changed_lines == 2
    assert result.reasons == ("menus: a menu", "menus: loud")


def test_fix_rewrites_atomically_keeping_mode_and_endings(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes(MOJIBAKE.encode("utf-8"))
    path.chmod(0o640)
    inode = path.stat().st_ino
    report = fix_file(path, SAFE)
    assert report == FileReport(
        str(path), "fixed", 1, ("repaired mojibake (UTF-8 read as windows-1252)",)
    )
    assert path.read_bytes() == FIXED.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # replaced by a rename, not rewritten in place
    assert sorted(os.listdir(tmp_path)) == ["news.txt"]  # no temporary file left


def test_unchanged_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_bytes("# Café\n\n“Fine” — ok.\n".encode())
    before = path.stat()
    assert fix_file(path, SAFE).status == "unchanged"
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_check_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes(MOJIBAKE.encode("utf-8"))
    report = fix_file(path, SAFE, write=False)
    assert report.changed
    assert report.message(dry_run=True) == (
        f"{path}: would fix 1 line: repaired mojibake (UTF-8 read as windows-1252)"
    )
    assert path.read_bytes() == MOJIBAKE.encode("utf-8")


def test_binary_and_non_utf8_files_are_left_byte_for_byte(tmp_path: Path) -> None:
    binary, legacy = tmp_path / "photo.png", tmp_path / "legacy.txt"
    binary.write_bytes(BINARY)
    legacy.write_bytes(CP1252)
    assert fix_file(binary, SAFE).status == "binary"
    report = fix_file(legacy, SAFE)
    assert (report.status, report.encoding, report.changed) == ("not-utf8", "cp1252", False)
    assert report.message(dry_run=False) == (
        f"{legacy}: not valid UTF-8 (looks like cp1252), left untouched; --to-utf8 converts it"
    )
    assert binary.read_bytes() == BINARY
    assert legacy.read_bytes() == CP1252


def test_to_utf8_converts_and_repairs(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(CP1252)
    report = fix_file(legacy, SAFE, to_utf8=True)
    assert legacy.read_bytes() == "Café “quoted”\n".encode()
    assert report.message(dry_run=False) == f"{legacy}: converted from cp1252 to UTF-8"


def test_fix_through_a_symlink_writes_the_target(tmp_path: Path) -> None:
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_bytes("Ã©tÃ©\n".encode())
    link.symlink_to(target)
    assert fix_file(link, SAFE).changed
    assert link.is_symlink()
    assert target.read_bytes() == "été\n".encode()


def test_failed_rewrite_raises_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteError, match=r"cannot write .*news\.txt: Permission denied"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["news.txt"]


def test_is_binary_looks_for_nul_bytes() -> None:
    assert is_binary(b"\x00")
    assert is_binary("text".encode("utf-16"))
    assert not is_binary(CP1252)
    assert not is_binary(b"x" * 9000 + b"\x00")  # beyond the sniffed 8 KiB


# --- the commands ----------------------------------------------------------------------


def test_fix_command_exit_codes_and_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news, legacy, binary = tmp_path / "news.txt", tmp_path / "legacy.txt", tmp_path / "p.png"
    news.write_bytes(MOJIBAKE.encode())
    legacy.write_bytes(CP1252)
    binary.write_bytes(BINARY)
    files = [str(news), str(legacy), str(binary)]
    assert main(["check", *files]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{news}: would fix 1 line: repaired mojibake (UTF-8 read as windows-1252)",
        f"{legacy}: not valid UTF-8 (looks like cp1252), left untouched; --to-utf8 converts it",
    ]
    assert news.read_bytes() == MOJIBAKE.encode()
    assert main(["fix", *files]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{news}: fixed 1 line: repaired mojibake (UTF-8 read as windows-1252)"
    )
    assert news.read_bytes() == FIXED.encode()
    assert main(["fix", *files]) == 0
    assert main(["check", *files]) == 0
    assert (legacy.read_bytes(), binary.read_bytes()) == (CP1252, BINARY)
    assert main(["check", "--to-utf8", str(legacy)]) == 1
    assert legacy.read_bytes() == CP1252


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["fix", "missing.txt"], "newsclean: cannot read missing.txt: No such file or directory"),
        (["fix", "."], "newsclean: . is a directory; give files"),
        (["check", "--filters", "encoding,nope", "a.txt"], "newsclean: unknown filter 'nope'"),
    ],
)
def test_fix_command_usage_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("fine\n", encoding="utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_fix_help_documents_options_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("fix", "check"):
        assert main([command, "--help"]) == 0
        text = capsys.readouterr().out
        for option in ("--filters", "--to-utf8", "--config", "exit codes:", "pre-commit"):
            assert option in text
