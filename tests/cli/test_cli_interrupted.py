"""``kg add`` and ``kg remove`` killed (SIGKILL) mid-way leave a consistent store, and running
the command again gives what an uninterrupted run gives: statements and conflicts too.

The kill points are found by watching the store from outside (read-only snapshots) until
some articles are written, and the kill comes at once.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from graph.invariants import assert_consistent, derived_triples  # tests/ on sys.path

from kg.graph import open_store

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parents[2] / "corpus"


def _kg(*args) -> list[str]:
    exe = shutil.which("kg")
    return [*([exe] if exe else [sys.executable, "-m", "kg"]), *map(str, args)]


def _articles(store: Path) -> int | None:
    """How many articles a snapshot of the store holds (None while it cannot be opened)."""
    import pyoxigraph as ox

    try:
        snapshot = ox.Store.read_only(str(store))
    except (OSError, RuntimeError):  # being created, or its files moving under us
        return None
    return sum(1 for g in snapshot.named_graphs() if "/graph/" in g.value)


def _kill_when(cmd: list[str], store: Path, reached) -> int:
    """Run ``cmd``, SIGKILL it as soon as ``reached(articles)``; returns the count seen."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            n = _articles(store) if store.exists() else None
            if n is not None and reached(n):
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return n
            time.sleep(0.02)
        raise AssertionError(f"{cmd[-1]}: ended (or timed out) before the kill point")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _state(store: Path) -> tuple:
    """What a user reads: claims, entities and the derived graph."""
    with open_store(store, read_only=True) as s:
        assert_consistent(s)
        from kg.query.listing import list_claims, list_entities

        claims = sorted(json.dumps(c, sort_keys=True) for c in list_claims(s, include_all=True))
        return claims, list_entities(s), derived_triples(s)


@pytest.mark.parametrize("after", [2, 9])
def test_cli_add_killed_then_run_again(corpus_store, tmp_path, after):
    store = tmp_path / "store"

    seen = _kill_when(_kg("--store", store, "add", CORPUS), store, lambda n: n >= after)
    with open_store(store, read_only=True) as s:
        assert len(s.article_ids()) >= seen
        assert_consistent(s)  # whole articles only, with their statements
    rerun = subprocess.run(
        _kg("--store", store, "add", CORPUS), capture_output=True, text=True, timeout=120
    )

    assert rerun.returncode == 0, rerun.stderr
    assert _state(store) == _state(corpus_store)


def test_cli_remove_killed_then_run_again(corpus_store, corpus_ids, tmp_path):
    store = Path(shutil.copytree(corpus_store, tmp_path / "store"))
    reference = Path(shutil.copytree(corpus_store, tmp_path / "reference"))
    gone = corpus_ids[::2]
    subprocess.run(
        _kg("--store", reference, "remove", *gone), check=True, capture_output=True, timeout=120
    )

    total = len(corpus_ids)
    _kill_when(_kg("--store", store, "remove", *gone), store, lambda n: n < total)
    with open_store(store, read_only=True) as s:
        left = [i for i in gone if i in set(s.article_ids())]
        assert_consistent(s)
    if left:
        rerun = subprocess.run(
            _kg("--store", store, "remove", *left), capture_output=True, text=True, timeout=120
        )
        assert rerun.returncode == 0, rerun.stderr

    assert _state(store) == _state(reference)
