"""kg.query.sparql: running SPARQL on a store and writing the answer (no model)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.errors import QueryError
from kg.graph import open_store
from kg.query import QUERY_FORMATS, run_query

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

ORGS = "SELECT ?e ?label WHERE { ?e a nkg:Organization ; rdfs:label ?label } ORDER BY ?label"
EVERYTHING = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
RDF_SYNTAXES = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture()
def run(sample_store):
    def _run(sparql: str, **kwargs):
        with open_store(sample_store, create=False) as store:
            return run_query(store, sparql, **kwargs)

    return _run


def test_query_formats_registered():
    assert set(QUERY_FORMATS) == {"table", "csv", "tsv", "json", "xml", "turtle", "nt", "jsonld"}


def test_query_select_rows(run):
    result = run(ORGS)

    assert result.kind == "select"
    assert result.variables == ["e", "label"]
    assert [row[1].value for row in result.rows] == ["Acme Corp.", "Widget Inc."]


def test_query_select_bindings(run):
    result = run(
        "SELECT ?e ?label WHERE { ?e skos:prefLabel ?label }", bindings={"label": "Jane Doe"}
    )

    assert [row[0].value for row in result.rows] == ["https://w3id.org/nkg/entity/jane-doe"]


@pytest.mark.parametrize(
    ("sparql", "answer"),
    [
        ("ASK { ?e a nkg:Person }", True),
        ("ASK { ?e a nkg:Place }", False),
    ],
)
def test_query_ask(run, sparql, answer):
    result = run(sparql)

    assert result.kind == "ask"
    assert result.boolean is answer
    assert json.loads(result.serialize("json"))["boolean"] is answer


def test_query_select_serializations(run):
    result = run(ORGS)

    rows = list(csv.DictReader(io.StringIO(result.serialize("csv"))))
    assert [r["label"] for r in rows] == ["Acme Corp.", "Widget Inc."]
    assert result.serialize("tsv").splitlines()[0].split("\t") == ["?e", "?label"]
    doc = json.loads(result.serialize("json"))
    assert [b["label"]["value"] for b in doc["results"]["bindings"]] == [
        "Acme Corp.",
        "Widget Inc.",
    ]
    root = ET.fromstring(result.serialize("xml"))
    assert root.tag == "{http://www.w3.org/2005/sparql-results#}sparql"


def test_query_typed_literal_in_json(run):
    result = run("SELECT ?d WHERE { ?c nkg:eventDate ?d } ORDER BY ?d")

    bindings = json.loads(result.serialize("json"))["results"]["bindings"]
    assert [(b["d"]["value"], b["d"]["datatype"].split("#")[1]) for b in bindings] == [
        ("2015", "gYear"),
        ("2026-11-24", "date"),
    ]


@pytest.mark.parametrize("fmt", list(RDF_SYNTAXES))
def test_query_construct_parses_back(run, fmt):
    result = run(EVERYTHING)

    graph = Graph().parse(data=result.serialize(fmt), format=RDF_SYNTAXES[fmt])

    assert result.kind == "graph"
    assert len(graph) == len(result.triples) > 0


def test_query_construct_nt_jsonld_isomorphic(run):
    result = run(EVERYTHING)

    nt = Graph().parse(data=result.serialize("nt"), format="nt")
    jsonld = Graph().parse(data=result.serialize("jsonld"), format="json-ld")

    assert isomorphic(nt, jsonld)


def test_query_construct_turtle_isomorphic(run):
    result = run(EVERYTHING)

    turtle = Graph().parse(data=result.serialize("turtle"), format="turtle")
    nt = Graph().parse(data=result.serialize("nt"), format="nt")

    assert isomorphic(turtle, nt)


def test_query_construct_keeps_simple_literals(run):
    result = run("CONSTRUCT { ?c nkg:polarity ?p } WHERE { ?c nkg:polarity ?p }")

    graph = Graph().parse(data=result.serialize("nt"), format="nt")

    assert set(graph.objects()) == {Literal("asserted"), Literal("hedged")}


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("", "empty query"),
        ("  \n ", "empty query"),
        ("SELECT WHERE {", "malformed SPARQL"),
        ("SELECT ?x WHERE { ?x nope:thing ?y }", "unknown prefix nope:"),
    ],
)
def test_query_errors(run, sparql, message):
    with pytest.raises(QueryError, match=message):
        run(sparql)


@pytest.mark.parametrize(
    ("sparql", "fmt"),
    [
        (ORGS, "turtle"),
        ("ASK { ?s ?p ?o }", "nt"),
        (EVERYTHING, "csv"),
        (EVERYTHING, "json"),
    ],
)
def test_query_format_for_other_kind(run, sparql, fmt):
    with pytest.raises(QueryError, match="format"):
        run(sparql).serialize(fmt)
