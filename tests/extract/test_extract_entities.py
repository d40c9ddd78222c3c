"""Entities: one record per real entity, with a clean label, its other names and a type."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def xfail(reason: str):
    return pytest.mark.xfail(reason=reason, strict=False)


@pytest.mark.parametrize(
    "text,key,label,alias",
    [
        (
            "Elon Musk founded SpaceX in 2002. Musk still runs the company.",
            "elon-musk",
            "Elon Musk",
            "Musk",
        ),
        (
            "Acme Corp. will buy Corvale Networks. Acme expects the deal to close in June.",
            "acme",
            "Acme Corp.",
            "Acme",
        ),
        # NER leaves the second 'Acme' untagged: found as the name without its suffix
        (
            "Acme Corp. reported strong sales. Acme also hired staff.",
            "acme",
            "Acme Corp.",
            "Acme",
        ),
        (
            "Larkspur Industries Inc. reported results. Larkspur said sales rose.",
            "larkspur-industries",
            "Larkspur Industries Inc.",
            "Larkspur",
        ),
    ],
)
def test_extract_short_name_joins_full_name(extract, text, key, label, alias):
    entities = extract(text).entities
    matching = [e for e in entities if alias == e.label or alias in e.aliases]
    assert [(e.key, e.label) for e in matching] == [(key, label)]
    assert alias in matching[0].aliases


@pytest.mark.parametrize(
    "text,label",
    [
        ("Halvard Systems\u2019 profits rose.", "Halvard Systems"),
        ("Elon Musk\u2019s company launched a rocket.", "Elon Musk"),
    ],
)
def test_extract_possessive_stripped_from_label(extract, text, label):
    labels = [e.label for e in extract(text).entities]
    assert label in labels
    assert not any(x.endswith(("'s", "\u2019s", "'", "\u2019")) for x in labels)


@pytest.mark.parametrize(
    "text,key,type_",
    [
        ("Northwind Robotics unveiled a new robot.", "northwind-robotics", "Organization"),
        # NER says LOC here; the last word "Robotics" makes it an organisation
        (
            "Quillon Capital invested $20 million in Northwind Robotics.",
            "northwind-robotics",
            "Organization",
        ),
        ("Customers downloaded the Zephyr app.", "zephyr", "Product"),
        # a name whose last word marks a company, left untagged after a dateline
        (
            "SAN FRANCISCO (Reuters) - Halden Corp said it would buy a rival.",
            "halden",
            "Organization",
        ),
        # the noun before a name types it: "start-up", "property firm"
        ("Quasar-2 comes from Chinese start-up DeepSeek.", "deepseek", "Organization"),
        # founding it and being owned make a name NER calls a person a company
        (
            "Jane Doe, a co-founder of the Amazon-owned streaming site Twitch, spoke.",
            "twitch",
            "Organization",
        ),
        (
            "Acme Corp reported profits. Ilya Sutskever, a co-founder and board member, voted.",
            "ilya-sutskever",
            "Person",
        ),
        # a model's name is a product: letters, a dash, a number
        ("Halvard Systems delivered the first HLV-310 to Corvale last week.", "hlv-310", "Product"),
        ("Costs were kept low by sharing a platform with Aston Martin's DB9.", "db9", "Product"),
        # a capitalised word the tagger calls an adjective, before "brand"
        ("Larkspur Insurance sold the Quotemehappy brand to Brivo.", "quotemehappy", "Product"),
        # in apposition to a product noun
        (
            "Corvale Pharma said its most advanced product, Aflivra, won approval.",
            "aflivra",
            "Product",
        ),
        # a member of a list after "such as", but not the owner named with a possessive
        (
            "Products such as Sony's Playstation and Nintendo's Game Cube sold well.",
            "game-cube",
            "Product",
        ),
        (
            "Products such as Sony's Playstation and Nintendo's Game Cube sold well.",
            "nintendo",
            "Organization",
        ),
        # a name before a title of a company's is the company
        (
            "It was a last resort, said Yukos chief executive Steven Theede.",
            "yukos",
            "Organization",
        ),
        # ... but not before "headquarters"
        (
            "The mark was projected onto the company's San Francisco headquarters.",
            "san-francisco",
            "Place",
        ),
        # NER says GPE; the subject of "leads" with a company as its object is a person
        ("Maya Okafor leads Larkspur Industries.", "maya-okafor", "Person"),
    ],
)
def test_extract_entity_type(extract, text, key, type_):
    types = {e.key: e.type for e in extract(text).entities}
    assert types.get(key) == type_, types


def test_extract_known_one_letter_name_only_on_its_own(extract):
    text = "Halvard Systems bought the social network X last year."
    keys = {e.key for e in extract(text).entities}
    assert "x" in keys
    keys = {e.key for e in extract("Tesla sells the Model X and takes X-ray images.").entities}
    assert "x" not in keys


def test_extract_name_ends_at_a_dash(extract):
    text = "The seller - property firm Quinlan Private - bought the hotel for \u00a3750m."
    assert "Quinlan Private" in [e.label for e in extract(text).entities]


def test_extract_dates_and_money_are_not_entities(extract):
    ex = extract("On Tuesday, Halvard Systems paid $5 million.")
    assert [e.key for e in ex.entities] == ["halvard-systems"]
