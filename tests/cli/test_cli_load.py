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
    return (text.replace(f"/{old}>", f"/{new}>").replace(f"/{old}/", f"/{new}/")
            .replace(f'"{old}"', f'"{new}"'))


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
        "from 1 file")
    assert _article_quads(store) == _article_quads(sample_store)
    # the derived graph is the store's own, computed from what it now holds
    assert _quads(store) - _article_quads(store) == \
        _quads(sample_store) - _article_quads(sample_store)
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
    changed.write_text(sample_nq.read_text("utf-8").replace(
        '"Acme buys Widget"', '"Acme buys Widget, corrected"'), "utf-8")

    res = kg("--store", sample_store, "load", changed)

    assert res.code == 0, res.err
    [article] = jsonl(sample_store, "articles")
    assert article["title"] == "Acme buys Widget, corrected"


def test_cli_load_graphs_in_several_runs(kg, sample_nq, tmp_path):
    """A file whose graphs are interleaved still gets one whole graph per article."""
    lines = sample_nq.read_text("utf-8").splitlines()
    other = _renamed("\n".join(lines), "a1", "a2").splitlines()
    mixed = tmp_path / "mixed.nq"
    mixed.write_text("\n".join(x for pair in zip(lines, other, strict=True) for x in pair)
                     + "\n", "utf-8")
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    one.write_text("\n".join(lines) + "\n", "utf-8")
    two.write_text("\n".join(other) + "\n", "utf-8")

    res = kg("--store", tmp_path / "mixed", "load", mixed)
    assert kg("--store", tmp_path / "apart", "load", one, two).code == 0

    assert res.code == 0, res.err
    assert res.err.startswith("2 added, 0 replaced;")
    assert _quads(tmp_path / "mixed") == _quads(tmp_path / "apart")


BAD_FILES = {
    "notes.ttl": ("<https://w3id.org/nkg/a> <https://w3id.org/nkg/b> "
                  "<https://w3id.org/nkg/c> .\n", "unknown extension '.ttl'"),
    "default.nq": ("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
                   "is outside any named graph"),
    "foreign.nq": ("<http://example.org/a> <http://example.org/b> <http://example.org/c> "
                   "<http://example.org/g> .\n", "is not a kg article graph"),
    "bare.nq": ("<http://example.org/a> <http://example.org/b> <http://example.org/c> "
                "<https://w3id.org/nkg/graph/a9> .\n", "does not describe its article"),
    "broken.nq": ('<http://example.org/a> <http://example.org/b> "c <http://example.org/g> .\n',
                  "not valid N-Quads"),
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
    import kg.cli.load as load_module

    monkeypatch.setattr(load_module, "FLUSH_EVERY", 1)
    store = tmp_path / "fresh"

    assert kg("--store", store, "load", sample_nq).code == 0

    assert _article_quads(store) == _article_quads(sample_store)
