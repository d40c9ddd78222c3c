"""Writes through the endpoint keep the default graph a set and statements and conflicts
current; a write to the default graph itself is refused (real HTTP, real Oxigraph)."""

from __future__ import annotations

import json
import shutil

import pytest
from graph.invariants import assert_consistent  # tests/ is on sys.path

from kg.graph import open_store
from kg.graph.store import PENDING_FILE

pytestmark = pytest.mark.network

UPDATE = "application/sparql-update"
SALE = "https://w3id.org/nkg/graph/2026-02-14-vela-sues-orion"
AMOUNT_CONFLICTS = 'SELECT ?k WHERE { ?k a nkg:Conflict ; nkg:conflictKind "amount" }'
SUPPORT = (
    "SELECT ?n WHERE { ?s a nkg:Statement ; nkg:support ?n ; "
    'rdfs:label "Orion Dynamics acquires Nova Health" }'
)


def rows(endpoint, sparql: str) -> list[dict]:
    answer = endpoint.query(sparql)
    assert answer.status == 200, answer.text
    return [
        {k: v["value"] for k, v in b.items()}
        for b in json.loads(answer.body)["results"]["bindings"]
    ]


def consistent(endpoint) -> None:
    with open_store(endpoint.store, read_only=True) as store:
        assert_consistent(store)


def test_server_default_graph_is_a_set(endpoint):
    counts = rows(
        endpoint, "SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?distinct) WHERE { ?s ?p ?o }"
    )[0]
    labels = rows(endpoint, "SELECT ?l WHERE { entity:orion-dynamics rdfs:label ?l }")
    per_article = rows(
        endpoint, "SELECT ?g WHERE { GRAPH ?g { entity:orion-dynamics rdfs:label ?l } }"
    )

    assert counts["all"] == counts["distinct"]
    assert labels == [{"l": "Orion Dynamics"}]
    assert len(per_article) == 3  # GRAPH ?g still sees each article


def test_server_update_of_an_article_graph_keeps_conflicts(writable, token):
    assert len(rows(writable, AMOUNT_CONFLICTS)) == 1

    answer = writable.post(
        "/update",
        f"DELETE {{ GRAPH <{SALE}> {{ ?c ?p ?o }} }} WHERE {{ GRAPH <{SALE}> "
        "{ ?c rdf:predicate nkg:acquires ; ?p ?o } } ;\n"
        f"DELETE DATA {{ GRAPH <{SALE}> {{ entity:orion-dynamics nkg:acquires "
        "entity:nova-health } }",
        UPDATE,
        authorization=f"Bearer {token}",
    )

    assert answer.status == 204, answer.text
    assert rows(writable, AMOUNT_CONFLICTS) == []
    assert rows(writable, SUPPORT) == [{"n": "1"}]
    consistent(writable)
    assert not (writable.store / PENDING_FILE).exists()


def test_server_update_with_a_graph_variable(writable, token):
    answer = writable.post(
        "/update",
        "DELETE { GRAPH ?g { ?c nkg:polarity ?x } } WHERE { "
        "GRAPH ?g { ?c rdf:predicate nkg:sues ; "
        "nkg:polarity ?x } }",
        UPDATE,
        authorization=f"Bearer {token}",
    )

    assert answer.status == 204, answer.text
    assert (
        rows(
            writable,
            'SELECT ?s WHERE { ?s a nkg:Statement ; rdfs:label ?l FILTER(CONTAINS(?l, "sues")) }',
        )
        == []
    )
    consistent(writable)


def test_server_default_graph_writes_are_refused(writable, token):
    auth = f"Bearer {token}"
    before = rows(writable, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")

    insert = writable.post(
        "/update", 'INSERT DATA { <urn:kg:x> rdfs:label "x" }', UPDATE, authorization=auth
    )
    clear = writable.post("/update", "CLEAR DEFAULT", UPDATE, authorization=auth)
    put = writable.request(
        "PUT",
        "/store",
        params={"default": ""},
        body="<urn:kg:x> <urn:kg:p> 1 .",
        headers={"Content-Type": "text/turtle", "Authorization": auth},
    )

    assert (insert.status, clear.status, put.status) == (400, 400, 405)
    assert "named graph" in insert.text and len(insert.text.splitlines()) == 1
    assert rows(writable, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before


def test_server_graph_store_writes_an_article(writable, token, newsroom_store):
    """A copy of the first article, under another id and as another text, PUT and DELETEd."""
    auth = {"Authorization": f"Bearer {token}"}
    first = "2026-01-10-orion-vela-partnership"
    with open_store(newsroom_store, read_only=True) as store:
        body = "\n".join(
            f"{q.subject} {q.predicate} {q.object} ."
            for q in store.quads(f"https://w3id.org/nkg/graph/{first}")
            if not q.predicate.value.endswith("textHash")
        )
    body = body.replace(f"/{first}", "/copy").replace(f'"{first}"', '"copy"')
    copy = "https://w3id.org/nkg/graph/copy"
    partners = (
        "SELECT ?n WHERE { ?s a nkg:Statement ; nkg:support ?n ; "
        'rdfs:label "Orion Dynamics partnerOf Vela Systems" }'
    )
    before = rows(writable, partners)

    put = writable.request(
        "PUT",
        "/store",
        params={"graph": copy},
        body=body,
        headers={"Content-Type": "application/n-triples", **auth},
    )
    after_put = rows(writable, partners)
    consistent(writable)
    deleted = writable.request("DELETE", "/store", params={"graph": copy}, headers=auth)

    assert (put.status, deleted.status) == (201, 204)
    assert [int(r["n"]) for r in after_put] == [int(r["n"]) + 1 for r in before]
    assert rows(writable, partners) == before
    consistent(writable)


def test_server_update_interrupted_before_the_derived_graph(newsroom_store, tmp_path, monkeypatch):
    """A crash between the update and its statements: the next writer mends them."""
    import kg.server.writes
    from kg.server.writes import apply_update

    store_path = shutil.copytree(newsroom_store, tmp_path / "store")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.server.writes, "derived_update", crash)
    with open_store(store_path) as store, pytest.raises(KeyboardInterrupt):
        apply_update(store, f"DROP GRAPH <{SALE}>")
    assert (store_path / PENDING_FILE).exists()
    with open_store(store_path, read_only=True) as store:
        with pytest.raises(AssertionError, match="derived graph"):
            assert_consistent(store)  # what the crash left

    with open_store(store_path):
        pass
    with open_store(store_path, read_only=True) as store:
        assert_consistent(store)
    assert not (store_path / PENDING_FILE).exists()
