"""Mojibake benchmark: damage real article bodies as happens in the wild, then repair them.

Takes the ``articleBody`` texts of ../shared/benchmarks/article-extraction/ground-truth.json
(``$NEWSCLEAN_SHARED`` overrides ../shared) and makes one damaged copy per kind:

- ``cp1252``: the UTF-8 bytes read as windows-1252 the way browsers do (WHATWG windows-1252:
  the five bytes cp1252 leaves undefined become C1 controls; ftfy's ``sloppy-windows-1252``);
- ``latin-1``: the UTF-8 bytes read as ISO-8859-1;
- ``double``: ``cp1252`` done twice;
- ``one-para``: ``cp1252`` applied to one paragraph only (a non-ASCII one, chosen at random
  with a fixed seed), the others intact;
- ``entities``: ``&``, ``<``, ``>`` and non-ASCII punctuation, symbols and Latin-1 letters
  written as HTML entities (named where HTML has a name, else numeric, alternately decimal
  and hexadecimal), as a careless CMS export leaves them;
- ``control``: the text undamaged.

A damaged kind only counts the articles its damage changes (ASCII-only articles cannot be
mojibake'd); the ``docs`` column says how many.

How the tools are judged (the same units for both): each tool's output is read with
:func:`newsclean.read_text` and compared with ``read_text(original)``. newsclean is used as a
user uses it, ``FixEncoding()(read_text(damaged))`` (per block); plain ftfy is used as a user
uses it, ``ftfy.fix_text(damaged)`` with its defaults on the raw text (it splits lines
itself), and its output is then read. A third column runs ``ftfy.fix_text`` with newsclean's
configuration (``NEWS_FIXER_CONFIG``) the same way, to show what the configuration alone does.

- *exact text*: the article's text (its blocks joined, every run of white space other than
  no-break spaces made one space) is identical to the original's. This is the repair
  measure: it ignores only where lines were split, which read_text decides from line widths
  that mojibake and entities change when newsclean reads before it repairs.
- *exact blocks*: the list of block texts is identical too (stricter; printed second).
- *control*: the share of undamaged articles the tool changed at all (false changes).

The reference removes invisible characters first: the ground truth holds zero-width spaces
and soft hyphens in a few articles, which FixEncoding removes by design (the issue asks for
it). Counting them as false changes would measure the specification, not mistakes, so each
original is first stripped of the characters FixEncoding removes (listed below); the number
of articles this touched is printed.

Speed is MB (UTF-8 bytes of the input) per second of the repair alone: FixEncoding over
documents already read, and ``ftfy.fix_text`` over the raw strings; best of 3 runs. The
``read_text`` time, which newsclean needs and ftfy does not, is printed on its own line.

    python benchmarks/bench_mojibake.py
"""

from __future__ import annotations

import html.entities
import json
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-1252 codec
from _metric import shared_dir

from newsclean.filters.encoding import NEWS_FIXER_CONFIG, FixEncoding
from newsclean.readers import read_text

# What FixEncoding removes and ftfy keeps: zero-width space, word joiner, soft hyphen,
# Mongolian vowel separator, bidi embeddings, overrides and isolates.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x2060, 0x00AD, 0x180E, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
_SEED = 20240501
_REPEATS = 3


def as_cp1252(text: str) -> str:
    """UTF-8 read as windows-1252 by a browser."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def as_latin1(text: str) -> str:
    """UTF-8 read as ISO-8859-1."""
    return text.encode("utf-8").decode("latin-1")


def twice(text: str) -> str:
    """UTF-8 read as windows-1252, saved as UTF-8 and read as windows-1252 again."""
    return as_cp1252(as_cp1252(text))


def one_paragraph(text: str, rng: random.Random) -> str:
    """``as_cp1252`` on one non-ASCII paragraph, chosen with ``rng``; the others intact."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if not line.isascii()]
    if len([line for line in lines if line.strip()]) < 2 or not candidates:
        return text
    index = rng.choice(candidates)
    lines[index] = as_cp1252(lines[index])
    return "\n".join(lines)


def with_entities(text: str) -> str:
    """Write ``&<>`` and non-ASCII punctuation, symbols and Latin-1 letters as entities."""
    out: list[str] = []
    numeric = 0
    for char in text:
        code = ord(char)
        name = html.entities.codepoint2name.get(code)
        if char in "&<>":
            out.append(f"&{name};")
        elif code < 0x80 or not (code < 0x100 or unicodedata.category(char)[0] in "PSZ"):
            out.append(char)
        elif name is not None:
            out.append(f"&{name};")
        else:
            numeric += 1
            out.append(f"&#{code};" if numeric % 2 else f"&#x{code:x};")
    return "".join(out)


@dataclass(frozen=True)
class Tool:
    """A repair tool: its name and how it turns damaged raw text into block texts."""

    name: str
    repair: Callable[[str], list[str]]


def blocks(text: str) -> list[str]:
    """The block texts of ``text`` as newsclean's text reader splits them."""
    return [block.text for block in read_text(text).blocks if block.text]


def newsclean_repair(text: str) -> list[str]:
    """FixEncoding over the document read from ``text``."""
    return [block.text for block in FixEncoding()(read_text(text)).blocks if block.text]


def ftfy_plain(text: str) -> list[str]:
    """``ftfy.fix_text`` with its defaults on the raw text, then split for comparison."""
    return blocks(ftfy.fix_text(text))


def ftfy_news(text: str) -> list[str]:
    """``ftfy.fix_text`` with newsclean's configuration on the raw text."""
    return blocks(ftfy.fix_text(text, NEWS_FIXER_CONFIG._replace(explain=False)))


TOOLS = (
    Tool("newsclean", newsclean_repair),
    Tool("ftfy", ftfy_plain),
    Tool("ftfy+news-config", ftfy_news),
)


def load_originals() -> list[str]:
    """The ground-truth article bodies, stripped of invisible characters (see above)."""
    path = shared_dir() / "benchmarks" / "article-extraction" / "ground-truth.json"
    if not path.is_file():
        sys.exit(f"bench_mojibake: {path} not found; set NEWSCLEAN_SHARED")
    truth = json.loads(path.read_text(encoding="utf-8"))
    raw = [str(entry["articleBody"]) for _, entry in sorted(truth.items())]
    stripped = [text.translate(_INVISIBLE) for text in raw]
    touched = sum(a != b for a, b in zip(raw, stripped, strict=True))
    print(f"{len(raw)} articles; {touched} had invisible characters removed from the reference")
    return stripped


def damaged_sets(originals: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Each kind's (original, damaged) pairs, keeping only pairs the damage changed."""
    rng = random.Random(_SEED)
    damage: dict[str, Callable[[str], str]] = {
        "cp1252": as_cp1252,
        "latin-1": as_latin1,
        "double": twice,
        "one-para": lambda text: one_paragraph(text, rng),
        "entities": with_entities,
    }
    sets = {kind: [(o, f(o)) for o in originals] for kind, f in damage.items()}
    sets = {kind: [(o, d) for o, d in pairs if d != o] for kind, pairs in sets.items()}
    sets["control"] = [(o, o) for o in originals]
    return sets


_LAYOUT = re.compile(r"[^\S\u00a0]+")


def layout_free(parts: Sequence[str]) -> str:
    """The blocks' text with line layout ignored (no-break spaces kept)."""
    return _LAYOUT.sub(" ", " ".join(parts)).strip()


@dataclass(frozen=True)
class Score:
    """Shares of articles a tool got exactly right, as text and as blocks."""

    text: float
    blocks: float


def score(tool: Tool, pairs: Sequence[tuple[str, str]]) -> Score:
    """How many of ``pairs`` ``tool`` repaired exactly, as text and as blocks."""
    text_hits = block_hits = 0
    for original, damaged in pairs:
        expected, got = blocks(original), tool.repair(damaged)
        block_hits += got == expected
        text_hits += layout_free(got) == layout_free(expected)
    total = len(pairs) or 1
    return Score(text_hits / total, block_hits / total)


def throughput(func: Callable[[], object], size: int) -> float:
    """MB/s of ``func`` over ``size`` bytes, best of a few runs."""
    best = min(_timed(func) for _ in range(_REPEATS))
    return size / 1e6 / best


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def speeds(texts: Sequence[str]) -> dict[str, float]:
    """MB/s of each tool's repair step (and of read_text) on ``texts``."""
    size = sum(len(text.encode("utf-8")) for text in texts)
    docs = [read_text(text) for text in texts]
    fixer = FixEncoding()
    news = NEWS_FIXER_CONFIG._replace(explain=False)
    return {
        "newsclean": throughput(lambda: [fixer(doc) for doc in docs], size),
        "ftfy": throughput(lambda: [ftfy.fix_text(text) for text in texts], size),
        "ftfy+news-config": throughput(lambda: [ftfy.fix_text(t, news) for t in texts], size),
        "read_text": throughput(lambda: [read_text(text) for text in texts], size),
    }


def main() -> int:
    """Print the repair and speed tables."""
    sets = damaged_sets(load_originals())
    names = [tool.name for tool in TOOLS]
    print()
    scores = {kind: [score(tool, pairs) for tool in TOOLS] for kind, pairs in sets.items()}
    header = f"{'kind':<10} {'docs':>5} " + " ".join(f"{name:>17}" for name in names)
    for measure in ("text", "blocks"):
        print(f"exact {measure}: share of damaged articles repaired exactly;")
        print("control: share of undamaged articles changed (false changes, lower is better)")
        print(header)
        for kind, row in scores.items():
            rates = [getattr(item, measure) for item in row]
            if kind == "control":
                rates = [1.0 - rate for rate in rates]
            cells = " ".join(f"{rate:>17.1%}" for rate in rates)
            print(f"{kind:<10} {len(sets[kind]):>5} {cells}")
        print()
    print("speed of the repair step, MB/s (best of 3)")
    clean = [original for original, _ in sets["control"]]
    damaged = [d for kind in ("cp1252", "latin-1", "double") for _, d in sets[kind]]
    rows = {"clean": speeds(clean), "damaged": speeds(damaged)}
    print(f"{'text':<10} " + " ".join(f"{name:>17}" for name in [*names, "read_text"]))
    for label, row in rows.items():
        print(f"{label:<10} " + " ".join(f"{row[name]:>17.2f}" for name in [*names, "read_text"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
