"""``kg query``: SPARQL on the union graph, in every output format."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.vocab import NKG

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

TITLES = "SELECT ?id ?title WHERE { ?a nkg:articleId ?id ; schema:headline ?title } ORDER BY ?id"
EVERYTHING = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
PARTNERS = "SELECT ?a ?b WHERE { ?a nkg:partnerOf ?b }"
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture()
def query(kg, corpus_store):
    """``kg --store CORPUS query ARGS...``, which must succeed; its standard output."""

    def run(*args) -> str:
        res = kg("--store", corpus_store, "query", *args)
        assert res.code == 0, res.err
        assert "Traceback" not in res.err
        return res.out

    return run


def test_cli_query_select_csv(query, corpus_ids):
    rows = list(csv.DictReader(io.StringIO(query(TITLES, "--format", "csv"))))

    assert [r["id"] for r in rows] == corpus_ids
    assert all(r["title"] for r in rows)


def test_cli_query_select_tsv(query, corpus_ids):
    lines = query(TITLES, "--format", "tsv").splitlines()

    assert lines[0].split("\t") == ["?id", "?title"]
    assert [line.split("\t")[0].strip('"') for line in lines[1:]] == corpus_ids


def test_cli_query_select_json(query, corpus_ids):
    doc = json.loads(query(TITLES, "--format", "json"))

    assert doc["head"]["vars"] == ["id", "title"]
    assert [b["id"]["value"] for b in doc["results"]["bindings"]] == corpus_ids
    assert all(b["title"]["type"] == "literal" for b in doc["results"]["bindings"])


def test_cli_query_select_xml(query, corpus_ids):
    root = ET.fromstring(query(TITLES, "--format", "xml"))

    names = [v.get("name") for v in root.iter(f"{SPARQL_RESULTS}variable")]
    assert names == ["id", "title"]
    ids = [
        b.findtext(f"{SPARQL_RESULTS}literal")
        for b in root.iter(f"{SPARQL_RESULTS}binding")
        if b.get("name") == "id"
    ]
    assert ids == corpus_ids


def test_cli_query_select_table(query):
    out = query(TITLES)

    assert "12 rows" in out


@pytest.mark.parametrize(
    ("sparql", "answer"),
    [
        ("ASK { ?a a nkg:Article }", True),
        ("ASK { ?a a nkg:Article ; nkg:articleId 'no-such-article' }", False),
    ],
)
def test_cli_query_ask(query, sparql, answer):
    assert query(sparql).strip() == ("yes" if answer else "no")
    assert json.loads(query(sparql, "--format", "json"))["boolean"] is answer
    assert query(sparql, "--format", "csv").strip().lower() == str(answer).lower()


RDF_SYNTAXES = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture()
def construct_variants(query) -> dict[str, Graph]:
    """The whole union graph, exported with CONSTRUCT in each RDF syntax and parsed back."""
    return {
        fmt: Graph().parse(data=query(EVERYTHING, "--format", fmt), format=syntax)
        for fmt, syntax in RDF_SYNTAXES.items()
    }


@pytest.mark.parametrize(
    ("left", "right"), [("turtle", "nt"), ("turtle", "jsonld"), ("nt", "jsonld")]
)
def test_cli_query_construct_variants_isomorphic(construct_variants, left, right):
    assert len(construct_variants[left]) > 1000
    assert len(construct_variants[left]) == len(construct_variants[right])
    assert isomorphic(construct_variants[left], construct_variants[right])


def test_cli_query_construct_keeps_plain_strings(construct_variants):
    polarities = set(construct_variants["nt"].objects(None, NKG.polarity))

    assert Literal("asserted") in polarities
    assert polarities <= {Literal("asserted"), Literal("negated"), Literal("hedged")}


def test_cli_query_construct_default_is_turtle(query):
    sparql = "CONSTRUCT { ?a a nkg:Article } WHERE { ?a a nkg:Article }"

    graph = Graph().parse(data=query(sparql), format="turtle")

    assert len(graph) == 12


def test_cli_query_file(query, tmp_path):
    rq = tmp_path / "titles.rq"
    rq.write_text(TITLES + "\n", "utf-8")

    assert query("-f", rq, "--format", "csv") == query(TITLES, "--format", "csv")


def test_cli_query_plain_partner_triple(query):
    rows = list(csv.DictReader(io.StringIO(query(PARTNERS, "--format", "csv"))))

    assert rows
    entity = "https://w3id.org/nkg/entity/"
    assert all(r["a"].startswith(entity) and r["b"].startswith(entity) for r in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "--format", "turtle"), "CONSTRUCT"),
        ((EVERYTHING, "--format", "csv"), "SELECT"),
        (("-f", "{tmp}/missing.rq"), "missing.rq"),
        (("   ",), "empty query"),
    ],
    ids=["select-as-turtle", "construct-as-csv", "missing-file", "blank"],
)
def test_cli_query_errors(kg, corpus_store, tmp_path, args, message):
    args = [str(a).replace("{tmp}", str(tmp_path)) for a in args]

    res = kg("--store", corpus_store, "query", *args)

    assert res.code != 0
    assert "Traceback" not in res.err
    assert len(res.error_lines) == 1 and message in res.error_lines[0]


@pytest.mark.parametrize("args", [(), ("ASK {}", "-f", "{tmp}/q.rq")], ids=["none", "both"])
def test_cli_query_usage_errors(kg, corpus_store, tmp_path, args):
    (tmp_path / "q.rq").write_text("ASK {}")
    args = [str(a).replace("{tmp}", str(tmp_path)) for a in args]

    res = kg("--store", corpus_store, "query", *args)

    assert res.code != 0
    assert "Traceback" not in res.err
    assert "Error" in res.err


def test_cli_query_missing_store_not_created(kg, tmp_path):
    store = tmp_path / "nostore"

    res = kg("--store", store, "query", "ASK {}")

    assert res.code != 0
    assert len(res.error_lines) == 1 and "no store here" in res.err
    assert not store.exists()


def test_cli_query_misspelt_term_warns(kg, corpus_store):
    res = kg("--store", corpus_store, "query", "SELECT ?a WHERE { ?a nkg:partnerof ?b }")

    assert res.code == 0
    assert res.error_lines == [
        "kg: warning: nkg:partnerof is not a term of the vocabulary; did you mean nkg:partnerOf?"
    ]


def test_cli_query_unknown_prefix_is_one_line(kg, corpus_store):
    res = kg("--store", corpus_store, "query", "SELECT ?a WHERE { ?a foo:partnerOf ?b }")

    assert res.code != 0
    assert len(res.error_lines) == 1
    assert res.error_lines[0].startswith("kg: error: unknown prefix foo: (in foo:partnerOf)")
    assert "Traceback" not in res.err
