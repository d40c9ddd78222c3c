"""kg.server.protocol and kg.server.description: pure functions, no socket."""

from __future__ import annotations

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from kg.server.description import service_description
from kg.server.protocol import has_dataset_clause, negotiate, parse_accept

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.mark.parametrize(
    ("kind", "accept", "fmt", "expected"),
    [
        ("results", None, None, "json"),
        ("results", "*/*", None, "json"),
        ("results", "application/sparql-results+json", None, "json"),
        ("results", "application/sparql-results+xml", None, "xml"),
        ("results", "text/csv", None, "csv"),
        ("results", "text/tab-separated-values", None, "tsv"),
        ("results", "text/*", None, "csv"),
        ("results", "text/csv;q=0.1, application/sparql-results+xml;q=0.9", None, "xml"),
        ("results", "text/csv;q=0, application/sparql-results+xml;q=0.5", None, "xml"),
        ("results", "image/png", None, "json"),
        ("results", "text/csv", "json", "json"),
        ("results", None, "tsv", "tsv"),
        ("graph", None, None, "turtle"),
        ("graph", "text/turtle", None, "turtle"),
        ("graph", "application/n-triples", None, "nt"),
        ("graph", "application/ld+json", None, "jsonld"),
        ("graph", "application/trig", None, "trig"),
        ("graph", "application/rdf+xml", None, "xml"),
        ("graph", "application/sparql-results+json", None, "turtle"),
        ("graph", None, "xml", "xml"),
        ("graph", None, "json", "jsonld"),
    ],
)
def test_server_negotiate(kind, accept, fmt, expected):
    assert negotiate(kind, accept, fmt)[0] == expected


def test_server_parse_accept_orders_by_quality_then_specificity():
    ranges = parse_accept("*/*;q=0.5, text/*;q=0.5, text/csv;q=0.5, application/json")

    assert [m for m, _ in ranges] == ["application/json", "text/csv", "text/*", "*/*"]


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", (False, False)),
        ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", (True, False)),
        ("select * from graph:x where { ?s ?p ?o }", (True, False)),
        ("SELECT * FROM NAMED <urn:g> WHERE { GRAPH ?g { ?s ?p ?o } }", (False, True)),
        ('SELECT * WHERE { ?s ?p "taken FROM <urn:g>" }', (False, False)),
        ("SELECT * WHERE { ?s ?p ?o } # FROM <urn:g>", (False, False)),
        ("SELECT ?from WHERE { ?from ?p ?o }", (False, False)),
        ("SELECT * WHERE { ?s <urn:from> ?o }", (False, False)),
    ],
)
def test_server_has_dataset_clause(sparql, expected):
    assert has_dataset_clause(sparql) == expected


def test_server_service_description_round_trips_through_turtle():
    import pyoxigraph as ox

    triples = service_description(
        "http://127.0.0.1:7878/sparql", update_endpoint="http://127.0.0.1:7878/update"
    )
    g = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.TURTLE), format="turtle")

    services = set(g.subjects(RDF.type, SD.Service))
    assert len(services) == 2
    assert {str(e) for e in g.objects(None, SD.endpoint)} == {
        "http://127.0.0.1:7878/sparql",
        "http://127.0.0.1:7878/update",
    }
