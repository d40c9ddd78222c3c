"""The search index beside the store: kept in step with adds, replacements and removals, and
mended when it is missing or stale."""

from __future__ import annotations

import shutil

import pytest
from query.handmade import add, remove, story  # tests/ is on sys.path

from kg.graph import open_store
from kg.graph.fulltext import INDEX_FILE, open_index, search_names, search_text

E = "https://w3id.org/nkg/entity/"

DEAL = story(
    "deal",
    ("Acme Corp agreed to buy Widget Inc for a song.", "acme", "acquires", "widget"),
    published="2026-01-02",
    source="Test Wire",
)
SUIT = story(
    "suit", ("Tarn Labs sued Brisk Analytics over patents.", "tarn-labs", "sues", "brisk-analytics")
)


def texts(store, words: str) -> list[str]:
    with open_index(store) as conn:
        return [hit.id for hit in search_text(conn, words)[1]]


def names(store, words: str) -> list[str]:
    with open_index(store) as conn:
        return [hit.iri for hit in search_names(conn, words)]


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "store") as s:
        add(s, DEAL, SUIT)
        yield s


def test_graph_fulltext_finds_words_and_names(store):
    assert texts(store, "patents") == ["suit"]
    assert texts(store, "buy song") == ["deal"]  # every word, in any order
    assert texts(store, '"buy widget"') == ["deal"]
    assert texts(store, '"widget buy"') == []  # a phrase must stand as written
    assert texts(store, "patent") == ["suit"]  # the words are stemmed
    assert names(store, "acme") == [E + "acme"]  # an alias
    assert names(store, "wid") == [E + "widget"]  # the last word as a prefix
    with open_index(store) as conn:
        hit = search_names(conn, "acme corp")[0]
    assert (hit.label, hit.type, hit.articles) == ("Acme Corp", "Organization", 1)


def test_graph_fulltext_ignores_query_syntax(store):
    for words in ('"', "NOT", "acme OR", "*", "col:x", "(", "^"):
        texts(store, words)  # FTS5's own syntax never reaches it as syntax
        names(store, words)
    assert texts(store, "") == [] and names(store, "  ") == []


def test_graph_fulltext_follows_replace_and_remove(store):
    add(
        store,
        story("deal", ("Acme Corp walked away from Widget Inc.", "acme", "partnerOf", "widget")),
    )
    assert texts(store, "song") == []
    assert texts(store, "walked") == ["deal"]

    remove(store, "suit")
    assert texts(store, "patents") == []
    assert names(store, "tarn") == []
    assert names(store, "acme") == [E + "acme"]


def test_graph_fulltext_mends_a_missing_or_stale_index(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as s:
        add(s, DEAL)
    old = tmp_path / "old-index"
    shutil.copy(path / INDEX_FILE, old)
    with open_store(path) as s:
        add(s, SUIT)
    # a store copied without its index, then with an index from before the last add
    (path / INDEX_FILE).unlink()
    with open_store(path) as s:
        assert texts(s, "patents") == ["suit"]
    shutil.copy(old, path / INDEX_FILE)
    for suffix in ("-wal", "-shm"):
        (path / (INDEX_FILE + suffix)).unlink(missing_ok=True)
    with open_store(path) as s:
        assert texts(s, "patents") == ["suit"]
        assert texts(s, "song") == ["deal"]
    # an unreadable one is rebuilt
    (path / INDEX_FILE).write_bytes(b"not a database" * 100)
    with open_store(path) as s:
        assert texts(s, "patents") == ["suit"]
