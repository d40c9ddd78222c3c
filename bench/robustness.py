"""Run kg's extraction over a research corpus and report what it found, never stopping.

Every article is extracted; an exception is caught and counted by type
(there should be none). The report gives entities and claims per article,
claims per predicate by polarity, how often attribution, amount and date
are filled, a few integrity checks, and a random sample of claims for a
person to judge.

    python bench/robustness.py /work/shared/corpora/bbc-news-2225/articles.jsonl --category business
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import _common

from kg.errors import KGError
from kg.extract.pipeline import Extractor
from kg.model import COARSE_TYPES, Article, Claim, Extraction
from kg.predicates import MONEY_PREDICATES, PREDICATES

POLARITIES = ("asserted", "negated", "hedged")


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised."""

    article: str
    error: str  # exception type name
    message: str


@dataclass(frozen=True)
class Sampled:
    """A claim drawn for review, with the labels a reader needs."""

    article: str
    subject: str
    predicate: str
    object: str
    claim: Claim
    source: str | None  # label of attributed_to


@dataclass
class Survey:
    """Counts over every extraction of a run."""

    articles: int = 0
    failures: list[Failure] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)  # by coarse type
    claims: Counter = field(default_factory=Counter)  # by (predicate, polarity)
    attributed: int = 0
    dated: int = 0
    money_claims: int = 0  # claims whose predicate can carry an amount
    with_amount: int = 0
    problems: Counter = field(default_factory=Counter)  # integrity checks that failed
    extractions: list[Extraction] = field(default_factory=list)

    @property
    def claim_total(self) -> int:
        return sum(self.claims.values())

    def polarity(self, polarity: str) -> int:
        return sum(n for (_, p), n in self.claims.items() if p == polarity)

    def add(self, ex: Extraction) -> None:
        self.extractions.append(ex)
        self.entities.update(e.type for e in ex.entities)
        keys = {e.key for e in ex.entities}
        text = ex.article.text
        for c in ex.claims:
            self.claims[(c.predicate, c.polarity)] += 1
            self.attributed += c.attributed_to is not None
            self.dated += c.date is not None
            if c.predicate in MONEY_PREDICATES:
                self.money_claims += 1
                self.with_amount += c.amount is not None
            self.problems.update(_problems(c, keys, text))


def _problems(c: Claim, keys: set[str], text: str) -> Iterator[str]:
    """Broken invariants of one claim: what the graph layer relies on."""
    if text[c.sentence_start : c.sentence_end] != c.sentence:
        yield "sentence offsets do not match the text"
    if c.subject not in keys or c.object not in keys:
        yield "subject or object is not an entity of the article"
    if c.attributed_to is not None and c.attributed_to not in keys:
        yield "source is not an entity of the article"
    if c.subject == c.object:
        yield "subject and object are the same entity"
    if c.predicate not in PREDICATES:
        yield "unknown predicate"
    if c.polarity not in POLARITIES:
        yield "unknown polarity"


def _batches(items: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def extract_all(
    articles: list[Article], extractor: Extractor, *, chunk: int = 64
) -> Iterator[Extraction | Failure]:
    """Extract every article; an exception becomes a :class:`Failure` and the run goes on.

    Articles go through ``extract_many`` a chunk at a time; a chunk that
    raises is done again one article at a time, to find which one fails.
    """
    for batch in _batches(articles, chunk):
        try:
            done = list(extractor.extract_many(batch))
        except Exception:
            for article in batch:
                try:
                    yield extractor.extract(article)
                except Exception as exc:
                    first = (str(exc).splitlines() or [""])[0]
                    yield Failure(article.id, type(exc).__name__, first)
            continue
        yield from done


def survey(items: Iterable[Extraction | Failure]) -> Survey:
    """Count what the extractions hold."""
    out = Survey()
    for item in items:
        out.articles += 1
        if isinstance(item, Failure):
            out.failures.append(item)
        else:
            out.add(item)
    return out


def sample_claims(extractions: list[Extraction], n: int, seed: int) -> list[Sampled]:
    """``n`` claims drawn uniformly from all claims of the run (every polarity)."""
    pool = [(ex, c) for ex in extractions for c in ex.claims]
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    out = []
    for ex, c in picked:
        label = {e.key: e.label for e in ex.entities}
        out.append(
            Sampled(
                article=ex.article.id,
                subject=label.get(c.subject, c.subject),
                predicate=c.predicate,
                object=label.get(c.object, c.object),
                claim=c,
                source=label.get(c.attributed_to, c.attributed_to) if c.attributed_to else None,
            )
        )
    return out


def _rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.1%})" if whole else f"{part}/0 (-)"


def _per(count: int, articles: int) -> str:
    return f"{count / articles:.3f}" if articles else "-"


def report(s: Survey, samples: list[Sampled]) -> list[str]:
    """The report as lines of text."""
    ok = s.articles - len(s.failures)
    lines = [
        f"articles: {s.articles}",
        f"failures: {len(s.failures)}"
        + (
            f" ({', '.join(f'{k} {n}' for k, n in Counter(f.error for f in s.failures).items())})"
            if s.failures
            else ""
        ),
    ]
    lines += [f"  failed: {f.article}: {f.error}: {f.message}" for f in s.failures[:20]]
    entities = sum(s.entities.values())
    lines.append(
        f"entities per article: {_per(entities, ok)} ({entities} in {ok} articles; "
        + ", ".join(f"{t} {_per(s.entities[t], ok)}" for t in COARSE_TYPES)
        + ")"
    )
    asserted = s.polarity("asserted")
    lines.append(
        f"claims per article: {_per(s.claim_total, ok)} ({s.claim_total} claims: "
        f"{asserted} asserted, {s.polarity('negated')} negated, "
        f"{s.polarity('hedged')} hedged)"
    )
    lines.append(f"asserted claims per article: {_per(asserted, ok)}")
    lines.append("per predicate:")
    lines.append(
        f"  {'predicate':<13} {'asserted':>8} {'per article':>11} {'negated':>7} {'hedged':>6}"
    )
    for p in PREDICATES:
        a = s.claims[(p, "asserted")]
        lines.append(
            f"  {p:<13} {a:>8} {_per(a, ok):>11} "
            f"{s.claims[(p, 'negated')]:>7} {s.claims[(p, 'hedged')]:>6}"
        )
    lines.append(f"attribution fill rate: {_rate(s.attributed, s.claim_total)} of claims")
    lines.append(
        f"amount fill rate: {_rate(s.with_amount, s.money_claims)} of claims whose "
        f"predicate can carry one ({', '.join(sorted(MONEY_PREDICATES))})"
    )
    lines.append(f"date fill rate: {_rate(s.dated, s.claim_total)} of claims")
    problems = sum(s.problems.values())
    lines.append(f"integrity problems: {problems}")
    lines += [f"  {what}: {n}" for what, n in s.problems.most_common()]
    lines.append(f"\nsampled claims: {len(samples)}")
    for i, x in enumerate(samples, 1):
        c = x.claim
        extras = [c.polarity, f"confidence {c.confidence}", c.method]
        if x.source:
            extras.append(f"according to {x.source}")
        if c.amount:
            extras.append(f"amount {c.amount.value:g} {c.amount.currency}")
        if c.date:
            extras.append(f"date {c.date}")
        lines.append(f"{i:>2}. [{x.article}] {x.subject} --{x.predicate}--> {x.object}")
        lines.append(f"    ({'; '.join(extras)})")
        lines += textwrap.wrap(
            " ".join(c.sentence.split()), 96, initial_indent="    > ", subsequent_indent="      "
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: python bench/robustness.py CORPUS.jsonl --category business --sample 10",
    )
    parser.add_argument("corpus", help="a JSON Lines file of articles (id, text, ...)")
    parser.add_argument(
        "--category", default=None, help="only records with this 'category' key (e.g. business)"
    )
    parser.add_argument("-n", type=int, default=None, help="at most N distinct articles")
    parser.add_argument("--sample", type=int, default=10, help="claims to print (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sample (default 1)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    args = parser.parse_args(argv)
    source = _common.source_digest()  # the code just imported, which is what runs
    try:
        corpus = _common.read_corpus(args.corpus, limit=args.n, category=args.category)
        extractor = Extractor(args.model)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    s = survey(extract_all(corpus.articles, extractor))
    print(f"corpus: {corpus.path}" + (f" (category {args.category})" if args.category else ""))
    print(
        f"repeated texts skipped: {corpus.duplicates}; bad lines skipped: {len(corpus.bad_lines)}"
    )
    for line in report(s, sample_claims(s.extractions, args.sample, args.seed)):
        print(line)
    print(f"pipeline: {extractor.name}")
    print(_common.source_note(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
