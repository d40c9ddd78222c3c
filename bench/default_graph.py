"""The default graph of a store, counted with pyoxigraph directly: a set, or a bag?

On the store's own default graph (kg's merged graph) and, for comparison, on
the union of its named graphs (what kg queried before the merged graph, with
Oxigraph's ``use_default_graph_as_union``, when the default graph was empty;
here written ``GRAPH ?g``, since that option would now add the merged graph
too): ``COUNT(*)`` and ``COUNT(DISTINCT *)`` over ``?s ?p ?o``, how many rows a
label query returns, and how long each takes (best of ``--repeats``). Nothing
of kg is in the way.

    python bench/default_graph.py /work/bench-stores/store-20000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyoxigraph as ox

COUNTS = "SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?distinct) WHERE { ?s ?p ?o }"
UNION_COUNTS = (
    "SELECT ?all ?distinct WHERE { "
    "{ SELECT (COUNT(*) AS ?all) WHERE { GRAPH ?g { ?s ?p ?o } } } "
    "{ SELECT (COUNT(*) AS ?distinct) WHERE { "
    "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } } } }"
)
LABEL = (
    "SELECT ?l WHERE { <https://w3id.org/nkg/entity/{key}> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
)
UNION_LABEL = (
    "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/nkg/entity/{key}> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
)


def best(store, query: str, repeats: int) -> tuple[float, list]:
    times, rows = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        rows = [[t.value for t in sol] for sol in store.query(query)]
        times.append(time.perf_counter() - start)
    return min(times), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a kg store folder")
    parser.add_argument(
        "--entity",
        default="united-states",
        help="the entity key of the label query (default united-states)",
    )
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.store.is_dir():
        print(f"default_graph: {args.store}: no store", file=sys.stderr)
        return 1
    store = ox.Store.read_only(str(args.store))
    graphs = sum(1 for _ in store.named_graphs())
    print(f"store: {args.store} ({graphs:,} named graphs)")
    for name, counts, label in (
        ("merged graph (the store's default graph)", COUNTS, LABEL),
        ("union of the named graphs", UNION_COUNTS, UNION_LABEL),
    ):
        label = label.replace("{key}", args.entity)
        seconds, rows = best(store, counts, args.repeats)
        total, distinct = (int(x) for x in rows[0])
        print(
            f"{name}: COUNT(*) {total:,}, COUNT(DISTINCT *) {distinct:,} "
            f"({'a set' if total == distinct else 'a bag'}), {seconds:.2f} s"
        )
        seconds, rows = best(store, label, args.repeats)
        print(
            f"  label query ({args.entity}): {len(rows)} rows "
            f"({len({r[0] for r in rows})} distinct), {seconds * 1000:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
