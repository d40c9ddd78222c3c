"""``kg query`` with queries that used to kill the process (a segmentation fault) or
make it fetch URLs: one line and exit 1 instead, or the URL fetched only when allowed."""

from __future__ import annotations

import pytest
from fetched import target_server  # tests/ is on sys.path

DEEP = {
    "20,000 ||": "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * 20000) + ") }",
    "5,000 ( )": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "10,000 { }": "SELECT * WHERE " + "{" * 10000 + "?s ?p ?o" + "}" * 10000,
}


@pytest.fixture()
def target(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with target_server() as server:
        yield server


@pytest.mark.parametrize("query", DEEP.values(), ids=DEEP.keys())
def test_cli_query_too_deep_is_one_line_not_a_crash(kg_subprocess, sample_store, tmp_path, query):
    path = tmp_path / "deep.rq"
    path.write_text(query)

    res = kg_subprocess("--store", sample_store, "query", "-f", path)

    assert res.returncode == 1, res.stderr  # before: -11, a segmentation fault
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("kg: error: the query ")
    assert "kg refuses it before parsing" in res.stderr


@pytest.mark.parametrize("silent", ["", "SILENT "])
def test_cli_query_service_refused_unless_allowed(kg, sample_store, target, silent):
    query = f"SELECT ?x WHERE {{ SERVICE {silent}<{target.url}/sparql> {{ ?x ?p ?o }} }}"

    refused = kg("--store", sample_store, "query", query, "--format", "csv")
    allowed = kg(
        "--store",
        sample_store,
        "query",
        query,
        "--format",
        "csv",
        "--allow-service",
        f"{target.url}/",
    )

    assert refused.code == 1
    assert refused.error_lines == [
        f"kg: error: SERVICE <{target.url}/sparql> is refused: kg "
        "fetches no URL for a query unless allowed "
        "(--allow-service URL-PREFIX)"
    ]
    assert allowed.code == 0, allowed.err
    assert allowed.out.splitlines() == ["x", "from afar"]
    assert target.fetched and all(p.startswith("/sparql") for p in target.fetched)
    assert len(target.fetched) == 1  # the refused query fetched nothing
