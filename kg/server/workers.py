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
import signal
import threading
import time
from collections.abc import Callable

from ..errors import KGError
from .jobs import ReaderSession, Reply, run_write

__all__ = [
    "WorkerPool",
    "WorkerError",
    "QueryTimeout",
    "ServerBusy",
    "WorkerLost",
    "reader_main",
    "writer_main",
]

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


def reader_main(
    conn,
    store_path: str,
    max_rows: int,
    log_level: int = logging.WARNING,
    refresh: float = 0.0,
    writes=None,
    versions=None,
) -> None:
    """A reader process: answer jobs from ``conn`` until the parent goes away."""
    _child_setup(log_level)
    session = ReaderSession(store_path, max_rows, refresh=refresh, writes=writes, versions=versions)
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
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        conn.send(run_write(store_path, job))


class _Worker:
    def __init__(self, ctx, target: Callable, args: tuple, name: str, spare: bool = False):
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(child, *args), name=name, daemon=True)
        self.process.start()
        child.close()
        self.conn = parent
        self.spare = spare
        self.snapshot = 0  # the snapshot number of its last reply

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
    """``size`` worker processes running ``target(conn, *args)``; :meth:`run` hands one a job.

    ``spare`` more workers are kept for jobs that find every other worker busy,
    so that a short query is not starved by long ones: such a job may run on a
    spare worker for ``quick`` seconds; past that, the spare is stopped (and
    replaced) and the job waits for a regular worker like any other.

    A job may ask for a snapshot at least as new as ``job["min_snapshot"]``;
    a reader whose snapshot is older must reopen the store first, which takes
    seconds while a long ``kg add`` runs. So the job goes to an idle worker
    that is new enough, else waits up to ``fresh_wait`` seconds for a busy one
    that is, before it takes an older one.
    """

    def __init__(
        self,
        target: Callable,
        args: tuple,
        size: int,
        name: str = "kg-worker",
        ctx=None,
        spare: int = 0,
        quick: float = 1.0,
        fresh_wait: float = 1.0,
    ):
        self._ctx = ctx or multiprocessing.get_context("spawn")
        self._target, self._args, self._name = target, args, name
        self._idle: list[_Worker] = []
        self._cond = threading.Condition()
        self._workers: set[_Worker] = set()
        self._started = itertools.count(1)
        self._closed = False
        self.size = size
        self.spare = spare
        self.quick = quick
        self.fresh_wait = fresh_wait
        for n in range(size + spare):
            self._release(self._spawn(spare=n >= size))

    def _spawn(self, spare: bool = False) -> _Worker:
        with self._cond:
            worker = _Worker(
                self._ctx,
                self._target,
                self._args,
                f"{self._name}-{'spare-' if spare else ''}{next(self._started)}",
                spare=spare,
            )
            self._workers.add(worker)
        return worker

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._idle.append(worker)
            self._cond.notify_all()

    def _take(
        self, spare: bool, timeout: float, fresh: int = 0, patience: float = 0.0
    ) -> _Worker | None:
        """An idle worker (regular or spare), the one with the newest snapshot; None if
        none becomes idle within ``timeout`` seconds. When the idle ones all have
        snapshots older than ``fresh`` but a busy one has not, wait up to ``patience``
        seconds for it."""
        now = time.monotonic()
        deadline = now + timeout
        patience = now + patience
        with self._cond:
            while True:
                free = [w for w in self._idle if w.spare == spare]
                newest = max(free, key=lambda w: w.snapshot, default=None)
                stale = newest is not None and newest.snapshot < fresh
                if (
                    stale
                    and time.monotonic() < patience
                    and any(w.snapshot >= fresh and w not in self._idle for w in self._workers)
                ):
                    self._cond.wait(patience - time.monotonic())
                    continue
                if newest is not None:
                    self._idle.remove(newest)
                    return newest
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    return None
                self._cond.wait(left)

    def _replace(self, worker: _Worker) -> None:
        with self._cond:
            self._workers.discard(worker)
        worker.stop(kill=True)
        if not self._closed:
            self._release(self._spawn(spare=worker.spare))

    def _ask(self, worker: _Worker, job: dict, seconds: float) -> Reply | None:
        """``worker``'s answer to ``job``; None when it took longer than ``seconds`` (the
        worker is then replaced)."""
        healthy = False
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, seconds)):
                return None
            reply = worker.conn.recv()
            worker.snapshot = max(worker.snapshot, getattr(reply, "snapshot", 0))
            healthy = True
            return reply
        except (EOFError, OSError, BrokenPipeError):
            raise WorkerLost("the worker answering this request died; it was restarted") from None
        finally:
            if healthy:
                self._release(worker)
            else:
                log.warning("replacing worker %s", worker.process.name)
                self._replace(worker)

    def run(self, job: dict, timeout: float) -> Reply:
        """Run ``job`` on a free worker; raises :class:`WorkerError` when it cannot."""
        deadline = time.monotonic() + timeout
        fresh = int(job.get("min_snapshot") or 0)
        worker = self._take(False, 0, fresh, min(self.fresh_wait, timeout))
        if worker is None and self.spare:
            spare = self._take(True, 0, fresh)
            if spare is not None:
                reply = self._ask(spare, job, min(self.quick, timeout))
                if reply is not None:
                    return reply
                # a long one: back in the line for a regular worker
        if worker is None:
            worker = self._take(False, deadline - time.monotonic(), fresh)
        if worker is None:
            raise ServerBusy(
                f"all {self.size} workers stayed busy for {timeout:g} s; try again later"
            )
        reply = self._ask(worker, job, deadline - time.monotonic())
        if reply is None:
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        return reply

    def warm(self, job: dict, timeout: float) -> list[Reply]:
        """Send ``job`` to every worker at once (at start-up: each opens the store)."""
        with self._cond:
            workers, self._idle = list(self._idle), []
        try:
            for w in workers:
                w.conn.send(job)
            deadline = time.monotonic() + timeout
            replies = []
            for w in workers:
                if not w.conn.poll(max(0.0, deadline - time.monotonic())):
                    raise QueryTimeout(f"the workers did not start within {timeout:g} s")
                reply = w.conn.recv()
                w.snapshot = getattr(reply, "snapshot", 0)
                replies.append(reply)
            return replies
        except (EOFError, OSError):
            raise WorkerLost("a worker process died as it started") from None
        finally:
            for w in workers:
                self._release(w)

    def close(self) -> None:
        """Stop every worker (they exit when their pipe closes; stragglers are killed)."""
        with self._cond:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
            self._cond.notify_all()
        for w in workers:
            try:
                w.conn.close()
            except OSError:
                pass
        for w in workers:
            w.stop()
