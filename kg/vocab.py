"""The vocabulary: one place for every IRI kg writes.

It mirrors ``ontologies/kg.ttl``. Terms of the kg ontology live in
:class:`NKG` (a closed namespace: a misspelt term fails loudly); data IRIs
(articles, entities, claims, per-article graphs) are minted by the functions
below.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = [
    "BASE",
    "NKG",
    "OA",
    "SDO",
    "PROV",
    "SKOS",
    "RDF",
    "RDFS",
    "OWL",
    "XSD",
    "WD",
    "PREFIXES",
    "TYPE_CLASSES",
    "slug",
    "article_iri",
    "article_graph_iri",
    "entity_iri",
    "claim_iri",
    "predicate_iri",
    "DERIVED_GRAPH",
    "MERGED_GRAPH",
    "statement_iri",
    "conflict_iri",
    "local_name",
]

BASE = "https://w3id.org/nkg/"


class NKG(DefinedNamespace):
    """The kg ontology (``ontologies/kg.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Article: URIRef
    Claim: URIRef
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Product: URIRef
    Other: URIRef
    Statement: URIRef
    Conflict: URIRef
    # the twelve claim predicates
    partnerOf: URIRef
    sues: URIRef
    acquires: URIRef
    mergesWith: URIRef
    investsIn: URIRef
    founderOf: URIRef
    executiveOf: URIRef
    subsidiaryOf: URIRef
    develops: URIRef
    contractWith: URIRef
    offers: URIRef
    rivalOf: URIRef
    # claim provenance and qualifiers
    evidence: URIRef
    attributedTo: URIRef
    amount: URIRef
    eventDate: URIRef
    ended: URIRef
    endDate: URIRef
    confidence: URIRef
    polarity: URIRef
    method: URIRef
    # article metadata
    articleId: URIRef
    outlet: URIRef
    textHash: URIRef
    extractedWith: URIRef
    # derived: statements, their support, and conflicts between claims
    support: URIRef
    supportedBy: URIRef
    conflictKind: URIRef
    conflictingClaim: URIRef
    concerns: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation vocabulary (the terms kg uses)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    hasSource: URIRef


WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes declared for users in every query and serialisation.
PREFIXES: dict[str, str] = {
    "nkg": str(NKG._NS),
    "article": BASE + "article/",
    "entity": BASE + "entity/",
    "claim": BASE + "claim/",
    "graph": BASE + "graph/",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SDO),
    "oa": str(OA._NS),
    "wd": str(WD),
}

#: Coarse type name -> ontology class.
TYPE_CLASSES: dict[str, URIRef] = {
    "Person": NKG.Person,
    "Organization": NKG.Organization,
    "Place": NKG.Place,
    "Product": NKG.Product,
    "Other": NKG.Other,
}


def slug(text: str) -> str:
    """A lower-case, ASCII, hyphenated form of ``text`` for use in an IRI.

    >>> slug("Microsoft Corp.")
    'microsoft-corp'
    >>> slug("Société Générale")
    'societe-generale'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s or quote(text.strip().lower(), safe="")


def article_iri(article_id: str) -> URIRef:
    return URIRef(BASE + "article/" + quote(article_id, safe=""))


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything extracted from one article."""
    return URIRef(BASE + "graph/" + quote(article_id, safe=""))


def entity_iri(key: str) -> URIRef:
    return URIRef(BASE + "entity/" + quote(key, safe=""))


def claim_iri(article_id: str, local: str) -> URIRef:
    return URIRef(BASE + "claim/" + quote(article_id, safe="") + "/" + local)


#: The graph of what kg derives from all articles together (statements and
#: conflicts); outside ``graph/`` so that no article id can name it.
DERIVED_GRAPH = URIRef(BASE + "derived")

#: Where an external store keeps the merged graph, the default graph of kg's queries: every
#: triple of kg's graphs once. The embedded store keeps it in its own default graph.
MERGED_GRAPH = URIRef(BASE + "merged")


def statement_iri(local: str) -> URIRef:
    """A statement: one (subject, predicate, object) however many articles report it."""
    return URIRef(BASE + "statement/" + quote(local, safe=""))


def conflict_iri(local: str) -> URIRef:
    """A disagreement between the claims that report one statement."""
    return URIRef(BASE + "conflict/" + quote(local, safe=""))


def predicate_iri(name: str) -> URIRef:
    return NKG[name]


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return re.split(r"[#/]", str(iri))[-1]
