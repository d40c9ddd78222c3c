"""What every store is: the protocol kg reads and writes, and what is built on it.

A store keeps one named graph per article, the merged graph and the derived graph
(:mod:`kg.graph.changes`). Its kinds differ only in a few primitives (:meth:`KGStore.query`,
:meth:`~KGStore.update`, :meth:`~KGStore.has_graph`, :meth:`~KGStore.quads`, ...); everything
else (articles in and out, plain rows) is written once, here, on top of them. The kinds
are chosen by the location's URL scheme (:func:`kg.graph.store.open_store`):

    KGStore                       this protocol
     +-- EmbeddedStore            a folder: Oxigraph on disk (kg.graph.store)
     +-- RemoteStore              http(s)://: a SPARQL 1.1 endpoint (kg.graph.remote)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article
from ..vocab import NKG, SDO, article_graph_iri, article_iri
from .changes import write_articles
from .derive import IN_ARTICLE_GRAPH

__all__ = ["KGStore"]


def _nt(term) -> str:
    return term.n3()


class KGStore:
    """An open store, of any kind. Use :func:`kg.graph.store.open_store` to get one."""

    #: The named graph that holds the merged graph, for a store whose default graph
    #: cannot hold it (an external one); None: the store's own default graph.
    merged_graph: str | None = None
    #: How many graphs give each entity each label, as far as this process has read
    #: them: the writes keep it up to date, and any other update forgets it. (None in a
    #: store that other processes may write meanwhile.)
    label_counts: dict | None = None
    #: Article graphs a long write (an ingest, a load) puts between two :meth:`flush` calls:
    #: the embedded store holds its write log in memory until flushed, so a long write
    #: would otherwise grow with the number of graphs.
    flush_every: int = 1000

    def __init__(self, path) -> None:
        self.path = path  # the folder, or the endpoint's URL
        self._dataset = None

    # -------------------------------------------------------------- primitives
    # Everything else is written with these, which each kind of store provides.
    @property
    def dataset(self):
        """The store as an rdflib ``Dataset``."""
        raise NotImplementedError

    @property
    def default_is_union(self) -> bool:
        """True when the default graph is queried as the union of the graphs (a bag)."""
        return False

    def close(self) -> None:
        self._dataset = None

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update, in one transaction."""
        raise NotImplementedError

    def has_graph(self, iri: str) -> bool:
        """True when the named graph ``iri`` holds anything."""
        raise NotImplementedError

    def flush(self) -> None:
        """Write buffered changes out (a long ingest calls it now and then)."""

    def optimize(self) -> None:
        """Compact the store after a long ingest, where the store can."""

    def quads(self, graph: str | None = None) -> Iterator:
        """Every quad (pyoxigraph ``Quad``) of kg's named graphs, or of one of them (the
        merged graph is not listed: it repeats them)."""
        raise NotImplementedError

    def query(self, sparql: str, *, bindings: dict | None = None):
        """Run SPARQL with the merged graph as the default graph; pyoxigraph's result."""
        raise NotImplementedError

    # ---------------------------------------------------------------- articles
    def article_fingerprint(self, article_id: str) -> dict | None:
        """What the store knows of an article's content, or None if absent."""
        g = article_graph_iri(article_id)
        if not self.has_graph(g):
            return None
        names = {
            str(NKG.textHash): "hash",
            str(SDO.headline): "title",
            str(SDO.datePublished): "published",
            str(NKG.outlet): "source",
            str(SDO.url): "url",
            str(NKG.extractedWith): "pipeline",
        }
        rows = self.select(
            f"SELECT ?p ?o WHERE {{ GRAPH {_nt(g)} {{ {_nt(article_iri(article_id))} ?p ?o }} }}"
        )
        return {names[r["p"]]: r["o"] for r in rows if r["p"] in names}

    def is_unchanged(self, article: Article, pipeline: str) -> bool:
        """True when the store holds this very article, read by this pipeline."""
        have = self.article_fingerprint(article.id)
        if have is None:
            return False
        return (
            have.get("hash") == article.text_hash
            and have.get("title") == article.title
            and have.get("published") == (article.published[:10] if article.published else None)
            and have.get("source") == article.source
            and have.get("url") == article.url
            and have.get("pipeline") == pipeline
        )

    def put_article(self, article_id: str, quads) -> bool:
        """Replace an article's graph with ``quads`` (rdflib terms: ``(s, p, o, graph)``;
        the graph is not read) in one transaction, which also brings the merged and
        the derived graph up to date. Returns True when the article was already there
        (a replacement)."""
        return self.put_articles({article_id: quads})[article_id]

    def put_articles(self, articles: dict) -> dict[str, bool]:
        """:meth:`put_article` for several articles (id -> quads), all in one
        transaction. Returns, for each, whether it was already there."""
        return write_articles(
            self,
            {
                article_id: "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o, *_ in quads)
                for article_id, quads in articles.items()
            },
        )

    def put_article_graph(self, article_id: str, statements) -> bool:
        """:meth:`put_article` for pyoxigraph quads or triples, as parsed from a file
        (their graph names are not read). Returns True for a replacement."""
        # pyoxigraph terms print in N-Triples syntax, which SPARQL reads
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in statements)
        return write_articles(self, {article_id: body})[article_id]

    def put_article_graphs(self, graphs) -> list[bool]:
        """:meth:`put_article_graph` for several articles, all in one transaction (with
        the merged and derived graphs): ``graphs`` is (article id, statements) pairs.
        Returns, for each, whether the article was already there."""
        bodies = {
            article_id: "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in statements)
            for article_id, statements in graphs
        }
        existed = write_articles(self, bodies)
        return [existed[article_id] for article_id, _ in graphs]

    def remove_article(self, article_id: str) -> bool:
        """Drop an article's graph, in one transaction with the merged and the derived
        graph. Returns False if there was none."""
        if not self.has_graph(article_graph_iri(article_id)):
            return False
        write_articles(self, {article_id: None})
        return True

    def article_ids(self) -> list[str]:
        rows = self.select(
            "SELECT ?id WHERE { GRAPH ?g { ?a a nkg:Article ; nkg:articleId ?id } "
            f"{IN_ARTICLE_GRAPH} }} ORDER BY ?id"
        )
        return [r["id"] for r in rows]

    def read_article(self, article_id: str) -> Article | None:
        """The article as stored (text and metadata), for re-extraction."""
        rows = self.select(
            """SELECT ?id ?text ?title ?published ?source ?url WHERE { GRAPH ?g {
                 ?a nkg:articleId ?id ; schema:articleBody ?text .
                 OPTIONAL { ?a schema:headline ?title }
                 OPTIONAL { ?a schema:datePublished ?published }
                 OPTIONAL { ?a nkg:outlet ?source }
                 OPTIONAL { ?a schema:url ?url } } """
            + IN_ARTICLE_GRAPH
            + " } LIMIT 1",
            bindings={"id": article_id},
        )
        if not rows:
            return None
        r = rows[0]
        return Article(
            id=article_id,
            text=r["text"],
            title=r.get("title"),
            published=r.get("published"),
            source=r.get("source"),
            url=r.get("url"),
        )

    # ------------------------------------------------------------------- query
    def select(self, sparql: str, *, bindings: dict | None = None) -> list[dict[str, str]]:
        """A SELECT query's rows as dicts of plain strings (unbound variables left out)."""
        result = self.query(sparql, bindings=bindings)
        names = [v.value for v in result.variables]
        # a solution iterates over its values in the order of the variables
        return [
            {n: t.value for n, t in zip(names, sol, strict=True) if t is not None} for sol in result
        ]
