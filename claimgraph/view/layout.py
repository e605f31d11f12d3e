"""Node positions without numpy: a timeline grid that reads left to right, and a force layout as an option.

**Grid** (the default). Each series (company, metric, measure, unit, modality family) is a row; rows are
grouped by metric and metrics by company. Columns are, left to right: companies, their metrics, then one
column per period in time order (``period unresolved`` last). A group sits in its period's column, its single
claims and cross-checks stacked under it. Column widths and row heights come from the estimated size of every
label, so labels do not overlap. Tall grids wrap into bands side by side, each with its own period headings.
Sources sit at the right edge: articles ordered by the mean position of what they state (so links cross less),
then authors and publishers ordered by their articles.

**Force** (``--layout force``). Fruchterman–Reingold from the grid positions, with repulsion only between
nodes in neighbouring cells of a spatial hash, so it runs in linear time per iteration in pure Python.

>>> g = nx.MultiDiGraph()
>>> c, m = "company:Acme", "metric:Acme\x1frevenue"
>>> g.add_node(c, kind="company", label="Acme"); g.add_node(m, kind="metric", label="revenue")
>>> g.add_node("x", kind="group:consistent", label="$1B", size=8)
>>> _ = g.add_edge(c, m, kind="has metric"), g.add_edge(m, "x", kind="series")
>>> pos = grid_layout(g, [{"company": "Acme", "metric": "revenue", "groups": [0]}], [{"id": "x", "col": "2025-03-31"}])
>>> pos[c][0] < pos[m][0] < pos["x"][0], pos[c][1] == pos[m][1] == pos["x"][1]
(True, True)
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

CHAR_W = 7.0  # px per character at the 12 px label font (generous: wide glyphs, bold)
LINE_H = 15.0
MARGIN = 6.0  # vis-network's label margin inside boxes, set on the page
COL_GAP = 30.0
ROW_GAP = 12.0
STACK_GAP = 8.0
BAND_GAP = 160.0
GLYPHS = {"dot", "star", "diamond", "square", "triangle", "triangleDown", "hexagon"}  # drawn as glyph + label
UNRESOLVED = "period unresolved"
SOURCE_KINDS = ("article", "person", "organization", "software_agent", "publisher")


@dataclass(frozen=True)
class Extent:
    """How far a node and its label reach from the node's centre."""

    w: float
    up: float
    down: float

    @property
    def h(self) -> float:
        return self.up + self.down


def extent(data: dict[str, Any], shape: str) -> Extent:
    """The estimated box of a node with its label (vis-network's own metrics, rounded up). Groups, claims and
    checks are drawn by the page as a glyph with the label to its right.

    >>> extent({"label": "$55.6B", "size": 8}, "dot") == Extent(w=64.0, up=8.0, down=8.0)
    True
    """
    lines = str(data.get("label", "")).split("\n")
    text_w = max(len(line) for line in lines) * CHAR_W
    text_h = len(lines) * LINE_H
    size = float(data.get("size", 10))
    if shape in GLYPHS:
        h = max(2 * size, text_h)
        return Extent(2 * size + 6 + text_w, h / 2, h / 2)
    if shape == "ellipse":
        w = max(1.5 * text_w, 2 * text_h) + 4
        return Extent(w, text_h + 2, text_h + 2)
    if shape == "database":
        h = text_h + 2 * MARGIN + 16
        return Extent(text_w + 2 * MARGIN + 4, h / 2, h / 2)
    if shape == "text":
        return Extent(text_w, text_h / 2, text_h / 2)
    h = text_h + 2 * MARGIN + 2
    return Extent(text_w + 2 * MARGIN + 4, h / 2, h / 2)


def _natural(text: str) -> list[Any]:
    """Sort key that puts "Company 2" before "Company 10"."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", text)]


MEASURE_ORDER = {"level": 0, "part": 1, "change_yoy": 2, "change_qoq": 3, "change": 4}
FAMILY_ORDER = {"actual": 0, "guidance": 1, "forecast": 2}


def grid_layout(g: nx.MultiDiGraph, series: list[dict[str, Any]], groups: list[dict[str, Any]], *,
                shapes: dict[str, str] | None = None, aspect: float = 1.3) -> dict[str, tuple[float, float]]:
    """Positions for every node of ``g``: the timeline grid described in the module docstring."""
    shapes = shapes or {}
    cache: dict[str, Extent] = {}

    def ext(n: str) -> Extent:
        if n not in cache:
            d = g.nodes[n]
            cache[n] = extent(d, shapes.get(d.get("kind", ""), "dot"))
        return cache[n]

    columns = _columns(groups)
    rows = _rows(g, series, groups, columns)
    col_w = [max(len(key) * CHAR_W, 60.0) for key in columns]
    for cells in rows.values():
        for col, stack in cells.items():
            col_w[col] = max([col_w[col], *(ext(n).w for n in stack)])
    companies: dict[str, dict[str, list[int]]] = {}
    for si, s in enumerate(series):
        metrics = companies.setdefault(f"company:{s['company']}", {})
        metrics.setdefault(f"metric:{s['company']}\x1f{s['metric']}", []).append(si)
    companies = dict(sorted(companies.items(), key=lambda kv: _natural(kv[0])))
    comp_w = max([90.0, *(ext(c).w for c in companies)])
    metric_w = max([90.0, *(ext(m).w for ms in companies.values() for m in ms)])
    xs = [comp_w / 2, comp_w + COL_GAP + metric_w / 2]
    x = comp_w + COL_GAP + metric_w + COL_GAP
    for w in col_w:
        xs.append(x + w / 2)
        x += w + COL_GAP
    grid_w = x
    blocks = [_Block(c, ms, rows, ext) for c, ms in companies.items()]
    total_h = sum(b.height for b in blocks)
    bands = max(1, min(len(blocks), round(math.sqrt(aspect * total_h / max(grid_w, 1.0))))) if blocks else 1
    pos: dict[str, tuple[float, float]] = {}
    header = LINE_H + 24
    band_h = total_h / bands
    band, y, max_y = 0, 0.0, 0.0
    for b in blocks:
        if y > header and y - header + b.height > band_h * 1.02 and band < bands - 1:
            band, y = band + 1, 0.0
        if y == 0.0:
            _headers(g, pos, columns, xs, band * (grid_w + BAND_GAP), band)
            y = header
        b.place(pos, band * (grid_w + BAND_GAP), y, xs)
        y += b.height
        max_y = max(max_y, y)
    _place_sources(g, pos, ext, (band + 1) * (grid_w + BAND_GAP) - BAND_GAP, max(max_y, 300.0), aspect)
    for n in g.nodes:
        pos.setdefault(n, (0.0, -200.0))
    return pos


def _columns(groups: list[dict[str, Any]]) -> list[str]:
    """One column per period end date, in time order; ``period unresolved`` last."""
    return sorted({gr["col"] for gr in groups}, key=lambda c: (c == UNRESOLVED, c))


def _rows(g: nx.MultiDiGraph, series: list[dict[str, Any]], groups: list[dict[str, Any]],
          columns: list[str]) -> dict[int, dict[int, list[str]]]:
    """For each series row, the nodes stacked in each period column: groups, then their claims and checks."""
    col_of = {key: n for n, key in enumerate(columns)}
    below: dict[str, list[str]] = defaultdict(list)  # group id -> claims and checks stacked under it
    for n, d in g.nodes(data=True):
        kind = d.get("kind", "")
        if kind.startswith("claim") and "group" in d:
            below[groups[d["group"]]["id"]].append(n)
        elif kind.startswith("check:") and d.get("anchor"):
            below[d["anchor"]].append(n)
    rows: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for si, s in enumerate(series):
        for gi in s["groups"]:
            gr = groups[gi]
            stack = rows[si][col_of[gr["col"]]]
            stack.append(gr["id"])
            stack.extend(sorted(below.get(gr["id"], []), key=lambda n: (g.nodes[n]["kind"], n)))
    return rows


class _Block:
    """One company: its metrics, each metric's series rows, and the height they take."""

    def __init__(self, company: str, metrics: dict[str, list[int]], rows: dict[int, dict[int, list[str]]],
                 ext: Any) -> None:
        self.company, self.rows, self.ext = company, rows, ext
        self.metrics: list[tuple[str, list[tuple[int, float]], float]] = []
        for m, series_rows in metrics.items():
            heights = [(si, max(sum(ext(n).h + STACK_GAP for n in st) for st in rows[si].values()) + ROW_GAP)
                       for si in series_rows]
            metric_h = sum(h for _, h in heights)
            need = ext(m).h + ROW_GAP
            if metric_h < need:
                heights[-1] = (heights[-1][0], heights[-1][1] + need - metric_h)
                metric_h = need
            self.metrics.append((m, heights, metric_h))
        self.height = sum(h for _, _, h in self.metrics)
        need = ext(company).h + ROW_GAP
        if self.height < need:
            m, heights, h = self.metrics[-1]
            heights[-1] = (heights[-1][0], heights[-1][1] + need - self.height)
            self.metrics[-1] = (m, heights, h + need - self.height)
            self.height = need

    def place(self, pos: dict[str, tuple[float, float]], x0: float, y0: float, xs: list[float]) -> None:
        pos[self.company] = (x0 + xs[0], y0 + self.height / 2)
        y = y0
        for metric, rows, metric_h in self.metrics:
            pos[metric] = (x0 + xs[1], y + metric_h / 2)
            for si, row_h in rows:
                for col, stack in self.rows[si].items():
                    sy = y + (row_h - sum(self.ext(n).h + STACK_GAP for n in stack) + STACK_GAP) / 2
                    for n in stack:
                        e = self.ext(n)
                        pos[n] = (x0 + xs[col + 2], sy + e.up)
                        sy += e.h + STACK_GAP
                y += row_h


def _headers(g: nx.MultiDiGraph, pos: dict[str, tuple[float, float]], columns: list[str], xs: list[float],
             x0: float, band: int) -> None:
    for col, key in enumerate(columns):
        nid = f"period:{band}:{key}"
        g.add_node(nid, kind="period", label=key, column=key,
                   title="Claims whose period is unresolved" if key == UNRESOLVED else f"Periods ending {key}")
        pos[nid] = (x0 + xs[col + 2], LINE_H)


def _place_sources(g: nx.MultiDiGraph, pos: dict[str, tuple[float, float]], ext: Any, right: float,
                   bottom: float, aspect: float) -> None:
    """Articles, then authors, then publishers, at the right edge or under the grid (whichever lets the whole
    graph fit the screen larger), each ordered by the mean position of what it links to, so links cross less."""
    kinds = (("article",), ("person", "organization", "software_agent"), ("publisher",))
    tiers = [[n for n, d in g.nodes(data=True) if d.get("kind") in ks] for ks in kinds]
    if not any(tiers):
        return
    options = []
    for axis in (1, 0):  # 1: columns at the right, ordered by y; 0: rows underneath, ordered by x
        placed: dict[str, tuple[float, float]] = {}
        edge = (right + 120) if axis == 1 else (bottom + 90)
        for tier in tiers:
            known = {**pos, **placed}
            tier.sort(key=lambda n: (_bary(g, n, known, axis), n))
            edge = _stack(placed, tier, ext, edge, bottom if axis == 1 else right, axis)
        w = edge if axis == 1 else right
        h = bottom if axis == 1 else edge
        options.append((min(aspect / max(w, 1.0), 1 / max(h, 1.0)), axis, placed))
    pos.update(max(options, key=lambda o: (o[0], o[1]))[2])


def _bary(g: nx.MultiDiGraph, n: str, pos: dict[str, tuple[float, float]], axis: int) -> float:
    """The mean position of a source's neighbours along ``axis`` (x for 0, y for 1)."""
    vals = [pos[m][axis] for m in (*g.successors(n), *g.predecessors(n)) if m in pos]
    return sum(vals) / len(vals) if vals else math.inf


def _stack(pos: dict[str, tuple[float, float]], nodes: list[str], ext: Any, start: float, limit: float,
           axis: int) -> float:
    """Place ``nodes`` in columns (``axis`` 1: top to bottom, no taller than ``limit``) or rows (``axis`` 0: left
    to right, no wider than ``limit``), starting at ``start``; returns where the next tier may start."""
    if not nodes:
        return start
    lines: list[list[str]] = [[]]
    used = 0.0
    for n in nodes:
        size = (ext(n).h if axis == 1 else ext(n).w) + (STACK_GAP if axis == 1 else COL_GAP / 2)
        if lines[-1] and used + size > limit:
            lines.append([])
            used = 0.0
        lines[-1].append(n)
        used += size
    at = start
    for line in lines:
        thick = max((ext(n).w if axis == 1 else ext(n).h) for n in line)
        along = 0.0
        for n in line:
            e = ext(n)
            if axis == 1:
                pos[n] = (at + thick / 2, along + e.up)
                along += e.h + STACK_GAP
            else:
                pos[n] = (along + e.w / 2, at + thick / 2)
                along += e.w + COL_GAP / 2
        at += thick + (COL_GAP if axis == 1 else ROW_GAP * 2)
    return at + 40


def force_layout(g: nx.MultiDiGraph, start: dict[str, tuple[float, float]], *, iterations: int | None = None,
                 seed: int = 7) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold in pure Python, repulsion limited to neighbouring cells of a spatial hash."""
    nodes = list(g.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    rng = random.Random(seed)
    index = {v: i for i, v in enumerate(nodes)}
    xs = [start.get(v, (rng.uniform(0, 1000), 0.0))[0] for v in nodes]
    ys = [start.get(v, (0.0, rng.uniform(0, 1000)))[1] for v in nodes]
    edges = [(index[u], index[v]) for u, v in nx.Graph(g).edges() if u != v]
    area = (max(xs) - min(xs) + 100) * (max(ys) - min(ys) + 100)
    k = max(60.0, math.sqrt(area / n) * 0.8)
    iterations = iterations or max(8, min(60, 300_000 // max(n, 1)))
    temp = k * 4
    for _ in range(iterations):
        dx, dy = [0.0] * n, [0.0] * n
        buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(n):
            buckets[(int(xs[i] // (2 * k)), int(ys[i] // (2 * k)))].append(i)
        for (bx, by), members in buckets.items():
            near = [j for ox in (-1, 0, 1) for oy in (-1, 0, 1) for j in buckets.get((bx + ox, by + oy), ())]
            for i in members:
                for j in near:
                    if i == j:
                        continue
                    ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
                    d2 = ddx * ddx + ddy * ddy or 0.01
                    f = k * k / d2
                    dx[i] += ddx * f
                    dy[i] += ddy * f
        for i, j in edges:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 0.01
            f = d / k
            dx[i] -= ddx * f
            dy[i] -= ddy * f
            dx[j] += ddx * f
            dy[j] += ddy * f
        for i in range(n):
            d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) or 0.01
            step = min(d, temp)
            xs[i] += dx[i] / d * step
            ys[i] += dy[i] / d * step
        temp *= 0.92
    return {v: (xs[i], ys[i]) for i, v in enumerate(nodes)}


__all__ = ["Extent", "extent", "force_layout", "grid_layout"]
