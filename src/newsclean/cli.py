"""The ``newsclean`` command: ``clean``, ``batch``, ``fix`` and ``check``.

Every command reads ``[tool.newsclean]`` from the nearest ``pyproject.toml`` (or
``--config FILE``); options given on the command line win. Errors go to stderr as one line.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, TextIO

from newsclean.config import Config, load_config
from newsclean.document import Document, Edit
from newsclean.errors import NewscleanError, WriteError
from newsclean.pipeline import Filter, clean

__all__ = [
    "EXIT_CHANGED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "main",
    "render",
]

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_EPILOG = """exit codes:
  0  success
  1  (fix, check, batch) files changed or would change, or some records failed
  2  usage error, or an input file is missing, unreadable or a directory; a bad
     configuration; an output that cannot be written
  130  (batch) interrupted by Ctrl-C; the output is valid and holds the records so far

configuration: [tool.newsclean] in the nearest pyproject.toml (see docs/configuration.md)
"""

_BATCH_DESCRIPTION = """\
Clean the field --field (default "text") of every record of INPUT and write the records,
in input order, to OUTPUT. INPUT is JSON Lines ('-' for stdin; .gz or .zst compressed by
extension, stdin by its magic bytes) or Parquet (.parquet or .pq, needs the 'parquet'
extra); OUTPUT is of the same family ('-' for stdout, JSONL only).

Each output record is the input record with:
  <field>      replaced by the cleaned article text (paragraphs separated by a blank line);
  "newsclean"  an object: title, description, authors, dateline, published, updated,
               source_url, language, site_name, tags, encoding (dates as ISO 8601; absent
               values null or []), plus "edits" (filter, action, before, after, reason)
               with --explain. An existing "newsclean" key is replaced.
With --html-field NAME the document is read from NAME as HTML (kept as is) and the cleaned
text is written to <field>.

A record that cannot be cleaned (a line that is not JSON, not an object, without the field,
or whose field is not a string) is written through unchanged (a JSONL line byte for byte; a
Parquet row with "newsclean" null), counted, and reported to --errors FILE as a JSON line
{"line": N, "error": KIND, "reason": TEXT} (N: line number, or row number for Parquet).
Blank lines are not records and are dropped.

A progress line (records, rec/s, MB in) is drawn on stderr when it is a terminal; a summary
(records in and out, errors, characters removed, edits per filter) follows unless --quiet.
Ctrl-C stops after the chunks being cleaned and leaves a valid output (exit 130)."""

_FIX_DESCRIPTION = """\
{verb} each text FILE line by line with the safe repairs: mojibake, invisible and control
characters, Unicode NFC (the "encoding" filter), or the filters named by --filters. Lines are
never joined or re-flowed; line endings, the final newline and a byte order mark are kept.
{action}
Binary files (a NUL byte in the first 8 KiB) are skipped; a file that is not valid UTF-8 is
reported and left untouched unless --to-utf8 is given. Prints "path: what changed" per file;
exits 1 when any file {would}changed, like pre-commit's own hooks."""


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
    _add_clean(commands)
    _add_batch(commands)
    _add_fix(commands, "fix")
    _add_fix(commands, "check")
    return parser


def _subparser(commands: Any, name: str, help_text: str, description: str) -> Any:
    return commands.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _add_common(command: argparse.ArgumentParser, filters_help: str) -> None:
    command.add_argument(
        "--config",
        metavar="FILE",
        help="read the configuration from FILE instead of the nearest pyproject.toml",
    )
    command.add_argument("--filters", metavar="NAME,...", type=_names, help=filters_help)


def _add_clean(commands: Any) -> None:
    cleaner = _subparser(
        commands,
        "clean",
        "print the cleaned article of each input",
        "Read each PATH (bytes of any encoding: HTML, plain text or markdown), clean it "
        "with the configured pipeline and print the article on stdout. With no PATH, or "
        "with '-', read standard input.",
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
    _add_common(cleaner, "comma-separated filters to run, in order (default: all)")


def _add_batch(commands: Any) -> None:
    batch = _subparser(
        commands, "batch", "clean the records of a JSONL or Parquet file", _BATCH_DESCRIPTION
    )
    batch.add_argument("input", metavar="INPUT", help="JSONL (.gz, .zst) or Parquet; '-': stdin")
    batch.add_argument(
        "-o", "--output", required=True, metavar="OUTPUT", help="where to write; '-': stdout"
    )
    batch.add_argument("--field", metavar="NAME", help="the text field to clean (default: text)")
    batch.add_argument(
        "--html-field", metavar="NAME", help="read the document from this HTML field instead"
    )
    batch.add_argument(
        "--explain",
        action=argparse.BooleanOptionalAction,
        help="add the edits to each record's newsclean object (default: no)",
    )
    batch.add_argument(
        "--workers", type=_positive, metavar="N", help="worker processes (default: CPU count)"
    )
    batch.add_argument(
        "--chunk-size", type=_positive, metavar="N", help="records per chunk (default: 256)"
    )
    batch.add_argument(
        "--errors", metavar="FILE", help="write each bad record's line and reason here (JSONL)"
    )
    batch.add_argument(
        "-q",
        "--quiet",
        action=argparse.BooleanOptionalAction,
        help="no progress line and no summary",
    )
    _add_common(batch, "comma-separated filters to run, in order (default: all)")


def _add_fix(commands: Any, name: str) -> None:
    checking = name == "check"
    command = _subparser(
        commands,
        name,
        "report the files the repairs would change" if checking else "repair text files in place",
        _FIX_DESCRIPTION.format(
            verb="Check" if checking else "Repair",
            action="Nothing is written."
            if checking
            else "A file is rewritten only when it changes, atomically, keeping its mode.",
            would="would be " if checking else "was ",
        ),
    )
    command.add_argument("paths", nargs="+", metavar="FILE", help="text files")
    command.add_argument(
        "--to-utf8",
        action=argparse.BooleanOptionalAction,
        help="decode files that are not UTF-8 (charset detection) and write them as UTF-8",
    )
    _add_common(command, "comma-separated filters to run (default: encoding)")


def _names(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    if not names:
        raise argparse.ArgumentTypeError("expected one or more filter names, comma-separated")
    return names


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, not {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code) if isinstance(stop.code, int) else EXIT_USAGE
    runners: dict[str, Callable[[argparse.Namespace, Config], int]] = {
        "clean": _run_clean,
        "batch": _run_batch,
        "fix": _run_fix,
        "check": _run_fix,
    }
    try:
        config = load_config(args.config)
        return runners[args.command](args, config)
    except (NewscleanError, ImportError) as error:
        _error(str(error))
        return EXIT_USAGE
    except BrokenProcessPool as error:
        _error(f"a worker process died (killed, or out of memory?): {error}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED


def _error(message: str) -> None:
    print(f"newsclean: {' '.join(message.split())}", file=sys.stderr)


# --- clean -----------------------------------------------------------------------------


def _run_clean(args: argparse.Namespace, config: Config) -> int:
    pipeline = config.pipeline(args.filters)
    paths: list[str] = args.paths or ["-"]
    for index, path in enumerate(paths):
        doc = _clean_one(path, pipeline)
        if index:
            sys.stdout.write("\n")
        sys.stdout.write(render(doc, args.format))
        if args.explain:
            _explain(doc.edits, path, sys.stderr)
    sys.stdout.flush()
    return EXIT_OK


def _clean_one(path: str, pipeline: Filter) -> Document:
    if path == "-":
        return clean(sys.stdin.buffer.read(), pipeline=pipeline)
    return clean(Path(path), pipeline=pipeline)


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


# --- batch -----------------------------------------------------------------------------


def _run_batch(args: argparse.Namespace, config: Config) -> int:
    from newsclean.batch import BatchOptions, run_batch
    from newsclean.batch.progress import Progress, wanted

    def setting(name: str, key: str, default: Any) -> Any:
        value = getattr(args, name)
        return value if value is not None else config.batch.get(key, default)

    options = BatchOptions(
        field=setting("field", "field", "text"),
        html_field=setting("html_field", "html-field", None),
        explain=setting("explain", "explain", False),
        workers=setting("workers", "workers", None),
        chunk_size=setting("chunk_size", "chunk-size", 256),
        pipeline=config.pipeline(args.filters),
    )
    quiet = bool(setting("quiet", "quiet", False))
    progress = Progress(sys.stderr) if wanted(sys.stderr, quiet=quiet) else None
    with _errors_file(setting("errors", "errors", None)) as errors:
        summary = run_batch(args.input, args.output, options, errors=errors, progress=progress)
    if not quiet:
        for line in summary.lines():
            print(f"newsclean batch: {line}", file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_CHANGED if summary.failed else EXIT_OK


@contextlib.contextmanager
def _errors_file(path: str | None) -> Iterator[IO[str] | None]:
    if path is None:
        yield None
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as error:
        raise WriteError(f"cannot write {path}: {error.strerror or error}") from error
    with handle:
        yield handle


# --- fix and check ---------------------------------------------------------------------


def _run_fix(args: argparse.Namespace, config: Config) -> int:
    from newsclean.errors import ReadError
    from newsclean.files import fix_file

    checking = args.command == "check"
    pipeline = config.fix_pipeline(args.filters)
    to_utf8 = bool(args.to_utf8 if args.to_utf8 is not None else config.fix.get("to-utf8", False))
    status = EXIT_OK
    for path in args.paths:
        if os.path.isdir(path):
            _error(f"{path} is a directory; give files")
            status = EXIT_USAGE
            continue
        try:
            report = fix_file(path, pipeline, write=not checking, to_utf8=to_utf8)
        except (ReadError, WriteError) as error:
            _error(str(error))
            status = EXIT_USAGE
            continue
        message = report.message(dry_run=checking)
        if message is not None:
            print(message)
        if report.changed and status == EXIT_OK:
            status = EXIT_CHANGED
    sys.stdout.flush()
    return status


def _version() -> str:
    from newsclean import __version__

    return __version__
