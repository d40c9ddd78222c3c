"""Projections: the entity, co-mention and bipartite networks of a hand-made claims graph."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import KGError
from kg.network import Filters, bipartite_network, build_network, comention_network, entity_network

E = "https://w3id.org/nkg/entity/"
ALICE, ACME, GLOBEX, WIDGET, PARIS = (E + k for k in ("alice", "acme", "globex", "widget", "paris"))


def edges(g) -> dict:
    """(subject label, predicate, object label) -> edge attributes."""
    return {
        (g.nodes[u]["label"], k, g.nodes[v]["label"]): d
        for u, v, k, d in g.edges(keys=True, data=True)
    }


def test_network_projections_entity_one_edge_per_predicate(small_data):
    g = entity_network(small_data)

    assert isinstance(g, nx.MultiDiGraph)
    assert set(edges(g)) == {
        ("Alice Smith", "founderOf", "Acme Corp"),
        ("Acme Corp", "partnerOf", "Globex"),
        ("Acme Corp", "develops", "Widget"),
        ("Acme Corp", "sues", "Globex"),
        ("Globex", "acquires", "Widget"),
    }


def test_network_projections_entity_weight_dates_and_provenance(small_data):
    founder = edges(entity_network(small_data))[("Alice Smith", "founderOf", "Acme Corp")]

    assert founder["weight"] == 2
    assert (founder["first"], founder["last"]) == ("2025-01-10", "2025-06-01")
    assert founder["articles"] == ["a1", "a2"]
    assert founder["sources"] == ["Wire A", "Wire B"]
    assert founder["titles"] == ["Alice starts Acme", "Acme and Globex team up"]
    assert founder["claims"] == ["c1", "c2"]
    assert [e["sentence"] for e in founder["evidence"]] == [
        "Alice founded Acme.",
        "Alice, who founded Acme, spoke.",
    ]
    assert founder["directed"] is True


def test_network_projections_entity_symmetric_predicates_stored_once(small_data):
    g = entity_network(small_data)
    partner = [(u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k == "partnerOf"]

    assert len(partner) == 1
    u, v, d = partner[0]
    assert (u, v) == (ACME, GLOBEX)  # from the IRI that sorts first
    assert d["directed"] is False
    assert d["weight"] == 2  # "Acme partnerOf Globex" (a2) and "Globex partnerOf Acme" (a3)


def test_network_projections_entity_claim_date_when_article_has_none(small_data):
    acquires = edges(entity_network(small_data))[("Globex", "acquires", "Widget")]

    assert (acquires["first"], acquires["last"]) == ("2024", "2024")


def test_network_projections_entity_no_self_loops_or_claimless_nodes(small_data):
    g = entity_network(small_data)

    assert nx.number_of_selfloops(g) == 0
    assert PARIS not in g  # mentioned, but in no claim
    assert dict(g.nodes[ALICE]) == {
        "label": "Alice Smith",
        "type": "Person",
        "kind": "entity",
        "aliases": ["Alice"],
        "mentions": 2,
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(predicates=("partnerOf",)), {("Acme Corp", "partnerOf", "Globex")}),
        (
            Filters(types=("Person", "Organization")),
            {
                ("Alice Smith", "founderOf", "Acme Corp"),
                ("Acme Corp", "partnerOf", "Globex"),
                ("Acme Corp", "sues", "Globex"),
            },
        ),
        (
            Filters(since="2026"),
            {
                ("Acme Corp", "partnerOf", "Globex"),
                ("Acme Corp", "develops", "Widget"),
                ("Acme Corp", "sues", "Globex"),
            },
        ),
        (Filters(until="2024"), {("Globex", "acquires", "Widget")}),
        (
            Filters(sources=("wire b",)),
            {("Alice Smith", "founderOf", "Acme Corp"), ("Acme Corp", "partnerOf", "Globex")},
        ),
        (
            Filters(min_support=2),
            {("Alice Smith", "founderOf", "Acme Corp"), ("Acme Corp", "partnerOf", "Globex")},
        ),
        (
            Filters(predicates=("sues", "develops"), sources=("Wire A",), min_support=1),
            {("Acme Corp", "develops", "Widget"), ("Acme Corp", "sues", "Globex")},
        ),
    ],
)
def test_network_projections_entity_filters(small_data, filters, expected):
    assert set(edges(entity_network(small_data, filters))) == expected


def test_network_projections_entity_date_filter_recounts_support(small_data):
    g = entity_network(small_data, Filters(since="2025-06"))
    founder = edges(g)[("Alice Smith", "founderOf", "Acme Corp")]

    assert founder["weight"] == 1
    assert founder["articles"] == ["a2"]


def test_network_projections_comention_weights_are_shared_articles(small_data):
    g = comention_network(small_data)

    assert isinstance(g, nx.Graph) and not g.is_directed()
    assert g[ALICE][ACME]["weight"] == 2
    assert g[ALICE][ACME]["articles"] == ["a1", "a2"]
    assert g[ACME][GLOBEX]["weight"] == 2
    assert g[PARIS][ALICE]["weight"] == 1
    assert g[ALICE][ACME]["predicate"] == "co-mention"
    assert [e["title"] for e in g[ALICE][ACME]["evidence"]] == [
        "Alice starts Acme",
        "Acme and Globex team up",
    ]
    assert not g.has_edge(ALICE, WIDGET)


def test_network_projections_comention_filters(small_data):
    strong = comention_network(small_data, Filters(min_support=2))
    suers = comention_network(small_data, Filters(predicates=("sues",)))
    wire_a = comention_network(small_data, Filters(sources=("Wire A",), types=("Organization",)))

    assert {frozenset(e) for e in strong.edges()} == {
        frozenset((ALICE, ACME)),
        frozenset((ACME, GLOBEX)),
        frozenset((GLOBEX, WIDGET)),
    }
    assert set(suers) == {ACME, GLOBEX}
    assert set(wire_a) == {ACME, GLOBEX}
    assert wire_a[ACME][GLOBEX]["articles"] == ["a3"]


def test_network_projections_bipartite_articles_and_entities(small_data):
    g = bipartite_network(small_data)
    articles = {n for n, b in g.nodes(data="bipartite") if b == 0}

    assert nx.is_bipartite(g)
    assert {g.nodes[a]["article"] for a in articles} == {"a1", "a2", "a3", "a4"}
    assert {n for n, b in g.nodes(data="bipartite") if b == 1} == {
        ALICE,
        ACME,
        GLOBEX,
        WIDGET,
        PARIS,
    }
    assert g.number_of_edges() == 2 + 3 + 3 + 2 + 1
    assert all(g.nodes[a]["type"] == "Article" for a in articles)


def test_network_projections_bipartite_min_support_is_per_entity(small_data):
    g = bipartite_network(small_data, Filters(min_support=3))

    assert {n for n, b in g.nodes(data="bipartite") if b == 1} == {ACME, GLOBEX}


def test_network_projections_build_network_by_name(small_data):
    assert build_network(small_data, "comention").graph["kind"] == "comention"
    with pytest.raises(KGError, match="unknown network 'people'"):
        build_network(small_data, "people")


def test_network_projections_filters_described_on_the_graph(small_data):
    g = entity_network(small_data, Filters(predicates=("sues",), since="2026"))

    assert g.graph["filters"] == "predicates sues; since 2026"
