"""What the scaling benchmarks share: the 5,000-article store, corpus slices, RSS sampling.

The store is built from the BBC corpus (all of it) and the first Reuters
stories up to the total, through :func:`kg.workflow.add_articles`, as
``kg add`` does. The "new" articles of the incremental benchmark are the
Reuters stories right after the ones in the store.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path

from kg.errors import InputError
from kg.ingest import iter_articles
from kg.model import Article

__all__ = [
    "STORE_SIZE",
    "corpus_items",
    "store_items",
    "new_articles",
    "load_average",
    "tree_rss",
    "RssSampler",
]

#: Articles in the store of the incremental, query and cold-start benchmarks.
STORE_SIZE = 5000


def corpus_items(path: str | Path) -> Iterator[tuple[str, Article | InputError]]:
    """(origin, article or error) for every line of a JSON Lines corpus, as ``kg add`` reads."""
    return iter_articles([str(path)])


def _articles(path: str | Path) -> Iterator[Article]:
    return (a for _, a in corpus_items(path) if isinstance(a, Article))


def _bbc_count(bbc: str | Path) -> int:
    return sum(1 for _ in _articles(bbc))


def store_items(
    bbc: str | Path, reuters: str | Path, total: int = STORE_SIZE
) -> Iterator[tuple[str, Article | InputError]]:
    """Every BBC article, then Reuters stories, until ``total`` articles in all."""
    bbc_items = ((o, a) for o, a in corpus_items(bbc) if isinstance(a, Article))
    reuters_items = ((o, a) for o, a in corpus_items(reuters) if isinstance(a, Article))
    return islice(chain(bbc_items, reuters_items), total)


def new_articles(
    bbc: str | Path, reuters: str | Path, n: int = 10, total: int = STORE_SIZE
) -> list[Article]:
    """``n`` Reuters stories that are not in the store of ``total`` articles."""
    skip = max(0, total - _bbc_count(bbc))
    return list(islice(_articles(reuters), skip, skip + n))


def load_average() -> str:
    """The machine's 1-, 5- and 15-minute load."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def tree_rss(pid: int | None = None) -> tuple[int, int]:
    """Resident memory in bytes of a process and all its descendants, and of the
    process alone."""
    import psutil

    try:
        root = psutil.Process(pid or os.getpid())
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total = own = 0
    for p in procs:
        try:
            rss = p.memory_info().rss
        except psutil.Error:
            continue  # ended between listing and reading
        total += rss
        own = rss if p is root else own
    return total, own


class RssSampler:
    """Samples :func:`tree_rss` and a progress counter every ``interval`` seconds in a thread."""

    def __init__(self, interval: float = 5.0, progress=lambda: 0, pid: int | None = None):
        self.interval = interval
        self.progress = progress
        self.pid = pid
        # (seconds, articles, RSS of the tree, RSS of the process alone), in bytes
        self.samples: list[tuple[float, int, int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._start = 0.0

    def _sample(self) -> None:
        self.samples.append(
            (time.perf_counter() - self._start, self.progress(), *tree_rss(self.pid))
        )

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> RssSampler:
        self._start = time.perf_counter()
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
