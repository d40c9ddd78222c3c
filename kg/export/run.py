"""One call that reads the store, builds what is asked and writes it in the chosen format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import KGError
from ..graph.store import KGStore
from ..network.data import NetworkData, read_network_data
from ..network.filters import Filters
from ..network.metrics import top_nodes
from ..network.paths import ego_network, resolve_node
from ..network.projections import build_network, entity_network
from ..predicates import PREDICATES
from ..query.sparql import run_query
from ..vocab import NKG, PREFIXES, article_graph_iri
from .rdf import written_count
from .registry import get_exporter

__all__ = ["ExportResult", "export", "export_network", "rdf_statements"]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the files, and how many nodes and edges or statements."""

    format: str
    paths: tuple[Path, ...]
    nodes: int | None = None
    edges: int | None = None
    total_nodes: int | None = None  # before keeping the most central
    statements: int | None = None


def export_network(g, fmt: str, path: str | Path) -> list[Path]:
    """Write a networkx graph in a network format (graphml, gexf, ..., html)."""
    exporter = get_exporter(fmt)
    if exporter.kind != "network":
        raise KGError(f"{fmt} writes RDF, not a network")
    return exporter.load()(g, Path(path))


def rdf_statements(
    store: KGStore,
    filters: Filters | None = None,
    construct: str | None = None,
    data: NetworkData | None = None,
) -> list:
    """The quads (or, for a CONSTRUCT, triples) an RDF export writes.

    Without filters: every quad of the store. With filters: the graphs of
    the articles they select, keeping only the claims in the filtered entity
    network (with their evidence, amount and plain triple). With
    ``construct``: what the CONSTRUCT (or DESCRIBE) query returns.
    """
    filters = filters or Filters()
    if construct is not None:
        if not filters.is_empty:
            raise KGError("the filters do not apply to --construct; put them in the query")
        result = run_query(store, construct)
        if result.kind != "graph":
            raise KGError("--construct needs a CONSTRUCT or DESCRIBE query")
        return list(result.triples or [])
    quads = list(store.quads())
    if filters.is_empty:
        return quads
    data = data or read_network_data(store)
    g = entity_network(data, filters)
    kept = {c for *_, cs in g.edges(data="claims") for c in cs}
    claims = {c.iri: c for c in data.claims if c.iri in kept}
    graphs = {
        str(article_graph_iri(a.id))
        for a in data.articles.values()
        if filters.source_passes(a.source) and filters.date_passes(a.published)
    }
    graphs |= {str(article_graph_iri(c.article)) for c in claims.values()}
    plain = {
        (str(article_graph_iri(c.article)), c.subject, str(NKG[c.predicate]), c.object)
        for c in claims.values()
    }
    claim_ns = PREFIXES["claim"]
    predicate_iris = {str(NKG[p]) for p in PREDICATES}
    out = []
    for q in quads:
        graph = getattr(q.graph_name, "value", None)
        if graph not in graphs:
            continue
        s = q.subject.value
        if s.startswith(claim_ns) and s.split("#", 1)[0] not in kept:
            continue
        p = q.predicate.value
        if p in predicate_iris and (graph, s, p, q.object.value) not in plain:
            continue
        out.append(q)
    return out


def export(
    store: KGStore,
    fmt: str,
    path: str | Path,
    *,
    network: str = "entity",
    filters: Filters | None = None,
    top: int | None = None,
    ego: str | None = None,
    depth: int = 2,
    construct: str | None = None,
) -> ExportResult:
    """Export the store as ``fmt`` to ``path``.

    Network formats write the ``network`` projection (entity, comention or
    bipartite) with ``filters``, around ``ego`` up to ``depth`` hops if
    given, keeping the ``top`` most central nodes (the format's default when
    None; 0 for all). RDF formats write the graph (see :func:`rdf_statements`).
    """
    exporter = get_exporter(fmt)
    path = Path(path)
    if exporter.kind == "rdf":
        if ego is not None or top:
            raise KGError(f"--ego and --top are for network formats, not {fmt}")
        statements = rdf_statements(store, filters, construct)
        paths = exporter.load()(statements, path)
        return ExportResult(fmt, tuple(paths), statements=written_count(fmt, statements))
    if construct is not None:
        raise KGError(f"--construct is for the RDF formats, not {fmt}")
    data = read_network_data(store)
    g = build_network(data, network, filters)
    if ego is not None:
        g = ego_network(g, resolve_node(g, data, ego), depth=depth)
    total = len(g)
    g = top_nodes(g, exporter.default_top if top is None else top, connected=exporter.connected)
    paths = exporter.load()(g, path)
    return ExportResult(
        fmt, tuple(paths), nodes=len(g), edges=g.number_of_edges(), total_nodes=total
    )
