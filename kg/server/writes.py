"""Writes through the endpoint (``--allow-update``): SPARQL Update and the Graph Store
Protocol, keeping the merged graph and the derived graph as ``kg add`` does.

The default graph is kg's merged graph, the union of the named graphs, so a
write goes to a named graph; one that would write the default graph itself
is refused. A Graph Store write is one transaction with everything it
changes. A SPARQL Update is one transaction with the merged graph; when it
changes article graphs, their statements and conflicts follow in a second
one, and a file in the store folder (:data:`~kg.graph.store.PENDING_FILE`)
says so until it is done, so that a crash in between is mended when the
store is next opened for writing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.term import URIRef, Variable

from ..errors import KGError, QueryError, StoreError
from ..graph.changes import derived_update, merge_all, merge_graph, rederive, write_graphs
from ..graph.derive import ARTICLE_GRAPHS
from ..graph.fulltext import reindex_graphs
from ..graph.store import PENDING_FILE, KGStore
from ..vocab import DERIVED_GRAPH, PREFIXES

__all__ = [
    "DefaultGraphWrite",
    "UpdateTargets",
    "update_targets",
    "apply_update",
    "apply_graph_write",
]

_DERIVED = str(DERIVED_GRAPH)


class DefaultGraphWrite(KGError):
    """A write to the default graph, which kg keeps as the merge of the named graphs."""

    def __init__(self):
        super().__init__(
            "the default graph is the merge of the named graphs, kept by kg: "
            "write into a named graph (GRAPH <IRI> { ... }, or /store?graph=IRI)"
        )


@dataclass
class UpdateTargets:
    """The named graphs an update writes, or ``every`` when only running it tells which."""

    graphs: set[str] = field(default_factory=set)
    every: bool = False

    @property
    def articles(self) -> bool:
        """Whether statements and conflicts may change."""
        return self.every or any(g.startswith(ARTICLE_GRAPHS) or g == _DERIVED for g in self.graphs)


def update_targets(sparql: str) -> UpdateTargets:
    """The graphs a SPARQL Update writes (read with rdflib's parser; one it cannot read
    counts as writing every graph). Raises :class:`DefaultGraphWrite` for one that
    writes the default graph itself."""
    # deferred: rdflib's SPARQL parser is slow to import, and only updates need it
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        operations = translateUpdate(parseUpdate(sparql), initNs=PREFIXES).algebra
    except Exception:  # rdflib reads less than Oxigraph does: assume the worst
        return UpdateTargets(every=True)
    out = UpdateTargets()

    def writes(graph) -> None:
        if isinstance(graph, URIRef):
            out.graphs.add(str(graph))
        elif isinstance(graph, Variable) or graph in ("NAMED", "ALL"):
            out.every = True  # ALL also empties the default graph: the merge follows
        else:  # DEFAULT, or None for the default graph
            raise DefaultGraphWrite()

    for op in operations:
        name = op.name
        if name in ("InsertData", "DeleteData", "DeleteWhere"):
            if op.triples:
                writes(None)
            for graph in op.quads or {}:
                writes(graph)
        elif name == "Modify":
            for template in (op.delete, op.insert):
                if template is None:
                    continue
                if template.triples:
                    writes(op.withClause)
                for graph in template.quads or {}:
                    writes(graph)
        elif name in ("Clear", "Drop", "Create", "Load"):
            writes(op.graphiri)
        elif name in ("Add", "Copy"):
            writes(op.graph[1])
        elif name == "Move":
            writes(op.graph[0])
            writes(op.graph[1])
        else:
            out.every = True
    return out


def _run(store: KGStore, sparql: str) -> None:
    if store.label_counts:
        store.label_counts.clear()
    try:
        store.ox.update(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL Update: {_one_line(exc)}") from None
    except (ValueError, RuntimeError) as exc:
        raise QueryError(f"update failed: {_one_line(exc)}") from None
    except OSError as exc:
        raise StoreError(f"cannot write the store ({_one_line(exc)})") from None


def _run_with(store: KGStore, sparql: str, after: str) -> None:
    """Run ``sparql`` and then ``after`` as one update request (one transaction)."""
    try:
        _run(store, f"{sparql}\n;\n{after}")
    except QueryError as first:
        if not str(first).startswith("malformed"):
            raise
        try:  # the update ends with its own ';' (and maybe a comment or a PREFIX)
            _run(store, f"{sparql}\n{after}")
        except QueryError:
            raise first from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:1000]


def _held(store: KGStore, graphs) -> tuple[list[str], bool]:
    """The SPARQL data lines of what ``graphs`` hold now, and whether any has a blank node."""
    lines, blank = [], False
    for g in graphs:
        for q in store.quads(g):
            if type(q.subject).__name__ == "BlankNode" or type(q.object).__name__ == "BlankNode":
                blank = True
            else:
                lines.append(f"({q.subject} {q.predicate} {q.object})")
    return lines, blank


def apply_update(store: KGStore, sparql: str) -> None:
    """Run a SPARQL Update on the embedded store, the merged graph following in the same
    transaction and the derived graph right after it."""
    if not sparql.strip():
        raise QueryError("empty update")
    targets = update_targets(sparql)
    graphs = sorted(targets.graphs)
    old = ox.Store()
    if targets.articles and not targets.every:
        for g in graphs:
            if g.startswith(ARTICLE_GRAPHS):
                old.extend(store.quads(g))
    if targets.every:
        after = [merge_all(store)]
    else:
        before, blank = _held(store, graphs)
        after = [merge_graph(store, g) for g in graphs]
        if before:  # what the graphs held, unless a named graph still holds it
            after.append(
                "DELETE { ?s ?p ?o } WHERE { VALUES (?s ?p ?o) { "
                + " ".join(before)
                + " } FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } } }"
            )
        if blank:  # blank nodes cannot be named: look for every orphan one
            after.append(
                "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isBlank(?s) || "
                "isBlank(?o)) FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } } }"
            )
    pending = store.path / PENDING_FILE
    if targets.articles:
        pending.touch()
    try:
        _run_with(store, sparql, " ;\n".join(after))
    except Exception:
        if targets.articles:
            pending.unlink(missing_ok=True)
        raise
    if not targets.articles:
        return
    if targets.every or _DERIVED in targets.graphs:
        rederive(store)
    else:
        changed = {g for g in graphs if g.startswith(ARTICLE_GRAPHS)}
        new = ox.Store()
        for g in changed:
            new.extend(store.quads(g))
        steps = derived_update(store, old, new, changed)
        if steps:
            store.update(" ;\n".join(steps))
    pending.unlink(missing_ok=True)
    if not targets.every:
        reindex_graphs(store, graphs)


def apply_graph_write(store: KGStore, method: str, graph: str | None, quads) -> bool:
    """A Graph Store Protocol PUT (replace), POST (add) or DELETE on a named graph, in one
    transaction with the merged and the derived graph. Returns whether the graph was
    there before. Raises :class:`DefaultGraphWrite` for the default graph."""
    if graph is None:
        raise DefaultGraphWrite()
    existed = store.has_graph(graph)
    if method == "DELETE":
        if existed:
            write_graphs(store, {graph: None})
        return existed
    lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads]
    if method == "POST":
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in store.quads(graph)] + lines
    write_graphs(store, {graph: "\n".join(lines)})
    return existed
