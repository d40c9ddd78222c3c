"""Networks as flat records (scalars only), and the colours every picture uses.

GraphML, GEXF and CSV hold only strings, numbers and booleans: lists become
"; "-joined strings and the evidence a JSON string. Edges get unique ids
(``e0``, ``e1``, ...) so that formats which require them are valid.
"""

from __future__ import annotations

import json

import networkx as nx

from ..network.metrics import pagerank

__all__ = [
    "TYPE_COLORS",
    "type_color",
    "flat_value",
    "flat_node",
    "flat_edge",
    "flat_graph",
    "edge_records",
    "node_centrality",
]

#: Node colours by type (colour-blind-safe Okabe-Ito palette).
TYPE_COLORS: dict[str, str] = {
    "Person": "#E69F00",
    "Organization": "#0072B2",
    "Place": "#009E73",
    "Product": "#CC79A7",
    "Other": "#999999",
    "Article": "#555555",
}


def type_color(node_type: str | None) -> str:
    """The colour of a node type ("#RRGGBB")."""
    return TYPE_COLORS.get(node_type or "Other", TYPE_COLORS["Other"])


def node_centrality(g: nx.Graph) -> dict[str, float]:
    """Each node's ``centrality`` attribute, or its undirected PageRank when nodes have none."""
    if len(g) and all("centrality" in d for _, d in g.nodes(data=True)):
        return {n: float(d["centrality"]) for n, d in g.nodes(data=True)}
    return pagerank(g, directed=False)


def flat_value(value):
    """A value GraphML, GEXF and CSV can hold (None stays None: leave it out).

    >>> flat_value(["a", "b"]), flat_value(True), flat_value([{"x": 1}])
    ('a; b', True, '[{"x": 1}]')
    """
    if isinstance(value, (list, tuple)):
        if any(isinstance(v, dict) for v in value):
            return json.dumps(list(value), ensure_ascii=False)
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def flat_node(node: str, data: dict) -> dict:
    """One node as ``{"id", "label", "type", ...}`` with scalar values only."""
    out = {"id": node, "label": data.get("label", node), "type": data.get("type", "Other")}
    for k, v in data.items():
        if k not in out and v is not None:
            out[k] = flat_value(v)
    return out


def flat_edge(data: dict) -> dict:
    """One edge's attributes with scalar values only, and ``label`` = its predicate."""
    out = {"label": data.get("predicate", "")}
    for k, v in data.items():
        if v is not None:
            out[k] = flat_value(v)
    return out


def edge_records(g: nx.Graph) -> list[tuple[str, str, str, dict]]:
    """(edge id, source, target, attributes) for every edge, ids ``e0``, ``e1``, ... in order."""
    return [(f"e{i}", u, v, d) for i, (u, v, d) in enumerate(g.edges(data=True))]


def flat_graph(g: nx.Graph) -> nx.Graph:
    """A copy of ``g`` with scalar attributes and unique edge keys, ready for GraphML or GEXF.

    The entity network stays a directed multigraph; the others are undirected
    multigraphs-free graphs as they were.
    """
    out = g.__class__()
    out.graph.update({k: flat_value(v) for k, v in g.graph.items() if v is not None})
    for n, d in g.nodes(data=True):
        attrs = flat_node(n, d)
        del attrs["id"]
        out.add_node(n, **attrs)
    for eid, u, v, d in edge_records(g):
        if out.is_multigraph():
            out.add_edge(u, v, key=eid, **flat_edge(d))
        else:
            out.add_edge(u, v, id=eid, **flat_edge(d))
    return out
