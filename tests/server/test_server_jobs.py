"""kg.server.jobs: answering parsed requests on a store, in this process (no socket)."""

from __future__ import annotations

import json
import shutil

import pytest

from kg.graph import open_store
from kg.server.jobs import ReaderSession, run_write
from kg.server.writes import apply_update

IDS = "SELECT ?id WHERE { ?a nkg:articleId ?id } ORDER BY ?id"


@pytest.fixture()
def session(newsroom_store):
    s = ReaderSession(newsroom_store, max_rows=3)
    yield s
    s.close()


def _ids(reply) -> list[str]:
    return [b["id"]["value"] for b in json.loads(reply.body)["results"]["bindings"]]


def test_server_jobs_query(session):
    reply = session.handle({"op": "query", "sparql": IDS, "accept": None})

    assert reply.status == 200
    assert reply.content_type == "application/sparql-results+json"
    assert len(_ids(reply)) == 3
    assert dict(reply.headers) == {"X-KG-Truncated": "max-rows=3"}


def test_server_jobs_errors_are_replies(session):
    malformed = session.handle({"op": "query", "sparql": "SELECT", "accept": None})
    empty = session.handle({"op": "query", "sparql": "  ", "accept": None})
    bad_graph = session.handle({"op": "query", "sparql": IDS, "default_graphs": ["not an iri"]})
    unknown = session.handle({"op": "saved", "name": "nope", "params": {}})

    assert [r.status for r in (malformed, empty, bad_graph, unknown)] == [400, 400, 400, 400]
    assert malformed.body.startswith(b"malformed SPARQL")


def test_server_jobs_saved(session):
    reply = session.handle(
        {
            "op": "saved",
            "name": "executives",
            "params": {"entity": "Orion Dynamics"},
            "accept": "text/csv",
        }
    )

    assert reply.body.decode().splitlines() == ["person,articles", "Ada Park,2"]


def test_server_jobs_reader_sees_later_writes(newsroom_store, tmp_path):
    store = shutil.copytree(newsroom_store, tmp_path / "store")
    session = ReaderSession(store)
    before = _ids(session.handle({"op": "query", "sparql": IDS}))

    with open_store(store) as writer:
        apply_update(writer, 'INSERT DATA { GRAPH <urn:g> { <urn:a> nkg:articleId "zz-new" } }')
    after = _ids(session.handle({"op": "query", "sparql": IDS}))
    session.close()

    assert after == [*before, "zz-new"]


def test_server_jobs_write_refused_while_store_is_held(newsroom_store, tmp_path):
    store = shutil.copytree(newsroom_store, tmp_path / "store")

    with open_store(store):
        reply = run_write(store, {"op": "update", "sparql": "DROP ALL"})

    assert reply.status == 503
    with open_store(store, read_only=True) as s:
        assert len(s) > 0
