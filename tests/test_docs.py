"""Run the examples of the documentation, so the manual cannot go stale.

Every ``python`` and ``pycon`` fenced block of ``docs/**/*.md`` is run, from the repository
root: a block with ``>>>`` lines as a doctest (its outputs are checked), any other block with
``exec`` (it must not raise; its ``assert`` statements are checked). The blocks of a page run
in order in one namespace, as a reader would type them.

A block whose first line is ``# requires: MODULE, ...`` stands alone: it runs in a fresh
namespace as its own test, skipped (with the reason) when a module it names cannot be
imported; ``java`` stands for a Java runtime on the PATH.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(python|pycon)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
REQUIRES = re.compile(r"\A# requires: ([\w, ]+)\n")
MARKER = re.compile(r"^<!-- newsclean:([a-z-]+)(?: ([\w.-]+))? -->$", re.MULTILINE)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass(frozen=True)
class Example:
    """One fenced code block of a page."""

    page: str
    line: int
    source: str
    requires: tuple[str, ...]

    @property
    def is_doctest(self) -> bool:
        return any(line.lstrip().startswith(">>>") for line in self.source.splitlines())


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def examples(path: Path) -> list[Example]:
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        source = match.group(2)
        requires = REQUIRES.match(source)
        modules = tuple(m.strip() for m in requires.group(1).split(",")) if requires else ()
        line = text.count("\n", 0, match.start()) + 2
        found.append(Example(str(path.relative_to(ROOT)), line, source, modules))
    return found


def run(example: Example, namespace: dict[str, Any]) -> None:
    name = f"{example.page}:{example.line}"
    if not example.is_doctest:
        exec(compile(example.source, name, "exec"), namespace)  # the docs' own code
        return
    parser = doctest.DocTestParser()
    test = parser.get_doctest(example.source, namespace, name, example.page, example.line - 1)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test, clear_globs=False)
    namespace.update(test.globs)  # a DocTest runs in a copy of the namespace
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed at {name}"


def missing(modules: tuple[str, ...]) -> list[str]:
    absent = []
    for module in modules:
        if module == "java":
            if shutil.which("java") is None:
                absent.append("a Java runtime")
        elif importlib.util.find_spec(module) is None:
            absent.append(module)
    return absent


PAGE_EXAMPLES = {
    str(path.relative_to(ROOT)): [e for e in examples(path) if not e.requires] for path in pages()
}
STANDALONE = [e for path in pages() for e in examples(path) if e.requires]


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("page", [p for p, found in PAGE_EXAMPLES.items() if found])
@pytest.mark.usefixtures("at_root")
def test_page_examples(page: str) -> None:
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for example in PAGE_EXAMPLES[page]:
        run(example, namespace)


@pytest.mark.parametrize("example", STANDALONE, ids=[f"{e.page}:{e.line}" for e in STANDALONE])
@pytest.mark.usefixtures("at_root")
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
@pytest.mark.filterwarnings("ignore:distutils Version classes are deprecated:DeprecationWarning")
def test_standalone_examples(example: Example, monkeypatch: pytest.MonkeyPatch) -> None:
    absent = missing(example.requires)
    if absent:
        pytest.skip(f"needs {', '.join(absent)}: not installed here")
    if "pyspark" in example.requires:
        monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    try:
        run(example, {"__name__": "__docs__"})
    finally:
        if "pyspark" in example.requires:
            _stop_spark()


def _stop_spark() -> None:
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    if session is not None:
        session.stop()


def test_the_docs_have_examples_of_both_kinds() -> None:
    found = [e for path in pages() for e in examples(path)]
    assert sum(e.is_doctest for e in found) >= 10
    assert sum(not e.is_doctest for e in found) >= 3
    assert {"pyspark", "dask", "ray"} <= {m for e in STANDALONE for m in e.requires}
    for example in found:  # even the examples skipped here are valid Python
        if not example.is_doctest:
            compile(example.source, f"{example.page}:{example.line}", "exec")


def test_every_filter_has_a_page_in_the_nav() -> None:
    from newsclean.filters import REGISTRY

    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in REGISTRY:
        page = DOCS / "filters" / f"{name}.md"
        assert page.is_file(), f"filter {name!r} has no page: write docs/filters/{name}.md"
        assert f"filters/{name}.md" in nav, f"docs/filters/{name}.md is not in mkdocs.yml nav"
        assert FENCE.search(page.read_text(encoding="utf-8")), f"{page} has no example"


def test_every_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in pages():
        assert str(path.relative_to(DOCS)) in nav, f"{path} is not in mkdocs.yml nav"


def test_markers_name_what_exists() -> None:
    data = json.loads((DOCS / "benchmarks.json").read_text(encoding="utf-8"))
    benchmarks = {b["id"] for b in data["benchmarks"]}
    for path in pages():
        for kind, argument in MARKER.findall(path.read_text(encoding="utf-8")):
            if kind == "benchmark":
                assert argument in benchmarks, f"{path}: no benchmark {argument!r}"
            elif kind == "cases":
                assert (ROOT / "tests" / "cases" / f"{argument}.json").is_file(), path
            else:
                assert kind in ("cli-help", "filters"), f"{path}: unknown marker {kind!r}"


def test_docs_helpers_render(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("plot_benchmarks", DOCS / "plot_benchmarks.py")
    assert spec is not None
    assert spec.loader is not None
    plot = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plot)
    data = plot.load()
    text = next(b for b in data["benchmarks"] if b["id"] == "text")
    svg = plot.render_svg(text)
    assert svg.startswith("<svg xmlns=")
    assert svg.count("<circle") == sum(1 for r in text["rows"] if r["speed"])
    assert svg.count('stroke-dasharray="5 4"') == sum(1 for r in text["rows"] if not r["speed"])
    table = plot.render_table(text).splitlines()
    assert len(table) == 2 + len(text["rows"])
    assert "**newsclean**" in "\n".join(table)


def test_griffe_extension_fences_doctests_and_links_roles() -> None:
    pytest.importorskip("griffe", reason="the docs extra is not installed")
    spec = importlib.util.spec_from_file_location("griffe_newsclean", DOCS / "griffe_newsclean.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = "See :class:`~newsclean.document.Edit` and :class:`ftfy.X`.\n\n"
    text += ">>> f(1)  # doctest: +SKIP\n2"
    assert module.to_markdown(text) == (
        "See [`Edit`][newsclean.document.Edit] and `ftfy.X`.\n\n```pycon\n>>> f(1)\n2\n```"
    )


@pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None, reason="the docs extra is not installed"
)
def test_mkdocs_build_strict(tmp_path: Path) -> None:
    import subprocess

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(tmp_path / "site"),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr
    assert (tmp_path / "site" / "assets" / "benchmark-text.svg").is_file()
    assert "newsclean-fix" in (tmp_path / "site" / "pre-commit" / "index.html").read_text()
