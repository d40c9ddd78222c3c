"""Writes: refused unless enabled, and then only with the token; injections change nothing.

The writable endpoint is shared by this module's tests: each writes under its own IRI.
"""

from __future__ import annotations

import json

import pytest

from kg.graph import open_store

pytestmark = pytest.mark.network

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
UPDATE = "application/sparql-update"
FORM = "application/x-www-form-urlencoded"


def insert(name: str) -> str:
    return f'INSERT DATA {{ GRAPH <urn:kg:test> {{ <urn:kg:{name}> rdfs:label "written" }} }}'


def written(endpoint, name: str) -> bool:
    answer = endpoint.query(f'ASK {{ <urn:kg:{name}> rdfs:label "written" }}')
    assert answer.status == 200, answer.text
    return json.loads(answer.body)["boolean"]


def count(endpoint) -> int:
    answer = endpoint.query(COUNT)
    assert answer.status == 200, answer.text
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


def test_server_read_only_refuses_updates(endpoint, token):
    before = count(endpoint)

    routes = [
        endpoint.post("/update", "DROP ALL", UPDATE),
        endpoint.post("/update", "DROP ALL", UPDATE, authorization=f"Bearer {token}"),
        endpoint.post("/sparql", "DROP ALL", UPDATE),
        endpoint.post("/sparql", {"update": "DROP ALL"}, FORM),
        endpoint.get("/sparql", {"update": "DROP ALL"}),
        endpoint.request(
            "PUT",
            "/store",
            params={"graph": "urn:x"},
            body="",
            headers={"Content-Type": "text/turtle"},
        ),
        endpoint.request("DELETE", "/store", params={"default": ""}),
    ]

    assert [a.status for a in routes] == [404, 404, 403, 403, 405, 404, 404]
    assert count(endpoint) == before


def test_server_read_only_query_cannot_write(endpoint):
    before = count(endpoint)

    answer = endpoint.query("DROP ALL")

    assert answer.status == 400  # an update is not a query
    assert count(endpoint) == before


def test_server_update_needs_token(writable):
    before = count(writable)
    sparql = insert("no-token")

    none = writable.post("/update", sparql, UPDATE)
    other_scheme = writable.post("/update", sparql, UPDATE, authorization="Basic dXNlcjpwdw==")
    wrong = writable.post("/update", sparql, UPDATE, authorization="Bearer not-the-token")
    form = writable.post("/sparql", {"update": sparql}, FORM, authorization="Bearer nope")

    assert [none.status, other_scheme.status, wrong.status, form.status] == [401, 401, 403, 403]
    assert none.headers["www-authenticate"].startswith("Bearer")
    assert count(writable) == before
    assert not written(writable, "no-token")


def test_server_update_with_token_is_visible(writable, token):
    answer = writable.post("/update", insert("update"), UPDATE, authorization=f"Bearer {token}")

    assert answer.status == 204, answer.text
    assert written(writable, "update")


def test_server_update_through_sparql_form_with_token(writable, token):
    answer = writable.post(
        "/sparql", {"update": insert("form")}, FORM, authorization=f"Bearer {token}"
    )

    assert answer.status == 204, answer.text
    assert written(writable, "form")


def test_server_malformed_update_is_400_and_changes_nothing(writable, token):
    before = count(writable)

    answer = writable.post(
        "/update", "INSERT DATA { <urn:a> <urn:b> ", UPDATE, authorization=f"Bearer {token}"
    )

    assert answer.status == 400
    assert answer.text.startswith("malformed SPARQL Update")
    assert count(writable) == before


def test_server_service_description_lists_update(writable):
    from rdflib import Graph, Namespace

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    g = Graph().parse(data=writable.get("/sparql").body, format="turtle")

    assert sd.SPARQL11Update in set(g.objects(None, sd.supportedLanguage))
    assert writable.url + "/update" in {str(e) for e in g.objects(None, sd.endpoint)}


def test_server_graph_store_protocol(writable, token):
    auth = {"Authorization": f"Bearer {token}"}
    graph = {"graph": "urn:kg:uploaded"}
    nt = {"Accept": "application/n-triples", **auth}

    anonymous = writable.request(
        "PUT",
        "/store",
        params=graph,
        body="<urn:s> <urn:p> 1 .",
        headers={"Content-Type": "text/turtle"},
    )
    reading = writable.request("GET", "/store", params=graph)
    created = writable.request(
        "PUT",
        "/store",
        params=graph,
        body="<urn:s> <urn:p> 1 .",
        headers={"Content-Type": "text/turtle", **auth},
    )
    added = writable.request(
        "POST",
        "/store",
        params=graph,
        body='<urn:s> <urn:p> "2" .\n',
        headers={"Content-Type": "application/n-triples", **auth},
    )
    got = writable.request("GET", "/store", params=graph, headers=nt)
    replaced = writable.request(
        "PUT",
        "/store",
        params=graph,
        body="<urn:s> <urn:p> 3 .",
        headers={"Content-Type": "text/turtle", **auth},
    )
    after_put = writable.request("GET", "/store", params=graph, headers=nt)
    deleted = writable.request("DELETE", "/store", params=graph, headers=auth)
    gone = writable.request("GET", "/store", params=graph, headers=auth)

    assert (anonymous.status, reading.status) == (401, 401)
    assert (created.status, added.status, replaced.status, deleted.status) == (201, 204, 204, 204)
    assert len(got.text.strip().splitlines()) == 2
    assert after_put.text.strip().splitlines() == [
        '<urn:s> <urn:p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .'
    ]
    assert gone.status == 404


def test_server_graph_store_rejects_bad_rdf(writable, token):
    auth = {"Authorization": f"Bearer {token}"}

    answer = writable.request(
        "PUT",
        "/store",
        params={"graph": "urn:kg:bad"},
        body="<urn:s> <urn:p> ",
        headers={"Content-Type": "text/turtle", **auth},
    )

    assert answer.status == 400
    assert (
        writable.request("GET", "/store", params={"graph": "urn:kg:bad"}, headers=auth).status
        == 404
    )


def test_server_update_while_another_process_writes_is_503(writable, token):
    with open_store(writable.store):  # this test process holds the store, as kg add would
        answer = writable.post("/update", insert("locked"), UPDATE, authorization=f"Bearer {token}")

    assert answer.status == 503
    assert "another kg process" in answer.text
    assert not written(writable, "locked")


INJECTIONS = [
    "} ; DROP ALL {",
    'x" } ; DROP ALL ; INSERT DATA { <urn:kg:injected> rdfs:label "written" } ; { "',
    "Daily Ledger' } UNION { ?s ?p ?o } #",
    'Orion Dynamics\\" } ; CLEAR ALL ; #',
]


def test_server_saved_question_injection_changes_nothing(writable):
    before = count(writable)

    for value in INJECTIONS:
        entity = writable.get("/saved/partners", {"entity": value})
        literal = writable.get("/saved/said-by", {"source": value}, accept="text/csv")

        assert entity.status == 400 and "no entity named" in entity.text, value
        assert literal.status == 200 and literal.text.splitlines()[1:] == [], value
    assert count(writable) == before
    assert not written(writable, "injected")
