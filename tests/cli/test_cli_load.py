"""``kg load``: article graphs exported by one store (or a cluster run) loaded into another."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.vocab import DERIVED_GRAPH

DERIVED = str(DERIVED_GRAPH)


def _quads(store: Path) -> set:
    """Every quad of a store (opened read-only, so the CLI may have it open)."""
    import pyoxigraph as ox

    return set(ox.Store.read_only(str(store)))


def _article_quads(store: Path) -> set:
    """The quads of the article graphs (not the derived graph, nor the default graph that
    merges them)."""
    return {q for q in _quads(store) if getattr(q.graph_name, "value", DERIVED) != DERIVED}


def _export(kg, store: Path, path: Path, fmt: str = "nquads") -> Path:
    res = kg("--store", store, "export", "--format", fmt, "-o", path)
    assert res.code == 0, res.err
    return path


def _renamed(text: str, old: str, new: str) -> str:
    """An N-Quads text with its article ``old`` made into article ``new``."""
    return (
        text.replace(f"/{old}>", f"/{new}>")
        .replace(f"/{old}/", f"/{new}/")
        .replace(f'"{old}"', f'"{new}"')
    )


@pytest.fixture()
def sample_nq(kg, sample_store, tmp_path) -> Path:
    """The hand-made store's article graph (article "a1") in N-Quads."""
    return _export(kg, sample_store, tmp_path / "sample.nq")


def test_cli_load_nquads_into_a_fresh_store(kg, sample_store, sample_nq, tmp_path):
    store = tmp_path / "fresh"

    res = kg("--store", store, "load", sample_nq)

    assert res.code == 0, res.err
    assert res.err.strip() == (
        f"1 added, 0 replaced; {len(_article_quads(sample_store))} quads in 1 article graphs "
        "from 1 file"
    )
    assert _article_quads(store) == _article_quads(sample_store)
    # the derived graph is the store's own, computed from what it now holds
    assert _quads(store) - _article_quads(store) == _quads(sample_store) - _article_quads(
        sample_store
    )
    assert any(getattr(q.graph_name, "value", None) == DERIVED for q in _quads(store))


def test_cli_load_trig(kg, sample_store, tmp_path):
    trig = _export(kg, sample_store, tmp_path / "sample.trig", "trig")

    res = kg("--store", tmp_path / "fresh", "load", trig)

    assert res.code == 0, res.err
    assert _article_quads(tmp_path / "fresh") == _article_quads(sample_store)


def test_cli_load_again_replaces(kg, sample_nq, tmp_path):
    store = tmp_path / "fresh"
    assert kg("--store", store, "load", sample_nq).code == 0
    before = _quads(store)

    res = kg("--store", store, "load", sample_nq)

    assert res.code == 0, res.err
    assert res.err.startswith("0 added, 1 replaced;")
    assert _quads(store) == before


def test_cli_load_replaces_the_article_graph(kg, sample_store, sample_nq, tmp_path, jsonl):
    changed = tmp_path / "changed.nq"
    changed.write_text(
        sample_nq.read_text("utf-8").replace('"Acme buys Widget"', '"Acme buys Widget, corrected"'),
        "utf-8",
    )

    res = kg("--store", sample_store, "load", changed)

    assert res.code == 0, res.err
    [article] = jsonl(sample_store, "articles")
    assert article["title"] == "Acme buys Widget, corrected"


def test_cli_load_graphs_in_several_runs(kg, sample_nq, tmp_path):
    """A file whose graphs are interleaved still gets one whole graph per article."""
    lines = sample_nq.read_text("utf-8").splitlines()
    other = _renamed("\n".join(lines), "a1", "a2").splitlines()
    mixed = tmp_path / "mixed.nq"
    mixed.write_text(
        "\n".join(x for pair in zip(lines, other, strict=True) for x in pair) + "\n", "utf-8"
    )
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    one.write_text("\n".join(lines) + "\n", "utf-8")
    two.write_text("\n".join(other) + "\n", "utf-8")

    res = kg("--store", tmp_path / "mixed", "load", mixed)
    assert kg("--store", tmp_path / "apart", "load", one, two).code == 0

    assert res.code == 0, res.err
    assert res.err.startswith("2 added, 0 replaced;")
    assert _quads(tmp_path / "mixed") == _quads(tmp_path / "apart")


BAD_FILES = {
    "notes.ttl": (
        "<https://w3id.org/nkg/a> <https://w3id.org/nkg/b> <https://w3id.org/nkg/c> .\n",
        "unknown extension '.ttl'",
    ),
    "default.nq": (
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
        "is outside any named graph",
    ),
    "foreign.nq": (
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> "
        "<http://example.org/g> .\n",
        "is not a kg article graph",
    ),
    "bare.nq": (
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> "
        "<https://w3id.org/nkg/graph/a9> .\n",
        "does not describe its article",
    ),
    "broken.nq": (
        '<http://example.org/a> <http://example.org/b> "c <http://example.org/g> .\n',
        "not valid N-Quads",
    ),
    "broken.trig": ("GRAPH <https://w3id.org/nkg/graph/a9> { <a> <b> ", "not valid TriG"),
    "empty.nq": ("", "no kg article graph in it"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_cli_load_bad_file_changes_nothing(kg, sample_store, sample_nq, tmp_path, name):
    text, message = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_text(text, "utf-8")
    before = _quads(sample_store)

    # a good file first: it is not written either, since every file is checked first
    res = kg("--store", sample_store, "load", sample_nq, bad)

    assert res.code == 1
    assert len(res.err.splitlines()) == 1
    assert res.err.startswith(f"kg: error: {bad}: ")
    assert message in res.err
    assert _quads(sample_store) == before


def test_cli_load_missing_file(kg, tmp_path):
    res = kg("--store", tmp_path / "s", "load", tmp_path / "nothere.nq")

    assert res.code == 1
    assert res.err.strip() == f"kg: error: {tmp_path / 'nothere.nq'}: no such file"
    assert not (tmp_path / "s").exists()


@pytest.mark.slow
def test_cli_load_corpus_export_gives_the_same_quads(kg, corpus_store, tmp_path, quad_count):
    nq = _export(kg, corpus_store, tmp_path / "corpus.nq")
    store = tmp_path / "loaded"

    res = kg("--store", store, "load", nq)

    assert res.code == 0, res.err
    assert res.err.startswith("12 added, 0 replaced;")
    assert _quads(store) == _quads(corpus_store)  # the derived graph too, recomputed
    assert quad_count(store) == quad_count(corpus_store)


def test_cli_load_long_load_ends_compacted(kg, sample_store, sample_nq, tmp_path, monkeypatch):
    """A load of many graphs ends by compacting the store (here "many" is one): the
    store holds what was loaded, and opens."""
    from kg.graph.base import KGStore

    monkeypatch.setattr(KGStore, "flush_every", 1)
    store = tmp_path / "fresh"

    assert kg("--store", store, "load", sample_nq).code == 0

    assert _article_quads(store) == _article_quads(sample_store)


# -- the whole file against what kg add writes, before anything is written -------------------

ARTICLE = "<https://w3id.org/nkg/article/{id}>"
ACME = "<https://w3id.org/nkg/entity/acme>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def _three(sample_nq: Path, extra: str) -> str:
    """Three article graphs (b1, b2, b3) from the sample; ``extra`` quads go in b2's graph."""
    text = sample_nq.read_text("utf-8")
    graphs = [_renamed(text, "a1", name) for name in ("b1", "b2", "b3")]
    graph = "<https://w3id.org/nkg/graph/b2>"
    return graphs[0] + graphs[1] + "".join(f"{line} {graph} .\n" for line in extra) + graphs[2]


HOSTILE = {
    "triple-term": (
        [f"{ARTICLE.format(id='b2')} <urn:p> <<( <urn:a> <urn:b> <urn:c> )>>"],
        "holds an RDF 1.2 triple term",
    ),
    "relabelled": (
        [f'{ACME} {LABEL} "HACKED"'],
        "labels <https://w3id.org/nkg/entity/acme> 'HACKED', a name that does not give its key",
    ),
    "other-article": (
        [f'{ARTICLE.format(id="a1")} <https://schema.org/articleBody> "Lies."'],
        "describes <https://w3id.org/nkg/article/a1>, which is neither its article",
    ),
    "fake-fact": (
        [f"{ACME} <https://w3id.org/nkg/ontology#sues> <https://w3id.org/nkg/entity/widget>"],
        "without a claim that asserts it",
    ),
    "alias-not-in-text": (
        [f'{ACME} <http://www.w3.org/2004/02/skos/core#altLabel> "Evil Co"'],
        "which its text does not use",
    ),
    "unmentioned-entity": (
        ["<https://w3id.org/nkg/entity/zed> " + LABEL + ' "Zed"'],
        "an entity its article does not mention",
    ),
    "blank-node": ([f"{ACME} <http://www.w3.org/2002/07/owl#sameAs> _:b0"], "a blank node"),
    "long-literal": (
        [f'{ARTICLE.format(id="b2")} <https://schema.org/headline> "{"x" * 1_000_001}"'],
        "a literal of 1,000,001 characters",
    ),
    "huge-literal": (
        [f'{ARTICLE.format(id="b2")} <https://schema.org/headline> "{"x" * (17 * 1024 * 1024)}"'],
        "a term longer than the parser reads",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_cli_load_graph_kg_would_not_write_changes_nothing(
    kg, sample_store, sample_nq, tmp_path, case
):
    extra, message = HOSTILE[case]
    bad = tmp_path / "three.nq"
    bad.write_text(_three(sample_nq, extra), "utf-8")
    before = _quads(sample_store)

    res = kg("--store", sample_store, "load", bad)

    assert res.code == 1
    assert "internal error" not in res.err and len(res.err.splitlines()) == 1
    assert res.err.startswith(f"kg: error: {bad}: ")
    assert message in res.err
    assert _quads(sample_store) == before  # before: b1 was written, then an error


def test_cli_load_three_good_graphs_in_one_go(kg, sample_store, sample_nq, tmp_path):
    good = tmp_path / "three.nq"
    good.write_text(_three(sample_nq, []), "utf-8")

    res = kg("--store", sample_store, "load", good)

    assert res.code == 0, res.err
    assert res.err.startswith("3 added, 0 replaced;")


def test_cli_load_writes_a_file_in_one_transaction(sample_store, sample_nq):
    """put_article_graphs: if the store refuses any graph of the batch, it has none of them."""
    import pyoxigraph as ox

    from kg.errors import QueryError
    from kg.graph import open_store

    quads = list(ox.parse(path=str(sample_nq), format=ox.RdfFormat.N_QUADS))
    poisoned = [
        *quads,
        ox.Quad(
            ox.NamedNode("urn:s"),
            ox.NamedNode("urn:p"),
            ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")),
        ),
    ]
    before = _quads(sample_store)

    with open_store(sample_store) as store, pytest.raises(QueryError):
        store.put_article_graphs([("c1", quads), ("c2", poisoned), ("c3", quads)])

    assert _quads(sample_store) == before
