"""Measures of a network: summary counts, centrality, communities, and its most central part.

Centrality and communities look at the network as a simple weighted graph
(parallel edges merged, weights added): degree and betweenness on the
undirected graph, PageRank on the directed one (an undirected edge counts
both ways).
"""

from __future__ import annotations

import heapq
from collections import Counter

import networkx as nx

from ..errors import KGError

__all__ = [
    "CENTRALITY_MEASURES",
    "COMMUNITY_METHODS",
    "simple_graph",
    "network_summary",
    "centrality",
    "pagerank",
    "communities",
    "top_nodes",
]

CENTRALITY_MEASURES = ("degree", "betweenness", "pagerank")
COMMUNITY_METHODS = ("louvain", "greedy")


def simple_graph(g: nx.Graph, directed: bool = False) -> nx.Graph:
    """``g`` with parallel edges merged and their weights summed.

    With ``directed``, an edge whose ``directed`` attribute is false points both ways.

    >>> m = nx.MultiDiGraph()
    >>> m.add_edge("a", "b", key="sues", weight=2, directed=True)
    'sues'
    >>> m.add_edge("b", "a", key="partnerOf", weight=1, directed=False)
    'partnerOf'
    >>> simple_graph(m)["a"]["b"]["weight"]
    3
    >>> sorted(simple_graph(m, directed=True).edges(data="weight"))
    [('a', 'b', 3), ('b', 'a', 1)]
    """
    out = nx.DiGraph() if directed else nx.Graph()
    out.add_nodes_from(g.nodes(data=True))
    for u, v, d in g.edges(data=True):
        w = d.get("weight", 1)
        ends = [(u, v)]
        if directed and (not g.is_directed() or not d.get("directed", True)):
            ends.append((v, u))
        for a, b in ends:
            if out.has_edge(a, b):
                out[a][b]["weight"] += w
            else:
                out.add_edge(a, b, weight=w)
    return out


def network_summary(g: nx.Graph) -> dict:
    """Counts: nodes by type, edges by predicate, components, density.

    Density is that of the undirected simple graph: linked pairs over possible pairs.
    """
    und = simple_graph(g)
    components = sorted((len(c) for c in nx.connected_components(und)), reverse=True)
    return {
        "network": g.graph.get("kind", ""),
        "filters": g.graph.get("filters", ""),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "nodes_by_type": dict(Counter(t for _, t in g.nodes(data="type")).most_common()),
        "edges_by_predicate": dict(Counter(p for *_, p in g.edges(data="predicate")).most_common()),
        "linked_pairs": und.number_of_edges(),
        "components": len(components),
        "largest_component": components[0] if components else 0,
        "density": round(nx.density(und), 4) if len(und) > 1 else 0.0,
    }


def pagerank(g: nx.Graph, *, directed: bool = True) -> dict[str, float]:
    """PageRank by weight on the directed (or undirected) simple graph.

    The directed one rewards being the object of claims (an organisation
    its executives are "executiveOf"); the undirected one rewards being
    linked at all, and is what pictures size nodes by.
    """
    if len(g) == 0:
        return {}
    return nx.pagerank(simple_graph(g, directed=directed), weight="weight")


def centrality(g: nx.Graph, *, by: str = "degree", top: int | None = 10) -> list[dict]:
    """The ``top`` nodes by ``by`` (degree, betweenness or pagerank), with all three scores.

    Each row: id, label, type, neighbours, degree, betweenness, pagerank;
    ties are broken by PageRank, then label. ``top`` None or 0 means every node.
    """
    if by not in CENTRALITY_MEASURES:
        raise KGError(f"unknown measure {by!r}; use one of {', '.join(CENTRALITY_MEASURES)}")
    if len(g) == 0:
        return []
    und = simple_graph(g)
    scores = {
        "degree": nx.degree_centrality(und) if len(und) > 1 else dict.fromkeys(und, 0.0),
        "betweenness": nx.betweenness_centrality(und),
        "pagerank": pagerank(g),
    }
    rows = [
        {
            "id": n,
            "label": g.nodes[n].get("label", n),
            "type": g.nodes[n].get("type", ""),
            "neighbours": und.degree(n),
            "degree": round(scores["degree"][n], 4),
            "betweenness": round(scores["betweenness"][n], 4),
            "pagerank": round(scores["pagerank"][n], 4),
        }
        for n in g
    ]
    rows.sort(key=lambda r: (-scores[by][r["id"]], -scores["pagerank"][r["id"]], r["label"]))
    return rows[:top] if top else rows


def communities(g: nx.Graph, *, method: str = "louvain", seed: int = 1) -> dict:
    """Communities of the undirected weighted graph, largest first.

    Returns ``{"method", "modularity", "communities": [{"community", "size",
    "members": [{"id", "label", "type"}]}]}``; members by weighted degree.
    Louvain is seeded, so the same graph always gives the same answer.
    """
    if method not in COMMUNITY_METHODS:
        raise KGError(f"unknown method {method!r}; use one of {', '.join(COMMUNITY_METHODS)}")
    und = simple_graph(g)
    if und.number_of_edges() == 0:
        parts = [{n} for n in und]
    elif method == "louvain":
        parts = nx.community.louvain_communities(und, weight="weight", seed=seed)
    else:
        parts = nx.community.greedy_modularity_communities(und, weight="weight")
    strength = dict(und.degree(weight="weight"))
    parts = sorted(
        (sorted(p, key=lambda n: (-strength[n], g.nodes[n].get("label", n))) for p in parts),
        key=lambda p: (-len(p), g.nodes[p[0]].get("label", "")),
    )
    modularity = (
        nx.community.modularity(und, parts, weight="weight") if und.number_of_edges() else 0.0
    )
    return {
        "method": method,
        "modularity": round(modularity, 4),
        "communities": [
            {
                "community": i + 1,
                "size": len(p),
                "members": [
                    {
                        "id": n,
                        "label": g.nodes[n].get("label", n),
                        "type": g.nodes[n].get("type", ""),
                    }
                    for n in p
                ],
            }
            for i, p in enumerate(parts)
        ],
    }


def top_nodes(g: nx.Graph, n: int | None, *, connected: bool = False) -> nx.Graph:
    """The subgraph of the ``n`` most central nodes (all of ``g`` if n is 0 or None).

    Central here is the undirected PageRank, stored on each node as ``centrality``.
    With ``connected``, the nodes kept hang together: from the most central node of
    the largest connected part, the most central of their neighbours are added one by
    one (then, while there is room, the next largest parts whole), so that a big
    network shows its core rather than top-ranked nodes with no link between them.

    The subgraph's ``graph`` attributes say what was kept: ``shown`` and ``total``,
    and with ``connected``, ``component`` (the size of the largest connected part).

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> sorted(top_nodes(g, 3, connected=True))
    ['a', 'b', 'c']
    """
    total = len(g)
    ranks = pagerank(g, directed=False)
    keep = sorted(g, key=lambda x: (-ranks[x], str(g.nodes[x].get("label", x))))
    component = None
    if connected and total:
        keep, component = _connected_core(g, ranks, n or total)
    elif n and total > n:
        center = g.graph.get("center")
        keep = keep[:n] if center not in keep[n:] else [center, *keep[: n - 1]]
    sub = g.subgraph(keep).copy()
    nx.set_node_attributes(sub, {x: round(ranks[x], 6) for x in sub}, "centrality")
    sub.graph.update(shown=len(sub), total=total)
    if component is not None:
        sub.graph["component"] = component
    return sub


def _connected_core(g: nx.Graph, ranks: dict, n: int) -> tuple[list, int]:
    """Up to ``n`` nodes grown best-first from the most central node of the largest
    connected part (see :func:`top_nodes`), and that part's size."""
    und = g.to_undirected(as_view=True)

    def order(x):
        return (-ranks[x], str(g.nodes[x].get("label", x)))

    parts = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(map(order, c))))
    center = g.graph.get("center")
    first = next((p for p in parts if center in p), parts[0]) if center in g else parts[0]
    start = center if center in first else min(first, key=order)
    kept, seen, frontier = [], {start}, [(order(start), start)]
    while frontier and len(kept) < n:
        _, x = heapq.heappop(frontier)
        kept.append(x)
        for y in und[x]:
            if y not in seen:
                seen.add(y)
                heapq.heappush(frontier, (order(y), y))
    for part in parts:
        if part is first or len(kept) + len(part) > n:
            continue
        kept += sorted(part, key=order)
    return kept, len(first)
