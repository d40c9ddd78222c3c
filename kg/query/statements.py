"""Statements: one (subject, predicate, object) however many articles report it, with its support.

A statement's support is the number of distinct articles that assert it,
where copies of one text (the same ``nkg:textHash``) count once. A symmetric
predicate (partnerOf, mergesWith, rivalOf) in either order is one statement.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from ..graph.store import KGStore
from ..predicates import SYMMETRIC_PREDICATES
from ..vocab import statement_iri
from .listing import list_claims, list_entities

__all__ = ["statement_key", "article_info", "build_statements", "list_statements",
           "statement_support"]

_ARTICLE_INFO = """
SELECT ?id ?published ?source ?hash WHERE { GRAPH ?g {
  ?a a nkg:Article ; nkg:articleId ?id .
  OPTIONAL { ?a nkg:textHash ?hash }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a nkg:outlet ?source }
} }"""


def statement_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """The identity of a statement: symmetric predicates with their two ends in order.

    >>> statement_key("e:b", "partnerOf", "e:a")
    ('e:a', 'partnerOf', 'e:b')
    >>> statement_key("e:b", "acquires", "e:a")
    ('e:b', 'acquires', 'e:a')
    """
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        return obj, predicate, subject
    return subject, predicate, obj


def statement_local_id(key: tuple[str, str, str]) -> str:
    """A stable id for a statement (the same statement, the same IRI, on every rebuild)."""
    return hashlib.sha1("|".join(key).encode("utf-8")).hexdigest()[:16]


def article_info(store: KGStore) -> dict[str, dict]:
    """Article id -> ``published``, ``source`` and ``hash`` (the text's SHA-256)."""
    return {r["id"]: {"published": r.get("published"), "source": r.get("source"),
                      "hash": r.get("hash") or r["id"]}
            for r in store.select(_ARTICLE_INFO)}


def _seen(claim: dict, info: dict) -> str | None:
    """When an article reported a claim: its publication date, else the claim's own date."""
    return info.get(claim["article"], {}).get("published") or claim.get("date")


def build_statements(claims: list[dict], info: dict[str, dict],
                     min_support: int = 1) -> list[dict]:
    """Group claims (dicts of :func:`~kg.query.listing.list_claims`, any polarity)
    into statements. Only asserted claims support one; hedged claims are left
    aside and negated ones are listed under ``denied_by``.

    ``info`` is :func:`article_info`. Most supported first.
    """
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for c in claims:
        groups[statement_key(c["subject"]["iri"], c["predicate"], c["object"]["iri"])].append(c)
    out = []
    for key, group in groups.items():
        asserted = [c for c in group if c["polarity"] == "asserted"]
        if not asserted:
            continue
        texts = {info.get(c["article"], {}).get("hash", c["article"]) for c in asserted}
        if len(texts) < min_support:
            continue
        # a symmetric statement reads the way most of its articles put it
        ways = Counter((c["subject"]["iri"], c["object"]["iri"]) for c in asserted)
        first = max(asserted, key=lambda c: (ways[(c["subject"]["iri"], c["object"]["iri"])],
                                             c["subject"]["iri"] == key[0]))
        seen = sorted(d for d in (_seen(c, info) for c in asserted) if d)
        amounts = {(c["amount"]["value"], c["amount"]["currency"]) for c in asserted
                   if c["amount"]}
        out.append({
            "iri": str(statement_iri(statement_local_id(key))),
            "subject": first["subject"],
            "predicate": key[1],
            "object": first["object"],
            "support": len(texts),
            "sources": sorted({s for c in asserted
                               if (s := info.get(c["article"], {}).get("source"))}),
            "articles": sorted({c["article"] for c in asserted}),
            "first_seen": seen[0] if seen else None,
            "last_seen": seen[-1] if seen else None,
            "amounts": [{"value": v, "currency": cur}
                        for v, cur in sorted(amounts, key=lambda a: (a[1], a[0]))],
            "dates": sorted({c["date"] for c in asserted if c["date"]}),
            "ended": any(c["ended"] for c in asserted),
            "end_dates": sorted({c["end_date"] for c in asserted if c["end_date"]}),
            "denied_by": sorted({c["article"] for c in group if c["polarity"] == "negated"}),
            "claims": [c["iri"] for c in asserted],
        })
    out.sort(key=lambda s: (-s["support"], s["subject"]["label"].lower(), s["predicate"],
                            s["object"]["label"].lower(), s["iri"]))
    return out


def list_statements(store: KGStore, *, as_of: str | None = None,
                    min_support: int = 1) -> list[dict]:
    """The statements of the store (as it stood on ``as_of``, when given), most supported
    first; see :func:`build_statements` for their fields."""
    claims = list_claims(store, include_all=True, entities=list_entities(store), as_of=as_of)
    return build_statements(claims, article_info(store), min_support)


def statement_support(store: KGStore, as_of: str | None = None
                      ) -> dict[tuple[str, str, str], int]:
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
