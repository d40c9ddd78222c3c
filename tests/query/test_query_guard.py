"""kg.query.guard: queries too deep for the parser, and URLs a query would fetch, refused
before any parser sees them; everything else passes."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.query.guard import (
    MAX_NESTING,
    MAX_OPERATORS,
    MAX_PATTERNS,
    MAX_QUERY_CHARS,
    check_sparql,
)
from kg.query.saved import saved_queries

DEEP = {
    "20,000 ||": "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * 20000) + ") }",
    "5,000 ( )": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "10,000 { }": "SELECT * WHERE " + "{" * 10000 + "?s ?p ?o" + "}" * 10000,
    "20,000 - without spaces": "SELECT * WHERE { BIND(" + "-".join(["1"] * 20000) + " AS ?x) }",
    "3,000 MINUS": "SELECT * WHERE { ?s ?p ?o " + "MINUS { ?s ?p ?o } " * 3000 + "}",
    "20,000 path steps": "SELECT * WHERE { ?s " + "/".join(["<urn:p>"] * 20000) + " ?o }",
    "20,000 objects": "SELECT * WHERE { ?s ?p " + ", ".join(["1"] * 20000) + " }",
    "1,000 nested EXISTS": "SELECT * WHERE { ?s ?p ?o "
    + "FILTER EXISTS { ?s ?p ?o " * 1000
    + "}" * 1000
    + " }",
}


@pytest.mark.parametrize("query", DEEP.values(), ids=DEEP.keys())
def test_query_guard_refuses_what_would_overflow_the_parser(query):
    with pytest.raises(QueryError) as info:
        check_sparql(query)

    message = str(info.value)
    assert "\n" not in message and "kg refuses it before parsing" in message


def test_query_guard_limits_are_where_they_say():
    nested = (
        "SELECT * WHERE { ?s ?p ?o FILTER("
        + "(" * (MAX_NESTING - 2)
        + "1"
        + ")" * (MAX_NESTING - 2)
        + ") }"
    )
    ors = "ASK { ?s ?p ?o FILTER(" + " || ".join(["?o"] * (MAX_OPERATORS + 1)) + ") }"
    patterns = "ASK { " + " . ".join(["?s ?p ?o"] * (MAX_PATTERNS + 1)) + " }"

    check_sparql(nested)
    check_sparql(ors)  # exactly MAX_OPERATORS
    check_sparql(patterns)
    with pytest.raises(QueryError, match="nests brackets more than 128 deep"):
        check_sparql(nested.replace("(1)", "((1))"))
    with pytest.raises(QueryError, match="more than 1,000 operators"):
        check_sparql(ors.replace("?o)", "?o || ?o)"))
    with pytest.raises(QueryError, match="more than 5,000 triple patterns"):
        check_sparql(patterns.replace(" }", " . ?s ?p ?o }"))
    with pytest.raises(QueryError, match="characters long"):
        check_sparql("ASK { ?s ?p ?o }" + " " * MAX_QUERY_CHARS)


ORDINARY = {
    "long IN list": "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + ",".join(["1"] * 50000) + ")) }",
    "long VALUES": "SELECT * WHERE { VALUES ?x { " + " ".join(["<urn:x>"] * 50000) + " } }",
    "names with hyphens and dots": "SELECT * WHERE { entity:elon-musk-2 ex:a.b ?o . }",
    "operators in strings and IRIs": 'SELECT * WHERE { ?s <urn:a||b> "((((|| && ))))" }',
    "SERVICE in a string, a comment, a name": 'SELECT * WHERE { ?s ex:SERVICE "SERVICE <x>" } '
    "# SERVICE <http://x/>",
    "a variable called service": "SELECT ?service WHERE { ?service ?p ?o }",
}


@pytest.mark.parametrize("query", ORDINARY.values(), ids=ORDINARY.keys())
def test_query_guard_lets_ordinary_queries_through(query):
    assert check_sparql(query) == frozenset()


def test_query_guard_lets_every_saved_question_through():
    for query in saved_queries().values():
        assert check_sparql(query.sparql) == frozenset(), query.name


def test_query_guard_insert_data_is_not_counted():
    rows = " ".join(f'<urn:s{i}> <urn:p> -{i}, "a || b" .' for i in range(20000))

    assert check_sparql(f"INSERT DATA {{ GRAPH <urn:g> {{ {rows} }} }}", update=True) == frozenset()
    with pytest.raises(QueryError, match="triple patterns"):
        check_sparql(f"DELETE WHERE {{ {rows.replace('-', '?v')} }}", update=True)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:8080/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:8080/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <file:///etc/passwd> { ?s ?p ?o } }",
        "SELECT * WHERE { VALUES ?u { <http://x/> } SERVICE ?u { ?s ?p ?o } }",
        "PREFIX x: <http://127.0.0.1:8080/> SELECT * WHERE { SERVICE x:sparql { ?s ?p ?o } }",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:8080/sparql> { ?s ?p ?o } }",
    ],
)
def test_query_guard_refuses_service(query):
    with pytest.raises(
        QueryError,
        match=r"^SERVICE .* is refused: kg fetches no URL for a "
        r"query unless allowed \(--allow-service URL-PREFIX\)$",
    ):
        check_sparql(query, update=query.startswith("INSERT"))


def test_query_guard_service_allow_list():
    allow = ["http://127.0.0.1:8080/"]
    full = "SELECT * WHERE { SERVICE <http://127.0.0.1:8080/sparql> { ?s ?p ?o } }"
    prefixed = "PREFIX x: <http://127.0.0.1:8080/> SELECT * WHERE { SERVICE x:sparql {} }"

    assert check_sparql(full, allow_service=allow) == {"SERVICE"}
    assert check_sparql(prefixed, allow_service=allow) == {"SERVICE"}
    with pytest.raises(QueryError, match="not under a URL allowed with --allow-service"):
        check_sparql(full.replace("8080", "8081"), allow_service=allow)
    with pytest.raises(QueryError, match="name the URL in full"):
        check_sparql("SELECT * WHERE { SERVICE ?u { ?s ?p ?o } }", allow_service=allow)


def test_query_guard_load_needs_its_own_allow_list():
    load = "LOAD <http://127.0.0.1:8080/data.ttl> INTO GRAPH <urn:g>"

    with pytest.raises(QueryError, match=r"^LOAD <http://127.0.0.1:8080/data.ttl> is refused"):
        check_sparql(load, update=True, allow_service=["http://127.0.0.1:8080/"])
    with pytest.raises(QueryError, match="LOAD <file:///etc/passwd> is refused"):
        check_sparql(
            "LOAD SILENT <file:///etc/passwd>", update=True, allow_load=["http://127.0.0.1:8080/"]
        )
    assert check_sparql(load, update=True, allow_load=["http://127.0.0.1:8080/"]) == {"LOAD"}
