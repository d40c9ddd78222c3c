"""Metrics: summary, centrality, communities and the most central part of a network."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import KGError
from kg.network import (
    centrality,
    communities,
    entity_network,
    network_summary,
    simple_graph,
    top_nodes,
)

E = "https://w3id.org/nkg/entity/"
ACME, GLOBEX = E + "acme", E + "globex"


def two_cliques() -> nx.Graph:
    """Two triangles joined by one edge: two obvious communities."""
    g = nx.Graph(kind="comention")
    for n in "abcxyz":
        g.add_node(n, label=n.upper(), type="Person" if n in "abc" else "Organization")
    for u, v in ["ab", "bc", "ca", "xy", "yz", "zx", "cx"]:
        g.add_edge(u, v, weight=1, predicate="co-mention", directed=False)
    return g


def test_network_metrics_summary_counts(small_data):
    s = network_summary(entity_network(small_data))

    assert s["network"] == "entity"
    assert (s["nodes"], s["edges"], s["linked_pairs"]) == (4, 5, 4)
    assert s["nodes_by_type"] == {"Organization": 2, "Person": 1, "Product": 1}
    assert s["edges_by_predicate"] == {
        "founderOf": 1,
        "partnerOf": 1,
        "develops": 1,
        "sues": 1,
        "acquires": 1,
    }
    assert (s["components"], s["largest_component"]) == (1, 4)
    assert s["density"] == pytest.approx(4 / 6, abs=1e-4)


def test_network_metrics_summary_of_empty_network():
    s = network_summary(nx.MultiDiGraph(kind="entity"))

    assert (s["nodes"], s["edges"], s["components"], s["density"]) == (0, 0, 0, 0.0)


def test_network_metrics_simple_graph_merges_parallel_edges(small_data):
    g = entity_network(small_data)
    und = simple_graph(g)
    directed = simple_graph(g, directed=True)

    assert und[ACME][GLOBEX]["weight"] == 2 + 1  # partnerOf (2 articles) + sues (1)
    assert directed[ACME][GLOBEX]["weight"] == 3
    assert directed[GLOBEX][ACME]["weight"] == 2  # the symmetric partnerOf points back too


def test_network_metrics_centrality_ranks_and_scores(small_data):
    rows = centrality(entity_network(small_data), by="degree", top=2)

    assert [r["label"] for r in rows] == ["Acme Corp", "Globex"]
    assert set(rows[0]) == {
        "id",
        "label",
        "type",
        "neighbours",
        "degree",
        "betweenness",
        "pagerank",
    }
    assert rows[0]["neighbours"] == 3
    assert rows[0]["degree"] == 1.0


def test_network_metrics_centrality_all_and_unknown_measure(small_data):
    g = entity_network(small_data)

    assert len(centrality(g, top=0)) == 4
    assert centrality(nx.MultiDiGraph()) == []
    with pytest.raises(KGError, match="unknown measure 'fame'"):
        centrality(g, by="fame")


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_network_metrics_communities_finds_the_two_cliques(method):
    found = communities(two_cliques(), method=method)

    groups = [{m["id"] for m in c["members"]} for c in found["communities"]]
    assert sorted(map(sorted, groups)) == [["a", "b", "c"], ["x", "y", "z"]]
    assert found["modularity"] > 0.3
    assert [c["community"] for c in found["communities"]] == [1, 2]


def test_network_metrics_communities_is_deterministic(small_data):
    g = entity_network(small_data)

    assert communities(g) == communities(g)
    with pytest.raises(KGError, match="unknown method"):
        communities(g, method="kmeans")


def test_network_metrics_top_nodes_keeps_the_most_central():
    g = two_cliques()
    g.add_edge("c", "q", weight=1)
    g.nodes["q"].update(label="Q", type="Place")
    top = top_nodes(g, 2)

    assert set(top) == {"c", "x"}  # the bridge's two ends
    assert (top.graph["shown"], top.graph["total"]) == (2, 7)
    assert all("centrality" in d for _, d in top.nodes(data=True))
    assert len(top_nodes(g, 0)) == 7
