"""kg.query.listing: the entity, claim and article records of CONTRACT.md (no model)."""

from __future__ import annotations

import json

import pytest

from kg.graph import open_store
from kg.query import list_articles, list_claims, list_entities

ENTITY = "https://w3id.org/nkg/entity/"


@pytest.fixture()
def store(sample_store):
    with open_store(sample_store, create=False) as s:
        yield s


def test_query_listing_entities(store):
    entities = {e["label"]: e for e in list_entities(store)}

    assert set(entities) == {"Acme Corp.", "Widget Inc.", "Jane Doe"}
    assert entities["Acme Corp."] == {
        "iri": ENTITY + "acme",
        "label": "Acme Corp.",
        "type": "Organization",
        "aliases": ["Acme"],
        "articles": ["a1"],
    }
    assert entities["Jane Doe"]["type"] == "Person"


def test_query_listing_claims_asserted_only(store):
    claims = list_claims(store)

    assert len(claims) == 1
    c = claims[0]
    assert c["article"] == "a1"
    assert c["subject"] == {"iri": ENTITY + "acme", "label": "Acme Corp.", "type": "Organization"}
    assert c["predicate"] == "acquires"
    assert c["object"] == {"iri": ENTITY + "widget", "label": "Widget Inc.", "type": "Organization"}
    assert c["attributed_to"] == {"iri": ENTITY + "jane-doe", "label": "Jane Doe"}
    assert c["amount"] == {"value": 5000000, "currency": "USD"}
    assert isinstance(c["amount"]["value"], int)
    assert c["date"] == "2015"
    assert c["confidence"] == 0.9
    assert (c["start"], c["end"]) == (0, len(c["sentence"]))


def test_query_listing_claims_all(store):
    claims = list_claims(store, include_all=True)

    assert [(c["predicate"], c["polarity"]) for c in claims] == [
        ("acquires", "asserted"),
        ("sues", "hedged"),
    ]
    hedged = claims[1]
    assert hedged["attributed_to"] is None and hedged["amount"] is None
    assert hedged["date"] == "2026-11-24"
    assert json.loads(json.dumps(hedged)) == hedged


def test_query_listing_articles(store):
    assert list_articles(store) == [
        {
            "id": "a1",
            "title": "Acme buys Widget",
            "published": "2026-11-24",
            "source": "Test Wire",
            "url": "https://example.org/a1",
            "entities": 3,
            "claims": 1,
        }
    ]


@pytest.mark.parametrize(
    ("command", "lister"),
    [
        ("entities", list_entities),
        ("claims", list_claims),
        ("articles", list_articles),
    ],
)
def test_query_listing_is_cli_jsonl(jsonl, sample_store, command, lister):
    with open_store(sample_store, create=False) as s:
        expected = lister(s)

    assert jsonl(sample_store, command) == expected
