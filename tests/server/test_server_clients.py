"""Real SPARQL clients read from ``kg serve``: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

pytestmark = [
    pytest.mark.network,
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

NKG = "https://w3id.org/nkg/ontology#"
ENTITY = "https://w3id.org/nkg/entity/"
PREFIXES = f"PREFIX nkg: <{NKG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
PARTNERS = (
    PREFIXES
    + """SELECT DISTINCT ?a ?b WHERE {
  ?x nkg:partnerOf ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } ORDER BY ?a"""
)


def _wrapper(endpoint, fmt, method="GET"):
    sw = SPARQLWrapper.SPARQLWrapper(endpoint.url + "/sparql")
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_server_sparqlwrapper_select_json(endpoint, method):
    sw = _wrapper(endpoint, SPARQLWrapper.JSON, method)
    sw.setQuery(PARTNERS)

    doc = sw.queryAndConvert()

    rows = [(b["a"]["value"], b["b"]["value"]) for b in doc["results"]["bindings"]]
    assert rows == [("Orion Dynamics", "Vela Systems"), ("Vela Systems", "Orion Dynamics")]


def test_server_sparqlwrapper_select_xml(endpoint):
    sw = _wrapper(endpoint, SPARQLWrapper.XML)
    sw.setQuery(PARTNERS)

    doc = sw.queryAndConvert()  # an xml.dom.minidom document

    values = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert values == ["Orion Dynamics", "Vela Systems", "Vela Systems", "Orion Dynamics"]


def test_server_sparqlwrapper_select_csv(endpoint):
    sw = _wrapper(endpoint, SPARQLWrapper.CSV)
    sw.setQuery(PARTNERS)

    text = sw.queryAndConvert().decode("utf-8")

    assert text.splitlines()[0] == "a,b"
    assert "Orion Dynamics,Vela Systems" in text.splitlines()


def test_server_sparqlwrapper_ask(endpoint):
    sw = _wrapper(endpoint, SPARQLWrapper.JSON)
    sw.setQuery(PREFIXES + f"ASK {{ <{ENTITY}vela-systems> nkg:sues <{ENTITY}orion-dynamics> }}")

    assert sw.queryAndConvert()["boolean"] is True


def test_server_sparqlwrapper_construct_turtle(endpoint):
    sw = _wrapper(endpoint, SPARQLWrapper.TURTLE)
    sw.setQuery(PREFIXES + "CONSTRUCT { ?x nkg:partnerOf ?y } WHERE { ?x nkg:partnerOf ?y }")

    g = Graph().parse(data=sw.queryAndConvert(), format="turtle")

    assert (
        URIRef(ENTITY + "orion-dynamics"),
        URIRef(NKG + "partnerOf"),
        URIRef(ENTITY + "vela-systems"),
    ) in g


def test_server_sparqlwrapper_construct_rdfxml(endpoint):
    sw = _wrapper(endpoint, SPARQLWrapper.RDFXML)
    sw.setQuery(PREFIXES + "CONSTRUCT { ?x nkg:sues ?y } WHERE { ?x nkg:sues ?y }")

    g = sw.queryAndConvert()  # SPARQLWrapper parses RDF/XML into an rdflib Graph

    assert len(g) == 1


def test_server_sparqlwrapper_malformed_query(endpoint):
    sw = _wrapper(endpoint, SPARQLWrapper.JSON)
    sw.setQuery("SELECT ?s WHERE { ?s ?p ")

    with pytest.raises(SPARQLWrapper.SPARQLExceptions.QueryBadFormed):
        sw.queryAndConvert()


def test_server_rdflib_sparqlstore_select(endpoint):
    store = SPARQLStore(endpoint.url + "/sparql", returnFormat="json")
    g = Graph(store=store)

    rows = list(g.query(PARTNERS))

    assert [(str(r.a), str(r.b)) for r in rows] == [
        ("Orion Dynamics", "Vela Systems"),
        ("Vela Systems", "Orion Dynamics"),
    ]


def test_server_rdflib_sparqlstore_triples(endpoint):
    store = SPARQLStore(endpoint.url + "/sparql")
    g = Graph(store=store)

    labels = set(
        g.objects(
            URIRef(ENTITY + "vela-systems"), URIRef("http://www.w3.org/2000/01/rdf-schema#label")
        )
    )
    people = set(
        g.subjects(
            URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(NKG + "Person")
        )
    )

    assert labels == {Literal("Vela Systems")}
    assert len(people) == 3


def test_server_rdflib_sparqlstore_construct(endpoint):
    g = Graph(store=SPARQLStore(endpoint.url + "/sparql"))

    result = g.query(PREFIXES + "CONSTRUCT { ?x nkg:sues ?y } WHERE { ?x nkg:sues ?y }")

    assert len(result.graph) == 1
