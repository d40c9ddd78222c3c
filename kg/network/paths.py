"""How two entities are linked: shortest chains of claims, and the neighbourhood of one entity.

Paths and neighbourhoods ignore edge direction: "A sues B" links B to A as
much as A to B. Each hop reports the edges between its two ends, in the
direction the claims state them.
"""

from __future__ import annotations

from itertools import islice

import networkx as nx

from ..errors import KGError
from ..query.listing import find_entity
from .data import NetworkData
from .metrics import simple_graph

__all__ = ["resolve_node", "shortest_paths", "ego_network"]


def resolve_node(g: nx.Graph, data: NetworkData, name: str) -> str:
    """The node of ``g`` a user means by ``name`` ("Musk", "Microsoft", an IRI or key).

    Raises :class:`~kg.errors.KGError` with close matches when the name is
    unknown or ambiguous, or when the entity is not in this (filtered) network.
    """
    entity = find_entity(data.entity_dicts(), name)
    if entity["iri"] not in g:
        raise KGError(
            f"{entity['label']} is in the store but not in this network "
            "(it has no edges, or the filters leave it out)"
        )
    return entity["iri"]


def _hop_edges(g: nx.Graph, u: str, v: str) -> list[dict]:
    """Every edge between u and v, as subject/predicate/object with its provenance."""
    out = []
    pairs = [(u, v), (v, u)] if g.is_directed() else [(u, v)]
    for a, b in pairs:
        found = g.get_edge_data(a, b)
        if not found:
            continue
        datas = found.values() if g.is_multigraph() else [found]
        for d in datas:
            out.append(
                {
                    "subject": a,
                    "subject_label": g.nodes[a].get("label", a),
                    "predicate": d.get("predicate", ""),
                    "object": b,
                    "object_label": g.nodes[b].get("label", b),
                    "directed": d.get("directed", True),
                    "weight": d.get("weight", 1),
                    "first": d.get("first"),
                    "last": d.get("last"),
                    "articles": d.get("articles", []),
                    "evidence": d.get("evidence", []),
                }
            )
    out.sort(key=lambda e: (-e["weight"], e["predicate"]))
    return out


def shortest_paths(g: nx.Graph, source: str, target: str, *, limit: int = 5) -> list[dict]:
    """Up to ``limit`` shortest chains linking ``source`` to ``target`` (node ids).

    Each path: ``{"nodes": [{"id", "label", "type"}], "hops": [{"from", "to",
    "edges": [...]}]}``; an edge has subject, predicate, object, weight,
    dates, articles and evidence (sentence, article, title, date, source).
    An empty list when they are not linked.

    >>> g = nx.MultiDiGraph()
    >>> for n in "abc":
    ...     g.add_node(n, label=n.upper(), type="Person")
    >>> _ = g.add_edge("a", "b", key="sues", predicate="sues", weight=1)
    >>> _ = g.add_edge("c", "b", key="sues", predicate="sues", weight=2)
    >>> [[n["label"] for n in p["nodes"]] for p in shortest_paths(g, "a", "c")]
    [['A', 'B', 'C']]
    """
    if source == target:
        raise KGError("give two different entities")
    und = simple_graph(g)
    try:
        found = list(islice(nx.all_shortest_paths(und, source, target), limit))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: [str(g.nodes[n].get("label", n)) for n in p])
    out = []
    for path in found:
        out.append(
            {
                "nodes": [
                    {
                        "id": n,
                        "label": g.nodes[n].get("label", n),
                        "type": g.nodes[n].get("type", ""),
                    }
                    for n in path
                ],
                "hops": [
                    {"from": u, "to": v, "edges": _hop_edges(g, u, v)}
                    for u, v in zip(path, path[1:], strict=False)
                ],
            }
        )
    return out


def ego_network(g: nx.Graph, center: str, *, depth: int = 2) -> nx.Graph:
    """The part of ``g`` within ``depth`` hops of ``center`` (any direction).

    Each node gets a ``distance`` attribute (hops from the centre).
    """
    if depth < 1:
        raise KGError("--depth must be at least 1")
    distances = nx.single_source_shortest_path_length(simple_graph(g), center, cutoff=depth)
    sub = g.subgraph(distances).copy()
    nx.set_node_attributes(sub, distances, "distance")
    sub.graph.update(center=center, depth=depth)
    return sub
