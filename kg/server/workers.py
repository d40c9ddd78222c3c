"""Worker processes: every query runs in a process that is killed if it runs too long.

pyoxigraph cannot interrupt a running query, so a thread would stay busy
until the query ended. A process can be killed: a query past its time gets
an error answer, its worker is replaced and the others carry on. Readers
keep a read-only snapshot of the store (:class:`~kg.server.jobs.ReaderSession`);
the one writer opens the store read-write for each write and closes it again.

Exceptions (all :class:`~kg.errors.KGError`)::

    WorkerError
     +-- QueryTimeout   the job ran past its time; its worker was killed
     +-- ServerBusy     no worker became free in time
     +-- WorkerLost     the worker died (a crash); it was replaced
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import queue
import signal
import threading
import time
from collections.abc import Callable

from ..errors import KGError
from .jobs import Reply

__all__ = ["WorkerPool", "WorkerError", "QueryTimeout", "ServerBusy", "WorkerLost",
           "reader_main", "writer_main"]

log = logging.getLogger("kg.server")


class WorkerError(KGError):
    """A job could not be answered by a worker."""


class QueryTimeout(WorkerError):
    """A job ran longer than allowed and was stopped."""


class ServerBusy(WorkerError):
    """Every worker stayed busy for as long as the job could wait."""


class WorkerLost(WorkerError):
    """The worker process died while answering."""


def _child_setup(log_level: int) -> None:
    # Ctrl-C reaches the whole process group: the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logger = logging.getLogger("kg.server")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(log_level)


def reader_main(conn, store_path: str, max_rows: int, log_level: int = logging.WARNING,
                refresh: float = 0.0, writes=None) -> None:
    """A reader process: answer jobs from ``conn`` until the parent goes away."""
    _child_setup(log_level)
    from .jobs import ReaderSession

    session = ReaderSession(store_path, max_rows, refresh=refresh, writes=writes)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        conn.send(session.handle(job))
    session.close()


def writer_main(conn, store_path: str, log_level: int = logging.WARNING) -> None:
    """The writer process: one write job at a time, the store open only during each."""
    _child_setup(log_level)
    from .jobs import run_write

    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        conn.send(run_write(store_path, job))


class _Worker:
    def __init__(self, ctx, target: Callable, args: tuple, name: str):
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(child, *args), name=name, daemon=True)
        self.process.start()
        child.close()
        self.conn = parent

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        try:
            self.conn.close()
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)


class WorkerPool:
    """``size`` worker processes running ``target(conn, *args)``; :meth:`run` hands one a job."""

    def __init__(self, target: Callable, args: tuple, size: int, name: str = "kg-worker",
                 ctx=None):
        self._ctx = ctx or multiprocessing.get_context("spawn")
        self._target, self._args, self._name = target, args, name
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._started = itertools.count(1)
        self._closed = False
        self.size = size
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        with self._lock:
            worker = _Worker(self._ctx, self._target, self._args,
                             f"{self._name}-{next(self._started)}")
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        worker.stop(kill=True)
        if not self._closed:
            self._idle.put(self._spawn())

    def run(self, job: dict, timeout: float) -> Reply:
        """Run ``job`` on a free worker; raises :class:`WorkerError` when it cannot."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise ServerBusy(f"all {self.size} workers stayed busy for {timeout:g} s; "
                             "try again later") from None
        healthy = False
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            reply = worker.conn.recv()
            healthy = True
            return reply
        except (EOFError, OSError, BrokenPipeError):
            raise WorkerLost("the worker answering this request died; it was restarted") \
                from None
        finally:
            if healthy:
                self._idle.put(worker)
            else:
                log.warning("replacing worker %s", worker.process.name)
                self._replace(worker)

    def warm(self, job: dict, timeout: float) -> list[Reply]:
        """Send ``job`` to every worker at once (at start-up: each opens the store)."""
        workers = [self._idle.get() for _ in range(self.size)]
        try:
            for w in workers:
                w.conn.send(job)
            deadline = time.monotonic() + timeout
            replies = []
            for w in workers:
                if not w.conn.poll(max(0.0, deadline - time.monotonic())):
                    raise QueryTimeout(f"the workers did not start within {timeout:g} s")
                replies.append(w.conn.recv())
            return replies
        except (EOFError, OSError):
            raise WorkerLost("a worker process died as it started") from None
        finally:
            for w in workers:
                self._idle.put(w)

    def close(self) -> None:
        """Stop every worker (they exit when their pipe closes; stragglers are killed)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for w in workers:
            try:
                w.conn.close()
            except OSError:
                pass
        for w in workers:
            w.stop()
