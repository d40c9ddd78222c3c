"""Memory and speed of a long ingest: RSS of the whole process tree, sampled along the way.

Ingests a JSON Lines corpus (all 19,043 Reuters stories, say) into a new store
through :func:`kg.workflow.add_articles`, as ``kg add`` does, with
``--workers N`` processes on this machine or on a two-worker Dask
``LocalCluster`` on 127.0.0.1 (``--executor dask``), and every ``--interval``
seconds records the resident memory of this process and all its children (the
extraction workers; with Dask, the nannies and workers) and how many articles
are in. Prints one line per sample, then the figures: articles/s, peak RSS,
and the growth of RSS with the number of articles (a least-squares slope over
the samples after the first tenth of the articles; goal: flat).

    python bench/ingest_memory.py REUTERS.jsonl --store /tmp/kg-reuters --workers 2
    python bench/ingest_memory.py REUTERS.jsonl --store /tmp/kg-reuters-dask --executor dask
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import _common
import _scale

from kg.errors import KGError
from kg.graph import open_store
from kg.workflow import add_articles

MB = 1024 * 1024


def slope(points: list[tuple[int, int]]) -> float:
    """Least-squares slope of y over x (bytes per article)."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a JSON Lines corpus")
    parser.add_argument("--store", type=Path, required=True, help="a new store folder")
    parser.add_argument("--executor", choices=["local", "dask"], default="local")
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="extraction processes (local) or Dask workers (default 2)",
    )
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between samples")
    parser.add_argument(
        "--flush-every",
        type=int,
        default=0,
        metavar="N",
        help="flush the store's write log every N articles (kg add does not; "
        "this shows what doing so would change)",
    )
    args = parser.parse_args(argv)
    if args.store.exists():
        print(f"error: {args.store} exists; give a new folder", file=sys.stderr)
        return 1
    source = _common.source_digest()
    cluster = None
    if args.executor == "dask":
        from distributed import LocalCluster

        from kg.extract.distributed import DaskExtractor

        cluster = LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        )
        make = lambda: DaskExtractor(cluster.scheduler_address)  # noqa: E731
    else:
        from kg.extract.parallel import ParallelExtractor

        make = lambda: ParallelExtractor(workers=args.workers)  # noqa: E731
    done = [0, 0.0]  # articles written, when the last one was
    start = time.perf_counter()

    flushing = [None]  # the open store, when --flush-every

    def tick(report):
        done[0] = report.added + report.replaced + report.unchanged
        done[1] = time.perf_counter() - start
        if flushing[0] is not None and done[0] % args.flush_every == 0:
            flushing[0].ox.flush()

    load_before = _scale.load_average()
    try:
        with _scale.RssSampler(args.interval, progress=lambda: done[0]) as sampler:
            with open_store(args.store) as store:
                flushing[0] = store if args.flush_every else None
                report = add_articles(
                    store, _scale.corpus_items(args.corpus), make, on_article=tick
                )
            total = time.perf_counter() - start
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if cluster is not None:
            cluster.close()
    for seconds, articles, rss, own in sampler.samples:
        print(
            f"sample: {seconds:7.1f} s  {articles:6d} articles  {rss / MB:8.1f} MB "
            f"(writer {own / MB:7.1f} MB, extraction {(rss - own) / MB:7.1f} MB)"
        )
    n = report.added
    samples = sampler.samples
    during = [s for s in samples if n and n / 10 <= s[1] < n]
    grow = slope([(a, r) for _, a, r, _ in during])
    grow_own = slope([(a, o) for _, a, _, o in during])
    quarter = [
        max((r for _, a, r, _ in samples if i * n / 4 <= a < (i + 1) * n / 4), default=0)
        for i in range(4)
    ]
    print(f"corpus: {args.corpus}")
    print(
        f"executor: {args.executor}, {args.workers} workers"
        + (f"; store flushed every {args.flush_every} articles" if args.flush_every else "")
    )
    print(f"articles: {report.added} added, {len(report.failed)} failed")
    print(f"extraction and writing seconds: {done[1]:.1f} ({n / done[1]:.1f} articles/s)")
    print(f"derived graph and closing seconds: {total - done[1]:.1f}")
    print(f"total seconds: {total:.1f} ({n / total:.1f} articles/s)")
    print(
        f"peak RSS of the process tree: {max(s[2] for s in samples) / MB:.0f} MB "
        f"(writer alone {max(s[3] for s in samples) / MB:.0f} MB, extraction alone "
        f"{max(s[2] - s[3] for s in samples) / MB:.0f} MB)"
    )
    print(f"peak RSS by quarter of the articles: {', '.join(f'{q / MB:.0f}' for q in quarter)} MB")
    print(
        f"RSS growth after the first tenth: {grow * 1000 / MB:.1f} MB per 1,000 articles "
        f"(writer {grow_own * 1000 / MB:.1f}, extraction {(grow - grow_own) * 1000 / MB:.1f}) "
        f"over {len(during)} samples"
    )
    print(f"load average before: {load_before}; after: {_scale.load_average()}")
    print(_common.source_note(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
