"""Extract the benchmark corpora once into N-Quads, one named graph per article.

Building a 20,000-article store with ``kg add`` runs spaCy over every article
(about 20 articles a second on one core). This script does that once and
writes what ``kg add`` would store, article by article, to an N-Quads file;
``kg load`` (or ``build_store.py --from-graphs``) then builds a store from it in
minutes, as often as needed, without the model. The articles are the BBC
corpus, then Reuters stories, as :func:`_scale.store_items` orders them, and
``--extra`` more after the store's ``-n`` (the new articles of
``incremental_add.py``), in a second file.

    nice python bench/extract_graphs.py BBC.jsonl REUTERS.jsonl -n 20000 -o /tmp/graphs
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

import _common
import _scale

from kg.errors import KGError
from kg.model import Article


def _write(path: Path, extractions) -> tuple[int, int]:
    """Write the article graphs of ``extractions`` to ``path``: (articles, failed)."""
    import pyoxigraph as ox

    from kg.graph.build import article_quads

    done = failed = 0
    tmp = path.with_suffix(".part")
    with tmp.open("wb") as out:
        for ex in extractions:
            if ex.extra.get("error"):
                failed += 1
                continue
            quads = [
                ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), _term(o), ox.NamedNode(str(g)))
                for s, p, o, g in article_quads(ex)
            ]
            out.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            done += 1
            if done % 1000 == 0:
                print(f"  {done} articles", file=sys.stderr, flush=True)
    tmp.rename(path)
    return done, failed


def _term(node):
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    assert isinstance(node, Literal)
    if node.language:
        return ox.Literal(str(node), language=node.language)
    if node.datatype:
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
    return ox.Literal(str(node))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bbc", help="the BBC corpus (articles.jsonl)")
    parser.add_argument("reuters", help="the Reuters-21578 corpus (articles.jsonl)")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help="the folder to write store.nq and extra.nq into",
    )
    parser.add_argument("-n", type=int, default=20_000, help="articles of the store")
    parser.add_argument("--extra", type=int, default=50, help="articles after them")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    source = _common.source_digest()
    try:
        if args.workers > 1:
            from kg.extract.parallel import ParallelExtractor

            extractor = ParallelExtractor(workers=args.workers)
        else:
            from kg.extract.pipeline import Extractor

            extractor = Extractor()
        items = _scale.store_items(args.bbc, args.reuters, args.n + args.extra)
        articles = (a for _, a in items if isinstance(a, Article))
        start = time.perf_counter()
        done, failed = _write(
            args.output / "store.nq", extractor.extract_many(islice(articles, args.n))
        )
        extra, extra_failed = _write(args.output / "extra.nq", extractor.extract_many(articles))
        seconds = time.perf_counter() - start
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"store graphs: {done} ({failed} failed) in {args.output / 'store.nq'}")
    print(f"extra graphs: {extra} ({extra_failed} failed) in {args.output / 'extra.nq'}")
    print(
        f"seconds: {seconds:.1f} ({(done + extra) / seconds:.1f} articles/s, "
        f"{args.workers} workers)"
    )
    print(_common.source_note(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
