"""Adding 10 new articles and removing one, in a big store against an empty one.

The big store is one ``build_store.py`` makes (BBC, then Reuters, ``--size``
articles in all); the new articles are the Reuters stories right after those
in it. Each run copies the big store (the copy is not timed, and is written
out to disk before the timing starts), then, through
:func:`kg.workflow.add_articles` with one process and the model loaded, as
``kg add`` does for a few files, adds the new articles (one transaction each,
statements and conflicts with it), and removes the first of them with
:func:`kg.workflow.remove_articles` (``kg remove``). The same is done on a new
empty store. Goal: each at most 1.3x in the big store. Then the same as a user
runs it: ``kg add`` of the new articles (a JSON Lines file) and ``kg remove``,
each a new process that loads what it needs (``--commands`` runs).

It also reports how much of the write is the upkeep of the merged and derived
graphs (:func:`kg.graph.changes.derived_update` and the update it sends), and
checks at the end that the big store's derived graph is what a recomputation
from scratch gives (``--no-check`` skips that: it reads the whole store).

    python bench/incremental_add.py /tmp/store-20000 BBC.jsonl REUTERS.jsonl --size 20000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import _common
import _scale

import kg.graph.changes
from kg.errors import KGError
from kg.extract.pipeline import Extractor
from kg.graph import open_store
from kg.workflow import add_articles, remove_articles

GOAL = 1.3


class _Clock:
    """Adds up the seconds spent in the upkeep of the derived graph."""

    def __init__(self):
        self.seconds = 0.0
        self._real = kg.graph.changes._derived

    def __enter__(self):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return self._real(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        kg.graph.changes._derived = timed
        return self

    def __exit__(self, *exc):
        kg.graph.changes._derived = self._real


def timed_run(store_path: Path, articles, extractor) -> dict:
    """Seconds of the add, of the removal, and of the derived upkeep in each."""
    items = [(a.id, a) for a in articles]
    with open_store(store_path) as store:
        with _Clock() as clock:
            start = time.perf_counter()
            report = add_articles(store, items, lambda: extractor)
            add = time.perf_counter() - start
        add_upkeep = clock.seconds
        with _Clock() as clock:
            start = time.perf_counter()
            removed, _ = remove_articles(store, [articles[0].id])
            remove = time.perf_counter() - start
        total = len(store.article_ids())
    if report.added != len(articles) or removed != [articles[0].id]:
        raise KGError(f"{report.added} of {len(articles)} new articles added, {removed} removed")
    return {
        "add": add,
        "add_upkeep": add_upkeep,
        "remove": remove,
        "remove_upkeep": clock.seconds,
        "articles": total,
    }


def command_run(store_path: Path, articles, folder: Path) -> dict:
    """Wall seconds of ``kg add`` (the new articles as JSON Lines, one process) and of
    ``kg remove`` (the first of them), each a new process, as a user runs them."""
    import json
    import subprocess

    lines = folder / "new.jsonl"
    lines.write_text(
        "".join(
            json.dumps(
                {
                    "id": a.id,
                    "title": a.title,
                    "text": a.text,
                    "source": a.source,
                    "published": a.published,
                }
            )
            + "\n"
            for a in articles
        )
    )
    exe = shutil.which("kg")
    kg = [exe] if exe else [sys.executable, "-m", "kg"]
    out = {}
    for key, args in (
        ("add", ["add", "--workers", "1", str(lines)]),
        ("remove", ["remove", articles[0].id]),
    ):
        start = time.perf_counter()
        subprocess.run(
            [*kg, "--quiet", "--store", str(store_path), *args], check=True, capture_output=True
        )
        out[key] = time.perf_counter() - start
    return out


def _check(store_path: Path) -> str:
    """Whether the derived graph equals a recomputation from the listings."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from graph.invariants import derived_triples, expected_derived

    with open_store(store_path, read_only=True) as store:
        have, want = derived_triples(store), expected_derived(store)
    return (
        "equal"
        if have == want
        else f"DIFFERENT ({len(have - want)} stale, {len(want - have)} missing)"
    )


def _line(label: str, runs: list[dict], key: str) -> str:
    best = min(r[key] for r in runs)
    return f"{label}: {best:.3f} (best of {', '.join(f'{r[key]:.3f}' for r in runs)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="the big store (build_store.py)")
    parser.add_argument("bbc", help="the BBC corpus the store was built from")
    parser.add_argument("reuters", help="the Reuters corpus the store was built from")
    parser.add_argument("-n", type=int, default=10, help="new articles (default 10)")
    parser.add_argument(
        "--size", type=int, default=_scale.STORE_SIZE, help="articles the store was built with"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument(
        "--commands",
        type=int,
        default=3,
        help="runs of the kg add and kg remove commands in new processes",
    )
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="do not compare the derived graph with a full recomputation",
    )
    args = parser.parse_args(argv)
    if not args.store.is_dir():
        print(f"error: {args.store}: no store (run build_store.py first)", file=sys.stderr)
        return 1
    source = _common.source_digest()
    new = _scale.new_articles(args.bbc, args.reuters, args.n, args.size)
    extractor = Extractor()
    list(extractor.extract_many(new))  # warm up
    big, empty, cmd_big, cmd_empty = [], [], [], []
    load_before = _scale.load_average()
    check = "not checked"
    with tempfile.TemporaryDirectory(prefix="kg-bench-incr-", dir=args.store.parent) as tmp:
        for r in range(args.repeats):
            empty.append(timed_run(Path(tmp) / f"empty-{r}", new, extractor))
            copy = Path(tmp) / f"big-{r}"
            shutil.copytree(args.store, copy)
            os.sync()  # else the copy is still being written out while the add is timed
            big.append(timed_run(copy, new, extractor))
            if r == args.repeats - 1 and not args.no_check:
                check = _check(copy)
            shutil.rmtree(copy)
        for r in range(args.commands):
            cmd_empty.append(command_run(Path(tmp) / f"cmd-empty-{r}", new, Path(tmp)))
            copy = Path(tmp) / f"cmd-big-{r}"
            shutil.copytree(args.store, copy)
            os.sync()
            cmd_big.append(command_run(copy, new, Path(tmp)))
            shutil.rmtree(copy)
    print(
        f"new articles: {len(new)} ({new[0].id} ... {new[-1].id}), "
        f"{sum(len(a.text) for a in new):,} characters; removed: {new[0].id}"
    )
    print(f"store: {args.store} ({big[0]['articles'] - len(new) + 1} articles before the add)")
    for label, runs in (("big store", big), ("empty store", empty)):
        print(_line(f"add {len(new)}, {label}, seconds", runs, "add"))
        print(_line(f"  of which derived upkeep, {label}", runs, "add_upkeep"))
        print(_line(f"remove 1, {label}, seconds", runs, "remove"))
        print(_line(f"  of which derived upkeep, {label}", runs, "remove_upkeep"))
    for key in ("add", "remove"):
        ratio = min(r[key] for r in big) / min(r[key] for r in empty)
        print(
            f"ratio {key} big/empty: {ratio:.2f} "
            f"(goal <= {GOAL}: {'met' if ratio <= GOAL else 'NOT met'})"
        )
    for label, runs in (("big store", cmd_big), ("empty store", cmd_empty)):
        if runs:
            print(_line(f"command kg add ({len(new)} articles), {label}, seconds", runs, "add"))
            print(_line(f"command kg remove (1), {label}, seconds", runs, "remove"))
    for key in ("add", "remove"):
        if cmd_big:
            ratio = min(r[key] for r in cmd_big) / min(r[key] for r in cmd_empty)
            print(
                f"ratio command kg {key} big/empty: {ratio:.2f} "
                f"(goal <= {GOAL}: {'met' if ratio <= GOAL else 'NOT met'})"
            )
    print(f"derived graph of the big store after the run, against a full recomputation: {check}")
    print(f"load average before: {load_before}; after: {_scale.load_average()}")
    for key, value in _common.machine(extractor.nlp).items():
        print(f"{key}: {value}")
    print(_common.source_note(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
