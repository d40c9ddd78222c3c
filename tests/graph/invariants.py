"""What must hold after every write: the merged graph is the set union of the named graphs,
and the derived graph is what a computation from scratch gives.

The reference computation reads the store through the public listings
(:func:`kg.query.listing.list_claims`, :func:`~kg.query.listing.list_entities`,
:func:`kg.query.statements.article_info`), not through the incremental code.
"""

from __future__ import annotations

__all__ = [
    "merged_triples",
    "union_triples",
    "derived_triples",
    "expected_derived",
    "assert_consistent",
    "count_all_and_distinct",
]


def _line(s, p, o) -> str:
    return f"{s} {p} {o} ."


def merged_triples(store) -> set[str]:
    """The triples of the default graph of queries, as N-Triples lines."""
    return {
        _line(t.subject, t.predicate, t.object)
        for t in store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    }


def union_triples(store) -> set[str]:
    """The triples of every kg graph (articles and derived), each once."""
    from kg.vocab import DERIVED_GRAPH

    quads = [*store.quads(), *store.quads(str(DERIVED_GRAPH))]
    return {_line(q.subject, q.predicate, q.object) for q in quads}


def derived_triples(store) -> set[str]:
    from kg.vocab import DERIVED_GRAPH

    return {_line(q.subject, q.predicate, q.object) for q in store.quads(str(DERIVED_GRAPH))}


def expected_derived(store) -> set[str]:
    """The derived graph computed from scratch from the store's listings."""
    import pyoxigraph as ox

    from kg.query.conflicts import build_conflicts
    from kg.query.derived import derived_quads
    from kg.query.listing import list_claims, list_entities
    from kg.query.statements import article_info, build_statements

    claims = list_claims(store, include_all=True, entities=list_entities(store))
    info = article_info(store)
    statements = build_statements(claims, info)
    quads = derived_quads(statements, build_conflicts(claims, info, statements))
    text = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o, _ in quads)
    return {
        _line(t.subject, t.predicate, t.object)
        for t in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    }


def count_all_and_distinct(store) -> tuple[int, int]:
    """COUNT(*) and COUNT(DISTINCT *) over the default graph of queries."""
    rows = store.select(
        "SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?distinct) WHERE { ?s ?p ?o }"
    )
    return int(rows[0]["all"]), int(rows[0]["distinct"])


def assert_consistent(store) -> None:
    """The merged graph is the union of the graphs; the derived graph is up to date."""
    merged, union = merged_triples(store), union_triples(store)
    assert merged == union, (
        f"merged graph: {len(merged - union)} triples too many, "
        f"{len(union - merged)} missing: "
        f"{sorted(merged - union)[:3]} {sorted(union - merged)[:3]}"
    )
    derived, expected = derived_triples(store), expected_derived(store)
    assert derived == expected, (
        f"derived graph: {len(derived - expected)} stale triples, "
        f"{len(expected - derived)} missing: "
        f"{sorted(derived - expected)[:3]} "
        f"{sorted(expected - derived)[:3]}"
    )
    total, distinct = count_all_and_distinct(store)
    assert total == distinct == len(merged)
