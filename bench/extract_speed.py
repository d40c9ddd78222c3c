"""How much kg's extraction costs on top of the spaCy pipeline it runs on.

Times, in one process and with one ``nlp`` object, (a) ``nlp.pipe`` alone (the
trained pipeline without the ``kg_claims`` component) and (b)
``Extractor.extract_many`` (the same ``nlp.pipe`` with ``kg_claims``) on the
same texts, each the best of several runs. The project's goal is a ratio
(b)/(a) of at most 1.25. ``--profile`` adds kg's slowest functions.

    python bench/extract_speed.py /work/shared/corpora/bbc-news-2225/articles.jsonl -n 200
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import _common

import kg
from kg.errors import KGError
from kg.extract.pipeline import Extractor
from kg.model import Article

GOAL = 1.25


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of each run of one task; the best run is the figure."""

    label: str
    runs: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.runs)


@dataclass(frozen=True)
class Speed:
    """The two timings on the same articles."""

    articles: int
    characters: int
    pipe: Timing
    whole: Timing
    rules: Timing  # from_doc on docs already parsed: the extraction minus nlp.pipe

    @property
    def ratio(self) -> float:
        return self.whole.best / self.pipe.best

    @property
    def rules_ratio(self) -> float:
        """The ratio as (nlp.pipe + rules)/nlp.pipe: the same quantity, with less noise."""
        return (self.pipe.best + self.rules.best) / self.pipe.best


@dataclass(frozen=True)
class ProfileRow:
    """One kg function in a cProfile of the rules (extraction minus ``nlp.pipe``)."""

    where: str
    calls: str
    own: float
    cumulative: float


def _seconds(task: Callable[[], object]) -> float:
    start = time.perf_counter()
    task()
    return time.perf_counter() - start


def measure(
    articles: list[Article],
    extractor: Extractor,
    *,
    repeats: int = 3,
    warmup: int = 5,
    batch_size: int = 16,
) -> Speed:
    """Time ``nlp.pipe`` alone and the whole extraction, alternating, best of ``repeats``.

    The rules alone (``from_doc`` on the docs the ``nlp.pipe`` run returned)
    are timed too: the whole minus the pipe, without the pipe's run-to-run noise.
    """
    nlp = extractor.nlp
    extractor.batch_size = batch_size
    texts = [a.text for a in articles]
    bare = {"batch_size": batch_size, "disable": ["kg_claims"]}
    list(nlp.pipe(texts[:warmup], **bare))
    list(extractor.extract_many(articles[:warmup]))
    pipe, rules, whole = [], [], []
    docs: list = []

    def parse():
        docs[:] = nlp.pipe(texts, **bare)

    def apply_rules():
        for doc, article in zip(docs, articles, strict=True):
            extractor.from_doc(doc, article)

    for _ in range(repeats):  # alternating spreads any drift of the machine over both
        pipe.append(_seconds(parse))
        rules.append(_seconds(apply_rules))
        docs.clear()
        whole.append(_seconds(lambda: list(extractor.extract_many(articles))))
    return Speed(
        articles=len(articles),
        characters=sum(len(t) for t in texts),
        pipe=Timing("nlp.pipe", tuple(pipe)),
        whole=Timing("extraction", tuple(whole)),
        rules=Timing("kg rules", tuple(rules)),
    )


def profile_rules(
    articles: list[Article], extractor: Extractor, *, top: int = 15, batch_size: int = 16
) -> tuple[float, list[ProfileRow]]:
    """Profile ``Extractor.from_doc`` on docs parsed beforehand: the extraction minus nlp.pipe.

    Returns the seconds under the profiler and the ``top`` functions of kg's
    own code by cumulative time (which includes the spaCy calls they make).
    """
    docs = list(
        extractor.nlp.pipe((a.text for a in articles), batch_size=batch_size, disable=["kg_claims"])
    )
    pairs = list(zip(docs, articles, strict=True))

    def rules():
        for doc, article in pairs:
            extractor.from_doc(doc, article)

    profiler = cProfile.Profile()
    profiled = _seconds(lambda: profiler.runcall(rules))
    package = Path(kg.__file__).resolve().parent
    root = package.parent
    rows = []
    stats = pstats.Stats(profiler).stats  # (file, line, name) -> (cc, nc, tt, ct, callers)
    for (filename, line, name), (cc, nc, own, cumulative, _) in stats.items():
        path = Path(filename).resolve()
        if not path.is_relative_to(package):
            continue
        calls = str(nc) if cc == nc else f"{nc}/{cc}"
        rows.append(ProfileRow(f"{path.relative_to(root)}:{line}({name})", calls, own, cumulative))
    rows.sort(key=lambda r: r.cumulative, reverse=True)
    return profiled, rows[:top]


def _runs(t: Timing) -> str:
    return ", ".join(f"{s:.2f}" for s in t.runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python bench/extract_speed.py CORPUS.jsonl -n 200 --profile",
    )
    parser.add_argument("corpus", help="a JSON Lines file of articles (id, text, ...)")
    parser.add_argument("-n", type=int, default=200, help="distinct texts to time (default 200)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile kg's rules and print its top 15 functions",
    )
    args = parser.parse_args(argv)
    source = _common.source_digest()  # the code just imported, which is what runs
    try:
        corpus = _common.read_corpus(args.corpus, limit=args.n)
        extractor = Extractor(args.model)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    speed = measure(corpus.articles, extractor, repeats=args.repeats, batch_size=args.batch_size)
    skipped = f", {corpus.duplicates} repeated texts skipped" if corpus.duplicates else ""
    bad = f", {len(corpus.bad_lines)} bad lines skipped" if corpus.bad_lines else ""
    print(f"corpus: {corpus.path}")
    print(f"articles: {speed.articles} (first distinct texts{skipped}{bad})")
    print(f"characters: {speed.characters:,}")
    for t in (speed.pipe, speed.whole, speed.rules):
        print(f"{t.label} seconds: {t.best:.2f} (best of {_runs(t)})")
    for t in (speed.pipe, speed.whole):
        print(f"{t.label} articles/s: {speed.articles / t.best:.1f}")
    verdict = "met" if speed.ratio <= GOAL else "NOT met"
    print(f"ratio extraction/nlp.pipe: {speed.ratio:.3f} (goal <= {GOAL}: {verdict})")
    print(f"ratio (nlp.pipe + kg rules)/nlp.pipe: {speed.rules_ratio:.3f}")
    for key, value in _common.machine(extractor.nlp).items():
        print(f"{key}: {value}")
    print(f"batch size: {args.batch_size}")
    print(_common.source_note(source))
    if args.profile:
        profiled, rows = profile_rules(corpus.articles, extractor, batch_size=args.batch_size)
        print(
            f"\nkg rules under cProfile: {profiled:.2f} s "
            f"(unprofiled best {speed.rules.best:.2f} s)"
        )
        print(f"top {len(rows)} kg functions by cumulative time (seconds, under cProfile):")
        print(f"{'cumulative':>10} {'own':>7} {'calls':>12}  function")
        for r in rows:
            print(f"{r.cumulative:>10.3f} {r.own:>7.3f} {r.calls:>12}  {r.where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
