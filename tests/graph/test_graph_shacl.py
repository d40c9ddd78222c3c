"""The corpus graph, exported with ``kg query``, conforms to ontologies/shapes.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.vocab import SDO, article_iri

SHAPES = Path(__file__).parents[2] / "ontologies" / "shapes.ttl"

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture()
def union_graph(kg, corpus_store) -> Graph:
    """The union of every article graph, exported as N-Triples and parsed with rdflib."""
    res = kg(
        "--store",
        corpus_store,
        "query",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "--format",
        "nt",
    )
    assert res.code == 0, res.err
    return Graph().parse(data=res.out, format="nt")


def _validate(graph: Graph) -> tuple[bool, str]:
    from pyshacl import validate

    conforms, _, text = validate(graph, shacl_graph=str(SHAPES), inference="none")
    return conforms, text


def test_graph_shacl_corpus_conforms(union_graph):
    conforms, text = _validate(union_graph)

    assert conforms, text


def test_graph_shacl_detects_broken_article(union_graph, corpus_ids):
    graph = union_graph
    graph.remove((article_iri(corpus_ids[0]), SDO.articleBody, None))

    conforms, text = _validate(graph)

    assert not conforms
    assert "articleBody" in text
