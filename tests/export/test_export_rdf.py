"""RDF exports: each syntax parsed back by rdflib into the same graphs as the store holds."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import KGError
from kg.export import export, rdf_statements
from kg.graph import open_store
from kg.network import Filters
from kg.query import run_query
from kg.vocab import NKG, RDF, XSD

pytestmark = [
    # rdflib's own parsers and oxrdflib still use the deprecated names
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

DATASET_SYNTAXES = {"trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
STORES = ["sample_store", pytest.param("corpus_store", marks=pytest.mark.slow)]


def simple(term):
    """RDF 1.1 makes "x"^^xsd:string and "x" one literal; rdflib keeps them apart."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def store_graphs(path) -> dict[str, Graph]:
    """The store's named graphs as rdflib sees them (through oxrdflib), by graph IRI (the
    default graph, the merge of the others, is not exported)."""
    graphs: dict[str, Graph] = defaultdict(Graph)
    with open_store(path, read_only=True) as store:
        for s, p, o, ctx in store.dataset.quads((None, None, None, None)):
            name = str(getattr(ctx, "identifier", ctx))
            if name != str(DATASET_DEFAULT_GRAPH_ID):
                graphs[name].add((s, p, simple(o)))
    return dict(graphs)


def parsed_graphs(path, syntax: str) -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(path, format=syntax)
    graphs: dict[str, Graph] = defaultdict(Graph)
    for s, p, o, ctx in ds.quads((None, None, None, None)):
        name = str(getattr(ctx, "identifier", ctx))
        graphs[name].add((s, p, simple(o)))
    return {k: v for k, v in graphs.items() if len(v)}


@pytest.mark.parametrize("store_fixture", STORES)
@pytest.mark.parametrize("fmt", list(DATASET_SYNTAXES))
def test_export_rdf_dataset_syntaxes_round_trip(request, tmp_path, store_fixture, fmt):
    path = request.getfixturevalue(store_fixture)
    out = tmp_path / f"graph.{fmt}"
    with open_store(path, read_only=True) as store:
        result = export(store, fmt, out)
        assert result.statements == len(store)
    expected = store_graphs(path)
    got = parsed_graphs(out, DATASET_SYNTAXES[fmt])

    assert set(got) == set(expected)
    for name, graph in expected.items():
        assert isomorphic(got[name], graph), name


@pytest.mark.parametrize("store_fixture", STORES)
def test_export_rdf_turtle_merges_the_graphs(request, tmp_path, store_fixture):
    path = request.getfixturevalue(store_fixture)
    out = tmp_path / "graph.ttl"
    with open_store(path, read_only=True) as store:
        export(store, "turtle", out)
    union = Graph()
    for graph in store_graphs(path).values():
        union += graph
    got = Graph().parse(out, format="turtle")

    assert isomorphic(got, union)
    assert out.read_text("utf-8").startswith("@prefix ")


def test_export_rdf_keeps_lexical_forms(sample_store, tmp_path):
    out = tmp_path / "graph.nq"
    with open_store(sample_store, read_only=True) as store:
        export(store, "nquads", out)
    text = out.read_text("utf-8")

    assert '"0.9"^^<http://www.w3.org/2001/XMLSchema#decimal>' in text
    assert '"2015"^^<http://www.w3.org/2001/XMLSchema#gYear>' in text


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_export_rdf_construct(sample_store, tmp_path, fmt):
    query = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a nkg:Organization ; rdfs:label ?l }"
    out = tmp_path / f"labels.{fmt}"
    with open_store(sample_store, read_only=True) as store:
        result = export(store, fmt, out, construct=query)
        nt = run_query(store, query).serialize("nt")
    expected = Graph().parse(data=nt, format="nt")
    got = Graph()
    if fmt == "turtle":
        got.parse(out, format="turtle")
    else:
        for graph in parsed_graphs(out, DATASET_SYNTAXES[fmt]).values():
            got += graph

    assert result.statements == 2
    assert isomorphic(got, expected)


def test_export_rdf_filters_keep_only_the_selected_claims(sample_store):
    with open_store(sample_store, read_only=True) as store:
        everything = rdf_statements(store)
        acquires = rdf_statements(store, Filters(predicates=("acquires",)))
        develops = rdf_statements(store, Filters(predicates=("develops",)))

    def claims(quads) -> set[str]:
        return {
            q.subject.value
            for q in quads
            if q.predicate.value == str(RDF.type) and q.object.value == str(NKG.Claim)
        }

    assert len(claims(everything)) == 2  # the asserted acquires, the hedged sues
    assert len(claims(acquires)) == 1
    assert any(q.predicate.value == str(NKG.acquires) for q in acquires)
    assert claims(develops) == set()
    assert not any(q.predicate.value == str(NKG.acquires) for q in develops)
    # the article and its entities stay
    assert any(q.predicate.value == "https://schema.org/articleBody" for q in develops)


def test_export_rdf_filters_by_date_drop_whole_articles(sample_store):
    with open_store(sample_store, read_only=True) as store:
        assert rdf_statements(store, Filters(until="2020")) == []
        assert len(rdf_statements(store, Filters(since="2026"))) > 0


def test_export_rdf_option_errors(sample_store, tmp_path):
    with open_store(sample_store, read_only=True) as store:
        with pytest.raises(KGError, match="do not apply to --construct"):
            rdf_statements(store, Filters(since="2020"), "CONSTRUCT WHERE { ?s ?p ?o }")
        with pytest.raises(KGError, match="needs a CONSTRUCT"):
            rdf_statements(store, construct="SELECT * WHERE { ?s ?p ?o }")
        with pytest.raises(KGError, match="--ego and --top are for network formats"):
            export(store, "turtle", tmp_path / "x.ttl", top=5)
        with pytest.raises(KGError, match="--construct is for the RDF formats"):
            export(store, "graphml", tmp_path / "x.graphml", construct="CONSTRUCT WHERE {}")
