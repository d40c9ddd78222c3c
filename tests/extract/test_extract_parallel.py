"""Extraction on several processes gives what one process gives, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.parallel import ParallelExtractor
from kg.ingest import read_path

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parents[2] / "corpus"


def test_extract_parallel_matches_sequential(extractor):
    articles = [a for p in sorted(CORPUS.glob("*.md")) for a in read_path(p)]
    parallel = ParallelExtractor(workers=2, batch_size=3)

    got = list(parallel.extract_many(articles))
    want = list(extractor.extract_many(articles))

    assert [x.article.id for x in got] == [a.id for a in articles]
    assert [x.claims for x in got] == [x.claims for x in want]
    assert [x.entities for x in got] == [x.entities for x in want]
    assert parallel.name == extractor.name


def test_cli_add_workers_same_graph(kg, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert kg("--store", one, "add", "--workers", "1", CORPUS).code == 0
    assert kg("--store", two, "add", "--workers", "2", CORPUS).code == 0
    query = (
        "SELECT ?c ?s ?p ?o WHERE { ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"
        " ORDER BY ?c"
    )
    rows = [kg("--store", s, "query", query, "--format", "csv").out for s in (one, two)]
    assert rows[0] == rows[1] and rows[0].count("\n") > 10
