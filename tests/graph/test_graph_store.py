"""kg.graph.store: writing, reading back and removing article graphs (no model)."""

from __future__ import annotations

import dataclasses

import pytest

from kg.errors import StoreError
from kg.graph import article_quads, open_store


def test_store_put_article_reports_replacement(tmp_path, sample_extraction):
    quads = article_quads(sample_extraction)

    with open_store(tmp_path / "s") as store:
        assert store.put_article("a1", quads) is False
        size = len(store)
        assert store.put_article("a1", quads) is True
        assert len(store) == size
        assert store.article_ids() == ["a1"]


def test_store_read_article_round_trip(sample_store, sample_extraction):
    with open_store(sample_store, create=False) as store:
        article = store.read_article("a1")
        assert store.read_article("nope") is None

    assert article == dataclasses.replace(sample_extraction.article, origin=None)


def test_store_is_unchanged(sample_store, sample_extraction):
    article = sample_extraction.article

    with open_store(sample_store, create=False) as store:
        assert store.is_unchanged(article, "test-pipeline 1.0")
        assert not store.is_unchanged(article, "another pipeline")
        assert not store.is_unchanged(
            dataclasses.replace(article, text="New text."), "test-pipeline 1.0"
        )
        assert not store.is_unchanged(
            dataclasses.replace(article, title="New title"), "test-pipeline 1.0"
        )
        assert not store.is_unchanged(dataclasses.replace(article, id="a2"), "test-pipeline 1.0")


def test_store_remove_article(sample_store):
    with open_store(sample_store, create=False) as store:
        assert store.remove_article("a1") is True
        assert store.remove_article("a1") is False
        assert store.article_ids() == []
        assert len(store) == 0


def test_store_persists_between_opens(sample_store):
    with open_store(sample_store, create=False) as store:
        size = len(store)
    with open_store(sample_store, create=False) as store:
        assert len(store) == size > 0


def test_store_missing_not_created(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        with open_store(tmp_path / "none", create=False):
            pass
    assert not (tmp_path / "none").exists()


def test_store_path_is_a_file(tmp_path):
    (tmp_path / "f").write_text("x")

    with pytest.raises(StoreError, match="not a folder"):
        with open_store(tmp_path / "f"):
            pass


def test_store_default_from_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env"))

    with open_store() as store:
        assert store.path == tmp_path / "env"
    monkeypatch.delenv("KG_STORE")
    with open_store() as store:
        assert str(store.path) == ".kg"
    assert (tmp_path / "env").is_dir() and (tmp_path / ".kg").is_dir()


def test_store_from_before_the_merged_graph_is_converted(tmp_path):
    """A store whose default graph is empty (as kg wrote them before) is queried as the
    union of its graphs until a writer opens it; then it has the merged graph."""
    import pyoxigraph as ox
    from graph.invariants import assert_consistent  # tests/ is on sys.path
    from query.handmade import story

    buy = ("Acme Corp agreed to buy Widget Inc.", "acme", "acquires", "widget")
    path = tmp_path / "old"
    with open_store(path) as store:
        for i in "ab":
            store.put_article(i, article_quads(story(i, buy)))
    raw = ox.Store(str(path))
    raw.update("CLEAR DEFAULT ; DROP SILENT GRAPH <https://w3id.org/nkg/derived>")
    raw.flush()
    del raw
    label = "SELECT ?l WHERE { entity:acme rdfs:label ?l }"

    with open_store(path, read_only=True) as store:
        assert store.default_is_union
        assert len(store.select(label)) == 2  # a bag, as before

    with open_store(path) as store:
        assert not store.default_is_union
        assert store.select(label) == [{"l": "Acme Corp"}]
        assert_consistent(store)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_store_rdflib_view_sees_each_triple_once(tmp_path):
    from query.handmade import story  # tests/ is on sys.path

    buy = ("Acme Corp agreed to buy Widget Inc.", "acme", "acquires", "widget")
    with open_store(tmp_path / "s") as store:
        for i in "ab":
            store.put_article(i, article_quads(story(i, buy)))
        ds = store.dataset
        labels = list(
            ds.query(
                "SELECT ?l WHERE { <https://w3id.org/nkg/entity/acme> "
                "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
            )
        )
        graphs = list(
            ds.query(
                "SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/nkg/entity/acme> "
                "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
            )
        )

    assert [str(r[0]) for r in labels] == ["Acme Corp"]
    assert len(graphs) == 2
