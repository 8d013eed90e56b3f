"""MkDocs hooks: fill generated parts of the pages from the code and data they describe.

A page asks for a generated part with an HTML comment on a line of its own:

- ``<!-- newsclean:cli-help -->``: the ``--help`` of ``newsclean`` and of each subcommand;
- ``<!-- newsclean:filters -->``: a table of every registered filter, linked to its page;
- ``<!-- newsclean:cases NAME -->``: the table-driven cases of ``tests/cases/NAME.json``;
- ``<!-- newsclean:benchmark ID -->``: the table and chart of benchmark ``ID`` of
  ``docs/benchmarks.json`` (the chart is drawn by ``docs/plot_benchmarks.py``).

So the help, the filter list, the cases and the numbers on the site are never copied by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
MARKER = re.compile(r"^<!-- newsclean:([a-z-]+)(?: ([\w.-]+))? -->$", re.MULTILINE)
HELP_COLUMNS = "88"


def _plot() -> ModuleType:
    spec = importlib.util.spec_from_file_location("plot_benchmarks", DOCS / "plot_benchmarks.py")
    if spec is None or spec.loader is None:  # pragma: no cover - the file is in the repo
        raise PluginError("docs/plot_benchmarks.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add one generated chart per benchmark: ``assets/benchmark-<id>.svg``."""
    plot = _plot()
    for benchmark in filter(plot.has_chart, plot.load()["benchmarks"]):
        uri = f"assets/benchmark-{benchmark['id']}.svg"
        files.append(File.generated(config, uri, content=plot.render_svg(benchmark)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every ``<!-- newsclean:... -->`` marker of the page with what it names."""

    def replace(match: re.Match[str]) -> str:
        kind, argument = match.group(1), match.group(2)
        if kind == "cli-help":
            return cli_help()
        if kind == "filters":
            return filters_table()
        if kind == "cases" and argument:
            return cases_section(argument)
        if kind == "benchmark" and argument:
            return benchmark_section(argument, page)
        raise PluginError(f"{page.file.src_uri}: unknown marker {match.group(0)!r}")

    return MARKER.sub(replace, markdown)


def cli_help() -> str:
    """The help of the command and of each subcommand, as fenced text blocks."""
    from newsclean.cli import build_parser

    parser = build_parser()
    with _columns(HELP_COLUMNS):
        sections = [f"```text\n$ newsclean --help\n{parser.format_help()}```"]
        for name, command in _subcommands(parser):
            sections.append(
                f"### newsclean {name}\n\n```text\n$ newsclean {name} --help\n"
                f"{command.format_help()}```"
            )
    return "\n\n".join(sections)


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


@contextlib.contextmanager
def _columns(width: str) -> Iterator[None]:
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = width
    try:
        yield
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous


def filters_table() -> str:
    """Every registered filter, in registry order: name, class, page and docstring summary."""
    from newsclean.filters import REGISTRY

    lines = ["| name | class | what it does |", "| --- | --- | --- |"]
    for name, cls in REGISTRY.items():
        summary = (cls.__doc__ or "").strip().splitlines()[0]
        lines.append(f"| [`{name}`]({name}.md) | `{cls.__name__}` | {summary} |")
    return "\n".join(lines)


def cases_section(name: str) -> str:
    """The cases of ``tests/cases/<name>.json``, before and after, in a collapsed block."""
    path = ROOT / "tests" / "cases" / f"{name}.json"
    if not path.is_file():
        raise PluginError(f"no table-driven cases at {path}")
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    lines = [f'??? example "All {len(cases)} cases of `tests/cases/{name}.json`"', ""]
    for case in cases:
        lines += [f"    **{case['label']}**", ""]
        lines += _text_block("before", case["input"])
        for key, value in case.items():
            if key in ("label", "input"):
                continue
            if isinstance(value, str) and key in ("expected", "text"):
                lines += _text_block("after" if key == "expected" else key, value)
            else:
                shown = json.dumps(value, ensure_ascii=False)
                lines += [f"    {key}: `{shown}`", ""]
    return "\n".join(lines)


def _text_block(title: str, text: str) -> list[str]:
    shown = "".join(_visible(char) for char in text)
    body = [f"    {line}" if line else "" for line in shown.split("\n")]
    return [f'    ```text title="{title}"', *body, "    ```", ""]


def _visible(char: str) -> str:
    """``char``, or its ``\\uXXXX`` escape when a reader could not see it (controls, format)."""
    if char not in "\n " and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Zs"):
        return f"\\u{ord(char):04x}"
    return char


def benchmark_section(benchmark_id: str, page: Page) -> str:
    """The table, chart and how-to-reproduce of one benchmark of ``docs/benchmarks.json``."""
    plot = _plot()
    found = [b for b in plot.load()["benchmarks"] if b["id"] == benchmark_id]
    if not found:
        raise PluginError(f"{page.file.src_uri}: no benchmark {benchmark_id!r} in benchmarks.json")
    benchmark = found[0]
    parts = [benchmark["corpus"], plot.render_table(benchmark)]
    if plot.has_chart(benchmark):
        depth = page.file.src_uri.count("/")
        chart = "../" * depth + f"assets/benchmark-{benchmark_id}.svg"
        parts.append(f"![{benchmark['title']}: F1 against speed]({chart})")
    parts.append(f"Measured with `{benchmark['command']}` ({benchmark['measured']}).")
    return "\n\n".join(parts)
