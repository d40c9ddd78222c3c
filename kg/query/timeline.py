"""Time: the dated claims about one entity in order.

The date functions (the graph as it stood on a date) are in :mod:`kg.query.dates`,
and re-exported here.
"""

from __future__ import annotations

from ..graph.store import KGStore
from .dates import claims_as_of, parse_as_of, period_start
from .listing import find_entity, list_articles, list_claims, list_entities

__all__ = ["parse_as_of", "period_start", "claims_as_of", "entity_timeline", "timeline_rows"]


def entity_timeline(
    store: KGStore, name: str, *, include_all: bool = False, as_of: str | None = None
) -> tuple[dict, list[dict]]:
    """The entity ``name`` means (see :func:`~kg.query.listing.find_entity`) and its
    dated claims in order: each dated by its event, else by its article's publication.

    A claim that says the relation ended on a known date gives a second row at
    that date. Claims with no date at all (and an undated article) are left out.
    Raises :class:`~kg.errors.KGError` (with close matches) for an unknown name.
    """
    entities = list_entities(store)
    entity = find_entity(entities, name)
    articles = {a["id"]: a for a in list_articles(store)}
    claims = list_claims(store, include_all=include_all, entities=entities, as_of=as_of)
    return entity, timeline_rows(entity["iri"], claims, articles)


def timeline_rows(entity: str, claims: list[dict], articles: dict[str, dict]) -> list[dict]:
    """The timeline of the entity ``entity`` (an IRI) from claims (dicts of
    :func:`~kg.query.listing.list_claims`; those not about it are skipped) and their
    articles (id -> a dict with ``published`` and ``source``), in date order."""
    rows: list[dict] = []
    for c in claims:
        if entity not in (c["subject"]["iri"], c["object"]["iri"]):
            continue
        art = articles.get(c["article"], {})
        other = c["object"] if c["subject"]["iri"] == entity else c["subject"]
        base = {
            "subject": c["subject"],
            "predicate": c["predicate"],
            "object": c["object"],
            "other": other,
            "amount": c["amount"],
            "source": art.get("source"),
            "article": c["article"],
            "published": art.get("published"),
            "sentence": c["sentence"],
            "claim": c["iri"],
        }
        status = "" if c["polarity"] == "asserted" else c["polarity"]
        if c["date"] or not c["end_date"]:
            when, dated_by = (
                (c["date"], "event") if c["date"] else (art.get("published"), "article")
            )
            if when:
                ended_here = c["ended"] and not c["end_date"]
                rows.append(
                    {
                        "date": when,
                        "dated_by": dated_by,
                        "status": status or ("ended" if ended_here else ""),
                        **base,
                    }
                )
        if c["ended"] and c["end_date"]:
            rows.append(
                {"date": c["end_date"], "dated_by": "end", "status": status or "ended", **base}
            )
    rows.sort(
        key=lambda r: (
            period_start(r["date"]),
            len(r["date"]),
            r["published"] or "",
            r["article"],
            r["predicate"],
            r["claim"],
        )
    )
    return rows
