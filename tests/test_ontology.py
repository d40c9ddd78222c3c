"""The ontology (ontologies/kg.ttl) and the SHACL shapes (ontologies/shapes.ttl)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

import kg.vocab
from kg.predicates import PREDICATES, SYMMETRIC_PREDICATES
from kg.vocab import NKG, PREFIXES

ONTOLOGIES = Path(__file__).parents[1] / "ontologies"
KG_TTL = ONTOLOGIES / "kg.ttl"
SHAPES_TTL = ONTOLOGIES / "shapes.ttl"

NKG_NS = str(NKG._NS)
CLAIM = URIRef("https://w3id.org/nkg/claim/a1/c1")
EVIDENCE = URIRef("https://w3id.org/nkg/claim/a1/c1#evidence")
AMOUNT = URIRef("https://w3id.org/nkg/claim/a1/c1#amount")
ARTICLE = URIRef("https://w3id.org/nkg/article/a1")

# One article graph as the graph builder writes it.
GOOD_DATA = """
@prefix nkg: <https://w3id.org/nkg/ontology#> .
@prefix article: <https://w3id.org/nkg/article/> .
@prefix entity: <https://w3id.org/nkg/entity/> .
@prefix claim: <https://w3id.org/nkg/claim/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix wd: <http://www.wikidata.org/entity/> .

article:a1 a nkg:Article ;
    nkg:articleId "a1" ;
    schema:headline "Microsoft and Starlink team up" ;
    schema:datePublished "2026-11-24"^^xsd:date ;
    nkg:outlet "Example Wire" ;
    schema:url "https://example.org/news/a1"^^xsd:anyURI ;
    schema:articleBody "Microsoft on Tuesday announced a new partnership with Starlink." ;
    nkg:textHash "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" ;
    nkg:extractedWith "kg 0.1.0; en_core_web_sm 3.8.0" ;
    prov:generatedAtTime "2026-11-25T10:00:00Z"^^xsd:dateTime ;
    schema:mentions entity:microsoft , entity:starlink , entity:melanie-nakagawa .

entity:microsoft a nkg:Organization ;
    rdfs:label "Microsoft" ; skos:prefLabel "Microsoft" ;
    skos:altLabel "Microsoft Corp." ; owl:sameAs wd:Q2283 .
entity:starlink a nkg:Organization ;
    rdfs:label "Starlink" ; skos:prefLabel "Starlink" .
entity:melanie-nakagawa a nkg:Person ;
    rdfs:label "Melanie Nakagawa" ; skos:prefLabel "Melanie Nakagawa" .

<https://w3id.org/nkg/claim/a1/c1> a nkg:Claim , rdf:Statement ;
    rdf:subject entity:microsoft ; rdf:predicate nkg:partnerOf ; rdf:object entity:starlink ;
    prov:wasDerivedFrom article:a1 ;
    nkg:evidence <https://w3id.org/nkg/claim/a1/c1#evidence> ;
    nkg:attributedTo entity:melanie-nakagawa ;
    nkg:amount <https://w3id.org/nkg/claim/a1/c1#amount> ;
    nkg:eventDate "2026-11-24"^^xsd:date ;
    nkg:confidence "0.8"^^xsd:decimal ;
    nkg:polarity "asserted" ;
    nkg:method "dep:partner-noun" .

<https://w3id.org/nkg/claim/a1/c1#evidence> a oa:TextPositionSelector , oa:TextQuoteSelector ;
    oa:hasSource article:a1 ;
    oa:start 0 ; oa:end 63 ;
    oa:exact "Microsoft on Tuesday announced a new partnership with Starlink." .

<https://w3id.org/nkg/claim/a1/c1#amount> a schema:MonetaryAmount ;
    schema:value 134000000000.0 ; schema:currency "USD" .

entity:microsoft nkg:partnerOf entity:starlink .
"""

# A second article naming Microsoft differently, and a claim dated by year only.
SECOND_ARTICLE = """
@prefix nkg: <https://w3id.org/nkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .

<https://w3id.org/nkg/graph/a2> {
    <https://w3id.org/nkg/article/a2> a nkg:Article ;
        nkg:articleId "a2" ;
        schema:articleBody "Microsoft Corp. has acquired GitHub." ;
        nkg:textHash "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210" .
    <https://w3id.org/nkg/entity/microsoft> a nkg:Organization ;
        rdfs:label "Microsoft Corp." ; skos:prefLabel "Microsoft Corp." .
    <https://w3id.org/nkg/entity/github> a nkg:Organization ;
        rdfs:label "GitHub" ; skos:prefLabel "GitHub" .
    <https://w3id.org/nkg/claim/a2/c1> a nkg:Claim , rdf:Statement ;
        rdf:subject <https://w3id.org/nkg/entity/microsoft> ;
        rdf:predicate nkg:acquires ;
        rdf:object <https://w3id.org/nkg/entity/github> ;
        prov:wasDerivedFrom <https://w3id.org/nkg/article/a2> ;
        nkg:evidence <https://w3id.org/nkg/claim/a2/c1#evidence> ;
        nkg:eventDate "2018"^^xsd:gYear ;
        nkg:confidence 0.9 ;
        nkg:polarity "hedged" ;
        nkg:method "dep:acquire-verb" .
    <https://w3id.org/nkg/claim/a2/c1#evidence> a oa:TextPositionSelector , oa:TextQuoteSelector ;
        oa:hasSource <https://w3id.org/nkg/article/a2> ;
        oa:start "0"^^xsd:nonNegativeInteger ; oa:end "36"^^xsd:nonNegativeInteger ;
        oa:exact "Microsoft Corp. has acquired GitHub." .
}
"""


def _ontology() -> Graph:
    return Graph().parse(KG_TTL, format="turtle")


def _shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def _good() -> Graph:
    return Graph().parse(data=GOOD_DATA, format="turtle")


def _conforms(data: Graph) -> tuple[bool, str]:
    conforms, _, text = _validate(data)
    return conforms, text


def _validate(data: Graph) -> tuple[bool, Graph, str]:
    conforms, results, text = validate(
        data, shacl_graph=_shapes(), ont_graph=None, inference="none", advanced=False
    )
    return bool(conforms), results, text


def _violated_paths(results: Graph) -> set[URIRef]:
    return {
        path
        for result in results.subjects(RDF.type, SH.ValidationResult)
        if isinstance(path := results.value(result, SH.resultPath), URIRef)
    }


def _vocab_terms() -> set[URIRef]:
    return {NKG[name] for name in NKG.__annotations__}


# --- parsing ---------------------------------------------------------------


def test_ontology_files_parse() -> None:
    assert len(_ontology()) > 0
    assert len(_shapes()) > 0


def test_ontology_has_header() -> None:
    g = _ontology()
    onts = list(g.subjects(RDF.type, OWL.Ontology))
    assert len(onts) == 1
    ont = onts[0]
    assert g.value(ont, RDFS.label) is not None
    assert g.value(ont, RDFS.comment) is not None
    assert g.value(ont, OWL.versionInfo) == Literal("0.1.0")


def test_ontology_prefixes_agree_with_vocab() -> None:
    bound = {prefix: str(ns) for prefix, ns in _ontology().namespaces()}
    for prefix in ("nkg", "rdf", "rdfs", "owl", "xsd", "skos", "prov", "schema", "oa"):
        assert bound.get(prefix) == PREFIXES[prefix], prefix


# --- vocabulary coverage ---------------------------------------------------


def test_ontology_declares_every_vocab_term() -> None:
    g = _ontology()
    assert kg.vocab.NKG.__annotations__, "vocab.NKG lists no terms"
    for term in _vocab_terms():
        assert (term, RDF.type, None) in g, f"{term} has no rdf:type"
        assert g.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert g.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_ontology_declares_no_term_outside_vocab() -> None:
    g = _ontology()
    declared = {
        s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(NKG_NS)
    }
    mentioned = {
        t for triple in g for t in triple if isinstance(t, URIRef) and t.startswith(NKG_NS)
    }
    assert declared - _vocab_terms() == set()
    assert mentioned - _vocab_terms() == set()


# --- predicates --------------------------------------------------------------


def test_ontology_predicates_match_model() -> None:
    assert set(SYMMETRIC_PREDICATES) <= set(PREDICATES)
    g = _ontology()
    for name in PREDICATES:
        assert (NKG[name], RDF.type, OWL.ObjectProperty) in g, name
        assert g.value(NKG[name], RDFS.domain) is not None, name
        assert g.value(NKG[name], RDFS.range) is not None, name


@pytest.mark.parametrize("name", PREDICATES)
def test_ontology_symmetry_matches_model(name: str) -> None:
    is_symmetric = (NKG[name], RDF.type, OWL.SymmetricProperty) in _ontology()
    assert is_symmetric == (name in SYMMETRIC_PREDICATES)


def test_ontology_uses_no_property_disjointness() -> None:
    assert (None, OWL.propertyDisjointWith, None) not in _ontology()


def test_ontology_entity_types_are_disjoint_subclasses() -> None:
    g = _ontology()
    typed = [NKG.Person, NKG.Organization, NKG.Place, NKG.Product]
    for cls in [*typed, NKG.Other]:
        assert (cls, RDFS.subClassOf, NKG.Entity) in g, cls
    for a in typed:
        for b in typed:
            if a != b:
                assert (a, OWL.disjointWith, b) in g or (b, OWL.disjointWith, a) in g, (a, b)


# --- shapes ------------------------------------------------------------------


def test_ontology_shapes_accept_good_data() -> None:
    conforms, text = _conforms(_good())
    assert conforms, text


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's TriG parser internals
def test_ontology_shapes_accept_union_of_article_graphs() -> None:
    ds = Dataset()
    ds.parse(data=SECOND_ARTICLE, format="trig")
    union = _good()
    for graph in ds.graphs():
        union += graph
    # Microsoft now carries two rdfs:label and two skos:prefLabel values.
    microsoft = URIRef("https://w3id.org/nkg/entity/microsoft")
    assert len(set(union.objects(microsoft, RDFS.label))) == 2
    conforms, text = _conforms(union)
    assert conforms, text


def test_ontology_shapes_reject_claim_without_evidence() -> None:
    data = _good()
    data.remove((CLAIM, NKG.evidence, None))
    conforms, results, text = _validate(data)
    assert not conforms
    assert _violated_paths(results) == {NKG.evidence}, text


def test_ontology_shapes_reject_predicate_outside_the_twelve() -> None:
    data = _good()
    data.set((CLAIM, RDF.predicate, URIRef(NKG_NS + "employs")))
    conforms, results, text = _validate(data)
    assert not conforms
    assert _violated_paths(results) == {RDF.predicate}, text


@pytest.mark.parametrize(
    ("subject", "predicate", "value"),
    [
        (CLAIM, NKG.confidence, Literal("1.5", datatype=XSD.decimal)),
        (CLAIM, NKG.polarity, Literal("maybe")),
        (CLAIM, NKG.eventDate, Literal("24 November 2026")),
        (CLAIM, RDF.object, Literal("Starlink")),
        (EVIDENCE, URIRef("http://www.w3.org/ns/oa#start"), Literal(-1)),
        (AMOUNT, URIRef("https://schema.org/currency"), Literal("usd")),
        (ARTICLE, NKG.textHash, Literal("not-a-hash")),
    ],
    ids=["confidence", "polarity", "eventDate", "object", "start", "currency", "textHash"],
)
def test_ontology_shapes_reject_bad_values(
    subject: URIRef, predicate: URIRef, value: Literal
) -> None:
    data = _good()
    data.set((subject, predicate, value))
    conforms, _ = _conforms(data)
    assert not conforms


def test_ontology_shapes_reject_article_with_two_ids() -> None:
    data = _good()
    data.add((ARTICLE, NKG.articleId, Literal("a1-bis")))
    conforms, _ = _conforms(data)
    assert not conforms
