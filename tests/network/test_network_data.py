"""Reading the store: articles, entities and asserted claims, in a fixed number of queries."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.graph import article_quads, open_store
from kg.network import entity_network, read_network_data
from kg.query.listing import list_claims


def test_network_data_reads_only_asserted_claims(sample_store):
    with open_store(sample_store, read_only=True) as store:
        data = read_network_data(store)

    assert set(data.articles) == {"a1"}
    assert data.articles["a1"].published == "2026-11-24"
    assert data.articles["a1"].source == "Test Wire"
    assert [(c.predicate, c.date) for c in data.claims] == [("acquires", "2015")]  # not "sues"
    assert data.entities["https://w3id.org/nkg/entity/acme"].label == "Acme Corp."


def test_network_data_query_count_does_not_grow_with_the_store(
    tmp_path, sample_extraction, monkeypatch
):
    from dataclasses import replace

    from kg.graph.store import KGStore

    calls = []
    original = KGStore.select

    def counting(self, sparql, **kw):
        calls.append(sparql)
        return original(self, sparql, **kw)

    with open_store(tmp_path / "s") as store:
        for i in range(5):
            ex = replace(sample_extraction, article=replace(sample_extraction.article, id=f"a{i}"))
            store.put_article(f"a{i}", article_quads(ex))
        monkeypatch.setattr(KGStore, "select", counting)
        data = read_network_data(store)

    assert len(data.articles) == 5
    assert len(calls) == 2
    g = entity_network(data)
    edge = g.edges[
        "https://w3id.org/nkg/entity/acme", "https://w3id.org/nkg/entity/widget", "acquires"
    ]
    # five copies of one text: five articles, but one text supports the edge
    assert len(edge["articles"]) == 5 and edge["weight"] == 1


@pytest.mark.slow
def test_network_data_corpus_matches_the_claim_listing(corpus_store):
    with open_store(corpus_store, read_only=True) as store:
        data = read_network_data(store)
        claims = list_claims(store)

    assert len(data.articles) == 12
    assert Counter(c.predicate for c in data.claims) == Counter(c["predicate"] for c in claims)
    assert {c.iri for c in data.claims} == {c["iri"] for c in claims}
