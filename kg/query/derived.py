"""The derived graph: statements with their support, and conflicts, written where SPARQL sees them.

It lives in the named graph :data:`~kg.vocab.DERIVED_GRAPH` and is recomputed
from the article graphs after every add, remove, rebuild and curation change
(see :mod:`kg.workflow`), so it never disagrees with them for long::

    SELECT ?kind ?label WHERE { ?k a nkg:Conflict ; nkg:conflictKind ?kind ; rdfs:label ?label }
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from ..graph.store import KGStore
from ..vocab import DERIVED_GRAPH, NKG, RDF, RDFS
from .conflicts import build_conflicts
from .listing import list_claims, list_entities
from .statements import article_info, build_statements

__all__ = ["derived_quads", "refresh_derived"]


def derived_quads(statements: list[dict], conflicts: list[dict]) -> list[tuple]:
    """The quads of the derived graph for these statements and conflicts."""
    g = DERIVED_GRAPH
    out: list[tuple] = []
    for s in statements:
        st = URIRef(s["iri"])
        out += [(st, RDF.type, NKG.Statement, g),
                (st, RDFS.label, Literal(f"{s['subject']['label']} {s['predicate']} "
                                         f"{s['object']['label']}"), g),
                (st, NKG.support, Literal(s["support"]), g)]
        out += [(st, NKG.supportedBy, URIRef(c), g) for c in s["claims"]]
    for k in conflicts:
        c = URIRef(k["iri"])
        out += [(c, RDF.type, NKG.Conflict, g),
                (c, NKG.conflictKind, Literal(k["kind"]), g),
                (c, NKG.concerns, URIRef(k["statement"]), g),
                (c, RDFS.label, Literal(f"{k['subject']['label']} {k['predicate']} "
                                        f"{k['object']['label']}: {k['summary']}"), g)]
        out += [(c, NKG.conflictingClaim, URIRef(v["claim"]), g)
                for v in {v["claim"]: v for v in k["values"]}.values()]
    return out


def refresh_derived(store: KGStore) -> tuple[int, int]:
    """Recompute the derived graph from the article graphs, in one transaction.

    Returns (statements, conflicts). With no statement the graph is dropped.
    """
    claims = list_claims(store, include_all=True, entities=list_entities(store))
    info = article_info(store)
    statements = build_statements(claims, info)
    conflicts = build_conflicts(claims, info, statements)
    quads = derived_quads(statements, conflicts)
    g = DERIVED_GRAPH.n3()
    update = f"DROP SILENT GRAPH {g}"
    if quads:
        body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o, _ in quads)
        update += f" ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"
    store.update(update)
    return len(statements), len(conflicts)
