"""The entities, claims and articles in the store, as plain dicts.

Their shape is the evaluation contract (``CONTRACT.md``): the ``jsonl``
output of ``kg entities`` and ``kg claims`` is one of these dicts a line.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict

from ..errors import KGError
from ..graph.derive import (
    ARTICLE_INFO_PATTERN,
    CLAIM_PATTERN,
    CLAIM_VARIABLES,
    ENTITY_PATTERN,
    IN_ARTICLE_GRAPH,
    claim_record,
    entity_label,
)
from ..graph.store import KGStore
from ..names import name_key
from ..vocab import local_name
from .dates import claims_as_of, parse_as_of

__all__ = [
    "list_entities",
    "list_claims",
    "list_articles",
    "article_info",
    "find_entity",
    "filter_claims",
]

_ENTITIES = f"SELECT ?e ?type ?label ?alias ?id WHERE {{ {ENTITY_PATTERN} }}"

_CLAIMS = f"SELECT {CLAIM_VARIABLES} WHERE {{ {CLAIM_PATTERN} }} ORDER BY ?id ?start ?c"

_ARTICLES = (
    """
SELECT ?id ?title ?published ?source ?url ?hash
  (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?c) AS ?claims)
WHERE { GRAPH ?g {
  ?a a nkg:Article ; nkg:articleId ?id ; nkg:textHash ?hash .
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a nkg:outlet ?source }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:mentions ?e }
  OPTIONAL { ?c prov:wasDerivedFrom ?a ; nkg:polarity "asserted" }
} """
    + IN_ARTICLE_GRAPH
    + """ } GROUP BY ?id ?title ?published ?source ?url ?hash ORDER BY ?id"""
)


def list_entities(store: KGStore) -> list[dict]:
    """One dict per entity: iri, label (the one most articles give it, see
    :func:`~kg.graph.derive.entity_label`), type, aliases, articles."""
    labels: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set] = defaultdict(set)
    articles: dict[str, set] = defaultdict(set)
    for r in store.select(_ENTITIES):
        e = r["e"]
        labels[e][r["label"]].add(r["id"])
        types[e][local_name(r["type"])] += 1
        if "alias" in r:
            aliases[e].add(r["alias"])
        articles[e].add(r["id"])
    out = []
    for e in sorted(labels):
        label = entity_label(Counter({n: len(ids) for n, ids in labels[e].items()}))
        out.append(
            {
                "iri": e,
                "label": label,
                "type": max(types[e], key=lambda t: (types[e][t], t)),
                "aliases": sorted((aliases[e] | set(labels[e])) - {label}),
                "articles": sorted(articles[e]),
            }
        )
    return out


def list_claims(
    store: KGStore,
    *,
    include_all: bool = False,
    entities: list[dict] | None = None,
    as_of: str | None = None,
    entity: str | None = None,
    filters=None,
) -> list[dict]:
    """One dict per claim, asserted ones only unless ``include_all``.

    With ``as_of`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), only the claims
    of the graph as it stood then: from articles published on or before it,
    and not ended before it (see :func:`kg.query.dates.claims_as_of`).
    With ``entity`` (a name, see :func:`find_entity`) and ``filters``, only
    those :func:`filter_claims` keeps.
    """
    day = None
    if as_of is not None:
        day = parse_as_of(as_of)
    ents = {e["iri"]: e for e in (entities if entities is not None else list_entities(store))}

    def ref(iri: str | None, with_type: bool = True) -> dict | None:
        if iri is None:
            return None
        e = ents.get(iri, {"label": local_name(iri), "type": "Other"})
        out = {"iri": iri, "label": e["label"]}
        if with_type:
            out["type"] = e["type"]
        return out

    out = []
    for r in store.select(_CLAIMS):
        if not include_all and r["pol"] != "asserted":
            continue
        claim = claim_record(r, ref)
        out.append(claim)
    if day is not None:
        out = claims_as_of(out, {a["id"]: a["published"] for a in list_articles(store)}, day)
    if entity is not None or filters is not None:
        iri = find_entity(list(ents.values()), entity)["iri"] if entity is not None else None
        out = filter_claims(out, article_info(store), entity=iri, filters=filters)
    return out


def filter_claims(
    claims: list[dict], info: dict[str, dict], *, entity: str | None = None, filters=None
) -> list[dict]:
    """The claims about ``entity`` (an IRI: as subject or object) that pass ``filters``
    (a :class:`~kg.network.filters.Filters`: predicates, sources and dates, a claim
    dated by its article's publication, else by its own date); ``info`` is
    :func:`article_info`."""
    out = []
    for c in claims:
        if entity is not None and entity not in (c["subject"]["iri"], c["object"]["iri"]):
            continue
        if filters is not None:
            art = info.get(c["article"], {})
            if not (
                filters.predicate_passes(c["predicate"])
                and filters.source_passes(art.get("source"))
                and filters.date_passes(art.get("published") or c.get("date"))
            ):
                continue
        out.append(c)
    return out


_ARTICLE_INFO = f"SELECT ?id ?published ?source ?hash WHERE {{ {ARTICLE_INFO_PATTERN} }}"


def article_info(store: KGStore) -> dict[str, dict]:
    """Article id -> ``published``, ``source`` and ``hash`` (the text's SHA-256)."""
    return {
        r["id"]: {
            "published": r.get("published"),
            "source": r.get("source"),
            "hash": r.get("hash") or r["id"],
        }
        for r in store.select(_ARTICLE_INFO)
    }


def list_articles(store: KGStore) -> list[dict]:
    """One dict per article: id, title, published, source, url, counts."""
    out = []
    for r in store.select(_ARTICLES):
        out.append(
            {
                "id": r["id"],
                "title": r.get("title"),
                "published": r.get("published"),
                "source": r.get("source"),
                "url": r.get("url"),
                "entities": int(r.get("entities", 0)),
                "claims": int(r.get("claims", 0)),
            }
        )
    return out


def find_entity(entities: list[dict], name: str) -> dict:
    """The entity a user means by ``name`` (a label or alias, any case, "'s" or
    "Inc." aside, or an entity key/IRI).

    Raises :class:`~kg.errors.KGError` naming close matches when there is
    none, and the candidates when there are several.
    """
    wanted = name_key(name)
    exact = [e for e in entities if name == e["iri"] or name == e["iri"].rsplit("/", 1)[-1]]
    if exact:
        return exact[0]
    hits = [
        e
        for e in entities
        if wanted and wanted in {name_key(n) for n in [e["label"], *e["aliases"]]}
    ]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        # a full label beats an alias ("Musk" is Elon Musk's alias and someone else's label)
        by_label = [e for e in hits if name_key(e["label"]) == wanted]
        if len(by_label) == 1:
            return by_label[0]
        names = ", ".join(
            f"{e['label']} ({e['type']}, {e['iri'].rsplit('/', 1)[-1]})" for e in hits[:6]
        )
        raise KGError(f"{name!r} is ambiguous: {names}; use the key after entity/")
    labels = sorted({e["label"] for e in entities})
    close = difflib.get_close_matches(name, labels, n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise KGError(f"no entity named {name!r}{hint}")
