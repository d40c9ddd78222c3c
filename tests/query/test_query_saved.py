"""Saved questions: the shipped .rq files, their parameters, and ``kg ask`` (no model).

The store holds the four hand-made articles of tests/server/newsroom.py.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from server.newsroom import build_newsroom  # tests/ is on sys.path (the root conftest.py)

from kg.errors import KGError, QueryError
from kg.graph import open_store
from kg.query import get_saved, run_saved, saved_queries
from kg.query.saved import PARAM_KINDS, parse_saved

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

#: For each saved question: the arguments of `kg ask`, then the expected rows
#: (the columns named in the first row are compared, as a set of tuples).
EXPECTED = {
    "partners": (["Orion Dynamics"], [("partner", "articles"), ("Vela Systems", "2")]),
    "lawsuits": (
        ["--param", "entity=orion"],
        [
            ("plaintiff", "defendant", "amount", "currency", "date", "article"),
            (
                "Vela Systems",
                "Orion Dynamics",
                "300000000",
                "USD",
                "2026-02-10",
                "2026-02-14-vela-sues-orion",
            ),
        ],
    ),
    "founders": (
        ["Orion Dynamics"],
        [("founder", "date", "articles"), ("Carla Diaz", "2009", "1")],
    ),
    "executives": (["Orion Dynamics"], [("person", "articles"), ("Ada Park", "2")]),
    "deals": (
        ["Orion Dynamics"],
        [
            ("deal", "target", "amount", "date", "article"),
            ("acquires", "Nova Health", "2000000000", "2025", "2026-01-10-orion-vela-partnership"),
            ("acquires", "Nova Health", "2500000000", "", "2026-02-14-vela-sues-orion"),
        ],
    ),
    "about": (
        ["Vela Systems"],
        [
            ("source", "subject", "predicate", "object"),
            ("Ada Park", "Orion Dynamics", "partnerOf", "Vela Systems"),
            ("Ben Okafor", "Lyra Bank", "investsIn", "Vela Systems"),
            ("Daily Ledger", "Vela Systems", "sues", "Orion Dynamics"),
            ("Harbor Daily (outlet)", "Vela Systems", "partnerOf", "Orion Dynamics"),
        ],
    ),
    "said-by": (
        ["--param", "source=daily LEDGER"],
        [
            ("subject", "predicate", "object", "article"),
            ("Vela Systems", "sues", "Orion Dynamics", "2026-02-14-vela-sues-orion"),
            ("Orion Dynamics", "acquires", "Nova Health", "2026-02-14-vela-sues-orion"),
        ],
    ),
    "timeline": (
        ["Nova Health"],
        [
            ("date", "subject", "predicate", "article"),
            ("2015", "Carla Diaz", "founderOf", "2026-04-20-nova-profile"),
            ("2025", "Orion Dynamics", "acquires", "2026-01-10-orion-vela-partnership"),
            ("2026-02-14", "Orion Dynamics", "acquires", "2026-02-14-vela-sues-orion"),
        ],
    ),
    "most-connected": (
        [],
        [
            ("entity", "type", "connections"),
            ("Orion Dynamics", "Organization", "4"),
            ("Vela Systems", "Organization", "2"),
            ("Nova Health", "Organization", "2"),
            ("Carla Diaz", "Person", "2"),
            ("Lyra Bank", "Organization", "2"),
            ("Ada Park", "Person", "1"),
            ("Ben Okafor", "Person", "1"),
        ],
    ),
    "corroborated": (
        [],
        [
            ("subject", "predicate", "object", "articles"),
            ("Ada Park", "executiveOf", "Orion Dynamics", "2"),
            ("Orion Dynamics", "acquires", "Nova Health", "2"),
            ("Orion Dynamics", "partnerOf", "Vela Systems", "2"),
        ],
    ),
    "conflicting-figures": (
        [],
        [
            ("subject", "predicate", "object", "figures"),
            ("Orion Dynamics", "acquires", "Nova Health", "2"),
        ],
    ),
    "both-mentioned": (
        ["Orion Dynamics", "--param", "other=Nova Health"],
        [
            ("id",),
            ("2026-01-10-orion-vela-partnership",),
            ("2026-02-14-vela-sues-orion",),
            ("2026-03-01-lyra-invests-in-vela",),
        ],
    ),
}

#: Values that look like SPARQL: bound as values, they must match nothing.
INJECTIONS = [
    "} ; DROP ALL {",
    'Orion Dynamics" } ; DROP ALL ; { "',
    "Orion' } UNION { ?s ?p ?o } #",
    "<https://w3id.org/nkg/entity/orion-dynamics> } ; CLEAR ALL { ?x",
    "{{entity}}",
]


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    return build_newsroom(tmp_path_factory.mktemp("saved") / "store")


@pytest.fixture()
def ask(kg, news):
    """``kg --store NEWS ask ARGS... --format csv``: the rows as dicts; must succeed."""

    def run(*args) -> list[dict]:
        res = kg("--store", news, "ask", *args, "--format", "csv")
        assert res.code == 0, res.err
        return list(csv.DictReader(io.StringIO(res.out)))

    return run


def _quads(store) -> int:
    with open_store(store, read_only=True) as s:
        return int(s.select(COUNT_QUADS)[0]["n"])


def test_query_saved_twelve_questions_with_headers():
    queries = saved_queries()

    assert set(EXPECTED) <= set(queries)
    for name, q in queries.items():
        assert q.name == name
        assert q.description and "\n" not in q.description
        assert all(p.kind in PARAM_KINDS for p in q.params)
        projection = q.sparql.split("WHERE")[0]
        for p in q.params:
            assert f"?{p.name}" in projection, f"{name}: ?{p.name} must be projected"
        assert set(q.example or {}) == set(q.param_names), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_saved_kg_ask_answers(ask, name):
    args, (columns, *expected) = EXPECTED[name]

    rows = ask(name, *args)

    assert {tuple(r[c] for c in columns) for r in rows} == set(expected)
    assert len(rows) == len(expected)


def test_query_saved_params_are_not_columns(ask):
    rows = ask("both-mentioned", "Orion Dynamics", "Nova Health")

    assert set(rows[0]) == {"id", "published", "title"}


@pytest.mark.parametrize("value", INJECTIONS)
def test_query_saved_entity_injection_names_nothing(kg, news, value):
    before = _quads(news)

    res = kg("--store", news, "ask", "partners", "--param", f"entity={value}")

    assert res.code == 1
    assert res.error_lines and "no entity named" in res.error_lines[0]
    assert "Traceback" not in res.err
    assert _quads(news) == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_query_saved_literal_injection_matches_nothing(ask, news, value):
    before = _quads(news)

    assert ask("said-by", "--param", f"source={value}") == []
    assert _quads(news) == before


def test_query_saved_run_saved_library(news):
    with open_store(news, read_only=True) as store:
        result = run_saved(store, "partners", {"entity": "orion"})

    assert result.variables == ["partner", "articles"]
    assert [t.value for t in result.rows[0]] == ["Vela Systems", "2"]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("partners", {}, "give a value for entity"),
        ("partners", {"entity": "Orion", "who": "x"}, "no parameter 'who'"),
        ("partner", {}, "did you mean partners"),
    ],
)
def test_query_saved_errors(news, name, params, message):
    with open_store(news, read_only=True) as store, pytest.raises(KGError, match=message):
        run_saved(store, name, params)


def test_query_saved_parse_rejects_bad_headers():
    with pytest.raises(QueryError, match="name"):
        parse_saved("# description: no name\nSELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="parameter"):
        parse_saved("# name: x\n# description: d\n# param: who (person) a kind kg lacks\n")


def test_query_saved_kg_ask_list(kg):
    res = kg("ask", "--list", "--format", "json")

    assert res.code == 0
    listed = {r["name"]: r for r in map(json.loads, res.out.splitlines())}
    assert set(listed) == set(saved_queries())
    assert listed["both-mentioned"]["parameters"] == "entity:entity other:entity"
    assert listed["partners"]["description"] == get_saved("partners").description


def test_query_saved_kg_ask_table_and_show(kg, news):
    table = kg("--store", news, "ask", "partners", "Orion Dynamics")
    show = kg("ask", "partners", "--show")

    assert table.code == 0 and "Vela Systems" in table.out and "1 rows" in table.out
    assert show.code == 0 and show.out == get_saved("partners").sparql


def test_query_saved_kg_ask_json(kg, news):
    res = kg("--store", news, "ask", "executives", "Orion Dynamics", "--format", "json")

    doc = json.loads(res.out)
    assert doc["head"]["vars"] == ["person", "articles"]
    assert doc["results"]["bindings"][0]["person"]["value"] == "Ada Park"


def test_query_saved_kg_ask_usage_errors(kg, news):
    missing = kg("--store", news, "ask")
    extra = kg("--store", news, "ask", "most-connected", "Orion")
    bad = kg("--store", news, "ask", "partners", "--param", "Orion")

    assert missing.code == 2 and "kg ask --list" in missing.err
    assert extra.code == 2 and "too many values" in extra.err
    assert bad.code == 2 and "NAME=VALUE" in bad.err


@pytest.mark.parametrize(
    "name",
    [
        "Orion Dynamics",
        "orion",
        "ORION DYNAMICS's",
        "Orion Dynamics Inc.",
        "Park",
        "Ada Park",
        "entity/orion-dynamics",
        "orion-dynamics",
        "https://w3id.org/nkg/entity/vela-systems",
        "Vela",
        "Nova Helth",
        "",
        "} ; DROP ALL {",
    ],
)
def test_query_saved_entity_names_agree_with_find_entity(news, name):
    from kg.query.listing import find_entity, list_entities
    from kg.query.saved import EntityNames

    with open_store(news, read_only=True) as store:
        entities = list_entities(store)

    def outcome(find):
        try:
            return find(name)["iri"]
        except KGError as exc:
            return str(exc)

    assert outcome(EntityNames(entities).find) == outcome(lambda n: find_entity(entities, n))
