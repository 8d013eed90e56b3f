"""Draw the benchmarks' charts (quality against speed) and tables from docs/benchmarks.json.

Hand-rolled SVG, no plotting library: one chart per benchmark, speed on a log scale on x,
F1 on y; newsclean in the accent colour, anchors in grey, reference rows (no speed: raw text,
an oracle) as dashed horizontal lines. The documentation build (docs/hooks.py) calls
:func:`render_svg` and :func:`render_table`, so the site always shows the JSON's numbers.

    python docs/plot_benchmarks.py [-o DIR]    # write DIR/benchmark-<id>.svg to look at
"""

from __future__ import annotations

import argparse
import json
import math
from html import escape
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "benchmarks.json"

WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 40, 56
ACCENT, ANCHOR, REFERENCE = "#3f51b5", "#757575", "#9e9e9e"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'


def load(path: Path = DATA) -> dict[str, Any]:
    """Return the parsed benchmarks file."""
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def render_table(benchmark: dict[str, Any]) -> str:
    """Return a Markdown table of one benchmark's rows (quality: best F1 first)."""
    if benchmark.get("kind") == "throughput":
        return _throughput_table(benchmark)
    if benchmark.get("kind") == "table":
        return _plain_table(benchmark)
    unit = benchmark.get("speed_unit", "MB/s")
    lines = [
        f"| system | precision | recall | F1 | {unit} |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    rows = sorted(benchmark["rows"], key=lambda row: -(row.get("f1") or 0.0))
    for row in rows:
        name = f"**{row['name']}**" if row.get("newsclean") else row["name"]
        cells = [_number(row.get(key), 3) for key in ("precision", "recall", "f1")]
        lines.append(f"| {name} | {' | '.join(cells)} | {_number(row.get('speed'), 1)} |")
    return "\n".join(lines)


def _throughput_table(benchmark: dict[str, Any]) -> str:
    lines = ["| method | rows/s | seconds | note |", "| --- | ---: | ---: | --- |"]
    for row in benchmark["rows"]:
        rate, seconds = _number(row.get("rows_per_s"), 1), _number(row.get("seconds"), 2)
        lines.append(f"| {row['method']} | {rate} | {seconds} | {row.get('note', '')} |")
    return "\n".join(lines)


def _plain_table(benchmark: dict[str, Any]) -> str:
    columns: list[str] = benchmark["columns"]
    lines = ["| " + " | ".join(columns) + " |", "| --- |" + " ---: |" * (len(columns) - 1)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in benchmark["rows"]]
    return "\n".join(lines)


def has_chart(benchmark: dict[str, Any]) -> bool:
    """Tell whether the benchmark is drawn (quality against speed) or only tabulated."""
    return str(benchmark.get("kind", "quality")) == "quality"


def _number(value: float | None, digits: int) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def render_svg(benchmark: dict[str, Any]) -> str:
    """Return an SVG chart of F1 against speed (log scale) for one benchmark."""
    points = [row for row in benchmark["rows"] if row.get("speed") and row.get("f1") is not None]
    references = [row for row in benchmark["rows"] if not row.get("speed") and row.get("f1")]
    f1s = [row["f1"] for row in points + references]
    y_low = max(0.0, math.floor(min(f1s, default=0.5) * 10 - 0.5) / 10)
    y_high = min(1.0, math.ceil(max(f1s, default=1.0) * 10 + 0.2) / 10)
    speeds = [row["speed"] for row in points] or [1.0]
    x_low = 10 ** math.floor(math.log10(min(speeds)) - 0.2)
    x_high = 10 ** math.ceil(math.log10(max(speeds)) + 0.2)
    scale = _Scale(x_low, x_high, y_low, y_high)
    unit = escape(benchmark.get("speed_unit", "MB/s"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" {FONT} font-size="12">',
        f"<title>{escape(benchmark['title'])}: F1 against speed</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{WIDTH / 2}" y="22" text-anchor="middle" font-size="14" font-weight="600">'
        f"{escape(benchmark['title'])}</text>",
        *_axes(scale, unit),
    ]
    for row in references:
        y = scale.y(row["f1"])
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{REFERENCE}" stroke-dasharray="5 4"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT - 4}" y="{y - 5:.1f}" text-anchor="end" fill="{ANCHOR}">'
            f"{escape(row['name'])} ({row['f1']:.3f})</text>"
        )
    for row in points:
        parts.extend(_point(scale, row))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


class _Scale:
    """Data to pixel coordinates: log10 on x, linear on y."""

    def __init__(self, x_low: float, x_high: float, y_low: float, y_high: float) -> None:
        self.x_low, self.x_high, self.y_low, self.y_high = x_low, x_high, y_low, y_high

    def x(self, value: float) -> float:
        span = math.log10(self.x_high) - math.log10(self.x_low)
        share = (math.log10(value) - math.log10(self.x_low)) / span
        return LEFT + share * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        share = (value - self.y_low) / (self.y_high - self.y_low)
        return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM)


def _axes(scale: _Scale, unit: str) -> list[str]:
    bottom, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    parts = [
        f'<line x1="{LEFT}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="black"/>',
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}" stroke="black"/>',
        f'<text x="{(LEFT + right) / 2}" y="{HEIGHT - 14}" text-anchor="middle">'
        f"speed ({unit}, log scale)</text>",
        f'<text transform="translate(16 {(TOP + bottom) / 2}) rotate(-90)" '
        'text-anchor="middle">F1 of the article text</text>',
    ]
    exponent = round(math.log10(scale.x_low))
    while 10**exponent <= scale.x_high * 1.001:
        x = scale.x(10**exponent)
        label = f"{10**exponent:g}"
        tick = f'x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 5}"'
        parts.append(f'<line {tick} stroke="black"/>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle">{label}</text>')
        exponent += 1
    steps = round((scale.y_high - scale.y_low) * 10)
    for step in range(steps + 1):
        value = scale.y_low + step / 10
        y = scale.y(value)
        grid = f'x1="{LEFT - 5}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"'
        parts.append(f'<line {grid} stroke="#eeeeee"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{value:.1f}</text>')
    return parts


def _point(scale: _Scale, row: dict[str, Any]) -> list[str]:
    x, y = scale.x(row["speed"]), scale.y(row["f1"])
    colour = ACCENT if row.get("newsclean") else ANCHOR
    radius = 6 if row.get("newsclean") else 4.5
    weight = ' font-weight="600"' if row.get("newsclean") else ""
    anchor = "end" if x > WIDTH * 0.7 else "start"
    dx = -9 if anchor == "end" else 9
    return [
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{colour}"/>',
        f'<text x="{x + dx:.1f}" y="{y - 8:.1f}" text-anchor="{anchor}" fill="{colour}"{weight}>'
        f"{escape(row['name'])} ({row['f1']:.3f})</text>",
    ]


def main() -> int:
    """Write one SVG per benchmark into the chosen folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=Path("."), help="output folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for benchmark in filter(has_chart, load()["benchmarks"]):
        path = args.out / f"benchmark-{benchmark['id']}.svg"
        path.write_text(render_svg(benchmark), encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
