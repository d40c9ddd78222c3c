"""Networks projected from the claims graph: entity, co-mention and article-entity (bipartite).

Nodes are keyed by IRI and carry ``label``, ``type`` and ``kind`` ("entity"
or "article"). Only nodes that have an edge are in a network. Edges carry
``weight`` (the number of distinct articles behind them), ``first`` and
``last`` (dates), ``articles``, ``sources`` and ``titles`` (lists),
``predicate`` (in the entity network the claim's, else "co-mention" or
"mentions"), ``directed`` and ``evidence`` (dicts of article, title, source,
date and sentence; the sentence is None outside the entity network); and in
the entity network ``claims`` (their IRIs).

Symmetric predicates (partnerOf, mergesWith, rivalOf) are stored once, with
``directed=False``, from the entity whose IRI sorts first; "A partnerOf B"
and "B partnerOf A" are the same edge. A claim whose subject is its object
is not an edge.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..errors import KGError
from ..graph.store import KGStore
from ..predicates import SYMMETRIC_PREDICATES
from ..vocab import article_iri
from .data import ArticleInfo, ClaimInfo, NetworkData, read_network_data
from .filters import Filters

__all__ = [
    "NETWORK_KINDS",
    "build_network",
    "entity_network",
    "comention_network",
    "bipartite_network",
    "edge_label",
    "load_network",
]

#: The networks kg projects, by the name users choose them with.
NETWORK_KINDS = ("entity", "comention", "bipartite")


def _support_date(article: ArticleInfo, claim: ClaimInfo | None = None) -> str | None:
    """When a piece of support dates from: the article's publication, else the claim's date."""
    return article.published or (claim.date if claim is not None else None)


def _add_entity_node(g: nx.Graph, data: NetworkData, iri: str) -> None:
    if iri in g:
        return
    e = data.entity(iri)
    g.add_node(
        iri,
        label=e.label,
        type=e.type,
        kind="entity",
        aliases=list(e.aliases),
        mentions=len(e.articles),
    )


def _edge_provenance(data: NetworkData, supports: list[tuple[str, str | None]]) -> dict:
    """weight, first, last, articles, sources and titles from (article id, date) pairs."""
    articles = sorted({a for a, _ in supports})
    dates = sorted(d for _, d in supports if d)
    infos = [data.articles.get(a, ArticleInfo(a)) for a in articles]
    return {
        # distinct texts: a syndicated copy of the same story supports an edge once
        "weight": len({i.text_hash or i.id for i in infos}),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "articles": articles,
        "sources": sorted({i.source for i in infos if i.source}),
        "titles": [i.title or i.id for i in infos],
    }


def _article_evidence(data: NetworkData, article_ids: list[str]) -> list[dict]:
    """Evidence for an edge made of whole articles: each article, no sentence."""
    out = []
    for aid in article_ids:
        a = data.articles.get(aid, ArticleInfo(aid))
        out.append(
            {
                "article": aid,
                "title": a.title,
                "source": a.source,
                "date": a.published,
                "sentence": None,
                **({"url": a.url} if a.url else {}),
            }
        )
    return out


def _selected_articles(data: NetworkData, filters: Filters) -> dict[str, ArticleInfo]:
    return {
        aid: a
        for aid, a in data.articles.items()
        if filters.source_passes(a.source) and filters.date_passes(a.published)
    }


def _selected_claims(data: NetworkData, filters: Filters) -> list[tuple[ClaimInfo, str | None]]:
    """The claims that pass every filter but min-support, with their support date."""
    out = []
    for c in data.claims:
        art = data.articles.get(c.article, ArticleInfo(c.article))
        date = _support_date(art, c)
        if c.subject == c.object or not filters.predicate_passes(c.predicate):
            continue
        if not (filters.source_passes(art.source) and filters.date_passes(date)):
            continue
        if not filters.holds_at(date, c.ended, c.end_date):
            continue
        if not (
            filters.type_passes(data.entity(c.subject).type)
            and filters.type_passes(data.entity(c.object).type)
        ):
            continue
        out.append((c, date))
    return out


def entity_network(data: NetworkData, filters: Filters | None = None) -> nx.MultiDiGraph:
    """Entities linked by what the articles claim: one edge per predicate between two entities.

    Examples
    --------
    >>> from kg.network.data import ArticleInfo, ClaimInfo, EntityInfo, NetworkData
    >>> d = NetworkData.from_records(
    ...     [ArticleInfo("a1", "T", "2026-01-02", "Wire")],
    ...     [EntityInfo("e:a", "A", "Person"), EntityInfo("e:b", "B", "Organization")],
    ...     [ClaimInfo("c1", "a1", "e:a", "founderOf", "e:b", "A founded B.")])
    >>> g = entity_network(d)
    >>> [(g.nodes[u]["label"], k, g.nodes[v]["label"], w) for u, v, k, w in
    ...  g.edges(keys=True, data="weight")]
    [('A', 'founderOf', 'B', 1)]
    """
    filters = filters or Filters()
    g = nx.MultiDiGraph(kind="entity", filters=filters.describe())
    buckets: dict[tuple[str, str, str], list[tuple[ClaimInfo, str | None]]] = defaultdict(list)
    for claim, date in _selected_claims(data, filters):
        u, v = claim.subject, claim.object
        if claim.predicate in SYMMETRIC_PREDICATES and v < u:
            u, v = v, u
        buckets[(u, v, claim.predicate)].append((claim, date))
    for (u, v, predicate), support in sorted(buckets.items()):
        prov = _edge_provenance(data, [(c.article, d) for c, d in support])
        if prov["weight"] < filters.min_support:
            continue
        evidence, seen = [], set()
        for c, d in sorted(support, key=lambda cd: (cd[1] or "", cd[0].article, cd[0].iri)):
            if (c.article, c.sentence) in seen:
                continue
            seen.add((c.article, c.sentence))
            art = data.articles.get(c.article, ArticleInfo(c.article))
            evidence.append(
                {
                    "article": c.article,
                    "title": art.title,
                    "source": art.source,
                    "date": d,
                    "sentence": c.sentence,
                    **({"url": art.url} if art.url else {}),
                }
            )
        _add_entity_node(g, data, u)
        _add_entity_node(g, data, v)
        g.add_edge(
            u,
            v,
            key=predicate,
            predicate=predicate,
            directed=predicate not in SYMMETRIC_PREDICATES,
            claims=sorted(c.iri for c, _ in support),
            evidence=evidence,
            **prov,
        )
    return g


def _article_entities(data: NetworkData, filters: Filters) -> dict[str, list[str]]:
    """Selected article id -> the selected entities it mentions."""
    articles = _selected_articles(data, filters)
    allowed = None
    if filters.predicates:
        allowed = set()
        for c, _ in _selected_claims(data, filters):
            allowed.update((c.subject, c.object))
    out: dict[str, list[str]] = defaultdict(list)
    for e in data.entities.values():
        if not filters.type_passes(e.type) or (allowed is not None and e.iri not in allowed):
            continue
        for aid in e.articles:
            if aid in articles:
                out[aid].append(e.iri)
    return out


def comention_network(data: NetworkData, filters: Filters | None = None) -> nx.Graph:
    """Entities linked when the same article mentions both; weight = shared articles.

    With predicates given, only entities that take part in such a claim (in
    the selected articles) are in it.
    """
    filters = filters or Filters()
    g = nx.Graph(kind="comention", filters=filters.describe())
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for aid, ents in _article_entities(data, filters).items():
        ents = sorted(set(ents))
        for i, u in enumerate(ents):
            for v in ents[i + 1 :]:
                pairs[(u, v)].append(aid)
    for (u, v), aids in sorted(pairs.items()):
        prov = _edge_provenance(data, [(a, data.articles[a].published) for a in aids])
        if prov["weight"] < filters.min_support:
            continue
        _add_entity_node(g, data, u)
        _add_entity_node(g, data, v)
        g.add_edge(
            u,
            v,
            predicate="co-mention",
            directed=False,
            evidence=_article_evidence(data, prov["articles"]),
            **prov,
        )
    return g


def bipartite_network(data: NetworkData, filters: Filters | None = None) -> nx.Graph:
    """Articles (keyed by article IRI) linked to the entities they mention.

    Nodes carry networkx's ``bipartite`` attribute: 0 for articles, 1 for entities.

    An entity needs at least ``min_support`` selected articles to be in it.
    """
    filters = filters or Filters()
    g = nx.Graph(kind="bipartite", filters=filters.describe())
    by_entity: dict[str, list[str]] = defaultdict(list)
    for aid, ents in _article_entities(data, filters).items():
        for e in ents:
            by_entity[e].append(aid)
    for e, aids in sorted(by_entity.items()):
        if len(set(aids)) < filters.min_support:
            continue
        _add_entity_node(g, data, e)
        g.nodes[e]["bipartite"] = 1
        for aid in sorted(set(aids)):
            art = data.articles[aid]
            node = str(article_iri(aid))
            if node not in g:
                g.add_node(
                    node,
                    label=art.title or aid,
                    type="Article",
                    kind="article",
                    bipartite=0,
                    article=aid,
                    published=art.published,
                    source=art.source,
                )
            g.add_edge(
                node,
                e,
                predicate="mentions",
                directed=False,
                evidence=_article_evidence(data, [aid]),
                **_edge_provenance(data, [(aid, art.published)]),
            )
    return g


_BUILDERS = {
    "entity": entity_network,
    "comention": comention_network,
    "bipartite": bipartite_network,
}


def build_network(
    data: NetworkData, kind: str = "entity", filters: Filters | None = None
) -> nx.Graph:
    """The network of one of :data:`NETWORK_KINDS`, with the filters applied."""
    if kind not in _BUILDERS:
        raise KGError(f"unknown network {kind!r}; use one of {', '.join(NETWORK_KINDS)}")
    return _BUILDERS[kind](data, filters)


def edge_label(data: dict) -> str:
    """What an edge is called on a picture: its predicate, or how it was made."""
    return str(data.get("predicate") or "")


def load_network(store: KGStore, kind: str = "entity", filters=None):
    """Read the store and build one network: ``(graph, data)``; ``data`` resolves names."""
    data = read_network_data(store)
    return build_network(data, kind, filters), data
