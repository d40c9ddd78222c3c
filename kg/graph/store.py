"""The store: a persistent Oxigraph database on disk, one named graph per article.

A store location is a folder (this module's :class:`EmbeddedStore`) or the URL of a
SPARQL endpoint (:class:`kg.graph.remote.RemoteStore`): :data:`STORES` says which kind
opens which URL scheme, and :func:`open_store` opens either. Both follow the protocol
of :class:`kg.graph.base.KGStore`.

The store is an rdflib ``Dataset`` through oxrdflib (:attr:`EmbeddedStore.dataset`)
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
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph
from pyoxigraph import DefaultGraph, Literal, NamedNode, Variable

from ..errors import QueryError, StoreError, StoreLockedError
from ..vocab import PREFIXES
from .base import KGStore
from .changes import merge_all, rederive

__all__ = [
    "DEFAULT_STORE",
    "STORES",
    "StoreKind",
    "EmbeddedStore",
    "KGStore",
    "open_store",
    "store_kind",
    "is_endpoint",
    "store_path",
]

#: The store folder used when neither ``--store`` nor ``KG_STORE`` names one.
DEFAULT_STORE = ".kg"
#: A file in the store folder that says the derived graph may be behind the articles:
#: written before a write that updates it in a second transaction, removed after it.
PENDING_FILE = "kg-derived-pending"


def store_path(path: str | os.PathLike | None = None) -> Path:
    """The store folder: the one given, else ``$KG_STORE``, else ``./.kg``."""
    return Path(path or os.environ.get("KG_STORE") or DEFAULT_STORE)


class EmbeddedStore(KGStore):
    """A store in a folder: an Oxigraph database on disk. Use :func:`open_store`."""

    def __init__(self, path: Path, oxstore, *, union: bool = False, writable: bool = False):
        super().__init__(path)
        self._ox = oxstore
        # a store from before the merged graph, opened read-only: queried as the union
        self._union = union
        self._writable = writable
        self.label_counts: dict | None = {}  # only this process writes the folder

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
            # deferred: oxrdflib is slow to import, and only the rdflib view (SHACL checks,
            # rdflib serialisers) needs it
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
        if self._ox is not None and self._writable:
            # write the memtables out, so that readers do not replay a long log on open
            with contextlib.suppress(OSError):
                self._ox.flush()
        self._dataset = None
        self._ox = None

    # -------------------------------------------------------------- primitives
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
        if graph:
            return iter(self._ox.quads_for_pattern(None, None, None, NamedNode(str(graph))))
        return (
            q
            for g in self._ox.named_graphs()
            for q in self._ox.quads_for_pattern(None, None, None, g)
        )

    # ------------------------------------------------------------------- query
    def query(self, sparql: str, *, bindings: dict | None = None):
        """Run SPARQL with the merged graph as the default graph; pyoxigraph's result."""
        subs = {
            Variable(k): (v if not isinstance(v, str) else Literal(v))
            for k, v in (bindings or {}).items()
        }
        try:
            return self._ox.query(
                sparql,
                prefixes=PREFIXES,
                use_default_graph_as_union=self._union,
                substitutions=subs or None,
            )
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {_first_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


@dataclass(frozen=True)
class StoreKind:
    """A kind of store: its name, the URL schemes that choose it and what opens it."""

    name: str
    schemes: tuple[str, ...]  # "" is a plain path
    description: str
    target: str  # "module:function", relative to kg.graph: (location, create, read_only)

    def load(self):
        """The function that opens this kind of store (its module is imported now)."""
        module, _, func = self.target.partition(":")
        return getattr(import_module(module, __package__.rpartition(".")[0] or None), func)


#: The kinds of store, by name; :func:`store_kind` picks one by a location's URL scheme.
STORES: dict[str, StoreKind] = {
    kind.name: kind
    for kind in [
        StoreKind(
            "oxigraph",
            ("", "file"),
            "a folder: an embedded Oxigraph database",
            ".graph.store:open_embedded",
        ),
        StoreKind(
            "sparql",
            ("http", "https"),
            "a SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, QLever, Neptune)",
            ".graph.remote:open_remote",
        ),
    ]
}


def _scheme(location) -> str:
    """A location's URL scheme, lower case; "" for a path (Windows' ``C:\\`` included)."""
    if not isinstance(location, str) or "://" not in location:
        return ""
    return urlsplit(location).scheme.lower()


def store_kind(location) -> StoreKind:
    """The kind of store a location names, by its URL scheme (see :data:`STORES`).

    >>> store_kind(".kg").name, store_kind("https://db.example.org/sparql").name
    ('oxigraph', 'sparql')
    >>> store_kind("ftp://db")
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: ftp://db: no store for ftp:// (use a folder, file://, http://, https://)
    """
    scheme = _scheme(location)
    for kind in STORES.values():
        if scheme in kind.schemes:
            return kind
    known = ", ".join(["a folder"] + [f"{s}://" for k in STORES.values() for s in k.schemes if s])
    raise StoreError(f"{location}: no store for {scheme}:// (use {known})")


def is_endpoint(location) -> bool:
    """True when a store location is a SPARQL endpoint's URL rather than a folder.

    >>> is_endpoint("HTTP://localhost:8890/sparql"), is_endpoint("data/.kg"), is_endpoint(None)
    (True, False, False)
    """
    return store_kind(location).name == "sparql"


@contextmanager
def open_store(
    path: str | os.PathLike | None = None, *, create: bool = True, read_only: bool = False
) -> Iterator[KGStore]:
    """Open the store at ``path``: a folder (see :func:`store_path`), or the URL of a
    SPARQL endpoint (see :data:`STORES`); ``$KG_STORE`` when none is given.

    For writing (the default) one process at a time: raises
    :class:`StoreLockedError` when another process has a folder open for writing.
    ``read_only`` opens a snapshot that any number of readers can hold while
    a writer works. Raises :class:`StoreError` when the store cannot be used.
    """
    location = path or os.environ.get("KG_STORE")
    store = store_kind(location).load()(location, create=create, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def open_embedded(
    location: str | os.PathLike | None, *, create: bool = True, read_only: bool = False
) -> EmbeddedStore:
    """Open the store in a folder (see :func:`open_store`); close it when done."""
    if isinstance(location, str) and _scheme(location) == "file":
        location = urlsplit(location).path
    p = store_path(location)
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
    store = EmbeddedStore(p, ox, union=read_only and _before_merged(ox), writable=not read_only)
    if not read_only:
        try:
            _bring_up_to_date(store)
        except BaseException:
            store.close()
            raise
    return store


def _before_merged(ox) -> bool:
    """Whether a store was written by a kg from before the merged graph: it has quads, but
    none in its default graph."""
    if next(iter(ox.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None:
        return False
    return next(iter(ox.quads_for_pattern(None, None, None, None)), None) is not None


def _bring_up_to_date(store: KGStore) -> None:
    """Finish what an interrupted write left undone, and convert a store from before the
    merged graph: both cost a pass over the whole store, once."""
    pending = store.path / PENDING_FILE
    if _before_merged(store.ox):
        pending.touch()
        store.update(merge_all(store))
    if pending.exists():
        rederive(store)
        pending.unlink()
