"""The derived graph: statements with their support, and conflicts, written where SPARQL sees them.

It lives in the named graph :data:`~kg.vocab.DERIVED_GRAPH`. Every write to the
store brings it up to date in the write's own transaction, recomputing only
the statements between the entities the changed articles touch (see
:mod:`kg.graph.changes`); :func:`refresh_derived` computes all of it again::

    SELECT ?kind ?label WHERE { ?k a nkg:Conflict ; nkg:conflictKind ?kind ; rdfs:label ?label }
"""

from __future__ import annotations

from ..graph.changes import rederive
from ..graph.derive import derived_quads
from ..graph.store import KGStore

__all__ = ["derived_quads", "refresh_derived"]


def refresh_derived(store: KGStore) -> tuple[int, int]:
    """Recompute the whole derived graph from the article graphs, in one transaction
    (a repair: the writes keep it current). Returns (statements, conflicts); with no
    statement the graph is left empty."""
    return rederive(store)
