"""The predicate table (kg.predicates) agrees with the ontology and the shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.model import EntityType
from kg.predicates import (
    MONEY_PREDICATES,
    ONE_OFF_PREDICATES,
    PREDICATE,
    PREDICATES,
    SYMMETRIC_PREDICATES,
    TABLE,
)
from kg.vocab import NKG, predicate_iri

ONTOLOGIES = Path(__file__).parents[1] / "ontologies"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGIES / "kg.ttl")


def _classes(g: Graph, node) -> set[str]:
    """The local names of a class or of an owl:unionOf of classes."""
    union = g.value(node, OWL.unionOf)
    members = Collection(g, union) if union is not None else [node]
    return {str(m).rsplit("#", 1)[-1] for m in members}


@pytest.mark.parametrize("row", TABLE, ids=lambda p: p.name)
def test_predicates_types_match_ontology_domain_and_range(ontology: Graph, row) -> None:
    iri = URIRef(row.iri)
    assert _classes(ontology, ontology.value(iri, RDFS.domain)) == {
        t.value for t in row.subject_types
    }
    assert _classes(ontology, ontology.value(iri, RDFS.range)) == {
        t.value for t in row.object_types
    }


@pytest.mark.parametrize("row", TABLE, ids=lambda p: p.name)
def test_predicates_symmetry_matches_ontology(ontology: Graph, row) -> None:
    assert ((URIRef(row.iri), RDF.type, OWL.SymmetricProperty) in ontology) == row.symmetric


def test_predicates_are_the_ontology_object_properties_between_entities(ontology) -> None:
    """Every object property whose range is an entity class is a claim predicate."""
    entity_classes = {t.value for t in EntityType} - {"Other"}
    declared = {
        str(p).rsplit("#", 1)[-1]
        for p in ontology.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(str(NKG._NS))
        and _classes(ontology, ontology.value(p, RDFS.range)) <= entity_classes
    }
    assert declared == set(PREDICATES)


def test_predicates_match_the_claim_shape() -> None:
    shapes = Graph().parse(ONTOLOGIES / "shapes.ttl")
    allowed = None
    for prop in shapes.subjects(SH.path, RDF.predicate):
        listed = shapes.value(prop, SH["in"])
        if listed is not None:
            allowed = {str(v) for v in Collection(shapes, listed)}
    assert allowed == {p.iri for p in TABLE}


def test_predicates_iris_are_the_vocabulary_terms() -> None:
    for row in TABLE:
        assert row.iri == str(NKG[row.name]) == str(predicate_iri(row.name))


def test_predicates_derived_sets() -> None:
    assert SYMMETRIC_PREDICATES == {"partnerOf", "mergesWith", "rivalOf"}
    assert ONE_OFF_PREDICATES == {"acquires", "mergesWith", "founderOf", "sues"}
    assert MONEY_PREDICATES <= set(PREDICATES)
    # a predicate whose claims carry sums is one a later "the deal" can name
    assert all(PREDICATE[p].event_nouns for p in MONEY_PREDICATES)
