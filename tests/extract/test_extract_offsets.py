"""Provenance: every claim's evidence offsets point at its sentence in the article text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[2] / "corpus"

pytestmark = pytest.mark.slow


def _body(path: Path) -> str:
    """The text of a corpus file after its YAML front matter, stripped."""
    text = path.read_text("utf-8")
    match = re.match(r"\A---\n.*?\n---\n(.*)\Z", text, re.S)
    assert match, f"{path} has no front matter"
    return match.group(1).strip()


@pytest.fixture()
def stored_texts(kg, corpus_store) -> dict[str, str]:
    """Article id -> schema:articleBody, read with ``kg query``."""
    import json

    res = kg(
        "--store",
        corpus_store,
        "query",
        "SELECT ?id ?text WHERE { ?a nkg:articleId ?id ; schema:articleBody ?text }",
        "--format",
        "json",
    )
    assert res.code == 0, res.err
    rows = json.loads(res.out)["results"]["bindings"]
    return {r["id"]["value"]: r["text"]["value"] for r in rows}


def test_extract_stored_text_is_file_body(stored_texts, corpus_ids):
    assert sorted(stored_texts) == corpus_ids
    for article_id, text in stored_texts.items():
        assert text == _body(CORPUS / f"{article_id}.md"), article_id


def test_extract_claim_offsets_slice_sentence(jsonl, corpus_store, stored_texts):
    claims = jsonl(corpus_store, "claims", "--all")

    assert claims
    for c in claims:
        text = stored_texts[c["article"]]
        assert 0 <= c["start"] < c["end"] <= len(text), c["iri"]
        assert text[c["start"] : c["end"]] == c["sentence"], c["iri"]
        assert _body(CORPUS / f"{c['article']}.md")[c["start"] : c["end"]] == c["sentence"]
        assert c["sentence"] == c["sentence"].strip()
