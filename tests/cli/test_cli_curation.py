"""`kg entities merge` and `kg entities alias`: corrections kept and honoured."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

FIRST = """---
id: first
---
Quillon Systems agreed to buy Tarn Labs, Quillon said on Monday.
"""
SECOND = """---
id: second
---
Brisk Analytics announced a partnership with Quillon Systems on Tuesday.
"""
NICKNAME = """---
id: third
---
Big Q will partner with Ferro Dynamics, the two companies said.
"""


def _entity(jsonl, store, label):
    return [e for e in jsonl(store, "entities") if e["label"] == label]


@pytest.fixture()
def curated(tmp_path, kg):
    (tmp_path / "first.md").write_text(FIRST)
    (tmp_path / "second.md").write_text(SECOND)
    store = tmp_path / "store"
    assert kg("--store", store, "add", tmp_path / "first.md", tmp_path / "second.md").code == 0
    return store


def test_cli_curation_merge_makes_one_entity(kg, jsonl, curated):
    assert _entity(jsonl, curated, "Quillon") or _entity(jsonl, curated, "Quillon Systems")
    keys_before = {e["iri"] for e in jsonl(curated, "entities")}

    res = kg("--store", curated, "entities", "merge", "Tarn Labs", "Quillon Systems")

    assert res.code == 0, res.err
    after = jsonl(curated, "entities")
    assert len(after) == len(keys_before) - 1
    merged = _entity(jsonl, curated, "Quillon Systems")[0]
    assert "Tarn Labs" in merged["aliases"]
    assert (curated / "curation.yaml").exists()


def test_cli_curation_is_honoured_by_later_ingests(kg, jsonl, curated, tmp_path):
    kg("--store", curated, "entities", "merge", "Brisk Analytics", "Quillon Systems")
    later = tmp_path / "later.md"
    later.write_text("---\nid: later\n---\nBrisk Analytics hired a new finance chief.\n")

    assert kg("--store", curated, "add", later).code == 0

    brisk = [e for e in jsonl(curated, "entities") if "later" in e["articles"]]
    assert [e["label"] for e in brisk] == ["Quillon Systems"]


def test_cli_curation_alias_names_the_entity(kg, jsonl, curated, tmp_path):
    (tmp_path / "third.md").write_text(NICKNAME)
    kg("--store", curated, "add", tmp_path / "third.md")

    res = kg("--store", curated, "entities", "alias", "Quillon Systems", "Big Q")

    assert res.code == 0, res.err
    quillon = _entity(jsonl, curated, "Quillon Systems")[0]
    assert "third" in quillon["articles"]
    claims = jsonl(curated, "claims")
    assert any(
        c["article"] == "third"
        and c["predicate"] == "partnerOf"
        and "Quillon Systems" in (c["subject"]["label"], c["object"]["label"])
        for c in claims
    )


@pytest.mark.parametrize(
    "args", [("Nothing Like It", "Quillon Systems"), ("Quillon Systems", "Quillon Systems")]
)
def test_cli_curation_bad_merge_is_one_line(kg, curated, args):
    res = kg("--store", curated, "entities", "merge", *args)

    assert res.code != 0
    assert len(res.error_lines) == 1
    assert "Traceback" not in res.err
