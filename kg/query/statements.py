"""Statements: one (subject, predicate, object) however many articles report it, with its support.

A statement's support is the number of distinct articles that assert it,
where copies of one text (the same ``nkg:textHash``) count once. A symmetric
predicate (partnerOf, mergesWith, rivalOf) in either order is one statement.
The rules are in :mod:`kg.graph.derive`; this module reads them off the store.
"""

from __future__ import annotations

from ..graph.derive import (
    build_statements,
    statement_key,
    statement_local_id,
)
from ..graph.store import KGStore
from ..predicates import SYMMETRIC_PREDICATES
from .listing import article_info, list_claims, list_entities

__all__ = [
    "statement_key",
    "statement_local_id",
    "article_info",
    "build_statements",
    "list_statements",
    "statement_support",
]


def list_statements(
    store: KGStore, *, as_of: str | None = None, min_support: int = 1
) -> list[dict]:
    """The statements of the store (as it stood on ``as_of``, when given), most supported
    first; see :func:`build_statements` for their fields."""
    claims = list_claims(store, include_all=True, entities=list_entities(store), as_of=as_of)
    return build_statements(claims, article_info(store), min_support)


def statement_support(store: KGStore, as_of: str | None = None) -> dict[tuple[str, str, str], int]:
    """(subject IRI, predicate, object IRI) -> support, for weighting edges.

    A symmetric statement is there under both orders, so a lookup either way works.
    """
    out: dict[tuple[str, str, str], int] = {}
    for s in list_statements(store, as_of=as_of):
        a, p, b = s["subject"]["iri"], s["predicate"], s["object"]["iri"]
        out[(a, p, b)] = s["support"]
        if p in SYMMETRIC_PREDICATES:
            out[(b, p, a)] = s["support"]
    return out
