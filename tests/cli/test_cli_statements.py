"""``kg statements``, ``kg conflicts``, ``kg timeline`` and ``--as-of``, through the real CLI."""

from __future__ import annotations

import csv
import io

import pytest
from query.handmade import add, story, usd  # tests/ is on sys.path

from kg.cli import cli, listing, statements  # noqa: F401  (imports register commands)
from kg.graph import open_store

BUY5 = "Acme Corp agreed to buy Widget Inc for $5 million."
BUY9 = "Acme Corp agreed to buy Widget Inc for $9 million."
DENY = "Acme Corp did not buy Widget Inc."


@pytest.fixture()
def hand_store(tmp_path):
    """Three hand-made articles: $5 million, $9 million, and a denial."""
    path = tmp_path / "store"
    with open_store(path) as s:
        add(
            s,
            story(
                "wire-1",
                (BUY5, "acme", "acquires", "widget", {"amount": usd(5e6)}),
                published="2026-01-05",
                source="Test Wire",
            ),
            story(
                "post-1",
                (BUY9, "acme", "acquires", "widget", {"amount": usd(9e6)}),
                (
                    "Laura Chen is the chief executive of Acme Corp.",
                    "laura-chen",
                    "executiveOf",
                    "acme",
                ),
                published="2026-02-10",
                source="Harbor Post",
            ),
            story(
                "ledger-1",
                (DENY, "acme", "acquires", "widget", {"polarity": "negated"}),
                published="2026-03-01",
                source="Daily Ledger",
            ),
        )
    return path


# -- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("statements",),
        ("conflicts",),
        ("timeline",),
        ("entities", "review"),
        ("entities", "split"),
        ("entities", "rename"),
        ("entities", "undo"),
    ],
)
def test_cli_statements_help_has_example(kg, command):
    res = kg(*command, "--help")

    assert res.code == 0
    assert res.out.startswith(f"Usage: kg {' '.join(command)}")
    assert "Example" in res.out


def test_cli_statements_registered_by_main():
    assert {"statements", "conflicts", "timeline"} <= set(cli.commands)


# -- statements ------------------------------------------------------------------------------


def test_cli_statements_jsonl(jsonl, hand_store):
    rows = {r["predicate"]: r for r in jsonl(hand_store, "statements")}

    buy = rows["acquires"]
    assert set(buy) >= {
        "subject",
        "predicate",
        "object",
        "support",
        "sources",
        "articles",
        "first_seen",
        "last_seen",
        "amounts",
        "dates",
        "denied_by",
    }
    assert buy["subject"]["label"] == "Acme Corp"
    assert (buy["support"], buy["sources"], buy["articles"]) == (
        2,
        ["Harbor Post", "Test Wire"],
        ["post-1", "wire-1"],
    )
    assert (buy["first_seen"], buy["last_seen"]) == ("2026-01-05", "2026-02-10")
    assert buy["amounts"] == [
        {"value": 5000000, "currency": "USD"},
        {"value": 9000000, "currency": "USD"},
    ]
    assert buy["denied_by"] == ["ledger-1"]


def test_cli_statements_min_support_and_as_of(jsonl, hand_store):
    assert [r["predicate"] for r in jsonl(hand_store, "statements", "--min-support", "2")] == [
        "acquires"
    ]
    early = jsonl(hand_store, "statements", "--as-of", "2026-01")
    assert [(r["predicate"], r["support"]) for r in early] == [("acquires", 1)]


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_cli_statements_table_and_csv(kg, hand_store, fmt):
    res = kg("--store", hand_store, "statements", "--format", fmt)

    assert res.code == 0, res.err
    assert "Acme Corp" in res.out and "Harbor Post" in res.out


# -- conflicts -------------------------------------------------------------------------------


def test_cli_conflicts_jsonl_one_per_conflict(jsonl, hand_store):
    found = {c["kind"]: c for c in jsonl(hand_store, "conflicts")}

    assert set(found) == {"amount", "polarity"}
    assert (
        found["amount"]["summary"]
        == "amount: 5,000,000 USD (Test Wire) vs 9,000,000 USD (Harbor Post)"
    )
    assert {(v["article"], v["source"], v["sentence"]) for v in found["polarity"]["values"]} == {
        ("wire-1", "Test Wire", BUY5),
        ("post-1", "Harbor Post", BUY9),
        ("ledger-1", "Daily Ledger", DENY),
    }


def test_cli_conflicts_csv_one_row_per_value(kg, hand_store):
    res = kg("--store", hand_store, "conflicts", "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(res.out)))
    assert res.code == 0, res.err
    assert [(r["conflict"], r["kind"], r["value"], r["source"]) for r in rows] == [
        ("1", "amount", "5000000 USD", "Test Wire"),
        ("1", "amount", "9000000 USD", "Harbor Post"),
        ("2", "polarity", "asserted", "Test Wire"),
        ("2", "polarity", "asserted", "Harbor Post"),
        ("2", "polarity", "negated", "Daily Ledger"),
    ]
    assert rows[0]["sentence"] == BUY5


def test_cli_conflicts_visible_to_sparql(kg, hand_store):
    res = kg(
        "--store",
        hand_store,
        "query",
        "--format",
        "csv",
        "SELECT ?kind WHERE { ?k a nkg:Conflict ; nkg:conflictKind ?kind } ORDER BY ?kind",
    )

    assert res.code == 0, res.err
    assert res.out.split() == ["kind", "amount", "polarity"]


def test_cli_conflicts_follow_remove(kg, jsonl, hand_store):
    assert kg("--store", hand_store, "remove", "post-1").code == 0

    assert [c["kind"] for c in jsonl(hand_store, "conflicts")] == ["polarity"]
    assert [(r["predicate"], r["support"]) for r in jsonl(hand_store, "statements")] == [
        ("acquires", 1)
    ]


# -- timeline and --as-of ---------------------------------------------------------------------


def test_cli_timeline(jsonl, hand_store):
    rows = jsonl(hand_store, "timeline", "Widget Inc")

    assert [
        (r["date"], r["predicate"], r["other"]["label"], r["source"], r["article"]) for r in rows
    ] == [
        ("2026-01-05", "acquires", "Acme Corp", "Test Wire", "wire-1"),
        ("2026-02-10", "acquires", "Acme Corp", "Harbor Post", "post-1"),
    ]


def test_cli_timeline_table(kg, hand_store):
    res = kg("--store", hand_store, "timeline", "Acme")

    assert res.code == 0, res.err
    assert "Laura Chen" in res.out and "3 rows" in res.out


def test_cli_claims_as_of(jsonl, hand_store):
    assert {c["article"] for c in jsonl(hand_store, "claims", "--as-of", "2026-01-31")} == {
        "wire-1"
    }
    assert len(jsonl(hand_store, "claims", "--as-of", "2026")) == len(jsonl(hand_store, "claims"))


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "Acme Crop"),
        ("claims", "--as-of", "soon"),
        ("statements", "--as-of", "2026-02-30"),
        ("conflicts", "--as-of", "26"),
    ],
)
def test_cli_statements_bad_input_is_one_line(kg, hand_store, args):
    res = kg("--store", hand_store, *args)

    assert res.code != 0
    assert len(res.error_lines) == 1, res.err
    assert "Traceback" not in res.err


def test_cli_timeline_suggests_close_names(kg, hand_store):
    res = kg("--store", hand_store, "timeline", "Acme Crop")

    assert res.error_lines == ["kg: error: no entity named 'Acme Crop'; did you mean Acme Corp?"]


# -- end to end, with the model ---------------------------------------------------------------

FIRST = """---
id: quillon-buys-tarn
published: 2026-01-12
source: Test Wire
---
Quillon Systems agreed to buy Tarn Labs for $5 million.
"""
SECOND = """---
id: quillon-tarn-price
published: 2026-01-20
source: Harbor Post
---
Quillon Systems agreed to buy Tarn Labs for $9 million.
"""


@pytest.mark.slow
def test_cli_statements_retraction_end_to_end(kg, jsonl, tmp_path):
    store = tmp_path / "store"
    for name, text in [
        ("first.md", FIRST),
        ("second.md", SECOND),
        ("copy.md", FIRST.replace("id: quillon-buys-tarn", "id: syndicated")),
    ]:
        (tmp_path / name).write_text(text)
    assert (
        kg(
            "--store",
            store,
            "add",
            tmp_path / "first.md",
            tmp_path / "second.md",
            tmp_path / "copy.md",
        ).code
        == 0
    )

    def support():
        return {
            (s["subject"]["label"], s["predicate"], s["object"]["label"]): s["support"]
            for s in jsonl(store, "statements")
        }

    deal = ("Quillon Systems", "acquires", "Tarn Labs")
    assert support() == {deal: 2}  # the syndicated copy counts once
    [conflict] = jsonl(store, "conflicts")
    assert conflict["kind"] == "amount"
    assert {v["value"]["value"] for v in conflict["values"]} == {5000000, 9000000}

    assert kg("--store", store, "remove", "quillon-tarn-price").code == 0
    assert support() == {deal: 1}
    assert jsonl(store, "conflicts") == []

    assert kg("--store", store, "remove", "quillon-buys-tarn").code == 0
    assert support() == {deal: 1}

    assert kg("--store", store, "remove", "syndicated").code == 0
    assert support() == {}
