"""The SPARQL 1.1 Service Description of the endpoint, as RDF triples."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

__all__ = ["service_description", "SD", "FORMATS"]

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
_DCT = "http://purl.org/dc/terms/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: The answer formats, by their W3C format IRI names.
_RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "TriG",
    "RDF_XML",
)


def service_description(endpoint: str, *, update_endpoint: str | None = None) -> list:
    """The triples describing the endpoint at ``endpoint`` (pyoxigraph ``Triple`` objects).

    ``update_endpoint`` is given when SPARQL Update is enabled.
    """
    service, dataset, graph = BlankNode(), BlankNode(), BlankNode()
    type_ = NamedNode(_RDF_TYPE)

    def sd(name: str) -> NamedNode:
        return NamedNode(SD + name)

    out = [
        Triple(service, type_, sd("Service")),
        Triple(service, sd("endpoint"), NamedNode(endpoint)),
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        Triple(
            service,
            sd("defaultEntailmentRegime"),
            NamedNode("http://www.w3.org/ns/entailment/Simple"),
        ),
        Triple(
            service,
            NamedNode(_DCT + "title"),
            Literal("kg: a knowledge graph of claims read from news articles"),
        ),
        Triple(service, sd("defaultDataset"), dataset),
        Triple(dataset, type_, sd("Dataset")),
        Triple(dataset, sd("defaultGraph"), graph),
        Triple(graph, type_, sd("Graph")),
        Triple(
            graph,
            NamedNode(_DCT + "description"),
            Literal(
                "Every triple of the articles' named graphs once (their RDF merge); "
                "GRAPH ?g reaches each article's graph."
            ),
        ),
    ]
    for name in _RESULT_FORMATS:
        out.append(Triple(service, sd("resultFormat"), NamedNode(FORMATS + name)))
    if update_endpoint:
        updates = BlankNode()
        out += [
            Triple(updates, type_, sd("Service")),
            Triple(updates, sd("endpoint"), NamedNode(update_endpoint)),
            Triple(updates, sd("supportedLanguage"), sd("SPARQL11Update")),
            Triple(updates, sd("defaultDataset"), dataset),
        ]
    return out
