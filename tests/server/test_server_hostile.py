"""Hostile requests to ``kg serve``: no URL fetched unless allowed, no worker killed by a
deep query, 400 for malformed HTTP, no traceback for a client that hung up, bounded time
for a request that never comes in whole."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from fetched import target_server  # tests/ is on sys.path
from server.harness import TOKEN, start_server, stop_server

pytestmark = pytest.mark.network

UPDATE = "application/sparql-update"
QUERY = "application/sparql-query"
DEEP = {
    "20,000 ||": "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * 20000) + ") }",
    "5,000 ( )": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "10,000 { }": "SELECT * WHERE " + "{" * 10000 + "?s ?p ?o" + "}" * 10000,
}


@pytest.fixture(scope="module")
def target():
    with target_server() as server:
        yield server


@pytest.fixture(scope="module")
def federated(newsroom_store, tmp_path_factory, target):
    """A read-write ``kg serve`` that may fetch from the target server only."""
    folder = tmp_path_factory.mktemp("federated")
    store = Path(shutil.copytree(newsroom_store, folder / "store"))
    ep = start_server(
        store,
        folder / "serve.log",
        "--allow-update",
        "--timeout",
        "10",
        "--allow-service",
        f"{target.url}/sparql",
        "--allow-load",
        f"{target.url}/data",
        env={"KG_TOKEN": TOKEN, "no_proxy": "*", "NO_PROXY": "*"},
    )
    yield ep
    stop_server(ep)


def _replaced(endpoint) -> int:
    return endpoint.log.read_text().count("replacing worker")


def _raw(endpoint, data: bytes, wait: float = 10.0) -> tuple[bytes, float]:
    """Send raw bytes; the first line of the answer and the seconds it took."""
    host, port = urllib.parse.urlsplit(endpoint.url).netloc.split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(data)
        answer = b""
        try:
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except TimeoutError:
            pass
    return answer.split(b"\r\n", 1)[0], time.monotonic() - started


# -- item 2: SERVICE and LOAD ---------------------------------------------------------------


@pytest.mark.parametrize("silent", ["", "SILENT "])
def test_server_service_refused_on_the_default_endpoint(endpoint, target, silent):
    before = len(target.fetched)

    answer = endpoint.query(
        f"SELECT * WHERE {{ SERVICE {silent}<{target.url}/sparql> {{ ?s ?p ?o }} }}"
    )

    assert answer.status == 400
    assert answer.text.startswith(
        f"SERVICE <{target.url}/sparql> is refused: kg fetches no URL for a query unless allowed"
    )
    assert len(target.fetched) == before  # nothing was fetched


def test_server_service_allowed_by_the_operator(federated, target):
    allowed = federated.query(f"SELECT ?x WHERE {{ SERVICE <{target.url}/sparql> {{ ?x ?p ?o }} }}")
    other = federated.query(f"SELECT ?x WHERE {{ SERVICE <{target.url}/other> {{ ?x ?p ?o }} }}")

    assert allowed.status == 200, allowed.text
    assert json.loads(allowed.body)["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "from afar"}}
    ]
    assert other.status == 400 and "not under a URL allowed with --allow-service" in other.text
    assert not any(p.startswith("/other") for p in target.fetched)


def test_server_load_of_a_file_with_the_token_is_400(writable, token):
    auth = f"Bearer {token}"

    local = writable.post(
        "/update",
        "LOAD <file:///etc/passwd> INTO GRAPH <urn:kg:passwd>",
        UPDATE,
        authorization=auth,
    )
    remote = writable.post("/update", "LOAD <http://127.0.0.1:9/x.ttl>", UPDATE, authorization=auth)

    assert (local.status, remote.status) == (400, 400)  # before: 503 "store unavailable"
    assert local.text.startswith("LOAD <file:///etc/passwd> is refused")
    assert (
        writable.request(
            "GET", "/store", params={"graph": "urn:kg:passwd"}, headers={"Authorization": auth}
        ).status
        == 404
    )


def test_server_load_allowed_by_the_operator(federated, target, token):
    auth = f"Bearer {token}"

    loaded = federated.post(
        "/update", f"LOAD <{target.url}/data.ttl> INTO GRAPH <urn:kg:l>", UPDATE, authorization=auth
    )
    missing = federated.post(
        "/update",
        f"LOAD <{target.url}/data-gone.ttl> INTO GRAPH <urn:kg:m>",
        UPDATE,
        authorization=auth,
    )
    elsewhere = federated.post("/update", f"LOAD <{target.url}/sparql>", UPDATE, authorization=auth)

    assert loaded.status == 204, loaded.text
    ask = federated.query('ASK { GRAPH <urn:kg:l> { <urn:kg:loaded> rdfs:label "loaded" } }')
    assert json.loads(ask.body)["boolean"] is True
    assert missing.status == 400 and missing.text.startswith("LOAD failed: ")
    assert elsewhere.status == 400 and "--allow-load" in elsewhere.text


# -- item 4: deep queries -------------------------------------------------------------------


@pytest.mark.parametrize("query", DEEP.values(), ids=DEEP.keys())
def test_server_deep_query_is_400_and_no_worker_dies(endpoint, query):
    before = _replaced(endpoint)

    answer = endpoint.post("/sparql", query, QUERY)

    assert answer.status == 400  # before: 500, "the worker ... died"
    assert "kg refuses it before parsing" in answer.text
    assert endpoint.query("ASK { ?s ?p ?o }").status == 200
    assert _replaced(endpoint) == before


def test_server_deep_update_is_400(writable, token):
    answer = writable.post(
        "/update",
        "INSERT { ?s ?p ?o } WHERE " + "{" * 10000 + "}" * 10000,
        UPDATE,
        authorization=f"Bearer {token}",
    )

    assert answer.status == 400 and "nests brackets" in answer.text


# -- item 9: malformed HTTP ---------------------------------------------------------------


CHUNKED = (
    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n"
)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"-1\r\n" + b"x" * 4096, b"400"),  # before: read to the end of the stream
        (b"ZZ\r\nabc\r\n0\r\n\r\n", b"400"),  # before: 500 and a traceback
        (b"+5\r\nASK {\r\n0\r\n\r\n", b"400"),
        (b"5\r\nASK {} trailing\r\n0\r\n\r\n", b"400"),  # a chunk longer than it says
        (b"f" * 2000 + b"\r\n", b"400"),  # a size line that never ends
        (b"10\r\nASK { ?s ?p ?o }\r\n0\r\n\r\n", b"200"),
    ],
)
def test_server_chunked_bodies(endpoint, body, says):
    before = endpoint.log.read_text().count("Traceback")

    line, seconds = _raw(endpoint, CHUNKED + body)

    assert line.split(b" ")[1] == says, line
    assert seconds < 10
    assert endpoint.log.read_text().count("Traceback") == before


def test_server_negative_content_length_is_400(endpoint):
    line, _ = _raw(
        endpoint,
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n"
        b"Content-Type: application/sparql-query\r\n\r\nASK {}",
    )

    assert line.split(b" ")[1] == b"400"


def test_server_http09_request_is_400_at_once(endpoint):
    before = endpoint.log.read_text().count("Traceback")

    line, seconds = _raw(endpoint, b"GET /\r\n")

    assert line.startswith(b"HTTP/1.1 400")  # before: no answer until the idle timeout
    assert seconds < 10
    assert endpoint.log.read_text().count("Traceback") == before


def test_server_clients_that_hang_up_leave_no_traceback(endpoint):
    host, port = urllib.parse.urlsplit(endpoint.url).netloc.split(":")
    query = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }")
    before = endpoint.log.read_text().count("Traceback")

    for _ in range(20):
        sock = socket.create_connection((host, int(port)))
        sock.sendall(
            f"GET /sparql?query={query} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n".encode()
        )
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00" + bytes(4))
        sock.close()  # a reset, before the answer
    time.sleep(2)

    assert endpoint.log.read_text().count("Traceback") == before
    assert endpoint.query("ASK { ?s ?p ?o }").status == 200


def test_server_request_that_never_comes_in_whole_is_cut(newsroom_store):
    from kg.server import ServerConfig, make_server

    server = make_server(
        ServerConfig(store=str(newsroom_store), port=0, workers=1, spare=0, request_timeout=2.0)
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        started = time.monotonic()
        with socket.create_connection((host, port), timeout=30) as sock:
            sock.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")
            closed = False
            for _ in range(60):  # a header byte every half second, for ever
                try:
                    sock.sendall(b"X")
                    time.sleep(0.5)
                    if sock.recv(1, socket.MSG_DONTWAIT | socket.MSG_PEEK) == b"":
                        closed = True
                        break
                except BlockingIOError:
                    continue
                except OSError:
                    closed = True
                    break
        assert closed
        assert time.monotonic() - started < 15  # cut after 2 s, not held for ever
    finally:
        server.shutdown()
        server.close()
        thread.join(timeout=10)
