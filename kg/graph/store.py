"""The store: a persistent Oxigraph database on disk, one named graph per article.

The store is an rdflib ``Dataset`` through oxrdflib (:attr:`KGStore.dataset`)
for library users; kg's own reads and writes go to the same pyoxigraph store
directly, so that each article is written in one transaction and queries
run on Oxigraph's native SPARQL engine.

The default graph of queries is the **merged graph**: every triple of the
named graphs once (an RDF merge, a set), kept in Oxigraph's own default graph
and maintained by every write in the same transaction as the article
(:mod:`kg.graph.changes`). ``GRAPH ?g`` patterns still see one graph per
article. A store written by a kg from before the merged graph is converted
the first time it is opened for writing; until then it is queried as the
union of its graphs, as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import QueryError, StoreError, StoreLockedError
from ..model import Article
from ..vocab import NKG, PREFIXES, SDO, article_graph_iri, article_iri
from .derive import IN_ARTICLE_GRAPH

__all__ = ["DEFAULT_STORE", "KGStore", "open_store", "store_path"]

#: The store folder used when neither ``--store`` nor ``KG_STORE`` names one.
DEFAULT_STORE = ".kg"
#: A file in the store folder that says the derived graph may be behind the articles:
#: written before a write that updates it in a second transaction, removed after it.
PENDING_FILE = "kg-derived-pending"


def store_path(path: str | os.PathLike | None = None) -> Path:
    """The store folder: the one given, else ``$KG_STORE``, else ``./.kg``."""
    return Path(path or os.environ.get("KG_STORE") or DEFAULT_STORE)


def _nt(term) -> str:
    return term.n3()


class KGStore:
    """An open store. Use :func:`open_store` to get one."""

    #: The named graph that holds the merged graph, for a store whose default graph
    #: cannot hold it (an external one); None: the store's own default graph.
    merged_graph: str | None = None

    def __init__(self, path: Path, oxstore, *, union: bool = False):
        self.path = path
        self._ox = oxstore
        self._dataset = None
        # a store from before the merged graph, opened read-only: queried as the union
        self._union = union
        #: How many graphs give each entity each label, as far as this process has read
        #: them: the writes keep it up to date, and any other update forgets it. (None in a
        #: store that other processes may write meanwhile.)
        self.label_counts: dict | None = {}

    # ------------------------------------------------------------------ access
    @property
    def ox(self):
        """The underlying :class:`pyoxigraph.Store`."""
        return self._ox

    @property
    def dataset(self):
        """The store as an rdflib ``Dataset`` (oxrdflib); its default graph is the merged
        graph (the union, for a store from before it)."""
        if self._dataset is None:
            from oxrdflib import OxigraphStore
            from rdflib import Dataset

            ds = Dataset(store=OxigraphStore(store=self._ox), default_union=self._union)
            for prefix, ns in PREFIXES.items():
                ds.bind(prefix, ns, override=True)
            self._dataset = ds
        return self._dataset

    @property
    def default_is_union(self) -> bool:
        """True for a store from before the merged graph, opened read-only: its default
        graph is queried as the union of its graphs (a bag), as it was."""
        return self._union

    def __len__(self) -> int:
        """The quads of the named graphs (articles and derived), as an export writes them."""
        return sum(1 for _ in self.quads())

    def close(self) -> None:
        self._dataset = None
        self._ox = None

    # -------------------------------------------------------------- primitives
    # Everything else is written with these five, which a remote store overrides.
    def update(self, sparql: str) -> None:
        """Run a SPARQL Update, in one transaction."""
        if self.label_counts:
            self.label_counts.clear()
        try:
            self._ox.update(sparql)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the store ({exc})") from None
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {_first_line(exc)}") from None

    def has_graph(self, iri: str) -> bool:
        """True when the named graph ``iri`` holds anything."""
        from pyoxigraph import NamedNode

        return self._ox.contains_named_graph(NamedNode(str(iri)))

    def flush(self) -> None:
        """Write buffered changes out (a long ingest calls it now and then, so that
        neither memory nor the log that readers replay keeps growing)."""
        with contextlib.suppress(OSError):
            self._ox.flush()

    def optimize(self) -> None:
        """Compact the store's files after a long ingest: the writes that follow, and every
        process that opens the store, read fewer of them (seconds on 20,000 articles)."""
        with contextlib.suppress(OSError):
            self._ox.optimize()

    def quads(self, graph: str | None = None) -> Iterator:
        """Every quad (pyoxigraph ``Quad``) of the named graphs, or of one of them (the
        merged graph is not listed: it repeats them)."""
        from pyoxigraph import NamedNode

        if graph:
            return iter(self._ox.quads_for_pattern(None, None, None, NamedNode(str(graph))))
        return (q for g in self._ox.named_graphs()
                for q in self._ox.quads_for_pattern(None, None, None, g))

    # ---------------------------------------------------------------- articles
    def article_fingerprint(self, article_id: str) -> dict | None:
        """What the store knows of an article's content, or None if absent."""
        g = article_graph_iri(article_id)
        if not self.has_graph(g):
            return None
        names = {str(NKG.textHash): "hash", str(SDO.headline): "title",
                 str(SDO.datePublished): "published", str(NKG.outlet): "source",
                 str(SDO.url): "url", str(NKG.extractedWith): "pipeline"}
        rows = self.select(f"SELECT ?p ?o WHERE {{ GRAPH {_nt(g)} {{ "
                           f"{_nt(article_iri(article_id))} ?p ?o }} }}")
        return {names[r["p"]]: r["o"] for r in rows if r["p"] in names}

    def is_unchanged(self, article: Article, pipeline: str) -> bool:
        """True when the store holds this very article, read by this pipeline."""
        have = self.article_fingerprint(article.id)
        if have is None:
            return False
        return (have.get("hash") == article.text_hash
                and have.get("title") == article.title
                and have.get("published") == (article.published[:10] if article.published else None)
                and have.get("source") == article.source
                and have.get("url") == article.url
                and have.get("pipeline") == pipeline)

    def put_article(self, article_id: str, quads) -> bool:
        """Replace an article's graph with ``quads`` (rdflib terms: ``(s, p, o, graph)``;
        the graph is not read) in one transaction, which also brings the merged and
        the derived graph up to date. Returns True when the article was already there
        (a replacement)."""
        return self.put_articles({article_id: quads})[article_id]

    def put_articles(self, articles: dict) -> dict[str, bool]:
        """:meth:`put_article` for several articles (id -> quads), all in one
        transaction. Returns, for each, whether it was already there."""
        from .changes import write_articles

        return write_articles(self, {
            article_id: "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o, *_ in quads)
            for article_id, quads in articles.items()})

    def put_article_graph(self, article_id: str, statements) -> bool:
        """:meth:`put_article` for pyoxigraph quads or triples, as parsed from a file
        (their graph names are not read). Returns True for a replacement."""
        from .changes import write_articles

        # pyoxigraph terms print in N-Triples syntax, which SPARQL reads
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in statements)
        return write_articles(self, {article_id: body})[article_id]

    def put_article_graphs(self, graphs) -> list[bool]:
        """:meth:`put_article_graph` for several articles, all in one transaction (with
        the merged and derived graphs): ``graphs`` is (article id, statements) pairs.
        Returns, for each, whether the article was already there."""
        from .changes import write_articles

        bodies = {article_id: "\n".join(f"{t.subject} {t.predicate} {t.object} ."
                                         for t in statements)
                  for article_id, statements in graphs}
        existed = write_articles(self, bodies)
        return [existed[article_id] for article_id, _ in graphs]

    def remove_article(self, article_id: str) -> bool:
        """Drop an article's graph, in one transaction with the merged and the derived
        graph. Returns False if there was none."""
        from .changes import write_articles

        if not self.has_graph(article_graph_iri(article_id)):
            return False
        write_articles(self, {article_id: None})
        return True

    def article_ids(self) -> list[str]:
        rows = self.select("SELECT ?id WHERE { GRAPH ?g { ?a a nkg:Article ; nkg:articleId ?id } "
                           f"{IN_ARTICLE_GRAPH} }} ORDER BY ?id")
        return [r["id"] for r in rows]

    def read_article(self, article_id: str) -> Article | None:
        """The article as stored (text and metadata), for re-extraction."""
        rows = self.select(
            """SELECT ?id ?text ?title ?published ?source ?url WHERE { GRAPH ?g {
                 ?a nkg:articleId ?id ; schema:articleBody ?text .
                 OPTIONAL { ?a schema:headline ?title }
                 OPTIONAL { ?a schema:datePublished ?published }
                 OPTIONAL { ?a nkg:outlet ?source }
                 OPTIONAL { ?a schema:url ?url } } """ + IN_ARTICLE_GRAPH + " } LIMIT 1",
            bindings={"id": article_id},
        )
        if not rows:
            return None
        r = rows[0]
        return Article(id=article_id, text=r["text"], title=r.get("title"),
                       published=r.get("published"), source=r.get("source"), url=r.get("url"))

    # ------------------------------------------------------------------- query
    def query(self, sparql: str, *, bindings: dict | None = None):
        """Run SPARQL with the merged graph as the default graph; pyoxigraph's result."""
        from pyoxigraph import Literal, Variable

        subs = {Variable(k): (v if not isinstance(v, str) else Literal(v))
                for k, v in (bindings or {}).items()}
        try:
            return self._ox.query(sparql, prefixes=PREFIXES,
                                  use_default_graph_as_union=self._union,
                                  substitutions=subs or None)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {_first_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {_first_line(exc)}") from None

    def select(self, sparql: str, *, bindings: dict | None = None) -> list[dict[str, str]]:
        """A SELECT query's rows as dicts of plain strings (unbound variables left out)."""
        result = self.query(sparql, bindings=bindings)
        names = [v.value for v in result.variables]
        # a solution iterates over its values in the order of the variables
        return [{n: t.value for n, t in zip(names, sol, strict=True)
                if t is not None} for sol in result]


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


@contextmanager
def open_store(path: str | os.PathLike | None = None, *, create: bool = True,
               read_only: bool = False) -> Iterator[KGStore]:
    """Open the store at ``path`` (see :func:`store_path`).

    For writing (the default) one process at a time: raises
    :class:`StoreLockedError` when another process has it open for writing.
    ``read_only`` opens a snapshot that any number of readers can hold while
    a writer works. Raises :class:`StoreError` when the folder cannot be used.
    """
    import pyoxigraph

    location = path or os.environ.get("KG_STORE")
    if isinstance(location, str) and location.lower().startswith(("http://", "https://")):
        from .remote import RemoteStore

        remote = RemoteStore.from_environment(location)
        try:
            yield remote
        finally:
            remote.close()
        return
    p = store_path(path)
    if (read_only or not create) and not p.exists():
        raise StoreError(f"{p}: no store here (run `kg add` first, or pass --store)")
    if p.exists() and not p.is_dir():
        raise StoreError(f"{p}: not a folder")
    try:
        ox = pyoxigraph.Store.read_only(str(p)) if read_only else pyoxigraph.Store(str(p))
    except OSError as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise StoreLockedError(
                f"{p}: the store is in use by another kg process; wait for it to finish"
            ) from None
        if "permission" in msg.lower() or "read-only" in msg.lower():
            raise StoreError(f"{p}: cannot write the store folder (permission denied)") from None
        raise StoreError(f"{p}: cannot open the store ({_first_line(exc)})") from None
    store = KGStore(p, ox, union=read_only and _before_merged(ox))
    try:
        if not read_only:
            _bring_up_to_date(store)
        yield store
    finally:
        if not read_only:
            # write the memtables out, so that readers do not replay a long log on open
            with contextlib.suppress(OSError):
                ox.flush()
        store.close()
        del ox


def _before_merged(ox) -> bool:
    """Whether a store was written by a kg from before the merged graph: it has quads, but
    none in its default graph."""
    from pyoxigraph import DefaultGraph

    if next(iter(ox.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None:
        return False
    return next(iter(ox.quads_for_pattern(None, None, None, None)), None) is not None


def _bring_up_to_date(store: KGStore) -> None:
    """Finish what an interrupted write left undone, and convert a store from before the
    merged graph: both cost a pass over the whole store, once."""
    from .changes import merge_all, rederive

    pending = store.path / PENDING_FILE
    if _before_merged(store.ox):
        pending.touch()
        store.update(merge_all(store))
    if pending.exists():
        rederive(store)
        pending.unlink()
