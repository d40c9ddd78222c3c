"""Corrections a person makes to entities: merge, alias, split, rename and undo.

Each is saved to the store's curation file (:mod:`kg.curation`), which every later
ingest honours, and then the articles it touches are read again
(:func:`kg.workflow.rebuild`), so the graph shows it at once. Each returns a
:class:`Correction`: what changed, in a line, and what the re-reading did.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from .curation import Curation, entity_key
from .errors import KGError
from .graph.store import KGStore
from .names import name_key
from .query.listing import find_entity, list_entities
from .vocab import entity_iri
from .workflow import AddReport, rebuild

__all__ = [
    "Correction",
    "merge_entities",
    "alias_entity",
    "split_entity",
    "rename_entity",
    "undo_curation",
]


@dataclass(frozen=True)
class Correction:
    """What a correction did: the change, in a line, and the re-reading of the articles
    it touched (whose ``notes`` say what of the curation file had to be left out)."""

    change: str
    report: AddReport

    def __str__(self) -> str:
        return f"{self.change}; {self.report.replaced} articles re-extracted"


def merge_entities(
    store: KGStore,
    curation_path,
    source: str,
    target: str,
    extractor_factory: Callable[[object], object],
) -> Correction:
    """Record that entity ``source`` is entity ``target`` and re-read the articles
    that mention either. ``extractor_factory(curation)`` makes the extractor."""
    entities = list_entities(store)
    a, b = find_entity(entities, source), find_entity(entities, target)
    if a["iri"] == b["iri"]:
        raise KGError(f"{source!r} and {target!r} are one entity already")
    curation = Curation.load(curation_path, repair=True)
    curation.add_merge(_key(a), _key(b), b["label"])
    curation.save(curation_path)
    report = rebuild(
        store, lambda: extractor_factory(curation), ids=set(a["articles"]) | set(b["articles"])
    )
    return Correction(f"{a['label']} merged into {b['label']}", _noted(report, curation))


def alias_entity(
    store: KGStore,
    curation_path,
    name: str,
    alias: str,
    extractor_factory: Callable[[object], object],
) -> Correction:
    """Record that ``alias`` always names entity ``name`` and re-read the
    articles whose text contains it."""
    entity = find_entity(list_entities(store), name)
    curation = Curation.load(curation_path, repair=True)
    curation.add_alias(alias, _key(entity), entity["label"])  # refuses "" before any write
    curation.save(curation_path)
    rows = store.select(
        "SELECT ?id ?s WHERE { GRAPH ?g { ?a nkg:articleId ?id ; "
        "schema:articleBody ?t FILTER(CONTAINS(LCASE(?t), LCASE(?s))) } }",
        bindings={"s": alias},
    )
    report = rebuild(store, lambda: extractor_factory(curation), ids={r["id"] for r in rows})
    return Correction(f"{alias!r} now names {entity['label']}", _noted(report, curation))


def _noted(report: AddReport, curation) -> AddReport:
    """The report, noting the unusable rows of the curation file that were left out."""
    report.notes.extend(f"left out of the curation file: {d}" for d in curation.dropped)
    return report


def _key(entity: dict) -> str:
    return unquote(entity["iri"].rsplit("/", 1)[-1])


def split_entity(
    store: KGStore, curation_path, name: str, extractor_factory: Callable[[object], object]
) -> Correction:
    """Undo the merge of ``name`` (the merged entity's key, or the name it had) into
    another entity, and re-read the articles of that entity."""
    curation = Curation.load(curation_path, repair=True)
    merged = {m["from"] for m in curation.merges}
    key = name if name in merged else entity_key(name)
    if key not in merged:
        raise KGError(_not_merged(store, curation, name))
    target = curation.resolve_key(key)[0]
    curation.remove_merge(key)
    report = _recurate(store, curation_path, curation, {key, target}, set(), extractor_factory)
    return Correction(f"{key} split out of {target}", _noted(report, curation))


def _not_merged(store: KGStore, curation, name: str) -> str:
    """Why ``name`` cannot be split, and what could be."""
    try:
        entity = find_entity(list_entities(store), name)
    except KGError:
        entity = None
    if entity is not None:
        inside = curation.merged_into(_key(entity))
        if inside:
            return (
                f"{entity['label']} is the entity others were merged into; split one of "
                f"them: {', '.join(m['from'] for m in inside)}"
            )
    merged = sorted(m["from"] for m in curation.merges)
    if not merged:
        return f"no merge to split: {name!r} was never merged (see `kg entities merge`)"
    close = difflib.get_close_matches(name, merged, n=4, cutoff=0.5)
    return f"{name!r} was not merged into another entity; merged: {', '.join(close or merged[:6])}"


def rename_entity(
    store: KGStore,
    curation_path,
    name: str,
    label: str,
    extractor_factory: Callable[[object], object],
) -> Correction:
    """Call entity ``name`` ``label`` from now on (its key follows the new name) and
    re-read the articles that mention it."""
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
        raise KGError(
            f"{label!r} would make {entity['label']} one entity with "
            f"{clash[0]['label']}; use `kg entities merge` for that"
        )
    curation = Curation.load(curation_path, repair=True)
    curation.add_rename(_key(entity), label)
    report = _recurate(
        store, curation_path, curation, {_key(entity), new_key}, set(), extractor_factory
    )
    return Correction(
        f"{entity['label']} is now {label} (entity/{new_key})", _noted(report, curation)
    )


def undo_curation(
    store: KGStore, curation_path, extractor_factory: Callable[[object], object]
) -> Correction:
    """Take back the last curation change (merge, split, alias or rename) and re-read the
    articles it touched."""
    curation = Curation.load(curation_path, repair=True)
    before = Curation.load(curation_path, repair=True)
    if not curation.history and curation.dropped:
        # nothing to undo but a damaged file: save it without the rows it cannot use
        curation.save(curation_path)
        return Correction(
            f"undone: left out {'; '.join(curation.dropped)}", _noted(AddReport(), Curation())
        )
    entry = curation.undo()
    keys: set[str] = set()
    names: set[str] = set()
    for row in [*(entry.get("added") or []), *(entry.get("removed") or [])]:
        keys.update(
            row[k]
            for k in ("from", "into", "entity")
            if isinstance(row.get(k), str) and row[k].strip()
        )
        if entry["section"] == "rename" and isinstance(row.get("label"), str):
            keys.add(entity_key(row["label"]))
        if (
            entry["section"] == "alias"
            and isinstance(row.get("name"), str)
            and name_key(row["name"])
        ):
            names.add(row["name"])
    keys |= {c.resolve_key(k)[0] for k in set(keys) for c in (before, curation)}
    report = _recurate(store, curation_path, curation, keys, names, extractor_factory)
    return Correction(
        f"undone: {entry.get('change') or entry['section']}", _noted(report, curation)
    )


def _recurate(
    store: KGStore,
    curation_path,
    curation,
    keys: set[str],
    names: set[str],
    extractor_factory: Callable[[object], object],
) -> AddReport:
    """Save ``curation`` and re-read the articles that mention an entity in ``keys``
    or contain one of ``names``."""
    curation.save(curation_path)
    ids: set[str] = set()
    if keys:
        values = " ".join(entity_iri(k).n3() for k in sorted(keys))
        rows = store.select(
            "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?a nkg:articleId ?id ; "
            f"schema:mentions ?e VALUES ?e {{ {values} }} }} }}"
        )
        ids |= {r["id"] for r in rows}
    for name in sorted(names):
        rows = store.select(
            "SELECT ?id ?s WHERE { GRAPH ?g { ?a nkg:articleId ?id ; "
            "schema:articleBody ?t FILTER(CONTAINS(LCASE(?t), LCASE(?s))) } }",
            bindings={"s": name},
        )
        ids |= {r["id"] for r in rows}
    return rebuild(store, lambda: extractor_factory(curation), ids=ids)
