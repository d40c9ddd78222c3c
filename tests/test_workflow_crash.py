"""``kg add`` and ``kg remove`` killed with SIGKILL between articles and while writing: no
article is ever half-written, and the next run converges to the uninterrupted result.

The derived graph (statements, conflicts) is left out of the comparison: repairing it
after a crash is the job of its own refresh, tested with it.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.vocab import DERIVED_GRAPH

pytestmark = pytest.mark.slow

ARTICLES = 150
STAMP = "http://www.w3.org/ns/prov#generatedAtTime"
GRAPHS = "https://w3id.org/nkg/graph/"
TEXTS = [
    "Acme Corp. agreed to buy Widget Inc. for $5 million, Jane Doe said.",
    "Widget Inc. sued Acme Corp. on Monday over a patent on sprockets.",
    "Orion Dynamics announced a partnership with Vela Systems on Tuesday.",
    "Lyra Bank invested $20 million in Vela Systems, the bank said.",
]


def _snapshot(store: Path):
    """The store opened read-only (a writer may hold it)."""
    import pyoxigraph as ox

    for _attempt in range(50):
        try:
            return ox.Store.read_only(str(store))
        except (OSError, RuntimeError):  # the writer is creating or moving files: again
            time.sleep(0.05)
    raise AssertionError(f"cannot open {store}")


def _count(store: Path) -> int:
    """How many article graphs a store has (cheap enough to poll)."""
    return sum(1 for g in _snapshot(store).named_graphs() if g.value.startswith(GRAPHS))


def _graphs(store: Path) -> dict[str, frozenset]:
    """Every article graph of a store, as sets of triples without the extraction time stamp."""
    import pyoxigraph as ox

    snapshot = _snapshot(store)
    graphs: dict[str, set] = {}
    for q in snapshot:
        graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
        if graph is None or graph == str(DERIVED_GRAPH) or q.predicate.value == STAMP:
            continue
        graphs.setdefault(graph[len(GRAPHS) :], set()).add(
            (str(q.subject), str(q.predicate), str(q.object))
        )
    return {k: frozenset(v) for k, v in graphs.items()}


def _kg(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd="/",
    )


def _kill_when(proc: subprocess.Popen, store: Path, ready, delay: float) -> None:
    """SIGKILL ``proc`` ``delay`` seconds after ``ready(article graphs)`` holds (or when it
    ends)."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if store.exists() and ready(_count(store)):
            break
        time.sleep(0.02)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "batch.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"c{i:02d}", "text": f"{TEXTS[i % 4]} ({i})"}) + "\n"
            for i in range(ARTICLES)
        )
    )
    return path


@pytest.fixture(scope="module")
def reference(batch, tmp_path_factory) -> Path:
    """The store an uninterrupted ``kg add`` gives."""
    store = tmp_path_factory.mktemp("reference") / "store"
    done = subprocess.run(
        [sys.executable, "-m", "kg", "--quiet", "--store", store, "add", "--workers", "1", batch],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert done.returncode == 0, done.stderr
    return store


def _assert_whole(found: dict, want: dict) -> None:
    """Each article graph in ``found`` is exactly the uninterrupted run's."""
    for article_id, triples in found.items():
        assert triples == want[article_id], f"article {article_id} is half-written"


@pytest.mark.parametrize(
    ("after", "delay"), [(1, 0.0), (60, 0.01)], ids=["first-article", "between"]
)
def test_workflow_add_killed_converges(kg, batch, reference, tmp_path, after, delay):
    want = _graphs(reference)
    store = tmp_path / "store"

    _kill_when(
        _kg("--store", store, "add", "--workers", "1", batch),
        store,
        lambda count: count >= after,
        delay,
    )

    interrupted = _graphs(store) if store.exists() else {}
    assert len(interrupted) < ARTICLES, "killed too late to test anything"
    _assert_whole(interrupted, want)
    res = kg("--store", store, "add", "--workers", "1", batch)  # the next run
    assert res.code == 0, res.err
    assert f"{ARTICLES - len(interrupted)} added, {len(interrupted)} unchanged" in res.err
    assert _graphs(store) == want


MANY = 1200


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A store of MANY hand-made articles (no model needed), for removals that take a while.
    Each names a buyer of its own, as news mostly does (a statement all of them made
    would be re-derived from all of them at each write, which is not what is tested)."""
    from kg.graph import article_quads, open_store
    from kg.model import Article, Claim, Entity, Extraction

    store = tmp_path_factory.mktemp("many") / "store"
    text = TEXTS[0]
    batch: dict = {}
    with open_store(store) as s:
        for i in range(MANY):
            ex = Extraction(
                Article(id=f"r{i:04d}", text=text, title=f"Story {i}"),
                (
                    Entity(f"acme-{i}", f"Acme {i} Corp.", "Organization"),
                    Entity(f"widget-{i % 50}", f"Widget {i % 50} Inc.", "Organization"),
                ),
                (Claim(f"acme-{i}", "acquires", f"widget-{i % 50}", text, 0, len(text)),),
                "test",
            )
            batch[ex.article.id] = article_quads(ex)
            if len(batch) == 200:
                s.put_articles(batch)
                batch.clear()
    return store


@pytest.mark.parametrize("removed", [1, 200])
def test_workflow_remove_killed_converges(kg, many, tmp_path, removed):
    store = Path(shutil.copytree(many, tmp_path / "store"))
    everything = _graphs(many)
    gone = [f"r{i:04d}" for i in range(0, MANY) if i % 3]
    want = {k: v for k, v in everything.items() if k not in gone}

    _kill_when(
        _kg("--store", store, "remove", *gone), store, lambda count: count <= MANY - removed, 0.0
    )

    interrupted = _graphs(store)
    assert len(interrupted) > len(want), "killed too late to test anything"
    _assert_whole(interrupted, everything)
    assert set(want) <= set(interrupted)  # nothing else was removed
    res = kg("--store", store, "remove", *gone)  # the next run
    assert res.code == 1 and res.error_lines[0].startswith("kg: error: no article with id ")
    assert _graphs(store) == want
