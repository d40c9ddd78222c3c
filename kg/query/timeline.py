"""Time: the graph as it stood on a date, and the dated claims about one entity in order.

Dates are ISO strings as precise as the article was: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. They compare as strings once padded to a day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..errors import KGError
from ..graph.store import KGStore
from .listing import find_entity, list_articles, list_claims, list_entities

__all__ = ["parse_as_of", "period_start", "claims_as_of", "entity_timeline", "timeline_rows"]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_as_of(text: str) -> str:
    """The last day a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers, as ``YYYY-MM-DD``.

    Raises :class:`~kg.errors.KGError` for anything else.

    >>> parse_as_of("2025")
    '2025-12-31'
    >>> parse_as_of("2024-02")
    '2024-02-29'
    >>> parse_as_of("2026-03-10")
    '2026-03-10'
    """
    m = _DATE_RE.match(str(text).strip())
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 12), m[3]
        last = calendar.monthrange(year, month)[1]
        return date(year, month, int(day) if day else last).isoformat()
    except ValueError:
        raise KGError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def period_start(value: str) -> str:
    """The first day of a date as precise as the article said it.

    >>> period_start("2022"), period_start("2022-05"), period_start("2022-05-17")
    ('2022-01-01', '2022-05-01', '2022-05-17')
    """
    value = value[:10]
    return value + "-01-01" if len(value) == 4 else value + "-01" if len(value) == 7 else value


def claims_as_of(claims: list[dict], published: dict[str, str | None], as_of: str
                 ) -> list[dict]:
    """The claims (dicts of :func:`~kg.query.listing.list_claims`) that stood on
    ``as_of`` (a ``YYYY-MM-DD`` day); ``published`` maps article ids to dates.

    A claim stands when its article was out by then (for an undated article:
    when the claim's own date had come) and its relation had not ended before
    that day. A relation ends where an article says so: on the end date it
    gives, else (a "former chief executive") by the day that article came out.
    An end also retires the earlier reports of the same relation; a report
    after the end stands again.
    """
    from .statements import statement_key

    def seen(c: dict) -> str | None:
        when = published.get(c["article"]) or c.get("date")
        return period_start(when) if when else None

    visible = [c for c in claims if (seen(c) or "9999") <= as_of]
    ends: dict[tuple, str] = {}
    for c in visible:
        if c["ended"] and c["polarity"] == "asserted":
            end = period_start(c["end_date"]) if c.get("end_date") else seen(c)
            key = statement_key(c["subject"]["iri"], c["predicate"], c["object"]["iri"])
            if end < as_of or not c.get("end_date"):
                ends[key] = max(ends.get(key, ""), end)
    out = []
    for c in visible:
        key = statement_key(c["subject"]["iri"], c["predicate"], c["object"]["iri"])
        if c["ended"] and (not c.get("end_date") or period_start(c["end_date"]) < as_of):
            continue
        if c["polarity"] == "asserted" and key in ends and seen(c) <= ends[key]:
            continue
        out.append(c)
    return out


def entity_timeline(store: KGStore, name: str, *, include_all: bool = False,
                    as_of: str | None = None) -> tuple[dict, list[dict]]:
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
            "subject": c["subject"], "predicate": c["predicate"], "object": c["object"],
            "other": other, "amount": c["amount"], "source": art.get("source"),
            "article": c["article"], "published": art.get("published"),
            "sentence": c["sentence"], "claim": c["iri"],
        }
        status = "" if c["polarity"] == "asserted" else c["polarity"]
        if c["date"] or not c["end_date"]:
            when, dated_by = ((c["date"], "event") if c["date"]
                              else (art.get("published"), "article"))
            if when:
                ended_here = c["ended"] and not c["end_date"]
                rows.append({"date": when, "dated_by": dated_by,
                             "status": status or ("ended" if ended_here else ""), **base})
        if c["ended"] and c["end_date"]:
            rows.append({"date": c["end_date"], "dated_by": "end", "status": status or "ended",
                         **base})
    rows.sort(key=lambda r: (period_start(r["date"]), len(r["date"]), r["published"] or "",
                             r["article"], r["predicate"], r["claim"]))
    return rows
