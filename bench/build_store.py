"""Build the benchmark store: all BBC articles, then Reuters stories up to 5,000 in all.

The incremental-add, saved-question and cold-start benchmarks run on it.
It goes through :func:`kg.workflow.add_articles` as ``kg add --workers N``
does, and prints how long that took. With ``--graphs FILE.nq`` (article
graphs that ``extract_graphs.py`` wrote) it loads them instead, as ``kg load``
does, without running spaCy again.

    python bench/build_store.py BBC.jsonl REUTERS.jsonl -o /tmp/kg-bench-5000
    python bench/build_store.py BBC.jsonl REUTERS.jsonl -o /tmp/store-20000 --graphs store.nq
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import _common
import _scale

from kg.errors import KGError
from kg.extract.parallel import ParallelExtractor
from kg.graph import open_store
from kg.workflow import add_articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bbc", help="the BBC corpus (articles.jsonl)")
    parser.add_argument("reuters", help="the Reuters-21578 corpus (articles.jsonl)")
    parser.add_argument(
        "-o",
        "--store",
        required=True,
        type=Path,
        help="the store folder to create (must not exist)",
    )
    parser.add_argument("-n", type=int, default=_scale.STORE_SIZE, help="articles in all")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument(
        "--graphs",
        type=Path,
        metavar="FILE.nq",
        help="load these article graphs instead of extracting",
    )
    args = parser.parse_args(argv)
    if args.store.exists():
        print(f"error: {args.store} exists; give a new folder", file=sys.stderr)
        return 1
    source = _common.source_digest()
    if args.graphs:
        return _load(args.store, args.graphs, source)
    try:
        extractor = ParallelExtractor(workers=args.workers)
        start = time.perf_counter()
        with open_store(args.store) as store:
            report = add_articles(
                store, _scale.store_items(args.bbc, args.reuters, args.n), lambda: extractor
            )
            seconds = time.perf_counter() - start
            quads = len(store)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"store: {args.store}")
    print(f"articles: {report.added} added, {len(report.failed)} failed")
    print(f"quads: {quads:,}")
    print(
        f"seconds: {seconds:.1f} ({report.added / seconds:.1f} articles/s, {args.workers} workers)"
    )
    for key, value in _common.machine(extractor.local.nlp).items():
        print(f"{key}: {value}")
    print(_common.source_note(source))
    return 0


def _load(store_path: Path, graphs: Path, source: str) -> int:
    from kg.graph.load import check_file, load_files

    try:
        start = time.perf_counter()
        with open_store(store_path) as store:
            report = load_files(store, [check_file(graphs)])
            seconds = time.perf_counter() - start
            quads = len(store)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"store: {store_path}")
    print(f"articles: {report.added} loaded from {graphs}")
    print(f"quads: {quads:,} in the named graphs")
    print(f"seconds: {seconds:.1f} ({report.added / seconds:.1f} articles/s)")
    print(_common.source_note(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
