"""Adding 10 new articles to a store of 5,000 against adding them to an empty store.

The big store is the one ``build_store.py`` makes (BBC, then Reuters up to
5,000); the new articles are the Reuters stories right after those in it.
Each run adds them, through :func:`kg.workflow.add_articles` with one process
as ``kg add`` does for a few files, to a fresh copy of the big store (the copy
is not timed) and to a new empty store. Then it times the part of the add that
depends on the store's size, the recomputation of the derived graph
(:func:`kg.query.derived.refresh_derived`), on its own. Goal: at most 1.5x.

    python bench/incremental_add.py /tmp/kg-bench-5000 BBC.jsonl REUTERS.jsonl
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import _common
import _scale

from kg.errors import KGError
from kg.extract.pipeline import Extractor
from kg.graph import open_store
from kg.query.derived import refresh_derived
from kg.workflow import add_articles

GOAL = 1.5


def timed_add(store_path: Path, articles, extractor) -> tuple[float, float, int]:
    """(seconds of the add, seconds of one more derived-graph refresh, articles in store)."""
    items = [(a.id, a) for a in articles]
    with open_store(store_path) as store:
        start = time.perf_counter()
        report = add_articles(store, items, lambda: extractor)
        add = time.perf_counter() - start
        start = time.perf_counter()
        refresh_derived(store)
        derived = time.perf_counter() - start
        total = len(store.article_ids())
    if report.added != len(articles):
        raise KGError(f"only {report.added} of {len(articles)} new articles were added")
    return add, derived, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="the 5,000-article store (build_store.py)")
    parser.add_argument("bbc", help="the BBC corpus the store was built from")
    parser.add_argument("reuters", help="the Reuters corpus the store was built from")
    parser.add_argument("-n", type=int, default=10, help="new articles (default 10)")
    parser.add_argument("--size", type=int, default=_scale.STORE_SIZE,
                        help="articles the store was built with")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the best counts")
    args = parser.parse_args(argv)
    if not args.store.is_dir():
        print(f"error: {args.store}: no store (run build_store.py first)", file=sys.stderr)
        return 1
    source = _common.source_digest()
    new = _scale.new_articles(args.bbc, args.reuters, args.n, args.size)
    extractor = Extractor()
    list(extractor.extract_many(new))  # warm up
    big, empty = [], []
    load_before = _scale.load_average()
    with tempfile.TemporaryDirectory(prefix="kg-bench-incr-") as tmp:
        for r in range(args.repeats):
            copy = Path(tmp) / f"big-{r}"
            shutil.copytree(args.store, copy)
            big.append(timed_add(copy, new, extractor))
            shutil.rmtree(copy)
            empty.append(timed_add(Path(tmp) / f"empty-{r}", new, extractor))
    b, e = min(big), min(empty)
    print(f"new articles: {len(new)} ({new[0].id} ... {new[-1].id}), "
          f"{sum(len(a.text) for a in new):,} characters")
    print(f"store: {args.store} ({b[2] - len(new)} articles before the add)")
    print(f"add to the big store seconds: {b[0]:.2f} (best of "
          f"{', '.join(f'{x[0]:.2f}' for x in big)})")
    print(f"add to an empty store seconds: {e[0]:.2f} (best of "
          f"{', '.join(f'{x[0]:.2f}' for x in empty)})")
    ratio = b[0] / e[0]
    print(f"ratio big/empty: {ratio:.2f} (goal <= {GOAL}: {'met' if ratio <= GOAL else 'NOT met'})")
    print(f"derived graph refresh alone, big store seconds: {min(x[1] for x in big):.2f}")
    print(f"derived graph refresh alone, empty store seconds: {min(x[1] for x in empty):.2f}")
    print(f"add minus derived refresh, big/empty: {b[0] - min(x[1] for x in big):.2f} / "
          f"{e[0] - min(x[1] for x in empty):.2f} seconds")
    print(f"load average before: {load_before}")
    for key, value in _common.machine(extractor.nlp).items():
        print(f"{key}: {value}")
    print(_common.source_note(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
