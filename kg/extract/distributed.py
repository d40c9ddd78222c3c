"""Extraction on a Dask cluster: one spaCy pipeline per worker process, records back in order.

Workers need only ``pip install kg`` (the version the client runs): tasks name
this module's functions, which each worker imports. A worker process keeps
the :class:`Extractor` it built in a module-level cache, so the model is
loaded once per process, not once per batch. At most ``window`` batches are in
flight, so memory stays flat however long the input stream is; results are
plain :class:`~kg.model.Extraction` records, in input order, which the caller
writes to the store as usual.

Start workers with one thread each (``dask worker ADDRESS --nthreads 1
--nworkers N``): the pipeline is CPU-bound Python, and the threads of one
process would take turns on it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from ..errors import ConfigError
from ..model import Article, Extraction
from .parallel import in_flight
from .pipeline import Extractor

__all__ = ["DaskExtractor", "worker_extractor"]

#: A worker's extractors by (model, batch size, curation fingerprint), newest last.
_CACHE: OrderedDict[tuple, Extractor] = OrderedDict()
_CACHE_SIZE = 2  # a new curation replaces the old pipeline rather than piling up
# spaCy pipelines are not meant to be shared between threads: one batch at a time
_LOCK = threading.RLock()


def worker_extractor(model: str | None, batch_size: int, curation=None) -> Extractor:
    """This process's extractor for these settings, built on first use and kept."""
    key = (model, batch_size, curation.fingerprint if curation else None)
    with _LOCK:
        extractor = _CACHE.get(key)
        if extractor is None:
            extractor = Extractor(model, batch_size=batch_size, curation=curation)
            _CACHE[key] = extractor
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
        _CACHE.move_to_end(key)
        return extractor


def _pipeline_name(model: str | None, batch_size: int, curation) -> str:
    """Runs on a worker: loads its extractor, and names it."""
    return worker_extractor(model, batch_size, curation).name


def _extract_batch(
    batch: list[Article], model: str | None, batch_size: int, curation
) -> list[Extraction]:
    """Runs on a worker: the extractions of one batch, in order."""
    with _LOCK:
        return list(worker_extractor(model, batch_size, curation).extract_many(batch))


class DaskExtractor:
    """The same interface as :class:`Extractor`, run on a Dask distributed cluster.

    Parameters
    ----------
    scheduler
        The scheduler's address (``tcp://HOST:8786``), or a connected
        ``distributed.Client``. With an address, a client is opened for each
        call and closed after it.
    model, batch_size, curation
        As for :class:`Extractor`; every worker builds its own from them.
    window
        Batches in flight at most (default: twice the cluster's threads).
    timeout
        Seconds to wait for the scheduler, and for a first worker to join it
        (default: Dask's ``distributed.comm.timeouts.connect``, 30 s unless
        configured, e.g. with ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``).

    Creating one connects to the cluster and has every worker load its
    pipeline; :attr:`name` is the workers' pipeline name (they must agree).
    """

    def __init__(
        self,
        scheduler,
        model: str | None = None,
        batch_size: int = 16,
        curation=None,
        window: int | None = None,
        timeout: float | None = None,
    ):
        self.scheduler = scheduler
        self.model = model
        self.batch_size = batch_size
        self.curation = curation
        self.window = window
        if timeout is None:
            import dask.config
            import distributed  # noqa: F401  (its settings join dask's config on import)
            from dask.utils import parse_timedelta

            timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"))
        self.timeout = timeout
        with self._session() as client:
            self.name = self._worker_name(client)

    def __repr__(self) -> str:
        where = self.scheduler if isinstance(self.scheduler, str) else "a client"
        return f"<DaskExtractor on {where}: {self.name}>"

    # ------------------------------------------------------------------ cluster
    @contextmanager
    def _session(self):
        """A client of the cluster: the one given, or one opened for the call."""
        if not isinstance(self.scheduler, str):
            yield self.scheduler
            return
        from distributed import Client
        from distributed.comm.addressing import get_address_host_port, parse_address

        try:
            if parse_address(self.scheduler)[0] in ("tcp", "tls"):
                get_address_host_port(self.scheduler)  # a client made with a bad one lingers
        except ValueError as exc:
            raise ConfigError(
                f"{self.scheduler!r} is not a Dask scheduler address ({exc}); give tcp://HOST:PORT"
            ) from None
        try:
            client = Client(self.scheduler, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise ConfigError(
                f"cannot reach the Dask scheduler at {self.scheduler} ({reason})"
            ) from None
        try:
            yield client
        finally:
            client.close()

    def _args(self) -> tuple:
        return (self.model, self.batch_size, self.curation)

    def _worker_name(self, client) -> str:
        """Every worker loads its pipeline now (in parallel); their common name."""
        try:
            client.wait_for_workers(1, timeout=self.timeout)
        except TimeoutError:
            raise ConfigError(
                f"no Dask worker joined the scheduler within {self.timeout:g} s "
                "(start some with `dask worker ADDRESS`)"
            ) from None
        workers = list(client.nthreads())
        futures = [
            client.submit(
                _pipeline_name, *self._args(), workers=[w], allow_other_workers=False, pure=False
            )
            for w in workers
        ]
        try:
            names = set(client.gather(futures))
        except Exception as exc:  # anything here means the workers cannot run kg
            reason = " ".join(str(exc).split())[:200]
            raise ConfigError(
                f"the Dask workers cannot run kg's extraction: "
                f"{type(exc).__name__}: {reason} (install the same kg on every "
                "worker: pip install kg)"
            ) from None
        if len(names) > 1:
            raise ConfigError(
                "the Dask workers run different pipelines: " + "; ".join(sorted(names))
            )
        return names.pop()

    # --------------------------------------------------------------- extraction
    def extract(self, article: Article) -> Extraction:
        return list(self.extract_many([article]))[0]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions of ``articles``, in order, ``batch_size`` articles a task."""
        with self._session() as client:
            window = self.window or 2 * max(1, sum(client.nthreads().values()))
            yield from in_flight(
                articles,
                self.batch_size,
                window,
                lambda batch: client.submit(_extract_batch, batch, *self._args(), pure=False),
                client.cancel,
            )
