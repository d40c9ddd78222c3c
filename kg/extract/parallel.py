"""Extraction on several processes: one spaCy pipeline per worker, records back.

Workers return plain :class:`~kg.model.Extraction` records (small to pickle),
in input order; at most a few batches per worker are in flight, so memory
stays flat however long the input stream is.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from ..model import Article, Extraction
from .pipeline import Extractor

__all__ = ["ParallelExtractor", "default_workers", "in_flight"]

_WORKER: Extractor | None = None


def default_workers() -> int:
    """The machine's cores (the ones this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def in_flight(
    articles: Iterable[Article], batch_size: int, window: int, submit: Callable, cancel: Callable
) -> Iterator[Extraction]:
    """The extractions of ``articles``, in order: batches of ``batch_size`` are
    handed to ``submit`` (which returns a future), at most ``window`` at a time;
    the futures still pending when the caller stops are given to ``cancel``."""
    it = iter(articles)
    pending: deque = deque()
    try:
        while True:
            while len(pending) < window:
                batch = list(islice(it, batch_size))
                if not batch:
                    break
                pending.append(submit(batch))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        if pending:
            cancel(list(pending))


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """End this process when ``parent`` is gone: a ``kg add`` killed with -9 or -TERM
    cannot stop its workers, and they would run on for good, holding its output open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _init(model: str | None, batch_size: int, curation, parent: int | None = None) -> None:
    global _WORKER
    if parent is not None:
        _exit_with_parent(parent)
    _WORKER = Extractor(model, batch_size=batch_size, curation=curation)


def _extract(batch: list[Article]) -> list[Extraction]:
    assert _WORKER is not None
    return list(_WORKER.extract_many(batch))


class ParallelExtractor:
    """The same interface as :class:`Extractor`, spread over ``workers`` processes."""

    def __init__(
        self, model: str | None = None, workers: int = 2, batch_size: int = 16, curation=None
    ):
        # the main process loads the pipeline too: its name fingerprints the store,
        # and with fork the workers share its memory
        self.local = Extractor(model, batch_size=batch_size, curation=curation)
        self.name = self.local.name
        self.model = model
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.curation = curation

    def extract(self, article: Article) -> Extraction:
        return self.local.extract(article)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        if self.workers == 1:
            yield from self.local.extract_many(articles)
            return
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(
            self.workers,
            mp_context=ctx,
            initializer=_init,
            initargs=(self.model, self.batch_size, self.curation, os.getpid()),
        ) as pool:
            yield from in_flight(
                articles,
                self.batch_size,
                2 * self.workers,
                lambda batch: pool.submit(_extract, batch),
                lambda futures: [f.cancel() for f in futures],
            )
