"""``kg articles``, ``kg entities`` and ``kg claims``: the contract outputs (CONTRACT.md)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

import pytest

from kg.model import COARSE_TYPES
from kg.predicates import PREDICATES

pytestmark = pytest.mark.slow

ENTITY_KEYS = {"iri", "label", "type", "aliases", "articles"}
CLAIM_KEYS = {
    "iri",
    "article",
    "subject",
    "predicate",
    "object",
    "attributed_to",
    "amount",
    "date",
    "sentence",
    "confidence",
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COLUMNS = {
    "articles": ["id", "title", "published", "source", "entities", "claims"],
    "entities": ["label", "type", "aliases", "articles", "iri"],
    "claims": [
        "subject",
        "predicate",
        "object",
        "attributed_to",
        "amount",
        "date",
        "article",
        "confidence",
        "sentence",
        "start",
        "end",
    ],
}


def _csv(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def test_cli_articles_jsonl(jsonl, corpus_store, corpus_ids):
    rows = jsonl(corpus_store, "articles")

    assert [r["id"] for r in rows] == corpus_ids
    for r in rows:
        assert set(COLUMNS["articles"]) <= set(r)
        assert isinstance(r["entities"], int) and r["entities"] > 0
        assert isinstance(r["claims"], int) and r["claims"] >= 0
        assert r["title"] and r["source"]
        assert re.match(r"^\d{4}-\d{2}-\d{2}$", r["published"])
    assert sum(r["claims"] for r in rows) > 0


def test_cli_articles_csv_matches_jsonl(kg, jsonl, corpus_store):
    res = kg("--store", corpus_store, "articles", "--format", "csv")

    assert res.code == 0, res.err
    header, rows = _csv(res.out)
    assert header == COLUMNS["articles"]
    expected = {r["id"]: (r["entities"], r["claims"]) for r in jsonl(corpus_store, "articles")}
    assert {r["id"]: (int(r["entities"]), int(r["claims"])) for r in rows} == expected


def test_cli_articles_claim_counts_match_claims(jsonl, corpus_store):
    per_article = Counter(c["article"] for c in jsonl(corpus_store, "claims"))

    counts = {r["id"]: r["claims"] for r in jsonl(corpus_store, "articles")}

    assert counts == {i: per_article.get(i, 0) for i in counts}


def test_cli_entities_jsonl_contract(jsonl, corpus_store, corpus_ids):
    entities = jsonl(corpus_store, "entities")

    assert entities
    for e in entities:
        assert set(e) == ENTITY_KEYS, e
        assert isinstance(e["label"], str) and e["label"].strip()
        assert e["type"] in COARSE_TYPES
        assert isinstance(e["aliases"], list)
        assert all(isinstance(a, str) and a for a in e["aliases"])
        assert e["label"] not in e["aliases"]
        assert e["articles"] and set(e["articles"]) <= set(corpus_ids)
        assert e["iri"].startswith("https://")
    iris = [e["iri"] for e in entities]
    assert len(iris) == len(set(iris))


@pytest.mark.parametrize("extra", [(), ("--all",)], ids=["asserted", "all"])
def test_cli_claims_jsonl_contract(jsonl, corpus_store, corpus_ids, extra):
    claims = jsonl(corpus_store, "claims", *extra)

    assert claims
    for c in claims:
        assert CLAIM_KEYS <= set(c), c
        assert c["article"] in corpus_ids
        assert c["predicate"] in PREDICATES
        for end in ("subject", "object"):
            assert set(c[end]) == {"iri", "label", "type"}
            assert c[end]["type"] in COARSE_TYPES
            assert c[end]["label"]
        if c["attributed_to"] is not None:
            assert set(c["attributed_to"]) == {"iri", "label"}
            assert c["attributed_to"]["label"]
        if c["amount"] is not None:
            assert set(c["amount"]) == {"value", "currency"}
            assert isinstance(c["amount"]["value"], (int, float)) and c["amount"]["value"] > 0
            assert re.match(r"^[A-Z]{3}$", c["amount"]["currency"])
        assert c["date"] is None or DATE.match(c["date"]), c["date"]
        assert isinstance(c["sentence"], str) and c["sentence"]
        assert isinstance(c["confidence"], float) and 0 <= c["confidence"] <= 1
    assert len({c["iri"] for c in claims}) == len(claims)


def test_cli_claims_default_lists_asserted_only(jsonl, corpus_store):
    asserted = jsonl(corpus_store, "claims")
    everything = jsonl(corpus_store, "claims", "--all")

    assert {c["polarity"] for c in asserted} == {"asserted"}
    assert {c["iri"] for c in asserted} <= {c["iri"] for c in everything}
    assert {c["polarity"] for c in everything} <= {"asserted", "negated", "hedged"}


def test_cli_claims_refer_to_listed_entities(jsonl, corpus_store):
    entities = {e["iri"]: e for e in jsonl(corpus_store, "entities")}

    for c in jsonl(corpus_store, "claims"):
        for end in ("subject", "object"):
            ref = c[end]
            assert ref["iri"] in entities, ref
            assert c["article"] in entities[ref["iri"]]["articles"]
            assert ref["type"] == entities[ref["iri"]]["type"]


@pytest.mark.parametrize("command", ["entities", "claims"])
def test_cli_listing_csv(kg, jsonl, corpus_store, command):
    res = kg("--store", corpus_store, command, "--format", "csv")

    assert res.code == 0, res.err
    header, rows = _csv(res.out)
    assert header == COLUMNS[command]
    assert len(rows) == len(jsonl(corpus_store, command))


def test_cli_claims_csv_offsets(kg, jsonl, corpus_store):
    res = kg("--store", corpus_store, "claims", "--format", "csv")

    _, rows = _csv(res.out)
    expected = [(c["sentence"], c["start"], c["end"]) for c in jsonl(corpus_store, "claims")]
    assert [(r["sentence"], int(r["start"]), int(r["end"])) for r in rows] == expected


@pytest.mark.parametrize("command", ["articles", "entities", "claims"])
def test_cli_listing_table(kg, jsonl, corpus_store, command):
    res = kg("--store", corpus_store, command)

    assert res.code == 0, res.err
    assert f"{len(jsonl(corpus_store, command))} rows" in res.out


def test_cli_listing_unknown_format(kg, corpus_store):
    res = kg("--store", corpus_store, "claims", "--format", "xml")

    assert res.code != 0
    assert "Traceback" not in res.err
    assert "xml" in res.err


def test_cli_claims_end_to_end(kg_subprocess, corpus_store, jsonl):
    proc = kg_subprocess("--store", corpus_store, "claims", "--format", "jsonl")

    assert proc.returncode == 0
    assert proc.stderr == ""
    assert len(proc.stdout.splitlines()) == len(jsonl(corpus_store, "claims"))


def test_cli_claims_filters(jsonl, corpus_store):
    every = jsonl(corpus_store, "claims")
    info = {a["id"]: a for a in jsonl(corpus_store, "articles")}
    musk = "https://w3id.org/nkg/entity/elon-musk"

    about = jsonl(corpus_store, "claims", "--entity", "Musk")  # an alias
    assert about == [c for c in every if musk in (c["subject"]["iri"], c["object"]["iri"])]
    assert about

    sued = jsonl(corpus_store, "claims", "--entity", "elon-musk", "--predicate", "SUES")
    assert sued == [c for c in about if c["predicate"] == "sues"] and sued

    def day(c):
        return info[c["article"]]["published"] or c["date"] or ""

    march = jsonl(corpus_store, "claims", "--since", "2026-03", "--until", "2026-03")
    assert march == [c for c in every if day(c)[:7] == "2026-03"] and march

    outlet = info[every[0]["article"]]["source"]
    sourced = jsonl(corpus_store, "claims", "--source", outlet.upper())
    assert sourced == [c for c in every if info[c["article"]]["source"] == outlet]

    sure = jsonl(corpus_store, "claims", "--min-confidence", "0.8")
    assert sure == [c for c in every if c["confidence"] >= 0.8]
    assert 0 < len(sure) < len(every)  # measured precisions differ between rules


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--entity", "Nobody Atall"), "kg: error: no entity named 'Nobody Atall'"),
        (("--predicate", "sueing"), "kg: error: unknown predicate 'sueing'"),
        (("--since", "2026-13"), "kg: error: --since '2026-13' is not a date"),
        (("--since", "2026", "--until", "2025"), "kg: error: --since 2026 is after --until 2025"),
    ],
)
def test_cli_claims_bad_filters(kg, corpus_store, args, message):
    res = kg("--store", corpus_store, "claims", *args)

    assert res.code != 0
    assert len(res.error_lines) == 1 and res.error_lines[0].startswith(message)
    assert "Traceback" not in res.err


def test_cli_claims_min_confidence_is_a_share(kg, corpus_store):
    res = kg("--store", corpus_store, "claims", "--min-confidence", "1.5")

    assert res.code == 2
    assert "1.5 is not in the range 0<=x<=1" in res.err and "Traceback" not in res.err


def test_cli_claims_table_cuts_the_sentence(kg, corpus_store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    res = kg("--store", corpus_store, "claims", "--entity", "Musk", "--predicate", "sues")

    assert res.code == 0
    lines = res.out.splitlines()
    assert "sentence" in lines[1]
    assert all(len(line) <= 120 for line in lines)
    assert "…" in res.out
