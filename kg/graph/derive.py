"""Claims -> the derived graph: statements with their support, and conflicts between reports.

The rules work on plain claim dicts (as :func:`claim_record` makes them from
the rows of :data:`CLAIM_PATTERN`), so that the full listing
(:mod:`kg.query.statements`, :mod:`kg.query.conflicts`) and the store's
incremental upkeep (:mod:`kg.graph.changes`) compute the same thing.

A statement is one (subject, predicate, object) however many articles report
it; its support is the number of distinct articles that assert it, where
copies of one text (the same ``nkg:textHash``) count once. A symmetric
predicate (partnerOf, mergesWith, rivalOf) in either order is one statement.

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
from collections import Counter, defaultdict
from collections.abc import Callable

from rdflib import Literal, URIRef

from ..predicates import ONE_OFF_PREDICATES, SYMMETRIC_PREDICATES
from ..vocab import (
    BASE,
    DERIVED_GRAPH,
    NKG,
    RDF,
    RDFS,
    conflict_iri,
    local_name,
    statement_iri,
)

__all__ = [
    "ARTICLE_GRAPHS",
    "IN_ARTICLE_GRAPH",
    "CLAIM_VARIABLES",
    "claim_pattern",
    "CLAIM_CORE_VARIABLES",
    "CLAIM_DETAIL_VARIABLES",
    "claim_core_pattern",
    "claim_details_pattern",
    "CLAIM_PATTERN",
    "ENTITY_PATTERN",
    "article_info_pattern",
    "ARTICLE_INFO_PATTERN",
    "claim_record",
    "entity_label",
    "statement_key",
    "statement_local_id",
    "build_statements",
    "CONFLICT_KINDS",
    "ONE_OFF_PREDICATES",
    "AMOUNT_TOLERANCE",
    "dates_disagree",
    "amounts_disagree",
    "build_conflicts",
    "conflict_local_id",
    "derived_quads",
]

#: The names of the article graphs start so (``graph:ID``).
ARTICLE_GRAPHS = BASE + "graph/"

#: Keeps ``?g`` to the article graphs: what articles say, not the derived graph, the
#: merged graph of an external store, or graphs written by hand.
IN_ARTICLE_GRAPH = f'FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPHS}"))'

CLAIM_VARIABLES = (
    "?c ?id ?s ?p ?o ?sentence ?start ?end ?attr ?value ?cur ?date ?conf ?pol "
    "?method ?ended ?end_date"
)

_CLAIM_CORE = """?c a nkg:Claim ; rdf:subject SUBJECT ; rdf:predicate ?p ; rdf:object OBJECT ;
     prov:wasDerivedFrom ?a ; nkg:evidence ?ev ; nkg:confidence ?conf ; nkg:polarity ?pol .
  ?a nkg:articleId ?id .
  ?ev oa:exact ?sentence ; oa:start ?start ; oa:end ?end ."""

_CLAIM_DETAILS = """OPTIONAL { CLAIM nkg:attributedTo ?attr }
  OPTIONAL { CLAIM nkg:amount ?m . ?m schema:value ?value ; schema:currency ?cur }
  OPTIONAL { CLAIM nkg:eventDate ?date }
  OPTIONAL { CLAIM nkg:method ?method }
  OPTIONAL { CLAIM nkg:ended ?ended }
  OPTIONAL { CLAIM nkg:endDate ?end_date }"""

#: The variables of :func:`claim_core_pattern` and of :func:`claim_details_pattern`.
CLAIM_CORE_VARIABLES = "?c ?g ?id ?s ?p ?o ?sentence ?start ?end ?conf ?pol"
CLAIM_DETAIL_VARIABLES = "?attr ?value ?cur ?date ?method ?ended ?end_date"


def claim_pattern(subject: str = "?s", obj: str = "?o", graph: str = "?g") -> str:
    """A claim with everything a claim dict holds, inside one article graph ``?g`` (or the
    graph IRI given); its subject and object are the variables ``?s`` and ``?o``, or the
    given IRIs (written into the pattern, so that the store looks them up in its
    indexes)."""
    core = _CLAIM_CORE.replace("SUBJECT", subject).replace("OBJECT", obj)
    return f"GRAPH {graph} {{\n  {core}\n  {_CLAIM_DETAILS.replace('CLAIM', '?c')}\n}} " + (
        IN_ARTICLE_GRAPH if graph == "?g" else ""
    )


def claim_core_pattern(subject: str, obj: str) -> str:
    """:func:`claim_pattern` without the optional details: what a lookup by subject and
    object can answer from the store's indexes (Oxigraph evaluates an ``OPTIONAL`` on
    its own before joining it, so the details of one claim are asked for by name, with
    :func:`claim_details_pattern`)."""
    core = _CLAIM_CORE.replace("SUBJECT", subject).replace("OBJECT", obj)
    return f"GRAPH ?g {{\n  {core}\n}} " + IN_ARTICLE_GRAPH


def claim_details_pattern(claim: str, graph: str) -> str:
    """The optional details of one claim (an IRI) in one graph (an IRI): one row for each
    combination, as :func:`claim_pattern` joins them."""
    return f"GRAPH {graph} {{\n  {_CLAIM_DETAILS.replace('CLAIM', claim)}\n}}"


def article_info_pattern(article_id: str = "?id") -> str:
    """An article's id (the variable ``?id``, or the given literal), date, outlet and text
    hash."""
    return (
        """GRAPH ?g {
  ?a a nkg:Article ; nkg:articleId ARTICLE_ID .
  OPTIONAL { ?a nkg:textHash ?hash }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a nkg:outlet ?source }
} """.replace("ARTICLE_ID", article_id)
        + IN_ARTICLE_GRAPH
    )


#: A claim, as :func:`claim_pattern` gives it.
CLAIM_PATTERN = claim_pattern()

#: An entity as one article describes it: one row per type, label and alias.
ENTITY_PATTERN = (
    """GRAPH ?g {
  ?a nkg:articleId ?id ; schema:mentions ?e .
  ?e a ?type ; skos:prefLabel ?label .
  OPTIONAL { ?e skos:altLabel ?alias }
} """
    + IN_ARTICLE_GRAPH
)

#: An article, as :func:`article_info_pattern` gives it.
ARTICLE_INFO_PATTERN = article_info_pattern()


def _number(text: str):
    v = float(text)
    return int(v) if v.is_integer() else v


def claim_record(r: dict[str, str], ref: Callable[..., dict | None]) -> dict:
    """A claim dict from a row of :data:`CLAIM_PATTERN`; ``ref(iri, with_type=True)``
    describes an entity (its ``iri``, ``label`` and, with the type, ``type``)."""
    return {
        "iri": r["c"],
        "article": r["id"],
        "subject": ref(r["s"]),
        "predicate": local_name(r["p"]),
        "object": ref(r["o"]),
        "attributed_to": ref(r.get("attr"), with_type=False),
        "amount": ({"value": _number(r["value"]), "currency": r["cur"]} if "value" in r else None),
        "date": r.get("date"),
        "sentence": r["sentence"],
        "start": int(r["start"]),
        "end": int(r["end"]),
        "confidence": float(r["conf"]),
        "polarity": r["pol"],
        "method": r.get("method"),
        "ended": r.get("ended") == "true",
        "end_date": r.get("end_date"),
    }


def entity_label(labels: Counter) -> str:
    """The label an entity goes by, from how many articles give it each label: the one of
    most articles, then the longest, then the last in code-point order.

    >>> entity_label(Counter({"Acme": 3, "Acme Corp": 3, "ACME": 1}))
    'Acme Corp'
    """
    return max(labels, key=lambda n: (labels[n], len(n), n))


def statement_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """The identity of a statement: symmetric predicates with their two ends in order.

    >>> statement_key("e:b", "partnerOf", "e:a")
    ('e:a', 'partnerOf', 'e:b')
    >>> statement_key("e:b", "acquires", "e:a")
    ('e:b', 'acquires', 'e:a')
    """
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        return obj, predicate, subject
    return subject, predicate, obj


def statement_local_id(key: tuple[str, str, str]) -> str:
    """A stable id for a statement (the same statement, the same IRI, on every rebuild)."""
    return hashlib.sha1("|".join(key).encode("utf-8")).hexdigest()[:16]


def _seen(claim: dict, info: dict) -> str | None:
    """When an article reported a claim: its publication date, else the claim's own date."""
    return info.get(claim["article"], {}).get("published") or claim.get("date")


def build_statements(claims: list[dict], info: dict[str, dict], min_support: int = 1) -> list[dict]:
    """Group claims (dicts of :func:`claim_record`, any polarity) into statements.
    Only asserted claims support one; hedged claims are left aside and negated
    ones are listed under ``denied_by``.

    ``info`` is :func:`~kg.query.statements.article_info` (article id -> its
    ``published``, ``source`` and text ``hash``). Most supported first.
    """
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for c in claims:
        groups[statement_key(c["subject"]["iri"], c["predicate"], c["object"]["iri"])].append(c)
    out = []
    for key, group in groups.items():
        asserted = [c for c in group if c["polarity"] == "asserted"]
        if not asserted:
            continue
        texts = {info.get(c["article"], {}).get("hash", c["article"]) for c in asserted}
        if len(texts) < min_support:
            continue
        # a symmetric statement reads the way most of its articles put it
        ways = Counter((c["subject"]["iri"], c["object"]["iri"]) for c in asserted)
        first = max(
            asserted,
            key=lambda c: (
                ways[(c["subject"]["iri"], c["object"]["iri"])],
                c["subject"]["iri"] == key[0],
            ),
        )
        seen = sorted(d for d in (_seen(c, info) for c in asserted) if d)
        amounts = {(c["amount"]["value"], c["amount"]["currency"]) for c in asserted if c["amount"]}
        out.append(
            {
                "iri": str(statement_iri(statement_local_id(key))),
                "subject": first["subject"],
                "predicate": key[1],
                "object": first["object"],
                "support": len(texts),
                "sources": sorted(
                    {s for c in asserted if (s := info.get(c["article"], {}).get("source"))}
                ),
                "articles": sorted({c["article"] for c in asserted}),
                "first_seen": seen[0] if seen else None,
                "last_seen": seen[-1] if seen else None,
                "amounts": [
                    {"value": v, "currency": cur}
                    for v, cur in sorted(amounts, key=lambda a: (a[1], a[0]))
                ],
                "dates": sorted({c["date"] for c in asserted if c["date"]}),
                "ended": any(c["ended"] for c in asserted),
                "end_dates": sorted({c["end_date"] for c in asserted if c["end_date"]}),
                "denied_by": sorted({c["article"] for c in group if c["polarity"] == "negated"}),
                "claims": [c["iri"] for c in asserted],
            }
        )
    out.sort(
        key=lambda s: (
            -s["support"],
            s["subject"]["label"].lower(),
            s["predicate"],
            s["object"]["label"].lower(),
            s["iri"],
        )
    )
    return out


#: The kinds of conflict, in the order they are listed.
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
    return (
        f"{v:,.0f} {amount['currency']}" if float(v).is_integer() else f"{v:,} {amount['currency']}"
    )


def _same_event(a: dict, b: dict) -> bool:
    """Unless both are dated in different years, two claims may be about one event."""
    return not (a["date"] and b["date"] and a["date"][:4] != b["date"][:4])


def _involved(
    claims: list[dict], text: Callable[[dict], str], clash: Callable[[dict, dict], bool]
) -> list[dict]:
    """The claims that clash with at least one claim from another text."""
    hit: dict[str, dict] = {}
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if text(a) != text(b) and clash(a, b):
                hit[a["iri"]] = a
                hit[b["iri"]] = b
    return [c for c in claims if c["iri"] in hit]


def build_conflicts(
    claims: list[dict], info: dict[str, dict], statements: list[dict] | None = None
) -> list[dict]:
    """The conflicts among ``claims`` (dicts of :func:`claim_record`, any polarity);
    ``info`` is as for :func:`build_statements`.

    Each conflict: ``iri``, ``kind``, ``statement`` (its IRI), ``subject``,
    ``predicate``, ``object``, ``summary``, and ``values``: one per claim taking
    part, with ``value``, ``polarity``, ``article``, ``source``, ``published``,
    ``sentence`` and ``claim``.
    """
    if statements is None:
        statements = build_statements(claims, info)
    by_key = {
        statement_key(s["subject"]["iri"], s["predicate"], s["object"]["iri"]): s
        for s in statements
    }
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
            hit = _involved(
                by_currency[cur],
                text,
                lambda a, b: _same_event(a, b) and amounts_disagree(a["amount"], b["amount"]),
            )
            if hit:
                found.append(("amount", hit, lambda c: c["amount"]))
        hit = _involved(
            money,
            text,
            lambda a, b: _same_event(a, b) and a["amount"]["currency"] != b["amount"]["currency"],
        )
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
    out.sort(
        key=lambda c: (
            c["subject"]["label"].lower(),
            c["predicate"],
            c["object"]["label"].lower(),
            CONFLICT_KINDS.index(c["kind"]),
        )
    )
    return out


def conflict_local_id(statement: str, kind: str) -> str:
    """A stable id for the conflict of one kind about a statement (given by its IRI)."""
    return hashlib.sha1(f"{statement}|{kind}".encode()).hexdigest()[:16]


def _conflict(st: dict, kind: str, claims: list[dict], value, info: dict) -> dict:
    values = []
    for c in claims:
        art = info.get(c["article"], {})
        values.append(
            {
                "value": value(c),
                "polarity": c["polarity"],
                "article": c["article"],
                "source": art.get("source"),
                "published": art.get("published"),
                "sentence": c["sentence"],
                "claim": c["iri"],
            }
        )

    def order(v):
        x = v["value"]
        return (str(x.get("currency")), float(x["value"])) if isinstance(x, dict) else (str(x), 0.0)

    values.sort(key=lambda v: (order(v), v["published"] or "", v["article"]))
    shown: dict[str, list[str]] = {}
    for v in values:
        x = v["value"]
        who = shown.setdefault(_money(x) if isinstance(x, dict) else str(x), [])
        if (v["source"] or v["article"]) not in who:
            who.append(v["source"] or v["article"])
    return {
        "iri": str(conflict_iri(conflict_local_id(st["iri"], kind))),
        "kind": kind,
        "statement": st["iri"],
        "subject": st["subject"],
        "predicate": st["predicate"],
        "object": st["object"],
        "summary": f"{kind}: "
        + " vs ".join(f"{text} ({', '.join(who)})" for text, who in shown.items()),
        "values": values,
    }


def derived_quads(statements: list[dict], conflicts: list[dict]) -> list[tuple]:
    """The quads of the derived graph for these statements and conflicts."""
    g = DERIVED_GRAPH
    out: list[tuple] = []
    for s in statements:
        st = URIRef(s["iri"])
        out += [
            (st, RDF.type, NKG.Statement, g),
            (
                st,
                RDFS.label,
                Literal(f"{s['subject']['label']} {s['predicate']} {s['object']['label']}"),
                g,
            ),
            (st, NKG.support, Literal(s["support"]), g),
        ]
        out += [(st, NKG.supportedBy, URIRef(c), g) for c in s["claims"]]
    for k in conflicts:
        c = URIRef(k["iri"])
        out += [
            (c, RDF.type, NKG.Conflict, g),
            (c, NKG.conflictKind, Literal(k["kind"]), g),
            (c, NKG.concerns, URIRef(k["statement"]), g),
            (
                c,
                RDFS.label,
                Literal(
                    f"{k['subject']['label']} {k['predicate']} "
                    f"{k['object']['label']}: {k['summary']}"
                ),
                g,
            ),
        ]
        out += [
            (c, NKG.conflictingClaim, URIRef(v["claim"]), g)
            for v in {v["claim"]: v for v in k["values"]}.values()
        ]
    return out
