"""Turn an :class:`~kg.model.Extraction` into the quads of its article's graph."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..model import Claim, Extraction
from ..vocab import (
    NKG,
    OA,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TYPE_CLASSES,
    WD,
    XSD,
    article_graph_iri,
    article_iri,
    claim_iri,
    entity_iri,
    predicate_iri,
)

__all__ = ["article_quads", "claim_local_id", "date_literal", "Quad"]

Quad = tuple[URIRef, URIRef, Node, URIRef]


def claim_local_id(claim: Claim) -> str:
    """A stable id for a claim within its article (same claim, same IRI on rebuild)."""
    raw = f"{claim.subject}|{claim.predicate}|{claim.object}|{claim.sentence_start}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def date_literal(value: str) -> Literal:
    """An ISO date, year-month or year as a typed literal."""
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.date)


def article_quads(ex: Extraction, extracted_at: datetime | None = None) -> list[Quad]:
    """Every quad of the article's named graph."""
    art = ex.article
    g = article_graph_iri(art.id)
    a = article_iri(art.id)
    out: list[Quad] = []

    def add(s, p, o):
        out.append((s, p, o, g))

    when = extracted_at or datetime.now(timezone.utc)
    add(a, RDF.type, NKG.Article)
    add(a, NKG.articleId, Literal(art.id))
    add(a, SDO.articleBody, Literal(art.text))
    add(a, NKG.textHash, Literal(art.text_hash))
    add(a, PROV.generatedAtTime, Literal(when.replace(microsecond=0), datatype=XSD.dateTime))
    if ex.pipeline:
        add(a, NKG.extractedWith, Literal(ex.pipeline))
    if art.title:
        add(a, SDO.headline, Literal(art.title))
    if art.published:
        add(a, SDO.datePublished, Literal(art.published[:10], datatype=XSD.date))
    if art.source:
        add(a, NKG.outlet, Literal(art.source))
    if art.url:
        add(a, SDO.url, Literal(art.url, datatype=XSD.anyURI))

    for e in ex.entities:
        iri = entity_iri(e.key)
        add(a, SDO.mentions, iri)
        add(iri, RDF.type, TYPE_CLASSES.get(e.type, NKG.Other))
        add(iri, RDFS.label, Literal(e.label))
        add(iri, SKOS.prefLabel, Literal(e.label))
        for alias in e.aliases:
            add(iri, SKOS.altLabel, Literal(alias))
        if e.wikidata:
            add(iri, OWL.sameAs, WD[e.wikidata])

    for c in ex.claims:
        iri = claim_iri(art.id, claim_local_id(c))
        s, p, o = entity_iri(c.subject), predicate_iri(c.predicate), entity_iri(c.object)
        add(iri, RDF.type, NKG.Claim)
        add(iri, RDF.type, RDF.Statement)
        add(iri, RDF.subject, s)
        add(iri, RDF.predicate, p)
        add(iri, RDF.object, o)
        add(iri, PROV.wasDerivedFrom, a)
        add(iri, NKG.confidence, Literal(Decimal(str(c.confidence)), datatype=XSD.decimal))
        add(iri, NKG.polarity, Literal(c.polarity))
        add(iri, NKG.method, Literal(c.method))
        ev = URIRef(str(iri) + "#evidence")
        add(iri, NKG.evidence, ev)
        add(ev, RDF.type, OA.TextPositionSelector)
        add(ev, RDF.type, OA.TextQuoteSelector)
        add(ev, OA.hasSource, a)
        add(ev, OA.start, Literal(c.sentence_start, datatype=XSD.nonNegativeInteger))
        add(ev, OA.end, Literal(c.sentence_end, datatype=XSD.nonNegativeInteger))
        add(ev, OA.exact, Literal(c.sentence))
        if c.attributed_to:
            add(iri, NKG.attributedTo, entity_iri(c.attributed_to))
        if c.amount:
            m = URIRef(str(iri) + "#amount")
            add(iri, NKG.amount, m)
            add(m, RDF.type, SDO.MonetaryAmount)
            add(m, SDO.value, Literal(Decimal(repr(c.amount.value)), datatype=XSD.decimal))
            add(m, SDO.currency, Literal(c.amount.currency))
        if c.date:
            add(iri, NKG.eventDate, date_literal(c.date))
        if c.ended:
            add(iri, NKG.ended, Literal(True))
        if c.end_date:
            add(iri, NKG.endDate, date_literal(c.end_date))
        if c.polarity == "asserted":
            add(s, p, o)
    return out
