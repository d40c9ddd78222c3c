"""Reads never go back in time while another process writes, and a short query is not
starved by long ones."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from server.harness import start_server, stop_server

pytestmark = pytest.mark.network

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a a nkg:Article }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
CLIENTS = 4

WRITER = """
import sys, time
from kg.graph import article_quads, open_store
from kg.model import Article, Entity, Extraction
store, n = sys.argv[1], int(sys.argv[2])
with open_store(store) as s:  # as kg add does: one open store, a transaction an article
    for i in range(n):
        ex = Extraction(Article(id=f"w{i}", text=f"Acme {i} said so."),
                        (Entity("acme", "Acme", "Organization"),), (), "test")
        s.put_article(ex.article.id, article_quads(ex))
        time.sleep(0.02)
"""


@pytest.fixture()
def private(newsroom_store, tmp_path):
    store = Path(shutil.copytree(newsroom_store, tmp_path / "store"))
    ep = start_server(store, tmp_path / "serve.log", "--workers", "4", "--timeout", "6")
    yield ep
    stop_server(ep)


def _count(endpoint) -> int:
    answer = endpoint.query(COUNT)
    assert answer.status == 200, answer.text
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


def test_server_reads_never_go_back_in_time(private, tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    writer = subprocess.Popen([sys.executable, str(script), str(private.store), "150"])

    def client(_) -> list[int]:
        seen = [_count(private)]
        while writer.poll() is None:
            seen.append(_count(private))
        return seen

    with ThreadPoolExecutor(CLIENTS) as pool:
        sequences = list(pool.map(client, range(CLIENTS)))
    writer.wait(timeout=60)

    assert writer.returncode == 0
    for seen in sequences:  # before: 300 then 297, each worker having its own snapshot
        backwards = [(a, b) for a, b in zip(seen, seen[1:], strict=False) if b < a]
        assert not backwards, backwards[:5]
    assert max(max(seen) for seen in sequences) > 4  # the writes were seen as they came
    deadline = time.monotonic() + 15
    while _count(private) != 154 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _count(private) == 154


def test_server_short_query_not_starved_by_long_ones(private):
    started = threading.Barrier(CLIENTS + 1)

    def long_one():
        started.wait()
        private.query(SLOW)  # runs until the timeout, or until the server stops

    for _ in range(CLIENTS):
        threading.Thread(target=long_one, daemon=True).start()
    started.wait()
    time.sleep(1.5)  # every regular worker is busy with a long query

    begun = time.monotonic()
    short = private.query("ASK { ?s ?p ?o }")
    took = time.monotonic() - begun

    assert short.status == 200
    assert json.loads(short.body)["boolean"] is True
    assert took < 4, f"the short query waited {took:.1f} s"  # before: 6 s, then 503
