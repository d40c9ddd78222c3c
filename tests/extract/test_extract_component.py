"""The kg_claims component in a plain spaCy pipeline, with kg's rules and a user's."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.extract.nlp import default_model

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parents[2] / "corpus"

#: Run in a fresh interpreter that never imports kg itself: spaCy finds the
#: factory through the package's ``spacy_factories`` entry point.
PLAIN_PIPELINE = textwrap.dedent("""
    import json, sys
    import spacy
    nlp = spacy.load(sys.argv[1])
    config = {"rules": sys.argv[3:]} if len(sys.argv) > 3 else {}
    nlp.add_pipe("kg_claims", config=config)
    doc = nlp(sys.argv[2])
    print(json.dumps({
        "claims": [[c.subject, c.predicate, c.object, c.polarity] for c in doc._.kg_claims],
        "entities": [[e.label, e.type] for e in doc._.kg_entities],
    }))
""")


def _plain(text: str, *rules) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PLAIN_PIPELINE, default_model(), text, *map(str, rules)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_extract_component_in_a_plain_spacy_pipeline() -> None:
    found = _plain("Acme Corp. agreed to buy Widget Inc. for $5 million.")
    assert ["acme", "acquires", "widget", "asserted"] in found["claims"]
    assert ["Acme Corp.", "Organization"] in found["entities"]


def test_extract_component_honours_a_users_rule_file(tmp_path) -> None:
    text = "Acme Corp. scooped up Widget Inc. last year."
    assert _plain(text)["claims"] == []
    rules = tmp_path / "my-rules.yaml"
    rules.write_text(
        "verbs:\n  - {lemma: scoop, particle: up, predicate: acquires,\n"
        "     object_types: [Organization]}\n"
    )
    assert _plain(text, rules)["claims"] == [["acme", "acquires", "widget", "asserted"]]


def test_extract_component_output_is_what_kg_add_stores(corpus_store, extractor) -> None:
    """kg's ingest is nlp.pipe plus the records the component sets: the claims the
    store holds for each corpus article are those the component gives."""
    from kg.graph import open_store
    from kg.ingest import read_path
    from kg.query import list_claims

    with open_store(corpus_store, read_only=True) as store:
        stored = {
            (
                c["article"],
                c["subject"]["iri"].rsplit("/", 1)[1],
                c["predicate"],
                c["object"]["iri"].rsplit("/", 1)[1],
                c["start"],
                c["polarity"],
            )
            for c in list_claims(store, include_all=True)
        }
    articles = [a for path in sorted(CORPUS.glob("*.md")) for a in read_path(str(path))]
    nlp = extractor.nlp
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.kg_published, doc._.kg_source = article.published, article.source
        docs.append(doc)
    component = {
        (a.id, c.subject, c.predicate, c.object, c.sentence_start, c.polarity)
        for a, doc in zip(articles, nlp.pipe(docs), strict=True)
        for c in doc._.kg_claims
    }
    assert stored and component == stored
