"""What the explorer shows: an entity with everything said about it, an article with its claims.

Each read names its entity, article, claims or graphs in the query text, so that
the store answers from its indexes: an entity's page costs what the entity has,
whatever the size of the store (see :mod:`kg.graph.changes` for why).

>>> slug_of("https://w3id.org/nkg/entity/ren%C3%A9")
'ren%C3%A9'
>>> entity_iri_for("rené") == entity_iri_for("ren%C3%A9")
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import unquote

from pyoxigraph import Literal

from ..graph.derive import (
    CLAIM_CORE_VARIABLES,
    CLAIM_DETAIL_VARIABLES,
    CLAIM_VARIABLES,
    IN_ARTICLE_GRAPH,
    build_conflicts,
    build_statements,
    claim_core_pattern,
    claim_details_pattern,
    claim_pattern,
    claim_record,
    entity_label,
    statement_key,
)
from ..graph.store import KGStore
from ..predicates import SYMMETRIC_PREDICATES
from ..vocab import PREFIXES, article_graph_iri, article_iri, entity_iri, local_name
from .timeline import timeline_rows

__all__ = [
    "slug_of",
    "entity_iri_for",
    "describe_entities",
    "article_details",
    "entity_claims",
    "entity_view",
    "neighbourhood",
    "article_view",
    "mark_names",
    "article_id_of",
]

#: Entities, claims or articles looked up in one query (Oxigraph's time for a UNION of
#: lookups grows faster than their number: 20 a query read an entity page of 500 claims
#: in two thirds of the time 40 did, bench/entity_page.py).
_BATCH = 20


def slug_of(iri: str) -> str:
    """The last segment of an IRI, as it stands in it (percent-encoded)."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def entity_iri_for(slug: str) -> str:
    """The IRI of the entity whose key is ``slug`` (as typed, or percent-encoded)."""
    return str(entity_iri(unquote(slug)))


def article_id_of(iri: str) -> str | None:
    """The article id in an article's or article graph's IRI, else None."""
    for prefix in (PREFIXES["article"], PREFIXES["graph"]):
        if iri.startswith(prefix) and "/" not in iri[len(prefix) :]:
            return unquote(iri[len(prefix) :])
    return None


def _iri(value: str) -> str:
    return f"<{value}>"


def _literal(text: str) -> str:
    return str(Literal(text))


def _batches(items) -> list[list]:
    items = sorted(items)
    return [items[i : i + _BATCH] for i in range(0, len(items), _BATCH)]


# ------------------------------------------------------------------ reads
def describe_entities(store: KGStore, iris) -> dict[str, dict]:
    """Entity IRI -> ``iri``, ``label``, ``type``, ``aliases``, ``articles`` (how many
    describe it) and ``wikidata`` (an id, or None), for those the store describes."""
    labels: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set] = defaultdict(set)
    wikidata: dict[str, Counter] = defaultdict(Counter)
    for batch in _batches({i for i in iris if i}):
        blocks = " UNION ".join(
            f"{{ BIND({_iri(e)} AS ?e) GRAPH ?g {{ {_iri(e)} a ?type ; skos:prefLabel ?label . "
            f"OPTIONAL {{ {_iri(e)} skos:altLabel ?alias }} "
            f"OPTIONAL {{ {_iri(e)} owl:sameAs ?wd }} }} {IN_ARTICLE_GRAPH} }}"
            for e in batch
        )
        for r in store.select(f"SELECT ?e ?g ?type ?label ?alias ?wd WHERE {{ {blocks} }}"):
            e = r["e"]
            labels[e][r["label"]].add(r["g"])
            types[e][(r["g"], local_name(r["type"]))] = 1
            if "alias" in r:
                aliases[e].add(r["alias"])
            if r.get("wd", "").startswith(PREFIXES["wd"]):
                wikidata[e][(r["g"], local_name(r["wd"]))] = 1
    out = {}
    for e, by_label in labels.items():
        label = entity_label(Counter({n: len(g) for n, g in by_label.items()}))
        kinds = Counter(t for _, t in types[e])
        wds = Counter(w for _, w in wikidata[e])
        out[e] = {
            "iri": e,
            "slug": slug_of(e),
            "label": label,
            "type": max(kinds, key=lambda t: (kinds[t], t)) if kinds else "Other",
            "aliases": sorted((aliases[e] | set(by_label)) - {label}),
            "articles": len(set().union(*by_label.values())),
            "wikidata": max(wds, key=lambda w: (wds[w], w)) if wds else None,
        }
    return out


def article_details(store: KGStore, ids) -> dict[str, dict]:
    """Article id -> ``id``, ``title``, ``published``, ``source``, ``url`` and ``hash``."""
    out = {}
    for batch in _batches(set(ids)):
        blocks = " UNION ".join(
            f"{{ BIND({_literal(i)} AS ?id) GRAPH {_iri(article_graph_iri(i))} {{ "
            f"{_iri(article_iri(i))} nkg:articleId ?id . "
            f"OPTIONAL {{ {_iri(article_iri(i))} schema:headline ?title }} "
            f"OPTIONAL {{ {_iri(article_iri(i))} schema:datePublished ?published }} "
            f"OPTIONAL {{ {_iri(article_iri(i))} nkg:outlet ?source }} "
            f"OPTIONAL {{ {_iri(article_iri(i))} schema:url ?url }} "
            f"OPTIONAL {{ {_iri(article_iri(i))} nkg:textHash ?hash }} }} }}"
            for i in batch
        )
        for r in store.select(
            f"SELECT ?id ?title ?published ?source ?url ?hash WHERE {{ {blocks} }}"
        ):
            out[r["id"]] = {
                "id": r["id"],
                "title": r.get("title"),
                "published": (r.get("published") or "")[:10] or None,
                "source": r.get("source"),
                "url": r.get("url"),
                "hash": r.get("hash") or r["id"],
            }
    return out


def entity_claims(store: KGStore, iri: str, *, details: bool = True) -> list[dict]:
    """The rows (:data:`~kg.graph.derive.CLAIM_VARIABLES`) of every claim with the entity
    ``iri`` as its subject or object, any polarity; without ``details``, only the core
    of each (no attribution, amount or dates)."""
    e = _iri(iri)
    cores = store.select(
        f"SELECT {CLAIM_CORE_VARIABLES} WHERE {{ "
        f"{{ BIND({e} AS ?s) {claim_core_pattern(e, '?o')} }} UNION "
        f"{{ BIND({e} AS ?o) {claim_core_pattern('?s', e)} FILTER(?s != {e}) }} }}"
    )
    if not details:
        return cores
    more: dict[tuple, list[dict]] = defaultdict(list)
    for batch in _batches({(r["c"], r["g"]) for r in cores}):
        blocks = " UNION ".join(
            f"{{ BIND({_iri(c)} AS ?c) BIND({_iri(g)} AS ?g) "
            f"{claim_details_pattern(_iri(c), _iri(g))} }}"
            for c, g in batch
        )
        for r in store.select(f"SELECT ?c ?g {CLAIM_DETAIL_VARIABLES} WHERE {{ {blocks} }}"):
            more[(r["c"], r["g"])].append(r)
    return [
        {**core, **extra} for core in cores for extra in more.get((core["c"], core["g"])) or [{}]
    ]


def _ref(entities: dict[str, dict]):
    def ref(iri: str | None, with_type: bool = True) -> dict | None:
        if iri is None:
            return None
        e = entities.get(iri) or {"label": local_name(iri), "type": "Other"}
        out = {"iri": iri, "label": e["label"], "slug": slug_of(iri)}
        if with_type:
            out["type"] = e["type"]
        return out

    return ref


# ------------------------------------------------------------------ marking names
def _names_pattern(names) -> re.Pattern | None:
    names = sorted({n for n in names if n and n.strip()}, key=lambda n: (-len(n), n))
    if not names:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def mark_names(text: str, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """``text`` cut into (piece, key) pairs: key is ``names[name]`` where a name of
    ``names`` stands (longest first, whole words), else None.

    >>> mark_names("Acme sued Globex.", {"Acme": "s", "Globex": "o"})
    [('Acme', 's'), (' sued ', None), ('Globex', 'o'), ('.', None)]
    """
    pattern = _names_pattern(names)
    if pattern is None:
        return [(text, None)] if text else []
    out, pos = [], 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        out.append((m.group(), names[m.group()]))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out


# ------------------------------------------------------------------ an entity
def _network(
    center: str, claims: list[dict], entities: dict[str, dict], articles: dict[str, dict]
) -> dict:
    """Nodes and edges (one per statement) around ``center``, for the page's drawing."""
    nodes = {center}
    edges: dict[tuple, dict] = {}
    for c in claims:
        if c["polarity"] != "asserted":
            continue
        s, p, o = c["subject"]["iri"], c["predicate"], c["object"]["iri"]
        key = statement_key(s, p, o)
        nodes |= {s, o}
        edge = edges.setdefault(
            key,
            {
                "from": key[0],
                "to": key[2],
                "predicate": p,
                "directed": p not in SYMMETRIC_PREDICATES,
                "evidence": [],
                "texts": set(),
            },
        )
        art = articles.get(c["article"], {})
        edge["texts"].add(art.get("hash") or c["article"])
        edge["evidence"].append(
            {
                "sentence": c["sentence"],
                "article": c["article"],
                "start": c["start"],
                "title": art.get("title"),
                "source": art.get("source"),
                "date": art.get("published"),
            }
        )
    out_edges = []
    for i, (_key, e) in enumerate(sorted(edges.items())):
        texts = e.pop("texts")
        e["evidence"].sort(key=lambda x: (x["date"] or "", x["article"]), reverse=True)
        out_edges.append({"id": f"e{i}", **e, "weight": len(texts)})
    return {
        "center": center,
        "nodes": [
            {
                "id": n,
                "label": entities.get(n, {}).get("label") or local_name(n),
                "type": entities.get(n, {}).get("type") or "Other",
                "slug": slug_of(n),
            }
            for n in sorted(nodes)
        ],
        "edges": out_edges,
    }


def neighbourhood(store: KGStore, iri: str) -> dict | None:
    """The entity ``iri`` and its neighbours by asserted claims, as :func:`entity_view`'s
    ``network`` (None for an entity the store does not describe)."""
    rows = [r for r in entity_claims(store, iri, details=False) if r["pol"] == "asserted"]
    entities = describe_entities(store, {iri} | {r["s"] for r in rows} | {r["o"] for r in rows})
    if iri not in entities:
        return None
    ref = _ref(entities)
    claims = [claim_record(r, ref) for r in rows]
    articles = article_details(store, {c["article"] for c in claims})
    return _network(iri, claims, entities, articles)


def entity_view(store: KGStore, iri: str) -> dict | None:
    """Everything the entity page shows, or None when the store does not describe ``iri``.

    ``entity`` (see :func:`describe_entities`); ``groups``: its claims by predicate
    and direction, each claim with its article, support and the sentence cut into
    pieces that mark the subject's and object's names; ``statements``, ``conflicts``,
    ``timeline`` and ``network`` (see :func:`neighbourhood`).
    """
    rows = entity_claims(store, iri)
    others = (
        {r["s"] for r in rows} | {r["o"] for r in rows} | {r["attr"] for r in rows if r.get("attr")}
    )
    entities = describe_entities(store, others | {iri})
    if iri not in entities:
        return None
    ref = _ref(entities)
    claims = [claim_record(r, ref) for r in rows]
    claims.sort(key=lambda c: (c["article"], c["start"], c["iri"]))
    articles = article_details(store, {c["article"] for c in claims})
    statements = build_statements(claims, articles)
    conflicts = build_conflicts(claims, articles, statements)
    by_key = {
        statement_key(s["subject"]["iri"], s["predicate"], s["object"]["iri"]): s
        for s in statements
    }
    disputed = defaultdict(list)
    for k in conflicts:
        disputed[k["statement"]].append(k["kind"])
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in claims:
        s, o = c["subject"]["iri"], c["object"]["iri"]
        direction = (
            "both" if c["predicate"] in SYMMETRIC_PREDICATES else "out" if s == iri else "in"
        )
        st = by_key.get(statement_key(s, c["predicate"], o))
        names = {}
        for end, key in ((c["object"], "object"), (c["subject"], "subject")):
            e = entities.get(end["iri"], {})
            for n in [e.get("label"), *e.get("aliases", [])]:
                if n:
                    names[n] = key
        groups[(c["predicate"], direction)].append(
            {
                **c,
                "article_info": articles.get(c["article"], {"id": c["article"]}),
                "support": st["support"] if st else 0,
                "statement": st["iri"] if st else None,
                "conflicts": disputed.get(st["iri"], []) if st else [],
                "pieces": mark_names(c["sentence"], names),
            }
        )
    ordered = []
    for (predicate, direction), items in sorted(
        groups.items(), key=lambda kv: (-len(kv[1]), kv[0])
    ):
        items.sort(
            key=lambda x: (
                -x["support"],
                x["polarity"] != "asserted",
                x["object"]["label"] if direction == "out" else x["subject"]["label"],
                -(int(bool(x["article_info"].get("published")))),
                x["article"],
                x["start"],
            )
        )
        ordered.append({"predicate": predicate, "direction": direction, "claims": items})
    return {
        "entity": entities[iri],
        "groups": ordered,
        "claims": len(claims),
        "statements": statements,
        "conflicts": conflicts,
        "timeline": timeline_rows(iri, claims, articles),
        "network": _network(iri, claims, entities, articles),
    }


# ------------------------------------------------------------------ an article
def _article_text(text: str, claims: list[dict], names: dict[str, str]) -> list[dict]:
    """The text as blocks: runs outside any claim's sentence, and sentences (with their
    claims) where one is; each block's ``pieces`` mark the entities' names."""
    spans: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for c in claims:
        if 0 <= c["start"] < c["end"] <= len(text):
            spans[(c["start"], c["end"])].append(c)
    blocks, pos = [], 0
    for (start, end), found in sorted(spans.items()):
        if start < pos:  # overlaps the sentence before: marked with it
            blocks[-1]["claims"] += found
            continue
        if start > pos:
            blocks.append({"sentence": False, "pieces": mark_names(text[pos:start], names)})
        blocks.append(
            {
                "sentence": True,
                "start": start,
                "end": end,
                "claims": list(found),
                "pieces": mark_names(text[start:end], names),
            }
        )
        pos = end
    if pos < len(text):
        blocks.append({"sentence": False, "pieces": mark_names(text[pos:], names)})
    return blocks


def article_view(store: KGStore, article_id: str) -> dict | None:
    """Everything the article page shows, or None when there is no such article.

    ``article`` (id, title, published, source, url, text), ``entities`` it
    mentions, ``claims`` (any polarity, in text order) and ``blocks``: the text
    cut at each claim's sentence, the entities' names marked (see
    :func:`mark_names`, keyed by entity slug).
    """
    g, a = _iri(article_graph_iri(article_id)), _iri(article_iri(article_id))
    rows = store.select(f"SELECT ?p ?o WHERE {{ GRAPH {g} {{ {a} ?p ?o }} }}")
    fields = {
        PREFIXES["schema"] + "headline": "title",
        PREFIXES["schema"] + "articleBody": "text",
        PREFIXES["schema"] + "datePublished": "published",
        PREFIXES["nkg"] + "outlet": "source",
        PREFIXES["schema"] + "url": "url",
        PREFIXES["nkg"] + "articleId": "id",
    }
    article = {fields[r["p"]]: r["o"] for r in rows if r["p"] in fields}
    if article.get("id") != article_id:
        return None
    article["published"] = (article.get("published") or "")[:10] or None
    described: dict[str, dict] = {}
    found: dict[str, dict] = defaultdict(
        lambda: {"labels": set(), "aliases": set(), "types": set()}
    )
    for r in store.select(
        f"SELECT ?e ?type ?label ?alias WHERE {{ GRAPH {g} {{ "
        f"{a} schema:mentions ?e . ?e a ?type ; skos:prefLabel ?label . "
        f"OPTIONAL {{ ?e skos:altLabel ?alias }} }} }}"
    ):
        d = found[r["e"]]
        d["labels"].add(r["label"])
        d["types"].add(local_name(r["type"]))
        if "alias" in r:
            d["aliases"].add(r["alias"])
    for e, d in found.items():
        label = sorted(d["labels"], key=lambda n: (-len(n), n))[0]
        described[e] = {
            "iri": e,
            "slug": slug_of(e),
            "label": label,
            "type": sorted(d["types"])[0],
            "aliases": sorted((d["aliases"] | d["labels"]) - {label}),
        }
    claim_rows = store.select(f"SELECT {CLAIM_VARIABLES} WHERE {{ {claim_pattern(graph=g)} }}")
    missing = (
        {r["s"] for r in claim_rows}
        | {r["o"] for r in claim_rows}
        | {r["attr"] for r in claim_rows if r.get("attr")}
    ) - set(described)
    described |= describe_entities(store, missing)
    claims = [claim_record({**r, "id": article_id}, _ref(described)) for r in claim_rows]
    unique = {c["iri"]: c for c in claims}
    claims = sorted(unique.values(), key=lambda c: (c["start"], c["predicate"], c["iri"]))
    names = {}
    for e in sorted(found, key=lambda x: described[x]["label"]):
        for n in [described[e]["label"], *described[e]["aliases"]]:
            names.setdefault(n, described[e]["slug"])
    text = article.get("text") or ""
    return {
        "article": article,
        "entities": sorted((described[e] for e in found), key=lambda d: d["label"].lower()),
        "claims": claims,
        "blocks": _article_text(text, claims, names),
    }
