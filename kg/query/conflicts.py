"""Conflicts: statements whose reports disagree, with the competing values side by side.

The rules (which reports disagree, and how) are in :mod:`kg.graph.derive`;
this module reads them off the store.
"""

from __future__ import annotations

from ..graph.derive import (
    AMOUNT_TOLERANCE,
    CONFLICT_KINDS,
    ONE_OFF_PREDICATES,
    amounts_disagree,
    build_conflicts,
    dates_disagree,
)
from ..graph.store import KGStore
from .listing import list_claims, list_entities
from .statements import article_info, build_statements

__all__ = [
    "CONFLICT_KINDS",
    "ONE_OFF_PREDICATES",
    "AMOUNT_TOLERANCE",
    "dates_disagree",
    "amounts_disagree",
    "build_conflicts",
    "find_conflicts",
]


def find_conflicts(store: KGStore, *, as_of: str | None = None) -> list[dict]:
    """The conflicts in the store (as it stood on ``as_of``, when given)."""
    claims = list_claims(store, include_all=True, entities=list_entities(store), as_of=as_of)
    info = article_info(store)
    return build_conflicts(claims, info, build_statements(claims, info))
