"""kg.query.timeline: dates, the graph as of a day, and one entity's claims in order
(hand-made articles, no model)."""

from __future__ import annotations

import pytest
from query.handmade import add, story  # tests/ is on sys.path

from kg.errors import KGError
from kg.graph import open_store
from kg.query.listing import list_claims
from kg.query.timeline import entity_timeline, parse_as_of, period_start


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "store") as s:
        add(
            s,
            story(
                "profile",
                (
                    "Laura Chen founded Acme Corp in 2010.",
                    "laura-chen",
                    "founderOf",
                    "acme",
                    {"date": "2010"},
                ),
                (
                    "Laura Chen is the chief executive of Acme Corp.",
                    "laura-chen",
                    "executiveOf",
                    "acme",
                ),
                published="2019-05-02",
                source="Test Wire",
            ),
            story(
                "deal",
                (
                    "Acme Corp agreed to buy Widget Inc for $5 million.",
                    "acme",
                    "acquires",
                    "widget",
                ),
                (
                    "Acme Corp will not merge with Tarn Labs.",
                    "acme",
                    "mergesWith",
                    "tarn-labs",
                    {"polarity": "negated"},
                ),
                published="2023-08-14",
                source="Harbor Post",
            ),
            story(
                "exit",
                (
                    "Laura Chen stepped down as chief executive of Acme Corp in March 2024.",
                    "laura-chen",
                    "executiveOf",
                    "acme",
                    {"ended": True, "end_date": "2024-03"},
                ),
                (
                    "Acme Corp, whose former partner Brisk Analytics ...",
                    "acme",
                    "partnerOf",
                    "brisk-analytics",
                    {"ended": True},
                ),
                published="2024-06-01",
                source="Test Wire",
            ),
        )
        yield s


def test_query_timeline_in_order_with_sources(store):
    entity, rows = entity_timeline(store, "Acme")

    assert entity["label"] == "Acme Corp"
    assert [
        (r["date"], r["predicate"], r["other"]["label"], r["status"], r["source"], r["article"])
        for r in rows
    ] == [
        ("2010", "founderOf", "Laura Chen", "", "Test Wire", "profile"),
        ("2019-05-02", "executiveOf", "Laura Chen", "", "Test Wire", "profile"),
        ("2023-08-14", "acquires", "Widget Inc", "", "Harbor Post", "deal"),
        ("2024-03", "executiveOf", "Laura Chen", "ended", "Test Wire", "exit"),
        ("2024-06-01", "partnerOf", "Brisk Analytics", "ended", "Test Wire", "exit"),
    ]
    assert [r["dated_by"] for r in rows] == ["event", "article", "article", "end", "article"]


def test_query_timeline_all_adds_negated(store):
    _, rows = entity_timeline(store, "Acme Corp", include_all=True)

    assert ("2023-08-14", "mergesWith", "negated") in {
        (r["date"], r["predicate"], r["status"]) for r in rows
    }


def test_query_timeline_unknown_name_suggests(store):
    with pytest.raises(KGError, match="did you mean Laura Chen"):
        entity_timeline(store, "Laura Chan")


def test_query_timeline_claims_as_of(store):
    def claims(as_of):
        return sorted(c["predicate"] for c in list_claims(store, as_of=as_of))

    assert claims("2019-05-01") == []
    assert claims("2019-05-02") == ["executiveOf", "founderOf"]
    assert claims("2023") == ["acquires", "executiveOf", "founderOf"]
    # the exit article ends both relations; earlier reports of them retire with it
    assert claims("2024-06") == ["acquires", "founderOf"]
    assert len(list_claims(store)) == 5  # without --as-of: every asserted claim


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025", "2025-12-31"),
        ("2024-02", "2024-02-29"),
        ("2023-02", "2023-02-28"),
        ("2026-03-10", "2026-03-10"),
        (" 2026-03-10 ", "2026-03-10"),
    ],
)
def test_query_timeline_parse_as_of(text, day):
    assert parse_as_of(text) == day


@pytest.mark.parametrize(
    "text", ["", "yesterday", "2023-13", "2023-02-30", "23-01-01", "2023/01/01"]
)
def test_query_timeline_parse_as_of_rejects(text):
    with pytest.raises(KGError, match="not a date"):
        parse_as_of(text)


def test_query_timeline_period_start():
    assert [period_start(d) for d in ("2022", "2022-05", "2022-05-17")] == [
        "2022-01-01",
        "2022-05-01",
        "2022-05-17",
    ]
