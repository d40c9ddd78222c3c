"""Many readers at once, while another process writes to the store."""

from __future__ import annotations

import dataclasses
import json
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from server.harness import start_server, stop_server
from server.newsroom import extractions

from kg.graph import article_quads, open_store

pytestmark = pytest.mark.network

IDS = "SELECT ?id WHERE { ?a a nkg:Article ; nkg:articleId ?id } ORDER BY ?id"
CLIENTS = 16

ARTICLE = """---
id: 2026-05-05-quillon-zephyr
title: Quillon Labs and Zephyr Aerospace team up
published: 2026-05-05
source: Test Wire
---
Quillon Labs said on Tuesday it had agreed a partnership with Zephyr Aerospace to build
satellite radios. Zephyr Aerospace was founded by Mara Lindqvist in 2011.
"""


@pytest.fixture()
def private(newsroom_store, tmp_path):
    """``kg serve`` on a private copy of the newsroom store, which the test may change."""
    store = Path(shutil.copytree(newsroom_store, tmp_path / "store"))
    ep = start_server(store, tmp_path / "serve.log", "--workers", "4")
    yield ep
    stop_server(ep)


def _ids(endpoint) -> list[str]:
    answer = endpoint.query(IDS)
    assert answer.status == 200, answer.text
    return [b["id"]["value"] for b in json.loads(answer.body)["results"]["bindings"]]


def _eventually(endpoint, done, seconds: float = 10.0) -> list[str]:
    """The article ids once ``done(ids)``: another process's writes show within a second."""
    deadline = time.monotonic() + seconds
    ids = _ids(endpoint)
    while not done(ids) and time.monotonic() < deadline:
        time.sleep(0.2)
        ids = _ids(endpoint)
    return ids


def _hammer(endpoint, stop: threading.Event) -> list[tuple[int, int]]:
    """Query from CLIENTS threads until ``stop``; each answer's (status, article count)."""

    def client(_):
        seen = []
        while not stop.is_set() or not seen:
            answer = endpoint.query(IDS)
            n = len(json.loads(answer.body)["results"]["bindings"]) if answer.status == 200 else -1
            seen.append((answer.status, n))
        return seen

    with ThreadPoolExecutor(CLIENTS) as pool:
        return [s for seen in pool.map(client, range(CLIENTS)) for s in seen]


def test_server_readers_while_another_process_writes(private):
    stop = threading.Event()
    copies = [
        dataclasses.replace(ex, article=dataclasses.replace(ex.article, id=f"{ex.article.id}-copy"))
        for ex in extractions()
    ]

    def write():
        try:
            for ex in copies:  # one transaction each, from this (another) process
                with open_store(private.store) as store:
                    store.put_article(ex.article.id, article_quads(ex))
        finally:
            stop.set()

    writer = threading.Thread(target=write)
    writer.start()
    answers = _hammer(private, stop)
    writer.join()

    assert {status for status, _ in answers} == {200}
    assert {n for _, n in answers} <= {4, 5, 6, 7, 8}  # whole articles only, never a torn one
    assert len(_eventually(private, lambda ids: len(ids) == 8)) == 8


@pytest.mark.slow
def test_server_readers_while_kg_add_runs(private, kg_subprocess, tmp_path):
    article = tmp_path / "quillon.md"
    article.write_text(ARTICLE)
    stop = threading.Event()
    result = {}

    def add():
        try:
            result["add"] = kg_subprocess("--quiet", "--store", private.store, "add", article)
        finally:
            stop.set()

    adder = threading.Thread(target=add)
    adder.start()
    answers = _hammer(private, stop)
    adder.join()

    assert result["add"].returncode == 0, result["add"].stderr
    assert {status for status, _ in answers} == {200}
    added = "2026-05-05-quillon-zephyr"
    assert added in _eventually(private, lambda ids: added in ids)
