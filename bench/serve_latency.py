"""Latency of the saved questions through ``kg serve`` and directly on pyoxigraph.

For each saved question: p50 and p95 over ``--repeat`` runs (after a warm-up),
(a) through HTTP (``GET /saved/NAME?...``, JSON results, one keep-alive
connection) and (b) directly on the store with pyoxigraph, the same SPARQL and
the same bound parameters, reading every row. Then the throughput of
``--clients`` concurrent clients (16 by default) asking the questions in turn,
``--requests`` each. Loopback only. Parameters are picked from the store
(the most connected entities, the most quoted source) unless given.

The store is yours to build, e.g. from the 2,225 BBC articles::

    kg --store /tmp/bbc add ../shared/corpora/bbc-news-2225/articles.jsonl
    python bench/serve_latency.py /tmp/bbc
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TOP_SOURCE = """SELECT ?name (COUNT(DISTINCT ?c) AS ?n) WHERE {
  ?c nkg:attributedTo ?s . ?s rdfs:label ?name } GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""
PAIR = """SELECT ?a ?b (COUNT(DISTINCT ?art) AS ?n) WHERE {
  ?art schema:mentions ?x, ?y . FILTER(STR(?x) < STR(?y))
  ?x rdfs:label ?a . ?y rdfs:label ?b } GROUP BY ?a ?b ORDER BY DESC(?n) LIMIT 1"""
#: The entity that makes each question busiest: the most frequent one in this role.
TOP_IN_ROLE = """SELECT ?e (MIN(?l) AS ?label) (COUNT(DISTINCT ?c) AS ?n) WHERE {
  GRAPH ?g { ?c rdf:predicate ?p ; ?role ?e ; nkg:polarity "asserted" . ?e rdfs:label ?l }
  VALUES ?p { %s } VALUES ?role { %s }
} GROUP BY ?e ORDER BY DESC(?n) LIMIT 1"""
ROLES = {
    "partners": ("nkg:partnerOf", "rdf:subject rdf:object"),
    "lawsuits": ("nkg:sues", "rdf:subject rdf:object"),
    "founders": ("nkg:founderOf", "rdf:object"),
    "executives": ("nkg:executiveOf", "rdf:object"),
    "deals": ("nkg:acquires nkg:investsIn", "rdf:subject"),
}


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def pick_params(store, queries, given: dict[str, str]) -> dict[str, dict[str, str]]:
    """Parameters for every question: the given ones, else ones that give it work to do."""
    from kg.query.saved import run_saved

    top = run_saved(store, "most-connected")
    first = top.rows[0][0].value if top.rows else "Microsoft"
    source_rows = store.select(TOP_SOURCE)
    source = source_rows[0]["name"] if source_rows else "Reuters"
    pair_rows = store.select(PAIR)
    a, b = (pair_rows[0]["a"], pair_rows[0]["b"]) if pair_rows else (first, first)
    out = {}
    for name, q in queries.items():
        entity = first
        if name in ROLES:
            rows = store.select(TOP_IN_ROLE % ROLES[name])
            entity = rows[0]["label"] if rows else first
        values = (
            {"entity": a, "other": b}
            if name == "both-mentioned"
            else {"entity": entity, "source": source}
        )
        params = {p.name: values.get(p.name, first) for p in q.params}
        params.update({k: v for k, v in given.items() if k in q.param_names})
        out[name] = params
    return out


def direct_times(store, query, params, entities, repeat: int) -> tuple[list[float], int]:
    """Seconds per run of the question's SPARQL on pyoxigraph, all rows read."""
    from pyoxigraph import Variable

    from kg.query.saved import bind_params
    from kg.vocab import PREFIXES

    bindings = bind_params(store, query, params, entities=entities)
    subs = {Variable(k): v for k, v in bindings.items()} or None
    times, rows = [], 0
    for i in range(repeat + 1):
        start = time.perf_counter()
        rows = len(
            list(
                store.ox.query(
                    query.sparql,
                    prefixes=PREFIXES,
                    use_default_graph_as_union=store.default_is_union,
                    substitutions=subs,
                )
            )
        )
        if i:  # the first run warms the caches
            times.append(time.perf_counter() - start)
    return times, rows


class Client:
    """One keep-alive HTTP connection to the endpoint."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

    def ask(self, name: str, params: dict[str, str]) -> tuple[int, bytes]:
        path = f"/saved/{name}?" + urllib.parse.urlencode(params)
        self.conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        resp = self.conn.getresponse()
        return resp.status, resp.read()

    def close(self) -> None:
        self.conn.close()


def http_times(
    client: Client, name: str, params: dict[str, str], repeat: int
) -> tuple[list[float], int]:
    times, rows = [], 0
    for i in range(repeat + 1):
        start = time.perf_counter()
        status, body = client.ask(name, params)
        elapsed = time.perf_counter() - start
        if status != 200:
            raise SystemExit(f"{name}: HTTP {status}: {body[:300].decode(errors='replace')}")
        if i:
            times.append(elapsed)
        else:
            rows = len(json.loads(body)["results"]["bindings"])
    return times, rows


def throughput(port: int, jobs: list[tuple[str, dict]], clients: int, per_client: int) -> dict:
    """``clients`` threads, each with its own connection, asking ``per_client`` questions."""
    latencies: list[float] = []
    errors = []
    lock = threading.Lock()

    def run(index: int) -> None:
        client = Client(port)
        try:
            for k in range(per_client):
                name, params = jobs[(index + k) % len(jobs)]
                start = time.perf_counter()
                status, body = client.ask(name, params)
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        errors.append(f"{name}: {status}")
        finally:
            client.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(run, range(clients)))
    wall = time.perf_counter() - start
    return {
        "requests": len(latencies),
        "seconds": wall,
        "per_second": len(latencies) / wall,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "errors": errors,
    }


def ms(seconds: float) -> str:
    return f"{1000 * seconds:8.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("store", type=Path, help="a kg store folder (built with kg add)")
    parser.add_argument("--repeat", type=int, default=30, help="runs per question (default 30)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (16)")
    parser.add_argument(
        "--requests", type=int, default=24, help="requests per client in the throughput run (24)"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="server worker processes (default: kg serve's)"
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="server query timeout")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter value for the questions that take it",
    )
    args = parser.parse_args(argv)

    import pyoxigraph

    import kg
    from kg.errors import KGError
    from kg.graph import open_store
    from kg.query.listing import list_entities
    from kg.query.saved import saved_queries
    from kg.server import ServerConfig, make_server

    given = dict(p.split("=", 1) for p in args.param)
    queries = saved_queries()
    try:
        with open_store(args.store, read_only=True) as store:
            articles = len(store.article_ids())
            quads = len(store)
            start = time.perf_counter()
            entities = list_entities(store)
            listing = time.perf_counter() - start
            params = pick_params(store, queries, given)
            direct = {
                name: direct_times(store, q, params[name], entities, args.repeat)
                for name, q in queries.items()
            }
    except KGError as exc:
        print(f"serve_latency: {exc}", file=sys.stderr)
        return 1

    config = ServerConfig(
        store=str(args.store),
        port=0,
        timeout=args.timeout,
        **({"workers": args.workers} if args.workers else {}),
    )
    server = make_server(config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        # every worker resolves names once per snapshot: warm them all up first
        throughput(port, [(n, params[n]) for n in queries], server.readers.size, len(queries))
        client = Client(port)
        over_http = {name: http_times(client, name, params[name], args.repeat) for name in queries}
        client.close()
        jobs = [(n, params[n]) for n in queries]
        load = throughput(port, jobs, args.clients, args.requests)
    finally:
        server.shutdown()
        server.close()

    print(
        f"store: {args.store} ({articles} articles, {quads} quads, {len(entities)} entities; "
        f"listing the entities once per snapshot: {1000 * listing:.0f} ms)"
    )
    print(
        f"machine: {platform.platform()}, {platform.machine()}, "
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, "
        f"kg {kg.__version__}; {config.workers} server workers; "
        f"{args.repeat} runs per question after a warm-up"
    )
    print()
    print(
        f"{'question':<20} {'rows':>5} {'http p50':>9} {'http p95':>9} "
        f"{'direct p50':>10} {'direct p95':>10}  (ms)  parameters"
    )
    for name in queries:
        (h, rows), (d, _) = over_http[name], direct[name]
        shown = ", ".join(f"{k}={v}" for k, v in params[name].items())
        print(
            f"{name:<20} {rows:>5} {ms(percentile(h, 50))} {ms(percentile(h, 95))}  "
            f"{ms(percentile(d, 50))}   {ms(percentile(d, 95))}        {shown}"
        )
    print()
    print(
        f"throughput: {args.clients} concurrent clients, {load['requests']} requests "
        f"(the {len(queries)} questions in turn) in {load['seconds']:.2f} s: "
        f"{load['per_second']:.1f} requests/s; latency p50 {1000 * load['p50']:.1f} ms, "
        f"p95 {1000 * load['p95']:.1f} ms; {len(load['errors'])} errors"
    )
    for line in load["errors"][:5]:
        print(f"  error: {line}")
    return 0 if not load["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
