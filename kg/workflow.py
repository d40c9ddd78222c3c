"""The jobs that move articles through every stage: add, remove, rebuild.

The corrections to entities, which re-read articles with these, are in
:mod:`kg.corrections`.

read -> extract -> build RDF -> store. Each article is written in one
transaction, which also brings the merged graph and the derived graph of
statements and conflicts up to date (:mod:`kg.graph.changes`); an article
whose text, metadata and pipeline are unchanged is not extracted again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InputError
from .graph.build import article_quads
from .graph.store import KGStore
from .model import Article

__all__ = ["AddReport", "add_articles", "remove_articles", "rebuild"]


@dataclass
class AddReport:
    """What an ingest did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (origin, message)
    entities: int = 0
    claims: int = 0
    notes: list[str] = field(default_factory=list)  # what a curation change repaired

    @property
    def seen(self) -> int:
        return self.added + self.replaced + self.unchanged + len(self.failed)


def add_articles(
    store: KGStore,
    items: Iterable[tuple[str, Article | InputError]],
    extractor_factory: Callable[[], object],
    *,
    strict: bool = False,
    force: bool = False,
    on_article: Callable[[AddReport], None] | None = None,
) -> AddReport:
    """Ingest articles (or read failures) from ``items`` into ``store``.

    ``extractor_factory`` is called once, and only if some article needs
    extracting (so re-adding an unchanged corpus loads no model). With
    ``strict`` the first failure raises :class:`InputError`; otherwise
    failures are collected in the report and the rest go on.
    """
    report = AddReport()
    extractor = None
    stopped: list[InputError] = []  # with strict: the failure that ends the run

    def tick():
        if on_article:
            on_article(report)

    def pending() -> Iterator[Article]:
        nonlocal extractor
        for origin, item in items:
            if isinstance(item, InputError):
                if strict:
                    # stop reading, but let the articles already read be written first
                    stopped.append(item)
                    return
                report.failed.append((origin, str(item)))
                tick()
                continue
            if extractor is None:
                extractor = extractor_factory()
            if not force and store.is_unchanged(item, extractor.name):
                report.unchanged += 1
                tick()
                continue
            yield item

    first = _peek(pending())
    if first is None:
        if stopped:
            raise stopped[0]
        return report
    for ex in extractor.extract_many(first):
        if ex.extra.get("error"):
            # kg's own rules failed on this article: say so, keep what the store had
            origin = ex.article.origin or ex.article.id
            report.failed.append((origin, f"{origin}: extraction failed ({ex.extra['error']})"))
            tick()
            continue
        replaced = store.put_article(ex.article.id, article_quads(ex))
        if replaced:
            report.replaced += 1
        else:
            report.added += 1
        if (report.added + report.replaced) % store.flush_every == 0:
            store.flush()  # keeps the writer's memory flat on long ingests
        report.entities += len(ex.entities)
        report.claims += sum(1 for c in ex.claims if c.polarity == "asserted")
        tick()
    if stopped:
        raise stopped[0]
    if report.added + report.replaced >= store.flush_every:
        store.optimize()  # compacted, the store answers the next reads and writes faster
    return report


def _peek(it: Iterator[Article]) -> Iterator[Article] | None:
    """``it`` again if it yields anything (runs it up to its first item), else None."""
    try:
        head = next(it)
    except StopIteration:
        return None

    def chain():
        yield head
        yield from it

    return chain()


def remove_articles(store: KGStore, ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Remove articles by id: (removed, not found)."""
    removed, missing = [], []
    for article_id in ids:
        (removed if store.remove_article(article_id) else missing).append(article_id)
    return removed, missing


def rebuild(
    store: KGStore,
    extractor_factory: Callable[[], object],
    on_article: Callable[[AddReport], None] | None = None,
    ids: Iterable[str] | None = None,
) -> AddReport:
    """Re-extract stored articles (all, or those in ``ids``) from their stored
    text and metadata."""
    ids = store.article_ids() if ids is None else sorted(set(ids))
    articles = ((i, store.read_article(i)) for i in ids)
    items = ((i, a) for i, a in articles if a is not None)
    return add_articles(store, items, extractor_factory, force=True, on_article=on_article)
