"""Where to put each node of a picture: each component laid out on its own, then packed.

Deterministic (same network, same picture), so pictures in reports do not
jump about between runs.
"""

from __future__ import annotations

import math

import networkx as nx

from ..network.metrics import simple_graph

__all__ = ["layout_positions"]


def _component_layout(g: nx.Graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]^2 for one connected component."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (-1.0, 0.0), nodes[1]: (1.0, 0.0)}
    sub = g.subgraph(nodes)
    # distances ignore weights: a much-repeated claim should not squash its two ends together
    start = nx.circular_layout(sorted(nodes))
    if len(nodes) <= 300:
        pos = nx.kamada_kawai_layout(sub, pos=start, weight=None)
    else:
        pos = nx.spring_layout(sub, pos=start, seed=7, iterations=100)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {n: ((p[0] - cx) / half, (p[1] - cy) / half) for n, p in pos.items()}


def layout_positions(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in [0, 1] x [0, 1] (y up), larger components first, in columns."""
    if len(g) == 0:
        return {}
    und = simple_graph(g)
    comps = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c[0]))
    # each component gets a square whose side grows with the square root of its size; the
    # squares fill columns top to bottom, the columns as tall as the largest square
    sides = [max(0.6, math.sqrt(len(c))) for c in comps]
    column_height = max(sides[0], math.sqrt(sum(s * s for s in sides)) * 1.1)
    placed: dict[str, tuple[float, float]] = {}
    x = y = column_width = 0.0
    for comp, side in zip(comps, sides, strict=True):
        if y > 0 and y + side > column_height:
            x, y, column_width = x + column_width, 0.0, 0.0
        local = _component_layout(und, comp)
        pad = 0.8 * side / 2
        for n, (px, py) in local.items():
            placed[n] = (x + side / 2 + px * pad, -(y + side / 2) + py * pad)
        y += side
        column_width = max(column_width, side)
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {n: ((px - min(xs)) / span, (py - min(ys)) / span) for n, (px, py) in placed.items()}
