"""Extraction on a Dask cluster (a real two-worker LocalCluster on loopback) gives what one
process gives, in order, and ``kg add --executor dask`` writes the same graph."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.ingest import read_path

CORPUS = Path(__file__).parents[2] / "corpus"


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes with one thread each, on 127.0.0.1 only."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as c:
        yield c


@pytest.fixture(scope="module")
def articles():
    return [a for p in sorted(CORPUS.glob("*.md")) for a in read_path(p)]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_extract_distributed_matches_local(cluster, articles, extractor):
    from kg.extract.distributed import DaskExtractor

    dask = DaskExtractor(cluster.scheduler_address, batch_size=3)

    got = list(dask.extract_many(articles))
    want = list(extractor.extract_many(articles))

    assert [x.article.id for x in got] == [a.id for a in articles]
    assert [set(x.claims) for x in got] == [set(x.claims) for x in want]
    assert [set(x.entities) for x in got] == [set(x.entities) for x in want]
    assert sum(len(x.claims) for x in got) > 20
    assert dask.name == extractor.name
    assert {x.pipeline for x in got} == {extractor.name}


@pytest.mark.slow
def test_extract_distributed_one_extractor_per_worker_process(cluster, articles):
    from distributed import Client

    from kg.extract.distributed import DaskExtractor

    def cached():  # runs on each worker: its process, and the pipelines it keeps
        import os

        from kg.extract import distributed

        return os.getpid(), {key: id(x) for key, x in distributed._CACHE.items()}

    DaskExtractor(cluster.scheduler_address, batch_size=2)  # every worker loads its pipeline
    with Client(cluster, set_as_default=False) as client:
        before = client.run(cached)
        list(DaskExtractor(client, batch_size=2).extract_many(articles))
        after = client.run(cached)

    assert len({pid for pid, _ in after.values()}) == 2  # two processes
    assert all((None, 2, None) in kept and len(kept) <= 2 for _, kept in after.values())
    assert after == before  # the same pipeline served every batch: loaded once per process


@pytest.mark.slow
def test_extract_distributed_reads_ahead_a_bounded_window(cluster, articles):
    from kg.extract.distributed import DaskExtractor

    taken = []

    def stream():
        for a in articles:
            taken.append(a.id)
            yield a

    dask = DaskExtractor(cluster.scheduler_address, batch_size=1, window=2)
    results = dask.extract_many(stream())
    first = next(results)
    read_when_first_came = len(taken)
    rest = list(results)

    assert first.article.id == articles[0].id
    assert read_when_first_came <= 3 < len(articles)
    assert [x.article.id for x in [first, *rest]] == [a.id for a in articles]


@pytest.mark.slow
def test_extract_distributed_stopping_early_cancels_the_rest(cluster, articles):
    from kg.extract.distributed import DaskExtractor

    results = DaskExtractor(cluster.scheduler_address, batch_size=1, window=4).extract_many(
        iter(articles)
    )
    assert next(results).article.id == articles[0].id
    results.close()  # what Ctrl-C in the writer does: the pending batches are dropped


def test_extract_distributed_unreachable_scheduler():
    from kg.extract.distributed import DaskExtractor

    address = f"tcp://127.0.0.1:{_closed_port()}"
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler") as info:
        DaskExtractor(address, timeout=0.5)
    assert "\n" not in str(info.value)


def test_extract_distributed_malformed_address():
    from kg.extract.distributed import DaskExtractor

    with pytest.raises(ConfigError, match="not a Dask scheduler address"):
        DaskExtractor("localhost", timeout=0.5)


# -- through the command line -----------------------------------------------------------------


def _records(jsonl, store, command):
    return {
        json.dumps(r, sort_keys=True)
        for r in jsonl(store, command, *(("--all",) if command == "claims" else ()))
    }


@pytest.mark.slow
def test_cli_add_dask_same_graph_as_local(kg, jsonl, cluster, corpus_store, tmp_path):
    store = tmp_path / "dask"

    res = kg(
        "--store",
        store,
        "add",
        "--executor",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
        CORPUS,
    )

    assert res.code == 0, res.err
    assert "12 added" in res.err
    for command in ("claims", "entities", "articles"):
        assert _records(jsonl, store, command) == _records(jsonl, corpus_store, command)


@pytest.mark.slow
def test_cli_add_dask_finds_local_articles_unchanged(kg, cluster, store_copy):
    res = kg(
        "--store",
        store_copy,
        "add",
        "--executor",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
        CORPUS,
    )

    assert res.code == 0, res.err
    assert "0 added, 12 unchanged" in res.err  # the workers' pipeline has the local name


@pytest.mark.parametrize(
    "args, message",
    [
        (("--executor", "dask"), "needs --scheduler"),
        (("--scheduler", "tcp://127.0.0.1:8786"), "--scheduler is for --executor dask"),
        (
            ("--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"),
            "--workers is for the local executor",
        ),
    ],
)
def test_cli_add_dask_usage_errors(kg, tmp_path, args, message):
    res = kg("--store", tmp_path / "s", "add", *args, CORPUS)

    assert res.code == 2
    assert message in res.err
    assert not (tmp_path / "s").exists()


def test_cli_add_dask_unreachable_scheduler(kg, tmp_path):
    pytest.importorskip("distributed")  # its settings must be in dask's config before set()
    import dask.config

    address = f"tcp://127.0.0.1:{_closed_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "0.5s"}):
        res = kg(
            "--store", tmp_path / "s", "add", "--executor", "dask", "--scheduler", address, CORPUS
        )

    assert res.code == 1
    lines = res.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"kg: error: cannot reach the Dask scheduler at {address} (")
