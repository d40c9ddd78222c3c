"""Regression over corpus/: the claims a reader takes from our own articles."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _key(c):
    return (
        c["subject"]["iri"].rsplit("/", 1)[1],
        c["predicate"],
        c["object"]["iri"].rsplit("/", 1)[1],
    )


@pytest.fixture(scope="module")
def claims(corpus_store):
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "--store",
            str(corpus_store),
            "claims",
            "--all",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[tuple, list[dict]] = {}
    for line in out.splitlines():
        c = json.loads(line)
        found.setdefault(_key(c), []).append(c)
    return found


@pytest.mark.parametrize(
    "triple",
    [
        ("microsoft", "partnerOf", "starlink"),
        ("starlink", "subsidiaryOf", "spacex"),
        ("spacex", "mergesWith", "xai"),
        ("xai", "develops", "grok"),
        ("spacex", "contractWith", "nasa"),
        ("spacex", "contractWith", "department-of-defense"),
        ("sam-altman", "executiveOf", "openai"),
        ("microsoft", "investsIn", "openai"),
        ("elon-musk", "sues", "openai"),
    ],
)
def test_extract_corpus_claim_found(claims, triple):
    assert any(c["polarity"] == "asserted" for c in claims.get(triple, []))


def test_extract_corpus_lawsuit_damages_and_source(claims):
    sued = claims[("elon-musk", "sues", "openai")]
    assert any(
        c["amount"] == {"value": 134000000000, "currency": "USD"}
        and c["attributed_to"]["label"] == "New York Post"
        for c in sued
    )


def test_extract_corpus_founding_year(claims):
    assert {c["date"] for c in claims[("elon-musk", "founderOf", "openai")]} == {"2015"}


def test_extract_corpus_fictional_acquisition(claims):
    bought = claims[("larkspur-industries", "acquires", "northwind-robotics")]
    assert any(c["amount"] == {"value": 45000000, "currency": "USD"} for c in bought)


@pytest.mark.parametrize("denial", ["has no plans to", "holds no stake", "does not own a stake"])
def test_extract_corpus_denials_are_not_asserted(claims, denial):
    said = [c for found in claims.values() for c in found if denial in c["sentence"]]
    assert all(c["polarity"] != "asserted" for c in said)
