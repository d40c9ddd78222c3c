"""The search index beside the store: articles' text (full text) and entities' names.

A SQLite database with FTS5 tables (the standard library's ``sqlite3``), in the
store folder (:data:`INDEX_FILE`). Every write of article graphs updates it
right after its own transaction (:func:`index_graphs`, called by
:func:`kg.graph.changes.write_graphs` and by SPARQL Update through the
endpoint); :func:`open_index` checks it against the store's articles (their
ids and text hashes) and brings it up to date, so an index that is missing,
stale (a crash between the two writes, a store copied without it) or
unreadable is rebuilt, never a failure. A store whose folder cannot be written
gets an index in memory for as long as it is open.

Each article graph contributes one text row (title and body) and one name row
per entity it mentions (its label and aliases in that article): the index is
keyed by graph, as the store is, so that adding or removing an article
touches its own rows only.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..vocab import NKG, OWL, SDO, SKOS, local_name
from .derive import ARTICLE_GRAPHS, IN_ARTICLE_GRAPH, entity_label

__all__ = [
    "INDEX_FILE",
    "TextHit",
    "NameHit",
    "open_index",
    "index_graphs",
    "search_text",
    "search_names",
    "fts_query",
    "reindex_graphs",
]

log = logging.getLogger("kg.search")

#: The index's file in the store folder (readers of the store skip it).
INDEX_FILE = "kg-search.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (rowid INTEGER PRIMARY KEY, graph TEXT UNIQUE NOT NULL,
    id TEXT NOT NULL, hash TEXT, title TEXT, source TEXT, published TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_text USING fts5(title, body,
    tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS names (graph TEXT NOT NULL, entity TEXT NOT NULL,
    name TEXT NOT NULL, preferred INTEGER NOT NULL, type TEXT, wikidata TEXT);
CREATE INDEX IF NOT EXISTS names_graph ON names (graph);
CREATE INDEX IF NOT EXISTS names_entity ON names (entity);
CREATE VIRTUAL TABLE IF NOT EXISTS name_text USING fts5(name, entity UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2');
"""

#: Graphs read from the store in one query while indexing.
_BATCH = 40


@dataclass(frozen=True)
class TextHit:
    """An article whose text matches: its id, title, outlet, date and a snippet whose
    matched words sit between ``\\x02`` and ``\\x03``."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    snippet: str


@dataclass(frozen=True)
class NameHit:
    """An entity whose label or an alias matches: its IRI, label, type, the names that
    matched, and in how many articles it is named."""

    iri: str
    label: str
    type: str
    matched: tuple[str, ...]
    articles: int


# ------------------------------------------------------------------ the file
def _index_file(store) -> Path | None:
    """The index's path, for an embedded store (an external one has none)."""
    path = getattr(store, "path", None)
    if getattr(store, "merged_graph", None) is not None or not isinstance(path, Path):
        return None
    return path / INDEX_FILE


def _connect(target: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(target), timeout=30, isolation_level=None, check_same_thread=False)
    if target != ":memory:":
        conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(_SCHEMA)
    return conn


def _open_file(path: Path) -> sqlite3.Connection | None:
    """The index file, created if need be; a broken one is replaced; None if the folder
    cannot be written."""
    for attempt in range(2):
        try:
            conn = _connect(path)
            conn.execute("SELECT COUNT(*) FROM docs").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            if attempt or isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                break
            log.warning("the search index %s is unreadable (%s); rebuilding it", path, exc)
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(path) + suffix).unlink()
        except OSError:
            break
    return None


def open_index(store, *, check: bool = True) -> sqlite3.Connection:
    """The store's search index, up to date with its articles (see the module's doc).

    ``check``: compare it with the store's articles first (a read of every
    article's id and hash: about a second on 20,000 articles) and mend it.
    """
    path = _index_file(store)
    conn = _open_file(path) if path is not None else None
    if conn is None:
        conn = _connect(":memory:")
        check = True
    if check:
        try:
            _reconcile(store, conn)
        except sqlite3.OperationalError as exc:  # a read-only file: mend it in memory
            if "readonly" not in str(exc):
                raise
            conn.close()
            conn = _connect(":memory:")
            _reconcile(store, conn)
    return conn


def _reconcile(store, conn: sqlite3.Connection) -> None:
    """Index the articles the index lacks or holds another text of; drop those gone."""
    rows = store.select(
        "SELECT ?g ?hash WHERE { GRAPH ?g { ?a a nkg:Article ; "
        f"nkg:textHash ?hash }} {IN_ARTICLE_GRAPH} }}"
    )
    have = {r["g"]: r["hash"] for r in rows}
    held = dict(conn.execute("SELECT graph, hash FROM docs").fetchall())
    stale = {g for g, h in held.items() if have.get(g) != h}
    missing = sorted(g for g, h in have.items() if held.get(g) != h)
    if not stale and not missing:
        return
    log.info("search index: %d articles to index, %d to drop", len(missing), len(stale))
    conn.execute("BEGIN IMMEDIATE")
    try:
        _drop(conn, stale)
        for i in range(0, len(missing), _BATCH):
            _insert(conn, _read_graphs(store, missing[i : i + _BATCH]))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# ------------------------------------------------------------------ writing
def _drop(conn: sqlite3.Connection, graphs) -> None:
    for g in graphs:
        row = conn.execute("SELECT rowid FROM docs WHERE graph = ?", (g,)).fetchone()
        if row is not None:
            conn.execute("DELETE FROM doc_text WHERE rowid = ?", row)
            conn.execute("DELETE FROM docs WHERE rowid = ?", row)
        for (rowid,) in conn.execute("SELECT rowid FROM names WHERE graph = ?", (g,)).fetchall():
            conn.execute("DELETE FROM name_text WHERE rowid = ?", (rowid,))
        conn.execute("DELETE FROM names WHERE graph = ?", (g,))


def _insert(conn: sqlite3.Connection, graphs: dict[str, dict]) -> None:
    _drop(conn, graphs)
    for g, d in graphs.items():
        if d.get("id") is None:
            continue
        cur = conn.execute(
            "INSERT INTO docs (graph, id, hash, title, source, published) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                g,
                d["id"],
                d.get("hash"),
                d.get("title"),
                d.get("source"),
                (d.get("published") or "")[:10] or None,
            ),
        )
        conn.execute(
            "INSERT INTO doc_text (rowid, title, body) VALUES (?, ?, ?)",
            (cur.lastrowid, d.get("title") or "", d.get("text") or ""),
        )
        for (entity, name), (preferred, etype, wd) in sorted(d["names"].items()):
            cur = conn.execute(
                "INSERT INTO names (graph, entity, name, preferred, type, "
                "wikidata) VALUES (?, ?, ?, ?, ?, ?)",
                (g, entity, name, preferred, etype, wd),
            )
            conn.execute(
                "INSERT INTO name_text (rowid, name, entity) VALUES (?, ?, ?)",
                (cur.lastrowid, name, entity),
            )


_ARTICLE_FIELDS = {
    str(NKG.articleId): "id",
    str(NKG.textHash): "hash",
    str(SDO.headline): "title",
    str(SDO.articleBody): "text",
    str(NKG.outlet): "source",
    str(SDO.datePublished): "published",
}
_TYPE_NAMES = {str(NKG[t]) for t in ("Person", "Organization", "Place", "Product", "Other")}


def _describe(triples) -> dict:
    """What the index keeps of one article graph, from its triples (s, p, o as strings)."""
    out: dict = {"names": {}}
    mentioned, labels, aliases = set(), defaultdict(set), defaultdict(set)
    types, wikidata = {}, {}
    article = None
    for s, p, o in triples:
        if p == str(NKG.articleId):
            article = s
        if p == str(SDO.mentions):
            mentioned.add(o)
        elif p == str(SKOS.prefLabel):
            labels[s].add(o)
        elif p == str(SKOS.altLabel):
            aliases[s].add(o)
        elif p.endswith("#type") and o in _TYPE_NAMES:
            types[s] = local_name(o)
        elif p == str(OWL.sameAs) and "wikidata.org" in o:
            wikidata[s] = local_name(o)
    for s, p, o in triples:
        if s == article and p in _ARTICLE_FIELDS:
            out[_ARTICLE_FIELDS[p]] = o
    for e in mentioned:
        for name in labels[e]:
            out["names"][(e, name)] = (1, types.get(e, "Other"), wikidata.get(e))
        for name in aliases[e] - labels[e]:
            out["names"][(e, name)] = (0, types.get(e, "Other"), wikidata.get(e))
    return out


def _read_graphs(store, graphs: list[str]) -> dict[str, dict]:
    """The index's rows for some article graphs, read from the store."""
    out: dict[str, list] = {g: [] for g in graphs}
    blocks = " UNION ".join(f"{{ BIND(<{g}> AS ?g) GRAPH <{g}> {{ ?s ?p ?o }} }}" for g in graphs)
    wanted = ", ".join(
        f"<{p}>"
        for p in [
            *_ARTICLE_FIELDS,
            str(SDO.mentions),
            str(SKOS.prefLabel),
            str(SKOS.altLabel),
            str(OWL.sameAs),
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        ]
    )
    for r in store.select(f"SELECT ?g ?s ?p ?o WHERE {{ {blocks} FILTER(?p IN ({wanted})) }}"):
        out[r["g"]].append((r["s"], r["p"], r["o"]))
    return {g: _describe(triples) for g, triples in out.items()}


def index_graphs(store, graphs: dict[str, object]) -> None:
    """Bring the index up to date with article graphs just written: ``graphs`` maps a graph
    IRI to a pyoxigraph store holding its new quads (or to None: it was dropped). Graphs
    that are not articles' are left alone. Never raises: an index it cannot update is
    mended by the next :func:`open_index`."""
    graphs = {g: v for g, v in graphs.items() if g.startswith(ARTICLE_GRAPHS)}
    path = _index_file(store)
    if not graphs or path is None or not path.parent.is_dir():
        return
    try:
        conn = _open_file(path)
        if conn is None:
            return
        try:
            rows = {}
            for g, new in graphs.items():
                if new is None:
                    continue
                triples = [
                    (q.subject.value, q.predicate.value, q.object.value)
                    for q in new.quads_for_pattern(None, None, None, ox.NamedNode(g))
                ]
                rows[g] = _describe(triples)
            conn.execute("BEGIN IMMEDIATE")
            try:
                _drop(conn, [g for g, v in graphs.items() if v is None])
                _insert(conn, rows)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        log.warning("search index not updated (%s); it is mended when next searched", exc)


def reindex_graphs(store, graphs) -> None:
    """:func:`index_graphs` for graphs as the store now holds them (after an update)."""
    changed = {}
    for g in graphs:
        if not g.startswith(ARTICLE_GRAPHS):
            continue
        if store.has_graph(g):
            new = ox.Store()
            new.extend(store.quads(g))
            changed[g] = new
        else:
            changed[g] = None
    index_graphs(store, changed)


# ------------------------------------------------------------------ searching
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


def fts_query(text: str, *, prefix: bool = False) -> str:
    """An FTS5 query that finds every word of ``text`` (quoted phrases as phrases), safe
    from FTS5's own syntax; "" when it has no word.

    >>> fts_query('Musk "space rockets" OR')
    '"space rockets" "musk" "or"'
    >>> fts_query("Micro", prefix=True)
    '"micro"*'
    """
    parts = []
    for phrase in _PHRASE.findall(text):
        words = _WORD.findall(phrase.lower())
        if words:
            parts.append('"' + " ".join(words) + '"')
    rest = _PHRASE.sub(" ", text)
    words = [f'"{w}"' for w in _WORD.findall(rest.lower())]
    if prefix and words:
        words[-1] += "*"
    return " ".join(parts + words)


def search_text(
    conn: sqlite3.Connection, text: str, *, limit: int = 20, offset: int = 0
) -> tuple[int, list[TextHit]]:
    """Articles whose title or text has every word of ``text`` (see :func:`fts_query`),
    best first: (how many in all, the hits from ``offset``)."""
    match = fts_query(text)
    if not match:
        return 0, []
    try:
        total = conn.execute(
            "SELECT COUNT(*) FROM doc_text WHERE doc_text MATCH ?", (match,)
        ).fetchone()[0]
        rows = conn.execute(
            "SELECT d.id, d.title, d.source, d.published, "
            "snippet(doc_text, 1, char(2), char(3), ' … ', 24) "
            "FROM doc_text JOIN docs d ON d.rowid = doc_text.rowid "
            "WHERE doc_text MATCH ? ORDER BY bm25(doc_text, 4.0, 1.0), d.id LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
    except sqlite3.OperationalError as exc:  # what fts_query lets through should parse
        log.warning("full-text query %r failed: %s", match, exc)
        return 0, []
    return total, [TextHit(*r) for r in rows]


def search_names(conn: sqlite3.Connection, text: str, *, limit: int = 20) -> list[NameHit]:
    """Entities with a label or alias that has every word of ``text`` (the last one as a
    prefix): exact names first, then by how many articles name them."""
    match = fts_query(text, prefix=True)
    if not match:
        return []
    try:
        found = conn.execute(
            "SELECT DISTINCT entity FROM name_text WHERE name_text MATCH ? LIMIT 2000", (match,)
        ).fetchall()
    except sqlite3.OperationalError as exc:
        log.warning("name query %r failed: %s", match, exc)
        return []
    wanted = " ".join(_WORD.findall(text.lower()))
    hits = []
    for (entity,) in found:
        rows = conn.execute(
            "SELECT graph, name, preferred, type FROM names WHERE entity = ?", (entity,)
        ).fetchall()
        labels = Counter(name for _, name, preferred, _ in rows if preferred)
        types = Counter(t for *_, t in rows if t)
        names = {name for _, name, _, _ in rows}
        label = entity_label(labels) if labels else local_name(entity)
        matched = sorted(
            n
            for n in names
            if all(
                w in " ".join(_WORD.findall(n.lower())).split()
                or any(x.startswith(w) for x in _WORD.findall(n.lower()))
                for w in wanted.split()
            )
        )
        hits.append(
            NameHit(
                entity,
                label,
                max(types, key=lambda t: (types[t], t)) if types else "Other",
                tuple(matched),
                len({g for g, *_ in rows}),
            )
        )

    def rank(h: NameHit):
        exact = any(" ".join(_WORD.findall(n.lower())) == wanted for n in h.matched)
        label = " ".join(_WORD.findall(h.label.lower())) == wanted
        return (not label, not exact, -h.articles, h.label)

    return sorted(hits, key=rank)[:limit]
