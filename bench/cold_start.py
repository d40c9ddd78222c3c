"""Cold start of ``kg query``: the wall time of a new ``kg`` process asking the store one thing.

Runs ``kg --store STORE query QUERY --format csv`` ``-n`` times in a subprocess,
each a new interpreter (the operating system's file cache stays warm after the
first run, which is shown on its own), and, for reference, ``python -c pass``
and ``kg --version``. Goal: under 1 s.

    python bench/cold_start.py /tmp/kg-bench-5000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import _scale

GOAL = 1.0
QUERY = "SELECT ?partner WHERE { ?a nkg:partnerOf ?p . ?p rdfs:label ?partner } LIMIT 10"


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"cold_start: {' '.join(cmd)} failed: {proc.stderr.strip()[:300]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a kg store (e.g. from build_store.py)")
    parser.add_argument("-n", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument("--query", default=QUERY, help="the query to ask")
    args = parser.parse_args(argv)
    if not args.store.is_dir():
        print(f"cold_start: {args.store}: no store", file=sys.stderr)
        return 1
    exe = shutil.which("kg")
    kg = [exe] if exe else [sys.executable, "-m", "kg"]
    load_before = _scale.load_average()
    query = [*kg, "--store", str(args.store), "query", args.query, "--format", "csv"]
    first = wall(query)
    runs = {
        "kg query": [wall(query) for _ in range(args.n)],
        "kg --version": [wall([*kg, "--version"]) for _ in range(args.n)],
        "python -c pass": [wall([sys.executable, "-c", "pass"]) for _ in range(args.n)],
    }
    print(f"store: {args.store}")
    print(f"kg query, first run seconds: {first:.2f}")
    for label, times in runs.items():
        print(
            f"{label} seconds: median {statistics.median(times):.2f}, best {min(times):.2f} "
            f"({', '.join(f'{t:.2f}' for t in times)})"
        )
    median = statistics.median(runs["kg query"])
    print(
        f"cold start of kg query: {median:.2f} s median "
        f"(goal < {GOAL} s: {'met' if median < GOAL else 'NOT met'})"
    )
    print(f"load average before: {load_before}; after: {_scale.load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
