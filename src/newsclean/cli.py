"""The ``newsclean`` command.

Exit codes: 0 success; 1 reserved for "something changed / some records failed" in the
commands that report it; 2 a usage error or an input that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from newsclean.document import Document, Edit
from newsclean.errors import NewscleanError
from newsclean.pipeline import clean

__all__ = ["EXIT_CHANGED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_USAGE = 2

_EPILOG = """exit codes:
  0  success
  1  (fix, check, batch) files changed or would change, or some records failed
  2  usage error, or an input file is missing, unreadable or a directory
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsclean`` command."""
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn messy news text and pages into clean articles.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    cleaner = commands.add_parser(
        "clean",
        help="print the cleaned article of each input",
        description=(
            "Read each PATH (bytes of any encoding: HTML, plain text or markdown), clean it "
            "with the default pipeline and print the article on stdout. With no PATH, or "
            "with '-', read standard input."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cleaner.add_argument("paths", nargs="*", metavar="PATH", help="input files ('-' for stdin)")
    cleaner.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help=(
            "text: the title, a blank line and the body; markdown: the article as Markdown; "
            "json: one JSON object per input with metadata, text and edits (default: text)"
        ),
    )
    cleaner.add_argument(
        "--explain",
        action="store_true",
        help="print every edit (filter, action, reason, text before and after) on stderr",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code) if isinstance(stop.code, int) else EXIT_USAGE
    if args.command == "clean":
        return _run_clean(args.paths or ["-"], args.format, args.explain)
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE  # pragma: no cover - parser.error exits


def _run_clean(paths: Sequence[str], output_format: str, explain: bool) -> int:
    for index, path in enumerate(paths):
        try:
            doc = _clean_one(path)
        except NewscleanError as error:
            print(f"newsclean: {error}", file=sys.stderr)
            return EXIT_USAGE
        if index:
            sys.stdout.write("\n")
        sys.stdout.write(render(doc, output_format))
        if explain:
            _explain(doc.edits, path, sys.stderr)
    sys.stdout.flush()
    return EXIT_OK


def _clean_one(path: str) -> Document:
    if path == "-":
        return clean(sys.stdin.buffer.read())
    return clean(Path(path))


def render(doc: Document, output_format: str) -> str:
    """Render ``doc`` as ``text``, ``markdown`` or ``json``, ending with a newline."""
    if output_format == "json":
        return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return doc.to_markdown()
    parts = [part for part in (doc.meta.title, doc.text) if part]
    return "\n\n".join(parts) + "\n" if parts else ""


def _explain(edits: Sequence[Edit], path: str, stream: TextIO) -> None:
    for edit in edits:
        stream.write(f"{path}: [{edit.filter}] {edit.action}: {edit.reason}\n")
        stream.write(f"  - {edit.before!r}\n")
        if edit.after:
            stream.write(f"  + {edit.after!r}\n")


def _version() -> str:
    from newsclean import __version__

    return __version__
