"""A griffe extension that turns newsclean's docstrings into Markdown for the API reference.

The docstrings are written for ``help()`` and doctest: examples as bare ``>>>`` lines and
Sphinx roles (``:class:`~newsclean.document.Edit```). Here the examples become ``pycon``
code blocks (doctest directives dropped), and a role becomes a cross-reference when it names
a ``newsclean`` object, inline code otherwise. The source files are not changed.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|data|attr|exc|mod|obj):`(~?)([\w.]+)`")
_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$")


class DocstringMarkdown(griffe.Extension):
    """Rewrite every docstring: doctest examples fenced, Sphinx roles as links or code."""

    def on_instance(
        self,
        *,
        node: ast.AST | griffe.ObjectNode,
        obj: griffe.Object,
        agent: griffe.Visitor | griffe.Inspector,
        **kwargs: Any,
    ) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)


def to_markdown(text: str) -> str:
    """Return ``text`` with its doctest blocks fenced and its roles rewritten."""
    return _fence_doctests(_ROLE.sub(_role, text))


def _role(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    shown = target.rsplit(".", 1)[-1] if short else target
    if target.startswith("newsclean."):
        return f"[`{shown}`][{target}]"
    return f"`{shown}`"


def _fence_doctests(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.lstrip().startswith(">>>"):
            out.append(line)
            index += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        block: list[str] = []
        while index < len(lines) and lines[index].strip():
            block.append(_DIRECTIVE.sub("", lines[index]))
            index += 1
        out.extend([f"{indent}```pycon", *block, f"{indent}```"])
    return "\n".join(out)
