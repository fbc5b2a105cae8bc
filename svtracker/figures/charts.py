"""Charts drawn on the server as SVG: geometry here, markup in templates/figures/_chart.svg.

No JavaScript library: the pictures are simple (lines over periods, stacked bars per month), SVG from a
template needs no script under the strict Content Security Policy, and every chart has its data beside it
as a table for screen readers anyway.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 48


@dataclass
class Marker:
    x: float
    y: float
    title: str
    kind: str = "point"  # "point" or "earlier" (a value an answer gave that a later answer changed)


@dataclass
class Line:
    name: str
    css: str
    points: list[tuple[float, float]]
    markers: list[Marker] = field(default_factory=list)

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass
class Chart:
    title: str
    description: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    lines: list[Line] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css, label)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    bottom_y: int = HEIGHT - BOTTOM
    right_x: int = WIDTH - RIGHT


def nice_ceiling(value: float) -> float:
    """The top of the y axis: 1, 2, 2.5 or 5 times a power of ten at or above `value`."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def _y_scale(top_value: float):
    ceiling = nice_ceiling(top_value)
    span = HEIGHT - BOTTOM - TOP

    def y(value: float) -> float:
        return HEIGHT - BOTTOM - span * (value / ceiling)

    steps = [ceiling * i / 4 for i in range(5)]
    ticks = [(y(step), number_format(Decimal(str(step)).normalize(), force_grouping=True)) for step in steps]
    return y, ticks


def _x_positions(count: int) -> list[float]:
    span = WIDTH - LEFT - RIGHT
    if count == 1:
        return [LEFT + span / 2]
    return [LEFT + span * i / (count - 1) for i in range(count)]


def _tick_labels(xs: list[float], labels: list[str], most: int = 12) -> list[tuple[float, str]]:
    every = max(1, math.ceil(len(labels) / most))
    return [(x, label) for i, (x, label) in enumerate(zip(xs, labels, strict=True)) if i % every == 0]


def line_chart(*, title: str, description: str, x_labels: list[str],
               lines: list[tuple[str, str, list[Decimal | None]]],
               earlier: list[tuple[int, Decimal, str]] = ()) -> Chart:
    """Lines over the same x labels; `lines` is (name, css class, one value or None per label), `earlier`
    (index, value, title) marks values an earlier answer gave where a later one differs."""
    values = [float(v) for _n, _c, vs in lines for v in vs if v is not None]
    values += [float(v) for _i, v, _t in earlier]
    y, y_ticks = _y_scale(max(values, default=0))
    xs = _x_positions(len(x_labels))
    chart = Chart(title=title, description=description, y_ticks=y_ticks,
                  x_ticks=_tick_labels(xs, x_labels), legend=[(css, name) for name, css, _vs in lines])
    for name, css, series in lines:
        points = [(xs[i], y(float(v))) for i, v in enumerate(series) if v is not None]
        markers = [Marker(xs[i], y(float(v)), f"{x_labels[i]}: {number_format(v, force_grouping=True)}")
                   for i, v in enumerate(series) if v is not None]
        chart.lines.append(Line(name, css, points, markers))
    if earlier and chart.lines:
        chart.lines[0].markers += [Marker(xs[i], y(float(v)), text, "earlier") for i, v, text in earlier]
    return chart


def stacked_bar_chart(*, title: str, description: str, x_labels: list[str],
                      stacks: list[tuple[str, str, list[int]]]) -> Chart:
    """Bars per x label, the stacks (name, css class, count per label) on top of each other."""
    totals = [sum(counts[i] for _n, _c, counts in stacks) for i in range(len(x_labels))]
    y, y_ticks = _y_scale(max(totals, default=0))
    span = (WIDTH - LEFT - RIGHT) / max(1, len(x_labels))
    width = max(2.0, span * 0.7)
    chart = Chart(title=title, description=description, y_ticks=y_ticks, x_ticks=[],
                  legend=[(css, name) for name, css, _counts in stacks])
    xs = [LEFT + span * i + (span - width) / 2 for i in range(len(x_labels))]
    chart.x_ticks = _tick_labels([x + width / 2 for x in xs], x_labels)
    for i, label in enumerate(x_labels):
        base = 0
        for name, css, counts in stacks:
            if counts[i]:
                top = y(base + counts[i])
                chart.bars.append(Bar(xs[i], top, width, y(base) - top, css, f"{label}: {counts[i]} {name}"))
            base += counts[i]
    return chart
