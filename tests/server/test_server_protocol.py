"""The SPARQL 1.1 Protocol over HTTP: request shapes, formats, errors, limits, the page."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

pytestmark = [
    pytest.mark.network,
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

IDS = "SELECT ?id WHERE { ?a a nkg:Article ; nkg:articleId ?id } ORDER BY ?id"
ALL_IDS = [
    "2026-01-10-orion-vela-partnership",
    "2026-02-14-vela-sues-orion",
    "2026-03-01-lyra-invests-in-vela",
    "2026-04-20-nova-profile",
]
PEOPLE = "CONSTRUCT { ?p a nkg:Person ; rdfs:label ?l } WHERE { ?p a nkg:Person ; rdfs:label ?l }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"
FORM = "application/x-www-form-urlencoded"


def _ids(answer) -> list[str]:
    doc = json.loads(answer.body)
    return [b["id"]["value"] for b in doc["results"]["bindings"]]


def test_server_query_get(endpoint):
    answer = endpoint.query(IDS)

    assert answer.status == 200
    assert answer.media == "application/sparql-results+json"
    assert _ids(answer) == ALL_IDS


def test_server_query_post_form(endpoint):
    answer = endpoint.post(
        "/sparql", {"query": IDS}, FORM, accept="application/sparql-results+json"
    )

    assert answer.status == 200
    assert _ids(answer) == ALL_IDS


def test_server_query_post_direct(endpoint):
    answer = endpoint.post(
        "/sparql", IDS, "application/sparql-query", accept="application/sparql-results+json"
    )

    assert answer.status == 200
    assert _ids(answer) == ALL_IDS


def test_server_results_csv(endpoint):
    answer = endpoint.query(IDS, accept="text/csv")

    assert answer.media == "text/csv"
    assert [r["id"] for r in csv.DictReader(io.StringIO(answer.text))] == ALL_IDS


def test_server_results_tsv(endpoint):
    answer = endpoint.query(IDS, accept="text/tab-separated-values")

    assert answer.media == "text/tab-separated-values"
    lines = answer.text.splitlines()
    assert lines[0] == "?id"
    assert [line.strip('"') for line in lines[1:]] == ALL_IDS


def test_server_results_xml(endpoint):
    answer = endpoint.query(IDS, accept="application/sparql-results+xml")

    assert answer.media == "application/sparql-results+xml"
    root = ET.fromstring(answer.body)
    assert [e.text for e in root.iter(f"{SPARQL_RESULTS}literal")] == ALL_IDS


def test_server_results_accept_q_values(endpoint):
    answer = endpoint.query(IDS, accept="application/sparql-results+json;q=0.2, text/csv")

    assert answer.media == "text/csv"


def test_server_ask(endpoint):
    answer = endpoint.query("ASK { entity:orion-dynamics nkg:partnerOf entity:vela-systems }")

    assert json.loads(answer.body)["boolean"] is True


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/trig", "application/trig", "trig"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_server_graph_formats(endpoint, accept, media, rdflib_format):
    answer = endpoint.query(PEOPLE, accept=accept)

    assert answer.status == 200
    assert answer.media == media
    g = Graph().parse(data=answer.body, format=rdflib_format)
    labels = {
        str(o) for o in g.objects(None, Namespace("http://www.w3.org/2000/01/rdf-schema#").label)
    }
    assert labels == {"Ada Park", "Ben Okafor", "Carla Diaz"}


def test_server_service_description(endpoint):
    answer = endpoint.get("/sparql", accept="text/turtle")

    assert answer.status == 200
    assert answer.media == "text/turtle"
    g = Graph().parse(data=answer.body, format="turtle")
    service = g.value(None, RDF.type, SD.Service)
    assert str(g.value(service, SD.endpoint)) == endpoint.url + "/sparql"
    assert SD.SPARQL11Query in set(g.objects(service, SD.supportedLanguage))
    assert SD.SPARQL11Update not in set(g.objects(None, SD.supportedLanguage))
    assert SD.UnionDefaultGraph in set(g.objects(service, SD.feature))


def test_server_cors(endpoint):
    answer = endpoint.get("/sparql", {"query": IDS}, origin="https://dashboard.example")
    preflight = endpoint.request(
        "OPTIONS",
        "/sparql",
        headers={
            "Origin": "https://dashboard.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )

    assert answer.headers["access-control-allow-origin"] == "*"
    assert preflight.status == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()


def test_server_malformed_query_is_400_with_parser_message(endpoint):
    answer = endpoint.query("SELECT ?s WHERE { ?s ?p ")

    assert answer.status == 400
    assert answer.text.startswith("malformed SPARQL: error at 1:")


def test_server_query_twice_is_400(endpoint):
    answer = endpoint.get("/sparql", {"query": [IDS, IDS]})

    assert answer.status == 400


def test_server_post_unknown_content_type_is_415(endpoint):
    answer = endpoint.post("/sparql", IDS, "text/plain")

    assert answer.status == 415


def test_server_default_graph_uri(endpoint):
    graph = "https://w3id.org/nkg/graph/2026-04-20-nova-profile"

    answer = endpoint.get(
        "/sparql",
        {"query": IDS, "default-graph-uri": graph},
        accept="application/sparql-results+json",
    )

    assert _ids(answer) == ["2026-04-20-nova-profile"]


def test_server_named_graph_uri(endpoint):
    graphs = [
        "https://w3id.org/nkg/graph/2026-04-20-nova-profile",
        "https://w3id.org/nkg/graph/2026-02-14-vela-sues-orion",
    ]
    sparql = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"

    answer = endpoint.get(
        "/sparql", {"query": sparql, "named-graph-uri": graphs}, accept="text/csv"
    )

    assert answer.text.split()[1:] == sorted(graphs)


def test_server_from_clause_is_honoured(endpoint):
    sparql = (
        "SELECT ?id FROM <https://w3id.org/nkg/graph/2026-04-20-nova-profile> "
        "WHERE { ?a nkg:articleId ?id }"
    )

    assert _ids(endpoint.query(sparql)) == ["2026-04-20-nova-profile"]


def test_server_row_cap(endpoint):
    answer = endpoint.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", accept="text/csv")

    assert answer.status == 200
    assert answer.headers["x-kg-truncated"] == "max-rows=50"
    assert len(answer.text.splitlines()) == 51


def test_server_timeout_is_503_and_server_recovers(endpoint):
    slow = endpoint.query(SLOW)
    after = [endpoint.query(IDS) for _ in range(3)]

    assert slow.status == 503
    assert "timeout" in slow.text
    assert [a.status for a in after] == [200, 200, 200]


def test_server_saved_listing(endpoint):
    answer = endpoint.get("/saved")

    listed = {q["name"]: q for q in json.loads(answer.body)}
    assert len(listed) >= 12
    assert listed["partners"]["params"] == [
        {"name": "entity", "kind": "entity", "description": "the organisation or person"}
    ]


def test_server_saved_question(endpoint):
    answer = endpoint.get("/saved/partners", {"entity": "Orion Dynamics"}, accept="text/csv")

    assert answer.status == 200
    assert answer.text.splitlines() == ["partner,articles", "Vela Systems,2"]


def test_server_saved_question_unknown_entity_is_400(endpoint):
    answer = endpoint.get("/saved/partners", {"entity": "} ; DROP ALL {"})

    assert answer.status == 400
    assert "no entity named" in answer.text


def test_server_page_is_self_contained(endpoint):
    answer = endpoint.get("/")

    assert answer.status == 200
    assert answer.media == "text/html"
    page = answer.text
    assert "<textarea" in page and "saved" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page
    assert '"nkg": "https://w3id.org/nkg/ontology#"' in page


def test_server_unknown_path_is_404(endpoint):
    assert endpoint.get("/nothing").status == 404


def test_server_no_update_route_when_read_only(endpoint):
    answer = endpoint.post("/update", "DROP ALL", "application/sparql-update")

    assert answer.status == 404
    assert "--allow-update" in answer.text
