"""Conflicts: statements whose reports disagree, with the competing values side by side.

Two claims about one statement, from two different texts, conflict when

- ``amount``: they give amounts in one currency more than 2% apart;
- ``currency``: they give amounts in different currencies (kg converts nothing,
  so these are flagged for a person, not compared);
- ``date``: they date a one-off event (an acquisition, a merger, a founding, a
  lawsuit) differently: a different year, month or day where both say one;
- ``end-date``: they say the relation ended at different times;
- ``polarity``: one asserts it and the other denies it.

Amounts are not compared between claims dated in different years: an
investment in 2019 and another in 2023 are two events, not one in dispute.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable

from ..graph.store import KGStore
from ..predicates import ONE_OFF_PREDICATES
from ..vocab import conflict_iri
from .listing import list_claims, list_entities
from .statements import article_info, build_statements, statement_key

__all__ = ["CONFLICT_KINDS", "ONE_OFF_PREDICATES", "AMOUNT_TOLERANCE", "dates_disagree",
           "amounts_disagree", "build_conflicts", "find_conflicts"]

CONFLICT_KINDS = ("amount", "currency", "date", "end-date", "polarity")


#: Amounts closer than this (relative to the larger) are the same figure, rounded.
AMOUNT_TOLERANCE = 0.02


def dates_disagree(a: str, b: str) -> bool:
    """Whether two dates, as precise as each article said, cannot be the same day.

    >>> dates_disagree("2019", "2021"), dates_disagree("2019", "2019-05-02")
    (True, False)
    >>> dates_disagree("2024-03-04", "2024-03-09"), dates_disagree("2024-03", "2024-03-09")
    (True, False)
    """
    n = min(len(a), len(b))
    return a[:n] != b[:n]


def amounts_disagree(a: dict, b: dict) -> bool:
    """Whether two amounts in one currency are more than :data:`AMOUNT_TOLERANCE` apart.

    >>> amounts_disagree({"value": 134e9, "currency": "USD"}, {"value": 97e9, "currency": "USD"})
    True
    >>> amounts_disagree({"value": 5e6, "currency": "USD"}, {"value": 5.05e6, "currency": "USD"})
    False
    """
    x, y = float(a["value"]), float(b["value"])
    return abs(x - y) > AMOUNT_TOLERANCE * max(abs(x), abs(y))


def _money(amount: dict) -> str:
    v = amount["value"]
    return f"{v:,.0f} {amount['currency']}" if float(v).is_integer() else \
        f"{v:,} {amount['currency']}"


def _same_event(a: dict, b: dict) -> bool:
    """Unless both are dated in different years, two claims may be about one event."""
    return not (a["date"] and b["date"] and a["date"][:4] != b["date"][:4])


def _involved(claims: list[dict], text: Callable[[dict], str],
              clash: Callable[[dict, dict], bool]) -> list[dict]:
    """The claims that clash with at least one claim from another text."""
    hit: dict[str, dict] = {}
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if text(a) != text(b) and clash(a, b):
                hit[a["iri"]] = a
                hit[b["iri"]] = b
    return [c for c in claims if c["iri"] in hit]


def build_conflicts(claims: list[dict], info: dict[str, dict],
                    statements: list[dict] | None = None) -> list[dict]:
    """The conflicts among ``claims`` (dicts of :func:`~kg.query.listing.list_claims`,
    any polarity); ``info`` is :func:`~kg.query.statements.article_info`.

    Each conflict: ``iri``, ``kind``, ``statement`` (its IRI), ``subject``,
    ``predicate``, ``object``, ``summary``, and ``values``: one per claim taking
    part, with ``value``, ``polarity``, ``article``, ``source``, ``published``,
    ``sentence`` and ``claim``.
    """
    if statements is None:
        statements = build_statements(claims, info)
    by_key = {statement_key(s["subject"]["iri"], s["predicate"], s["object"]["iri"]): s
              for s in statements}
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for c in claims:
        key = statement_key(c["subject"]["iri"], c["predicate"], c["object"]["iri"])
        if key in by_key and c["polarity"] in ("asserted", "negated"):
            groups[key].append(c)

    def text(c: dict) -> str:
        return info.get(c["article"], {}).get("hash", c["article"])

    out: list[dict] = []
    for key, group in groups.items():
        st = by_key[key]
        asserted = [c for c in group if c["polarity"] == "asserted"]
        money = [c for c in asserted if c["amount"]]
        found: list[tuple[str, list[dict], Callable[[dict], object]]] = []
        by_currency: dict[str, list[dict]] = defaultdict(list)
        for c in money:
            by_currency[c["amount"]["currency"]].append(c)
        for cur in sorted(by_currency):
            hit = _involved(by_currency[cur], text, lambda a, b: _same_event(a, b)
                            and amounts_disagree(a["amount"], b["amount"]))
            if hit:
                found.append(("amount", hit, lambda c: c["amount"]))
        hit = _involved(money, text, lambda a, b: _same_event(a, b)
                        and a["amount"]["currency"] != b["amount"]["currency"])
        if hit:
            found.append(("currency", hit, lambda c: c["amount"]))
        if key[1] in ONE_OFF_PREDICATES:
            dated = [c for c in asserted if c["date"]]
            hit = _involved(dated, text, lambda a, b: dates_disagree(a["date"], b["date"]))
            if hit:
                found.append(("date", hit, lambda c: c["date"]))
        ended = [c for c in asserted if c["end_date"]]
        hit = _involved(ended, text, lambda a, b: dates_disagree(a["end_date"], b["end_date"]))
        if hit:
            found.append(("end-date", hit, lambda c: c["end_date"]))
        hit = _involved(group, text, lambda a, b: a["polarity"] != b["polarity"])
        if hit:
            found.append(("polarity", hit, lambda c: c["polarity"]))
        for kind, hit, value in found:
            out.append(_conflict(st, kind, hit, value, info))
    out.sort(key=lambda c: (c["subject"]["label"].lower(), c["predicate"],
                            c["object"]["label"].lower(), CONFLICT_KINDS.index(c["kind"])))
    return out


def _conflict(st: dict, kind: str, claims: list[dict], value, info: dict) -> dict:
    values = []
    for c in claims:
        art = info.get(c["article"], {})
        values.append({"value": value(c), "polarity": c["polarity"], "article": c["article"],
                       "source": art.get("source"), "published": art.get("published"),
                       "sentence": c["sentence"], "claim": c["iri"]})

    def order(v):
        x = v["value"]
        return (str(x.get("currency")), float(x["value"])) if isinstance(x, dict) else \
            (str(x), 0.0)

    values.sort(key=lambda v: (order(v), v["published"] or "", v["article"]))
    shown: dict[str, list[str]] = {}
    for v in values:
        x = v["value"]
        who = shown.setdefault(_money(x) if isinstance(x, dict) else str(x), [])
        if (v["source"] or v["article"]) not in who:
            who.append(v["source"] or v["article"])
    local = hashlib.sha1(f"{st['iri']}|{kind}".encode()).hexdigest()[:16]
    return {
        "iri": str(conflict_iri(local)),
        "kind": kind,
        "statement": st["iri"],
        "subject": st["subject"],
        "predicate": st["predicate"],
        "object": st["object"],
        "summary": f"{kind}: " + " vs ".join(f"{text} ({', '.join(who)})"
                                             for text, who in shown.items()),
        "values": values,
    }


def find_conflicts(store: KGStore, *, as_of: str | None = None) -> list[dict]:
    """The conflicts in the store (as it stood on ``as_of``, when given)."""
    claims = list_claims(store, include_all=True, entities=list_entities(store), as_of=as_of)
    info = article_info(store)
    return build_conflicts(claims, info, build_statements(claims, info))
