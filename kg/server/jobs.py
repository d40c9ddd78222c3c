"""What the endpoint does with a request once it is parsed: plain functions on a store.

They run in the worker processes (:mod:`kg.server.workers`) and return a
:class:`Reply`, which crosses the process boundary by pickling. Readers keep
a read-only snapshot of the store and open a fresh one when the store's files
change (``kg add`` in another process, or ``/update``); writers open the store
read-write for one request and close it again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import multiprocessing
import os
import time
from contextlib import ExitStack
from pathlib import Path

import pyoxigraph as ox
from pyoxigraph import NamedNode, Variable

from ..errors import KGError, QueryError, StoreError, StoreLockedError
from ..graph.fulltext import INDEX_FILE, open_index
from ..graph.store import KGStore, open_store
from ..query.listing import list_entities
from ..query.saved import EntityNames, bind_params, get_saved, without_params
from ..query.sparql import QueryResult
from ..vocab import PREFIXES
from .pages import render_page
from .protocol import has_dataset_clause, negotiate
from .reply import Reply, text_reply
from .writes import DefaultGraphWrite, apply_graph_write, apply_update

__all__ = ["Reply", "ReaderSession", "SnapshotVersions", "run_write", "answer_result", "text_reply"]

log = logging.getLogger("kg.server")

#: The header that says a result was cut at the row cap.
TRUNCATED_HEADER = "X-KG-Truncated"
#: How many times a reader tries to open a snapshot while a writer is busy (about 3 s).
OPEN_ATTEMPTS = 25


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:1000]


def _fingerprint(path: Path) -> tuple | None:
    """What changes when anyone writes to the store: its files' names, sizes and times."""
    try:
        out = []
        for entry in os.scandir(path):
            if entry.name.startswith(("LOG", "LOCK", INDEX_FILE)):
                continue
            st = entry.stat()
            out.append((entry.name, st.st_size, st.st_mtime_ns))
        return tuple(sorted(out))
    except OSError:
        return None


def _layout(fingerprint: tuple) -> tuple:
    """The files but the write-ahead logs, which only grow by whole transactions."""
    return tuple((name, size) for name, size, _ in fingerprint if not name.endswith(".log"))


# --------------------------------------------------------------------------- answers
def _collect(raw, max_rows: int) -> tuple[QueryResult, bool]:
    """pyoxigraph's answer as a :class:`QueryResult`, cut at ``max_rows`` rows or triples."""
    if isinstance(raw, (bool, ox.QueryBoolean)):
        return QueryResult("ask", [], [], boolean=bool(raw)), False
    rows = []
    truncated = False
    if isinstance(raw, ox.QuerySolutions):
        names = [v.value for v in raw.variables]
        for sol in raw:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append([sol[n] for n in names])
        return QueryResult("select", names, rows), truncated
    for triple in raw:
        if len(rows) >= max_rows:
            truncated = True
            break
        rows.append(triple)
    return QueryResult("graph", [], [], triples=rows), truncated


def answer_result(
    result: QueryResult,
    *,
    accept: str | None,
    fmt: str | None = None,
    truncated_at: int | None = None,
) -> Reply:
    """A query result in the format the client asked for."""
    kind = "graph" if result.kind == "graph" else "results"
    name, media = negotiate(kind, accept, fmt)
    if kind == "graph" and name == "trig":
        quads = [
            ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
            for t in result.triples or []
        ]
        body = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    else:
        body = result.serialize(name).encode("utf-8")
    headers = ((TRUNCATED_HEADER, f"max-rows={truncated_at}"),) if truncated_at else ()
    return Reply(200, media, body, headers)


def _graph_terms(iris: list[str] | None):
    try:
        return [NamedNode(i) for i in iris] if iris else None
    except ValueError as exc:
        raise QueryError(f"bad graph IRI: {_one_line(exc)}") from None


def run_select(
    store: KGStore,
    sparql: str,
    *,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    max_rows: int = 10_000,
    bindings: dict | None = None,
):
    """Run a query as the protocol asks: the merged graph as the default graph unless a
    dataset is named.

    Returns ``(result, truncated)``.
    """
    if not sparql.strip():
        raise QueryError("empty query")
    kwargs = {}
    default = _graph_terms(default_graphs)
    named = _graph_terms(named_graphs)
    if default is not None:
        kwargs["default_graph"] = default
    elif store.default_is_union and not has_dataset_clause(sparql)[0]:
        kwargs["use_default_graph_as_union"] = True  # a store from before the merged graph
    if named is not None:
        kwargs["named_graphs"] = named
    if bindings:
        kwargs["substitutions"] = {Variable(k): v for k, v in bindings.items()}
    try:
        raw = store.ox.query(sparql, prefixes=PREFIXES, **kwargs)
        return _collect(raw, max_rows)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {_one_line(exc)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None


# --------------------------------------------------------------------------- readers
class SnapshotVersions:
    """Numbers for the snapshots the readers of one server open, in the order of the
    states they hold (shared by the reader processes; snapshots are opened one at a
    time under its lock). Two snapshots of a store that did not change in between
    get the same number."""

    def __init__(self, ctx=None):
        ctx = ctx or multiprocessing.get_context("spawn")
        self.lock = ctx.Lock()
        self._newest = ctx.Value("Q", 0, lock=False)
        self._state = ctx.Value("q", 0, lock=False)  # hash of the newest one's files, or 0

    def number(self, fingerprint: tuple | None, stable: bool) -> int:
        """The number of a snapshot just opened (call it holding :attr:`lock`)."""
        state = _state(fingerprint) if stable else 0
        if not (state and state == self._state.value and self._newest.value):
            self._newest.value += 1
            self._state.value = state
        return self._newest.value

    def same(self, fingerprint: tuple | None) -> int | None:
        """The newest number, if the newest snapshot holds the state of ``fingerprint``
        (call it holding :attr:`lock`)."""
        state = _state(fingerprint)
        return self._newest.value if state and state == self._state.value else None


def _state(fingerprint: tuple | None) -> int:
    """A number for the store's files, the same in every process (0: unknown)."""
    if fingerprint is None:
        return 0
    digest = hashlib.blake2b(repr(fingerprint).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True) or 1


class ReaderSession:
    """A reader's view of the store: a read-only snapshot, renewed when the store changed.

    Opening a snapshot replays the store's write-ahead log, which takes a
    while when a long ``kg add`` is running; so a snapshot younger than
    ``refresh`` seconds (or four times what opening it took) is kept even if
    the store changed, unless a write went through this server (``writes``,
    a shared counter, moved on), or a job asks for a newer snapshot than this
    one (``min_snapshot``: another reader already answered from a newer one).
    ``versions`` (:class:`SnapshotVersions`) numbers the snapshots of all the
    server's readers in the order of the states they hold.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        max_rows: int = 10_000,
        *,
        refresh: float = 0.0,
        writes=None,
        versions: SnapshotVersions | None = None,
    ):
        self.path = Path(path)
        self.max_rows = max_rows
        self.refresh = refresh
        self._writes = writes
        self._versions = versions
        self._stack: ExitStack | None = None
        self._store: KGStore | None = None
        self._seen: tuple | None = None
        self._stable = False  # the store's files did not change while the snapshot opened
        self._opened = self._open_seconds = 0.0
        self._generation = 0
        self._entities = None
        self._index = None  # the search index, and the snapshot it was checked against
        self._index_version = -1
        #: The number of the open snapshot (see :class:`SnapshotVersions`).
        self.version = 0
        self._min = 0  # the job's min_snapshot

    def _current(self, now: tuple | None) -> bool:
        if self._store is None or now is None:
            return False
        if now == self._seen:
            return True
        generation = self._writes.value if self._writes is not None else 0
        # a store whose log takes long to replay is reopened less often
        min_age = max(self.refresh, 4 * self._open_seconds) if self.refresh else 0.0
        return generation == self._generation and time.monotonic() - self._opened < min_age

    def store(self, min_snapshot: int = 0) -> KGStore:
        """The snapshot, reopened when anyone has written to the store since it was opened,
        and always at least as new as snapshot number ``min_snapshot``.

        A writer flushing or closing the store creates, renames and deletes
        files, and a read-only open racing with that can see a torn state (a
        log deleted before the new table is listed). So an open counts only if
        the store's files stayed put while it ran; else it is tried again, and
        meanwhile the previous snapshot (if any) keeps answering, unless it is
        older than ``min_snapshot``.
        """
        now = _fingerprint(self.path)
        if self.version >= min_snapshot and self._current(now):
            return self._store
        if self._versions is None:
            return self._open(min_snapshot)
        waited = time.monotonic()
        with self._versions.lock:
            waited = time.monotonic() - waited
            if waited > 0.5:
                log.info("waited %.1f s for another reader to open the store", waited)
            if self._store is not None and self._stable and now == self._seen:
                newest = self._versions.same(now)
                if newest is not None:  # nothing changed since: this is the newest state
                    self.version = max(self.version, newest)
                    if self.version >= min_snapshot and self._current(now):
                        return self._store
            return self._open(min_snapshot)

    def _open(self, min_snapshot: int) -> KGStore:
        error: Exception | None = None
        for attempt in range(OPEN_ATTEMPTS):
            if attempt:
                time.sleep(min(0.2, 0.01 * attempt))
            before = _fingerprint(self.path)
            started = time.monotonic()
            stack = ExitStack()
            try:
                store = stack.enter_context(open_store(self.path, read_only=True))
            except (StoreError, OSError, RuntimeError) as exc:
                stack.close()
                error = exc
                continue
            after = _fingerprint(self.path)
            if before is None or after is None or _layout(before) != _layout(after):
                stack.close()
                error = StoreError(f"{self.path}: the store's files changed while opening it")
                continue
            self.close()
            self._store, self._stack, self._seen = store, stack, before
            self._stable = before == after
            self._opened = time.monotonic()
            self._open_seconds = self._opened - started
            self._generation = self._writes.value if self._writes is not None else 0
            self.version = (
                self._versions.number(after, self._stable)
                if self._versions is not None
                else self.version + 1
            )
            log.debug("snapshot %d opened in %.2f s", self.version, self._open_seconds)
            return store
        if self._store is not None and self.version >= min_snapshot:
            log.warning(
                "cannot open a fresh snapshot (%s); answering from the previous one",
                _one_line(error),
            )
            return self._store
        if isinstance(error, StoreError):
            raise error
        raise StoreError(f"{self.path}: cannot open the store ({_one_line(error)})")

    def entities(self):
        """Every entity indexed by name (:class:`~kg.query.saved.EntityNames`), per snapshot."""
        store = self.store(self._min)
        if self._entities is None:
            self._entities = EntityNames(list_entities(store))
        return self._entities

    def text_index(self):
        """The store's search index (:mod:`kg.graph.fulltext`), checked against the
        articles once per snapshot."""
        store = self.store(self._min)
        if self._index is None or self._index_version != self.version:
            if self._index is not None:
                self._index.close()
            self._index = open_index(store)
            self._index_version = self.version
        return self._index

    def close(self) -> None:
        if self._stack is not None:
            self._stack.close()
        if self._index is not None:
            self._index.close()
        self._stack = self._store = self._entities = self._index = None

    def handle(self, job: dict) -> Reply:
        """Answer one job (a dict made by the HTTP layer); never raises. The reply
        carries the number of the snapshot that answered it."""
        reply = self._handle(job)
        return dataclasses.replace(reply, snapshot=self.version)

    def _handle(self, job: dict) -> Reply:
        self._min = int(job.get("min_snapshot") or 0)
        try:
            return self._dispatch(job)
        except StoreError as exc:
            return text_reply(503, f"store unavailable: {exc}")
        except QueryError as exc:
            return text_reply(400, str(exc))
        except KGError as exc:
            return text_reply(400, str(exc))
        except Exception as exc:  # a bug: answer 500 and keep serving
            log.exception("worker: unexpected error")
            return text_reply(500, f"internal error: {type(exc).__name__}: {_one_line(exc)}")

    def _dispatch(self, job: dict) -> Reply:
        op = job["op"]
        if op == "query":
            return self._query(job)
        if op == "saved":
            return self._saved(job)
        if op == "page":
            return render_page(self, job)
        if op == "graph-get":
            return graph_get(self.store(self._min), job.get("graph"), accept=job.get("accept"))
        if op == "ping":
            self.store(self._min)
            return text_reply(200, "ok")
        raise KGError(f"unknown job {op!r}")

    def _retrying(self, run):
        """Run ``run(store)``; once more on a fresh snapshot if the store changed under it."""
        try:
            return run(self.store(self._min))
        except QueryError as exc:
            if str(exc).startswith(("malformed", "empty")) or _fingerprint(self.path) == self._seen:
                raise
            log.info("store changed during a query; retrying on a fresh snapshot")
            self.close()
            return run(self.store(self._min))

    def _query(self, job: dict) -> Reply:
        max_rows = int(job.get("max_rows") or self.max_rows)
        result, truncated = self._retrying(
            lambda store: run_select(
                store,
                job["sparql"],
                default_graphs=job.get("default_graphs"),
                named_graphs=job.get("named_graphs"),
                max_rows=max_rows,
            )
        )
        return answer_result(
            result,
            accept=job.get("accept"),
            fmt=job.get("format"),
            truncated_at=max_rows if truncated else None,
        )

    def _saved(self, job: dict) -> Reply:
        query = get_saved(job["name"])
        max_rows = int(job.get("max_rows") or self.max_rows)

        def run(store):
            bindings = bind_params(
                store,
                query,
                job.get("params") or {},
                entities=self.entities() if any(p.kind == "entity" for p in query.params) else None,
            )
            return run_select(store, query.sparql, max_rows=max_rows, bindings=bindings)

        result, truncated = self._retrying(run)
        result = without_params(result, query)
        return answer_result(
            result,
            accept=job.get("accept"),
            fmt=job.get("format"),
            truncated_at=max_rows if truncated else None,
        )


# --------------------------------------------------------------------------- graphs
def _graph_node(graph: str | None):
    """The graph a Graph Store Protocol request names (None: the default graph)."""
    if graph is None:
        return ox.DefaultGraph()
    try:
        return ox.NamedNode(graph)
    except ValueError as exc:
        raise QueryError(f"bad graph IRI {graph!r}: {_one_line(exc)}") from None


def graph_get(store: KGStore, graph: str | None, *, accept: str | None) -> Reply:
    """GET on the Graph Store Protocol: one graph's triples (404 if there is no such graph)."""
    node = _graph_node(graph)
    if graph is not None and not store.ox.contains_named_graph(node):
        return text_reply(404, f"no graph {graph}")
    triples = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.ox.quads_for_pattern(None, None, None, node)
    ]
    return answer_result(QueryResult("graph", [], [], triples=triples), accept=accept)


def _parse_body(body: bytes, content_type: str | None):
    media = (content_type or "").split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None:
        raise QueryError(
            f"cannot read RDF sent as {media or 'no Content-Type'!r} "
            "(send text/turtle, application/n-triples, application/ld+json "
            "or application/rdf+xml)"
        )
    try:
        quads = list(ox.parse(body, format=fmt))
    except SyntaxError as exc:
        raise QueryError(f"malformed {media}: {_one_line(exc)}") from None
    if any(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
        raise QueryError("the body names graphs: send triples, the graph is in ?graph=")
    return quads


def _write(path: Path, action) -> Reply:
    """Open the store read-write for one action; 503 if another process is writing."""
    try:
        with open_store(path, create=False) as store:
            return action(store)
    except StoreLockedError:
        return text_reply(
            503,
            f"the store is being written by another kg process "
            f"(kg add?); try again when it has finished ({path})",
        )


def run_write(path: str | os.PathLike, job: dict) -> Reply:
    """A write job: SPARQL Update, or a Graph Store Protocol PUT, POST or DELETE."""
    path = Path(path)
    try:
        if job["op"] == "update":
            return _write(
                path, lambda store: _update(store, job["sparql"], loads=bool(job.get("loads")))
            )
        if job["op"] == "graph-write":
            quads = (
                _parse_body(job.get("body") or b"", job.get("content_type"))
                if job["method"] in ("PUT", "POST")
                else []
            )
            return _write(
                path, lambda store: _graph_write(store, job["method"], job.get("graph"), quads)
            )
        raise KGError(f"unknown write job {job['op']!r}")
    except QueryError as exc:
        return text_reply(400, str(exc))
    except StoreError as exc:
        return text_reply(503, f"store unavailable: {exc}")
    except KGError as exc:
        return text_reply(400, str(exc))
    except Exception as exc:
        log.exception("writer: unexpected error")
        return text_reply(500, f"internal error: {type(exc).__name__}: {_one_line(exc)}")


def _update(store: KGStore, sparql: str, *, loads: bool = False) -> Reply:
    """Run an update (with the merged and derived graphs kept in step); with ``loads``
    (it has a LOAD the operator allowed), a failure to read is the LOAD's (a 400), not
    the store's."""
    try:
        apply_update(store, sparql)
    except (StoreError, QueryError) as exc:
        if loads and not str(exc).startswith("malformed"):
            raise QueryError(f"LOAD failed: {exc}") from None
        raise
    log.info("update applied (%d characters)", len(sparql))
    return Reply(204, "text/plain", b"")


def _graph_write(store: KGStore, method: str, graph: str | None, quads) -> Reply:
    """PUT replaces a graph, POST adds to it, DELETE drops it: each in one transaction."""
    node = _graph_node(graph)
    try:
        existed = apply_graph_write(store, method, None if graph is None else node.value, quads)
    except DefaultGraphWrite as exc:
        return Reply(
            405, "text/plain; charset=utf-8", f"{exc}\n".encode(), (("Allow", "GET, HEAD"),)
        )
    except (SyntaxError, ValueError) as exc:
        raise QueryError(f"cannot store these triples: {_one_line(exc)}") from None
    if method == "DELETE" and not existed:
        return text_reply(404, f"no graph {graph}")
    return Reply(204 if existed or method == "DELETE" else 201, "text/plain", b"")
