"""Shared fixtures: the CLI run in-process, and one store built from corpus/ per session."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "corpus"
SHAPES = ROOT / "ontologies" / "shapes.ttl"

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass
class Run:
    """What one ``kg`` command did: exit code, standard output, standard error."""

    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        """The lines of standard error that are kg's own messages ("kg: ...")."""
        return [line for line in self.err.splitlines() if line.startswith("kg: ")]


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


def invoke(*args) -> int:
    """Call ``kg.cli.main`` with ``args`` and return its exit code."""
    try:
        main([str(a) for a in args])
    except SystemExit as exc:
        return _exit_code(exc)
    return 0


@pytest.fixture()
def kg(capsys):
    """Run ``kg ARGS...`` in-process: ``kg("--store", path, "articles")`` -> :class:`Run`."""

    def run(*args) -> Run:
        capsys.readouterr()
        code = invoke(*args)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture()
def kg_subprocess():
    """Run the installed ``kg`` script in a child process; returns the CompletedProcess."""

    def run(*args, **kwargs) -> subprocess.CompletedProcess:
        exe = shutil.which("kg")
        cmd = [exe] if exe else [sys.executable, "-m", "kg"]
        return subprocess.run(
            [*cmd, *(str(a) for a in args)], capture_output=True, text=True, timeout=120, **kwargs
        )

    return run


@pytest.fixture()
def quad_count(kg):
    """The number of quads in a store, counted with ``kg query --format csv``."""

    def count(store: Path) -> int:
        res = kg("--store", store, "query", COUNT_QUADS, "--format", "csv")
        assert res.code == 0, res.err
        rows = list(csv.DictReader(io.StringIO(res.out)))
        assert len(rows) == 1
        return int(rows[0]["n"])

    return count


@pytest.fixture()
def jsonl(kg):
    """The records of ``kg --store STORE COMMAND --format jsonl`` as a list of dicts."""
    import json

    def records(store: Path, command: str, *extra) -> list[dict]:
        res = kg("--store", store, command, "--format", "jsonl", *extra)
        assert res.code == 0, res.err
        return [json.loads(line) for line in res.out.splitlines()]

    return records


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """A store built once per session from the 12 articles of corpus/ (do not mutate it)."""
    store = tmp_path_factory.mktemp("corpus") / "store"
    code = invoke("--quiet", "--store", store, "add", CORPUS)
    assert code == 0, f"building the corpus store failed (exit {code})"
    return store


@pytest.fixture()
def store_copy(corpus_store, tmp_path) -> Path:
    """A private copy of the corpus store, for tests that change it."""
    return Path(shutil.copytree(corpus_store, tmp_path / "store"))


@pytest.fixture(scope="session")
def corpus_ids() -> list[str]:
    """The ids of the corpus articles (their file stems, which the front matter repeats)."""
    return sorted(p.stem for p in CORPUS.glob("*.md"))


# -- a hand-made extraction (no spaCy model) -----------------------------------------------

SAMPLE_TEXT = (
    "Acme Corp. agreed to buy Widget Inc. for $5 million in 2015, Jane Doe said. "
    "Widget may sue Acme on 24 November 2026."
)


@pytest.fixture()
def sample_extraction():
    """One article with three entities, an asserted claim and a hedged one, built by hand."""
    from kg.model import Article, Claim, Entity, Extraction, Money

    text = SAMPLE_TEXT
    first = text[: text.index(" Widget may")]
    second_start = text.index("Widget may")
    article = Article(
        id="a1",
        text=text,
        title="Acme buys Widget",
        published="2026-11-24",
        source="Test Wire",
        url="https://example.org/a1",
    )
    entities = (
        Entity("acme", "Acme Corp.", "Organization", aliases=("Acme",), wikidata="Q1"),
        Entity("widget", "Widget Inc.", "Organization"),
        Entity("jane-doe", "Jane Doe", "Person"),
    )
    claims = (
        Claim(
            "acme",
            "acquires",
            "widget",
            sentence=first,
            sentence_start=0,
            sentence_end=len(first),
            attributed_to="jane-doe",
            amount=Money(5000000.0, "USD"),
            date="2015",
            confidence=0.9,
        ),
        Claim(
            "widget",
            "sues",
            "acme",
            sentence=text[second_start:],
            sentence_start=second_start,
            sentence_end=len(text),
            date="2026-11-24",
            confidence=0.4,
            polarity="hedged",
        ),
    )
    return Extraction(article, entities, claims, pipeline="test-pipeline 1.0")


@pytest.fixture()
def sample_store(tmp_path, sample_extraction) -> Path:
    """A store holding only the hand-made extraction (written without the model)."""
    from kg.graph import article_quads, open_store

    path = tmp_path / "sample-store"
    with open_store(path) as store:
        store.put_article(sample_extraction.article.id, article_quads(sample_extraction))
    return path
