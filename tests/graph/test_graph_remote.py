"""The store on a SPARQL endpoint: the same contract against Virtuoso as against the
embedded store. Needs Debian's virtuoso-opensource (.ci/run installs it)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from graph.invariants import assert_consistent  # tests/ is on sys.path

from kg.graph import open_store

pytestmark = [pytest.mark.service, pytest.mark.slow]

CORPUS = Path(__file__).parents[2] / "corpus"
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """A Virtuoso server of its own on loopback, its data in a temporary folder."""
    if not shutil.which("virtuoso-t") or not INI.exists():
        pytest.skip("virtuoso-opensource is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = _free_port(), _free_port()
    text = INI.read_text()
    text = text.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    text = text.replace("ServerPort               = 1111", f"ServerPort = 127.0.0.1:{sql}")
    text = text.replace("ServerPort                  = 8890", f"ServerPort = 127.0.0.1:{http}")
    (folder / "virtuoso.ini").write_text(text)
    server = subprocess.Popen(
        ["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        deadline = time.time() + 90
        while True:
            try:
                urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    pytest.fail("Virtuoso did not start")
                time.sleep(0.5)
        subprocess.run(
            ["isql-vt", f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _records(kg, store, command, *extra):
    res = kg("--store", store, command, "--format", "jsonl", *extra)
    assert res.code == 0, res.err
    return [json.loads(line) for line in res.out.splitlines()]


def _claims(kg, store):
    return sorted(
        (c["article"], c["subject"]["iri"], c["predicate"], c["object"]["iri"])
        for c in _records(kg, store, "claims")
    )


@pytest.fixture(scope="module")
def both(endpoint, tmp_path_factory):
    """The corpus in the remote store and in an embedded one."""
    from kg.cli import main

    local = tmp_path_factory.mktemp("local") / "store"
    for store in (endpoint, local):
        try:
            main(["--quiet", "--store", str(store), "add", str(CORPUS)])
        except SystemExit as exc:
            assert not exc.code
    return endpoint, local


def test_graph_remote_same_claims_and_entities(kg, both):
    remote, local = both
    assert _claims(kg, remote) == _claims(kg, local)
    assert _records(kg, remote, "entities") == _records(kg, local, "entities")
    assert len(_records(kg, remote, "articles")) == len(list(CORPUS.glob("*.md")))


def test_graph_remote_adding_again_changes_nothing(kg, both):
    remote, _ = both
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = kg("--store", remote, "query", count, "--format", "csv").out
    res = kg("--store", remote, "add", CORPUS)
    assert res.code == 0 and "12 unchanged" in res.err
    assert kg("--store", remote, "query", count, "--format", "csv").out == before


def test_graph_remote_query_formats(kg, both):
    remote, local = both
    select = "SELECT ?a ?b WHERE { ?a nkg:mergesWith ?b } ORDER BY ?a ?b"
    for fmt in ("csv", "tsv"):
        assert (
            kg("--store", remote, "query", select, "--format", fmt).out
            == kg("--store", local, "query", select, "--format", fmt).out
        )
    ask = kg("--store", remote, "query", "ASK { ?a nkg:sues ?b }", "--format", "json")
    assert json.loads(ask.out)["boolean"] is True
    construct = "CONSTRUCT { ?a nkg:sues ?b } WHERE { ?a nkg:sues ?b }"
    from rdflib import Graph
    from rdflib.compare import isomorphic

    graphs = [
        Graph().parse(data=kg("--store", s, "query", construct, "--format", "nt").out, format="nt")
        for s in (remote, local)
    ]
    assert isomorphic(*graphs)


def test_graph_remote_default_graph_is_a_set(kg, both):
    """Each triple once in the default graph, on Virtuoso as in the embedded store."""
    count = "SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?distinct) WHERE { ?s ?p ?o }"
    label = "SELECT ?l WHERE { entity:microsoft rdfs:label ?l }"
    for store in both:
        res = kg("--store", store, "query", count, "--format", "csv")
        total, distinct = res.out.splitlines()[1].split(",")
        assert total == distinct, store
        assert kg("--store", store, "query", label, "--format", "csv").out.split() == [
            "l",
            "Microsoft",
        ], store
    remote, local = both
    assert (
        kg("--store", remote, "query", count, "--format", "csv").out
        == kg("--store", local, "query", count, "--format", "csv").out
    )
    with open_store(remote) as store:
        assert_consistent(store)


def test_graph_remote_curation_keeps_statements(kg, both, tmp_path, monkeypatch):
    remote, _ = both
    monkeypatch.setenv("KG_CURATION", str(tmp_path / "curation.yaml"))
    statement = (
        "SELECT ?n WHERE { ?s a nkg:Statement ; nkg:support ?n ; rdfs:label ?l "
        'FILTER(STRSTARTS(?l, "Sam A. Altman ")) }'
    )

    res = kg("--store", remote, "entities", "rename", "Sam Altman", "Sam A. Altman")
    assert res.code == 0, res.err
    assert kg("--store", remote, "query", statement, "--format", "csv").out.split()[1:]
    with open_store(remote) as store:
        assert_consistent(store)

    assert kg("--store", remote, "entities", "undo").code == 0
    assert kg("--store", remote, "query", statement, "--format", "csv").out.split() == ["n"]
    with open_store(remote) as store:
        assert_consistent(store)


def test_graph_remote_malformed_query_is_one_line(kg, both):
    remote, _ = both
    res = kg("--store", remote, "query", "SELECT WHERE {")
    assert res.code != 0 and len(res.error_lines) == 1 and "Traceback" not in res.err


def test_graph_remote_remove_and_network(kg, both, tmp_path):
    remote, _ = both
    article = tmp_path / "extra.md"
    article.write_text("---\nid: remote-extra\n---\nQuillon Systems agreed to buy Tarn Labs.\n")
    assert kg("--store", remote, "add", article).code == 0
    assert any(c[0] == "remote-extra" for c in _claims(kg, remote))
    with open_store(remote) as store:
        assert_consistent(store)
    assert kg("--store", remote, "remove", "remote-extra").code == 0
    assert not any(c[0] == "remote-extra" for c in _claims(kg, remote))
    with open_store(remote) as store:
        assert_consistent(store)
    summary = kg("--store", remote, "network", "summary")
    assert summary.code == 0, summary.err


def test_graph_remote_unreachable_is_one_line(kg):
    res = kg("--store", f"http://127.0.0.1:{_free_port()}/sparql", "articles")
    assert res.code != 0 and "cannot reach" in res.err and "Traceback" not in res.err
