"""kg.graph.build: a hand-made Extraction -> the quads of its article graph (no model)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.graph.build import article_quads, claim_local_id, date_literal
from kg.vocab import (
    NKG,
    OA,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    WD,
    XSD,
    article_graph_iri,
    article_iri,
    claim_iri,
    entity_iri,
)

SHAPES = Path(__file__).parents[2] / "ontologies" / "shapes.ttl"
WHEN = datetime(2026, 11, 25, 9, 30, 15, 123456, tzinfo=timezone.utc)


def _graph(extraction) -> Graph:
    g = Graph()
    for s, p, o, _ in article_quads(extraction, extracted_at=WHEN):
        g.add((s, p, o))
    return g


def _claim(extraction, index: int) -> URIRef:
    return claim_iri(extraction.article.id, claim_local_id(extraction.claims[index]))


@pytest.fixture()
def graph(sample_extraction) -> Graph:
    return _graph(sample_extraction)


def test_build_quads_in_article_graph(sample_extraction):
    quads = article_quads(sample_extraction, extracted_at=WHEN)

    assert quads
    assert {q[3] for q in quads} == {article_graph_iri("a1")}
    assert len(set(quads)) == len(quads)


def test_build_article_metadata(graph, sample_extraction):
    a = article_iri("a1")
    art = sample_extraction.article

    assert (a, RDF.type, NKG.Article) in graph
    assert graph.value(a, NKG.articleId) == Literal("a1")
    assert graph.value(a, SDO.articleBody) == Literal(art.text)
    assert graph.value(a, NKG.textHash) == Literal(art.text_hash)
    assert graph.value(a, SDO.headline) == Literal("Acme buys Widget")
    assert graph.value(a, SDO.datePublished) == Literal("2026-11-24", datatype=XSD.date)
    assert graph.value(a, NKG.outlet) == Literal("Test Wire")
    assert graph.value(a, SDO.url) == Literal("https://example.org/a1", datatype=XSD.anyURI)
    assert graph.value(a, NKG.extractedWith) == Literal("test-pipeline 1.0")
    when = graph.value(a, PROV.generatedAtTime)
    assert when.datatype == XSD.dateTime
    assert when.toPython() == WHEN.replace(microsecond=0)


def test_build_article_without_metadata(sample_extraction):
    bare = dataclasses.replace(
        sample_extraction,
        article=dataclasses.replace(
            sample_extraction.article, title=None, published=None, source=None, url=None
        ),
    )

    g = _graph(bare)

    a = article_iri("a1")
    for p in (SDO.headline, SDO.datePublished, NKG.outlet, SDO.url):
        assert g.value(a, p) is None


def test_build_entities(graph):
    acme, jane = entity_iri("acme"), entity_iri("jane-doe")

    assert set(graph.objects(article_iri("a1"), SDO.mentions)) == {acme, entity_iri("widget"), jane}
    assert (acme, RDF.type, NKG.Organization) in graph
    assert (jane, RDF.type, NKG.Person) in graph
    assert graph.value(acme, RDFS.label) == Literal("Acme Corp.")
    assert graph.value(acme, SKOS.prefLabel) == Literal("Acme Corp.")
    assert set(graph.objects(acme, SKOS.altLabel)) == {Literal("Acme")}
    assert graph.value(acme, OWL.sameAs) == WD.Q1
    assert graph.value(jane, OWL.sameAs) is None


def test_build_claim_is_reified_statement(graph, sample_extraction):
    c = _claim(sample_extraction, 0)

    assert (c, RDF.type, NKG.Claim) in graph
    assert (c, RDF.type, RDF.Statement) in graph
    assert graph.value(c, RDF.subject) == entity_iri("acme")
    assert graph.value(c, RDF.predicate) == NKG.acquires
    assert graph.value(c, RDF.object) == entity_iri("widget")
    assert graph.value(c, PROV.wasDerivedFrom) == article_iri("a1")
    assert graph.value(c, NKG.confidence) == Literal(Decimal("0.9"), datatype=XSD.decimal)
    assert graph.value(c, NKG.polarity) == Literal("asserted")
    assert graph.value(c, NKG.method) == Literal("pattern")
    assert graph.value(c, NKG.attributedTo) == entity_iri("jane-doe")


@pytest.mark.parametrize("index", [0, 1])
def test_build_claim_evidence_offsets(graph, sample_extraction, index):
    claim = sample_extraction.claims[index]
    ev = graph.value(_claim(sample_extraction, index), NKG.evidence)

    assert (ev, RDF.type, OA.TextPositionSelector) in graph
    assert (ev, RDF.type, OA.TextQuoteSelector) in graph
    assert graph.value(ev, OA.hasSource) == article_iri("a1")
    start, end = graph.value(ev, OA.start), graph.value(ev, OA.end)
    assert start.datatype == end.datatype == XSD.nonNegativeInteger
    assert (int(start), int(end)) == (claim.sentence_start, claim.sentence_end)
    exact = str(graph.value(ev, OA.exact))
    assert exact == claim.sentence == sample_extraction.article.text[int(start) : int(end)]


def test_build_claim_amount_node(graph, sample_extraction):
    amount = graph.value(_claim(sample_extraction, 0), NKG.amount)

    assert (amount, RDF.type, SDO.MonetaryAmount) in graph
    value = graph.value(amount, SDO.value)
    assert value.datatype == XSD.decimal
    assert value.toPython() == Decimal(5000000)
    assert graph.value(amount, SDO.currency) == Literal("USD")
    assert graph.value(_claim(sample_extraction, 1), NKG.amount) is None


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, Literal("2015", datatype=XSD.gYear)),
        (1, Literal("2026-11-24", datatype=XSD.date)),
    ],
)
def test_build_claim_event_date(graph, sample_extraction, index, expected):
    assert graph.value(_claim(sample_extraction, index), NKG.eventDate) == expected


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("2015", XSD.gYear),
        ("2026-11", XSD.gYearMonth),
        ("2026-11-24", XSD.date),
    ],
)
def test_build_date_literal(value, datatype):
    assert date_literal(value) == Literal(value, datatype=datatype)


@pytest.mark.parametrize(
    ("polarity", "plain"),
    [
        ("asserted", True),
        ("hedged", False),
        ("negated", False),
    ],
)
def test_build_plain_triple_only_when_asserted(sample_extraction, polarity, plain):
    claim = dataclasses.replace(sample_extraction.claims[0], polarity=polarity)
    ex = dataclasses.replace(sample_extraction, claims=(claim,))

    g = _graph(ex)

    assert ((entity_iri("acme"), NKG.acquires, entity_iri("widget")) in g) is plain
    assert g.value(_claim(ex, 0), NKG.polarity) == Literal(polarity)


def test_build_hedged_claim_has_no_plain_triple(graph):
    assert (entity_iri("widget"), NKG.sues, entity_iri("acme")) not in graph
    assert (entity_iri("acme"), NKG.acquires, entity_iri("widget")) in graph


def test_build_claim_iri_stable(sample_extraction):
    later = datetime(2027, 1, 1, tzinfo=timezone.utc)

    first = {
        q
        for q in article_quads(sample_extraction, extracted_at=WHEN)
        if q[0].startswith("https://w3id.org/nkg/claim/")
    }
    again = {
        q
        for q in article_quads(sample_extraction, extracted_at=later)
        if q[0].startswith("https://w3id.org/nkg/claim/")
    }

    assert first and first == again
    assert _claim(sample_extraction, 0) != _claim(sample_extraction, 1)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_build_conforms_to_shapes(graph):
    from pyshacl import validate

    conforms, _, text = validate(graph, shacl_graph=str(SHAPES), inference="none")

    assert conforms, text
