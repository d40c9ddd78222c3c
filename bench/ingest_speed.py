"""``kg add`` against bare ``nlp.pipe`` on the same texts, and the speed-up of 2 workers.

Takes the first ``-n`` distinct texts of a corpus and times, in one process:
``nlp.pipe`` alone and the extraction (both from ``extract_speed.measure``),
then the whole of ``kg add`` through the library (:func:`kg.workflow.add_articles`
into a fresh store under /tmp: extraction, RDF, one transaction per article, the
derived graph) with one process and with ``--workers 2``. Each is the best of
``--repeats`` runs, alternating. Goals: kg add within 1.25x of ``nlp.pipe``; 2
workers 1.7x as fast as one on 2 cores.

    python bench/ingest_speed.py /work/shared/corpora/bbc-news-2225/articles.jsonl -n 200
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import _common
import _scale
import extract_speed

from kg.errors import KGError
from kg.extract.parallel import ParallelExtractor
from kg.extract.pipeline import Extractor
from kg.graph import open_store
from kg.model import Article
from kg.workflow import add_articles

RATIO_GOAL = 1.25
SPEEDUP_GOAL = 1.7


def time_add(articles: list[Article], extractor, where: Path) -> float:
    """Seconds of ``add_articles`` of ``articles`` into a new store at ``where``."""
    items = [(a.id, a) for a in articles]
    start = time.perf_counter()
    with open_store(where) as store:
        report = add_articles(store, items, lambda: extractor)
    seconds = time.perf_counter() - start
    if report.added != len(articles):
        raise KGError(f"only {report.added} of {len(articles)} articles were added")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a JSON Lines file of articles")
    parser.add_argument("-n", type=int, default=200, help="distinct texts (default 200)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel run")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    args = parser.parse_args(argv)
    source = _common.source_digest()
    try:
        corpus = _common.read_corpus(args.corpus, limit=args.n)
        one = Extractor(args.model)
        many = ParallelExtractor(args.model, workers=args.workers)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    articles = corpus.articles
    load_before = _scale.load_average()
    speed = extract_speed.measure(articles, one, repeats=args.repeats)
    single, parallel = [], []
    with tempfile.TemporaryDirectory(prefix="kg-bench-add-") as tmp:
        for r in range(args.repeats):
            single.append(time_add(articles, one, Path(tmp) / f"one-{r}"))
            parallel.append(time_add(articles, many, Path(tmp) / f"many-{r}"))
    add1, addn = min(single), min(parallel)
    runs = extract_speed._runs
    print(f"corpus: {corpus.path}")
    print(f"articles: {len(articles)} (first distinct texts), {corpus.characters:,} characters")
    print(f"nlp.pipe seconds: {speed.pipe.best:.2f} (best of {runs(speed.pipe)})")
    print(f"extraction seconds: {speed.whole.best:.2f} (best of {runs(speed.whole)})")
    print(
        f"kg add, 1 process, seconds: {add1:.2f} (best of {', '.join(f'{s:.2f}' for s in single)})"
    )
    print(
        f"kg add --workers {args.workers} seconds: {addn:.2f} (best of "
        f"{', '.join(f'{s:.2f}' for s in parallel)})"
    )
    print(f"nlp.pipe articles/s: {len(articles) / speed.pipe.best:.1f}")
    print(f"kg add, 1 process, articles/s: {len(articles) / add1:.1f}")
    print(f"kg add --workers {args.workers} articles/s: {len(articles) / addn:.1f}")
    ratio = add1 / speed.pipe.best
    print(f"ratio extraction/nlp.pipe: {speed.ratio:.3f}")
    print(
        f"ratio kg add (1 process)/nlp.pipe: {ratio:.3f} "
        f"(goal <= {RATIO_GOAL}: {'met' if ratio <= RATIO_GOAL else 'NOT met'})"
    )
    speedup = add1 / addn
    print(
        f"speed-up --workers {args.workers} over 1: {speedup:.2f}x "
        f"(goal >= {SPEEDUP_GOAL}: {'met' if speedup >= SPEEDUP_GOAL else 'NOT met'})"
    )
    print(f"load average before: {load_before}")
    for key, value in _common.machine(one.nlp).items():
        print(f"{key}: {value}")
    print(_common.source_note(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
