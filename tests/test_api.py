"""The Python API (``kg.open``): what each method gives is what the matching command prints."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.api import plain_value
from kg.export import read_graphml

CORPUS = Path(__file__).parents[1] / "corpus"

pytestmark = pytest.mark.slow

# what ``import kg`` offers; a new public name is added here on purpose
EXPORTED = {
    "__version__",
    "open",
    "Graph",
    "to_dataframe",
    "Article",
    "AddReport",
    "LoadReport",
    "Correction",
    "Amount",
    "ArticleRecord",
    "ClaimRecord",
    "ConflictRecord",
    "ConflictValue",
    "EntityRecord",
    "EntityRef",
    "StatementRecord",
    "TimelineRecord",
    "KGError",
    "InputError",
    "StoreError",
    "StoreLockedError",
    "QueryError",
    "ConfigError",
    "RuleError",
}


def test_api_exports_its_all():
    assert set(kg.__all__) == EXPORTED
    assert all(hasattr(kg, name) for name in kg.__all__)


@pytest.fixture()
def graph(corpus_store) -> kg.Graph:
    return kg.open(corpus_store)


@pytest.mark.parametrize(
    ("command", "method", "args"),
    [
        ("articles", "articles", ()),
        ("entities", "entities", ()),
        ("claims", "claims", ()),
        ("statements", "statements", ()),
        ("conflicts", "conflicts", ()),
    ],
)
def test_api_records_are_the_commands_jsonl(graph, corpus_store, jsonl, command, method, args):
    records = getattr(graph, method)(*args)
    assert records, f"the corpus has {command}"
    assert [r.to_dict() for r in records] == jsonl(corpus_store, command)
    with pytest.raises(AttributeError):  # frozen
        records[0].iri = "x"


def test_api_claims_filters_as_the_command(graph, corpus_store, jsonl):
    got = graph.claims(entity="OpenAI", predicates="investsIn", since="2023", include_all=True)
    want = jsonl(
        corpus_store,
        "claims",
        "--entity",
        "OpenAI",
        "--predicate",
        "investsIn",
        "--since",
        "2023",
        "--all",
    )
    assert [c.to_dict() for c in got] == want
    assert all(c.predicate == "investsIn" for c in got)


def test_api_timeline_as_the_command(graph, corpus_store, kg):
    res = kg("--store", corpus_store, "timeline", "OpenAI", "--format", "jsonl")
    rows = graph.timeline("OpenAI")
    assert [r.to_dict() for r in rows] == [json.loads(line) for line in res.out.splitlines()]
    assert rows[0].date <= rows[-1].date


def test_api_query_gives_plain_values(graph):
    rows = graph.query(
        "SELECT ?e ?label (COUNT(*) AS ?n) WHERE { ?e a nkg:Organization ; "
        "rdfs:label ?label } GROUP BY ?e ?label ORDER BY ?label LIMIT 3"
    )
    assert rows and all(isinstance(r["e"], str) and isinstance(r["n"], int) for r in rows)
    assert graph.query("ASK { ?c a nkg:Claim }") is True
    triples = graph.query(
        "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a nkg:Person ; rdfs:label ?l } LIMIT 2"
    )
    assert triples and all(isinstance(t, tuple) and len(t) == 3 for t in triples)
    bound = graph.query("SELECT ?e ?name WHERE { ?e rdfs:label ?name }", name="OpenAI")
    assert bound and bound[0]["e"].endswith("/openai")


def test_api_ask_runs_a_saved_question(graph):
    rows = graph.ask("partners", entity="Microsoft")
    assert isinstance(rows, list) and all(
        isinstance(v, (str, int, float)) for r in rows for v in r.values()
    )


def test_api_errors_are_kg_errors(graph, tmp_path):
    with pytest.raises(kg.KGError, match="no entity named"):
        graph.timeline("Nobody At All")
    with pytest.raises(kg.QueryError):
        graph.query("SELECT WHERE {")
    with pytest.raises(kg.StoreError, match="no store here"):
        kg.open(tmp_path / "none").claims()


def test_api_network_and_export(graph, tmp_path):
    g = graph.network("entity", predicates=("investsIn", "partnerOf"))
    assert isinstance(g, nx.MultiDiGraph) and g.number_of_edges() > 0
    assert {d["predicate"] for *_e, d in g.edges(data=True)} <= {"investsIn", "partnerOf"}
    result = graph.export(tmp_path / "net.graphml")
    assert result.format == "graphml" and result.paths[0].exists()
    back = read_graphml(result.paths[0])
    assert len(back) == result.nodes


def test_api_dataframe(graph):
    df = kg.to_dataframe(graph.claims())
    assert len(df) == len(graph.claims())
    assert {"subject.label", "predicate", "object.label", "sentence"} <= set(df.columns)


def test_api_add_remove_rebuild_and_curate(tmp_path):
    g = kg.open(tmp_path / "store")
    files = sorted(CORPUS.glob("*.md"))[:2]
    report = g.add(*files)
    assert (report.added, report.failed) == (2, [])
    assert g.add(files[0]).unchanged == 1
    text = kg.Article(
        id="note",
        title="A note",
        published="2026-01-05",
        source="Wire",
        text="Microsoft invested $10 billion in OpenAI.",
    )
    assert g.add(text).added == 1
    assert "note" in {a.id for a in g.articles()}
    assert g.rebuild().replaced == 3
    assert g.remove("note", "missing") == (["note"], ["missing"])
    names = {e.label for e in g.entities()}
    assert "OpenAI" in names
    before = {e.label for e in g.entities()}
    g.rename("OpenAI", "OpenAI Inc")
    assert "OpenAI Inc" in {e.label for e in g.entities()}
    g.undo()
    assert {e.label for e in g.entities()} == before
    assert g.curation_path == tmp_path / "store" / "curation.yaml"


def test_api_plain_value_of_terms():
    import pyoxigraph as ox

    assert (
        plain_value(
            ox.Literal("2.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
        )
        == 2.5
    )
    assert plain_value(ox.BlankNode("b1")) == "_:b1"
    assert (
        plain_value(
            ox.Literal("2026-01-05", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        )
        == "2026-01-05"
    )
