"""How long the explorer takes to render a busy entity's page on a big store.

The goal (issue 15): an entity page with 500 claims, on a store of 20,000
articles, renders in under a second. The script copies STORE (a store of about
20,000 articles, e.g. one built with ``build_store.py``) to a scratch folder, adds
hand-made articles (no spaCy model) in which one made-up company, "Bench Target
Holdings", takes part in ``--claims`` claims (two per article: with about a
hundred counterparties, both ways, some with an amount, a date or a source), starts
``kg serve`` on the copy and times, over one keep-alive connection:

- **first**: the first ``GET /entity/bench-target-holdings`` (the reader's caches cold);
- **page**: the same page ``--repeat`` more times (p50, p95, max), the figure the goal
  is about: the server reads the entity's claims, statements, conflicts, timeline and
  neighbourhood and renders the HTML;
- **network.json**: the neighbourhood the entity page's "show neighbours" fetches;
- **article**: one of the hand-made articles' pages;
- **first search**, **search p50**: ``/search?q=bench target`` (names and the full-text
  index), once and then 9 times: a reader checks the index against its snapshot of the
  store on its first search (a read of every article's hash); the index itself is built,
  if the store had none, before the server starts.

``--in-place`` writes into STORE itself instead of a copy (the articles stay).

    python bench/entity_page.py /work/bench-stores/store-20000
"""

from __future__ import annotations

import argparse
import http.client
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from _scale import load_average

from kg.graph import article_quads, open_store
from kg.graph.fulltext import open_index
from kg.model import Article, Claim, Entity, Extraction, Mention, Money

TARGET = Entity(
    "bench-target-holdings", "Bench Target Holdings", "Organization", aliases=("Bench Target",)
)
#: (predicate, target is the subject) for the claims, in turn.
SHAPES = [
    ("partnerOf", True),
    ("acquires", True),
    ("sues", False),
    ("investsIn", False),
    ("rivalOf", True),
    ("contractWith", True),
    ("sues", True),
    ("executiveOf", False),
]
PARTNERS = 100


def counterparty(i: int, predicate: str) -> Entity:
    if predicate == "executiveOf":
        return Entity(f"bench-person-{i:03d}", f"Pat Bench{i:03d}", "Person")
    return Entity(f"bench-company-{i:03d}", f"Benchco {i:03d} Ltd", "Organization")


def handmade(n: int, claims: int) -> Extraction:
    """Article ``n``: two sentences, each a claim between the target and a counterparty."""
    pieces, entities, made = [], {TARGET.key: TARGET}, []
    offset = 0
    mentions: dict[str, list[Mention]] = {}

    def say(text: str, names: list[Entity]) -> tuple[int, int]:
        nonlocal offset
        start = offset
        for e in names:
            at = text.index(e.label)
            mentions.setdefault(e.key, []).append(
                Mention(e.label, start + at, start + at + len(e.label))
            )
        pieces.append(text)
        offset += len(text) + 1
        return start, start + len(text)

    analyst = Entity("bench-analyst", "Robin Analyst", "Person")
    for k in range(2):
        i = 2 * n + k
        if i >= claims:
            break
        predicate, target_first = SHAPES[i % len(SHAPES)]
        other = counterparty(i % PARTNERS, predicate)
        entities[other.key] = other
        subject, obj = (TARGET, other) if target_first else (other, TARGET)
        says = i % 3 == 0
        text = f"{subject.label} {predicate} {obj.label} in the story number {n}"
        text += f", {analyst.label} said." if says else "."
        if says:
            entities[analyst.key] = analyst
        start, end = say(text, [subject, obj] + ([analyst] if says else []))
        made.append(
            Claim(
                subject.key,
                predicate,
                obj.key,
                sentence=text,
                sentence_start=start,
                sentence_end=end,
                attributed_to=analyst.key if says else None,
                amount=Money(1_000_000.0 * (i % 7 + 1), "USD")
                if predicate in ("acquires", "investsIn")
                else None,
                date=f"20{10 + i % 15}-0{1 + i % 9}" if i % 2 else None,
                confidence=0.8,
            )
        )
    text = " ".join(pieces)
    ents = tuple(
        Entity(e.key, e.label, e.type, e.aliases, tuple(mentions.get(e.key, ())))
        for e in entities.values()
    )
    article = Article(
        id=f"bench-entity-page-{n:04d}",
        text=text,
        title=f"Bench Target Holdings story {n}",
        published=f"2025-{1 + n % 12:02d}-15",
        source=f"Bench Wire {n % 5}",
        url=f"https://example.org/bench/{n}",
    )
    return Extraction(article, ents, tuple(made), pipeline="bench-handmade 1.0")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def start_server(store: Path, log: Path) -> tuple[subprocess.Popen, str, float]:
    """``kg serve`` on the store; its base URL and the seconds until it answered."""
    exe = shutil.which("kg")
    cmd = [exe] if exe else [sys.executable, "-m", "kg"]
    began = time.perf_counter()
    with log.open("w") as handle:
        proc = subprocess.Popen(
            [*cmd, "--store", str(store), "serve", "--port", "0"],
            stdout=subprocess.DEVNULL,
            stderr=handle,
        )
    while proc.poll() is None:
        found = re.search(r"at (http://127\.0\.0\.1:\d+)/", log.read_text())
        if found:
            return proc, found.group(1), time.perf_counter() - began
        time.sleep(0.05)
    raise SystemExit(f"kg serve exited: {log.read_text()}")


def timed_get(conn: http.client.HTTPConnection, path: str) -> tuple[float, int, int]:
    began = time.perf_counter()
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    return time.perf_counter() - began, resp.status, len(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a store of about 20,000 articles")
    parser.add_argument("--claims", type=int, default=500, help="claims about the entity (500)")
    parser.add_argument("--repeat", type=int, default=20, help="timed page loads (20)")
    parser.add_argument("--in-place", action="store_true", help="write into STORE, not a copy")
    args = parser.parse_args(argv)
    if not (args.store / "CURRENT").is_file():
        print(f"entity_page: {args.store} is not a kg store", file=sys.stderr)
        return 1

    scratch = Path(tempfile.mkdtemp(prefix="kg-entity-page-"))
    try:
        store = args.store
        if not args.in_place:
            began = time.perf_counter()
            store = Path(shutil.copytree(args.store, scratch / "store"))
            print(f"store copied             {time.perf_counter() - began:8.1f} s")
        began = time.perf_counter()
        with open_store(store) as kg_store:
            before = len(kg_store.article_ids())
            extractions = [handmade(n, args.claims) for n in range((args.claims + 1) // 2)]
            kg_store.put_articles({ex.article.id: article_quads(ex) for ex in extractions})
            after = len(kg_store.article_ids())
            added = time.perf_counter() - began
            began = time.perf_counter()
            open_index(kg_store).close()  # built now if the store had none, not by a search
            indexed = time.perf_counter() - began
        print(f"articles in the store    {before:8,d} before, {after:,d} with the hand-made ones")
        print(f"hand-made articles added {len(extractions):8,d} in {added:.1f} s")
        print(f"search index checked     {indexed:8.1f} s (built, if the store had none)")

        proc, url, startup = start_server(store, scratch / "serve.log")
        print(f"kg serve answered after  {startup:8.2f} s")
        try:
            host, port = url.removeprefix("http://").split(":")
            conn = http.client.HTTPConnection(host, int(port), timeout=120)
            page = f"/entity/{TARGET.key}"
            first, status, size = timed_get(conn, page)
            if status != 200:
                print(f"entity_page: GET {page} answered {status}", file=sys.stderr)
                return 1
            conn.request("GET", page)
            html = conn.getresponse().read().decode("utf-8")
            shown = html.count('<tr class="claim')
            times = [timed_get(conn, page)[0] for _ in range(args.repeat)]
            search = "/search?q=" + quote("bench target")
            others = {
                "network.json": timed_get(conn, page + "/network.json")[0],
                "article": timed_get(conn, "/article/" + extractions[0].article.id)[0],
                "first search": timed_get(conn, search)[0],
            }
            others["search p50"] = percentile([timed_get(conn, search)[0] for _ in range(9)], 50)
            conn.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"claim rows on the page   {shown:8,d} ({size / 1e6:.2f} MB of HTML)")
    print(f"first page               {first * 1000:8.0f} ms")
    print(
        f"page p50                 {percentile(times, 50) * 1000:8.0f} ms "
        f"(p95 {percentile(times, 95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms, "
        f"{len(times)} loads)"
    )
    for name, seconds in others.items():
        print(f"{name:<24} {seconds * 1000:8.0f} ms")
    goal = max(first, percentile(times, 95)) < 1.0
    print(f"goal (< 1 s)             {'met' if goal else 'NOT met'}")
    print(f"platform                 {platform.platform()}, {platform.processor() or '?'}")
    print(f"load average             {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
