"""A picture of a network for a report (PNG or SVG) with matplotlib.

Nodes are coloured by type and sized by centrality, every node is labelled,
entity-network edges carry their predicate, and a legend names the colours.
No pyplot: the figure is drawn without touching matplotlib's global state.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

import networkx as nx

from .flat import TYPE_COLORS, node_centrality, type_color
from .layout import layout_positions

__all__ = ["draw_figure", "write_png", "write_svg", "network_title"]

_KIND_NAMES = {
    "entity": ("Entity network", "entities"),
    "comention": ("Co-mention network", "entities"),
    "bipartite": ("Article-entity network", "nodes"),
}


def network_title(g: nx.Graph) -> str:
    """A title for the picture: which network, how much of it, which filters."""
    name, nodes = _KIND_NAMES.get(g.graph.get("kind"), ("Network", "nodes"))
    shown, total = g.graph.get("shown", len(g)), g.graph.get("total", len(g))
    size = f"the {shown} most central of {total} {nodes}" if total > shown else f"{len(g)} {nodes}"
    title = f"{name}: {size}, {g.number_of_edges()} edges"
    if g.graph.get("center"):
        center = g.nodes[g.graph["center"]].get("label", g.graph["center"])
        depth = g.graph.get("depth")
        title += f", within {depth} hop{'s' if depth != 1 else ''} of {center}"
    if g.graph.get("filters"):
        title += f"\n{g.graph['filters']}"
    return title


def _rads(count: int) -> list[float]:
    """Curvatures that fan ``count`` parallel edges out: 0, +0.18, -0.18, +0.36, ..."""
    return [0.0 if i == 0 else (0.18 * ((i + 1) // 2)) * (1 if i % 2 else -1) for i in range(count)]


def draw_figure(g: nx.Graph):
    """A matplotlib ``Figure`` of the network."""
    # deferred: matplotlib is slow to import, and only png and svg need it (the html
    # exporter imports this module too, for network_title)
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    pos = layout_positions(g)
    n = len(g)
    height_ratio = max((p[1] for p in pos.values()), default=1.0) or 1.0
    width = min(24.0, max(10.0, 6 + 0.22 * n))
    height = min(24.0, max(6.0, width * max(height_ratio, 0.45)))
    fig = Figure(figsize=(width, height + 0.8), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_title(network_title(g), fontsize=15, loc="left")
    if n == 0:
        ax.text(
            0.5,
            0.5,
            "No node matches the filters.",
            ha="center",
            va="center",
            fontsize=14,
            color="#666666",
            transform=ax.transAxes,
        )
        return fig

    cent = node_centrality(g)
    top = max(cent.values()) or 1.0
    size = {v: 120 + 900 * math.sqrt(cent[v] / top) for v in g}  # points^2
    radius = {v: math.sqrt(s) / 2 for v, s in size.items()}  # points
    directed = g.is_directed()
    labelled = g.graph.get("kind") == "entity"

    by_pair: dict[frozenset, list] = defaultdict(list)
    for u, v, d in g.edges(data=True):
        by_pair[frozenset((u, v))].append((u, v, d))
    weights = [d.get("weight", 1) for *_, d in g.edges(data=True)]
    heavy = max(weights, default=1)
    many = g.number_of_edges() > 250
    for edges in by_pair.values():
        for (u, v, d), rad in zip(edges, _rads(len(edges)), strict=True):
            (x1, y1), (x2, y2) = pos[u], pos[v]
            arrow = directed and d.get("directed", True)
            w = d.get("weight", 1)
            patch = FancyArrowPatch(
                (x1, y1),
                (x2, y2),
                connectionstyle=f"arc3,rad={rad}",
                arrowstyle="-|>" if arrow else "-",
                mutation_scale=11,
                shrinkA=radius[u],
                shrinkB=radius[v] + 1,
                linewidth=0.6 + 2.2 * math.log1p(w) / math.log1p(heavy),
                color="#8a8a8a",
                alpha=0.35 if many else 0.75,
                zorder=1,
            )
            ax.add_patch(patch)
            if labelled:
                dx, dy = x2 - x1, y2 - y1
                ax.text(
                    (x1 + x2) / 2 + 0.5 * rad * dy,
                    (y1 + y2) / 2 - 0.5 * rad * dx,
                    d.get("predicate", ""),
                    fontsize=6.5,
                    color="#505050",
                    ha="center",
                    va="center",
                    zorder=2,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
                )

    nodes = list(g)
    ax.scatter(
        [pos[v][0] for v in nodes],
        [pos[v][1] for v in nodes],
        s=[size[v] for v in nodes],
        c=[type_color(g.nodes[v].get("type")) for v in nodes],
        edgecolors="white",
        linewidths=1.2,
        zorder=3,
    )
    for v in nodes:
        label = str(g.nodes[v].get("label", v))
        if len(label) > 40:
            label = label[:38] + "…"
        label = label.replace("$", r"\$")  # not mathtext
        ax.annotate(
            label,
            pos[v],
            xytext=(0, radius[v] + 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8.5,
            zorder=4,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    present = [t for t in TYPE_COLORS if any(d.get("type") == t for _, d in g.nodes(data=True))]
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=9,
            markerfacecolor=TYPE_COLORS[t],
            markeredgecolor="white",
            label=t,
        )
        for t in present
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=10,
        frameon=False,
        title="type",
        title_fontsize=10,
    )
    ax.margins(0.06)
    return fig


def write_png(g: nx.Graph, path: Path) -> list[Path]:
    """The picture as PNG."""
    draw_figure(g).savefig(str(path), format="png", dpi=110, facecolor="white")
    return [Path(path)]


def write_svg(g: nx.Graph, path: Path) -> list[Path]:
    """The picture as SVG (text stays text, so labels can be searched and edited)."""
    import matplotlib as mpl  # deferred: slow to import, as in draw_figure

    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kg"}):
        draw_figure(g).savefig(str(path), format="svg", facecolor="white", metadata={"Date": None})
    return [Path(path)]
