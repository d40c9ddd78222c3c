"""The HTTP layer: routes, the SPARQL 1.1 Protocol's request shapes, tokens and CORS.

Routes::

    GET  /                  the query page for people (?query=... runs it, its rows paged)
    GET  /entity/SLUG       an entity's page; /entity/SLUG/network.json its neighbourhood
    GET  /article/ID        an article's page, its claims' sentences marked
    GET  /search?q=         entities by name, articles by their words
    GET  /highlight?query=  a query coloured as HTML (for the query page's script)
    GET  /static/NAME       the pages' scripts and styles (vis-network from pyvis)
    GET  /sparql            a query (?query=...), else the service description
    POST /sparql            a query (form or application/sparql-query)
    GET  /saved             the saved questions, as JSON
    GET  /saved/NAME?P=V    a saved question's answer
    POST /update            SPARQL Update            (only with allow_update, and a token)
    *    /store?graph=IRI   the Graph Store Protocol (only with allow_update, and a token)

Parsing and answering happen here; queries run in worker processes
(:mod:`kg.server.workers`), so a slow query holds one worker, not the server.
"""

from __future__ import annotations

import hmac
import json
import logging
import multiprocessing
import os
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pyoxigraph as ox

from .. import web
from ..errors import KGError, QueryError, StoreError
from ..graph.store import open_store, store_path
from ..query.guard import check_sparql
from ..query.saved import saved_queries
from ..version import __version__
from .description import service_description
from .jobs import Reply, SnapshotVersions, text_reply
from .pages import MAX_OFFSET, PAGE_ROWS, ROW_CHOICES, error_page, highlight, pygments_css
from .protocol import negotiate
from .workers import QueryTimeout, ServerBusy, WorkerError, WorkerPool, reader_main, writer_main

__all__ = ["ServerConfig", "KGServer", "make_server", "default_workers", "MAX_BODY"]

log = logging.getLogger("kg.server")

#: The largest request body accepted (queries, updates, Graph Store uploads), in bytes.
MAX_BODY = 64 * 1024 * 1024

_QUERY_TYPES = ("application/sparql-query",)
_UPDATE_TYPES = ("application/sparql-update",)
_FORM = "application/x-www-form-urlencoded"
_CONTROL = frozenset({"format", "output", "results"})
_HOST = re.compile(r"[A-Za-z0-9.-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")
#: What a client that went away makes the socket raise: not worth a traceback.
_GONE = (ConnectionError, TimeoutError, socket.timeout)


def default_workers() -> int:
    """Reader processes by default: the CPUs, at least 4 (queries wait on more than CPU)."""
    return max(4, min(8, os.cpu_count() or 1))


@dataclass(frozen=True)
class ServerConfig:
    """How ``kg serve`` runs: where, on which store, with which limits."""

    store: str | None = None
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_rows: int = 10_000
    workers: int = field(default_factory=default_workers)
    allow_update: bool = False
    token: str | None = None
    log_level: int = logging.WARNING
    #: Seconds a reader keeps its snapshot when another process (kg add) writes;
    #: writes through this server are seen at once.
    refresh: float = 1.0
    #: URL prefixes that SERVICE (federation) may fetch from; none by default.
    allow_service: tuple[str, ...] = ()
    #: URL prefixes that LOAD (in an update, with the token) may read; none by default.
    allow_load: tuple[str, ...] = ()
    #: Reader processes kept for queries that find every other one busy, and the
    #: seconds a query may run on one (then it waits for a regular reader).
    spare: int = 1
    quick: float = 1.0
    #: Seconds a client has to send a whole request (line, headers and body) once its
    #: connection waits for one; a slow or silent client is then disconnected.
    request_timeout: float = 120.0


class HTTPError(Exception):
    """An answer decided while reading the request (bad shape, no token...)."""

    def __init__(self, status: int, message: str, headers: tuple = ()):
        super().__init__(message)
        self.reply = Reply(
            status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), tuple(headers)
        )


class _PageError(Exception):
    """A bad request for a page for people: answered with an HTML page that says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class KGServer(ThreadingHTTPServer):
    """The endpoint: an HTTP server with a pool of reader processes (and a writer)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ServerConfig):
        if config.allow_update and not config.token:
            raise KGError("updates need a token: set it in the environment (--token-env)")
        self.config = config
        self.store = str(store_path(config.store))
        with open_store(self.store, read_only=True):
            pass  # fail now, with kg's message, if there is no store
        try:
            super().__init__((config.host, config.port), Handler)
        except OSError as exc:
            raise KGError(
                f"cannot listen on {config.host}:{config.port} ({exc.strerror or exc})"
            ) from None
        self.readers: WorkerPool | None = None
        self.writer: WorkerPool | None = None
        ctx = multiprocessing.get_context("spawn")
        #: Writes through this server so far: readers reopen the store when it moves.
        self.writes = ctx.Value("Q", 0)
        #: The newest snapshot any answer came from: no later answer comes from an older one.
        self.served = 0
        self._served_lock = threading.Lock()
        self._watchdog = _Watchdog()
        try:
            self.readers = WorkerPool(
                reader_main,
                (
                    self.store,
                    config.max_rows,
                    config.log_level,
                    config.refresh,
                    self.writes,
                    SnapshotVersions(ctx),
                ),
                size=config.workers,
                name="kg-reader",
                ctx=ctx,
                spare=config.spare,
                quick=config.quick,
            )
            replies = self.readers.warm({"op": "ping"}, timeout=max(60.0, config.timeout))
            for r in replies:
                if r.status != 200:
                    raise StoreError(r.body.decode("utf-8", "replace").strip())
            if config.allow_update:
                self.writer = WorkerPool(
                    writer_main, (self.store, config.log_level), size=1, name="kg-writer", ctx=ctx
                )
        except BaseException:
            self.close()
            raise
        self.static = _static_files()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def read(self, job: dict) -> Reply:
        """Run a reading job on a reader, from a snapshot at least as new as any answer
        given before (so that a client never sees the store go back in time)."""
        reply = self.readers.run({**job, "min_snapshot": self.served}, self.config.timeout)
        with self._served_lock:
            self.served = max(self.served, reply.snapshot)
        return reply

    def handle_error(self, request, client_address) -> None:
        """A client that went away is no error of ours: no traceback for it."""
        exc = sys.exc_info()[1]
        if isinstance(exc, _GONE):
            log.debug("%s went away (%s)", client_address[0], type(exc).__name__)
            return
        log.exception("error on a connection from %s", client_address[0])

    def close(self) -> None:
        """Stop the workers and release the socket."""
        for pool in (self.readers, self.writer):
            if pool is not None:
                pool.close()
        self.readers = self.writer = None
        self._watchdog.stop()
        self.server_close()


class _Watchdog:
    """Shuts down connections whose request is not in by its deadline, so that a slow or
    silent client holds a thread for a bounded time (the socket timeout alone is per
    read, and a client sending a byte now and then would never meet it)."""

    def __init__(self, every: float = 0.5):
        self._due: dict[socket.socket, float] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._loop, args=(every,), daemon=True, name="kg-request-watchdog"
        )
        self._thread.start()

    def watch(self, conn: socket.socket, seconds: float) -> None:
        with self._lock:
            self._due[conn] = time.monotonic() + seconds

    def release(self, conn: socket.socket) -> None:
        with self._lock:
            self._due.pop(conn, None)

    def stop(self) -> None:
        self._stopped.set()

    def _loop(self, every: float) -> None:
        while not self._stopped.wait(every):
            now = time.monotonic()
            with self._lock:
                late = [c for c, due in self._due.items() if due <= now]
                for conn in late:
                    del self._due[conn]
            for conn in late:
                log.info("closing a connection whose request did not come in time")
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


_MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _static_files() -> dict[str, bytes]:
    """The pages' scripts and styles, read once: kg's own and vis-network's (from pyvis)."""
    files = {
        name: resources.files("kg.server").joinpath("static", name).read_bytes()
        for name in ("explorer.css", "explorer.js")
    }
    files |= {
        "graph.js": web.graph_js().encode("utf-8"),
        "graph.css": web.graph_css().encode("utf-8"),
        "vis-network.min.js": web.vis_network_js().encode("utf-8"),
        "vis-network.css": web.vis_network_css().encode("utf-8"),
        "pygments.css": pygments_css().encode("utf-8"),
    }
    return files


def make_server(config: ServerConfig) -> KGServer:
    """A ready endpoint (socket bound, workers started); call ``serve_forever`` on it.

    Raises :class:`~kg.errors.StoreError` when there is no store to serve.
    """
    return KGServer(config)


class Handler(BaseHTTPRequestHandler):
    """One HTTP request: parse it, hand the work to a worker, send the answer."""

    server: KGServer
    protocol_version = "HTTP/1.1"
    server_version = f"kg/{__version__}"
    timeout = 120  # seconds a connection may sit idle
    disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

    # ------------------------------------------------------------------ plumbing
    def handle_one_request(self) -> None:
        # the whole request must be in within request_timeout of waiting for it
        self.server._watchdog.watch(self.connection, self.server.config.request_timeout)
        try:
            super().handle_one_request()
        except _GONE:
            self.close_connection = True
        finally:
            self.server._watchdog.release(self.connection)

    def parse_request(self) -> bool:
        words = str(self.raw_requestline, "iso-8859-1").split()
        if len(words) == 2:  # HTTP/0.9 has no headers: http.server would wait for them
            self.command, self.path = words
            self.request_version = "HTTP/1.0"
            self.close_connection = True
            self.send_error(400, "HTTP/0.9 is not served: send an HTTP/1.x request")
            return False
        return super().parse_request()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
        log.debug("%s %s", self.address_string(), format % args)

    def log_request(self, code="-", size="-") -> None:
        pass  # each request is logged once, with its time, in _handle

    def _send(self, reply: Reply, *, head: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept")
        self._cors()
        for key, value in reply.headers:
            self.send_header(key, value)
        self.end_headers()
        if not head and reply.body:
            self.wfile.write(reply.body)
        self.wfile.flush()

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "Content-Type, X-KG-Truncated")

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._chunked()
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            n = int(length)
        except ValueError:
            n = -1
        if n < 0:
            self.close_connection = True
            raise HTTPError(400, "bad Content-Length")
        if n > MAX_BODY:
            self.close_connection = True
            raise HTTPError(413, f"request body over {MAX_BODY // (1024 * 1024)} MiB")
        body = self.rfile.read(n) if n > 0 else b""
        if len(body) < n:
            self.close_connection = True
            raise HTTPError(400, "the request body ended before its Content-Length")
        return body

    def _line(self) -> bytes:
        """One line of a chunked body (a size or a trailer), refused when it is too long."""
        line = self.rfile.readline(1025)
        if not line.endswith(b"\n"):
            self.close_connection = True
            raise HTTPError(400, "malformed chunked body (a line too long or cut short)")
        return line

    def _chunked(self) -> bytes:
        parts, total = [], 0
        while True:
            text = self._line().split(b";")[0].strip()
            if not _CHUNK_SIZE.fullmatch(text):
                self.close_connection = True
                raise HTTPError(
                    400,
                    f"malformed chunked body: bad chunk size "
                    f"{text[:20].decode('ascii', 'replace')!r}",
                )
            size = int(text, 16)
            if size == 0:
                for _ in range(100):  # the trailer, up to its blank line
                    if self._line() in (b"\r\n", b"\n"):
                        return b"".join(parts)
                self.close_connection = True
                raise HTTPError(400, "malformed chunked body: too many trailer lines")
            total += size
            if total > MAX_BODY:
                self.close_connection = True
                raise HTTPError(413, f"request body over {MAX_BODY // (1024 * 1024)} MiB")
            part = self.rfile.read(size)
            if len(part) < size or self._line() not in (b"\r\n", b"\n"):
                self.close_connection = True
                raise HTTPError(400, "malformed chunked body: a chunk is cut short")
            parts.append(part)

    def _handle(self, method: str) -> None:
        start = time.perf_counter()
        url = urlsplit(self.path)
        reply = None
        try:
            body = self._body() if method in ("POST", "PUT", "DELETE") else b""
            self.server._watchdog.release(self.connection)  # the request is in
            reply = self._route(method, url.path, parse_qs(url.query, keep_blank_values=True), body)
        except HTTPError as exc:
            reply = exc.reply
        except _PageError as exc:
            reply = self._bad_page(exc.status, str(exc))
        except QueryTimeout as exc:
            reply = text_reply(503, f"timeout: {exc} (kg serve --timeout)")
        except ServerBusy as exc:
            reply = text_reply(503, f"busy: {exc}")
            reply = Reply(reply.status, reply.content_type, reply.body, (("Retry-After", "1"),))
        except WorkerError as exc:
            reply = text_reply(500, str(exc))
        except _GONE:  # the client went away while sending its request
            self.close_connection = True
            return
        except Exception as exc:  # a bug: answer, log, keep serving
            log.exception("error answering %s %s", method, self.path)
            reply = text_reply(500, f"internal error: {type(exc).__name__}")
        try:
            self._send(reply, head=method == "HEAD")
        except _GONE:  # the client went away before its answer: nothing to say to it
            self.close_connection = True
            log.debug("%s went away before its answer", self.client_address[0])
        finally:
            log.info(
                "%s %s %s %d %.1f ms",
                self.client_address[0],
                method,
                url.path,
                reply.status,
                1000 * (time.perf_counter() - start),
            )

    def do_GET(self) -> None:  # noqa: N802 (http.server's names)
        self._handle("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._handle("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle("DELETE")

    def do_OPTIONS(self) -> None:  # noqa: N802
        methods = "GET, HEAD, POST, OPTIONS"
        if self.server.config.allow_update:
            methods += ", PUT, DELETE"
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", methods)
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type, Authorization")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Allow", methods)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # ------------------------------------------------------------------ routes
    def _route(self, method: str, path: str, params: dict[str, list[str]], body: bytes) -> Reply:
        path = path.rstrip("/") or "/"
        if path in ("/", "/index.html"):
            self._allow(method, "GET", "HEAD")
            return self._page(
                {
                    "page": "query",
                    "query": self._one(params, "query"),
                    "page_no": self._number(params, "page"),
                    "rows": self._rows(params),
                }
            )
        if path.startswith(("/entity/", "/article/")) or path == "/search":
            self._allow(method, "GET", "HEAD")
            return self._explore(path, params)
        if path == "/highlight":
            self._allow(method, "GET", "HEAD", "POST")
            if method == "POST":
                params = {**params, **self._form(body)}
            text = self._one(params, "query") or ""
            if len(text) > 200_000:
                raise HTTPError(413, "too long a query to colour")
            return Reply(200, "text/html; charset=utf-8", str(highlight(text)).encode("utf-8"))
        if path.startswith("/static/"):
            self._allow(method, "GET", "HEAD")
            name = path[len("/static/") :]
            if name not in self.server.static:
                raise HTTPError(404, f"no such file: {path}")
            media = _MEDIA[name[name.rfind(".") :]]
            return Reply(
                200,
                media,
                self.server.static[name],
                (("Cache-Control", "max-age=3600"), ("X-Content-Type-Options", "nosniff")),
            )
        if path == "/sparql":
            return self._sparql(method, params, body)
        if path == "/saved":
            self._allow(method, "GET", "HEAD")
            listing = [q.as_dict() for q in saved_queries().values()]
            return Reply(200, "application/json", json.dumps(listing, indent=1).encode("utf-8"))
        if path.startswith("/saved/"):
            self._allow(method, "GET", "HEAD", "POST")
            if method == "POST":
                params = self._form(body)
            return self._saved(unquote(path[len("/saved/") :]), params)
        if path in ("/update", "/store"):
            if not self.server.config.allow_update:
                raise HTTPError(
                    404,
                    f"{path} is not served: this endpoint is read-only "
                    "(start kg serve with --allow-update to enable writes)",
                )
            self._authorise()
            if path == "/update":
                self._allow(method, "POST")
                return self._update(self._update_text(params, body))
            return self._graph_store(method, params, body)
        raise HTTPError(404, f"no such page: {path} (try /, /search, /sparql or /saved)")

    # ------------------------------------------------------------------ pages
    def _page(self, job: dict) -> Reply:
        return self.server.read({"op": "page", **job})

    def _bad_page(self, status: int, message: str) -> Reply:
        return error_page(status, message)

    def _number(self, params: dict[str, list[str]], name: str) -> int:
        """A page number (1 if not given); a bad one is a 400 page."""
        text = self._one(params, name)
        if text is None or text == "":
            return 1
        if not text.isdigit() or not 1 <= int(text) <= 10_000_000:
            raise _PageError(400, f"{name}={text[:40]!r} is not a page number (1, 2, 3...)")
        return int(text)

    def _rows(self, params: dict[str, list[str]]) -> int:
        text = self._one(params, "rows")
        rows = PAGE_ROWS if not text else int(text) if text.isdigit() else -1
        if rows not in ROW_CHOICES:
            raise _PageError(
                400, f"rows={text[:40]!r}: choose one of {', '.join(map(str, ROW_CHOICES))}"
            )
        page = self._number(params, "page")
        if (page - 1) * rows > MAX_OFFSET:
            raise _PageError(
                400,
                f"page {page:,} starts past row {MAX_OFFSET:,}, the "
                "farthest the query page reads to; use /sparql with "
                "LIMIT and OFFSET",
            )
        return rows

    def _explore(self, path: str, params: dict[str, list[str]]) -> Reply:
        if path == "/search":
            return self._page(
                {
                    "page": "search",
                    "q": self._one(params, "q") or "",
                    "page_no": self._number(params, "page"),
                }
            )
        kind, _, rest = path[1:].partition("/")
        if kind == "entity":
            slug, _, extra = rest.partition("/")
            if not slug or extra not in ("", "network.json"):
                raise _PageError(404, f"no such page: {path}")
            # the slug as the IRI has it (percent-encoded)
            slug = quote(unquote(slug), safe="")
            if extra:
                return self._page({"page": "entity-network", "slug": slug})
            return self._page({"page": "entity", "slug": slug})
        article = unquote(rest)
        if not article or len(article) > 2000:
            raise _PageError(404, "no such article")
        return self._page({"page": "article", "id": article})

    @staticmethod
    def _allow(method: str, *allowed: str) -> None:
        if method not in allowed:
            raise HTTPError(405, f"{method} is not allowed here", (("Allow", ", ".join(allowed)),))

    def _form(self, body: bytes) -> dict[str, list[str]]:
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != _FORM:
            raise HTTPError(415, f"send a form ({_FORM}), not {ctype or 'no Content-Type'}")
        try:
            return parse_qs(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise HTTPError(400, "the form is not UTF-8") from None

    @staticmethod
    def _one(params: dict[str, list[str]], name: str) -> str | None:
        values = params.get(name)
        if not values:
            return None
        if len(values) > 1:
            raise HTTPError(400, f"give {name}= once, not {len(values)} times")
        return values[0]

    def _sparql(self, method: str, params: dict[str, list[str]], body: bytes) -> Reply:
        self._allow(method, "GET", "HEAD", "POST")
        if method == "POST":
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype in _QUERY_TYPES:
                query = self._text(body)
            elif ctype in _UPDATE_TYPES:
                return self._update_here(self._text(body))
            elif ctype == _FORM:
                params = {**params, **self._form(body)}
                if "update" in params:
                    return self._update_here(self._one(params, "update") or "")
                query = self._one(params, "query")
                if query is None:
                    raise HTTPError(400, "the form has no query= field")
            else:
                raise HTTPError(
                    415,
                    f"POST a query as {_QUERY_TYPES[0]} or as a form "
                    f"({_FORM}), not {ctype or 'no Content-Type'}",
                )
        else:
            if "update" in params:
                raise HTTPError(
                    405, "updates are POSTed, never sent with GET", (("Allow", "POST"),)
                )
            query = self._one(params, "query")
            if query is None:
                return self._description(params)
        self._check(query)
        job = {
            "op": "query",
            "sparql": query,
            "accept": self.headers.get("Accept"),
            "format": self._format(params),
            "default_graphs": params.get("default-graph-uri") or None,
            "named_graphs": params.get("named-graph-uri") or None,
        }
        return self.server.read(job)

    def _check(self, sparql: str, update: bool = False) -> frozenset[str]:
        """Refuse (400) a query or update too deep for the parser, or one that fetches a
        URL the operator did not allow; what it fetches with (SERVICE, LOAD) otherwise."""
        config = self.server.config
        try:
            return check_sparql(
                sparql,
                update=update,
                allow_service=config.allow_service,
                allow_load=config.allow_load,
            )
        except QueryError as exc:
            raise HTTPError(400, str(exc)) from None

    def _format(self, params: dict[str, list[str]]) -> str | None:
        for name in ("format", "output", "results"):
            if params.get(name):
                return params[name][0]
        return None

    @staticmethod
    def _text(body: bytes) -> str:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPError(400, "the request body is not UTF-8") from None

    def _description(self, params: dict[str, list[str]]) -> Reply:
        host = self.headers.get("Host", "")
        if not _HOST.fullmatch(host):  # the Host header is the client's say: check it
            host = "{}:{}".format(*self.server.server_address[:2])
        base = f"http://{host}"
        triples = service_description(
            base + "/sparql",
            update_endpoint=base + "/update" if self.server.config.allow_update else None,
        )
        name, media = negotiate("graph", self.headers.get("Accept"), self._format(params))
        if name == "trig":
            name, media = "turtle", "text/turtle; charset=utf-8"
        target = {
            "turtle": ox.RdfFormat.TURTLE,
            "nt": ox.RdfFormat.N_TRIPLES,
            "jsonld": ox.RdfFormat.JSON_LD,
            "xml": ox.RdfFormat.RDF_XML,
        }[name]
        prefixes = {
            "sd": "http://www.w3.org/ns/sparql-service-description#",
            "formats": "http://www.w3.org/ns/formats/",
            "dcterms": "http://purl.org/dc/terms/",
        }
        body = ox.serialize(
            triples, format=target, prefixes=prefixes if name in ("turtle", "xml") else None
        )
        return Reply(200, media, body)

    def _saved(self, name: str, params: dict[str, list[str]]) -> Reply:
        values = {}
        for key, vals in params.items():
            if key in _CONTROL:
                continue
            if len(vals) > 1:
                raise HTTPError(400, f"give {key}= once")
            values[key] = vals[0]
        job = {
            "op": "saved",
            "name": name,
            "params": values,
            "accept": self.headers.get("Accept"),
            "format": self._format(params),
        }
        return self.server.read(job)

    # ------------------------------------------------------------------ writes
    def _authorise(self) -> None:
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        challenge = (("WWW-Authenticate", 'Bearer realm="kg"'),)
        if scheme.lower() != "bearer" or not token.strip():
            raise HTTPError(401, "writes need 'Authorization: Bearer <token>'", challenge)
        expected = self.server.config.token or ""
        if not hmac.compare_digest(token.strip().encode("utf-8"), expected.encode("utf-8")):
            raise HTTPError(403, "wrong token", challenge)

    def _update_here(self, sparql: str) -> Reply:
        """An update sent to /sparql: handled like /update when writes are on."""
        if not self.server.config.allow_update:
            raise HTTPError(
                403,
                "this endpoint is read-only: updates are refused "
                "(start kg serve with --allow-update to enable them)",
            )
        self._authorise()
        return self._update(sparql)

    def _update_text(self, params: dict[str, list[str]], body: bytes) -> str:
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype in _UPDATE_TYPES:
            return self._text(body)
        if ctype == _FORM:
            text = self._one(self._form(body), "update")
            if text is None:
                raise HTTPError(400, "the form has no update= field")
            return text
        raise HTTPError(415, f"POST an update as {_UPDATE_TYPES[0]} or as a form ({_FORM})")

    def _update(self, sparql: str) -> Reply:
        fetches = self._check(sparql, update=True)
        return self._write({"op": "update", "sparql": sparql, "loads": "LOAD" in fetches})

    def _write(self, job: dict) -> Reply:
        try:
            return self.server.writer.run(job, self.server.config.timeout)
        finally:
            with self.server.writes.get_lock():
                self.server.writes.value += 1

    def _graph_store(self, method: str, params: dict[str, list[str]], body: bytes) -> Reply:
        self._allow(method, "GET", "HEAD", "PUT", "POST", "DELETE")
        graph = self._one(params, "graph")
        if graph is None and "default" not in params:
            raise HTTPError(400, "name the graph: /store?graph=IRI or /store?default")
        if graph is not None and "default" in params:
            raise HTTPError(400, "give graph= or default, not both")
        if method in ("GET", "HEAD"):
            job = {"op": "graph-get", "graph": graph, "accept": self.headers.get("Accept")}
            return self.server.read(job)
        return self._write(
            {
                "op": "graph-write",
                "method": method,
                "graph": graph,
                "body": body,
                "content_type": self.headers.get("Content-Type"),
            }
        )
