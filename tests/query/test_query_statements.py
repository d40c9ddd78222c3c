"""kg.query.statements: one statement per (subject, predicate, object), with its support
(hand-made articles, no model)."""

from __future__ import annotations

import pytest
from query.handmade import add, remove, story, usd  # tests/ is on sys.path

from kg.graph import open_store
from kg.query.statements import list_statements, statement_key, statement_support

E = "https://w3id.org/nkg/entity/"
BUY5 = "Acme Corp agreed to buy Widget Inc for $5 million."
BUY5_AGAIN = "Acme Corp will buy Widget Inc for $5 million, its chief said."
PARTNER_AB = "Acme Corp announced a partnership with Brisk Analytics."
PARTNER_BA = "Brisk Analytics and Acme Corp are partners."


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "store") as s:
        yield s


def _one(statements, predicate):
    found = [s for s in statements if s["predicate"] == predicate]
    assert len(found) == 1, found
    return found[0]


def test_query_statements_support_counts_articles(store):
    add(
        store,
        story(
            "wire-1",
            (BUY5, "acme", "acquires", "widget", {"amount": usd(5e6)}),
            published="2026-01-05",
            source="Test Wire",
        ),
        story(
            "post-1",
            (BUY5_AGAIN, "acme", "acquires", "widget", {"amount": usd(5e6), "date": "2026-01"}),
            published="2026-01-09",
            source="Harbor Post",
        ),
    )

    st = _one(list_statements(store), "acquires")

    assert st["subject"] == {"iri": E + "acme", "label": "Acme Corp", "type": "Organization"}
    assert st["object"]["label"] == "Widget Inc"
    assert st["support"] == 2
    assert st["sources"] == ["Harbor Post", "Test Wire"]
    assert st["articles"] == ["post-1", "wire-1"]
    assert (st["first_seen"], st["last_seen"]) == ("2026-01-05", "2026-01-09")
    assert st["amounts"] == [{"value": 5000000, "currency": "USD"}]
    assert st["dates"] == ["2026-01"]
    assert len(st["claims"]) == 2
    assert st["iri"].startswith("https://w3id.org/nkg/statement/")


def test_query_statements_copies_of_one_text_count_once(store):
    add(
        store,
        story("wire-1", (BUY5, "acme", "acquires", "widget"), source="Test Wire"),
        story("wire-1-copy", (BUY5, "acme", "acquires", "widget"), source="Syndicate"),
    )

    st = _one(list_statements(store), "acquires")

    assert st["support"] == 1
    assert st["articles"] == ["wire-1", "wire-1-copy"]
    assert st["sources"] == ["Syndicate", "Test Wire"]


def test_query_statements_symmetric_either_order_is_one(store):
    add(
        store,
        story("a", (PARTNER_AB, "acme", "partnerOf", "brisk-analytics")),
        story("b", (PARTNER_BA, "brisk-analytics", "partnerOf", "acme")),
    )

    statements = list_statements(store)

    assert len(statements) == 1
    assert statements[0]["support"] == 2


def test_query_statements_only_asserted_claims_support(store):
    add(
        store,
        story(
            "a",
            (
                "Acme Corp did not buy Widget Inc.",
                "acme",
                "acquires",
                "widget",
                {"polarity": "negated"},
            ),
            (
                "Acme Corp may partner with Brisk Analytics.",
                "acme",
                "partnerOf",
                "brisk-analytics",
                {"polarity": "hedged"},
            ),
        ),
        story("b", (BUY5, "acme", "acquires", "widget")),
    )

    statements = list_statements(store)

    assert [s["predicate"] for s in statements] == ["acquires"]
    assert statements[0]["support"] == 1
    assert statements[0]["denied_by"] == ["a"]


def test_query_statements_min_support(store):
    add(
        store,
        story(
            "a",
            (BUY5, "acme", "acquires", "widget"),
            (PARTNER_AB, "acme", "partnerOf", "brisk-analytics"),
        ),
        story("b", (BUY5_AGAIN, "acme", "acquires", "widget")),
    )

    assert len(list_statements(store)) == 2
    assert [s["predicate"] for s in list_statements(store, min_support=2)] == ["acquires"]


def test_query_statements_support_for_edges_both_ways(store):
    add(
        store,
        story(
            "a",
            (PARTNER_AB, "acme", "partnerOf", "brisk-analytics"),
            (BUY5, "acme", "acquires", "widget"),
        ),
        story("b", (PARTNER_BA, "brisk-analytics", "partnerOf", "acme")),
    )

    support = statement_support(store)

    assert support[(E + "acme", "partnerOf", E + "brisk-analytics")] == 2
    assert support[(E + "brisk-analytics", "partnerOf", E + "acme")] == 2
    assert support[(E + "acme", "acquires", E + "widget")] == 1
    assert (E + "widget", "acquires", E + "acme") not in support


def test_query_statements_key_orders_symmetric_ends_only():
    assert statement_key("b", "rivalOf", "a") == ("a", "rivalOf", "b")
    assert statement_key("b", "sues", "a") == ("b", "sues", "a")


# -- retraction -------------------------------------------------------------------------------


def test_query_statements_retraction_keeps_statement_while_supported(store):
    add(
        store,
        story("wire-1", (BUY5, "acme", "acquires", "widget"), source="Test Wire"),
        story("post-1", (BUY5_AGAIN, "acme", "acquires", "widget"), source="Harbor Post"),
    )
    assert _one(list_statements(store), "acquires")["support"] == 2

    assert remove(store, "wire-1") == (["wire-1"], [])
    st = _one(list_statements(store), "acquires")
    assert (st["support"], st["articles"], st["sources"]) == (1, ["post-1"], ["Harbor Post"])

    remove(store, "post-1")
    assert list_statements(store) == []


def test_query_statements_retraction_of_a_copy(store):
    add(
        store,
        story("wire-1", (BUY5, "acme", "acquires", "widget")),
        story("wire-1-copy", (BUY5, "acme", "acquires", "widget")),
        story("post-1", (BUY5_AGAIN, "acme", "acquires", "widget")),
    )
    assert _one(list_statements(store), "acquires")["support"] == 2

    remove(store, "wire-1")

    st = _one(list_statements(store), "acquires")
    assert st["support"] == 2
    assert st["articles"] == ["post-1", "wire-1-copy"]


# -- time ---------------------------------------------------------------------------------------


def test_query_statements_as_of(store):
    add(
        store,
        story(
            "old",
            (BUY5, "acme", "acquires", "widget"),
            (
                "Laura Chen is the chief executive of Acme Corp.",
                "laura-chen",
                "executiveOf",
                "acme",
            ),
            published="2020-03-01",
        ),
        story(
            "new",
            (BUY5_AGAIN, "acme", "acquires", "widget"),
            (PARTNER_AB, "acme", "partnerOf", "brisk-analytics"),
            (
                "Laura Chen stepped down as chief of Acme Corp in June 2021.",
                "laura-chen",
                "executiveOf",
                "acme",
                {"ended": True, "end_date": "2021-06"},
            ),
            published="2024-02-01",
        ),
    )

    def seen(as_of):
        return {(s["predicate"], s["support"]) for s in list_statements(store, as_of=as_of)}

    assert seen("2019") == set()
    assert seen("2020-03-01") == {("acquires", 1), ("executiveOf", 1)}
    assert seen("2021-12") == {("acquires", 1), ("executiveOf", 1)}  # the end not yet reported
    assert seen("2024") == {("acquires", 2), ("partnerOf", 1)}
    assert seen(None) == {("acquires", 2), ("partnerOf", 1), ("executiveOf", 2)}
