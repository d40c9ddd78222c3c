"""kg.query.derived: statements and conflicts in the graph, kept current by every write
(hand-made articles, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from query.handmade import HandExtractor, add, remove, story, usd  # tests/ on sys.path
from rdflib import Graph

from kg.graph import open_store
from kg.vocab import DERIVED_GRAPH

SHAPES = Path(__file__).parents[2] / "ontologies" / "shapes.ttl"
BUY5 = "Acme Corp agreed to buy Widget Inc for $5 million."
BUY9 = "Acme Corp agreed to buy Widget Inc for $9 million."

CONFLICTS = """
SELECT ?kind ?value ?article WHERE {
  ?k a nkg:Conflict ; nkg:conflictKind ?kind ; nkg:conflictingClaim ?c ;
     nkg:concerns/nkg:support ?support .
  ?c nkg:amount/schema:value ?value ; prov:wasDerivedFrom/nkg:articleId ?article .
} ORDER BY ?value"""
SUPPORT = "SELECT ?label ?n WHERE { ?s a nkg:Statement ; rdfs:label ?label ; nkg:support ?n }"
IN_DERIVED = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }} }}"


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "store") as s:
        yield s


def _buy(article_id, sentence, value):
    return story(article_id, (sentence, "acme", "acquires", "widget", {"amount": usd(value)}))


def test_query_derived_conflicts_found_by_sparql(store):
    add(store, _buy("a", BUY5, 5e6), _buy("b", BUY9, 9e6))

    rows = store.select(CONFLICTS)

    assert [(r["kind"], float(r["value"]), r["article"]) for r in rows] == [
        ("amount", 5e6, "a"),
        ("amount", 9e6, "b"),
    ]
    assert store.select(SUPPORT) == [{"label": "Acme Corp acquires Widget Inc", "n": "2"}]


def test_query_derived_follows_remove(store):
    add(store, _buy("a", BUY5, 5e6), _buy("b", BUY9, 9e6))

    remove(store, "b")
    assert store.select(CONFLICTS) == []
    assert store.select(SUPPORT)[0]["n"] == "1"

    remove(store, "a")
    assert store.select(SUPPORT) == []
    assert store.select(IN_DERIVED) == [{"n": "0"}]


def test_query_derived_follows_replacement(store):
    add(store, _buy("a", BUY5, 5e6), _buy("b", BUY5.replace("agreed", "has agreed"), 5e6))
    assert store.select(CONFLICTS) == []

    add(store, _buy("b", BUY9, 9e6))  # the same id, a new text

    assert len(store.select(CONFLICTS)) == 2


def test_query_derived_is_stable(store):
    add(store, _buy("a", BUY5, 5e6), _buy("b", BUY9, 9e6))
    before = store.select(IN_DERIVED)

    from kg.query.derived import refresh_derived

    assert refresh_derived(store) == (1, 1)
    assert store.select(IN_DERIVED) == before


def test_query_derived_follows_the_python_path(store):
    """``store.put_article``, as the README shows it, keeps statements and conflicts too."""
    from kg.graph import article_quads

    store.put_article("a", article_quads(_buy("a", BUY5, 5e6)))
    store.put_article("b", article_quads(_buy("b", BUY9, 9e6)))

    assert store.select(SUPPORT) == [{"label": "Acme Corp acquires Widget Inc", "n": "2"}]
    assert len(store.select(CONFLICTS)) == 2
    store.remove_article("a")
    assert store.select(SUPPORT)[0]["n"] == "1"


def test_query_derived_rebuild_keeps_it(store):
    from kg.workflow import rebuild

    add(store, _buy("a", BUY5, 5e6))
    rebuild(store, lambda: HandExtractor([_buy("a", BUY5, 5e6)]))

    assert store.select(SUPPORT) == [{"label": "Acme Corp acquires Widget Inc", "n": "1"}]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_query_derived_conforms_to_shapes(store):
    from pyshacl import validate

    add(
        store,
        _buy("a", BUY5, 5e6),
        _buy("b", BUY9, 9e6),
        story(
            "c",
            (
                "Acme Corp did not buy Widget Inc.",
                "acme",
                "acquires",
                "widget",
                {"polarity": "negated"},
            ),
        ),
    )
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    nt = triples.serialize(format="application/n-triples")
    graph = Graph().parse(data=nt.decode("utf-8"), format="nt")

    conforms, _, text = validate(graph, shacl_graph=str(SHAPES), inference="none")

    assert conforms, text
    assert len(store.select("SELECT ?k WHERE { ?k a nkg:Conflict }")) == 2


def test_query_derived_written_when_a_strict_add_stops(store):
    from kg.errors import InputError
    from kg.workflow import add_articles

    good = _buy("a", BUY5, 5e6)
    items = [("a.md", good.article), ("b.md", InputError("b.md: empty file"))]

    with pytest.raises(InputError):
        add_articles(store, items, lambda: HandExtractor([good]), strict=True)

    assert store.select(SUPPORT) == [{"label": "Acme Corp acquires Widget Inc", "n": "1"}]
