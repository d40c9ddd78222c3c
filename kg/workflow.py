"""The jobs that move articles through every stage: add, remove, rebuild.

read -> extract -> build RDF -> store. Each article is written in one
transaction, which also brings the merged graph and the derived graph of
statements and conflicts up to date (:mod:`kg.graph.changes`); an article
whose text, metadata and pipeline are unchanged is not extracted again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InputError, KGError
from .graph.build import article_quads
from .graph.store import KGStore
from .model import Article

__all__ = ["AddReport", "add_articles", "remove_articles", "rebuild", "merge_entities",
           "alias_entity", "split_entity", "rename_entity", "undo_curation"]


#: Articles written between two flushes of the store during an ingest.
FLUSH_EVERY = 1000


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
        if (report.added + report.replaced) % FLUSH_EVERY == 0:
            store.flush()  # keeps the writer's memory flat on long ingests
        report.entities += len(ex.entities)
        report.claims += sum(1 for c in ex.claims if c.polarity == "asserted")
        tick()
    if stopped:
        raise stopped[0]
    if report.added + report.replaced >= FLUSH_EVERY:
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


def rebuild(store: KGStore, extractor_factory: Callable[[], object],
            on_article: Callable[[AddReport], None] | None = None,
            ids: Iterable[str] | None = None) -> AddReport:
    """Re-extract stored articles (all, or those in ``ids``) from their stored
    text and metadata."""
    ids = store.article_ids() if ids is None else sorted(set(ids))
    articles = ((i, store.read_article(i)) for i in ids)
    items = ((i, a) for i, a in articles if a is not None)
    return add_articles(store, items, extractor_factory, force=True, on_article=on_article)


def merge_entities(store: KGStore, curation_path, source: str, target: str,
                   extractor_factory: Callable[[object], object]) -> tuple[dict, dict, AddReport]:
    """Record that entity ``source`` is entity ``target`` and re-read the articles
    that mention either. ``extractor_factory(curation)`` makes the extractor."""
    from .curation import Curation
    from .query.listing import find_entity, list_entities

    entities = list_entities(store)
    a, b = find_entity(entities, source), find_entity(entities, target)
    if a["iri"] == b["iri"]:
        raise KGError(f"{source!r} and {target!r} are one entity already")
    curation = Curation.load(curation_path, repair=True)
    curation.add_merge(_key(a), _key(b), b["label"])
    curation.save(curation_path)
    report = rebuild(store, lambda: extractor_factory(curation),
                     ids=set(a["articles"]) | set(b["articles"]))
    return a, b, _noted(report, curation)


def alias_entity(store: KGStore, curation_path, name: str, alias: str,
                 extractor_factory: Callable[[object], object]) -> tuple[dict, AddReport]:
    """Record that ``alias`` always names entity ``name`` and re-read the
    articles whose text contains it."""
    from .curation import Curation
    from .query.listing import find_entity, list_entities

    entity = find_entity(list_entities(store), name)
    curation = Curation.load(curation_path, repair=True)
    curation.add_alias(alias, _key(entity), entity["label"])  # refuses "" before any write
    curation.save(curation_path)
    rows = store.select("SELECT ?id ?s WHERE { GRAPH ?g { ?a nkg:articleId ?id ; "
                        "schema:articleBody ?t FILTER(CONTAINS(LCASE(?t), LCASE(?s))) } }",
                        bindings={"s": alias})
    report = rebuild(store, lambda: extractor_factory(curation), ids={r["id"] for r in rows})
    return entity, _noted(report, curation)


def _noted(report: AddReport, curation) -> AddReport:
    """The report, noting the unusable rows of the curation file that were left out."""
    report.notes.extend(f"left out of the curation file: {d}" for d in curation.dropped)
    return report


def _key(entity: dict) -> str:
    from urllib.parse import unquote

    return unquote(entity["iri"].rsplit("/", 1)[-1])


# ------------------------------------------------------------------ more curation

def split_entity(store: KGStore, curation_path, name: str,
                 extractor_factory: Callable[[object], object]) -> tuple[str, str, AddReport]:
    """Undo the merge of ``name`` (the merged entity's key, or the name it had) into
    another entity, and re-read the articles of that entity: (key, merged-into key,
    report)."""
    from .curation import Curation, entity_key

    curation = Curation.load(curation_path, repair=True)
    merged = {m["from"] for m in curation.merges}
    key = name if name in merged else entity_key(name)
    if key not in merged:
        raise KGError(_not_merged(store, curation, name))
    target = curation.resolve_key(key)[0]
    curation.remove_merge(key)
    report = _recurate(store, curation_path, curation, {key, target}, set(), extractor_factory)
    return key, target, _noted(report, curation)


def _not_merged(store: KGStore, curation, name: str) -> str:
    """Why ``name`` cannot be split, and what could be."""
    import difflib

    from .query.listing import find_entity, list_entities

    try:
        entity = find_entity(list_entities(store), name)
    except KGError:
        entity = None
    if entity is not None:
        inside = curation.merged_into(_key(entity))
        if inside:
            return (f"{entity['label']} is the entity others were merged into; split one of "
                    f"them: {', '.join(m['from'] for m in inside)}")
    merged = sorted(m["from"] for m in curation.merges)
    if not merged:
        return f"no merge to split: {name!r} was never merged (see `kg entities merge`)"
    close = difflib.get_close_matches(name, merged, n=4, cutoff=0.5)
    return (f"{name!r} was not merged into another entity; merged: "
            f"{', '.join(close or merged[:6])}")


def rename_entity(store: KGStore, curation_path, name: str, label: str,
                  extractor_factory: Callable[[object], object]) -> tuple[dict, str, AddReport]:
    """Call entity ``name`` ``label`` from now on (its key follows the new name) and
    re-read the articles that mention it: (entity, new key, report)."""
    from .curation import Curation, entity_key
    from .query.listing import find_entity, list_entities

    label = " ".join(label.split())
    entities = list_entities(store)
    entity = find_entity(entities, name)
    if not entity_key(label):
        raise KGError(f"{label!r} is not a name")
    if label == entity["label"]:
        raise KGError(f"{entity['label']} is called so already")
    new_key = entity_key(label)
    clash = [e for e in entities if _key(e) == new_key and e["iri"] != entity["iri"]]
    if clash:
        raise KGError(f"{label!r} would make {entity['label']} one entity with "
                      f"{clash[0]['label']}; use `kg entities merge` for that")
    curation = Curation.load(curation_path, repair=True)
    curation.add_rename(_key(entity), label)
    report = _recurate(store, curation_path, curation, {_key(entity), new_key}, set(),
                       extractor_factory)
    return entity, new_key, _noted(report, curation)


def undo_curation(store: KGStore, curation_path,
                  extractor_factory: Callable[[object], object]) -> tuple[dict, AddReport]:
    """Take back the last curation change (merge, split, alias or rename) and re-read the
    articles it touched: (the history entry undone, report)."""
    from .curation import Curation, entity_key
    from .names import name_key

    curation = Curation.load(curation_path, repair=True)
    before = Curation.load(curation_path, repair=True)
    if not curation.history and curation.dropped:
        # nothing to undo but a damaged file: save it without the rows it cannot use
        curation.save(curation_path)
        entry = {"change": "left out " + "; ".join(curation.dropped), "section": None}
        return entry, _noted(AddReport(), Curation())
    entry = curation.undo()
    keys: set[str] = set()
    names: set[str] = set()
    for row in [*(entry.get("added") or []), *(entry.get("removed") or [])]:
        keys.update(row[k] for k in ("from", "into", "entity")
                    if isinstance(row.get(k), str) and row[k].strip())
        if entry["section"] == "rename" and isinstance(row.get("label"), str):
            keys.add(entity_key(row["label"]))
        if entry["section"] == "alias" and isinstance(row.get("name"), str) \
                and name_key(row["name"]):
            names.add(row["name"])
    keys |= {c.resolve_key(k)[0] for k in set(keys) for c in (before, curation)}
    report = _recurate(store, curation_path, curation, keys, names, extractor_factory)
    return entry, _noted(report, curation)


def _recurate(store: KGStore, curation_path, curation, keys: set[str], names: set[str],
              extractor_factory: Callable[[object], object]) -> AddReport:
    """Save ``curation`` and re-read the articles that mention an entity in ``keys``
    or contain one of ``names``."""
    from .vocab import entity_iri

    curation.save(curation_path)
    ids: set[str] = set()
    if keys:
        values = " ".join(entity_iri(k).n3() for k in sorted(keys))
        rows = store.select("SELECT DISTINCT ?id WHERE { GRAPH ?g { ?a nkg:articleId ?id ; "
                            f"schema:mentions ?e VALUES ?e {{ {values} }} }} }}")
        ids |= {r["id"] for r in rows}
    for name in sorted(names):
        rows = store.select("SELECT ?id ?s WHERE { GRAPH ?g { ?a nkg:articleId ?id ; "
                            "schema:articleBody ?t FILTER(CONTAINS(LCASE(?t), LCASE(?s))) } }",
                            bindings={"s": name})
        ids |= {r["id"] for r in rows}
    return rebuild(store, lambda: extractor_factory(curation), ids=ids)
