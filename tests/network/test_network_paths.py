"""Paths and neighbourhoods: shortest chains of claims, ego networks, names resolved."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.network import Filters, ego_network, entity_network, resolve_node, shortest_paths

E = "https://w3id.org/nkg/entity/"
ALICE, ACME, GLOBEX, WIDGET = (E + k for k in ("alice", "acme", "globex", "widget"))


def test_network_paths_shortest_chain_with_evidence(small_data):
    g = entity_network(small_data)
    paths = shortest_paths(g, ALICE, GLOBEX)

    assert [[n["label"] for n in p["nodes"]] for p in paths] == [
        ["Alice Smith", "Acme Corp", "Globex"]
    ]
    first, second = paths[0]["hops"]
    assert [e["predicate"] for e in first["edges"]] == ["founderOf"]
    assert first["edges"][0]["evidence"][0] == {
        "article": "a1",
        "title": "Alice starts Acme",
        "source": "Wire A",
        "date": "2025-01-10",
        "sentence": "Alice founded Acme.",
    }
    # every edge between the hop's two ends, strongest first, as the claims state them
    assert [(e["subject_label"], e["predicate"], e["object_label"]) for e in second["edges"]] == [
        ("Acme Corp", "partnerOf", "Globex"),
        ("Acme Corp", "sues", "Globex"),
    ]
    assert second["edges"][0]["directed"] is False


def test_network_paths_several_shortest_paths_and_limit(small_data):
    g = entity_network(small_data)

    both = shortest_paths(g, ALICE, WIDGET)
    assert [[n["label"] for n in p["nodes"]] for p in both] == [
        ["Alice Smith", "Acme Corp", "Widget"]
    ]
    assert len(shortest_paths(g, ACME, WIDGET, limit=1)) == 1


def test_network_paths_not_linked(small_data):
    g = entity_network(small_data, Filters(predicates=("founderOf", "acquires")))

    assert shortest_paths(g, ALICE, WIDGET) == []
    with pytest.raises(KGError, match="two different"):
        shortest_paths(g, ALICE, ALICE)


def test_network_paths_resolve_by_label_alias_or_key(small_data):
    g = entity_network(small_data)

    assert resolve_node(g, small_data, "Acme") == ACME
    assert resolve_node(g, small_data, "alice smith") == ALICE
    assert resolve_node(g, small_data, "globex") == GLOBEX


def test_network_paths_resolve_errors_are_clear(small_data):
    g = entity_network(small_data)

    with pytest.raises(KGError, match="no entity named 'Globx'; did you mean Globex"):
        resolve_node(g, small_data, "Globx")
    with pytest.raises(KGError, match="Paris is in the store but not in this network"):
        resolve_node(g, small_data, "Paris")


def test_network_paths_ego_network_by_depth(small_data):
    g = entity_network(small_data)

    one = ego_network(g, ALICE, depth=1)
    two = ego_network(g, ALICE, depth=2)
    assert set(one) == {ALICE, ACME}
    assert set(two) == {ALICE, ACME, GLOBEX, WIDGET}
    assert dict(two.nodes(data="distance")) == {ALICE: 0, ACME: 1, GLOBEX: 2, WIDGET: 2}
    assert two.graph["center"] == ALICE
    with pytest.raises(KGError, match="--depth"):
        ego_network(g, ALICE, depth=0)
