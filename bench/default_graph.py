"""The default graph of a store, counted with pyoxigraph directly: a set, or a bag?

On the store's own default graph (kg's merged graph) and, for comparison, on
the union of its named graphs (what kg queried before the merged graph, and
what Oxigraph's ``use_default_graph_as_union`` gives): ``COUNT(*)`` and
``COUNT(DISTINCT *)`` over ``?s ?p ?o``, how many rows a label query returns,
and how long each takes (best of ``--repeats``). Nothing of kg is in the way.

    python bench/default_graph.py /work/bench-stores/store-20000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyoxigraph as ox

COUNTS = "SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?distinct) WHERE { ?s ?p ?o }"
LABEL = "SELECT ?l WHERE { <https://w3id.org/nkg/entity/{key}> " \
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"


def best(store, query: str, union: bool, repeats: int) -> tuple[float, list]:
    times, rows = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        rows = [[t.value for t in sol] for sol in
                store.query(query, use_default_graph_as_union=union)]
        times.append(time.perf_counter() - start)
    return min(times), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a kg store folder")
    parser.add_argument("--entity", default="united-states",
                        help="the entity key of the label query (default united-states)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.store.is_dir():
        print(f"default_graph: {args.store}: no store", file=sys.stderr)
        return 1
    store = ox.Store.read_only(str(args.store))
    graphs = sum(1 for _ in store.named_graphs())
    print(f"store: {args.store} ({graphs:,} named graphs)")
    label = LABEL.replace("{key}", args.entity)
    for name, union in (("merged graph (the store's default graph)", False),
                        ("union of the named graphs", True)):
        seconds, rows = best(store, COUNTS, union, args.repeats)
        total, distinct = (int(x) for x in rows[0])
        print(f"{name}: COUNT(*) {total:,}, COUNT(DISTINCT *) {distinct:,} "
              f"({'a set' if total == distinct else 'a bag'}), {seconds:.2f} s")
        seconds, rows = best(store, label, union, args.repeats)
        print(f"  label query ({args.entity}): {len(rows)} rows "
              f"({len({r[0] for r in rows})} distinct), {seconds * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
