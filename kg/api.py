"""The Python API: :func:`open` a graph, and do with it what the ``kg`` commands do.

A :class:`Graph` names a store (a folder, or a SPARQL endpoint's URL) and opens it
for each call only: reads take a read-only snapshot, writes hold the store for
the call and let it go, so a notebook never keeps another ``kg`` process waiting.
Answers are frozen records (:mod:`kg.records`) with ``to_dict()``, the dicts
``kg ... --format jsonl`` prints; ``query`` gives rows of plain Python values.

>>> import kg
>>> g = kg.open(tmp / "store")
>>> report = g.add(kg.Article(id="a1", title="Deal", published="2026-03-02",
...     source="Reuters", text="Microsoft acquired Activision for $69 billion."))
>>> report.added, [(c.subject.label, c.predicate, c.object.label) for c in g.claims()]
(1, [('Microsoft', 'acquires', 'Activision')])
>>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?c a nkg:Claim }")
[{'n': 1}]
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .corrections import (
    Correction,
    alias_entity,
    merge_entities,
    rename_entity,
    split_entity,
    undo_curation,
)
from .curation import CURATION_FILE, Curation, review_entities
from .errors import ConfigError, InputError, KGError
from .export import export, format_for_path
from .graph.load import GraphFile, LoadReport, check_file, load_files
from .graph.store import is_endpoint, open_store, store_path
from .ingest import iter_articles
from .model import Article
from .network import Filters, load_network
from .query.conflicts import find_conflicts
from .query.listing import list_articles, list_claims, list_entities
from .query.saved import run_saved
from .query.sparql import run_query
from .query.statements import list_statements
from .query.timeline import entity_timeline
from .records import (
    ArticleRecord,
    ClaimRecord,
    ConflictRecord,
    EntityRecord,
    StatementRecord,
    TimelineRecord,
)
from .workflow import AddReport, add_articles, rebuild, remove_articles

__all__ = ["Graph", "open", "to_dataframe", "extractor_factory", "curation_path", "plain_value"]


def curation_path(location: str | os.PathLike | None = None) -> Path:
    """Where a store's curation file is: in its folder, or (for a SPARQL endpoint, which
    keeps no files) at ``$KG_CURATION``, else ``curation.yaml`` where kg runs."""
    if is_endpoint(location or os.environ.get("KG_STORE")):
        return Path(os.environ.get("KG_CURATION", CURATION_FILE))
    return store_path(location) / CURATION_FILE


def extractor_factory(
    model: str | None, curation: Path, workers: int = 1, scheduler: str | None = None
) -> Callable[[], object]:
    """A function that makes the extractor with the curation at ``curation``, when it is
    needed: on ``workers`` processes when more than one, on the Dask cluster whose
    scheduler is at ``scheduler`` if given, else in this process."""

    def make():
        # deferred: spaCy (and Dask) load only when an article needs extracting
        from .extract.pipeline import Extractor

        cur = Curation.load(curation)
        if scheduler:
            from .extract.distributed import DaskExtractor  # deferred: Dask, as above

            return DaskExtractor(scheduler, model, curation=cur)
        if workers > 1:
            from .extract.parallel import ParallelExtractor  # deferred: spaCy, as above

            return ParallelExtractor(model, workers=workers, curation=cur)
        return Extractor(model, curation=cur)

    return make


def plain_value(term):
    """A pyoxigraph term as a plain Python value: an IRI as its string, a number as an
    int or float, a boolean as a bool, any other literal as its text, a blank node as
    ``_:id``; None stays None.

    >>> import pyoxigraph as ox
    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> [plain_value(t) for t in (ox.NamedNode("https://example.org/x"),
    ...     ox.Literal("3", datatype=ox.NamedNode(xsd + "integer")),
    ...     ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")), ox.Literal("Acme"))]
    ['https://example.org/x', 3, True, 'Acme']
    """
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind != "Literal":
        return term.value
    datatype = term.datatype.value.rpartition("#")[2] if term.datatype else ""
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in ("decimal", "double", "float"):
            return float(term.value)
        if datatype == "boolean":
            return term.value in ("true", "1")
    except ValueError:
        pass
    return term.value


_FILTER_KEYWORDS = (
    "predicates",
    "since",
    "until",
    "sources",
    "types",
    "min_support",
    "as_of",
    "filters",
)
_INTEGERS = {
    "integer",
    "int",
    "long",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "negativeInteger",
    "nonPositiveInteger",
    "unsignedInt",
    "unsignedLong",
    "unsignedShort",
    "unsignedByte",
}


def _filters(
    predicates=(),
    since=None,
    until=None,
    sources=(),
    types=(),
    min_support=1,
    as_of=None,
    filters: Filters | None = None,
) -> Filters | None:
    """The :class:`~kg.network.Filters` of a method's keywords (or ``filters`` itself, when
    given); None when nothing is filtered."""
    if filters is not None:
        return filters
    if isinstance(predicates, str):
        predicates = (predicates,)
    if isinstance(types, str):
        types = (types,)
    if isinstance(sources, str):
        sources = (sources,)
    if predicates or since or until or sources or types or min_support != 1 or as_of:
        return Filters(
            predicates=tuple(predicates),
            since=since,
            until=until,
            sources=tuple(sources),
            types=tuple(types),
            min_support=min_support,
            as_of=as_of,
        )
    return None


def _answer(result):
    for warning in result.warnings:
        warnings.warn(warning, UserWarning, stacklevel=3)
    if result.kind == "ask":
        return bool(result.boolean)
    if result.kind == "graph":
        return [
            (plain_value(t.subject), plain_value(t.predicate), plain_value(t.object))
            for t in result.triples
        ]
    return [
        {n: plain_value(t) for n, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]


class Graph:
    """A kg store and what can be done with it; see :func:`open`."""

    def __init__(
        self, location: str | os.PathLike | None = None, *, model: str | None = None
    ) -> None:
        #: the store: a folder, or a SPARQL endpoint's URL (None: ``$KG_STORE``, else .kg)
        self.location = location
        #: the spaCy pipeline to extract with (None: kg's default)
        self.model = model

    def __repr__(self) -> str:
        return f"kg.open({str(self.location or store_path())!r})"

    @property
    def curation_path(self) -> Path:
        """The curation file that ingests and corrections of this store use."""
        return curation_path(self.location)

    def _read(self):
        return open_store(self.location, read_only=True)

    def _write(self, create: bool = False):
        return open_store(self.location, create=create)

    def _curated(self) -> Callable[[object], object]:
        from .extract.pipeline import Extractor  # deferred: spaCy is heavy

        return lambda curation: Extractor(self.model, curation=curation)

    # ------------------------------------------------------------------ ingest
    def add(
        self,
        *items: str | os.PathLike | Article,
        feeds: Iterable[str] = (),
        strict: bool = False,
        force: bool = False,
        workers: int = 1,
        scheduler: str | None = None,
        on_article: Callable[[AddReport], None] | None = None,
    ) -> AddReport:
        """Add articles, as ``kg add`` does: files, folders, globs and URLs (strings or
        paths), :class:`~kg.model.Article` records, and the items of ``feeds``.

        An unchanged article is not extracted again (unless ``force``); one whose text
        changed replaces what was extracted from it. Failures are listed in the report
        (with ``strict``, the first raises :class:`~kg.errors.InputError`).
        ``on_article(report)`` is called after each article.
        """
        factory = extractor_factory(self.model, self.curation_path, workers, scheduler)
        with self._write(create=True) as store:
            return add_articles(
                store,
                self._items(items, feeds),
                factory,
                strict=strict,
                force=force,
                on_article=on_article,
            )

    @staticmethod
    def _items(items, feeds) -> Iterator[tuple[str, Article | InputError]]:
        paths: list[str] = []
        for item in items:
            if isinstance(item, Article):
                if paths:
                    yield from iter_articles(paths)
                    paths = []
                yield item.origin or item.id, item
            else:
                paths.append(os.fspath(item))
        if paths or feeds:
            yield from iter_articles(paths, feeds=tuple(feeds))

    def add_text(self, text: str, id: str, **metadata) -> AddReport:
        """Add one article from its text: ``title``, ``published``, ``source`` and ``url``
        may be given as keywords."""
        return self.add(Article(id=id, text=text, **metadata))

    def remove(self, *ids: str) -> tuple[list[str], list[str]]:
        """Remove articles by id, and all that was extracted from them: (removed, not found)."""
        with self._write() as store:
            return remove_articles(store, ids)

    def rebuild(self, on_article: Callable[[AddReport], None] | None = None) -> AddReport:
        """Extract every stored article again, from the text and metadata the store keeps."""
        factory = extractor_factory(self.model, self.curation_path)
        with self._write() as store:
            return rebuild(store, factory, on_article=on_article)

    def load(
        self,
        *files: str | os.PathLike | GraphFile,
        on_graph: Callable[[LoadReport], None] | None = None,
    ) -> LoadReport:
        """Load article graphs extracted elsewhere (``kg load``): N-Quads or TriG files of
        kg article graphs, as ``export(..., "nquads")`` writes them. Every file is checked
        (:func:`~kg.graph.load.check_file`) before anything is written, so a bad one
        changes nothing; ``on_graph(report)`` is called as graphs are written."""
        checked = [f if isinstance(f, GraphFile) else check_file(f) for f in files]
        with self._write(create=True) as store:
            return load_files(store, checked, on_graph=on_graph)

    # ------------------------------------------------------------------- reads
    def article_ids(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        with self._read() as store:
            return store.article_ids()

    def articles(self) -> list[ArticleRecord]:
        """The articles, with their counts of entities and claims (``kg articles``)."""
        with self._read() as store:
            return [ArticleRecord.from_dict(a) for a in list_articles(store)]

    def entities(self) -> list[EntityRecord]:
        """The entities: label, type, aliases and articles (``kg entities``)."""
        with self._read() as store:
            return [EntityRecord.from_dict(e) for e in list_entities(store)]

    def claims(
        self,
        *,
        entity: str | None = None,
        predicates: Iterable[str] | str = (),
        since: str | None = None,
        until: str | None = None,
        sources: Iterable[str] | str = (),
        as_of: str | None = None,
        include_all: bool = False,
        min_confidence: float | None = None,
    ) -> list[ClaimRecord]:
        """The claims (``kg claims``): asserted ones unless ``include_all``; about
        ``entity`` (a name as you would type it), of ``predicates``, reported between
        ``since`` and ``until``, by ``sources``, in the graph as it stood on ``as_of``,
        with a confidence of at least ``min_confidence`` (the measured precision of
        the rule that found each claim: see docs/extending.md)."""
        with self._read() as store:
            rows = list_claims(
                store,
                include_all=include_all,
                as_of=as_of,
                entity=entity,
                filters=_filters(predicates, since, until, sources),
            )
        found = [ClaimRecord.from_dict(c) for c in rows]
        if min_confidence is not None:
            found = [c for c in found if c.confidence >= min_confidence]
        return found

    def statements(
        self, *, as_of: str | None = None, min_support: int = 1
    ) -> list[StatementRecord]:
        """Each (subject, predicate, object) once, with its support, most supported first
        (``kg statements``)."""
        with self._read() as store:
            rows = list_statements(store, as_of=as_of, min_support=min_support)
        return [StatementRecord.from_dict(s) for s in rows]

    def conflicts(self, *, as_of: str | None = None) -> list[ConflictRecord]:
        """The statements whose reports disagree, with the competing values
        (``kg conflicts``)."""
        with self._read() as store:
            rows = find_conflicts(store, as_of=as_of)
        return [ConflictRecord.from_dict(k) for k in rows]

    def timeline(
        self, name: str, *, include_all: bool = False, as_of: str | None = None
    ) -> list[TimelineRecord]:
        """The dated claims about the entity ``name``, in order (``kg timeline``)."""
        with self._read() as store:
            _entity, rows = entity_timeline(store, name, include_all=include_all, as_of=as_of)
        return [TimelineRecord.from_dict(r) for r in rows]

    def query(self, sparql: str, *, allow_service: Iterable[str] = (), **bindings):
        """Run SPARQL (``kg query``): SELECT gives a list of dicts of plain values (unbound
        variables left out), ASK a bool, CONSTRUCT and DESCRIBE (s, p, o) tuples.
        Keyword arguments bind variables to strings. A misspelt term of kg's vocabulary
        is a :class:`UserWarning`."""
        with self._read() as store:
            result = run_query(
                store, sparql, bindings=bindings or None, allow_service=tuple(allow_service)
            )
        return _answer(result)

    def ask(self, name: str, **params: str):
        """Ask a saved question by name (``kg ask``), parameters as keywords; the answer
        as :meth:`query` gives it."""
        with self._read() as store:
            return _answer(run_saved(store, name, params))

    # ----------------------------------------------------------- networks, files
    def network(
        self,
        kind: str = "entity",
        *,
        predicates: Iterable[str] | str = (),
        types: Iterable[str] | str = (),
        since: str | None = None,
        until: str | None = None,
        sources: Iterable[str] | str = (),
        min_support: int = 1,
        as_of: str | None = None,
        filters: Filters | None = None,
    ):
        """A networkx graph projected from the claims (``kg network``): ``kind`` is
        entity, comention or bipartite; edges carry weight, dates and evidence. The
        keywords filter as ``kg network``'s options do (or give them as ``filters``)."""
        filters = _filters(predicates, since, until, sources, types, min_support, as_of, filters)
        with self._read() as store:
            g, _data = load_network(store, kind, filters)
        return g

    def export(self, path: str | os.PathLike, fmt: str | None = None, **options):
        """Write the graph to ``path`` (``kg export``) as ``fmt`` (default: by the file's
        suffix); ``options`` are those of :func:`kg.export.export` (``network``,
        ``top``, ``ego``, ``depth``, ``construct``, ``filters``) and the filters of
        :meth:`network` as keywords."""
        fmt = fmt or format_for_path(path)
        if fmt is None:
            raise KGError(f"{path}: give the format (its suffix names none)")
        filters = _filters(**{k: options.pop(k) for k in _FILTER_KEYWORDS if k in options})
        with self._read() as store:
            return export(store, fmt, path, filters=filters, **options)

    # ---------------------------------------------------------------- curation
    def review(self) -> list[dict]:
        """Pairs of entities that may be one, most likely first (``kg entities review``)."""
        with self._read() as store:
            return review_entities(store)

    def merge(self, source: str, target: str) -> Correction:
        """Make entity ``source`` one with ``target`` and re-read the articles of either
        (``kg entities merge``)."""
        with self._write() as store:
            return merge_entities(store, self.curation_path, source, target, self._curated())

    def alias(self, name: str, alias: str) -> Correction:
        """Make ``alias`` always name the entity ``name`` (``kg entities alias``)."""
        with self._write() as store:
            return alias_entity(store, self.curation_path, name, alias, self._curated())

    def split(self, name: str) -> Correction:
        """Undo the merge of ``name`` into another entity (``kg entities split``)."""
        with self._write() as store:
            return split_entity(store, self.curation_path, name, self._curated())

    def rename(self, name: str, label: str) -> Correction:
        """Call the entity ``name`` ``label`` from now on (``kg entities rename``)."""
        with self._write() as store:
            return rename_entity(store, self.curation_path, name, label, self._curated())

    def undo(self) -> Correction:
        """Take back the last correction (``kg entities undo``)."""
        with self._write() as store:
            return undo_curation(store, self.curation_path, self._curated())


def open(location: str | os.PathLike | None = None, *, model: str | None = None) -> Graph:
    """The graph in the store at ``location``: a folder (created by the first
    :meth:`Graph.add`), or the URL of a SPARQL endpoint; None: ``$KG_STORE``, else
    ``.kg``. Nothing is opened until a method needs the store.

    >>> kg.open("/data/news.kg")
    kg.open('/data/news.kg')
    """
    return Graph(location, model=model)


def to_dataframe(records: Iterable):
    """Records (or dicts, such as :meth:`Graph.query` rows) as a pandas ``DataFrame``, nested
    fields flattened to columns such as ``subject.label``. Needs pandas
    (``pip install 'kg[pandas]'``).

    >>> df = kg.to_dataframe([kg.EntityRef("https://example.org/entity/acme", "Acme", "Org")])
    >>> list(df.columns), df.loc[0, "label"]
    (['iri', 'label', 'type'], 'Acme')
    """
    try:
        import pandas as pd  # deferred: an optional extra, and slow to import
    except ImportError:
        raise ConfigError("pandas is not installed: pip install 'kg[pandas]'") from None
    rows = [r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in records]
    return pd.json_normalize(rows) if rows else pd.DataFrame()
