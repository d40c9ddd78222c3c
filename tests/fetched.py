"""A loopback HTTP server that records what is fetched from it: a SPARQL endpoint at
/sparql (one row, x = "from afar") and a Turtle file at /data.ttl."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["Target", "target_server"]

ROW = (
    b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", '
    b'"value": "from afar"}}]}}'
)
TURTLE = b'<urn:kg:loaded> <http://www.w3.org/2000/01/rdf-schema#label> "loaded" .\n'


class Target:
    """The server's base URL and the paths fetched so far."""

    def __init__(self, url: str):
        self.url = url
        self.fetched: list[str] = []


@contextmanager
def target_server() -> Iterator[Target]:
    target: Target

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            target.fetched.append(self.path)
            if self.path.startswith("/sparql"):
                body, media = ROW, "application/sparql-results+json"
            elif self.path.startswith("/data.ttl"):
                body, media = TURTLE, "text/turtle"
            else:
                body, media = b"no such page", "text/plain"
            self.send_response(200 if media != "text/plain" else 404)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    target = Target(f"http://127.0.0.1:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield target
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
