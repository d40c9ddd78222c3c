"""kg.query.conflicts: statements whose reports disagree (hand-made articles, no model)."""

from __future__ import annotations

import pytest
from query.handmade import add, remove, story, usd  # tests/ is on sys.path

from kg.graph import open_store
from kg.query.conflicts import amounts_disagree, dates_disagree, find_conflicts

BUY5 = "Acme Corp agreed to buy Widget Inc for $5 million."
BUY9 = "Acme Corp agreed to buy Widget Inc for $9 million."


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "store") as s:
        yield s


def _buy(article_id, sentence, source=None, published=None, **fields):
    return story(
        article_id,
        (sentence, "acme", "acquires", "widget", fields),
        source=source,
        published=published,
    )


def _kinds(store):
    return sorted(c["kind"] for c in find_conflicts(store))


def test_query_conflicts_amounts_shown_with_their_sources(store):
    add(
        store,
        _buy("wire-1", BUY5, "Test Wire", "2026-01-05", amount=usd(5e6)),
        _buy("post-1", BUY9, "Harbor Post", "2026-01-06", amount=usd(9e6)),
    )

    [conflict] = find_conflicts(store)

    assert conflict["kind"] == "amount"
    assert (conflict["subject"]["label"], conflict["predicate"], conflict["object"]["label"]) == (
        "Acme Corp",
        "acquires",
        "Widget Inc",
    )
    assert [(v["value"], v["article"], v["source"], v["sentence"]) for v in conflict["values"]] == [
        ({"value": 5000000, "currency": "USD"}, "wire-1", "Test Wire", BUY5),
        ({"value": 9000000, "currency": "USD"}, "post-1", "Harbor Post", BUY9),
    ]
    assert conflict["summary"] == "amount: 5,000,000 USD (Test Wire) vs 9,000,000 USD (Harbor Post)"
    assert conflict["statement"].startswith("https://w3id.org/nkg/statement/")


def test_query_conflicts_rounding_is_no_conflict(store):
    add(
        store,
        _buy("a", BUY5, amount=usd(5e6)),
        _buy("b", "Acme Corp will pay about $5.05 million for Widget Inc.", amount=usd(5.05e6)),
    )

    assert find_conflicts(store) == []


def test_query_conflicts_other_currency_is_flagged_not_compared(store):
    add(
        store,
        _buy("a", BUY5, amount=usd(5e6)),
        _buy(
            "b", "Acme Corp agreed to buy Widget Inc for 9 million euros.", amount=usd(9e6, "EUR")
        ),
    )

    [conflict] = find_conflicts(store)

    assert conflict["kind"] == "currency"
    assert {v["value"]["currency"] for v in conflict["values"]} == {"USD", "EUR"}


def test_query_conflicts_three_reports_two_figures(store):
    add(
        store,
        _buy("a", BUY5, amount=usd(5e6)),
        _buy("b", "Acme Corp is paying $5 million for Widget Inc.", amount=usd(5e6)),
        _buy("c", BUY9, amount=usd(9e6)),
    )

    [conflict] = find_conflicts(store)

    assert sorted(v["article"] for v in conflict["values"]) == ["a", "b", "c"]


def test_query_conflicts_dates_of_one_off_event(store):
    add(
        store,
        _buy("a", "Acme Corp bought Widget Inc in 2019.", date="2019"),
        _buy("b", "Acme Corp bought Widget Inc in 2021.", date="2021"),
        _buy("c", "Acme Corp bought Widget Inc in May 2019.", date="2019-05"),
    )

    [conflict] = find_conflicts(store)

    assert conflict["kind"] == "date"
    assert sorted(v["value"] for v in conflict["values"]) == ["2019", "2019-05", "2021"]


def test_query_conflicts_repeated_investments_are_two_events(store):
    add(
        store,
        story(
            "a",
            (
                "Acme Corp invested $1 million in Widget Inc in 2019.",
                "acme",
                "investsIn",
                "widget",
                {"date": "2019", "amount": usd(1e6)},
            ),
        ),
        story(
            "b",
            (
                "Acme Corp invested $10 million in Widget Inc in 2023.",
                "acme",
                "investsIn",
                "widget",
                {"date": "2023", "amount": usd(1e7)},
            ),
        ),
    )

    assert find_conflicts(store) == []


def test_query_conflicts_asserted_and_denied(store):
    add(
        store,
        _buy("a", BUY5, "Test Wire"),
        story(
            "b",
            (
                "Acme Corp did not buy Widget Inc.",
                "acme",
                "acquires",
                "widget",
                {"polarity": "negated"},
            ),
            source="Harbor Post",
        ),
    )

    [conflict] = find_conflicts(store)

    assert conflict["kind"] == "polarity"
    assert [(v["value"], v["source"]) for v in conflict["values"]] == [
        ("asserted", "Test Wire"),
        ("negated", "Harbor Post"),
    ]


def test_query_conflicts_within_one_article_are_not_counted(store):
    add(
        store,
        story(
            "a",
            (BUY5, "acme", "acquires", "widget", {"amount": usd(5e6)}),
            (BUY9, "acme", "acquires", "widget", {"amount": usd(9e6)}),
            (
                "Acme Corp did not buy Widget Inc.",
                "acme",
                "acquires",
                "widget",
                {"polarity": "negated"},
            ),
        ),
    )

    assert find_conflicts(store) == []


def test_query_conflicts_end_dates(store):
    add(
        store,
        story(
            "a",
            (
                "Laura Chen left Acme Corp in 2021.",
                "laura-chen",
                "executiveOf",
                "acme",
                {"ended": True, "end_date": "2021"},
            ),
        ),
        story(
            "b",
            (
                "Laura Chen left Acme Corp in 2022.",
                "laura-chen",
                "executiveOf",
                "acme",
                {"ended": True, "end_date": "2022"},
            ),
        ),
    )

    assert _kinds(store) == ["end-date"]


def test_query_conflicts_follow_retraction(store):
    add(
        store,
        _buy("a", BUY5, amount=usd(5e6)),
        _buy("b", BUY9, amount=usd(9e6)),
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
    assert _kinds(store) == ["amount", "polarity"]

    remove(store, "b")
    assert _kinds(store) == ["polarity"]

    remove(store, "a")  # nothing asserts it any more: no statement, no conflict
    assert _kinds(store) == []


def test_query_conflicts_as_of(store):
    add(
        store,
        _buy("a", BUY5, published="2026-01-05", amount=usd(5e6)),
        _buy("b", BUY9, published="2026-03-01", amount=usd(9e6)),
    )

    assert find_conflicts(store, as_of="2026-02") == []
    assert len(find_conflicts(store, as_of="2026-03")) == 1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2019", "2021", True),
        ("2019", "2019-05-02", False),
        ("2019-04", "2019-05", True),
        ("2024-03-04", "2024-03-09", True),
        ("2024-03", "2024-03-09", False),
    ],
)
def test_query_conflicts_dates_disagree(a, b, expected):
    assert dates_disagree(a, b) is expected


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (134e9, 97e9, True),
        (5e6, 5.05e6, False),
        (100, 102, False),
        (100, 103, True),
    ],
)
def test_query_conflicts_amounts_disagree(x, y, expected):
    assert (
        amounts_disagree({"value": x, "currency": "USD"}, {"value": y, "currency": "USD"})
        is expected
    )
